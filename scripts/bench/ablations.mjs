// Our pipeline rebuilt with one change each, to measure what a step costs (remove it) or what a proposed fix saves
// (apply it), side by side with plain Readability and the real pipeline. src/ is never edited: each ablation patches
// the source text in esbuild's memory, and fails loudly when the text it patches is no longer there.
import fs from 'node:fs';
import path from 'node:path';

export const ABLATIONS = [
  {
    name: 'ours without sanitise',
    patches: [{ file: 'src/extract/index.ts', find: 'sanitizeArticle(outcome, doc)', replace: 'outcome' }],
  },
];

/** An esbuild plugin that applies `patches` to the files they name; throws if a patch no longer matches. */
export function patchPlugin(root, patches) {
  return {
    name: 'bench-patch',
    setup(build) {
      for (const patch of patches) {
        const absolute = path.join(root, patch.file);
        const filter = new RegExp(`^${absolute.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
        build.onLoad({ filter }, () => {
          const source = fs.readFileSync(absolute, 'utf8');
          if (!source.includes(patch.find)) throw new Error(`ablation patch no longer matches ${patch.file}: ${patch.find.split('\n')[0]}`);
          return { contents: source.replace(patch.find, patch.replace), loader: 'ts' };
        });
      }
    },
  };
}
