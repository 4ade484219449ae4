import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryError, SCHEMA_VERSION, type LibraryChange, type SavedArticle } from '../../src/storage/types';
import { articleVariant, dumpDatabase, failPutsFrom, fakeBrowser, IDBFactory, openTestLibrary, realArticle, type TestLibrary } from './helpers';

let opened: TestLibrary;
let stopFault: (() => void) | null = null;

beforeEach(async () => {
  fakeBrowser.reset();
  opened = await openTestLibrary();
});
afterEach(() => {
  stopFault?.();
  stopFault = null;
  opened.library.close();
});

async function seed(count: number): Promise<void> {
  for (let n = 0; n < count; n++) await opened.library.saveArticle(articleVariant(n), { savedAt: 1_000 + n });
}

function exportRecord(n: number): SavedArticle {
  return { ...articleVariant(100 + n), id: '', savedAt: 50 + n, readAt: null, tags: [], contentSaved: true, schema: SCHEMA_VERSION };
}

/** Raw requests against the test database, to stage what a crash, an old version or a disk fault leaves behind. */
async function rawWrite(factory: IDBFactory, write: (tx: IDBTransaction) => void, name = 'test-library'): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction([...db.objectStoreNames], 'readwrite');
    write(tx);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

describe('quota exhaustion', () => {
  it.each([1, 2, 3])('during a save (failing put #%i) gives a clear message and leaves the library as it was', async (failingPut) => {
    await seed(5);
    const before = await dumpDatabase(opened.factory);
    const changes: LibraryChange[] = [];
    opened.library.onChanged((change) => changes.push(change));
    stopFault = failPutsFrom(failingPut).stop;
    const error = await opened.library.saveArticle(realArticle()).catch((e: unknown) => e);
    stopFault();
    stopFault = null;
    expect(error).toBeInstanceOf(LibraryError);
    expect((error as LibraryError).code).toBe('quota');
    expect((error as LibraryError).message).toMatch(/not saved: the browser has no room left.*library is as it was/);
    expect(await dumpDatabase(opened.factory)).toEqual(before);
    expect(changes).toEqual([]);
    // The library still works once room is made.
    await opened.library.saveArticle(realArticle());
    expect(await opened.library.count()).toBe(6);
  });

  it('during a re-save keeps the earlier copy intact', async () => {
    const first = await opened.library.saveArticle(realArticle());
    const before = await opened.library.getArticle(first.id);
    stopFault = failPutsFrom(2).stop;
    await expect(opened.library.saveArticle({ ...realArticle(), title: 'Changed', textContent: 'changed' })).rejects.toMatchObject({ code: 'quota' });
    expect(await opened.library.getArticle(first.id)).toEqual(before);
  });

  it('during an import adds nothing (all or nothing) and loses no earlier article', async () => {
    await seed(3);
    const before = await dumpDatabase(opened.factory);
    const records = Array.from({ length: 40 }, (_, n) => exportRecord(n));
    stopFault = failPutsFrom(61).stop; // a third of the way through the file
    const error = await opened.library.importRecords(records).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'quota', message: expect.stringMatching(/^Nothing was imported: the browser has no room left/) });
    expect(await dumpDatabase(opened.factory)).toEqual(before);
  });

  it('reported at commit (as browsers do) is mapped the same way', async () => {
    await seed(2);
    const before = await dumpDatabase(opened.factory);
    // Real browsers usually fail the transaction rather than the put: abort it the way fake-indexeddb's engine does
    // for a failed operation, with a QuotaExceededError on the transaction and AbortError on the pending requests.
    const original = IDBTransaction.prototype.objectStore;
    let aborted = false;
    IDBTransaction.prototype.objectStore = function (this: IDBTransaction, name: string) {
      if (this.mode === 'readwrite' && !aborted) {
        aborted = true;
        const tx = this as IDBTransaction & { _abort(errorName: string): void };
        // A microtask, not a timer: under load a timer could fire after the transaction committed.
        queueMicrotask(() => tx._abort('QuotaExceededError'));
      }
      return original.call(this, name);
    };
    stopFault = () => (IDBTransaction.prototype.objectStore = original);
    const error = await opened.library.saveArticle(realArticle()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'quota' });
    expect(await dumpDatabase(opened.factory)).toEqual(before);
  });
});

describe('storage that rejects every write', () => {
  it('says so clearly for every kind of write and loses nothing', async () => {
    await seed(4);
    const ids = (await opened.library.listNewest(10)).items.map((m) => m.id);
    const before = await dumpDatabase(opened.factory);
    stopFault = failPutsFrom(1, 'UnknownError').stop;
    const attempts = [
      ['save', opened.library.saveArticle(realArticle())],
      ['link', opened.library.saveLink({ url: 'https://example.com/x', title: 'x' })],
      ['read', opened.library.setRead(ids, true)],
      ['import', opened.library.importRecords([exportRecord(1)])],
      ['restore', opened.library.restore([exportRecord(2)])],
    ] as const;
    for (const [label, attempt] of attempts) {
      const error = await attempt.catch((e: unknown) => e);
      expect(error, label).toBeInstanceOf(LibraryError);
      expect((error as LibraryError).code, label).toBe('unavailable');
      expect((error as LibraryError).message, label).toMatch(/storage refused the change\. Your library is as it was/);
    }
    expect(await dumpDatabase(opened.factory)).toEqual(before);
    // Reading still works: the reader keeps their articles while storage refuses writes.
    expect((await opened.library.listNewest(10)).items.map((m) => m.id)).toEqual(ids);
    expect((await opened.library.getArticle(ids[0]!))?.contentHtml).toContain('<p>');
  });
});

describe('damaged records', () => {
  it('a record with wrong types or missing fields is skipped and reported, never breaking a list, search or export', async () => {
    await seed(3);
    await rawWrite(opened.factory, (tx) => {
      tx.objectStore('meta').put({ id: 'https://bad.example/types', title: 7, savedAt: 1_500, doc: 1 });
      tx.objectStore('meta').put({ id: 'https://bad.example/missing', savedAt: 1_501, doc: 2 });
      tx.objectStore('meta').put({ ...realArticle(), id: 'https://bad.example/string-date', savedAt: 'yesterday', doc: 3 });
    });
    const newest = await opened.library.listNewest(10);
    expect(newest.items).toHaveLength(3);
    expect(newest.skipped).toEqual([
      { id: 'https://bad.example/string-date', reason: 'field "savedAt" has the wrong type' },
      { id: 'https://bad.example/missing', reason: 'missing field "canonicalUrl"' },
      { id: 'https://bad.example/types', reason: 'missing field "canonicalUrl"' },
    ]);
    const all = await opened.library.listAll('savedAt', 'desc');
    expect(all.items).toHaveLength(3);
    expect(all.skipped.map((s) => s.id).sort()).toEqual(['https://bad.example/missing', 'https://bad.example/string-date', 'https://bad.example/types']);
    await expect(opened.library.getMeta('https://bad.example/types')).rejects.toMatchObject({ code: 'corrupt', message: expect.stringMatching(/damaged/) });
    const skippedOnExport: string[] = [];
    const exported: SavedArticle[] = [];
    for await (const article of opened.library.exportAll(undefined, (s) => skippedOnExport.push(s.id))) exported.push(article);
    expect(exported).toHaveLength(3);
    expect(skippedOnExport).toHaveLength(3);
    const report = await opened.library.checkConsistency();
    expect(report.corruptSkipped).toHaveLength(3);
    // Reported, not destroyed: the reader (or a later version) decides.
    expect((await dumpDatabase(opened.factory))['meta']).toHaveLength(6);
  });

  it('a field of the wrong type is named in the report', async () => {
    const meta = await opened.library.saveArticle(realArticle());
    await rawWrite(opened.factory, (tx) => {
      const store = tx.objectStore('meta');
      const request = store.get(meta.id);
      request.onsuccess = () => store.put({ ...request.result, readAt: 'never', tags: 'news' });
    });
    expect((await opened.library.listNewest(5)).skipped).toEqual([{ id: meta.id, reason: 'field "readAt" has the wrong type' }]);
  });

  it('a damaged body gives a clear message for that article only', async () => {
    const meta = await opened.library.saveArticle(realArticle());
    await rawWrite(opened.factory, (tx) => tx.objectStore('bodies').put({ id: meta.id, contentHtml: null, textContent: 5 }));
    await expect(opened.library.getArticle(meta.id)).rejects.toMatchObject({ code: 'corrupt', message: expect.stringMatching(/Open the original page/) });
    expect((await opened.library.listNewest(5)).items).toHaveLength(1);
  });
});

describe('consistency check', () => {
  it('repairs an orphan body and a dangling entry left by a crash, losing no earlier article', async () => {
    await seed(4);
    const before = (await opened.library.listAll('savedAt', 'desc')).items;
    const orphan = articleVariant(90);
    const dangling = articleVariant(91);
    const danglingMeta = await opened.library.saveArticle(dangling, { savedAt: 9_000 });
    await rawWrite(opened.factory, (tx) => {
      // A crash after the body was written but before its entry…
      tx.objectStore('bodies').put({ id: orphan.canonicalUrl, contentHtml: orphan.contentHtml, textContent: orphan.textContent });
      // …and an entry whose body never made it to disk.
      tx.objectStore('bodies').delete(danglingMeta.id);
    });

    const report = await opened.library.checkConsistency();
    expect(report.orphanBodiesRemoved).toEqual([orphan.canonicalUrl]);
    expect(report.danglingEntriesRepaired).toEqual([danglingMeta.id]);
    expect(report.corruptSkipped).toEqual([]);

    const dump = await dumpDatabase(opened.factory);
    expect((dump['bodies'] as { id: string }[]).map((b) => b.id).sort()).toEqual(before.map((m) => m.id).sort());
    const repaired = await opened.library.getArticle(danglingMeta.id);
    expect(repaired).toMatchObject({ title: dangling.title, contentSaved: false, contentHtml: '' });
    for (const meta of before) expect((await opened.library.getArticle(meta.id))?.textContent).toBeTruthy();
    // A second run finds nothing left to do.
    const again = await opened.library.checkConsistency();
    expect([again.orphanBodiesRemoved, again.danglingEntriesRepaired, again.entriesReindexed, again.orphanTermsRemoved]).toEqual([[], [], [], 0]);
  });

  it('removes search terms without an entry and rebuilds missing ones', async () => {
    const kept = await opened.library.saveArticle(realArticle());
    const dump = await dumpDatabase(opened.factory);
    const keptDoc = (dump['meta']![0] as { doc: number }).doc;
    await rawWrite(opened.factory, (tx) => {
      tx.objectStore('terms').delete(keptDoc);
      tx.objectStore('terms').put({ doc: 42, id: 'https://gone.example/', head: ['ghost'], all: ['ghost'] });
    });
    expect(await opened.library.search('zelenskiy')).toEqual([]);
    const report = await opened.library.checkConsistency();
    expect(report).toMatchObject({ orphanTermsRemoved: 1, entriesReindexed: [kept.id] });
    expect((await opened.library.search('zelenskiy')).map((m) => m.id)).toEqual([kept.id]);
    expect(await opened.library.search('ghost')).toEqual([]);
  });
});

describe('concurrent saves from two contexts', () => {
  it('keeps all 200 when two pages save 100 each, interleaved', async () => {
    const factory = opened.factory;
    const popup = opened.library;
    const options = (await openTestLibrary(factory)).library;
    const saves: Promise<unknown>[] = [];
    for (let n = 0; n < 100; n++) {
      saves.push(popup.saveArticle(articleVariant(n, 20)));
      saves.push(options.saveArticle(articleVariant(100 + n, 20)));
    }
    await Promise.all(saves);
    expect(await popup.count()).toBe(200);
    expect(await options.count()).toBe(200);
    const ids = new Set((await options.listAll('savedAt', 'desc')).items.map((m) => m.id));
    for (let n = 0; n < 200; n++) expect(ids.has(articleVariant(n, 20).canonicalUrl)).toBe(true);
    const dump = await dumpDatabase(factory);
    expect([dump['bodies']!.length, dump['terms']!.length]).toEqual([200, 200]);
    options.close();
  });

  it('two pages saving the same article at once leave one entry', async () => {
    const second = (await openTestLibrary(opened.factory)).library;
    await Promise.all([opened.library.saveArticle(realArticle()), second.saveArticle({ ...realArticle(), url: `${realArticle().url}?utm_source=x` })]);
    expect(await opened.library.count()).toBe(1);
    expect((await dumpDatabase(opened.factory))['terms']).toHaveLength(1);
    second.close();
  });
});
