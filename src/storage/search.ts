/**
 * Full-text search over the `terms` store's multi-entry index of [term, doc] pairs. Results come newest first
 * (`doc` grows with savedAt), so the search reads the library in windows of `doc` numbers from the newest down
 * and stops as soon as the windows read hold the requested number of hits: a common word costs about as much as
 * a rare one, and no query reads a body, or a whole posting list unless it must to find enough hits.
 */
import type { IDBPIndex, IDBPTransaction } from 'idb';
import type { LibrarySchema, LibraryStoreName } from './db';
import type { SearchQuery } from './terms';

type SearchTransaction = IDBPTransaction<LibrarySchema, LibraryStoreName[], 'readonly'>;
type TermIndex = IDBPIndex<LibrarySchema, LibraryStoreName[], 'terms', 'keys', 'readonly'>;

/**
 * Terms a prefix may stand for. A two-letter prefix can begin thousands of terms; the reader's next keystroke
 * narrows it, so until then only the first ones (in alphabetical order) are searched.
 */
const MAX_PREFIX_EXPANSIONS = 64;
/**
 * The first window spans this fraction of the library's `doc` range (its save times); each next one is twice as
 * wide, so any query needs at most about eight windows, and a common word is usually answered by the first.
 * Windows are cut by value rather than by counting articles: counting means stepping a cursor over each one.
 */
const FIRST_WINDOW_FRACTION = 1 / 64;

/** Beyond this many candidate × term checks, reading the term's postings in the window is cheaper than point checks. */
const MAX_POINT_CHECKS = 256;

/** `doc` numbers of up to `limit` articles that hold every exact term and a term beginning with the prefix, newest first. */
export async function searchDocs(tx: SearchTransaction, query: SearchQuery, limit: number): Promise<number[]> {
  const termIndex: TermIndex = tx.objectStore('terms').index('keys');
  const terms = tx.objectStore('terms');
  // Each requirement is satisfied by any one of its terms: an exact word is one term, a prefix several.
  const requirements = query.exact.map((term) => [term]);
  if (query.prefix !== null) requirements.push(await expandPrefix(termIndex, query.prefix));
  if (requirements.length === 0 || requirements.some((alternatives) => alternatives.length === 0)) return [];
  const [newest, oldest] = await Promise.all([terms.openKeyCursor(null, 'prev'), terms.openKeyCursor(null, 'next')]);
  if (!newest || !oldest) return [];
  const range = newest.key - oldest.key + 1;
  let width = Math.max(1, Math.ceil(range * FIRST_WINDOW_FRACTION));
  let upper = newest.key + 1;
  let lower = upper - width;

  // The first (small) window is read for every requirement; how many articles each matched there ranks them by
  // rarity. Counting postings up front would cost as much as reading them (Chromium checks each index entry).
  const firstWindow = await Promise.all(requirements.map((alternatives) => docsInWindow(termIndex, alternatives, lower, upper)));
  const hits = [...firstWindow.reduce(intersect)].sort((a, b) => b - a);
  // Rarest first: it picks the candidates in each later window and the others only confirm them, so a rare word
  // beside a common one never reads the common word's postings.
  const [driver, ...checks] = requirements
    .map((alternatives, i) => ({ alternatives, seen: firstWindow[i]!.size }))
    .sort((a, b) => a.seen - b.seen)
    .map((requirement) => requirement.alternatives);

  while (hits.length < limit && lower > oldest.key) {
    upper = lower;
    width *= 2;
    lower = upper - width;
    let candidates = await docsInWindow(termIndex, driver!, lower, upper);
    for (const alternatives of checks) {
      if (candidates.size === 0) break;
      candidates =
        candidates.size * alternatives.length <= MAX_POINT_CHECKS
          ? await holdingAny(termIndex, alternatives, candidates)
          : intersect(candidates, await docsInWindow(termIndex, alternatives, lower, upper));
    }
    hits.push(...[...candidates].sort((a, b) => b - a));
  }
  return hits.slice(0, limit);
}

/** The candidates that hold at least one of `terms`, checked one [term, doc] key at a time. */
async function holdingAny(termIndex: TermIndex, terms: string[], candidates: Set<number>): Promise<Set<number>> {
  const docs = [...candidates];
  const held = await Promise.all(
    docs.map(async (doc) => {
      const counts = await Promise.all(terms.map((term) => termIndex.count(IDBKeyRange.only([term, doc]))));
      return counts.some((count) => count > 0);
    }),
  );
  return new Set(docs.filter((_, i) => held[i]));
}

function intersect(a: Set<number>, b: Set<number>): Set<number> {
  return new Set([...a].filter((doc) => b.has(doc)));
}

/** Articles with lower ≤ doc < upper holding any of `terms`. */
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
