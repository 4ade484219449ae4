// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { Browser } from 'webextension-polyfill';
import { DEFAULT_PREFERENCES } from '../../src/storage/preferences';
import type { Article } from '../../src/extract/types';

(globalThis as { browser?: unknown }).browser = fakeBrowser;
fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) =>
  [key, ...([] as string[]).concat(substitutions ?? [])].join(' ')) as typeof fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getUILanguage = () => 'en-GB';

// Imported after `browser` exists, as in the popup: the pane and the prefetch share one library connection.
const { SavedPane, prefetchSavedList } = await import('../../popup/SavedPane');
const { library } = await import('../../src/ui/library-access');

const SAVED = 60;
let host: HTMLElement | null = null;

function article(n: number): Article {
  const url = `https://news.example.org/harbour/${n}`;
  const text = `Report ${n} on the harbour wall.`;
  return {
    url, canonicalUrl: url, title: `Harbour report ${n}`, byline: null, siteName: 'Example News', published: null, modified: null,
    lang: 'en', dir: 'ltr', excerpt: null, leadImage: null, contentHtml: `<p>${text}</p>`, textContent: text, wordCount: 6, readingMinutes: 1,
  };
}

// A title button reads "unread: <title>" (the prefix is for screen readers): keep the headline.
const titles = () => [...(host?.querySelectorAll('.saved-row__title') ?? [])].map((node) => (node.textContent ?? '').replace(/^unread: /, ''));

function mount(): void {
  host = document.createElement('div');
  document.body.append(host);
  act(() => render(<SavedPane api={fakeBrowser as unknown as Browser} preferences={{ ...DEFAULT_PREFERENCES }} />, host!));
}

beforeAll(async () => {
  const lib = await library();
  for (let n = 0; n < SAVED; n += 1) await lib.saveArticle(article(n), { savedAt: 1_700_000_000_000 + n * 1000 });
}, 60_000);

afterEach(() => {
  if (host) render(null, host);
  host?.remove();
  host = null;
});

describe('saved list prefetched while the popup is idle', () => {
  it('shows the prefetched rows in its first render, then picks up what changed after the prefetch', async () => {
    await prefetchSavedList();
    // Saved after the prefetch read its page: the view must not stay on the older page.
    await (await library()).saveArticle(article(SAVED), { savedAt: 1_700_000_000_000 + SAVED * 1000 });
    mount();
    // No waiting: the rows are there in the first render, from the prefetched page (newest first).
    expect(titles()[0]).toBe(`Harbour report ${SAVED - 1}`);
    await vi.waitFor(() => expect(titles()[0]).toBe(`Harbour report ${SAVED}`), { timeout: 10_000 });
    await vi.waitFor(() => expect(host!.querySelector('.saved__summary')?.textContent).toContain(`savedCount ${SAVED + 1}`), { timeout: 10_000 });
  });

  it('uses a prefetched page once: a later view reads the library itself', async () => {
    mount();
    expect(titles()).toEqual([]);
    expect(host!.querySelector('.saved__loading')).not.toBeNull();
    await vi.waitFor(() => expect(titles()[0]).toBe(`Harbour report ${SAVED}`), { timeout: 10_000 });
  });
});
