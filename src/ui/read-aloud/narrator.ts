import { blockText } from './blocks';
import type { SpeechPlatform, UtteranceLike, VoiceLike } from './speech-types';

/** Class on the block being read; the reader's CSS highlights it. */
export const READING_CLASS = 'bs-reading-now';

export type NarratorStatus = 'idle' | 'playing' | 'paused';

export interface NarratorState {
  status: NarratorStatus;
  /** Index of the block being read, -1 when idle. */
  index: number;
  total: number;
  /** The engine's error code when reading stopped on an error (e.g. `synthesis-failed`), else null. */
  error: string | null;
}

export interface NarratorOptions {
  speech: SpeechPlatform;
  blocks: HTMLElement[];
  /** The article's language, set on every utterance so an engine without the chosen voice still pronounces it right. */
  lang: string | null;
  voice: VoiceLike | null;
  rate: number;
  onChange(state: NarratorState): void;
  /** Brings the block being read into view; default scrolls it to the middle of the viewport. */
  reveal?(block: HTMLElement): void;
}

export interface Narrator {
  /** Starts from `fromIndex` (default: the first block), or resumes when paused. */
  play(fromIndex?: number): void;
  pause(): void;
  stop(): void;
  setVoice(voice: VoiceLike | null): void;
  setRate(rate: number): void;
  state(): NarratorState;
}

/** Errors an engine reports for an utterance we cancelled ourselves: not failures. */
const CANCELLATION_ERRORS = new Set(['interrupted', 'canceled']);

function revealCentered(block: HTMLElement): void {
  const reduceMotion = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  block.scrollIntoView?.({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
}

/**
 * Reads blocks aloud one utterance each, so the highlight follows the voice and no utterance is long enough to hit
 * an engine's limit (Chromium stops long utterances after about 15 seconds on some platforms).
 */
export function createNarrator(options: NarratorOptions): Narrator {
  const { speech, blocks, lang, onChange } = options;
  const reveal = options.reveal ?? revealCentered;
  let voice = options.voice;
  let rate = options.rate;
  let status: NarratorStatus = 'idle';
  let index = -1;
  let error: string | null = null;
  // Cancelling fires end/error events of the cancelled utterance later; each utterance remembers its generation and
  // its events are ignored once a newer one has started.
  let generation = 0;
  // Held so the utterance is not garbage-collected mid-speech: Chromium then never fires its `end` event.
  let current: UtteranceLike | null = null;

  const state = (): NarratorState => ({ status, index, total: blocks.length, error });
  const emit = (): void => onChange(state());

  function highlight(next: number): void {
    blocks.forEach((block, position) => block.classList.toggle(READING_CLASS, position === next));
    const block = blocks[next];
    if (block) reveal(block);
  }

  function finish(failure: string | null): void {
    generation += 1;
    current = null;
    status = 'idle';
    index = -1;
    error = failure;
    highlight(-1);
    emit();
  }

  function speakBlock(position: number): void {
    generation += 1;
    const mine = generation;
    const block = blocks[position];
    if (!block) {
      finish(null);
      return;
    }
    index = position;
    status = 'playing';
    error = null;
    highlight(position);
    const utterance = speech.createUtterance(blockText(block));
    utterance.voice = voice;
    utterance.lang = voice?.lang ?? lang ?? '';
    utterance.rate = rate;
    utterance.onend = () => {
      if (mine === generation) speakBlock(position + 1);
    };
    utterance.onerror = (event) => {
      if (mine !== generation || CANCELLATION_ERRORS.has(event.error ?? '')) return;
      speech.engine.cancel();
      finish(event.error ?? 'unknown');
    };
    current = utterance;
    speech.engine.speak(utterance);
    emit();
  }

  /** Drops whatever the engine is saying or holding paused, so the next speak() starts at once. */
  function silence(): void {
    generation += 1;
    if (speech.engine.paused) speech.engine.resume();
    // Only when something is queued: a cancel() right before speak() can swallow the new utterance in some engines.
    if (speech.engine.speaking || speech.engine.pending) speech.engine.cancel();
  }

  function restartCurrentBlock(): void {
    if (status === 'idle') return;
    silence();
    speakBlock(index);
  }

  return {
    play(fromIndex) {
      if (status === 'paused' && fromIndex === undefined) {
        speech.engine.resume();
        status = 'playing';
        emit();
        return;
      }
      silence();
      speakBlock(Math.max(0, Math.min(fromIndex ?? 0, blocks.length)));
    },
    pause() {
      if (status !== 'playing') return;
      speech.engine.pause();
      status = 'paused';
      emit();
    },
    stop() {
      if (status === 'idle' && index === -1 && current === null) return;
      silence();
      finish(null);
    },
    setVoice(next) {
      voice = next;
      restartCurrentBlock();
    },
    setRate(next) {
      rate = next;
      restartCurrentBlock();
    },
    state,
  };
}
