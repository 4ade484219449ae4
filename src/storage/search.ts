/**
 * Full-text search over the `terms` store's multi-entry indexes: each query term reads only its own postings
 * (the article numbers under that term), never a body. Hits are articles holding every term, those matching in
 * title/site/byline first, then newest first (a `doc` number grows with savedAt).
 */
import type { IDBPIndex } from 'idb';
import type { LibrarySchema } from './db';
import type { SearchQuery } from './terms';

type TermsIndex = IDBPIndex<LibrarySchema, ['terms' | 'meta'], 'terms', 'head' | 'all', 'readonly'>;

/**
 * Postings read for a prefix before giving up on completeness: a two-letter prefix can cover much of the index,
 * and the reader's next keystroke narrows it anyway.
 */
const PREFIX_POSTINGS_CAP = 50_000;

export async function matchingDocs(index: TermsIndex, query: SearchQuery): Promise<Set<number>> {
  const reads: Promise<number[]>[] = query.exact.map((term) => index.getAllKeys(term));
  if (query.prefix !== null) {
    reads.push(index.getAllKeys(IDBKeyRange.bound(query.prefix, `${query.prefix}\uffff`), PREFIX_POSTINGS_CAP));
  }
  if (reads.length === 0) return new Set();
  const postings = (await Promise.all(reads)).sort((a, b) => a.length - b.length);
  let matches = new Set(postings[0]);
  for (const list of postings.slice(1)) {
    if (matches.size === 0) break;
    const inList = new Set(list);
    matches = new Set([...matches].filter((doc) => inList.has(doc)));
  }
  return matches;
}

/** At most `limit` article numbers in the order results are shown. */
export async function rankedDocs(head: TermsIndex, all: TermsIndex, query: SearchQuery, limit: number): Promise<number[]> {
  const [headMatches, allMatches] = await Promise.all([matchingDocs(head, query), matchingDocs(all, query)]);
  const newestFirst = (a: number, b: number) => b - a;
  const ranked = [...headMatches].sort(newestFirst);
  if (ranked.length >= limit) return ranked.slice(0, limit);
  const bodyOnly = [...allMatches].filter((doc) => !headMatches.has(doc)).sort(newestFirst);
  return ranked.concat(bodyOnly).slice(0, limit);
}
