// The shared development corpus (../shared/corpus beside the checkout, or $BROADSHEET_CORPUS), read at test time:
// the pages' licence forbids copying them into this repository. A missing corpus fails with where it should be.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';

export const CORPUS = path.resolve(process.env.BROADSHEET_CORPUS ?? fileURLToPath(new URL('../../../shared/corpus', import.meta.url)));

/** A meta-dev truth record: the page and its labelled fields ('' or null where the page has none). */
export interface MetaRecord {
  id: string;
  url: string;
  html_path: string;
  title: string | null;
  author: string | null;
  published: string | null;
}

export function corpusFile(...parts: string[]): string {
  const file = path.join(CORPUS, ...parts);
  if (!fs.existsSync(file)) {
    throw new Error(`corpus file missing: ${file}. The shared corpus must be at ${CORPUS} (meta-dev/ and zyte-dev/); set BROADSHEET_CORPUS to its folder.`);
  }
  return file;
}

/** The page's bytes decoded the way a browser would: BOM, then the declared charset, else UTF-8. */
export function decode(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  const head = bytes.subarray(0, 4096).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head)?.[1]?.toLowerCase() ?? 'utf-8';
  try {
    return new TextDecoder(declared).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

let metaRecords: Map<string, MetaRecord> | null = null;
export function metaRecord(id: string): MetaRecord {
  const truth = corpusFile('meta-dev', 'truth.json');
  metaRecords ??= new Map((JSON.parse(fs.readFileSync(truth, 'utf8')) as MetaRecord[]).map((r) => [r.id, r]));
  const found = metaRecords.get(id);
  if (!found) throw new Error(`no record ${id} in ${truth}`);
  return found;
}

/** A meta-dev page parsed by jsdom at its own URL; close its window when done. */
export function metaDocument(record: MetaRecord): Document {
  const html = decode(zlib.gunzipSync(fs.readFileSync(corpusFile('meta-dev', record.html_path))));
  return new JSDOM(html, { url: record.url, virtualConsole: new VirtualConsole() }).window.document;
}
