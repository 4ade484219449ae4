// Size budgets for what the browser loads, in minified bytes, checked from esbuild's metafile.
// An entry's cost is its own file plus the chunks it imports statically (lazy `import()` chunks are not counted).
import path from 'node:path';

export const BUDGETS = {
  'content.js': 60 * 1024,
  'popup.js': 90 * 1024,
  'options.js': 120 * 1024,
};

function staticClosure(outputs, file, seen = new Set()) {
  if (seen.has(file) || !outputs[file]) return seen;
  seen.add(file);
  for (const imported of outputs[file].imports ?? []) {
    if (imported.kind === 'import-statement') staticClosure(outputs, imported.path, seen);
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
    for (const part of staticClosure(metafile.outputs, file)) bytes += metafile.outputs[part].bytes;
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
