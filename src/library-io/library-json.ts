/**
 * Broadsheet's own library file: complete, versioned JSON. Re-importing an export restores every field of every
 * article, so the format holds whole SavedArticle records and nothing else.
 */
import type { SavedArticle } from '../storage/types';
import { importFailure, type ImportFailure } from './errors';
import { checkImportedArticle } from './validate-article';

export const LIBRARY_FORMAT = 'broadsheet-library';
export const LIBRARY_FORMAT_VERSION = 1;

export interface LibraryFile {
  format: typeof LIBRARY_FORMAT;
  version: typeof LIBRARY_FORMAT_VERSION;
  /** ISO-8601 UTC. */
  exportedAt: string;
  articles: SavedArticle[];
}

export type ParsedArticles = { ok: true; articles: SavedArticle[] } | ImportFailure;

export function serializeLibrary(articles: readonly SavedArticle[], exportedAt: Date): string {
  const file: LibraryFile = { format: LIBRARY_FORMAT, version: LIBRARY_FORMAT_VERSION, exportedAt: exportedAt.toISOString(), articles: [...articles] };
  return JSON.stringify(file, null, 1);
}

/**
 * True when the text stops inside a string or with brackets still open: a download cut short, as opposed to JSON
 * that is wrong. Engines word their parse errors differently, so this does not read the error message.
 */
export function looksTruncated(text: string): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (const char of text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
  }
  return inString || depth > 0;
}

/** Parses and checks a whole library file; any problem refuses the whole file. */
export function parseLibraryJson(text: string): ParsedArticles {
  if (!text.trim()) return importFailure('empty');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return looksTruncated(text) ? importFailure('truncated') : importFailure('not-json');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || (data as Record<string, unknown>).format !== LIBRARY_FORMAT) {
    return importFailure('foreign');
  }
  const file = data as Record<string, unknown>;
  if (file.version !== LIBRARY_FORMAT_VERSION) return importFailure('wrong-version', String(file.version), LIBRARY_FORMAT_VERSION);
  if (!Array.isArray(file.articles)) return importFailure('foreign');
  const articles: SavedArticle[] = [];
  const seen = new Set<string>();
  for (const [index, raw] of file.articles.entries()) {
    const checked = checkImportedArticle(raw);
    if (!checked.ok) return importFailure('invalid-article', index + 1, checked.reason);
    if (seen.has(checked.article.id)) return importFailure('duplicate', index + 1, checked.article.id);
    seen.add(checked.article.id);
    articles.push(checked.article);
  }
  return { ok: true, articles };
}
