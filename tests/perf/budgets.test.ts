import { afterAll, describe, expect, it } from 'vitest';
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUDGETS, checkBudgets, entrySizes, formatSizes } from '../../scripts/budgets.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const KB = 1024;

/**
 * A metafile shaped like esbuild's: popup.js imports a shared chunk statically, its interface (`popup-ui.tsx`) with
 * import() at once (counted: every open loads it first) and the export code lazily (not counted).
 */
function syntheticMetafile(outdir: string, sizes: { popup: number; shared: number; lazy: number; ui?: number }): esbuild.Metafile {
  const out = (name: string) => path.relative(process.cwd(), path.join(outdir, name));
  return {
    inputs: {},
    outputs: {
      [out('popup.js')]: {
        bytes: sizes.popup,
        entryPoint: 'popup/popup.tsx',
        inputs: {},
        exports: [],
        imports: [
          { path: out('chunks/shared-AAAA.js'), kind: 'import-statement' },
          { path: out('chunks/popup-ui-CCCC.js'), kind: 'dynamic-import' },
          { path: out('chunks/export-BBBB.js'), kind: 'dynamic-import' },
        ],
      },
      [out('chunks/popup-ui-CCCC.js')]: {
        bytes: sizes.ui ?? 0,
        entryPoint: 'popup/popup-ui.tsx',
        inputs: {},
        exports: [],
        imports: [{ path: out('chunks/shared-AAAA.js'), kind: 'import-statement' }],
      },
      [out('chunks/shared-AAAA.js')]: { bytes: sizes.shared, inputs: {}, exports: [], imports: [] },
      // esbuild marks a dynamically imported module as an entry point of its own.
      [out('chunks/export-BBBB.js')]: { bytes: sizes.lazy, entryPoint: 'src/library-io/export-file.ts', inputs: {}, exports: [], imports: [] },
      [out('popup.css')]: { bytes: 50 * KB, inputs: {}, exports: [], imports: [] },
    },
  };
}

describe('checkBudgets on a synthetic metafile', () => {
  const outdir = path.join(os.tmpdir(), 'broadsheet-budget-synthetic');

  it('counts the statically imported chunk in the entry but not the lazily imported one', () => {
    const sizes = entrySizes(syntheticMetafile(outdir, { popup: 10 * KB, shared: 30 * KB, lazy: 200 * KB }), outdir);
    expect(sizes['popup.js']).toBe(40 * KB);
  });

  it('counts the interface chunk the entry loads with import() on every open, and their shared chunk once', () => {
    const sizes = entrySizes(syntheticMetafile(outdir, { popup: 5 * KB, shared: 30 * KB, lazy: 200 * KB, ui: 20 * KB }), outdir);
    expect(sizes['popup.js']).toBe(55 * KB);
    const over = syntheticMetafile(outdir, { popup: 5 * KB, shared: 30 * KB, lazy: 1 * KB, ui: 56 * KB });
    expect(checkBudgets(over, outdir)).toEqual(['popup.js is 91.0 KB (budget 90.0 KB)']);
  });

  it('passes an entry whose static closure fits even though its lazy chunk alone is over the budget', () => {
    const metafile = syntheticMetafile(outdir, { popup: 10 * KB, shared: 30 * KB, lazy: 200 * KB });
    expect(checkBudgets(metafile, outdir)).toEqual([]);
  });

  it('flags an entry pushed over its budget by a static chunk, naming it with its size and budget', () => {
    const metafile = syntheticMetafile(outdir, { popup: 10 * KB, shared: 81 * KB, lazy: 1 * KB });
    expect(checkBudgets(metafile, outdir)).toEqual(['popup.js is 91.0 KB (budget 90.0 KB)']);
  });

  it('allows an entry exactly at its budget', () => {
    const metafile = syntheticMetafile(outdir, { popup: 10 * KB, shared: 80 * KB, lazy: 0 });
    expect(checkBudgets(metafile, outdir)).toEqual([]);
  });

  it('prints each entry with its budget where it has one', () => {
    const printed = formatSizes(syntheticMetafile(outdir, { popup: 10 * KB, shared: 30 * KB, lazy: 5 * KB }), outdir);
    expect(printed).toContain('popup.js');
    expect(printed).toContain('40.0 KB  (budget 90.0 KB)');
    expect(printed).not.toContain('popup.css');
  });
});

/** JS source for a module exporting `count` distinct pseudo-random strings, which minification cannot shrink. */
function incompressibleModule(count: number, seed: number): string {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
  const strings = Array.from({ length: count }, () => Array.from({ length: 4 }, () => next().toString(36)).join(''));
  return `export const table = ${JSON.stringify(strings)};\n`;
}

describe('checkBudgets on a real esbuild build', () => {
  const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-budget-'));
  afterAll(() => fs.rmSync(workdir, { recursive: true, force: true }));

  // About 130 KB minified: over the popup's 90 KB budget on its own.
  // The big module stands for export code, which only readers who export load.
  fs.mkdirSync(path.join(workdir, 'library-io'));
  fs.writeFileSync(path.join(workdir, 'library-io/export-file.js'), incompressibleModule(5000, 7));
  fs.writeFileSync(path.join(workdir, 'static-popup.js'), `import { table } from './library-io/export-file.js';\nconsole.log(table.length);\n`);
  fs.writeFileSync(
    path.join(workdir, 'lazy-popup.js'),
    `document.addEventListener('click', async () => console.log((await import('./library-io/export-file.js')).table.length));\n`,
  );
  // The same module as the popup's interface (popup-ui.tsx), fetched with import() as soon as the popup opens: it counts.
  fs.writeFileSync(path.join(workdir, 'popup-ui.tsx'), incompressibleModule(5000, 7));
  fs.writeFileSync(path.join(workdir, 'split-popup.js'), `void import('./popup-ui.tsx').then((ui) => console.log(ui.table.length));\n`);

  async function buildPopup(entry: string) {
    const outdir = path.join(workdir, `out-${entry}`);
    const result = await esbuild.build({
      entryPoints: { popup: path.join(workdir, entry) },
      outdir,
      bundle: true,
      minify: true,
      format: 'esm',
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      metafile: true,
      logLevel: 'silent',
    });
    return { metafile: result.metafile, outdir };
  }

  it('reports a popup that statically imports a big module as over budget', async () => {
    const { metafile, outdir } = await buildPopup('static-popup.js');
    const problems = checkBudgets(metafile, outdir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^popup\.js is \d+\.\d KB \(budget 90\.0 KB\)$/);
    expect(entrySizes(metafile, outdir)['popup.js']).toBeGreaterThan(BUDGETS['popup.js']!);
  });

  it('passes the same popup when the big module is loaded with import()', async () => {
    const { metafile, outdir } = await buildPopup('lazy-popup.js');
    expect(checkBudgets(metafile, outdir)).toEqual([]);
    expect(entrySizes(metafile, outdir)['popup.js']).toBeLessThan(2 * KB);
    const lazyChunk = Object.entries(metafile.outputs).find(([file]) => file.includes('chunks/export-file-'));
    expect(lazyChunk?.[1].bytes).toBeGreaterThan(BUDGETS['popup.js']!);
  });

  it('counts an interface loaded with import() at open as part of the popup, so splitting it off does not dodge the budget', async () => {
    const { metafile, outdir } = await buildPopup('split-popup.js');
    expect(checkBudgets(metafile, outdir)).toEqual([expect.stringMatching(/^popup\.js is \d+\.\d KB \(budget 90\.0 KB\)$/)]);
  });
});

describe('npm run build', () => {
  // A preload that lowers content.js's budget in the same module instance build.mjs imports, so the real build goes over.
  const out = path.join('.build', `perf-budget-test-${process.pid}`);
  const preload = path.join(os.tmpdir(), `broadsheet-shrink-budget-${process.pid}.mjs`);
  afterAll(() => {
    fs.rmSync(path.join(root, out), { recursive: true, force: true });
    fs.rmSync(preload, { force: true });
  });

  it('exits non-zero and names the entry when a bundle is over its budget', () => {
    const budgetsUrl = new URL('../../scripts/budgets.mjs', import.meta.url).href;
    fs.writeFileSync(preload, `import { BUDGETS } from ${JSON.stringify(budgetsUrl)};\nBUDGETS['content.js'] = 1024;\n`);
    const build = spawnSync(process.execPath, ['--import', preload, 'scripts/build.mjs'], {
      cwd: root,
      env: { ...process.env, BROADSHEET_OUT: out },
      encoding: 'utf8',
    });
    expect(build.stderr).toMatch(/over budget: content\.js is \d+\.\d KB \(budget 1\.0 KB\)/);
    expect(build.status).toBe(1);
  });
});
