#!/usr/bin/env node
// Realistic saved articles for the library benchmark, from the shared corpus through the real extraction pipeline.
//   node scripts/seed-library.mjs --out FILE             write the corpus articles as JSON (input for seedLibrary)
//   node scripts/seed-library.mjs --measure 1000,10000   seed each size into IndexedDB in headless Chromium (an
//                                                        http page on 127.0.0.1: same engine as the extension origin)
//                                                        and print list, search, save and delete figures
// Needs a build (npm run build; BROADSHEET_OUT is honoured) for dist/node/extract.js.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = path.resolve(process.env.BROADSHEET_CORPUS ?? path.join(root, '../shared/corpus'), 'zyte-dev');

/** Every zyte-dev page that the pipeline finds an article in, as Article objects. */
export async function corpusArticles() {
  const extractPath = path.join(path.resolve(root, process.env.BROADSHEET_OUT ?? '.'), 'dist/node/extract.js');
  if (!fs.existsSync(extractPath)) throw new Error(`${extractPath} is missing: run npm run build first`);
  const { extract } = await import(pathToFileURL(extractPath).href);
  const truth = JSON.parse(fs.readFileSync(path.join(corpusDir, 'ground-truth.json'), 'utf8'));
  const articles = [];
  for (const [id, { url }] of Object.entries(truth)) {
    const html = zlib.gunzipSync(fs.readFileSync(path.join(corpusDir, 'html', `${id}.html.gz`))).toString('utf8');
    const article = await extract(html, url);
    if (article) articles.push(article);
  }
  return articles;
}

async function pageBundle() {
  const entry = `
    import { openLibrary } from './src/storage/library';
    import { seedLibrary, seedMarker } from './src/storage/seed';
    window.__libraryBench = { openLibrary, seedLibrary, seedMarker };
  `;
  const result = await esbuild.build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

/** Runs inside the page: seeds `count` articles into a fresh database and measures the library's hot paths. */
async function measureInPage(count, sources) {
  const { openLibrary, seedLibrary, seedMarker } = window.__libraryBench;
  const quietStorage = { local: { set: async () => {} }, onChanged: { addListener() {}, removeListener() {} } };
  const name = `bench-${count}-${Date.now()}`;
  const library = await openLibrary({ name, storage: quietStorage });
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const time = async (work, rounds = 7) => {
    const samples = [];
    for (let i = 0; i < rounds; i++) {
      const start = performance.now();
      await work(i);
      samples.push(performance.now() - start);
    }
    return Math.round(median(samples) * 10) / 10;
  };
  const seedStart = performance.now();
  await seedLibrary(library, sources, { count, batchSize: 200 });
  const seedMs = Math.round(performance.now() - seedStart);

  // Bytes handed to IndexedDB by one save, counted at the object store's put.
  let bytes = 0;
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (value, key) {
    bytes += JSON.stringify(value).length * 2;
    return put.call(this, value, key);
  };
  const extra = { ...sources[0], url: 'https://bench.example/one-more', canonicalUrl: 'https://bench.example/one-more' };
  const saveMs = await time(async (i) => {
    await library.saveArticle({ ...extra, canonicalUrl: `${extra.canonicalUrl}/${i}` });
  });
  const bytesPerSave = bytes / 7;
  IDBObjectStore.prototype.put = put;
  const deleteMs = await time((i) => library.remove([`${extra.canonicalUrl}/${i}`]));

  const figures = {
    count: await library.count(),
    seedMs,
    listNewest50Ms: await time(() => library.listNewest(50)),
    listAllMs: await time(() => library.listAll('published', 'desc'), 3),
    searchRareWordMs: await time((i) => library.search(`${seedMarker(Math.floor((count / 7) * i))} `)),
    searchTitleWordMs: await time(() => library.search('trump ')),
    searchCommonWordMs: await time(() => library.search('the ')),
    searchTwoWordsMs: await time(() => library.search('government said ')),
    searchPrefixMs: await time(() => library.search('gov')),
    saveMs,
    bytesPerSave: Math.round(bytesPerSave),
    deleteMs,
    hitsRare: (await library.search(`${seedMarker(5)} `)).length,
    hitsPrefix: (await library.search('gov')).length,
    hitsCommon: (await library.search('the ', { limit: 1_000_000 })).length,
    searchCommonAllHitsMs: await time(() => library.search('the ', { limit: 1_000_000 }), 3),
  };
  library.close();
  indexedDB.deleteDatabase(name);
  return figures;
}

async function measure(sizes) {
  const { default: puppeteer } = await import('puppeteer-core');
  const sources = await corpusArticles();
  console.error(`${sources.length} corpus articles; bundling the library…`);
  const script = await pageBundle();
  const server = http.createServer((request, response) => {
    if (request.url === '/bench.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>library bench</title><script src="/bench.js"></script>');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, pipe: true, args: ['--no-sandbox'], protocolTimeout: 3_600_000 });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    console.log(`Chromium ${await browser.version()}, ${new Date().toISOString()}; milliseconds are medians`);
    for (const size of sizes) {
      console.error(`seeding ${size}…`);
      console.log(JSON.stringify(await page.evaluate(measureInPage, size, sources)));
    }
  } finally {
    await browser.close();
    server.close();
  }
}

const args = process.argv.slice(2);
const option = (flag) => {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
};
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = option('--out');
  const sizes = option('--measure');
  if (out) {
    const articles = await corpusArticles();
    fs.writeFileSync(out, JSON.stringify(articles));
    console.log(`${articles.length} articles written to ${out}`);
  }
  if (sizes) await measure(sizes.split(',').map(Number));
  if (!out && !sizes) console.log('usage: seed-library.mjs [--out FILE] [--measure 1000,10000]');
}
