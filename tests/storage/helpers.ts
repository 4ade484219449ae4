import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from '@webext-core/fake-browser';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { vi } from 'vitest';
import { extractArticle } from '../../src/extract/index';
import type { Article } from '../../src/extract/types';
import { openLibrary, type ChangeStorage, type Library } from '../../src/storage/library';
import { recordBytes } from '../../src/storage/size';

const FIXTURE_URL = 'https://www.devdiscourse.com/article/headlines/3117350-north-koreas-alleged-role-in-ukraine-intercontinental-tensions-rise';

let fixtureArticle: Article | null = null;

/** The real seed page through the real pipeline: the article every storage test saves. */
export function realArticle(): Article {
  if (!fixtureArticle) {
    const html = readFileSync(new URL('../fixtures/pages/devdiscourse-north-korea-ukraine.html', import.meta.url), 'utf8');
    const dom = new JSDOM(html, { url: FIXTURE_URL });
    const outcome = extractArticle(dom.window.document, FIXTURE_URL);
    dom.window.close();
    if (outcome.kind !== 'article') throw new Error(`the seed fixture is no longer an article: ${outcome.kind}`);
    const { kind: _kind, ...article } = outcome;
    fixtureArticle = article;
  }
  return structuredClone(fixtureArticle);
}

/**
 * Article number `n` of a synthetic library: the real article's fields and markup at another address, with a
 * different slice of its words so that no two bodies are equal.
 */
export function articleVariant(n: number, words = 80): Article {
  const base = realArticle();
  const all = base.textContent.split(/\s+/).filter(Boolean);
  const start = (n * 7) % Math.max(1, all.length - words);
  const text = all.slice(start, start + words).join(' ');
  const url = `https://news.example.org/world/${n}-story`;
  return {
    ...base,
    url,
    canonicalUrl: url,
    title: `${base.title} — part ${n}`,
    contentHtml: `<p>${text}</p>`,
    textContent: text,
    wordCount: words,
    readingMinutes: 1,
  };
}

export interface TestLibrary {
  library: Library;
  factory: IDBFactory;
  storage: ChangeStorage;
}

/** A library on its own in-memory IndexedDB, with @webext-core/fake-browser standing in for browser.storage. */
export async function openTestLibrary(factory = new IDBFactory(), name = 'test-library'): Promise<TestLibrary> {
  const storage = fakeBrowser.storage as unknown as ChangeStorage;
  const library = await openLibrary({ idbFactory: factory, name, storage });
  return { library, factory, storage };
}

/** Counts what the code under test asks IndexedDB to write: every put/add value and every delete. */
export function recordWrites() {
  const tally = { puts: 0, deletes: 0, bytes: 0 };
  const put = IDBObjectStore.prototype.put;
  const add = IDBObjectStore.prototype.add;
  const del = IDBObjectStore.prototype.delete;
  const spies = [
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value, key) {
      tally.puts += 1;
      tally.bytes += recordBytes(value);
      return put.call(this, value, key);
    }),
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, value, key) {
      tally.puts += 1;
      tally.bytes += recordBytes(value);
      return add.call(this, value, key);
    }),
    vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(function (this: IDBObjectStore, query) {
      tally.deletes += 1;
      return del.call(this, query);
    }),
  ];
  return { tally, stop: () => spies.forEach((spy) => spy.mockRestore()) };
}

/** Makes the Nth put from now (1-based) and every later one fail as the browser does when the disk is full. */
export function failPutsFrom(n: number, name = 'QuotaExceededError') {
  let count = 0;
  const put = IDBObjectStore.prototype.put;
  const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value, key) {
    count += 1;
    if (count >= n) throw new DOMException('The quota has been exceeded.', name);
    return put.call(this, value, key);
  });
  return { attempts: () => count, stop: () => spy.mockRestore() };
}

/** Snapshot of every store, for "nothing changed" assertions. */
export async function dumpDatabase(factory: IDBFactory, name = 'test-library'): Promise<Record<string, unknown[]>> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const dump: Record<string, unknown[]> = {};
  for (const storeName of [...db.objectStoreNames]) {
    dump[storeName] = await new Promise((resolve, reject) => {
      const request = db.transaction(storeName).objectStore(storeName).getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }
  db.close();
  return dump;
}

export { fakeBrowser, IDBFactory };
