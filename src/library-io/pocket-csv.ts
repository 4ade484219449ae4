/**
 * Pocket's CSV export: a header `title,url,time_added,tags,status` (tags joined by "|", status "unread" or
 * "archive"). Column order is read from the header, so older exports with extra columns still parse.
 */
import Papa from 'papaparse';
import { importFailure } from './errors';
import type { ParsedArticles } from './library-json';
import { LISTED_BAD_ROWS } from './pocket-html';
import { parsePocketTime, pocketItemToLink, splitPocketTags, type PocketItem } from './pocket-link';
import { isWebUrl } from './validate-article';

type PocketRow = Record<string, string | undefined>;

export function looksLikePocketCsv(text: string): boolean {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const columns = header.split(',').map((column) => column.trim().replace(/^"|"$/g, '').toLowerCase());
  return columns.includes('url') && columns.includes('time_added');
}

export function parsePocketCsv(text: string): ParsedArticles {
  if (!text.trim()) return importFailure('empty');
  if (!looksLikePocketCsv(text)) return importFailure('foreign');
  const parsed = Papa.parse<PocketRow>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => header.trim().toLowerCase(),
  });
  const badRows = new Map<number, string>();
  for (const error of parsed.errors) {
    // Papa numbers data rows from 0; the reader counts the header as line 1.
    if (error.row !== undefined && error.row !== null) badRows.set(error.row, error.code === 'TooFewFields' || error.code === 'TooManyFields' ? 'wrong number of columns' : error.message);
  }
  const items: PocketItem[] = [];
  parsed.data.forEach((row, index) => {
    if (badRows.has(index)) return;
    const url = row.url?.trim() ?? '';
    const timeAdded = parsePocketTime(row.time_added);
    if (!isWebUrl(url)) badRows.set(index, url ? 'not an http(s) link' : 'no link');
    else if (timeAdded === null) badRows.set(index, `time_added "${row.time_added ?? ''}" is not a time`);
    else
      items.push({
        url,
        title: row.title?.trim() ?? '',
        timeAdded,
        tags: splitPocketTags(row.tags, /\|/),
        archived: row.status?.trim().toLowerCase() === 'archive',
      });
  });
  if (badRows.size) {
    const listed = [...badRows.entries()]
      .sort(([a], [b]) => a - b)
      .slice(0, LISTED_BAD_ROWS)
      .map(([row, reason]) => `line ${row + 2} (${reason})`);
    return importFailure('pocket-bad-rows', badRows.size, listed.join(', '));
  }
  if (items.length === 0) return importFailure('pocket-empty');
  return { ok: true, articles: items.map(pocketItemToLink) };
}
