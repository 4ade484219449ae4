// Real pages from the shared development corpus whose byline a rule in src/extract/byline.ts fixed.
// Read gzipped from ../shared/corpus at test time (their licence forbids copying them here). Runs the pipeline's
// steps up to the byline (metadata, headline, dates, byline), as extractUnsanitized does before the body.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { readPageMetadata } from '../../src/extract/metadata';
import { findHeadline } from '../../src/extract/headline';
import { findDates } from '../../src/extract/dates';
import { findByline } from '../../src/extract/byline';

const CORPUS = path.resolve(process.env.BROADSHEET_CORPUS ?? fileURLToPath(new URL('../../../shared/corpus', import.meta.url)));

function decode(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  const head = bytes.subarray(0, 4096).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head)?.[1]?.toLowerCase() ?? 'utf-8';
  try {
    return new TextDecoder(declared).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

let records: Map<string, { url: string; html_path: string }> | null = null;
function bylineOfPage(id: string): string | null {
  const truth = path.join(CORPUS, 'meta-dev', 'truth.json');
  if (!fs.existsSync(truth)) throw new Error(`corpus missing at ${CORPUS}; set BROADSHEET_CORPUS`);
  records ??= new Map((JSON.parse(fs.readFileSync(truth, 'utf8')) as Array<{ id: string; url: string; html_path: string }>).map((r) => [r.id, r]));
  const record = records.get(id);
  if (!record) throw new Error(`no record ${id}`);
  const html = decode(zlib.gunzipSync(fs.readFileSync(path.join(CORPUS, 'meta-dev', record.html_path))));
  const doc = new JSDOM(html, { url: record.url, virtualConsole: new VirtualConsole() }).window.document;
  const meta = readPageMetadata(doc, record.url);
  const dates = findDates(doc, meta, record.url, findHeadline(doc, meta));
  return findByline(doc, meta, dates.bylineText ?? null);
}

describe('corpus pages: bylines', () => {
  it.each<[string, string | null, string]>([
    ['trafilatura-5d05d972bb', 'Evan Symon', 'Yoast JSON-LD author given as an @id reference'],
    ['trafilatura-8c863b151e', 'Ivan Valetny', 'meta author equal to DC.publisher rejected; "Text & Fotos:" stripped'],
    ['mercury-292b84001a', 'Arielle Pardes', 'article:author before a company in meta author'],
    ['trafilatura-835c850abb', 'Jessica Holly', 'a JSON-LD uploader the page never shows loses to the shown byline'],
    ['trafilatura-988d9eaa79', 'Klaus Stanjek', 'a "von <em>Name</em>" line in the page'],
    ['trafilatura-a36f479981', 'Dennis Kochinky', '"<strong>von</strong> <span>Name</span>" in an author box'],
    ['trafilatura-a0d197e3a9', null, 'a name only in the metadata, never shown on the page: no author'],
  ])('%s → %s (%s)', { timeout: 180_000 }, (id, byline, _why) => {
    expect(bylineOfPage(id)).toBe(byline);
  });
});
