import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onLibraryChanged } from '../../src/storage/library';
import { SCHEMA_VERSION, type LibraryChange, type SavedArticle } from '../../src/storage/types';
import { articleVariant, fakeBrowser, openTestLibrary, realArticle, type TestLibrary } from './helpers';

let opened: TestLibrary;
beforeEach(async () => {
  fakeBrowser.reset();
  opened = await openTestLibrary();
});
afterEach(() => opened.library.close());

function record(n: number, fields: Partial<SavedArticle> = {}): SavedArticle {
  return { ...articleVariant(n), id: '', savedAt: 1_000 + n, readAt: null, tags: [], contentSaved: true, schema: SCHEMA_VERSION, ...fields };
}

describe('import merges by canonical URL', () => {
  it('adds new entries and merges known ones: earliest savedAt, any read time, every tag, the copy with content', async () => {
    const known = await opened.library.saveLink({ url: articleVariant(1).url, title: 'Saved as a link', savedAt: 5_000, tags: ['a'] });
    const read = await opened.library.saveArticle(articleVariant(2), { savedAt: 6_000 });
    await opened.library.setRead([read.id], true);
    const result = await opened.library.importRecords([
      record(1, { url: `${articleVariant(1).url}?utm_source=pocket`, canonicalUrl: '', savedAt: 4_000, tags: ['b'] }),
      record(2, { savedAt: 7_000, contentSaved: false, contentHtml: '', textContent: '', title: 'A bare link' }),
      record(3),
      record(3, { tags: ['dup'] }),
    ]);
    expect(result).toEqual({ added: 1, merged: 2, skipped: [] });
    expect(await opened.library.count()).toBe(3);
    const merged = await opened.library.getArticle(known.id);
    expect(merged).toMatchObject({ savedAt: 4_000, tags: ['a', 'b'], contentSaved: true, title: articleVariant(1).title });
    expect(merged?.textContent).toBe(articleVariant(1).textContent);
    const kept = await opened.library.getArticle(read.id);
    expect(kept).toMatchObject({ savedAt: 6_000, title: articleVariant(2).title, contentSaved: true });
    expect(kept?.readAt).toEqual(expect.any(Number));
    expect((await opened.library.getMeta(articleVariant(3).url))?.tags).toEqual(['dup']);
    // The merged entry is searchable under its new save time.
    expect((await opened.library.search(articleVariant(1).textContent.split(' ').slice(0, 3).join(' '), { limit: 10 })).map((m) => m.id)).toContain(known.id);
    expect((await opened.library.listNewest(1)).items[0]?.id).toBe(read.id);
  });

  it('exports everything, or the chosen ids, in chunks, and a round trip into an empty library is exact', async () => {
    for (let n = 0; n < 120; n++) await opened.library.importRecords([record(n)]);
    const all: SavedArticle[] = [];
    for await (const article of opened.library.exportAll()) all.push(article);
    expect(all).toHaveLength(120);
    const chosen: SavedArticle[] = [];
    for await (const article of opened.library.exportAll([all[5]!.id, all[77]!.id, 'https://missing.example/'])) chosen.push(article);
    expect(chosen.map((a) => a.id)).toEqual([all[5]!.id, all[77]!.id]);

    const other = await openTestLibrary(undefined, 'other-library');
    expect(await other.library.importRecords(all)).toEqual({ added: 120, merged: 0, skipped: [] });
    const again: SavedArticle[] = [];
    for await (const article of other.library.exportAll()) again.push(article);
    expect(again).toEqual(all);
    other.library.close();
  });
});

describe('size and notifications', () => {
  it('estimates the bytes in use from the records when the browser gives no estimate', async () => {
    const empty = await opened.library.bytesInUse();
    const meta = await opened.library.saveArticle(realArticle());
    const one = await opened.library.bytesInUse();
    expect(one - empty).toBeGreaterThan(realArticle().contentHtml.length);
    await opened.library.remove([meta.id]);
    expect(await opened.library.bytesInUse()).toBe(empty);
  });

  it('onLibraryChanged hears changes made through another connection', async () => {
    const heard: LibraryChange[] = [];
    const stop = onLibraryChanged((change) => heard.push(change), opened.storage);
    const other = await openTestLibrary(opened.factory);
    await other.library.importRecords([record(1), record(2)]);
    await other.library.clear();
    // A change is announced after its commit without the write waiting for it: it arrives a moment later.
    await vi.waitFor(() => expect(heard).toHaveLength(2));
    stop();
    expect(heard.map((c) => [c.kind, c.ids.length])).toEqual([
      ['imported', 2],
      ['cleared', 0],
    ]);
    other.library.close();
  });
});
