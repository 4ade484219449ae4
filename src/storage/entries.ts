/**
 * Building and writing one library entry: its meta, its body and its search terms, always together inside the
 * caller's readwrite transaction, so the three can never disagree after a commit.
 */
import type { IDBPTransaction } from 'idb';
import type { Article } from '../extract/types';
import { stripTrackingParams } from '../extract/url';
import type { LibrarySchema, LibraryStoreName } from './db';
import { allocateDoc, checkMeta, termsRecord, type StoredBody, type StoredMeta } from './records';
import { articleTerms } from './terms';
import { EMPTY_ARTICLE_FIELDS, LibraryError, SCHEMA_VERSION, type SavedArticle, type SavedMeta } from './types';

export type WriteTransaction = IDBPTransaction<LibrarySchema, LibraryStoreName[], 'readwrite'>;

/** The library key of a URL: the same article reached with utm_*, fbclid, gclid or a #fragment is one entry. */
export function canonicalId(url: string): string {
  return stripTrackingParams(url.trim());
}

/** An entry ready to write: everything but `doc`, which is assigned inside the transaction. */
export interface Entry {
  meta: SavedMeta;
  /** Null for a link saved without content. */
  body: StoredBody | null;
  terms: string[];
}

export function entryFromArticle(article: Article, savedAt: number, tags: string[]): Entry {
  const address = typeof article.canonicalUrl === 'string' && article.canonicalUrl ? article.canonicalUrl : article.url;
  if (typeof address !== 'string' || !URL.canParse(address.trim())) {
    throw new LibraryError('invalid', 'This article could not be saved: its address is not a valid URL.');
  }
  const id = canonicalId(address);
  const meta = checkedMeta({
    id,
    canonicalUrl: id,
    url: article.url,
    title: article.title,
    byline: article.byline,
    siteName: article.siteName,
    published: article.published,
    modified: article.modified,
    excerpt: article.excerpt,
    lang: article.lang,
    dir: article.dir,
    leadImage: article.leadImage,
    wordCount: article.wordCount,
    readingMinutes: article.readingMinutes,
    savedAt,
    readAt: null,
    tags,
    contentSaved: true,
    schema: SCHEMA_VERSION,
  });
  if (typeof article.contentHtml !== 'string' || typeof article.textContent !== 'string') {
    throw new LibraryError('invalid', 'This article could not be saved: its text is missing.');
  }
  return {
    meta,
    body: { id, contentHtml: article.contentHtml, textContent: article.textContent },
    terms: articleTerms({ ...meta, url: id, textContent: article.textContent }),
  };
}

export function entryFromLink(link: { url: string; title: string; savedAt: number; tags: string[] }): Entry {
  if (typeof link.url !== 'string' || !URL.canParse(link.url.trim())) {
    throw new LibraryError('invalid', 'This link could not be saved: its address is not a valid URL.');
  }
  const id = canonicalId(link.url);
  const title = typeof link.title === 'string' && link.title.trim() ? link.title.trim() : id;
  const meta = checkedMeta({
    id,
    canonicalUrl: id,
    url: link.url.trim(),
    title,
    ...EMPTY_ARTICLE_FIELDS,
    savedAt: link.savedAt,
    readAt: null,
    tags: link.tags,
    contentSaved: false,
    schema: SCHEMA_VERSION,
  });
  return { meta, body: null, terms: articleTerms({ ...meta, url: id, textContent: '' }) };
}

/** An entry from an export file or an undo buffer, already upgraded to the current shape. */
export function entryFromRecord(record: SavedArticle): Entry {
  const id = canonicalId(record.canonicalUrl || record.url);
  const meta = checkedMeta({ ...stripBody(record), id, canonicalUrl: id, schema: SCHEMA_VERSION });
  const body = meta.contentSaved ? { id, contentHtml: record.contentHtml, textContent: record.textContent } : null;
  return { meta, body, terms: articleTerms({ ...meta, url: id, textContent: body?.textContent ?? '' }) };
}

function stripBody(record: SavedArticle): SavedMeta {
  const { contentHtml: _html, textContent: _text, ...meta } = record;
  return meta;
}

function checkedMeta(candidate: SavedMeta): SavedMeta {
  const checked = checkMeta(candidate);
  if (!checked.ok) throw new LibraryError('invalid', `This article could not be saved: ${checked.reason}.`);
  return checked.record;
}

/** What is already stored under an entry's id, as far as it can be read. */
export interface Existing {
  meta: SavedMeta;
  doc: number | null;
}

/** The first free search key (`doc`) for an article saved at `savedAt`, looked up in `tx`. */
export function freeDoc(tx: WriteTransaction, savedAt: number): Promise<number> {
  const termsStore = tx.objectStore('terms');
  const docIndex = tx.objectStore('meta').index('doc');
  return allocateDoc(savedAt, async (candidate) => {
    const [termsKey, metaKey] = await Promise.all([termsStore.getKey(candidate), docIndex.getKey(candidate)]);
    return termsKey !== undefined || metaKey !== undefined;
  });
}

export interface PutOptions {
  /** Leave the bodies store alone (an entry re-indexed or merged without touching its content). */
  keepStoredBody?: boolean;
  /** `freeDoc(tx, savedAt)` already looked up in this transaction (alongside the read of `existing`). */
  freeDocFor?: { savedAt: number; doc: number };
}

/**
 * Writes `entry` over `existing` (if any) in `tx`. The search key `doc` follows savedAt: kept when savedAt is
 * unchanged, else the old terms are deleted and a new key is allocated.
 */
export async function putEntry(tx: WriteTransaction, entry: Entry, existing: Existing | null, options: PutOptions = {}): Promise<StoredMeta> {
  const metaStore = tx.objectStore('meta');
  const termsStore = tx.objectStore('terms');
  const bodies = tx.objectStore('bodies');
  const { savedAt, id } = entry.meta;
  let doc = existing?.doc ?? null;
  const writes: Promise<unknown>[] = [];
  try {
    if (doc !== null && existing?.meta.savedAt !== savedAt) {
      writes.push(termsStore.delete(doc));
      doc = null;
    }
    doc ??= options.freeDocFor?.savedAt === savedAt ? options.freeDocFor.doc : await freeDoc(tx, savedAt);
    const stored: StoredMeta = { ...entry.meta, doc };
    // Asked for together and awaited once: IndexedDB applies them in order, and waiting for each in turn only added
    // a round trip to the database per record (issue 6: one save ≤ 50 ms).
    writes.push(metaStore.put(stored));
    if (!options.keepStoredBody) writes.push(entry.body ? bodies.put(entry.body) : bodies.delete(id));
    writes.push(termsStore.put(termsRecord(doc, id, entry.terms)));
    await Promise.all(writes);
    return stored;
  } catch (error) {
    // A request that throws as it is made (a clone error) aborts the transaction, and every request already made
    // then rejects: observe them, or they would surface as unhandled rejections.
    void Promise.allSettled(writes);
    throw error;
  }
}

/**
 * Two copies of one article (an import meeting the library): the copy with content wins the content; the
 * earliest savedAt, any readAt and every tag are kept.
 */
export function mergeEntries(existing: Entry, incoming: Entry): Entry {
  const contentSource = incoming.meta.contentSaved && !existing.meta.contentSaved ? incoming : existing;
  const meta: SavedMeta = {
    ...contentSource.meta,
    savedAt: Math.min(existing.meta.savedAt, incoming.meta.savedAt),
    readAt: existing.meta.readAt ?? incoming.meta.readAt,
    tags: [...new Set([...existing.meta.tags, ...incoming.meta.tags])],
  };
  return { meta, body: contentSource.body, terms: contentSource.terms };
}
