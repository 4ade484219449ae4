// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { Browser } from 'webextension-polyfill';
import { DEFAULT_PREFERENCES } from '../../src/storage/preferences';
import type { Article } from '../../src/extract/types';

const SAVED = 100;
(globalThis as { browser?: unknown }).browser = fakeBrowser;
// fake-browser has no i18n: answer with the key and its substitutions, as t() does outside an extension.
fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) =>
  [key, ...([] as string[]).concat(substitutions ?? [])].join(' ')) as typeof fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getUILanguage = () => 'en-GB';

// Imported after `browser` exists: the pane opens the real library on fake-indexeddb with fake-browser's storage.
const { SavedPane } = await import('../../popup/SavedPane');
const { library } = await import('../../src/ui/library-access');

let host: HTMLElement;

function article(n: number): Article {
  const url = `https://news.example.org/world/${n}-story`;
  const text = `Story ${n} reports what the council decided about the harbour wall and what it will cost.`;
  return {
    url, canonicalUrl: url, title: `Harbour wall — part ${n}`, byline: 'A Reporter', siteName: 'Example News', published: '2024-10-16T10:05:00Z',
    modified: null, lang: 'en', dir: 'ltr', excerpt: null, leadImage: null, contentHtml: `<p>${text}</p>`, textContent: text,
    wordCount: text.split(' ').length, readingMinutes: 1,
  };
}

const rows = () => [...host.querySelectorAll<HTMLElement>('.saved-row')];
const rowFor = (n: number) => rows().find((row) => row.querySelector('.saved-row__title')?.textContent?.endsWith(`part ${n}`));

beforeAll(async () => {
  const lib = await library();
  for (let n = 0; n < SAVED; n += 1) await lib.saveArticle(article(n), { savedAt: 1_700_000_000_000 + n * 1000 });
  host = document.createElement('div');
  document.body.append(host);
  act(() => render(<SavedPane api={fakeBrowser as unknown as Browser} preferences={{ ...DEFAULT_PREFERENCES }} />, host));
  await vi.waitFor(() => expect(rows().length).toBeGreaterThan(0), { timeout: 10_000 });
}, 120_000);

afterAll(() => {
  if (host) render(null, host);
});

describe('saved list in the popup', () => {
  it('lists the newest first, renders only the rows in view and shows the total', async () => {
    expect(rows()[0]!.textContent).toContain(`part ${SAVED - 1}`);
    expect(rows().length).toBeLessThan(20);
    // The total is counted after the rows are read (counting visits every entry), so it may come a moment later.
    await vi.waitFor(() => expect(host.querySelector('.saved__summary')?.textContent).toContain(`savedCount ${SAVED}`), { timeout: 10_000 });
    expect(rows()[0]!.classList.contains('saved-row--unread')).toBe(true);
  });

  it('loads the next page of metadata when scrolled to the end of what it has', async () => {
    const viewport = host.querySelector<HTMLElement>('.bs-windowed')!;
    const loaded = () => Number(host.querySelector('li')?.getAttribute('aria-setsize'));
    const before = loaded();
    expect(before).toBeLessThan(SAVED);
    act(() => {
      viewport.scrollTop = before * 84;
      viewport.dispatchEvent(new Event('scroll'));
    });
    await vi.waitFor(() => expect(loaded()).toBeGreaterThan(before), { timeout: 10_000 });
  });

  it('marks read, removes and undoes, following the library as it changes', async () => {
    const viewport = host.querySelector<HTMLElement>('.bs-windowed')!;
    act(() => {
      viewport.scrollTop = 0;
      viewport.dispatchEvent(new Event('scroll'));
    });
    const newest = SAVED - 1;
    act(() => rowFor(newest)!.querySelector<HTMLButtonElement>('.saved-row__read')!.click());
    await vi.waitFor(() => expect(rowFor(newest)!.classList.contains('saved-row--unread')).toBe(false), { timeout: 10_000 });

    act(() => rowFor(newest)!.querySelector<HTMLButtonElement>('.saved-row__remove')!.click());
    await vi.waitFor(() => expect(rowFor(newest)).toBeUndefined(), { timeout: 10_000 });
    expect(await (await library()).count()).toBe(SAVED - 1);
    expect(host.querySelector('.toast')?.textContent).toContain(`part ${newest}`);

    act(() => host.querySelector<HTMLButtonElement>('.toast__undo')!.click());
    await vi.waitFor(() => expect(rowFor(newest)).toBeDefined(), { timeout: 10_000 });
    expect(rowFor(newest)!.classList.contains('saved-row--unread')).toBe(false);
    expect(await (await library()).count()).toBe(SAVED);
  });
});
