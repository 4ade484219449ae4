import { describe, expect, it, vi } from 'vitest';
import { saveTab, type SaveTabDeps } from '../../src/background/save-tab';
import { showSaveResult } from '../../src/background/badge';
import type { Article } from '../../src/extract/types';
import type { TabReading } from '../../src/content/read-tab';
import { LibraryError, type SavedMeta } from '../../src/storage/types';

const article: Article = {
  url: 'https://news.example/a?utm_source=x', canonicalUrl: 'https://news.example/a', title: 'Headline', byline: 'A', siteName: 'News',
  published: null, modified: null, lang: 'en', dir: null, excerpt: null, leadImage: null,
  contentHtml: '<p>Body</p><img src=x onerror=alert(1)>', textContent: 'Body', wordCount: 1, readingMinutes: 1,
};

function deps(reading: TabReading, overrides: Partial<SaveTabDeps> = {}) {
  const saved: unknown[] = [];
  const meta = (id: string) => ({ id }) as SavedMeta;
  const all: SaveTabDeps = {
    readTab: async () => reading,
    saveArticle: async (a) => (saved.push(a), meta(a.canonicalUrl)),
    saveLink: async (l) => (saved.push(l), meta(l.url)),
    sanitize: null,
    describe: (r) => (r.kind === 'restricted' ? `restricted:${r.restriction}` : r.kind === 'too-large' ? `too-large:${r.reason}` : r.message),
    ...overrides,
  };
  return { all, saved };
}

describe('saveTab (context menu)', () => {
  it('saves the article, sanitised where a DOM exists', async () => {
    const { all, saved } = deps({ kind: 'article', article }, { sanitize: (a) => ({ ...a, contentHtml: '<p>Body</p>' }) });
    expect(await saveTab(all, 1, article.url)).toEqual({ ok: true, meta: { id: 'https://news.example/a' } });
    expect((saved[0] as Article).contentHtml).toBe('<p>Body</p>');
  });

  it('stores the extracted HTML as is without a DOM (rendered only through the sanitising helper)', async () => {
    const { all, saved } = deps({ kind: 'article', article });
    await saveTab(all, 1, article.url);
    expect((saved[0] as Article).contentHtml).toBe(article.contentHtml);
  });

  it('keeps a page that is not an article as a link', async () => {
    const { all, saved } = deps({ kind: 'not-an-article', page: { kind: 'not-an-article', url: 'https://x.example/?a=1', canonicalUrl: 'https://x.example/', title: 'Home' } });
    expect((await saveTab(all, 1, undefined)).ok).toBe(true);
    expect(saved).toEqual([{ url: 'https://x.example/', title: 'Home' }]);
  });

  it('reports a restricted page and a full library without saving', async () => {
    const restricted = deps({ kind: 'restricted', restriction: 'store' });
    expect(await saveTab(restricted.all, 1, undefined)).toEqual({ ok: false, message: 'restricted:store' });
    const full = deps({ kind: 'article', article }, { saveArticle: async () => { throw new LibraryError('quota', 'Storage is full: nothing was saved.'); } });
    expect(await saveTab(full.all, 1, undefined)).toEqual({ ok: false, message: 'Storage is full: nothing was saved.' });
  });
});

describe('showSaveResult (badge)', () => {
  function fakeAction() {
    const calls: Array<[string, unknown]> = [];
    const record = (name: string) => async (details: unknown) => void calls.push([name, details]);
    return { calls, api: { action: { setBadgeText: record('text'), setBadgeBackgroundColor: record('color'), setTitle: record('title') } } as never };
  }

  it('shows ✓ and clears it after a few seconds', async () => {
    vi.useFakeTimers();
    try {
      const { calls, api } = fakeAction();
      await showSaveResult(api, 7, { ok: true }, 'Read this page');
      expect(calls).toContainEqual(['text', { text: '✓', tabId: 7 }]);
      vi.advanceTimersByTime(5000);
      expect(calls.at(-1)).toEqual(['text', { text: '', tabId: 7 }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows ! with the reason as the tooltip on failure', async () => {
    const { calls, api } = fakeAction();
    await showSaveResult(api, 7, { ok: false, message: 'Could not save: quota' }, 'Read this page');
    expect(calls).toContainEqual(['text', { text: '!', tabId: 7 }]);
    expect(calls).toContainEqual(['title', { title: 'Could not save: quota', tabId: 7 }]);
  });
});
