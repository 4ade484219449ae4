#!/usr/bin/env node
// npm run bench:quality [-- --skip-build] [--skip-meta] [--source mercury|trafilatura|htmldate] [--speed-rounds N] [--no-speed]
// Builds, scores dist/node/extract.js with both shared scorers (body text; headline/author/date), times plain
// Readability on the body set in the same run, prints the summary lines and exits 1 when a figure misses its threshold.
// --no-speed scores the body set once and times nothing: the scores do not depend on the machine's load, the speed
// ratio does (single rounds on this shared machine ranged 0.94–1.79), so CI gates on the scores alone.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.resolve(process.env.BROADSHEET_BENCH ?? path.join(root, '../shared/bench'));
const outRoot = path.resolve(root, process.env.BROADSHEET_OUT ?? '.');
const moduleFile = path.join(outRoot, 'dist/node/extract.js');
const baselineFile = path.join(root, 'scripts/bench/readability-baseline.mjs');
const resultsDir = path.join(outRoot, 'bench-results');

/** Issue 5's "done when" figures. `max` marks figures where lower is better. */
const THRESHOLDS = [
  { key: 'F1', min: 0.97 },
  { key: 'P', min: 0.945 },
  { key: 'R', min: 0.975 },
  { key: 'title', min: 0.85 },
  { key: 'author', min: 0.8 },
  { key: 'date', min: 0.9 },
  { key: 'date_spurious', max: 0.15 },
  { key: 'author_spurious', max: 0.2 },
  { key: 'speed_ratio', max: 1.5 },
];

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const valueOf = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

function fail(message) {
  console.error(`bench:quality: ${message}`);
  process.exit(2);
}

function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, { cwd: options.cwd ?? root, encoding: 'utf8', maxBuffer: 1 << 26, env: process.env });
  if (result.error) fail(`${command} could not run: ${result.error.message}`);
  if (result.status !== 0) fail(`${[command, ...commandArgs].join(' ')} exited ${result.status}\n${(result.stderr || result.stdout).trim().split('\n').slice(-5).join('\n')}`);
  return result.stdout;
}

function lastLine(output) {
  return output.trim().split('\n').filter(Boolean).at(-1) ?? '';
}

/** `a=1 b=2` → {a: 1, b: 2} (numbers only). */
function figures(line) {
  return Object.fromEntries([...line.matchAll(/(\w+)=([\d.]+)/g)].map(([, k, v]) => [k, Number(v)]));
}

for (const scorer of ['body/score.mjs', 'meta/score-meta.mjs']) {
  if (!fs.existsSync(path.join(benchDir, scorer))) fail(`no scorer at ${path.join(benchDir, scorer)} (set BROADSHEET_BENCH to the shared bench folder)`);
}
fs.mkdirSync(resultsDir, { recursive: true });

if (!flag('--skip-build')) {
  console.log('building…');
  run(process.execPath, ['scripts/build.mjs']);
}
if (!fs.existsSync(moduleFile)) fail(`${moduleFile} is missing: build first`);

const measured = {};

const scoreBody = (module, out) =>
  lastLine(run(process.execPath, [path.join(benchDir, 'body/score.mjs'), '--module', module, '--out', path.join(resultsDir, out), '--quiet'], { cwd: outRoot }));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// Both sides run in alternation (ours, plain; plain, ours; …) so a load change on the shared machine falls on both;
// each side's figure is the median of its rounds' median_ms. The scores themselves do not vary between rounds.
const timed = !flag('--no-speed');
const rounds = timed ? Math.max(1, Number(valueOf('--speed-rounds') ?? 5)) : 0;
const ms = { ours: [], plain: [] };
if (!timed) {
  console.log('body set: our pipeline (not timed: --no-speed)…');
  const line = scoreBody(moduleFile, 'broadsheet.dev.json');
  console.log(`  ${line}`);
  Object.assign(measured, figures(line));
}
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? ['ours', 'plain'] : ['plain', 'ours'];
  for (const side of order) {
    console.log(`body set, round ${round + 1}/${rounds}: ${side === 'ours' ? 'our pipeline' : 'plain Readability'}…`);
    const line = side === 'ours' ? scoreBody(moduleFile, 'broadsheet.dev.json') : scoreBody(baselineFile, 'readability.dev.json');
    console.log(`  ${line}`);
    if (side === 'ours' && round === 0) Object.assign(measured, figures(line));
    ms[side].push(figures(line).median_ms);
  }
}
if (timed) {
  const oursMs = median(ms.ours);
  const baseMs = median(ms.plain);
  measured.median_ms = oursMs;
  measured.speed_ratio = baseMs ? oursMs / baseMs : NaN;
  console.log(`  speed: median over ${rounds} round(s) ${oursMs.toFixed(1)} ms vs Readability ${baseMs.toFixed(1)} ms → ratio ${measured.speed_ratio.toFixed(2)}` +
    ` (per round: ${ms.ours.map((o, i) => (o / ms.plain[i]).toFixed(2)).join(', ')})`);
}

if (!flag('--skip-meta')) {
  console.log('meta set: headline, author, date…');
  const source = valueOf('--source');
  const metaOut = run(process.execPath, [path.join(benchDir, 'meta/score-meta.mjs'), '--module', moduleFile, ...(source ? ['--source', source] : [])], { cwd: outRoot });
  const all = metaOut.split('[ALL]')[1]?.split('[source')[0] ?? '';
  for (const [, key, value] of all.matchAll(/^\s+(\w+)\s+([\d.]+)/gm)) measured[key] = Number(value);
  console.log(all.replace(/^\n/, '').replace(/\n$/, '').split('\n').map((l) => `  ${l.trim()}`).join('\n'));
  console.log(`  ${lastLine(metaOut)}`);
}

const misses = THRESHOLDS.filter(({ key }) => key in measured).filter(({ key, min, max }) => {
  const value = measured[key];
  return !Number.isFinite(value) || (min !== undefined && value < min) || (max !== undefined && value > max);
});
for (const { key, min, max } of misses) console.error(`below threshold: ${key}=${measured[key]?.toFixed(3)} (${min !== undefined ? `needs ≥ ${min}` : `needs ≤ ${max}`})`);
const unchecked = THRESHOLDS.map(({ key }) => key).filter((key) => !(key in measured));
if (unchecked.length) console.log(`not measured in this run, so not checked: ${unchecked.join(', ')}`);
console.log(misses.length ? `bench:quality: ${misses.length} figure(s) below threshold` : `bench:quality: every figure ${unchecked.length ? 'measured ' : ''}meets its threshold`);
process.exit(misses.length ? 1 : 0);
