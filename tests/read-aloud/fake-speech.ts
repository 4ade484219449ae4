import type { SpeechEngine, SpeechPlatform, UtteranceLike, VoiceLike } from '../../src/ui/read-aloud/speech-types';

export function voice(name: string, lang: string, extra: Partial<VoiceLike> = {}): VoiceLike {
  return { name, lang, voiceURI: `${name}#${lang}`, default: false, localService: true, ...extra };
}

/**
 * An in-memory speech engine with the browser's observable behaviour: a queue, pause/resume flags, cancel firing
 * `interrupted` errors on what it drops, voices that may arrive later with `voiceschanged`. The test drives time:
 * `finishCurrent()` is the engine reaching the end of an utterance.
 */
export class FakeSpeechEngine implements SpeechEngine {
  spoken: UtteranceLike[] = [];
  queue: UtteranceLike[] = [];
  paused = false;
  calls: string[] = [];
  private voices: VoiceLike[];
  private listeners = new Set<() => void>();

  constructor(voices: VoiceLike[] = []) {
    this.voices = voices;
  }

  get speaking(): boolean {
    return this.queue.length > 0;
  }

  get pending(): boolean {
    return this.queue.length > 1;
  }

  get current(): UtteranceLike | undefined {
    return this.queue[0];
  }

  speak(utterance: UtteranceLike): void {
    this.calls.push('speak');
    this.spoken.push(utterance);
    this.queue.push(utterance);
  }

  cancel(): void {
    this.calls.push('cancel');
    const dropped = this.queue;
    this.queue = [];
    for (const utterance of dropped) utterance.onerror?.(Object.assign(new Event('error'), { error: 'interrupted' }));
  }

  pause(): void {
    this.calls.push('pause');
    this.paused = true;
  }

  resume(): void {
    this.calls.push('resume');
    this.paused = false;
  }

  getVoices(): VoiceLike[] {
    return this.voices;
  }

  addEventListener(_type: 'voiceschanged', listener: () => void): void {
    this.listeners.add(listener);
  }

  removeEventListener(_type: 'voiceschanged', listener: () => void): void {
    this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Voices arriving later, as Chromium does after the first getVoices(). */
  installVoices(voices: VoiceLike[]): void {
    this.voices = voices;
    for (const listener of [...this.listeners]) listener();
  }

  finishCurrent(): void {
    if (this.paused) throw new Error('the fake engine is paused: nothing finishes while paused');
    const utterance = this.queue.shift();
    if (!utterance) throw new Error('nothing is being spoken');
    utterance.onend?.(new Event('end'));
  }

  failCurrent(code: string): void {
    const utterance = this.queue.shift();
    if (!utterance) throw new Error('nothing is being spoken');
    utterance.onerror?.(Object.assign(new Event('error'), { error: code }));
  }
}

export function fakeSpeech(voices: VoiceLike[] = []): SpeechPlatform & { engine: FakeSpeechEngine } {
  const engine = new FakeSpeechEngine(voices);
  return {
    engine,
    createUtterance: (text) => ({ text, lang: '', rate: 1, voice: null, onend: null, onerror: null }),
  };
}
