/**
 * Full-text search over the `terms` store's multi-entry index of [term, doc] pairs. Results come newest first
 * (`doc` grows with savedAt), so the search reads the library in windows of `doc` numbers from the newest down
 * and stops as soon as a window fills the requested number of hits: a common word costs about as much as a rare
 * one, and no query reads a body or a whole posting list unless it must to find enough hits.
 */
import type { IDBPIndex, IDBPTransaction } from 'idb';
import type { LibrarySchema, LibraryStoreName } from './db';
import type { SearchQuery } from './terms';

type SearchTransaction = IDBPTransaction<LibrarySchema, LibraryStoreName[], 'readonly'>;
type TermIndex = IDBPIndex<LibrarySchema, LibraryStoreName[], 'terms', 'keys', 'readonly'>;
type DocIndex = IDBPIndex<LibrarySchema, LibraryStoreName[], 'meta', 'doc', 'readonly'>;

/**
 * Terms a prefix may stand for. A two-letter prefix can begin thousands of terms; the reader's next keystroke
 * narrows it, so until then only the first ones (in alphabetical order) are searched.
 */
const MAX_PREFIX_EXPANSIONS = 64;
/** Articles in the first window; each next window is twice as large, so a rare query needs few windows. */
const FIRST_WINDOW = 256;

/** `doc` numbers of up to `limit` articles that hold every exact term and a term beginning with the prefix, newest first. */
export async function searchDocs(tx: SearchTransaction, query: SearchQuery, limit: number): Promise<number[]> {
  const termIndex: TermIndex = tx.objectStore('terms').index('keys');
  const docIndex: DocIndex = tx.objectStore('meta').index('doc');
  // Each requirement is satisfied by any one of its terms: an exact word is one term, a prefix several.
  const requirements = query.exact.map((term) => [term]);
  if (query.prefix !== null) requirements.push(await expandPrefix(termIndex, query.prefix));
  if (requirements.length === 0 || requirements.some((terms) => terms.length === 0)) return [];

  const hits: number[] = [];
  let upper = Infinity;
  let windowSize = FIRST_WINDOW;
  while (hits.length < limit) {
    const lower = await windowStart(docIndex, upper, windowSize);
    const perRequirement = await Promise.all(requirements.map((terms) => docsInWindow(termIndex, terms, lower, upper)));
    perRequirement.sort((a, b) => a.size - b.size);
    const [smallest, ...others] = perRequirement;
    const matches = [...smallest!].filter((doc) => others.every((docs) => docs.has(doc)));
    hits.push(...matches.sort((a, b) => b - a));
    if (lower === -Infinity) break;
    upper = lower;
    windowSize *= 2;
  }
  return hits.slice(0, limit);
}

/** The lowest `doc` of the window [start, upper) holding `size` articles; -Infinity when no more than that remain. */
async function windowStart(docIndex: DocIndex, upper: number, size: number): Promise<number> {
  const cursor = await docIndex.openKeyCursor(IDBKeyRange.upperBound(upper, true), 'prev');
  const last = cursor ? await cursor.advance(size - 1) : null;
  if (!last) return -Infinity;
  const start = last.key as number;
  // Nothing older than this window: let it reach down to -Infinity so the loop ends here.
  const older = await last.continue();
  return older ? start : -Infinity;
}

/** Articles in [lower, upper) holding any of `terms`. */
async function docsInWindow(termIndex: TermIndex, terms: string[], lower: number, upper: number): Promise<Set<number>> {
  const lists = await Promise.all(
    terms.map((term) => termIndex.getAllKeys(IDBKeyRange.bound([term, lower], [term, upper], false, true))),
  );
  return new Set(lists.flat());
}

/** The distinct indexed terms beginning with `prefix`, hopping from one term to the next without reading its articles. */
async function expandPrefix(termIndex: TermIndex, prefix: string): Promise<string[]> {
  const terms: string[] = [];
  let cursor = await termIndex.openKeyCursor(IDBKeyRange.bound([prefix], [`${prefix}\uffff`]), 'next');
  while (cursor && terms.length < MAX_PREFIX_EXPANSIONS) {
    const term = (cursor.key as [string, number])[0];
    terms.push(term);
    // [term + U+0000] sorts after every [term, doc] pair and before the next term (a one-element key: hence the cast).
    const nextTerm = [`${term}\u0000`] as unknown as [string, number];
    cursor = await cursor.continue(nextTerm);
  }
  return terms;
}
