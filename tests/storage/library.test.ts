import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LibraryError, SCHEMA_VERSION, type LibraryChange } from '../../src/storage/types';
import { articleVariant, dumpDatabase, fakeBrowser, openTestLibrary, realArticle, type TestLibrary } from './helpers';

let opened: TestLibrary;

beforeEach(async () => {
  fakeBrowser.reset();
  opened = await openTestLibrary();
});
afterEach(() => opened.library.close());

describe('saving and reading back', () => {
  it('stores the whole clean article and reads it back from storage alone', async () => {
    const article = realArticle();
    const meta = await opened.library.saveArticle(article, { savedAt: 1_700_000_000_000 });
    expect(meta).toMatchObject({ id: article.canonicalUrl, title: article.title, savedAt: 1_700_000_000_000, readAt: null, contentSaved: true });
    const stored = await opened.library.getArticle(meta.id);
    expect(stored?.contentHtml).toBe(article.contentHtml);
    expect(stored?.textContent).toBe(article.textContent);
    expect(stored?.byline).toBe(article.byline);
    expect(stored?.published).toBe(article.published);
    expect(stored?.leadImage).toEqual(article.leadImage);
    expect(stored).not.toHaveProperty('doc');
  });

  it('writes the schema version on every record and as the database version', async () => {
    await opened.library.saveArticle(realArticle());
    await opened.library.saveLink({ url: 'https://example.com/not-an-article', title: 'A page' });
    const dump = await dumpDatabase(opened.factory);
    expect(dump['meta']).toHaveLength(2);
    for (const record of dump['meta']!) expect(record).toMatchObject({ schema: SCHEMA_VERSION });
    const versions = await opened.factory.databases();
    expect(versions).toContainEqual({ name: 'test-library', version: SCHEMA_VERSION });
  });

  it('rejects an article with fields of the wrong type with a clear message and stores nothing', async () => {
    const broken = { ...realArticle(), title: 42 as unknown as string };
    const error = await opened.library.saveArticle(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryError);
    expect((error as LibraryError).code).toBe('invalid');
    expect((error as LibraryError).message).toMatch(/could not be saved: field "title"/);
    expect(await opened.library.count()).toBe(0);
  });

  it('saves a non-article page as a link, and a link never replaces saved content', async () => {
    const article = realArticle();
    await opened.library.saveArticle(article);
    const link = await opened.library.saveLink({ url: `${article.canonicalUrl}#comments`, title: 'Comments', tags: ['later'] });
    expect(link.contentSaved).toBe(true);
    expect(link.tags).toEqual(['later']);
    expect((await opened.library.getArticle(article.canonicalUrl))?.textContent).toBe(article.textContent);
    const onlyLink = await opened.library.saveLink({ url: 'https://example.com/page', title: '' });
    expect(onlyLink).toMatchObject({ contentSaved: false, title: 'https://example.com/page' });
    expect((await opened.library.getArticle(onlyLink.id))?.contentHtml).toBe('');
  });

  it('gives a clear message for a link or an article without a valid address', async () => {
    await expect(opened.library.saveLink({ url: 'not a url', title: 'x' })).rejects.toThrow(/not a valid URL/);
    await expect(opened.library.saveArticle({ ...realArticle(), url: '', canonicalUrl: '' })).rejects.toMatchObject({ code: 'invalid' });
    expect(await opened.library.count()).toBe(0);
  });
});

describe('dedupe by canonical URL', () => {
  const base = 'https://www.example.com/2024/10/story?id=7';
  it.each([
    ['utm_* parameters', `${base}&utm_source=twitter&utm_medium=social&utm_campaign=x`],
    ['fbclid', `${base}&fbclid=IwAR0abc`],
    ['gclid', `${base}&gclid=Cj0KCQ`],
    ['a fragment', `${base}#comments`],
    ['all of them', `${base}&utm_source=a&fbclid=b&gclid=c#top`],
  ])('the same article reached with %s is one entry', async (_label, variantUrl) => {
    const article = { ...realArticle(), url: base, canonicalUrl: base };
    const first = await opened.library.saveArticle(article, { savedAt: 1000, tags: ['world'] });
    await opened.library.setRead([first.id], true);
    const again = { ...article, url: variantUrl, canonicalUrl: variantUrl, title: 'Updated headline' };
    const second = await opened.library.saveArticle(again, { savedAt: 2000, tags: ['korea'] });
    expect(await opened.library.count()).toBe(1);
    expect(second.id).toBe(base);
    // Re-saving refreshes the content but keeps when it was saved, that it was read, and its tags.
    expect(second).toMatchObject({ title: 'Updated headline', savedAt: 1000, tags: ['world', 'korea'] });
    expect(second.readAt).not.toBeNull();
    expect((await opened.library.findByUrl(variantUrl))?.id).toBe(base);
    expect((await opened.library.search('updated headline')).map((m) => m.id)).toEqual([base]);
  });

  it('keeps parameters that select content apart', async () => {
    await opened.library.saveArticle({ ...realArticle(), canonicalUrl: 'https://example.com/a?id=1' });
    await opened.library.saveArticle({ ...realArticle(), canonicalUrl: 'https://example.com/a?id=2' });
    expect(await opened.library.count()).toBe(2);
  });
});

describe('lists', () => {
  it('lists newest first in pages, reading only the rows asked for, including rows saved in the same millisecond', async () => {
    for (let n = 0; n < 25; n++) await opened.library.saveArticle(articleVariant(n), { savedAt: 1_000 + Math.floor(n / 3) });
    const seen: string[] = [];
    let after: { savedAt: number; id: string } | undefined;
    for (;;) {
      const page = await opened.library.listNewest(4, after);
      if (page.items.length === 0) break;
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items.map((m) => m.id));
      after = page.items.at(-1);
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    const all = await opened.library.listAll('savedAt', 'desc');
    expect(all.items.map((m) => m.id)).toEqual(seen);
  });

  it('sorts the whole list by published instant, site and reading time, entries without the field last', async () => {
    const dates = ['2024-10-16T15:35:00+05:30', '2024-10-16T12:00:00Z', null, '2023-01-01'];
    for (const [n, published] of dates.entries()) {
      await opened.library.saveArticle({ ...articleVariant(n), published, siteName: n === 1 ? null : `Site ${3 - n}`, readingMinutes: n }, { savedAt: n });
    }
    const byPublished = await opened.library.listAll('published', 'desc');
    // 15:35+05:30 is 10:05Z, earlier than 12:00Z though it sorts later as a string.
    expect(byPublished.items.map((m) => m.published)).toEqual(['2024-10-16T12:00:00Z', '2024-10-16T15:35:00+05:30', '2023-01-01', null]);
    const ascending = await opened.library.listAll('published', 'asc');
    expect(ascending.items.map((m) => m.published)).toEqual(['2023-01-01', '2024-10-16T15:35:00+05:30', '2024-10-16T12:00:00Z', null]);
    expect((await opened.library.listAll('siteName', 'asc')).items.map((m) => m.siteName)).toEqual(['Site 0', 'Site 1', 'Site 3', null]);
    expect((await opened.library.listAll('readingMinutes', 'desc')).items.map((m) => m.readingMinutes)).toEqual([3, 2, 1, 0]);
  });

  it('reports progress while reading a large list in chunks', async () => {
    await opened.library.importRecords(
      Array.from({ length: 1_200 }, (_, n) => ({ ...articleVariant(n, 10), savedAt: n, readAt: null, tags: [], contentSaved: true, schema: SCHEMA_VERSION })),
    );
    const progress: [number, number][] = [];
    const page = await opened.library.listAll('savedAt', 'desc', (loaded, total) => progress.push([loaded, total]));
    expect(page.items).toHaveLength(1_200);
    expect(progress).toEqual([
      [500, 1_200],
      [1_000, 1_200],
      [1_200, 1_200],
    ]);
  });
});

describe('read state, remove and undo', () => {
  it('marks read and unread', async () => {
    const meta = await opened.library.saveArticle(realArticle());
    const [read] = await opened.library.setRead([meta.id], true);
    expect(read?.readAt).toEqual(expect.any(Number));
    expect((await opened.library.getMeta(meta.id))?.readAt).toBe(read?.readAt);
    await opened.library.setRead([meta.id], false);
    expect((await opened.library.getMeta(meta.id))?.readAt).toBeNull();
  });

  it('removes entries with their bodies and search terms, and restores them exactly', async () => {
    const kept = await opened.library.saveArticle(articleVariant(1));
    const gone = await opened.library.saveArticle(realArticle(), { savedAt: 5, tags: ['t'] });
    await opened.library.setRead([gone.id], true);
    const before = await opened.library.getArticle(gone.id);
    const removed = await opened.library.remove([gone.id, 'https://never.saved/']);
    expect(removed).toEqual([before]);
    expect(await opened.library.getArticle(gone.id)).toBeNull();
    expect(await opened.library.search('zelenskiy')).toEqual([kept].map((m) => expect.objectContaining({ id: m.id })));
    const dump = await dumpDatabase(opened.factory);
    expect(dump['bodies']).toHaveLength(1);
    expect(dump['terms']).toHaveLength(1);
    await opened.library.restore(removed);
    expect(await opened.library.getArticle(gone.id)).toEqual(before);
    expect((await opened.library.search('zelenskiy')).map((m) => m.id).sort()).toEqual([gone.id, kept.id].sort());
  });

  it('clears everything', async () => {
    await opened.library.saveArticle(realArticle());
    await opened.library.clear();
    expect(await opened.library.count()).toBe(0);
    expect(await opened.library.search('korea')).toEqual([]);
  });
});

describe('search', () => {
  it('finds a word that occurs only in one article body', async () => {
    for (let n = 0; n < 20; n++) await opened.library.saveArticle(articleVariant(n));
    const special = articleVariant(20);
    special.textContent += ' The envoy praised the quinoa harvest in Pyongyang.';
    special.contentHtml += '<p>The envoy praised the quinoa harvest in Pyongyang.</p>';
    await opened.library.saveArticle(special);
    expect((await opened.library.search('quinoa')).map((m) => m.id)).toEqual([special.canonicalUrl]);
    expect((await opened.library.search('quinoa harvest ')).map((m) => m.id)).toEqual([special.canonicalUrl]);
    expect(await opened.library.search('quinoa banana')).toEqual([]);
  });

  it('matches the last word as a prefix while typing, folds case and accents, newest first', async () => {
    const inBody = { ...articleVariant(1), textContent: 'A visit to the Élysée palace' };
    const inTitle = { ...articleVariant(2), title: 'Elysée talks collapse' };
    await opened.library.saveArticle(inTitle, { savedAt: 1 });
    await opened.library.saveArticle(inBody, { savedAt: 2 });
    expect((await opened.library.search('ELYS')).map((m) => m.id)).toEqual([inBody.canonicalUrl, inTitle.canonicalUrl]);
    expect((await opened.library.search('elysee pal')).map((m) => m.id)).toEqual([inBody.canonicalUrl]);
    // A finished word (followed by a space) is no longer a prefix.
    expect(await opened.library.search('elys ')).toEqual([]);
  });

  it('finds by site, byline and host', async () => {
    const article = realArticle();
    await opened.library.saveArticle(article);
    expect(article.siteName).toBeTruthy();
    expect((await opened.library.search(article.siteName!)).map((m) => m.id)).toEqual([article.canonicalUrl]);
    expect((await opened.library.search('devdiscourse')).map((m) => m.id)).toEqual([article.canonicalUrl]);
  });

  it('returns newest first and at most the limit', async () => {
    for (let n = 0; n < 10; n++) await opened.library.saveArticle(articleVariant(n), { savedAt: 100 + n });
    const hits = await opened.library.search('part', { limit: 3 });
    expect(hits.map((m) => m.savedAt)).toEqual([109, 108, 107]);
  });

  it('finds every match across a library larger than one search window, in the same order as the list', async () => {
    const records = Array.from({ length: 700 }, (_, n) => {
      const article = articleVariant(n, 12);
      const extra = n === 3 ? ' walrus' : n % 100 === 0 ? ' centenary' : '';
      return { ...article, textContent: article.textContent + extra, savedAt: 10_000 + n, readAt: null, tags: [], contentSaved: true, schema: SCHEMA_VERSION };
    });
    await opened.library.importRecords(records);
    const newest = (await opened.library.listNewest(700)).items.map((m) => m.id);
    // A common word: exactly the newest N, whatever N.
    expect((await opened.library.search('part', { limit: 300 })).map((m) => m.id)).toEqual(newest.slice(0, 300));
    expect((await opened.library.search('part', { limit: 1_000 })).map((m) => m.id)).toEqual(newest);
    // Two words in every article: later windows hold more candidates than point checks are worth.
    expect((await opened.library.search('north part', { limit: 1_000 })).map((m) => m.id)).toEqual(newest);
    // A word only in the oldest window, alone and with a common word.
    expect((await opened.library.search('walrus')).map((m) => m.id)).toEqual([records[3]!.url]);
    expect((await opened.library.search('part walrus')).map((m) => m.id)).toEqual([records[3]!.url]);
    // A prefix standing for two terms spread over every window.
    const prefixed = await opened.library.search('part cent', { limit: 50 });
    expect(prefixed.map((m) => m.savedAt)).toEqual([10_600, 10_500, 10_400, 10_300, 10_200, 10_100, 10_000]);
  });

  it('finds every match when saves are bunched in time (a recent burst and a few old ones)', async () => {
    const records = Array.from({ length: 300 }, (_, n) => {
      const article = articleVariant(n, 12);
      const savedAt = n < 5 ? 1_000 + n : 1_700_000_000_000 + n;
      return { ...article, textContent: `${article.textContent}${n % 2 ? ' odd' : ''}`, savedAt, readAt: null, tags: [], contentSaved: true, schema: SCHEMA_VERSION };
    });
    await opened.library.importRecords(records);
    const newest = (await opened.library.listNewest(300)).items;
    const odd = newest.filter((m) => records.find((r) => r.url === m.id)!.textContent.endsWith(' odd')).map((m) => m.id);
    expect((await opened.library.search('odd part', { limit: 1_000 })).map((m) => m.id)).toEqual(odd);
    expect((await opened.library.search('odd', { limit: 10 })).map((m) => m.id)).toEqual(odd.slice(0, 10));
    expect((await opened.library.search('part', { limit: 1_000 })).map((m) => m.savedAt).slice(-5)).toEqual([1_004, 1_003, 1_002, 1_001, 1_000]);
  });
});

describe('change notification', () => {
  it('tells every listener what changed after each commit', async () => {
    const second = await openTestLibrary(opened.factory);
    const seen: LibraryChange[] = [];
    const stop = second.library.onChanged((change) => seen.push(change));
    const meta = await opened.library.saveArticle(realArticle());
    await opened.library.setRead([meta.id], true);
    await opened.library.setRead([meta.id], false);
    await opened.library.remove([meta.id]);
    // Announced after each commit without the write waiting for it: the last one arrives a moment later.
    await vi.waitFor(() => expect(seen).toHaveLength(4));
    stop();
    await opened.library.clear();
    expect(seen.map((c) => [c.kind, c.ids])).toEqual([
      ['saved', [meta.id]],
      ['read', [meta.id]],
      ['read', [meta.id]],
      ['removed', [meta.id]],
    ]);
    second.library.close();
  });

  it('does not announce a change that failed', async () => {
    const seen: LibraryChange[] = [];
    opened.library.onChanged((change) => seen.push(change));
    await opened.library.saveArticle({ ...realArticle(), title: null as unknown as string }).catch(() => undefined);
    expect(seen).toEqual([]);
  });
});
