/**
 * Builds a large, realistic library from a few real articles, for benchmarks: article `n` is corpus article
 * `n mod k` at its own address, with its own headline prefix, save time and one word found in no other article
 * (`seedmarker<n>`), written through the library's real import path in batched transactions.
 */
import type { Article } from '../extract/types';
import type { Library } from './library';
import { SCHEMA_VERSION, type SavedArticle } from './types';

export interface SeedOptions {
  count: number;
  /** Articles per transaction. */
  batchSize?: number;
  /** savedAt of the newest seeded article; older ones go back one minute each. */
  newestSavedAt?: number;
  onProgress?: (written: number, count: number) => void;
}

/** The word only seeded article `n` contains: a full-text query with a single right answer. */
export function seedMarker(n: number): string {
  return `seedmarker${n}`;
}

export function seededArticle(source: Article, n: number, newestSavedAt: number): SavedArticle {
  const url = new URL(source.canonicalUrl || source.url);
  url.searchParams.set('broadsheet-seed', String(n));
  const marker = seedMarker(n);
  return {
    ...source,
    id: url.toString(),
    url: url.toString(),
    canonicalUrl: url.toString(),
    title: `${source.title} (${n})`,
    contentHtml: `${source.contentHtml}<p>${marker}</p>`,
    textContent: `${source.textContent}\n${marker}`,
    savedAt: newestSavedAt - n * 60_000,
    // Roughly every third article has been read, as in a library in use.
    readAt: n % 3 === 0 ? newestSavedAt - n * 60_000 + 3_600_000 : null,
    tags: [],
    contentSaved: true,
    schema: SCHEMA_VERSION,
  };
}

/** Writes `options.count` seeded articles built from `sources`; returns how many the library holds afterwards. */
export async function seedLibrary(library: Library, sources: readonly Article[], options: SeedOptions): Promise<number> {
  if (sources.length === 0) throw new Error('seedLibrary needs at least one source article');
  const batchSize = options.batchSize ?? 250;
  const newestSavedAt = options.newestSavedAt ?? Date.now();
  for (let start = 0; start < options.count; start += batchSize) {
    const batch: SavedArticle[] = [];
    for (let n = start; n < Math.min(options.count, start + batchSize); n++) {
      batch.push(seededArticle(sources[n % sources.length]!, n, newestSavedAt));
    }
    await library.importRecords(batch);
    options.onProgress?.(start + batch.length, options.count);
  }
  return library.count();
}
