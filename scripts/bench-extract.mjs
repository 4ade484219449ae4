#!/usr/bin/env node
// npm run bench:extract — in-page extraction cost in real headless Chromium: plain Readability on a clone vs what the
// shipped content script runs in the page (src/content/extract-page.ts run(): page guards, clone, metadata, headline,
// byline, dateline, body, clean-up; no sanitising), timed side by side. Sanitising (DOMPurify) is what the popup does
// with the result before rendering: it is timed after each of our runs, outside the in-page time, and reported apart.
//
// Every zyte-dev page and a fixed-seed sample of meta-dev are served from 127.0.0.1 (nothing else loads). On each page
// both bundles are injected, run once untimed (warm-up, recorded as the "first run"), then `--rounds` times each,
// alternating which side goes first per round and per page so machine noise falls on both sides alike.
// A page's time per side is the median of its rounds. Figures print last.
//
// Options: --rounds N (5)  --meta N meta-dev pages (40)  --seed N (6)  --limit N first N pages only
//          --steps  also time each pipeline step on our side (an instrumented bundle; see scripts/bench/in-page/steps.ts)
//          --ablations  also time our pipeline with one step removed or one proposed fix applied (scripts/bench/ablations.mjs)
//          --json FILE  write every measurement
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { listCorpusPages } from './bench/corpus.mjs';
import { serveCorpus } from './bench/server.mjs';
import { launchChromium, chromiumVersion, allowOnlyOrigin } from './bench/chromium.mjs';
import { median, percentile, ms, ratio, kb } from './bench/stats.mjs';
import { ABLATIONS, patchPlugin } from './bench/ablations.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    meta: { type: 'string', default: '40' },
    seed: { type: 'string', default: '6' },
    limit: { type: 'string' },
    steps: { type: 'boolean', default: false },
    ablations: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
const ROUNDS = Number(options.rounds);
const ABLATION_SIDES = options.ablations ? ABLATIONS : [];
const SIDES = ['plain', 'ours', ...ABLATION_SIDES.map((ablation) => ablation.name)];
const SLOW_RATIO = 2;

/** The in-page bundles, minified like the shipped content script so both sides run code as users get it. */
async function buildInPageBundles() {
  const build = async (file, side = '', plugins = []) => {
    const result = await esbuild.build({
      entryPoints: [path.join(root, 'scripts/bench/in-page', file)],
      bundle: true,
      minify: true,
      format: 'iife',
      target: ['chrome120'],
      define: { __TEST_SEAMS__: 'false', 'process.env.NODE_ENV': '"production"', __BENCH_SIDE__: JSON.stringify(side) },
      legalComments: 'none',
      write: false,
      logLevel: 'warning',
      plugins,
    });
    return result.outputFiles[0].text;
  };
  const bundles = { plain: await build('plain.ts'), ours: await build('ours.ts', 'ours') };
  if (options.steps) bundles.steps = await build('steps.ts');
  for (const ablation of ABLATION_SIDES) bundles[ablation.name] = await build('ours.ts', ablation.name, [patchPlugin(root, ablation.patches)]);
  return bundles;
}

async function measurePage(tab, url, bundles, pageIndex) {
  await tab.goto(url, { waitUntil: 'load', timeout: 30_000 });
  for (const source of Object.values(bundles)) await tab.evaluate(source);
  const run = (side) => tab.evaluate((name) => globalThis.__bsBench[name](), side);

  // Rotating the order per round and per page puts each side first equally often.
  const orderFor = (turn) => SIDES.map((_, i) => SIDES[(i + turn) % SIDES.length]);
  const first = {};
  for (const side of orderFor(pageIndex)) first[side] = await run(side);

  const times = Object.fromEntries(SIDES.map((side) => [side, []]));
  const sanitise = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const side of orderFor(round + pageIndex)) {
      const timed = await run(side);
      times[side].push(timed.ms);
      if (side === 'ours' && timed.afterMs !== null) sanitise.push(timed.afterMs);
    }
  }
  const steps = bundles.steps ? await tab.evaluate((rounds) => globalThis.__bsSteps(rounds), ROUNDS) : null;
  return {
    plain: median(times.plain),
    ours: median(times.ours),
    sanitise: sanitise.length ? median(sanitise) : null,
    // The fastest round is the one other processes disturbed least: a steadier view of the cost on a shared machine.
    fastest: Object.fromEntries(SIDES.map((side) => [side, Math.min(...times[side])])),
    firstPlain: first.plain.ms,
    firstOurs: first.ours.ms,
    outcome: { plain: first.plain.outcome, ours: first.ours.outcome },
    bodyChars: { plain: first.plain.bodyChars, ours: first.ours.bodyChars },
    rounds: times,
    ablations: Object.fromEntries(SIDES.slice(2).map((side) => [side, median(times[side])])),
    steps,
  };
}

function sideSummary(label, values) {
  return `  ${label.padEnd(34)} median ${ms(median(values)).padStart(9)}   p95 ${ms(percentile(values, 95)).padStart(9)}`;
}

function report(results, failures, pageCount, startedAt) {
  const ok = results.filter((r) => r.plain > 0);
  const plain = ok.map((r) => r.plain);
  const ours = ok.map((r) => r.ours);
  const perPageRatios = ok.map((r) => r.ours / r.plain);
  const slow = ok.filter((r) => r.ours / r.plain > SLOW_RATIO).sort((a, b) => b.ours / b.plain - a.ours / a.plain);
  const lines = [];
  lines.push('');
  lines.push(`bench:extract — ${new Date(startedAt).toISOString()} — ${chromiumVersion()} — ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)} at start`);
  lines.push(`pages: ${ok.length} measured of ${pageCount} (${ok.filter((r) => r.set === 'zyte-dev').length} zyte-dev, ${ok.filter((r) => r.set === 'meta-dev').length} meta-dev); ${ROUNDS} rounds per side per page, alternating; per-page figure = median of its rounds`);
  const outcomes = (side) => {
    const counts = new Map();
    for (const r of ok) counts.set(r.outcome[side], (counts.get(r.outcome[side]) ?? 0) + 1);
    return [...counts].map(([outcome, count]) => `${outcome} ${count}`).join(', ');
  };
  lines.push(`outcomes: plain Readability: ${outcomes('plain')}; ours: ${outcomes('ours')}`);
  for (const failure of failures) lines.push(`  not measured: ${failure.id} (${failure.url}): ${failure.message}`);
  if (ok.some((r) => r.steps)) {
    lines.push('our pipeline by step (instrumented bundle, median over pages of each page\'s median; share of the summed medians):');
    const stepNames = Object.keys(ok.find((r) => r.steps).steps);
    const stepMedians = stepNames.map((name) => [name, median(ok.map((r) => r.steps[name]))]);
    const total = stepMedians.reduce((sum, [, value]) => sum + value, 0);
    for (const [name, value] of stepMedians) lines.push(`  ${name.padEnd(28)} ${ms(value).padStart(9)}  ${((100 * value) / total).toFixed(0).padStart(3)}%   p95 ${ms(percentile(ok.map((r) => r.steps[name]), 95))}`);
  }
  for (const side of SIDES.slice(2)) {
    const values = ok.map((r) => r.ablations[side]);
    lines.push(`${sideSummary(side, values)}   /plain: median of per-page ratios ${ratio(median(ok.map((r) => r.ablations[side] / r.plain)))}, p95 ${ratio(percentile(ok.map((r) => r.ablations[side] / r.plain), 95))}`);
  }
  if (slow.length) {
    lines.push(`pages where ours/plain > ${SLOW_RATIO}× (${slow.length}):`);
    for (const r of slow) {
      lines.push(`  ${r.id.padEnd(34)} plain ${ms(r.plain).padStart(9)}  ours ${ms(r.ours).padStart(9)}  ${ratio(r.ours / r.plain)}  page ${(r.pageChars / 1000).toFixed(0)}k chars  ${r.url}`);
      if (r.steps) lines.push(`      steps: ${Object.entries(r.steps).map(([name, value]) => `${name.trim()} ${value.toFixed(1)}`).join(', ')}`);
    }
  } else {
    lines.push(`pages where ours/plain > ${SLOW_RATIO}×: none`);
  }
  lines.push('figures (ms inside the page, clone included):');
  lines.push(sideSummary('plain Readability', plain));
  lines.push(sideSummary('ours (content script run())', ours));
  const sanitised = ok.filter((r) => r.sanitise !== null);
  if (sanitised.length) {
    lines.push(sideSummary('sanitise, in the popup (not in page)', sanitised.map((r) => r.sanitise)));
    lines.push(`  with the popup's sanitising added: ours+sanitise/plain median of per-page ratios ${ratio(median(sanitised.map((r) => (r.ours + r.sanitise) / r.plain)))} (the page does not pay this part)`);
  }
  lines.push(sideSummary('plain, first run on the page', ok.map((r) => r.firstPlain)));
  lines.push(sideSummary('ours, first run on the page', ok.map((r) => r.firstOurs)));
  lines.push(`  ratio ours/plain: median of per-page ratios ${ratio(median(perPageRatios))}, p95 ${ratio(percentile(perPageRatios, 95))}; ratio of medians ${ratio(median(ours) / median(plain))}; first runs, median of per-page ratios ${ratio(median(ok.map((r) => r.firstOurs / r.firstPlain)))}`);
  const target = median(perPageRatios) <= 1.25;
  lines.push(`  fastest round per page: ours/plain median of per-page ratios ${ratio(median(ok.map((r) => r.fastest.ours / r.fastest.plain)))}${SIDES.slice(2).map((side) => `; ${side} ${ratio(median(ok.map((r) => r.fastest[side] / r.fastest.plain)))}`).join('')}`);
  lines.push(`  target median ratio ≤ 1.25×: ${target ? 'met' : 'NOT met'}`);
  return lines.join('\n');
}

async function main() {
  const startedAt = Date.now();
  const pages = listCorpusPages({ metaCount: Number(options.meta), seed: Number(options.seed) }).slice(0, options.limit ? Number(options.limit) : undefined);
  const bundles = await buildInPageBundles();
  console.error(`in-page bundles: ${Object.entries(bundles).map(([name, source]) => `${name} ${kb(source.length)}`).join(', ')}`);
  const server = await serveCorpus(pages);
  const browser = await launchChromium({ args: ['--js-flags=--expose-gc'] });
  const results = [];
  const failures = [];
  try {
    const tab = await browser.newPage();
    await tab.setBypassCSP(true);
    await allowOnlyOrigin(tab, server.origin);
    for (const [index, page] of pages.entries()) {
      try {
        const measured = await measurePage(tab, server.urlOf(index), bundles, index);
        const pageChars = await tab.evaluate(() => document.documentElement.outerHTML.length);
        results.push({ ...page, ...measured, pageChars });
        console.error(`${String(index + 1).padStart(3)}/${pages.length} ${page.id.padEnd(34)} plain ${ms(measured.plain).padStart(9)}  ours ${ms(measured.ours).padStart(9)}  ${ratio(measured.ours / measured.plain)}`);
      } catch (error) {
        failures.push({ id: page.id, url: page.url, message: error instanceof Error ? error.message.split('\n')[0] : String(error) });
        console.error(`${String(index + 1).padStart(3)}/${pages.length} ${page.id}: not measured: ${failures.at(-1).message}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (options.json) fs.writeFileSync(options.json, JSON.stringify({ startedAt, rounds: ROUNDS, results, failures }, null, 1));
  if (results.length === 0) {
    console.error('no page could be measured');
    process.exit(1);
  }
  console.log(report(results, failures, pages.length, startedAt));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
