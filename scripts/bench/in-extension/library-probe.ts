// Runs inside a bench-only page of the extension (same origin, so the same IndexedDB the popup and options use):
// seeds the library through src/storage's own seeding path, and times library operations where they really run.
import type { Article } from '../../../src/extract/types';
import { openLibrary, type ChangeStorage, type Library } from '../../../src/storage/library';
import { seededArticle, seedMarker } from '../../../src/storage/seed';
import type { SavedArticle } from '../../../src/storage/types';

/** What IndexedDB was asked to write during one operation: records put or deleted, and the JSON size of the values. */
export interface WriteTally {
  puts: number;
  deletes: number;
  bytes: number;
}

export interface Timed<T> {
  ms: number;
  value: T;
  writes: WriteTally;
  /** ms from the start: the first readwrite transaction created, its last write request answered, its commit. */
  phases: { transaction: number | null; lastWrite: number | null; committed: number | null };
}

declare global {
  // eslint-disable-next-line no-var
  var __bsLibrary: LibraryProbe;
}

// The newest seeded article's savedAt, fixed so a second seeding run continues the same timeline.
const NEWEST_SAVED_AT = Date.UTC(2026, 10, 1);

let tally: WriteTally = { puts: 0, deletes: 0, bytes: 0 };
let phases: Timed<unknown>['phases'] = { transaction: null, lastWrite: null, committed: null };
let startedAt = 0;
const since = () => performance.now() - startedAt;
const answered = (request: IDBRequest) => {
  request.addEventListener('success', () => (phases.lastWrite = since()));
  return request;
};

/** Where one write's time goes: building what to write, the requests, and the commit (the storage engine's part). */
function timeWritePhases(): void {
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const tx = transaction.apply(this, args);
    if (tx.mode === 'readwrite' && phases.transaction === null) {
      phases.transaction = since();
      tx.addEventListener('complete', () => (phases.committed = since()));
    }
    return tx;
  } as IDBDatabase['transaction'];
}
timeWritePhases();

/** Counts what the library hands to IndexedDB, the same way src/storage/size.ts sizes a record (UTF-16 JSON). */
function countWrites(): void {
  const store = IDBObjectStore.prototype;
  const put = store.put;
  const add = store.add;
  const remove = store.delete;
  store.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    tally.puts++;
    tally.bytes += JSON.stringify(value ?? null).length * 2;
    return answered(put.call(this, value, key));
  };
  store.add = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    tally.puts++;
    tally.bytes += JSON.stringify(value ?? null).length * 2;
    return answered(add.call(this, value, key));
  };
  store.delete = function (this: IDBObjectStore, query: IDBValidKey | IDBKeyRange) {
    tally.deletes++;
    return answered(remove.call(this, query));
  };
}
countWrites();

async function timed<T>(work: () => Promise<T>): Promise<Timed<T>> {
  tally = { puts: 0, deletes: 0, bytes: 0 };
  phases = { transaction: null, lastWrite: null, committed: null };
  startedAt = performance.now();
  const value = await work();
  return { ms: since(), value, writes: tally, phases };
}

let opened: Promise<Library> | null = null;
// chrome.storage directly: MV3 Chromium returns promises, and the bench page need not load the polyfill.
const extensionStorage = (globalThis as unknown as { chrome: { storage: ChangeStorage } }).chrome.storage;
const library = () => (opened ??= openLibrary({ storage: extensionStorage }));

class LibraryProbe {
  sources: Article[] = [];

  setSources(sources: Article[]): number {
    this.sources = sources;
    return sources.length;
  }

  /** Seeded articles n = from … to-1 (src/storage/seed.ts' records), written in batches through the import path. */
  async seed(from: number, to: number, batchSize = 250): Promise<{ ms: number; count: number }> {
    const lib = await library();
    const started = performance.now();
    for (let start = from; start < to; start += batchSize) {
      const batch: SavedArticle[] = [];
      for (let n = start; n < Math.min(to, start + batchSize); n++) batch.push(seededArticle(this.sources[n % this.sources.length]!, n, NEWEST_SAVED_AT));
      await lib.importRecords(batch);
    }
    return { ms: performance.now() - started, count: await lib.count() };
  }

  async search(query: string): Promise<Timed<number>> {
    const lib = await library();
    return timed(async () => (await lib.search(query)).length);
  }

  /** One more save of a new article (a source at an address not yet saved), the way the popup saves. */
  async saveOne(n: number): Promise<Timed<string>> {
    const lib = await library();
    const { id: _id, savedAt: _savedAt, readAt: _readAt, tags: _tags, contentSaved: _contentSaved, schema: _schema, ...article } = seededArticle(this.sources[n % this.sources.length]!, n, Date.now());
    return timed(async () => (await lib.saveArticle(article)).id);
  }

  async removeOne(id: string): Promise<Timed<number>> {
    const lib = await library();
    return timed(async () => (await lib.remove([id])).length);
  }

  /** The two reads the popup's saved list waits for before its first rows (popup/use-saved-list.ts), each timed alone. */
  async listReads(limit: number): Promise<{ listNewest: number; count: number }> {
    const lib = await library();
    const newest = await timed(async () => (await lib.listNewest(limit)).items.length);
    const counted = await timed(() => lib.count());
    return { listNewest: newest.ms, count: counted.ms };
  }

  async count(): Promise<number> {
    return (await library()).count();
  }

  async usage(): Promise<number> {
    return (await navigator.storage.estimate()).usage ?? 0;
  }

  marker(n: number): string {
    return seedMarker(n);
  }
}

globalThis.__bsLibrary = new LibraryProbe();
