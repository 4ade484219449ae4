// esbuild plugin: drops Readability's `this.log(…)` debug calls. They only print with `debug: true`, which we never
// set, yet their message strings cost ~1.2 KB of the content script's 60 KB budget.
import fs from 'node:fs';

const CALL = 'this.log(';

/** `source` with every `this.log(…)` call (balanced parentheses, quoted strings skipped) replaced by `void 0`. */
export function stripLogCalls(source) {
  let out = '';
  let from = 0;
  for (let start = source.indexOf(CALL); start !== -1; start = source.indexOf(CALL, from)) {
    out += source.slice(from, start) + 'void 0';
    let at = start + CALL.length;
    let depth = 1;
    let quote = null;
    while (depth > 0 && at < source.length) {
      const ch = source[at];
      if (quote) {
        if (ch === '\\') at++;
        else if (ch === quote) quote = null;
      } else if (ch === '"' || ch === "'" || ch === '`') quote = ch;
      else if (ch === '(') depth++;
      else if (ch === ')') depth--;
      at++;
    }
    if (depth > 0) return source; // unbalanced: leave the file as it is rather than break it
    from = at;
  }
  return out + source.slice(from);
}

export const stripReadabilityLogs = {
  name: 'strip-readability-logs',
  setup(build) {
    build.onLoad({ filter: /[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/ }, async (args) => ({
      contents: stripLogCalls(await fs.promises.readFile(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};
