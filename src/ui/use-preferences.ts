import { useEffect, useState } from 'preact/hooks';
import { applyPreferences, cachedPreferences, loadPreferences, onPreferencesChanged, type Preferences } from '../storage/preferences';

/**
 * Applies the last known preferences synchronously (first frame, no waiting on storage), then the stored ones,
 * then every later change made in any page.
 */
export function applyCachedPreferences(root: HTMLElement = document.documentElement): Preferences {
  const preferences = cachedPreferences();
  applyPreferences(root, preferences);
  return preferences;
}

export function usePreferences(initial: Preferences, root: HTMLElement = document.documentElement): Preferences {
  const [preferences, setPreferences] = useState(initial);
  useEffect(() => {
    let live = true;
    const update = (next: Preferences): void => {
      if (!live) return;
      applyPreferences(root, next);
      setPreferences(next);
    };
    loadPreferences().then(update, (error: unknown) => console.warn('Broadsheet: preferences unavailable, using defaults', error));
    const stop = onPreferencesChanged(update);
    return () => {
      live = false;
      stop();
    };
  }, [root]);
  return preferences;
}
