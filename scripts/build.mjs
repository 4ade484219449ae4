#!/usr/bin/env node
// Builds the extension for Chrome and Firefox from one source manifest, plus the Node entry used by the CLI and scorers.
//   dist/chrome, dist/firefox   loadable unpacked, shipped as-is
//   dist-test/firefox           the Firefox build plus a 127.0.0.1 host permission and the popup's ?tab= seam, for e2e tests only
//   dist/node/extract.js        extract(html, url) on jsdom
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkBudgets, formatSizes } from './budgets.mjs';
import { readabilityPatches } from './readability-patches.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
// BROADSHEET_OUT=.build/NAME builds elsewhere (inside the repo, so node_modules still resolves) without touching dist/.
const outRoot = path.resolve(root, process.env.BROADSHEET_OUT ?? '.');
const dist = path.join(outRoot, 'dist');
const distTest = path.join(outRoot, 'dist-test');

const PAGES = ['popup', 'options', 'reader'];
const STATIC = ['icons', '_locales'];

/** Per-browser adjustments to the one source manifest: each browser gets only the background key it runs. */
const MANIFEST_OVERLAYS = {
  chrome(manifest) {
    manifest.background = { service_worker: manifest.background.service_worker };
    delete manifest.browser_specific_settings;
  },
  firefox(manifest) {
    manifest.background = { scripts: manifest.background.scripts };
  },
};

const TEST_HOST_PERMISSIONS = ['http://127.0.0.1/*'];

function manifestFor(browser, { test = false } = {}) {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8'));
  manifest.version = pkg.version;
  MANIFEST_OVERLAYS[browser](manifest);
  if (test) manifest.host_permissions = TEST_HOST_PERMISSIONS;
  return manifest;
}

async function bundleExtension(outdir, { testSeams }) {
  const common = {
    bundle: true,
    minify: true,
    target: ['chrome120', 'firefox128'],
    // Both have run \p{…} in regexes since 2020 (Chrome 64, Firefox 78), but esbuild's table counts them as lacking
    // its newest Unicode version and rewrites each such literal as a longer `new RegExp("…", "u")`.
    supported: { 'regexp-unicode-property-escapes': true },
    define: { __TEST_SEAMS__: String(testSeams), 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    plugins: [readabilityPatches],
  };
  const pages = await esbuild.build({
    ...common,
    entryPoints: Object.fromEntries(PAGES.map((p) => [p, path.join(root, p, `${p}.tsx`)])),
    outdir,
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  });
  const background = await esbuild.build({
    ...common,
    entryPoints: { background: path.join(root, 'src/background/index.ts') },
    outdir,
    format: 'iife',
  });
  // The injected file's last expression is what scripting.executeScript returns; esbuild's IIFE wrapper would
  // otherwise swallow it, so export run() and call it in a footer.
  const content = await esbuild.build({
    ...common,
    entryPoints: { content: path.join(root, 'src/content/extract-page.ts') },
    outdir,
    format: 'iife',
    globalName: '__broadsheet',
    footer: { js: '__broadsheet.run();' },
    // Readability keeps its internals on `_`-prefixed properties (readabilityPatches adds the `_` to its constants)
    // and never reads them by string; shortening those names is the largest saving under the 60 KB budget.
    mangleProps: /^_/,
    // Non-ASCII in strings and regexes (month names, Readability's ad words) as UTF-8, not 6-byte \uXXXX escapes.
    // Chrome and Firefox read extension scripts as UTF-8.
    charset: 'utf8',
  });
  for (const page of PAGES) fs.copyFileSync(path.join(root, page, `${page}.html`), path.join(outdir, `${page}.html`));
  for (const dir of STATIC) fs.cpSync(path.join(root, dir), path.join(outdir, dir), { recursive: true });
  return mergeMetafiles([pages.metafile, background.metafile, content.metafile]);
}

function mergeMetafiles(metafiles) {
  return { inputs: Object.assign({}, ...metafiles.map((m) => m.inputs)), outputs: Object.assign({}, ...metafiles.map((m) => m.outputs)) };
}

async function bundleNode() {
  await esbuild.build({
    entryPoints: { extract: path.join(root, 'src/node/extract.ts') },
    outdir: path.join(dist, 'node'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    define: { __TEST_SEAMS__: 'false' },
    logLevel: 'warning',
  });
}

function writeManifest(dir, manifest) {
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
}

async function main() {
  fs.rmSync(dist, { recursive: true, force: true });
  fs.rmSync(distTest, { recursive: true, force: true });

  const chromeDir = path.join(dist, 'chrome');
  const metafile = await bundleExtension(chromeDir, { testSeams: false });
  writeManifest(chromeDir, manifestFor('chrome'));

  const firefoxDir = path.join(dist, 'firefox');
  fs.cpSync(chromeDir, firefoxDir, { recursive: true });
  writeManifest(firefoxDir, manifestFor('firefox'));

  const firefoxTestDir = path.join(distTest, 'firefox');
  await bundleExtension(firefoxTestDir, { testSeams: true });
  writeManifest(firefoxTestDir, manifestFor('firefox', { test: true }));

  await bundleNode();

  console.log(formatSizes(metafile, chromeDir));
  const overBudget = checkBudgets(metafile, chromeDir);
  if (overBudget.length) {
    for (const line of overBudget) console.error(`over budget: ${line}`);
    process.exit(1);
  }
  console.log(`built ${path.relative(process.cwd(), dist) || 'dist'}/{chrome,firefox,node} and ${path.relative(process.cwd(), distTest)}/firefox (v${pkg.version})`);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
