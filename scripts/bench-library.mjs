#!/usr/bin/env node
// npm run bench:library — the extension with 1,000 and then 10,000 saved articles in its real storage (IndexedDB in
// the extension's origin, in real Chromium): how fast the saved list paints in the popup and the options page, how
// fast search answers, what one more save and one delete cost (time, and what IndexedDB is asked to write), and the
// popup's JS heap.
//
// The articles are corpus pages run through our extraction (dist/node/extract.js), then multiplied by src/storage's
// seeding helper (seed.ts: each copy at its own address with its own headline number and one unique word), written in
// batches through the library's import path from a bench-only page added to a copy of the shipped build
// (scripts/bench/extension-build.mjs; the popup, options and storage code are the shipped bundles, unchanged).
// Each measurement is repeated --rounds times; medians print last.
//
// Options: --sizes 1000,10000  --rounds N (5)  --sources N corpus articles to multiply (40)  --json FILE
//          --profile DIR  keep each size's browser profile in DIR-<size> and reuse it: a library already seeded there
//                         (same sources, same extension path) is measured as it is, without seeding it again
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { listCorpusPages, readPageBytes } from './bench/corpus.mjs';
import { serveCorpus } from './bench/server.mjs';
import { launchChromium, chromiumVersion, allowOnlyOrigin } from './bench/chromium.mjs';
import { buildShippedExtension, buildWithBenchPage, repoRoot } from './bench/extension-build.mjs';
import { median, percentile, ms, kb } from './bench/stats.mjs';

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    rounds: { type: 'string', default: '5' },
    sources: { type: 'string', default: '40' },
    json: { type: 'string' },
    profile: { type: 'string' },
  },
});
const SIZES = options.sizes.split(',').map(Number).sort((a, b) => a - b);
const ROUNDS = Number(options.rounds);
const BENCH_OUT = process.env.BROADSHEET_BENCH_OUT ?? '.build/bench';
const ARTICLE_MARK = 'broadsheet:article-painted';
const OPTIONS_ROWS_MARK = 'broadsheet:options-first-rows';
const SEED_STEP = 500;
const TARGETS = { listFirstRows: 100, fullTextSearch: 150, save: 50, heapMB: 30 };

/** Real articles to multiply: zyte-dev pages (UTF-8) through the same pipeline the extension runs. */
async function sourceArticles(count, nodeExtract) {
  const { extract } = await import(pathToFileURL(nodeExtract).href);
  const articles = [];
  for (const page of listCorpusPages({ metaCount: 0 })) {
    if (articles.length >= count) break;
    const article = await extract(readPageBytes(page).toString('utf8'), page.url);
    if (article) articles.push(article);
  }
  return articles;
}

/** Search queries with known answers in the seeded library. */
function queriesFor(sources, size) {
  const titleWord = (sources[0].title.toLowerCase().match(/\p{L}{6,}/gu) ?? ['news'])[0];
  const textWords = sources[1].textContent.toLowerCase().match(/\p{L}{7,}/gu) ?? ['because'];
  return [
    { label: 'title word', query: titleWord, fullText: false },
    { label: 'full text, one article (rare word)', query: `seedmarker${Math.floor(size / 2)}`, fullText: true },
    { label: 'full text, common word', query: 'which', fullText: true },
    { label: 'full text, two words', query: `${textWords[0]} ${textWords[3] ?? textWords[0]}`, fullText: true },
    { label: 'full text, prefix while typing', query: textWords[1].slice(0, 4), fullText: true },
  ];
}

/** Opens the real popup with a toolbar click on `tab`, waits for the article, then opens the Saved view and times it. */
async function popupSavedList(browser, tab, extension) {
  const popupTarget = browser.waitForTarget((target) => target.url().startsWith(`chrome-extension://${extension.id}/popup.html`), { timeout: 20_000 });
  await tab.bringToFront();
  await tab.triggerExtensionAction(extension);
  const popup = await (await popupTarget).asPage();
  try {
    await popup.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0 || document.querySelector('.bs-status'), { timeout: 20_000, polling: 50 }, ARTICLE_MARK);
    const opened = await popup.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const started = performance.now();
          let rowsAt = null;
          const timeout = setTimeout(() => reject(new Error('the saved list showed no rows within 20 s')), 20_000);
          const observer = new MutationObserver(() => {
            if (rowsAt !== null || !document.querySelector('#panel-saved .saved-row')) return;
            rowsAt = performance.now();
            observer.disconnect();
            // Painted: the frame with the rows has been produced once a task after the next animation frame runs.
            requestAnimationFrame(() => setTimeout(() => {
              clearTimeout(timeout);
              resolve({ rowsInDom: rowsAt - started, painted: performance.now() - started, rows: document.querySelectorAll('#panel-saved .saved-row').length });
            }));
          });
          observer.observe(document.body, { childList: true, subtree: true });
          document.querySelector('#tab-saved').click();
        }),
    );
    const session = await popup.createCDPSession();
    const beforeGc = await session.send('Runtime.getHeapUsage');
    await session.send('HeapProfiler.collectGarbage');
    const afterGc = await session.send('Runtime.getHeapUsage');
    await session.detach();
    return { ...opened, heapUsed: beforeGc.usedSize, heapAfterGc: afterGc.usedSize };
  } finally {
    await popup.close();
  }
}

/** Opens the options page in a new tab; ms from navigation start to its first library rows (its own mark). */
async function optionsFirstRows(browser, extension) {
  const page = await browser.newPage();
  try {
    await page.goto(`chrome-extension://${extension.id}/options.html#library`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, { timeout: 30_000, polling: 50 }, OPTIONS_ROWS_MARK);
    return page.evaluate((mark) => {
      const rows = performance.getEntriesByName(mark)[0].startTime;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
      const scriptStart = performance.getEntriesByType('navigation')[0]?.domInteractive ?? null;
      // The page's own marks (options.tsx, src/ui/options/first-page.ts), from navigation start; null if absent.
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
      const stages = { script: at('broadsheet:options-script'), libraryOpen: at('broadsheet:options-library-open'), firstPageRead: at('broadsheet:options-first-page-read'), firstPaint: fcp, rows };
      // Rows rendered with the page's first frame are in its first paint: 0, not the (negative) time before it.
      return { fromNavigation: rows, fromFirstPaint: fcp === null ? null : Math.max(0, rows - fcp), fromDomInteractive: scriptStart === null ? null : rows - scriptStart, stages };
    }, OPTIONS_ROWS_MARK);
  } finally {
    await page.close();
  }
}

async function measureAt(size, context) {
  const { browser, probe, tab, extension, sources } = context;
  const result = { size, popup: [], options: [], search: {}, saves: [], deletes: [], listReads: [] };

  for (let round = 0; round < ROUNDS; round++) {
    result.popup.push(await popupSavedList(browser, tab, extension));
    // The popup's Saved view asks for count() after its rows, and closing the popup does not stop it in the
    // database (150-550 ms at 10,000 in Chromium): let it finish so the options page is not queued behind it.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    result.options.push(await optionsFirstRows(browser, extension));
    console.error(`  ${size}: round ${round + 1}/${ROUNDS}: popup rows ${ms(result.popup.at(-1).painted)}, options rows ${ms(result.options.at(-1).fromNavigation)}`);
  }
  for (const { label, query, fullText } of queriesFor(sources, size)) {
    const runs = [];
    for (let round = 0; round < ROUNDS; round++) runs.push(await probe.evaluate((q) => globalThis.__bsLibrary.search(q), query));
    result.search[label] = { query, fullText, ms: runs.map((r) => r.ms), hits: runs[0].value };
  }
  // The same source article each time (n ≡ 0 mod sources), at addresses not yet saved: bytes comparable across sizes.
  for (let round = 0; round < ROUNDS; round++) {
    const n = (size + 100_000 + round) * sources.length;
    const usageBefore = await probe.evaluate(() => globalThis.__bsLibrary.usage());
    const saved = await probe.evaluate((k) => globalThis.__bsLibrary.saveOne(k), n);
    const usageAfter = await probe.evaluate(() => globalThis.__bsLibrary.usage());
    result.saves.push({ ms: saved.ms, writes: saved.writes, phases: saved.phases, usageDelta: usageAfter - usageBefore });
    const removed = await probe.evaluate((id) => globalThis.__bsLibrary.removeOne(id), saved.value);
    result.deletes.push({ ms: removed.ms, writes: removed.writes });
  }
  for (let round = 0; round < ROUNDS; round++) result.listReads.push(await probe.evaluate(() => globalThis.__bsLibrary.listReads(40)));
  result.count = await probe.evaluate(() => globalThis.__bsLibrary.count());
  return result;
}

function report(results, seeding, sources, startedAt) {
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const col = (value) => String(value).padStart(16);
  const row = (label, cells) => `  ${label.padEnd(48)}${cells.map(col).join('')}`;
  const lines = [''];
  const articleBytes = sources.map((a) => JSON.stringify(a).length * 2);
  lines.push(`bench:library — ${new Date(startedAt).toISOString()} — ${chromiumVersion()} — ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)} at start`);
  lines.push(`library: ${sources.length} corpus articles multiplied by src/storage/seed.ts; an article record is a median ${kb(median(articleBytes))} (UTF-16 JSON, p95 ${kb(percentile(articleBytes, 95))}); ${ROUNDS} rounds per figure, medians`);
  lines.push(row('', results.map((r) => `${r.size.toLocaleString('en')} saved`)));
  lines.push(row('seeding (import path, batches of 250)', seeding.map((s) => (s.reused ? 'kept profile' : `${(s.ms / 1000).toFixed(1)} s`))));
  lines.push(row('popup Saved view: first rows in the DOM', results.map((r) => ms(median(r.popup.map((p) => p.rowsInDom))))));
  lines.push(row('popup Saved view: first rows painted', results.map((r) => ms(median(r.popup.map((p) => p.painted))))));
  lines.push(row('  of which listNewest(40), alone', results.map((r) => ms(median(r.listReads.map((l) => l.listNewest))))));
  lines.push(row('  of which count(), alone', results.map((r) => ms(median(r.listReads.map((l) => l.count))))));
  lines.push(row('options: first rows, from navigation start', results.map((r) => ms(median(r.options.map((o) => o.fromNavigation))))));
  lines.push(row('options: first rows, after its first paint', results.map((r) => ms(median(r.options.map((o) => o.fromFirstPaint).filter((v) => v !== null))))));
  for (const [label, key] of [['script running', 'script'], ['library open', 'libraryOpen'], ['first page read', 'firstPageRead'], ['first paint', 'firstPaint'], ['first rows in the DOM', 'rows']]) {
    const cells = results.map((r) => {
      const values = r.options.map((o) => o.stages?.[key]).filter((v) => v !== null && v !== undefined);
      return values.length ? ms(median(values)) : '—';
    });
    lines.push(row(`  options, from navigation: ${label}`, cells));
  }
  for (const label of Object.keys(results[0].search)) {
    lines.push(row(`search: ${label}`, results.map((r) => `${ms(median(r.search[label].ms))} (${r.search[label].hits})`)));
  }
  lines.push(row('one save: time', results.map((r) => ms(median(r.saves.map((s) => s.ms))))));
  const phase = (r, from, to) => {
    const values = r.saves.map((s) => (s.phases?.[to] ?? null) === null ? null : s.phases[to] - (from ? s.phases[from] : 0)).filter((v) => v !== null && !Number.isNaN(v));
    return values.length ? ms(median(values)) : '—';
  };
  lines.push(row('  of which building the entry (terms)', results.map((r) => phase(r, null, 'transaction'))));
  lines.push(row('  of which reads and writes requested', results.map((r) => phase(r, 'transaction', 'lastWrite'))));
  lines.push(row('  of which the commit (storage engine)', results.map((r) => phase(r, 'lastWrite', 'committed'))));
  lines.push(row('  slowest of the rounds', results.map((r) => ms(Math.max(...r.saves.map((s) => s.ms))))));
  lines.push(row('one save: records put / bytes written', results.map((r) => `${median(r.saves.map((s) => s.writes.puts))} / ${kb(median(r.saves.map((s) => s.writes.bytes)))}`)));
  lines.push(row('one save: storage usage grew by', results.map((r) => kb(median(r.saves.map((s) => s.usageDelta))))));
  lines.push(row('one delete: time', results.map((r) => ms(median(r.deletes.map((d) => d.ms))))));
  lines.push(row('one delete: records put / deleted', results.map((r) => `${median(r.deletes.map((d) => d.writes.puts))} / ${median(r.deletes.map((d) => d.writes.deletes))}`)));
  lines.push(row('popup JS heap with the Saved view open', results.map((r) => mb(median(r.popup.map((p) => p.heapUsed))))));
  lines.push(row('popup JS heap after a forced GC', results.map((r) => mb(median(r.popup.map((p) => p.heapAfterGc))))));
  lines.push('  (search cells: median time (hits returned, capped by the search limit))');

  const largest = results.at(-1);
  const verdict = (label, figure, target, unit) => `  ${label}: ${figure.toFixed(1)} ${unit} (target ≤ ${target} ${unit}): ${figure <= target ? 'met' : 'NOT met'}`;
  lines.push(`targets at ${largest.size.toLocaleString('en')}:`);
  lines.push(verdict('popup list first rows painted', median(largest.popup.map((p) => p.painted)), TARGETS.listFirstRows, 'ms'));
  lines.push(verdict('options first rows after its first paint', median(largest.options.map((o) => o.fromFirstPaint).filter((v) => v !== null)), TARGETS.listFirstRows, 'ms'));
  const fullText = Object.values(largest.search).filter((s) => s.fullText).map((s) => median(s.ms));
  lines.push(verdict('slowest full-text query (median)', Math.max(...fullText), TARGETS.fullTextSearch, 'ms'));
  lines.push(verdict('one save', median(largest.saves.map((s) => s.ms)), TARGETS.save, 'ms'));
  const bytesBySize = results.map((r) => median(r.saves.map((s) => s.writes.bytes)));
  lines.push(`  one save writes the same bytes at every size: ${bytesBySize.every((b) => b === bytesBySize[0]) ? 'yes' : 'NO'} (${bytesBySize.map(kb).join(' vs ')})`);
  lines.push(verdict('popup heap', median(largest.popup.map((p) => p.heapUsed)) / 1024 / 1024, TARGETS.heapMB, 'MB'));
  return lines.join('\n');
}

/** The article tab (for toolbar clicks) and the bench page that seeds and times the library. */
async function openProbe(browser, server, sources) {
  const worker = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
  const extension = (await browser.extensions()).get(new URL(worker.url()).host);
  const [tab] = await browser.pages();
  await allowOnlyOrigin(tab, server.origin);
  await tab.goto(server.urlOf(0), { waitUntil: 'load' });
  const probe = await browser.newPage();
  await probe.goto(`chrome-extension://${extension.id}/bench-library.html`);
  await probe.evaluate((articles) => globalThis.__bsLibrary.setSources(articles), sources);
  return { probe, tab, extension };
}

async function main() {
  const startedAt = Date.now();
  const shippedDir = buildShippedExtension(BENCH_OUT);
  const benchDir = await buildWithBenchPage(shippedDir, path.join(repoRoot, BENCH_OUT, 'library/chrome'), 'bench-library', 'scripts/bench/in-extension/library-probe.ts');
  const sources = await sourceArticles(Number(options.sources), path.join(repoRoot, BENCH_OUT, 'dist/node/extract.js'));
  if (sources.length === 0) throw new Error('no corpus page gave an article to seed with');
  console.error(`${sources.length} source articles extracted`);

  const pages = listCorpusPages({ metaCount: 0 }).slice(0, 1);
  const server = await serveCorpus(pages);
  const results = [];
  const seeding = [];
  // One browser for every size, seeding on top of the last; with --profile, one kept profile per size.
  let browser = null;
  let seeded = 0;
  let context = null;
  try {
    for (const size of SIZES) {
      if (!browser || options.profile) {
        await browser?.close();
        const userDataDir = options.profile ? path.resolve(`${options.profile}-${size}`) : undefined;
        browser = await launchChromium({ enableExtensions: [benchDir], ...(userDataDir ? { userDataDir } : {}) });
        context = await openProbe(browser, server, sources);
        seeded = await context.probe.evaluate(() => globalThis.__bsLibrary.count());
        if (seeded > size) throw new Error(`the kept profile for ${size} already holds ${seeded} articles`);
        if (seeded > 0) console.error(`reusing a library of ${seeded.toLocaleString('en')} articles`);
      }
      // In steps of 500 per call: one call for thousands of articles would outlast the protocol's timeout.
      let seedMs = 0;
      let count = seeded;
      for (let from = seeded; from < size; from += SEED_STEP) {
        const done = await context.probe.evaluate((a, b) => globalThis.__bsLibrary.seed(a, b), from, Math.min(size, from + SEED_STEP));
        seedMs += done.ms;
        count = done.count;
        console.error(`seeded ${count.toLocaleString('en')} (${(seedMs / 1000).toFixed(1)} s)`);
      }
      if (count !== size) throw new Error(`the library holds ${count} articles after seeding, expected ${size}`);
      seeding.push({ ms: seedMs, count, reused: seeded === size });
      seeded = size;
      results.push(await measureAt(size, { browser, ...context, sources }));
    }
  } finally {
    await browser?.close();
    await server.close();
  }
  if (options.json) fs.writeFileSync(options.json, JSON.stringify({ startedAt, rounds: ROUNDS, seeding, results }, null, 1));
  console.log(report(results, seeding, sources, startedAt));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
