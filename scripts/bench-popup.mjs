#!/usr/bin/env node
// npm run bench:popup — from the toolbar click to the clean article painted in the popup, in real Chromium with the
// built extension, against the floor: the same popup with extraction disabled.
//
// Two extensions are loaded side by side: the shipped build (scripts/build.mjs into .build/bench, dist/ untouched) and
// a floor copy whose popup never reads the tab (scripts/bench/extension-build.mjs patches popup.tsx in memory). On each
// corpus page, the toolbar action of each is triggered for real (CDP Extensions.triggerAction: the activeTab path a
// user's click takes), alternating which goes first per round and per page.
// The end of a run is when the browser presented the frame: for ours, the article headline's Element Timing entry
// (`elementtiming="broadsheet-headline"` in ArticleView; its first screen, for a long article), for the floor its
// first contentful paint (the popup's frame and skeleton). Both are presentation times reported by Chromium for the
// same popup, so they are compared like for like. The popup's own `broadsheet:article-painted` mark (ArticlePane's
// markWhenPainted; the floor sets it for its first frame) tells the bench the frame is there; it is kept in the JSON
// as `marked`, but it is not the figure: before a popup is shown, its frames are drawn but not yet on screen, and the
// floor's mark came a median ~35 ms before its first contentful paint. `broadsheet:article-complete` (the whole of a
// long article, painted right after its first screen) is reported from its mark. Click time is taken in Node just before the trigger; both clocks are the wall clock of one
// machine (performance.timeOrigin + now), so a constant skew would cancel in the ratio.
//
// Options: --pages N corpus pages (24, spread evenly over zyte-dev and the meta-dev sample)  --rounds N (5)  --json FILE
//          --breakdown  also load a third copy with marks at each hand-over (popup script, in-page extraction, result
//                       back in the popup) and print where the time between the floor and the article goes
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { listCorpusPages } from './bench/corpus.mjs';
import { serveCorpus } from './bench/server.mjs';
import { launchChromium, chromiumVersion, allowOnlyOrigin } from './bench/chromium.mjs';
import { buildShippedExtension, buildPatchedVariant, repoRoot } from './bench/extension-build.mjs';
import { median, percentile, ms, ratio } from './bench/stats.mjs';

const { values: options } = parseArgs({
  options: {
    pages: { type: 'string', default: '24' },
    rounds: { type: 'string', default: '5' },
    breakdown: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
const ROUNDS = Number(options.rounds);
const BENCH_OUT = process.env.BROADSHEET_BENCH_OUT ?? '.build/bench';
const PAINTED_MARK = 'broadsheet:article-painted';
/** Ours only: a long article paints its first screen (PAINTED_MARK), then the rest; this is the whole one painted. */
const COMPLETE_MARK = 'broadsheet:article-complete';
const TARGET = { median: 1.15, p95: 1.35 };

/** The floor: the popup's frame and first paint with no tab read; the mark is set the same way, for its first frame. */
const FLOOR_PATCHES = [
  { file: 'popup/popup.tsx', find: 'const firstReading = readTargetTab(api);', replace: 'const firstReading = new Promise<never>(() => {});' },
  {
    file: 'popup/ArticlePane.tsx',
    find: `    if (!article) return;\n    // The clean article's first screen painted`,
    replace: `    markWhenPainted('${PAINTED_MARK}');\n    if (!article) return;\n    // The clean article's first screen painted`,
  },
];

/** Marks at each hand-over, for --breakdown: popup script running, extraction in the page, the result back in the popup. */
const TRACE_PATCHES = [
  {
    file: 'popup/popup.tsx',
    find: 'const firstReading = readTargetTab(api);',
    replace: "performance.mark('bs:popup-script');\nconst firstReading = readTargetTab(api);\nvoid firstReading.then(() => performance.mark('bs:reading-arrived'));",
  },
  {
    file: 'popup/PopupApp.tsx',
    find: '([next]) => live && setResult(next),',
    replace: "([next]) => { performance.mark('bs:render-start'); return live && setResult(next); },",
  },
  {
    file: 'popup/ArticlePane.tsx',
    find: "    if (!whole || !head) markWhenPainted('broadsheet:article-painted');",
    replace: "    if (!whole || !head) { performance.mark('bs:article-committed'); markWhenPainted('broadsheet:article-painted'); }",
  },
  {
    file: 'src/content/extract-page.ts',
    find: 'return extractUnsanitized(defusedClone(document), url);',
    replace:
      "performance.mark('bs:extract-start');\n    const outcome = extractUnsanitized(defusedClone(document), url);\n    performance.mark('bs:extract-end');\n    return outcome;",
  },
];
const TRACE_STAGES = [
  ['click → popup document starts', (t) => t.popupOrigin],
  ['→ popup script running', (t) => t.popupScript - t.popupOrigin],
  ['→ extraction starts in the page', (t) => t.extractStart - t.popupScript],
  ['extraction in the page', (t) => t.extractEnd - t.extractStart],
  ['→ result back in the popup', (t) => t.readingArrived - t.extractEnd],
  ['→ article chunk ready, render starts', (t) => t.renderStart - t.readingArrived],
  ['→ article in the DOM (sanitise, Preact)', (t) => t.committed - t.renderStart],
  ['→ headline presented (style, layout, paint)', (t) => t.painted - t.committed],
  ['  result back → headline presented', (t) => t.painted - t.readingArrived],
];

const nowEpoch = () => performance.timeOrigin + performance.now();

/** Pages spread evenly over the corpus list, so both sets and all sizes are represented. */
function pickPages(count) {
  const all = listCorpusPages();
  const step = all.length / Math.min(count, all.length);
  return Array.from({ length: Math.min(count, all.length) }, (_, i) => all[Math.floor(i * step)]);
}

/** One toolbar click on `tab` for `extension`: ms from the click to the painted mark (and to first contentful paint). */
async function clickAndTime(browser, tab, extension, { traced = false, wholeToo = false, presentedBy = 'headline' } = {}) {
  const popupUrl = `chrome-extension://${extension.id}/popup.html`;
  const popupTarget = browser.waitForTarget((target) => target.url().startsWith(popupUrl), { timeout: 20_000 });
  await tab.bringToFront();
  const clickedAt = nowEpoch();
  await tab.triggerExtensionAction(extension);
  const popup = await (await popupTarget).asPage();
  try {
    await popup.waitForFunction(
      (mark) => performance.getEntriesByName(mark).length > 0 || document.querySelector('.bs-status'),
      { timeout: 20_000, polling: 50 },
      PAINTED_MARK,
    );
    const seen = await popup.evaluate(async (mark, presentedBy) => {
      const marked = performance.getEntriesByName(mark)[0]?.startTime ?? null;
      // The frame's presentation time, as the browser reports it: the floor's first contentful paint (its frame and
      // skeleton; no text comes before it), ours the headline's Element Timing entry (the article's first screen).
      const presented = (type, matches) =>
        new Promise((resolve) => {
          const timeout = setTimeout(() => done(null), 5_000);
          const observer = new PerformanceObserver((list) => {
            const entry = list.getEntries().find(matches);
            if (entry) done(entry.renderTime || entry.startTime);
          });
          const done = (value) => {
            clearTimeout(timeout);
            observer.disconnect();
            resolve(value);
          };
          observer.observe({ type, buffered: true });
        });
      const firstContentfulPaint = await presented('paint', (entry) => entry.name === 'first-contentful-paint');
      return {
        origin: performance.timeOrigin,
        marked,
        painted: marked === null ? null : presentedBy === 'fcp' ? firstContentfulPaint : await presented('element', (entry) => entry.identifier === 'broadsheet-headline'),
        firstContentfulPaint,
        status: document.querySelector('.bs-status')?.textContent?.trim().slice(0, 120) ?? null,
      };
    }, PAINTED_MARK, presentedBy);
    if (seen.marked === null) throw new Error(`no article in the popup: ${seen.status}`);
    if (seen.painted === null) throw new Error(`the popup set its mark but reported no presentation (${presentedBy}) within 5 s`);
    let complete = null;
    if (wholeToo) {
      await popup.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, { timeout: 20_000, polling: 20 }, COMPLETE_MARK);
      complete = seen.origin + (await popup.evaluate((mark) => performance.getEntriesByName(mark)[0].startTime, COMPLETE_MARK)) - clickedAt;
    }
    const trace = traced ? await readTrace(tab, popup, clickedAt, seen.origin + seen.painted) : null;
    return {
      trace,
      painted: seen.origin + seen.painted - clickedAt,
      marked: seen.origin + seen.marked - clickedAt,
      complete,
      firstContentfulPaint: seen.firstContentfulPaint === null ? null : seen.origin + seen.firstContentfulPaint - clickedAt,
    };
  } finally {
    await popup.close();
  }
}

/** The traced copy's marks as ms from the click, read from the popup's timeline and the article page's. */
async function readTrace(tab, popup, clickedAt, paintedAt) {
  const marks = (names) => {
    const found = {};
    for (const name of names) {
      const entries = performance.getEntriesByName(name);
      const last = entries[entries.length - 1];
      found[name] = last ? performance.timeOrigin + last.startTime : null;
    }
    performance.clearMarks();
    return found;
  };
  const inPopup = await popup.evaluate(marks, ['bs:popup-script', 'bs:reading-arrived', 'bs:render-start', 'bs:article-committed']);
  const popupOrigin = await popup.evaluate(() => performance.timeOrigin);
  const inPage = await tab.evaluate(marks, ['bs:extract-start', 'bs:extract-end']);
  return {
    popupOrigin: popupOrigin - clickedAt,
    popupScript: inPopup['bs:popup-script'] - clickedAt,
    extractStart: inPage['bs:extract-start'] - clickedAt,
    extractEnd: inPage['bs:extract-end'] - clickedAt,
    readingArrived: inPopup['bs:reading-arrived'] - clickedAt,
    renderStart: inPopup['bs:render-start'] - clickedAt,
    committed: inPopup['bs:article-committed'] - clickedAt,
    painted: paintedAt - clickedAt,
  };
}

async function waitForExtensions(browser, count) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const extensions = [...(await browser.extensions()).values()];
    if (extensions.length >= count) return extensions;
    if (Date.now() > deadline) throw new Error(`only ${extensions.length} of ${count} extensions loaded`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function report(samples, pageResults, failures, pageCount, startedAt) {
  const lines = [''];
  const real = samples.real.map((s) => s.painted);
  const floor = samples.floor.map((s) => s.painted);
  lines.push(`bench:popup — ${new Date(startedAt).toISOString()} — ${chromiumVersion()} — ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)} at start`);
  lines.push(`pages: ${pageResults.length} measured of ${pageCount}; ${ROUNDS} toolbar clicks per side per page, alternating; ${real.length} + ${floor.length} popups timed`);
  for (const failure of failures) lines.push(`  not measured: ${failure.id} (${failure.url}): ${failure.message}`);
  const perPage = pageResults.map((r) => r.real / r.floor);
  lines.push('per page, median of its rounds (slowest 5 by ratio):');
  for (const r of [...pageResults].sort((a, b) => b.real / b.floor - a.real / a.floor).slice(0, 5)) {
    lines.push(`  ${r.id.padEnd(34)} floor ${ms(r.floor).padStart(9)}  ours ${ms(r.real).padStart(9)}  ${ratio(r.real / r.floor)}  ${r.url}`);
  }
  if (samples.traced.length) {
    lines.push(`where ours spends its time (traced copy, ${samples.traced.length} popups; median of each stage, ms):`);
    for (const [label, stage] of TRACE_STAGES) {
      const values = samples.traced.map((s) => stage(s.trace));
      lines.push(`  ${label.padEnd(40)} median ${ms(median(values)).padStart(9)}   p95 ${ms(percentile(values, 95)).padStart(9)}`);
    }
  }
  lines.push('figures (ms from the toolbar click):');
  const fcp = (side) => samples[side].map((s) => s.firstContentfulPaint).filter((v) => v !== null);
  lines.push(`  floor: popup frame painted, no extraction  median ${ms(median(floor)).padStart(9)}   p95 ${ms(percentile(floor, 95)).padStart(9)}`);
  lines.push(`  ours: clean article painted (first screen) median ${ms(median(real)).padStart(9)}   p95 ${ms(percentile(real, 95)).padStart(9)}`);
  const whole = samples.real.map((s) => s.complete).filter((v) => v !== null);
  if (whole.length) lines.push(`  ours: whole article painted (a long one after its first screen)  median ${ms(median(whole)).padStart(9)}   p95 ${ms(percentile(whole, 95)).padStart(9)}   (${ratio(median(whole) / median(floor))} the floor's median)`);
  lines.push(`  first contentful paint: floor median ${ms(median(fcp('floor')))}, ours median ${ms(median(fcp('real')))} (ours paints its frame before the article arrives)`);
  const medianRatio = median(real) / median(floor);
  const p95Ratio = percentile(real, 95) / percentile(floor, 95);
  lines.push(`  ratio ours/floor: median ${ratio(medianRatio)} (target ≤ ${TARGET.median}×: ${medianRatio <= TARGET.median ? 'met' : 'NOT met'}), p95 ${ratio(p95Ratio)} (target ≤ ${TARGET.p95}×: ${p95Ratio <= TARGET.p95 ? 'met' : 'NOT met'}); median of per-page ratios ${ratio(median(perPage))}`);
  return lines.join('\n');
}

async function main() {
  const startedAt = Date.now();
  const shippedDir = buildShippedExtension(BENCH_OUT);
  const floorDir = await buildPatchedVariant(shippedDir, path.join(repoRoot, BENCH_OUT, 'popup-floor/chrome'), FLOOR_PATCHES);
  const tracedDir = options.breakdown ? await buildPatchedVariant(shippedDir, path.join(repoRoot, BENCH_OUT, 'popup-traced/chrome'), TRACE_PATCHES) : null;
  const pages = pickPages(Number(options.pages));
  const server = await serveCorpus(pages);
  const browser = await launchChromium({ enableExtensions: [shippedDir, floorDir, ...(tracedDir ? [tracedDir] : [])] });
  const samples = { real: [], floor: [], traced: [] };
  const pageResults = [];
  const failures = [];
  try {
    const extensions = await waitForExtensions(browser, tracedDir ? 3 : 2);
    const byDir = (dir) => extensions.find((e) => path.resolve(e.path) === path.resolve(dir));
    const sides = { real: byDir(shippedDir), floor: byDir(floorDir), ...(tracedDir ? { traced: byDir(tracedDir) } : {}) };
    if (Object.values(sides).some((extension) => !extension)) throw new Error(`could not tell the two extensions apart: ${extensions.map((e) => e.path).join(', ')}`);
    const [tab] = await browser.pages();
    await allowOnlyOrigin(tab, server.origin);

    const sideNames = Object.keys(sides);
    // Rotating the order per round and per page puts each side first equally often.
    const orderFor = (turn) => sideNames.map((_, i) => sideNames[(i + turn) % sideNames.length]);
    for (const [index, page] of pages.entries()) {
      try {
        await tab.goto(server.urlOf(index), { waitUntil: 'load', timeout: 30_000 });
        // One untimed click per side on the first page: the popups' code is compiled and cached from then on.
        if (index === 0) for (const side of orderFor(0)) await clickAndTime(browser, tab, sides[side], { presentedBy: side === 'floor' ? 'fcp' : 'headline' });
        const times = { real: [], floor: [] };
        for (let round = 0; round < ROUNDS; round++) {
          for (const side of orderFor(round + index)) {
            const sample = await clickAndTime(browser, tab, sides[side], {
              traced: side === 'traced',
              wholeToo: side === 'real',
              presentedBy: side === 'floor' ? 'fcp' : 'headline',
            });
            samples[side].push(sample);
            if (side !== 'traced') times[side].push(sample.painted);
          }
        }
        pageResults.push({ id: page.id, url: page.url, real: median(times.real), floor: median(times.floor), times });
        console.error(`${String(index + 1).padStart(3)}/${pages.length} ${page.id.padEnd(34)} floor ${ms(median(times.floor)).padStart(9)}  ours ${ms(median(times.real)).padStart(9)}`);
      } catch (error) {
        failures.push({ id: page.id, url: page.url, message: error instanceof Error ? error.message.split('\n')[0] : String(error) });
        console.error(`${String(index + 1).padStart(3)}/${pages.length} ${page.id}: not measured: ${failures.at(-1).message}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (options.json) fs.writeFileSync(options.json, JSON.stringify({ startedAt, rounds: ROUNDS, pageResults, failures, samples }, null, 1));
  if (pageResults.length === 0) {
    console.error('no page could be measured');
    process.exit(1);
  }
  console.log(report(samples, pageResults, failures, pages.length, startedAt));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
