/**
 * Import: recognise the file, parse and check ALL of it, and only then hand the records to the library in one
 * all-or-nothing write. A file that fails any check changes nothing.
 */
import type { SavedArticle } from '../storage/types';
import { importFailure, type ImportFailure } from './errors';
import { parseLibraryJson, type ParsedArticles } from './library-json';
import { parsePocketCsv, looksLikePocketCsv } from './pocket-csv';
import { parsePocketHtml } from './pocket-html';

export type ImportFormat = 'broadsheet-json' | 'pocket-html' | 'pocket-csv';

/** Big enough for a 10,000-article library with bodies; beyond it the tab would run out of memory reading it. */
export const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;

export type ParsedImport = { ok: true; format: ImportFormat; articles: SavedArticle[]; duplicates: number } | ImportFailure;

export interface ImportCounts {
  added: number;
  merged: number;
  skipped: number;
}

export type ImportOutcome = ({ ok: true; format: ImportFormat } & ImportCounts) | ImportFailure;

/** The library's one write an import needs: `Library.importRecords` in src/storage/library.ts, all-or-nothing. */
export interface ImportTarget {
  importRecords(records: readonly unknown[]): Promise<{ added: number; merged: number; skipped: readonly unknown[] }>;
}

export function detectFormat(fileName: string, text: string): ImportFormat | null {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[') || /\.json$/i.test(fileName)) return 'broadsheet-json';
  if (/^<(!doctype|html|head|body|h1|ul|!--)/i.test(start) || /\.html?$/i.test(fileName)) return 'pocket-html';
  if (looksLikePocketCsv(start) || /\.csv$/i.test(fileName)) return 'pocket-csv';
  return null;
}

export function parseImportFile(fileName: string, text: string, parser: DOMParser): ParsedImport {
  if (!text.trim()) return importFailure('empty');
  const format = detectFormat(fileName, text);
  if (!format) return importFailure('unknown-format');
  const parsed: ParsedArticles =
    format === 'broadsheet-json' ? parseLibraryJson(text) : format === 'pocket-html' ? parsePocketHtml(text, parser) : parsePocketCsv(text);
  if (!parsed.ok) return parsed;
  // Pocket can list one page under two URLs that differ only in tracking parameters; the first one is kept.
  const byId = new Map<string, SavedArticle>();
  for (const article of parsed.articles) if (!byId.has(article.id)) byId.set(article.id, article);
  return { ok: true, format, articles: [...byId.values()], duplicates: parsed.articles.length - byId.size };
}

/** Reads, checks and imports one file; the library is written only when the whole file is good. */
export async function importLibraryFile(target: ImportTarget, file: Pick<File, 'name' | 'size' | 'text'>, parser: DOMParser): Promise<ImportOutcome> {
  if (file.size > MAX_IMPORT_BYTES) return importFailure('too-large', Math.round(file.size / 1024 / 1024));
  const parsed = parseImportFile(file.name, await file.text(), parser);
  if (!parsed.ok) return parsed;
  const counts = await target.importRecords(parsed.articles);
  return { ok: true, format: parsed.format, added: counts.added, merged: counts.merged, skipped: counts.skipped.length + parsed.duplicates };
}
