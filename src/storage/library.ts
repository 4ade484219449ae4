/**
 * The saved library: the only module that touches IndexedDB or browser.storage for saved articles.
 *
 *   const library = await openLibrary();                 // { name?, idbFactory?, storage? } for tests
 *   await library.saveArticle(article)                    → SavedMeta (re-saving one canonical URL updates it,
 *                                                            keeping savedAt, readAt and tags)
 *   await library.saveLink({ url, title, tags? })         → SavedMeta (contentSaved false; never replaces a saved body)
 *   await library.findByUrl(url)                          → SavedMeta | null (tracking parameters and #fragment ignored)
 *   await library.getMeta(id) / getArticle(id)            → SavedMeta | SavedArticle | null
 *   await library.listNewest(limit, after?)               → { items, skipped } newest first, reading only `limit` rows;
 *                                                            pass the last row as `after` for the next page
 *   await library.listAll(sort, order, onProgress?)       → { items, skipped } every meta (never a body), sorted; reads
 *                                                            the whole index (in chunks of 500): paint listNewest first
 *   await library.search(query, { limit = 50 })           → SavedMeta[] matching every word in title, site, byline or
 *                                                            text (last word as a prefix while typing), newest first;
 *                                                            stops reading once `limit` hits are found, so keep it small
 *   await library.count()
 *   await library.setRead(ids, read, restoreReadAt?)      → SavedMeta[] updated (restoreReadAt: old read times by id, for undo)
 *   await library.remove(ids)                             → SavedArticle[] removed, to pass to restore() for undo
 *   await library.restore(records)
 *   await library.importRecords(records)                  → { added, merged, skipped } — all written or none
 *   for await (const article of library.exportAll(ids?))  (reads in chunks; never holds the whole library)
 *   await library.clear()
 *   await library.bytesInUse()
 *   await library.checkConsistency()                      → ConsistencyReport (run once per browser start)
 *   library.onChanged(change => …) / onLibraryChanged(…)  → unsubscribe; fires in every extension page after a commit
 *
 * Every failure is a LibraryError whose message can be shown to the reader as it is: 'quota' and 'unavailable'
 * from a write mean nothing was changed. A stored record that cannot be read is skipped and listed in `skipped`
 * (lists) or raised as a 'corrupt' LibraryError (single reads); it never breaks a list.
 */
import type { IDBPTransaction } from 'idb';
import type { Article } from '../extract/types';
import { announceChange, describeChange, extensionStorage, listenForChanges, type ChangeStorage } from './changes';
import { changedAnything, repairLibrary, type ConsistencyReport } from './consistency';
import { ALL_STORES, DEFAULT_LIBRARY_NAME, openLibraryDb, type LibraryDb, type LibrarySchema, type LibraryStoreName } from './db';
import { canonicalId, entryFromArticle, entryFromLink, entryFromRecord, freeDoc, mergeEntries, putEntry, type Entry, type Existing, type WriteTransaction } from './entries';
import { writeFailure, type WriteAction } from './errors';
import { upgradeRecord } from './migrations';
import { checkBody, checkStoredMeta, joinArticle, rawId, type SkippedRecord } from './records';
import { searchDocs } from './search';
import { estimateBytes } from './size';
import { parseQuery } from './terms';
import { LibraryError, type LibraryChange, type SavedArticle, type SavedMeta, type SortKey } from './types';

export type { ConsistencyReport } from './consistency';
export type { SkippedRecord } from './records';
export type { ChangeStorage } from './changes';
export { canonicalId } from './entries';

export interface OpenLibraryOptions {
  /** Database name; tests use their own. */
  name?: string;
  /** Defaults to the page's `indexedDB`. */
  idbFactory?: IDBFactory;
  /** `browser.storage`, for change notification; defaults to the extension's own. */
  storage?: ChangeStorage;
}

export interface ListPage {
  items: SavedMeta[];
  /** Stored records that could not be read; shown to the reader as a count with the consistency report. */
  skipped: SkippedRecord[];
}

export interface ImportResult {
  added: number;
  merged: number;
  /** Records in the file that are not saved articles, with the reason, by position in the input. */
  skipped: { index: number; reason: string }[];
}

export type SortOrder = 'asc' | 'desc';

export interface Library {
  saveArticle(article: Article, options?: { savedAt?: number; tags?: string[] }): Promise<SavedMeta>;
  saveLink(link: { url: string; title: string; savedAt?: number; tags?: string[] }): Promise<SavedMeta>;
  findByUrl(url: string): Promise<SavedMeta | null>;
  getMeta(id: string): Promise<SavedMeta | null>;
  getArticle(id: string): Promise<SavedArticle | null>;
  listNewest(limit: number, after?: { savedAt: number; id: string }): Promise<ListPage>;
  listAll(sort: SortKey, order: SortOrder, onProgress?: (loaded: number, total: number) => void): Promise<ListPage>;
  search(query: string, options?: { limit?: number }): Promise<SavedMeta[]>;
  count(): Promise<number>;
  /** `restoreReadAt`: read times to give back by id (undoing "mark unread"); other ids marked read get now. */
  setRead(ids: string[], read: boolean, restoreReadAt?: ReadonlyMap<string, number>): Promise<SavedMeta[]>;
  remove(ids: string[]): Promise<SavedArticle[]>;
  restore(records: SavedArticle[]): Promise<void>;
  importRecords(records: readonly unknown[]): Promise<ImportResult>;
  exportAll(ids?: string[], onSkipped?: (record: SkippedRecord) => void): AsyncIterable<SavedArticle>;
  clear(): Promise<void>;
  bytesInUse(): Promise<number>;
  checkConsistency(): Promise<ConsistencyReport>;
  onChanged(callback: (change: LibraryChange) => void): () => void;
  close(): void;
}

const LIST_CHUNK = 500;
const EXPORT_CHUNK = 50;
const DEFAULT_SEARCH_LIMIT = 50;

export async function openLibrary(options: OpenLibraryOptions = {}): Promise<Library> {
  const factory = options.idbFactory ?? globalThis.indexedDB;
  if (!factory) {
    throw new LibraryError('unavailable', 'Your saved articles cannot be opened: this browser gives the extension no storage here.');
  }
  const db = await openLibraryDb(factory, options.name ?? DEFAULT_LIBRARY_NAME);
  const storage = options.storage ?? extensionStorage();
  return new IndexedDbLibrary(db, storage);
}

/** Listens for changes made by any extension page without opening the database (e.g. a page that only shows a badge). */
export function onLibraryChanged(callback: (change: LibraryChange) => void, storage?: ChangeStorage): () => void {
  return listenForChanges(storage ?? extensionStorage(), callback);
}

type ReadTransaction = IDBPTransaction<LibrarySchema, LibraryStoreName[], 'readonly'>;

class IndexedDbLibrary implements Library {
  constructor(
    private readonly db: LibraryDb,
    private readonly storage: ChangeStorage,
  ) {}

  async saveArticle(article: Article, options: { savedAt?: number; tags?: string[] } = {}): Promise<SavedMeta> {
    const entry = entryFromArticle(article, options.savedAt ?? Date.now(), options.tags ?? []);
    const stored = await this.write('save', async (tx) => {
      // The key a new entry would take is looked up alongside the read of an existing one: one round trip, not two.
      const [existing, doc] = await Promise.all([readExisting(tx, entry.meta.id), freeDoc(tx, entry.meta.savedAt)]);
      // Re-saving refreshes the content; when it was saved, whether it was read and its tags belong to the reader.
      const meta: SavedMeta = existing
        ? {
            ...entry.meta,
            savedAt: existing.meta.savedAt,
            readAt: existing.meta.readAt,
            tags: [...new Set([...existing.meta.tags, ...entry.meta.tags])],
          }
        : entry.meta;
      return putEntry(tx, { ...entry, meta }, existing, { freeDocFor: { savedAt: entry.meta.savedAt, doc } });
    });
    this.announce('saved', [stored.id]);
    return withoutDoc(stored);
  }

  async saveLink(link: { url: string; title: string; savedAt?: number; tags?: string[] }): Promise<SavedMeta> {
    const entry = entryFromLink({ ...link, savedAt: link.savedAt ?? Date.now(), tags: link.tags ?? [] });
    const saved = await this.write('save', async (tx): Promise<SavedMeta> => {
      const existing = await readExisting(tx, entry.meta.id);
      if (!existing) return withoutDoc(await putEntry(tx, entry, null));
      // A link never replaces a saved article's content: only new tags are added.
      const tags = [...new Set([...existing.meta.tags, ...entry.meta.tags])];
      if (tags.length === existing.meta.tags.length) return existing.meta;
      const raw = await tx.objectStore('meta').get(entry.meta.id);
      await tx.objectStore('meta').put({ ...raw!, tags });
      return { ...existing.meta, tags };
    });
    this.announce('saved', [saved.id]);
    return saved;
  }

  findByUrl(url: string): Promise<SavedMeta | null> {
    return this.getMeta(canonicalId(url));
  }

  getMeta(id: string): Promise<SavedMeta | null> {
    return this.read(['meta'], async (tx) => {
      const raw: unknown = await tx.objectStore('meta').get(id);
      return raw === undefined ? null : metaOrThrow(raw, id);
    });
  }

  getArticle(id: string): Promise<SavedArticle | null> {
    return this.read(['meta', 'bodies'], async (tx) => {
      const [raw, rawBody] = await Promise.all([tx.objectStore('meta').get(id), tx.objectStore('bodies').get(id)]);
      if (raw === undefined) return null;
      const meta = metaOrThrow(raw, id);
      if (!meta.contentSaved) return joinArticle(meta, null);
      const body = checkBody(rawBody);
      if (!body.ok) {
        throw new LibraryError('corrupt', 'The text of this saved article is damaged and cannot be shown. Open the original page to read it.');
      }
      return joinArticle(meta, body.record);
    });
  }

  listNewest(limit: number, after?: { savedAt: number; id: string }): Promise<ListPage> {
    return this.read(['meta'], async (tx) => {
      const page: ListPage = { items: [], skipped: [] };
      const index = tx.objectStore('meta').index('savedAt');
      if (!after && limit > 0) {
        // The first page (what a list paints first) in a few requests instead of one per row: a key cursor skips to
        // the limit-th newest savedAt, then getAll reads from there up (ascending, so reversed). Rows saved in the
        // same millisecond as that boundary can make the range larger than the page; when there are many, read
        // row by row below instead of fetching them all.
        const newest = await index.openKeyCursor(null, 'prev');
        if (!newest) return page;
        const boundary = limit > 1 ? await newest.advance(limit - 1) : newest;
        const range = boundary ? IDBKeyRange.lowerBound(boundary.key) : undefined;
        if (!boundary || (await index.count(range)) <= limit * 2) {
          const [values, keys] = await Promise.all([index.getAll(range), index.getAllKeys(range)]);
          // Ascending (savedAt, id) reversed is exactly the 'prev' cursor's order.
          for (let i = values.length - 1; i >= 0 && page.items.length < limit; i--) collect(page, values[i], keys[i]!);
          // A damaged record in the range is skipped and does not use up a row: then older rows are needed, and
          // the cursor below reads them (from the start, so the page is the same as it would have been).
          if (page.items.length === limit || !boundary) return page;
          page.items = [];
          page.skipped = [];
        }
      }
      const range = after ? IDBKeyRange.upperBound(after.savedAt) : undefined;
      let cursor = await index.openCursor(range, 'prev');
      while (cursor && page.items.length < limit) {
        // Rows saved in the same millisecond as `after` come in descending id order: skip those already shown.
        const alreadyShown = after !== undefined && cursor.key === after.savedAt && cursor.primaryKey >= after.id;
        if (!alreadyShown) collect(page, cursor.value, cursor.primaryKey);
        cursor = await cursor.continue();
      }
      return page;
    });
  }

  listAll(sort: SortKey, order: SortOrder, onProgress?: (loaded: number, total: number) => void): Promise<ListPage> {
    return this.read(['meta'], async (tx) => {
      const store = tx.objectStore('meta');
      const total = await store.count();
      const page: ListPage = { items: [], skipped: [] };
      let loaded = 0;
      let range: IDBKeyRange | undefined;
      for (;;) {
        // Chunks by primary key: a sort index would leave out records whose sort field is null (not a valid key).
        const [values, keys] = await Promise.all([store.getAll(range, LIST_CHUNK), store.getAllKeys(range, LIST_CHUNK)]);
        values.forEach((value, i) => collect(page, value, keys[i]!));
        loaded += values.length;
        onProgress?.(loaded, total);
        if (values.length < LIST_CHUNK) break;
        range = IDBKeyRange.lowerBound(keys.at(-1)!, true);
      }
      sortMetas(page.items, sort, order);
      return page;
    });
  }

  search(query: string, options: { limit?: number } = {}): Promise<SavedMeta[]> {
    const parsed = parseQuery(query);
    const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
    if (parsed.exact.length === 0 && parsed.prefix === null) return Promise.resolve([]);
    return this.read(['terms', 'meta'], async (tx) => {
      const docs = await searchDocs(tx, parsed, limit);
      const docIndex = tx.objectStore('meta').index('doc');
      const raws = await Promise.all(docs.map((doc) => docIndex.get(doc)));
      const results: SavedMeta[] = [];
      for (const raw of raws) {
        const checked = raw === undefined ? null : checkStoredMeta(raw);
        if (checked?.ok) results.push(checked.record.meta);
      }
      return results;
    });
  }

  count(): Promise<number> {
    return this.read(['meta'], (tx) => tx.objectStore('meta').count());
  }

  async setRead(ids: string[], read: boolean, restoreReadAt?: ReadonlyMap<string, number>): Promise<SavedMeta[]> {
    const now = Date.now();
    const updated = await this.write('update', async (tx) => {
      const store = tx.objectStore('meta');
      const raws = await Promise.all(ids.map((id) => store.get(id)));
      const changed: SavedMeta[] = [];
      for (const raw of raws) {
        const checked = raw === undefined ? null : checkStoredMeta(raw);
        if (!checked?.ok) continue;
        const { meta } = checked.record;
        const readAt = read ? (meta.readAt ?? restoreReadAt?.get(meta.id) ?? now) : null;
        if (readAt === meta.readAt) continue;
        await store.put({ ...raw!, readAt });
        changed.push({ ...meta, readAt });
      }
      return changed;
    });
    if (updated.length > 0) this.announce('read', updated.map((meta) => meta.id));
    return updated;
  }

  async remove(ids: string[]): Promise<SavedArticle[]> {
    const removed = await this.write('remove', async (tx) => {
      const metaStore = tx.objectStore('meta');
      const bodies = tx.objectStore('bodies');
      const found = await Promise.all(ids.map((id) => Promise.all([metaStore.get(id), bodies.get(id)])));
      const removedArticles: SavedArticle[] = [];
      const removedIds: string[] = [];
      for (const [i, [raw, rawBody]] of found.entries()) {
        const id = ids[i]!;
        if (raw === undefined && rawBody === undefined) continue;
        const doc = (raw as { doc?: unknown } | undefined)?.doc;
        await Promise.all([
          metaStore.delete(id),
          bodies.delete(id),
          typeof doc === 'number' ? tx.objectStore('terms').delete(doc) : null,
        ]);
        removedIds.push(id);
        const checked = raw === undefined ? null : checkStoredMeta(raw);
        const body = checkBody(rawBody);
        // A damaged record is still removed when asked; it just cannot be offered back for undo.
        if (checked?.ok) removedArticles.push(joinArticle(checked.record.meta, body.ok ? body.record : null));
      }
      return { removedArticles, removedIds };
    });
    if (removed.removedIds.length > 0) this.announce('removed', removed.removedIds);
    return removed.removedArticles;
  }

  async restore(records: SavedArticle[]): Promise<void> {
    const entries = records.map((record) => entryFromRecord(record));
    await this.write('restore', async (tx) => {
      for (const entry of entries) await putEntry(tx, entry, await readExisting(tx, entry.meta.id));
    });
    if (entries.length > 0) this.announce('saved', entries.map((entry) => entry.meta.id));
  }

  async importRecords(records: readonly unknown[]): Promise<ImportResult> {
    const result: ImportResult = { added: 0, merged: 0, skipped: [] };
    // Duplicates inside one file merge with each other first, so the transaction writes each id once.
    const incoming = new Map<string, Entry>();
    records.forEach((record, index) => {
      const checked = importableEntry(record);
      if (!checked.ok) {
        result.skipped.push({ index, reason: checked.reason });
        return;
      }
      const earlier = incoming.get(checked.entry.meta.id);
      incoming.set(checked.entry.meta.id, earlier ? mergeEntries(earlier, checked.entry) : checked.entry);
    });
    await this.write('import', async (tx) => {
      for (const entry of incoming.values()) {
        const existing = await readExisting(tx, entry.meta.id);
        if (!existing) {
          await putEntry(tx, entry, null);
          result.added += 1;
          continue;
        }
        const existingEntry = await readEntry(tx, existing);
        const merged = mergeEntries(existingEntry, entry);
        await putEntry(tx, merged, existing, { keepStoredBody: merged.body === existingEntry.body });
        result.merged += 1;
      }
    });
    if (incoming.size > 0) this.announce('imported', [...incoming.keys()]);
    return result;
  }

  async *exportAll(ids?: string[], onSkipped?: (record: SkippedRecord) => void): AsyncGenerator<SavedArticle> {
    let after: string | null = null;
    let position = 0;
    for (;;) {
      const chunk = await this.read(['meta', 'bodies'], async (tx) => {
        const metaStore = tx.objectStore('meta');
        let keys: string[];
        if (ids) keys = ids.slice(position, position + EXPORT_CHUNK);
        else keys = await metaStore.getAllKeys(after === null ? undefined : IDBKeyRange.lowerBound(after, true), EXPORT_CHUNK);
        const rows = await Promise.all(keys.map((key) => Promise.all([metaStore.get(key), tx.objectStore('bodies').get(key)])));
        return { keys, rows };
      });
      position += chunk.keys.length;
      after = chunk.keys.at(-1) ?? after;
      for (const [i, [raw, rawBody]] of chunk.rows.entries()) {
        if (raw === undefined) continue;
        const checked = checkStoredMeta(raw);
        const body = checkBody(rawBody);
        if (!checked.ok) onSkipped?.({ id: rawId(raw, chunk.keys[i]!), reason: checked.reason });
        else if (checked.record.meta.contentSaved && !body.ok) onSkipped?.({ id: checked.record.meta.id, reason: `body: ${body.reason}` });
        else yield joinArticle(checked.record.meta, body.ok ? body.record : null);
      }
      if (chunk.keys.length < EXPORT_CHUNK) return;
    }
  }

  async clear(): Promise<void> {
    await this.write('clear', async (tx) => {
      await Promise.all(ALL_STORES.map((name) => tx.objectStore(name).clear()));
    });
    this.announce('cleared', []);
  }

  async bytesInUse(): Promise<number> {
    const estimate = await globalThis.navigator?.storage?.estimate?.().catch(() => null);
    if (estimate?.usage !== undefined) return estimate.usage;
    return this.read(ALL_STORES, (tx) => estimateBytes(tx));
  }

  async checkConsistency(): Promise<ConsistencyReport> {
    const report = await this.write('repair', (tx) => repairLibrary(tx));
    if (changedAnything(report)) this.announce('repaired', []);
    return report;
  }

  onChanged(callback: (change: LibraryChange) => void): () => void {
    return listenForChanges(this.storage, callback);
  }

  close(): void {
    this.db.close();
  }

  /** Runs `work` in one readwrite transaction over every store: it all commits, or nothing does. */
  private async write<T>(action: WriteAction, work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    let tx: WriteTransaction | undefined;
    try {
      tx = this.db.transaction(ALL_STORES, 'readwrite');
      // Observed before any await, so an abort below is never reported as an unhandled rejection.
      const done = tx.done.then(
        () => null,
        (error: unknown) => error ?? new Error('transaction aborted'),
      );
      let result: T;
      try {
        result = await work(tx);
      } catch (error) {
        abortQuietly(tx);
        const failure = await done;
        // When the transaction itself failed (quota at commit), requests only see AbortError: report the cause.
        throw failure instanceof DOMException && failure.name !== 'AbortError' ? failure : error;
      }
      const failure = await done;
      if (failure) throw failure;
      return result;
    } catch (error) {
      throw writeFailure(action, error);
    }
  }

  private async read<T>(stores: LibraryStoreName[], work: (tx: ReadTransaction) => Promise<T>): Promise<T> {
    try {
      return await work(this.db.transaction(stores, 'readonly'));
    } catch (error) {
      if (error instanceof LibraryError) throw error;
      throw new LibraryError('unavailable', 'Your saved articles could not be read just now. Close and reopen this page; nothing has been deleted.', {
        cause: error,
      });
    }
  }

  /**
   * Tells other pages after a commit. Not awaited: the caller waits for the commit alone (storage.local.set is
   * another write, in another database, that added its time to every save); announceChange never rejects.
   */
  private announce(kind: LibraryChange['kind'], ids: string[]): void {
    void announceChange(this.storage, describeChange(kind, ids));
  }
}

function abortQuietly(tx: WriteTransaction): void {
  try {
    tx.abort();
  } catch {
    // Already aborted by the failed request, or already finished.
  }
}

async function readExisting(tx: WriteTransaction, id: string): Promise<Existing | null> {
  const raw: unknown = await tx.objectStore('meta').get(id);
  if (raw === undefined) return null;
  const checked = checkStoredMeta(raw);
  // A damaged record under this id is replaced by the new one: it could not be shown anyway.
  return checked.ok ? checked.record : null;
}

async function readEntry(tx: WriteTransaction, existing: Existing): Promise<Entry> {
  const [rawBody, stored] = await Promise.all([
    tx.objectStore('bodies').get(existing.meta.id),
    existing.doc === null ? undefined : tx.objectStore('terms').get(existing.doc),
  ]);
  const terms = stored?.keys.map(([term]) => term);
  const body = checkBody(rawBody);
  const storedBody = existing.meta.contentSaved && body.ok ? body.record : null;
  return {
    meta: existing.meta,
    body: storedBody,
    terms: terms ?? entryFromRecord(joinArticle(existing.meta, storedBody)).terms,
  };
}

function importableEntry(record: unknown): { ok: true; entry: Entry } | { ok: false; reason: string } {
  const upgraded = upgradeRecord(record);
  if (typeof upgraded !== 'object' || upgraded === null) return { ok: false, reason: 'not a saved article' };
  const fields = upgraded as Record<string, unknown>;
  const url = typeof fields['canonicalUrl'] === 'string' && fields['canonicalUrl'] ? fields['canonicalUrl'] : fields['url'];
  if (typeof url !== 'string' || !URL.canParse(url)) return { ok: false, reason: 'no valid URL' };
  if (typeof fields['contentHtml'] !== 'string' || typeof fields['textContent'] !== 'string') {
    return { ok: false, reason: 'text fields have the wrong type' };
  }
  try {
    return { ok: true, entry: entryFromRecord({ ...fields, id: canonicalId(url) } as unknown as SavedArticle) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function metaOrThrow(raw: unknown, id: string): SavedMeta {
  const checked = checkStoredMeta(raw);
  if (checked.ok) return checked.record.meta;
  throw new LibraryError('corrupt', `This saved entry is damaged (${checked.reason}) and cannot be shown. Other saved articles are not affected.`, {
    cause: { id },
  });
}

function collect(page: ListPage, raw: unknown, key: IDBValidKey): void {
  const checked = checkStoredMeta(raw);
  if (checked.ok) page.items.push(checked.record.meta);
  else page.skipped.push({ id: rawId(raw, key), reason: checked.reason });
}

function withoutDoc(stored: SavedMeta & { doc?: number }): SavedMeta {
  const { doc: _doc, ...meta } = stored;
  return meta;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Entries without the sort field (no published date, no site) go last in either order; ties show newest first. */
function sortMetas(items: SavedMeta[], sort: SortKey, order: SortOrder): void {
  const direction = order === 'asc' ? 1 : -1;
  // Published dates carry their page's UTC offset, so they are compared as instants, not as strings.
  const sortValue = (meta: SavedMeta): number | string | null => {
    if (sort !== 'published') return meta[sort];
    const instant = meta.published === null ? NaN : Date.parse(meta.published);
    return Number.isNaN(instant) ? null : instant;
  };
  const keyed = items.map((meta) => ({ meta, value: sortValue(meta) }));
  keyed.sort((a, b) => {
    const x = a.value;
    const y = b.value;
    let compared = 0;
    if (x === y) compared = 0;
    else if (x === null) compared = 1;
    else if (y === null) compared = -1;
    else if (typeof x === 'number' && typeof y === 'number') compared = (x - y) * direction;
    else compared = collator.compare(String(x), String(y)) * direction;
    // Ties in the order listNewest pages them: newest first, then by descending id as the savedAt index does.
    return compared || b.meta.savedAt - a.meta.savedAt || (a.meta.id < b.meta.id ? 1 : a.meta.id > b.meta.id ? -1 : 0);
  });
  keyed.forEach(({ meta }, i) => (items[i] = meta));
}
