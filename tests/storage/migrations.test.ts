import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/storage/library';
import { LibraryError, SCHEMA_VERSION, type SavedMeta } from '../../src/storage/types';
import { articleVariant, dumpDatabase, failPutsFrom, fakeBrowser, IDBFactory, openTestLibrary, realArticle } from './helpers';

type FirstSchemaMeta = Omit<SavedMeta, 'schema'> & { schema: 1 };

/** A library exactly as the first schema wrote it: `meta` and `bodies`, no search index, records at schema 1. */
async function writeFirstSchemaLibrary(factory: IDBFactory, count: number, extra: unknown[] = []): Promise<FirstSchemaMeta[]> {
  const metas: FirstSchemaMeta[] = [];
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open('test-library', 1);
    request.onupgradeneeded = () => {
      const meta = request.result.createObjectStore('meta', { keyPath: 'id' });
      for (const field of ['savedAt', 'published', 'siteName', 'readingMinutes', 'readAt']) meta.createIndex(field, field);
      request.result.createObjectStore('bodies', { keyPath: 'id' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(['meta', 'bodies'], 'readwrite');
    for (let n = 0; n < count; n++) {
      const article = n === 0 ? realArticle() : articleVariant(n);
      const { contentHtml, textContent, kind: _kind, ...fields } = { kind: 'article', ...article };
      const meta: FirstSchemaMeta = {
        ...fields,
        id: article.canonicalUrl,
        savedAt: 1_600_000_000_000 + n,
        readAt: n % 2 ? 1_600_000_100_000 : null,
        tags: n === 0 ? ['first'] : [],
        contentSaved: true,
        schema: 1,
      };
      metas.push(meta);
      tx.objectStore('meta').put(meta);
      tx.objectStore('bodies').put({ id: meta.id, contentHtml, textContent });
    }
    for (const record of extra) tx.objectStore('meta').put(record);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  return metas;
}

beforeEach(() => fakeBrowser.reset());
let toClose: { close(): void }[] = [];
afterEach(() => {
  toClose.forEach((library) => library.close());
  toClose = [];
});

describe('migration from the first schema', () => {
  it('upgrades every record and builds the search index, losing nothing', async () => {
    const factory = new IDBFactory();
    const damaged = { id: 'https://old.example/damaged', title: null, savedAt: 5, schema: 1 };
    const metas = await writeFirstSchemaLibrary(factory, 12, [damaged]);
    const { library } = await openTestLibrary(factory);
    toClose.push(library);

    expect(await factory.databases()).toContainEqual({ name: 'test-library', version: SCHEMA_VERSION });
    const dump = await dumpDatabase(factory);
    expect(dump['terms']).toHaveLength(12);
    for (const record of dump['meta']!.filter((r) => (r as { id: string }).id !== damaged.id)) {
      expect(record).toMatchObject({ schema: SCHEMA_VERSION, doc: expect.any(Number) });
    }
    // The damaged record is left as it was and reported, not dropped.
    expect(dump['meta']).toContainEqual(damaged);

    const page = await library.listNewest(20);
    expect(page.items.map((m) => m.id)).toEqual([...metas].reverse().map((m) => m.id));
    expect(page.skipped).toEqual([{ id: damaged.id, reason: 'missing field "canonicalUrl"' }]);
    for (const old of metas) {
      expect(await library.getMeta(old.id)).toEqual({ ...old, schema: SCHEMA_VERSION });
    }
    expect((await library.getArticle(metas[0]!.id))?.textContent).toBe(realArticle().textContent);
    expect((await library.search('zelenskiy')).length).toBeGreaterThan(0);
    // Every variant's title begins with the real one: all twelve match, newest first.
    expect((await library.search(realArticle().title)).map((m) => m.id)).toEqual([...metas].reverse().map((m) => m.id));
  });

  it('a failed upgrade leaves the first-schema library untouched and says why it cannot open', async () => {
    const factory = new IDBFactory();
    await writeFirstSchemaLibrary(factory, 5);
    const before = await dumpDatabase(factory);
    const fault = failPutsFrom(3);
    const error = await openLibrary({ idbFactory: factory, name: 'test-library', storage: fakeBrowser.storage as never }).catch((e: unknown) => e);
    fault.stop();
    expect(error).toBeInstanceOf(LibraryError);
    expect((error as LibraryError).code).toBe('unavailable');
    expect(await factory.databases()).toContainEqual({ name: 'test-library', version: 1 });
    expect(await dumpDatabase(factory)).toEqual(before);
    // The next start upgrades it.
    const { library } = await openTestLibrary(factory);
    toClose.push(library);
    expect(await library.count()).toBe(5);
  });

  it('a library from a newer version is not opened or changed', async () => {
    const factory = new IDBFactory();
    await new Promise<void>((resolve) => {
      const request = factory.open('test-library', SCHEMA_VERSION + 1);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
    });
    await expect(openTestLibrary(factory)).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/newer version of Broadsheet/) });
  });
});

describe('older records inside a current library', () => {
  it('a schema-1 record (no search key) is listed, and the consistency check indexes it', async () => {
    const { library, factory } = await openTestLibrary();
    toClose.push(library);
    await library.saveArticle(articleVariant(1));
    const article = realArticle();
    const { contentHtml, textContent, ...fields } = article;
    const oldRecord = { ...fields, id: article.canonicalUrl, savedAt: 10, readAt: null, tags: [], contentSaved: true, schema: 1 };
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = factory.open('test-library');
      request.onsuccess = () => resolve(request.result);
    });
    await new Promise<void>((resolve) => {
      const tx = db.transaction(['meta', 'bodies'], 'readwrite');
      tx.objectStore('meta').put(oldRecord);
      tx.objectStore('bodies').put({ id: oldRecord.id, contentHtml, textContent });
      tx.oncomplete = () => resolve();
    });
    db.close();

    expect((await library.listNewest(5)).items.map((m) => m.id)).toContain(oldRecord.id);
    const report = await library.checkConsistency();
    expect(report.entriesReindexed).toEqual([oldRecord.id]);
    expect(await library.getMeta(oldRecord.id)).toMatchObject({ schema: SCHEMA_VERSION });
    expect((await library.search('kremlin')).map((m) => m.id)).toContain(oldRecord.id);
  });

  it('an export from before tags and read state existed imports with defaults filled in', async () => {
    const { library } = await openTestLibrary();
    toClose.push(library);
    const { canonicalUrl: _c, byline: _b, ...old } = { ...realArticle(), savedAt: 123 };
    const result = await library.importRecords([old, { title: 'no address' }, 'not a record']);
    expect(result).toEqual({
      added: 1,
      merged: 0,
      skipped: [
        { index: 1, reason: 'no valid URL' },
        { index: 2, reason: 'not a saved article' },
      ],
    });
    expect(await library.getMeta(old.url)).toMatchObject({ byline: null, tags: [], readAt: null, contentSaved: true, savedAt: 123, schema: SCHEMA_VERSION });
  });
});
