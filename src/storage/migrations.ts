/**
 * Every change of the library's layout or record shape, as numbered steps. Opening an older database runs the steps
 * after its version inside the versionchange transaction, so an upgrade either completes or leaves the old library.
 *
 *   1  the first schema: `meta` (SavedMeta by id, indexed by savedAt, published, siteName, readingMinutes, readAt)
 *      and `bodies` ({id, contentHtml, textContent}).
 *   2  full-text search: a `terms` store keyed by a per-article number `doc` (savedAt × 1000 + tie-breaker) holding
 *      [term, doc] pairs under a multi-entry index `keys`; every meta gains `doc` (indexed, unique) and schema 2, and
 *      its terms are built from its body.
 */
import type { LibraryDb, UpgradeTransaction } from './db';
import { allocateDoc, checkBody, checkMeta, termsRecord, type StoredMeta } from './records';
import { articleTerms } from './terms';
import { EMPTY_ARTICLE_FIELDS, SCHEMA_VERSION, type SavedArticle } from './types';

type UpgradeStep = (db: LibraryDb, transaction: UpgradeTransaction) => Promise<void>;

const STEPS: Record<number, UpgradeStep> = {
  1: async (db) => {
    const meta = db.createObjectStore('meta', { keyPath: 'id' });
    for (const field of ['savedAt', 'published', 'siteName', 'readingMinutes', 'readAt'] as const) {
      meta.createIndex(field, field);
    }
    db.createObjectStore('bodies', { keyPath: 'id' });
  },
  2: async (db, transaction) => {
    const terms = db.createObjectStore('terms', { keyPath: 'doc' });
    terms.createIndex('keys', 'keys', { multiEntry: true });
    const metaStore = transaction.objectStore('meta');
    metaStore.createIndex('doc', 'doc', { unique: true });
    const bodies = transaction.objectStore('bodies');
    const termsStore = transaction.objectStore('terms');
    for (let cursor = await metaStore.openCursor(); cursor; cursor = await cursor.continue()) {
      const checked = checkMeta(cursor.value);
      // A record the first schema could not read either stays as it is: lists report it, nothing deletes it.
      if (!checked.ok) continue;
      const meta = checked.record;
      const doc = await allocateDoc(meta.savedAt, async (key) => (await termsStore.getKey(key)) !== undefined);
      const body = checkBody(await bodies.get(meta.id));
      const textContent = body.ok ? body.record.textContent : '';
      const upgraded: StoredMeta = { ...meta, schema: 2, doc };
      await termsStore.put(termsRecord(doc, meta.id, splitTerms(meta, textContent)));
      await cursor.update(upgraded);
    }
  },
};

function splitTerms(meta: { title: string; siteName: string | null; byline: string | null; canonicalUrl: string }, textContent: string) {
  return articleTerms({ ...meta, url: meta.canonicalUrl, textContent });
}

export async function upgradeDatabase(db: LibraryDb, transaction: UpgradeTransaction, oldVersion: number): Promise<void> {
  for (let version = oldVersion + 1; version <= SCHEMA_VERSION; version++) {
    const step = STEPS[version];
    if (!step) throw new Error(`No upgrade step to library schema ${version}`);
    await step(db, transaction);
  }
}

/**
 * Brings a record from an export or an older schema to the current shape, filling what older versions did not
 * store. Fields that are present keep their values; checkMeta still rejects the record if they have the wrong type.
 */
export function upgradeRecord(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const record = { ...(raw as Record<string, unknown>) };
  const schema = typeof record['schema'] === 'number' ? record['schema'] : 0;
  if (schema >= SCHEMA_VERSION) return record;
  const contentHtml = typeof record['contentHtml'] === 'string' ? record['contentHtml'] : '';
  const defaults: Partial<Record<keyof SavedArticle, unknown>> = {
    canonicalUrl: record['url'],
    ...EMPTY_ARTICLE_FIELDS,
    readAt: null,
    tags: [],
    contentSaved: contentHtml !== '',
    contentHtml: '',
    textContent: '',
  };
  for (const [field, value] of Object.entries(defaults)) {
    if (record[field] === undefined) record[field] = value;
  }
  record['schema'] = SCHEMA_VERSION;
  return record;
}
