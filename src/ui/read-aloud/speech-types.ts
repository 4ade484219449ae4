/**
 * The parts of the Web Speech API that read-aloud uses, as narrow interfaces so a unit test can hand in a fake engine
 * (jsdom has no speechSynthesis) and a browser can hand in the real one unchanged.
 */
export interface VoiceLike {
  name: string;
  lang: string;
  voiceURI: string;
  default: boolean;
  localService: boolean;
}

export interface UtteranceLike {
  text: string;
  lang: string;
  rate: number;
  voice: VoiceLike | null;
  onend: ((event: Event) => void) | null;
  onerror: ((event: Event & { error?: string }) => void) | null;
}

export interface SpeechEngine {
  readonly speaking: boolean;
  readonly pending: boolean;
  readonly paused: boolean;
  speak(utterance: UtteranceLike): void;
  cancel(): void;
  pause(): void;
  resume(): void;
  getVoices(): VoiceLike[];
  addEventListener(type: 'voiceschanged', listener: () => void): void;
  removeEventListener(type: 'voiceschanged', listener: () => void): void;
}

export type UtteranceFactory = (text: string) => UtteranceLike;

export interface SpeechPlatform {
  engine: SpeechEngine;
  createUtterance: UtteranceFactory;
}

/** The browser's speech synthesis, or null where the page has none (some Linux builds, locked-down profiles). */
export function browserSpeech(scope: typeof globalThis = globalThis): SpeechPlatform | null {
  const { speechSynthesis, SpeechSynthesisUtterance } = scope as {
    speechSynthesis?: SpeechEngine;
    SpeechSynthesisUtterance?: new (text: string) => UtteranceLike;
  };
  if (!speechSynthesis || typeof SpeechSynthesisUtterance !== 'function') return null;
  return { engine: speechSynthesis, createUtterance: (text) => new SpeechSynthesisUtterance(text) };
}
