// Our pipeline rebuilt with one change each, to measure what a step costs (remove it) or what a proposed fix saves
// (apply it), side by side with plain Readability and the real pipeline. src/ is never edited: each ablation patches
// the source text in esbuild's memory, and fails loudly when the text it patches is no longer there.
import fs from 'node:fs';
import path from 'node:path';

export const ABLATIONS = [
  {
    // The content script's hardening (named elements defused on the clone) against a plain clone: what it adds.
    name: 'ours, plain clone',
    patches: [{ file: 'src/content/extract-page.ts', find: 'extractUnsanitized(defusedClone(document), url)', replace: 'extractUnsanitized(document.cloneNode(true) as Document, url)' }],
  },
  {
    // The size guard's walk over every node (page-guards.ts pageTooLarge) left out, clone still defused.
    name: 'ours, no size walk',
    patches: [{ file: 'src/content/extract-page.ts', find: 'pageTooLarge(document)', replace: 'null' }],
  },
];

const LOADERS = { '.ts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.jsx': 'jsx' };

/** An esbuild plugin that applies `patches` ({file, find, replace}) to the files they name; throws if one no longer matches. */
export function patchPlugin(root, patches) {
  const byFile = new Map();
  for (const patch of patches) byFile.set(path.join(root, patch.file), [...(byFile.get(path.join(root, patch.file)) ?? []), patch]);
  return {
    name: 'bench-patch',
    setup(build) {
      for (const [absolute, filePatches] of byFile) {
        const filter = new RegExp(`^${absolute.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
        build.onLoad({ filter }, () => {
          let source = fs.readFileSync(absolute, 'utf8');
          for (const patch of filePatches) {
            if (!source.includes(patch.find)) throw new Error(`bench patch no longer matches ${patch.file}: ${patch.find.split('\n')[0]}`);
            source = source.replace(patch.find, patch.replace);
          }
          return { contents: source, loader: LOADERS[path.extname(absolute)] ?? 'ts' };
        });
      }
    },
  };
}
