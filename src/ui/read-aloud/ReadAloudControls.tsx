import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, uiLocale } from '../i18n';
import { readableBlocks } from './blocks';
import { createNarrator, type Narrator, type NarratorState } from './narrator';
import { browserSpeech, type SpeechPlatform, type VoiceLike } from './speech-types';
import { pickVoice, voicesForMenu, VOICE_WAIT_MS, waitForVoices } from './voices';
import './read-aloud.css';

export const RATES = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;

export interface ReadAloudControlsProps {
  /** The rendered article (the `.bs-article` element) whose blocks are read; looked up when reading starts. */
  articleRoot: () => HTMLElement | null;
  /** The article's language tag; it picks the voice. */
  lang: string | null;
  /** Default: the browser's speechSynthesis. Null means the browser has none. */
  speech?: SpeechPlatform | null;
  voiceWaitMs?: number;
}

type Availability = { kind: 'loading' } | { kind: 'no-engine' } | { kind: 'no-voice' } | { kind: 'ready'; voices: VoiceLike[] };

const IDLE: NarratorState = { status: 'idle', index: -1, total: 0, error: null };

/**
 * Play/pause, stop, voice and speed for reading the article aloud. Where the browser has no speech synthesis or no
 * voice, it says so in place of the buttons. Give it a new `key` when the article changes: it reads the blocks it
 * found when play was first pressed.
 */
export function ReadAloudControls({ articleRoot, lang, speech: given, voiceWaitMs = VOICE_WAIT_MS }: ReadAloudControlsProps) {
  const speech = useMemo(() => (given === undefined ? browserSpeech() : given), [given]);
  const [availability, setAvailability] = useState<Availability>(speech ? { kind: 'loading' } : { kind: 'no-engine' });
  const [voice, setVoice] = useState<VoiceLike | null>(null);
  const [rate, setRate] = useState(1);
  const [reading, setReading] = useState<NarratorState>(IDLE);
  const narrator = useRef<Narrator | null>(null);

  useEffect(() => {
    if (!speech) return;
    let live = true;
    const show = (voices: VoiceLike[]): void => {
      if (!live) return;
      setAvailability(voices.length ? { kind: 'ready', voices } : { kind: 'no-voice' });
      setVoice((chosen) => (chosen && voices.includes(chosen) ? chosen : pickVoice(voices, lang)));
    };
    void waitForVoices(speech.engine, voiceWaitMs).then(show);
    // Voices installed or loaded after the wait (a slow engine start) still turn the message into controls.
    const onVoicesChanged = (): void => show(speech.engine.getVoices());
    speech.engine.addEventListener('voiceschanged', onVoicesChanged);
    return () => {
      live = false;
      speech.engine.removeEventListener('voiceschanged', onVoicesChanged);
    };
  }, [speech, lang, voiceWaitMs]);

  // Leaving the page or unmounting must not leave the browser talking.
  useEffect(() => {
    const stop = (): void => narrator.current?.stop();
    addEventListener('pagehide', stop);
    return () => {
      removeEventListener('pagehide', stop);
      stop();
    };
  }, []);

  const rateFormat = useMemo(() => new Intl.NumberFormat(uiLocale(), { maximumFractionDigits: 2 }), []);

  if (availability.kind === 'loading') {
    return (
      <div class="bs-read-aloud" role="group" aria-label={t('readAloud')}>
        <span class="bs-read-aloud__note" role="status">{t('readAloudLoading')}</span>
      </div>
    );
  }
  if (availability.kind !== 'ready' || !speech) {
    return (
      <div class="bs-read-aloud" role="group" aria-label={t('readAloud')}>
        <span class="bs-read-aloud__note" role="status" data-read-aloud="unavailable">
          {t(availability.kind === 'no-engine' ? 'readAloudNoEngine' : 'readAloudNoVoice')}
        </span>
      </div>
    );
  }

  const togglePlay = (): void => {
    if (reading.status === 'playing') {
      narrator.current?.pause();
      return;
    }
    if (reading.status === 'paused' && narrator.current) {
      narrator.current.play();
      return;
    }
    const root = articleRoot();
    const blocks = root ? readableBlocks(root) : [];
    narrator.current?.stop();
    narrator.current = createNarrator({ speech, blocks, lang, voice, rate, onChange: setReading });
    narrator.current.play();
  };

  const chooseVoice = (voiceURI: string): void => {
    const next = availability.voices.find((candidate) => candidate.voiceURI === voiceURI) ?? null;
    setVoice(next);
    narrator.current?.setVoice(next);
  };

  const chooseRate = (value: number): void => {
    setRate(value);
    narrator.current?.setRate(value);
  };

  const playLabel = reading.status === 'playing' ? t('readAloudPause') : reading.status === 'paused' ? t('readAloudResume') : t('readAloudPlay');
  const progress =
    reading.error !== null
      ? t('readAloudFailed', reading.error)
      : reading.status === 'idle'
        ? ''
        : t('readAloudProgress', rateFormat.format(reading.index + 1), rateFormat.format(reading.total));

  return (
    <div class="bs-read-aloud" role="group" aria-label={t('readAloud')} data-read-aloud={reading.status}>
      <button type="button" class="bs-button" onClick={togglePlay}>
        {playLabel}
      </button>
      <button type="button" class="bs-button" onClick={() => narrator.current?.stop()} disabled={reading.status === 'idle'}>
        {t('readAloudStop')}
      </button>
      <label class="bs-read-aloud__field">
        <span>{t('readAloudVoice')}</span>
        <select value={voice?.voiceURI ?? ''} onChange={(event) => chooseVoice(event.currentTarget.value)}>
          {voicesForMenu(availability.voices, lang).map((candidate) => (
            <option key={candidate.voiceURI} value={candidate.voiceURI}>
              {candidate.name} ({candidate.lang})
            </option>
          ))}
        </select>
      </label>
      <label class="bs-read-aloud__field">
        <span>{t('readAloudRate')}</span>
        <select value={String(rate)} onChange={(event) => chooseRate(Number(event.currentTarget.value))}>
          {RATES.map((value) => (
            <option key={value} value={String(value)}>
              {rateFormat.format(value)}×
            </option>
          ))}
        </select>
      </label>
      <span class="bs-read-aloud__note" role="status">
        {progress}
      </span>
    </div>
  );
}
