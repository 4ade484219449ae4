/**
 * The shapes the library keeps in IndexedDB and the checks that turn a raw stored value back into a typed record.
 * Anything that fails a check is reported as corrupt rather than passed on to a view that would crash on it.
 */
import type { LeadImage } from '../extract/types';
import { SCHEMA_VERSION, type SavedArticle, type SavedMeta } from './types';

/**
 * A meta record as stored: the public SavedMeta plus `doc`, the number that keys its search-index entry. `doc` is
 * savedAt × 1000 plus a tie-breaker, so ordering search hits by `doc` orders them newest first without reading metas.
 */
export interface StoredMeta extends SavedMeta {
  doc: number;
}

export interface StoredBody {
  id: string;
  contentHtml: string;
  textContent: string;
}

/**
 * One article's search terms, keyed by its meta's `doc`. Each term is stored as the pair [term, doc] so that the
 * multi-entry index over `keys` orders each term's articles by `doc`: a search can then read the newest articles
 * holding a term without reading all of them.
 */
export interface StoredTerms {
  doc: number;
  id: string;
  keys: [string, number][];
}

export function termsRecord(doc: number, id: string, terms: readonly string[]): StoredTerms {
  return { doc, id, keys: terms.map((term) => [term, doc]) };
}

/** A stored value that could not be read as a record: skipped by lists, listed by the consistency check. */
export interface SkippedRecord {
  id: string;
  reason: string;
}

export type Checked<T> = { ok: true; record: T } | { ok: false; reason: string };

const isString = (value: unknown): value is string => typeof value === 'string';
const isStringOrNull = (value: unknown): value is string | null => value === null || typeof value === 'string';
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function isLeadImage(value: unknown): value is LeadImage | null {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  const image = value as Record<string, unknown>;
  return isString(image['src']) && isString(image['alt']) && isStringOrNull(image['caption']);
}

type FieldCheck = (value: unknown) => boolean;

const META_FIELDS: Record<keyof SavedMeta, FieldCheck> = {
  id: isString,
  canonicalUrl: isString,
  url: isString,
  title: isString,
  byline: isStringOrNull,
  siteName: isStringOrNull,
  published: isStringOrNull,
  modified: isStringOrNull,
  excerpt: isStringOrNull,
  lang: isStringOrNull,
  dir: (value) => value === null || value === 'ltr' || value === 'rtl',
  leadImage: isLeadImage,
  wordCount: isFiniteNumber,
  readingMinutes: isFiniteNumber,
  savedAt: isFiniteNumber,
  readAt: (value) => value === null || isFiniteNumber(value),
  tags: (value) => Array.isArray(value) && value.every(isString),
  contentSaved: (value) => typeof value === 'boolean',
  schema: isFiniteNumber,
};

/** Checks every SavedMeta field; returns a fresh object holding only the known fields. */
export function checkMeta(raw: unknown): Checked<SavedMeta> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'not an object' };
  const value = raw as Record<string, unknown>;
  const meta: Record<string, unknown> = {};
  for (const [field, check] of Object.entries(META_FIELDS)) {
    if (!(field in value)) return { ok: false, reason: `missing field "${field}"` };
    if (!check(value[field])) return { ok: false, reason: `field "${field}" has the wrong type` };
    meta[field] = value[field];
  }
  meta['tags'] = [...(value['tags'] as string[])];
  return { ok: true, record: meta as unknown as SavedMeta };
}

/** A stored meta with its search key; `doc` is null for a record from before schema 2, until the consistency check upgrades it. */
export interface ReadMeta {
  meta: SavedMeta;
  doc: number | null;
}

/** A stored meta as the views receive it; corrupt when a field is wrong or the record is newer than this code. */
export function checkStoredMeta(raw: unknown): Checked<ReadMeta> {
  const checked = checkMeta(raw);
  if (!checked.ok) return checked;
  if (checked.record.schema > SCHEMA_VERSION) {
    return { ok: false, reason: `written by a newer version of Broadsheet (schema ${checked.record.schema})` };
  }
  const doc = (raw as Record<string, unknown>)['doc'];
  return { ok: true, record: { meta: checked.record, doc: isFiniteNumber(doc) ? doc : null } };
}

export function checkBody(raw: unknown): Checked<StoredBody> {
  if (typeof raw !== 'object' || raw === null) return { ok: false, reason: 'not an object' };
  const value = raw as Record<string, unknown>;
  if (!isString(value['id']) || !isString(value['contentHtml']) || !isString(value['textContent'])) {
    return { ok: false, reason: 'body fields have the wrong type' };
  }
  return { ok: true, record: { id: value['id'], contentHtml: value['contentHtml'], textContent: value['textContent'] } };
}

export function joinArticle(meta: SavedMeta, body: StoredBody | null): SavedArticle {
  return { ...meta, contentHtml: body?.contentHtml ?? '', textContent: body?.textContent ?? '' };
}

/** The id of a stored value whose fields cannot be trusted, for reporting. */
export function rawId(raw: unknown, fallback: IDBValidKey): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['id'] : undefined;
  return typeof id === 'string' ? id : String(fallback);
}

/** Year 2255: keeps `doc` below 2^53, where numbers stop being exact. */
const LATEST_SAVED_AT = 9_000_000_000_000;

/** The first free search-index key for an article saved at `savedAt`; `isTaken` checks the index in the caller's transaction. */
export async function allocateDoc(savedAt: number, isTaken: (doc: number) => Promise<boolean>): Promise<number> {
  let doc = Math.min(Math.max(0, Math.floor(savedAt)), LATEST_SAVED_AT) * 1000;
  while (await isTaken(doc)) doc += 1;
  return doc;
}
