// Size budgets for what the browser loads, in minified bytes, checked from esbuild's metafile.
// An entry's cost is its own file, the chunks it imports statically, and its interface chunk (`*-ui.tsx`), which the
// popup and options entries fetch with import() at once so that reading the tab or the library starts first; each
// counted once. Chunks loaded later, when needed (the article renderer with DOMPurify when the article arrives, the
// library when it is opened, the saved list, export and import code), are not counted: `formatSizes` prints them
// apart so their weight stays visible.
import path from 'node:path';

export const BUDGETS = {
  'content.js': 60 * 1024,
  'popup.js': 90 * 1024,
  'options.js': 120 * 1024,
};

/** Entry points (source paths) of the chunks an entry loads with import() on every open, before anything else. */
export const LOADED_AT_OPEN = /(^|\/)[\w-]+-ui\.tsx$/;

function loadedOnOpen(outputs, file, seen = new Set()) {
  if (seen.has(file) || !outputs[file]) return seen;
  seen.add(file);
  for (const imported of outputs[file].imports ?? []) {
    const atOpen = imported.kind === 'dynamic-import' && LOADED_AT_OPEN.test(outputs[imported.path]?.entryPoint ?? '');
    if (imported.kind === 'import-statement' || atOpen) loadedOnOpen(outputs, imported.path, seen);
  }
  return seen;
}

/** Bytes each entry costs at load: { 'popup.js': 81234, … } */
export function entrySizes(metafile, outdir) {
  const sizes = {};
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!output.entryPoint || !file.endsWith('.js')) continue;
    const name = path.relative(outdir, path.resolve(file));
    let bytes = 0;
    for (const part of loadedOnOpen(metafile.outputs, file)) bytes += metafile.outputs[part].bytes;
    sizes[name] = bytes;
  }
  return sizes;
}

/** Lines naming each entry over its budget; empty when all fit. */
export function checkBudgets(metafile, outdir, budgets = BUDGETS) {
  const sizes = entrySizes(metafile, outdir);
  return Object.entries(budgets)
    .filter(([name, limit]) => (sizes[name] ?? 0) > limit)
    .map(([name, limit]) => `${name} is ${kb(sizes[name])} (budget ${kb(limit)})`);
}

export function formatSizes(metafile, outdir, budgets = BUDGETS) {
  const sizes = entrySizes(metafile, outdir);
  return Object.entries(sizes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, bytes]) => `  ${name.padEnd(16)} ${kb(bytes).padStart(9)}${budgets[name] ? `  (budget ${kb(budgets[name])})` : ''}`)
    .join('\n');
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
