import type { SpeechEngine, VoiceLike } from './speech-types';

/** How long to wait for voices that load asynchronously before saying none are installed. */
export const VOICE_WAIT_MS = 3000;

/**
 * The installed voices. Chromium returns [] from the first getVoices() call and fills the list later with a
 * `voiceschanged` event; an engine with no voices at all never fires it, hence the timeout.
 */
export function waitForVoices(engine: SpeechEngine, timeoutMs = VOICE_WAIT_MS): Promise<VoiceLike[]> {
  const now = engine.getVoices();
  if (now.length) return Promise.resolve(now);
  return new Promise((resolve) => {
    const finish = (): void => {
      clearTimeout(timer);
      engine.removeEventListener('voiceschanged', onChange);
      resolve(engine.getVoices());
    };
    const onChange = (): void => {
      if (engine.getVoices().length) finish();
    };
    const timer = setTimeout(finish, timeoutMs);
    engine.addEventListener('voiceschanged', onChange);
  });
}

function normalisedTag(tag: string): string {
  return tag.trim().replace(/_/g, '-').toLowerCase();
}

function primarySubtag(tag: string): string {
  return normalisedTag(tag).split('-')[0] ?? '';
}

/** Among equally good matches: the engine's default, then a local voice (works offline, sends no text away). */
function preferred(voices: VoiceLike[]): VoiceLike | null {
  return voices.find((voice) => voice.default) ?? voices.find((voice) => voice.localService) ?? voices[0] ?? null;
}

/**
 * The voice for an article in `lang`: one whose tag matches exactly (`pt-BR` = `pt_br`), else one with the same
 * primary language (`pt-PT` for `pt-BR`, `de-DE` for `de`), else the engine's default. Null only without voices.
 */
export function pickVoice(voices: VoiceLike[], lang: string | null | undefined): VoiceLike | null {
  if (lang?.trim()) {
    const wanted = normalisedTag(lang);
    const exact = voices.filter((voice) => normalisedTag(voice.lang) === wanted);
    if (exact.length) return preferred(exact);
    const samePrimary = voices.filter((voice) => primarySubtag(voice.lang) === primarySubtag(wanted));
    if (samePrimary.length) return preferred(samePrimary);
  }
  return preferred(voices);
}

/** Voices in the article's language first (the likely choices), then the rest, each group by name. */
export function voicesForMenu(voices: VoiceLike[], lang: string | null | undefined): VoiceLike[] {
  const primary = lang ? primarySubtag(lang) : null;
  const byName = (a: VoiceLike, b: VoiceLike): number => a.name.localeCompare(b.name);
  const matching = voices.filter((voice) => primary !== null && primarySubtag(voice.lang) === primary).sort(byName);
  const others = voices.filter((voice) => !matching.includes(voice)).sort(byName);
  return [...matching, ...others];
}
