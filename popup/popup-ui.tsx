import { render } from 'preact';
import type { Browser } from 'webextension-polyfill';
import { applyLocaleDirection } from '../src/ui/locale-direction';
import { applyCachedPreferences } from '../src/ui/use-preferences';
import type { PopupReading, TargetTab } from './active-tab';
import { Popup } from './PopupApp';

/**
 * The popup's interface: Preact, the frame and the article skeleton. Loaded by popup.tsx with `import()` once the
 * tab is being read, so fetching and compiling this graph overlaps extraction instead of preceding it.
 */
type Reading = Promise<{ tab: TargetTab | null; reading: PopupReading }>;

export function startPopup(api: Browser, firstReading: Reading, readAgain: () => Reading): void {
  // popup.js is an async module script (it reads the tab without waiting for the stylesheet or the parser), so the
  // document may in principle still be parsing when this runs.
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => startPopup(api, firstReading, readAgain), { once: true });
    return;
  }
  applyLocaleDirection();
  const initialPreferences = applyCachedPreferences();
  render(<Popup api={api} firstReading={firstReading} readAgain={readAgain} initialPreferences={initialPreferences} />, document.getElementById('app')!);
}
