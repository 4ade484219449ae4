import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import {
  applyPreferences,
  cachedPreferences,
  loadPreferences,
  onPreferencesChanged,
  savePreferences,
  type Preferences,
} from '../storage/preferences';

/** Long enough to coalesce a slider drag into one write: storage.sync allows only ~120 writes a minute. */
const SAVE_DELAY_MS = 250;

export interface EditablePreferences {
  preferences: Preferences;
  change(changes: Partial<Preferences>): void;
  /** Set when a save failed; the message is for the reader. */
  saveError: string | null;
}

/**
 * The options page's preferences: shown and applied at once on every change (the preview follows the slider), saved
 * shortly after, and kept in step with changes made in other pages. Edits not yet saved win over a change arriving
 * from storage, so an older write echoing back cannot undo what the reader just did.
 */
export function useEditablePreferences(root: HTMLElement): EditablePreferences {
  const [preferences, setPreferences] = useState<Preferences>(() => {
    const cached = cachedPreferences();
    applyPreferences(root, cached);
    return cached;
  });
  const [saveError, setSaveError] = useState<string | null>(null);
  const pending = useRef<Partial<Preferences>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const show = useCallback(
    (next: Preferences) => {
      applyPreferences(root, next);
      setPreferences(next);
    },
    [root],
  );

  useEffect(() => {
    let live = true;
    loadPreferences().then(
      (loaded) => live && show({ ...loaded, ...pending.current }),
      (error: unknown) => live && setSaveError(error instanceof Error ? error.message : String(error)),
    );
    const stop = onPreferencesChanged((stored) => show({ ...stored, ...pending.current }));
    return () => {
      live = false;
      stop();
    };
  }, [show]);

  const flush = useCallback(() => {
    timer.current = null;
    const changes = pending.current;
    savePreferences(changes).then(
      () => {
        // Only the keys this write carried are settled; anything edited meanwhile stays pending.
        for (const key of Object.keys(changes) as (keyof Preferences)[]) {
          if (pending.current[key] === changes[key]) delete pending.current[key];
        }
        setSaveError(null);
      },
      (error: unknown) => setSaveError(error instanceof Error ? error.message : String(error)),
    );
  }, []);

  // A change made just before the tab closes is still written: the delayed save runs now instead.
  useEffect(() => {
    const saveNow = () => {
      if (!timer.current) return;
      clearTimeout(timer.current);
      flush();
    };
    addEventListener('pagehide', saveNow);
    return () => {
      removeEventListener('pagehide', saveNow);
      saveNow();
    };
  }, [flush]);

  const change = useCallback(
    (changes: Partial<Preferences>) => {
      pending.current = { ...pending.current, ...changes };
      setPreferences((current) => {
        const next = { ...current, ...changes };
        applyPreferences(root, next);
        return next;
      });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_DELAY_MS);
    },
    [root, flush],
  );

  return { preferences, change, saveError };
}
