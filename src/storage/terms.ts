/**
 * The tokeniser shared by the search index and search queries: both sides must normalise text the same way,
 * or a saved word could never be found again.
 */

/** Longer tokens are nearly always encoded data (base64, hashes), not words anyone searches for. */
const MAX_TERM_LENGTH = 40;
/** Bounds the index work of one save whatever the page: a 10 MB article must not write a million index entries. */
export const MAX_TERMS_PER_ARTICLE = 4000;

const WORD = /[\p{L}\p{N}]+/gu;
const COMBINING_MARKS = /\p{M}+/gu;
// Han and kana text has no spaces between words; overlapping character pairs make any two-character substring findable.
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const UNSPACED_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;

/** Lower case, accents folded ("Café" and "cafe" are one term), compatibility forms unified. */
export function normaliseText(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** The terms of `text` in order of first appearance, each once; at most `limit` of them. */
export function termsOf(text: string, limit = MAX_TERMS_PER_ARTICLE, into = new Set<string>()): Set<string> {
  for (const word of normaliseText(text).match(WORD) ?? []) {
    if (into.size >= limit) break;
    if (UNSPACED_SCRIPT.test(word)) addUnspacedTerms(word, into, limit);
    else if (word.length >= 2 && word.length <= MAX_TERM_LENGTH) into.add(word);
  }
  return into;
}

function addUnspacedTerms(word: string, into: Set<string>, limit: number): void {
  for (const run of word.match(UNSPACED_RUN) ?? []) {
    if (!UNSPACED_SCRIPT.test(run)) {
      if (run.length >= 2 && run.length <= MAX_TERM_LENGTH) into.add(run);
      continue;
    }
    const chars = [...run];
    if (chars.length === 1) into.add(run);
    for (let i = 0; i + 1 < chars.length && into.size < limit; i++) into.add(chars[i]! + chars[i + 1]!);
  }
}

/** The search terms of an article: its title, site, byline and host, then its text, at most MAX_TERMS_PER_ARTICLE. */
export function articleTerms(fields: {
  title: string;
  siteName: string | null;
  byline: string | null;
  url: string;
  textContent: string;
}): string[] {
  const head = termsOf([fields.title, fields.siteName ?? '', fields.byline ?? '', hostOf(fields.url)].join(' '));
  return [...termsOf(fields.textContent, MAX_TERMS_PER_ARTICLE, head)];
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

export interface SearchQuery {
  /** Terms that must match whole. */
  exact: string[];
  /** The last term while the reader is still typing it: matches any term it begins. Null when the query ends in a space. */
  prefix: string | null;
}

export function parseQuery(query: string): SearchQuery {
  const terms = [...termsOf(query, 32)];
  const last = terms.at(-1);
  // Still typing: the query ends inside the word that became the last term (not after a space, nor in a word too
  // short to be a term, which would leave an already finished word as the last term).
  const stillTyping = last !== undefined && normaliseText(query).match(WORD)?.at(-1) === last && /[\p{L}\p{N}]$/u.test(query);
  // A one-character prefix would match a large share of the index: wait for the second character.
  if (stillTyping && last.length >= 2 && !UNSPACED_SCRIPT.test(last)) {
    return { exact: terms.slice(0, -1), prefix: last };
  }
  return { exact: terms, prefix: null };
}
