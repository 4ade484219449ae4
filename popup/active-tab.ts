import type { Browser } from 'webextension-polyfill';
import { readTab, type TabReading } from '../src/content/read-tab';

export interface TargetTab {
  id: number;
  /** Visible once the toolbar click granted activeTab (or, in the test build, through its host permission). */
  url: string | undefined;
}

/**
 * The tab the popup reads: the active tab of its window. The e2e test build (only) also accepts `?tab=ID`, because
 * Firefox's popup cannot be opened by a test and runs as an ordinary tab there; `__TEST_SEAMS__` is false in dist/,
 * so esbuild removes this branch from the shipped popup.
 */
export async function targetTab(api: Browser): Promise<TargetTab | null> {
  if (__TEST_SEAMS__) {
    const requested = new URLSearchParams(location.search).get('tab');
    if (requested) {
      const tab = await api.tabs.get(Number(requested));
      return tab.id === undefined ? null : { id: tab.id, url: tab.url };
    }
  }
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
}

export type PopupReading = TabReading | { kind: 'no-tab' };

/** Finds the tab and reads it; never rejects, so the popup always has a state to show. */
export async function readTargetTab(api: Browser): Promise<{ tab: TargetTab | null; reading: PopupReading }> {
  let tab: TargetTab | null = null;
  try {
    tab = await targetTab(api);
    if (!tab) return { tab, reading: { kind: 'no-tab' } };
    return { tab, reading: await readTab(api, tab.id, tab.url) };
  } catch (error) {
    return { tab, reading: { kind: 'error', message: error instanceof Error ? error.message : String(error) } };
  }
}
