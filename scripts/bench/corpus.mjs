// The shared evaluation corpus: every zyte-dev page and a fixed-seed sample of meta-dev, read gunzipped.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

// ../shared beside the checkout, as on every developer machine and in CI.
export const CORPUS_DIR = path.resolve(process.env.BROADSHEET_CORPUS ?? fileURLToPath(new URL('../../../shared/corpus', import.meta.url)));

/** Deterministic PRNG (mulberry32), so the sample is the same set of pages on every run and machine. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sample(items, count, seed) {
  const random = seededRandom(seed);
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  return shuffled.slice(0, count);
}

/**
 * Pages as { id, set, file, url }: `url` is the page's original address (for the record), `file` its gzipped HTML.
 * metaCount pages of meta-dev are drawn with `seed`; pass Infinity for all of them.
 */
export function listCorpusPages({ metaCount = 40, seed = 6 } = {}) {
  const zyteDir = path.join(CORPUS_DIR, 'zyte-dev');
  const metaDir = path.join(CORPUS_DIR, 'meta-dev');
  if (!fs.existsSync(zyteDir) || !fs.existsSync(metaDir)) {
    throw new Error(`corpus not found at ${CORPUS_DIR} (set BROADSHEET_CORPUS to the folder holding zyte-dev and meta-dev)`);
  }
  const zyteTruth = JSON.parse(fs.readFileSync(path.join(zyteDir, 'ground-truth.json'), 'utf8'));
  const zyte = Object.keys(zyteTruth)
    .sort()
    .map((id) => ({ id: `zyte/${id.slice(0, 12)}`, set: 'zyte-dev', file: path.join(zyteDir, 'html', `${id}.html.gz`), url: zyteTruth[id].url }))
    .filter((page) => fs.existsSync(page.file));
  const metaTruth = JSON.parse(fs.readFileSync(path.join(metaDir, 'truth.json'), 'utf8'))
    .map((record) => ({ id: `meta/${record.id}`, set: 'meta-dev', file: path.join(metaDir, record.html_path), url: record.url }))
    .filter((page) => fs.existsSync(page.file))
    .sort((a, b) => a.id.localeCompare(b.id));
  return [...zyte, ...sample(metaTruth, Math.min(metaCount, metaTruth.length), seed)];
}

/** The page's original bytes (its own encoding; the browser reads the charset from the markup). */
export function readPageBytes(page) {
  return zlib.gunzipSync(fs.readFileSync(page.file));
}
