// The extension as the benchmarks load it: the shipped build (scripts/build.mjs, into a bench folder so dist/ is left
// alone), and variants of it whose pages are rebuilt with source patches (scripts/bench/ablations.mjs' patchPlugin),
// such as the popup floor with extraction disabled. A variant is a copy of the shipped dir with its page bundles
// and content script replaced, built with the same options as scripts/build.mjs (keep them in step).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { patchPlugin } from './ablations.mjs';
import { readabilityPatches } from '../readability-patches.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PAGES = ['popup', 'options', 'reader'];

/** Runs the real build into `outRoot` (relative to the repo) and returns the unpacked Chrome extension's folder. */
export function buildShippedExtension(outRoot) {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], {
    cwd: repoRoot,
    env: { ...process.env, BROADSHEET_OUT: outRoot },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`the build failed (exit ${build.status}):\n${build.stderr || build.stdout}`);
  return path.join(repoRoot, outRoot, 'dist/chrome');
}

/** A copy of `shippedDir` at `variantDir` whose page bundles are rebuilt with `patches` applied. */
export async function buildPatchedVariant(shippedDir, variantDir, patches) {
  fs.rmSync(variantDir, { recursive: true, force: true });
  fs.cpSync(shippedDir, variantDir, { recursive: true });
  fs.rmSync(path.join(variantDir, 'chunks'), { recursive: true, force: true });
  const common = {
    bundle: true,
    minify: true,
    target: ['chrome120', 'firefox128'],
    define: { __TEST_SEAMS__: 'false', 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'warning',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    plugins: [patchPlugin(repoRoot, patches), readabilityPatches],
    outdir: variantDir,
  };
  await esbuild.build({
    ...common,
    entryPoints: Object.fromEntries(PAGES.map((page) => [page, path.join(repoRoot, page, `${page}.tsx`)])),
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  });
  await esbuild.build({
    ...common,
    entryPoints: { content: path.join(repoRoot, 'src/content/extract-page.ts') },
    format: 'iife',
    globalName: '__broadsheet',
    footer: { js: '__broadsheet.run();' },
    mangleProps: /^_/, // as scripts/build.mjs does for the content script
  });
  return variantDir;
}

/**
 * A copy of `shippedDir` with one more page, `<name>.html`, running `entry` (bundled): a bench-only page in the
 * extension's origin, so it reaches the same IndexedDB as the popup and options. Nothing else in the copy changes.
 */
export async function buildWithBenchPage(shippedDir, variantDir, name, entry) {
  fs.rmSync(variantDir, { recursive: true, force: true });
  fs.cpSync(shippedDir, variantDir, { recursive: true });
  await esbuild.build({
    entryPoints: { [name]: path.join(repoRoot, entry) },
    outdir: variantDir,
    bundle: true,
    format: 'iife',
    target: ['chrome120'],
    define: { __TEST_SEAMS__: 'false', 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  fs.writeFileSync(
    path.join(variantDir, `${name}.html`),
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${name}</title><script src="${name}.js"></script></head><body></body></html>\n`,
  );
  return variantDir;
}
