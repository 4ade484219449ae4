// esbuild plugin for the content script: patches @mozilla/readability 0.6's source at bundle time to drop what our
// call (src/extract/body.ts: `{ serializer, charThreshold: 300, keepClasses: true }`, reading only content, title and
// excerpt) never runs, to let mangleProps shorten its internal names, to put its number constants in place, and to
// export it as an ES module. Each patch must find its text, so a Readability upgrade fails the
// build instead of silently shipping an unpatched or half-patched file. tests/build/readability-patches.test.ts
// proves the patched pipeline extracts exactly what the unpatched one does on corpus pages.
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

/**
 * Text replacements, applied in order after the log calls are gone. `find` is an exact string (every occurrence is
 * replaced) or a global RegExp, whose replacement may be a function of the match; either must match at least once.
 */
export const PATCHES = [
  {
    why: 'debug output: we never pass `debug`, and no this.log call is left to use the logger it builds',
    edits: [
      ['  this._debug = !!options.debug;\n', ''],
      [/\n {2}\/\/ Control whether log messages are sent to the console\n {2}if \(this\._debug\) \{\n[\s\S]*?\n {2}\} else \{\n {4}this\.log = function \(\) \{\};\n {2}\}\n/g, '\n'],
      ['this._debug', 'false'],
    ],
  },
  {
    why: "JSDOMParser branches: `__JSDOMParser__` is an expando only Readability's own JSDOMParser sets; never on a browser or jsdom document",
    edits: [
      ['  this._docJSDOMParser = this._doc.firstChild.__JSDOMParser__;\n', ''],
      ['this._docJSDOMParser', 'false'],
    ],
  },
  {
    why: 'maxElemsToParse: we never pass it, so its limit is the default 0, which parse() reads as "no limit": the element count goes',
    edits: [
      ['  this._maxElemsToParse =\n    options.maxElemsToParse || this.DEFAULT_MAX_ELEMS_TO_PARSE;\n', ''],
      ['  DEFAULT_MAX_ELEMS_TO_PARSE: 0,\n', ''],
      [/\n {4}\/\/ Avoid parsing too large documents, as per configuration option\n {4}if \(this\._maxElemsToParse > 0\) \{\n[\s\S]*?\n {4}\}\n/g, '\n'],
    ],
  },
  {
    why: 'keepClasses: we pass true, so classes are never cleaned and classesToPreserve is never read',
    edits: [
      ['  this._classesToPreserve = this.CLASSES_TO_PRESERVE.concat(\n    options.classesToPreserve || []\n  );\n', ''],
      ['  CLASSES_TO_PRESERVE: ["page"],\n', ''],
      ['  this._keepClasses = !!options.keepClasses;\n', ''],
      ['\n    if (!this._keepClasses) {\n      // Remove classes.\n      this._cleanClasses(articleContent);\n    }\n', '\n'],
      [/\n {2}_cleanClasses\(node\) \{\n[\s\S]*?\n {2}\},\n/g, '\n'],
    ],
  },
  {
    why: 'serializer: we pass our own, so the innerHTML default is never called',
    edits: [['  this._serializer =\n    options.serializer ||\n    function (el) {\n      return el.innerHTML;\n    };\n', '  this._serializer = options.serializer;\n']],
  },
  {
    why: "node expandos: a node's `readability` score, its `contentScore` and a table's `_readabilityDataTable` are only read by Readability",
    edits: [
      // Fixed `$` names on DOM nodes, not `_` ones: mangleProps could pick a name elements already have (an <img>'s
      // x, an SVG's cx). The score object is Readability's own, so its contentScore can take a mangled name.
      [/\.readability(?![\w-])/g, '.$r'],
      ['._readabilityDataTable', '.$t'],
      [/\.\$r\.contentScore\b/g, '.$r._contentScore'],
      ['node.$r = { contentScore: 0 };', 'node.$r = { _contentScore: 0 };'],
    ],
  },
  {
    why: 'the old (options, doc) argument order: our options object never has a documentElement, and is always given',
    edits: [
      ['  if (options && options.documentElement) {\n    doc = options;\n    options = arguments[2];\n  } else if (!doc', '  if (!doc'],
      ['  options = options || {};\n', ''],
    ],
  },
  {
    why: "options we never pass, so they hold their defaults: JSON-LD on, the `videos` pattern, no extra link density, five top candidates; charThreshold we always pass",
    edits: [
      ['  this._disableJSONLD = !!options.disableJSONLD;\n', ''],
      ['this._disableJSONLD ? {} : this._getJSONLD(this._doc)', 'this._getJSONLD(this._doc)'],
      ['  this._allowedVideoRegex = options.allowedVideoRegex || this.REGEXPS.videos;\n', ''],
      ['this._allowedVideoRegex', 'this.REGEXPS.videos'],
      ['  this._linkDensityModifier = options.linkDensityModifier || 0;\n', ''],
      [' + this._linkDensityModifier', ''],
      ['  this._nbTopCandidates =\n    options.nbTopCandidates || this.DEFAULT_N_TOP_CANDIDATES;\n', ''],
      ['  DEFAULT_N_TOP_CANDIDATES: 5,\n', ''],
      ['this._nbTopCandidates', '5'],
      ['options.charThreshold || this.DEFAULT_CHAR_THRESHOLD', 'options.charThreshold'],
    ],
  },
  {
    why: "_cleanConditionally's reasons for removing a node were only logged; only whether there is one is read, so a count does",
    edits: [
      ['          const errs = [];\n', '          let errs = 0;\n'],
      [/errs\.push\(\s*`[^`]*`\s*\)/g, 'errs++'],
      ['          if (errs.length) {\n', '          if (errs) {\n'],
    ],
  },
  {
    why: 'serializer (continued): ours returns the node it is given, so the content is that node',
    edits: [
      ['  this._serializer = options.serializer;\n', ''],
      ['content: this._serializer(articleContent)', 'content: articleContent'],
    ],
  },
  {
    why: '_getAllNodesWithTag: it is only given documents and elements, which always have querySelectorAll',
    edits: [[/ {4}if \(node\.querySelectorAll\) \{\n {6}(return node\.querySelectorAll\(tagNames\.join\(","\)\);)\n {4}\}\n {4}return \[\]\.concat\.apply\([\s\S]*?\n {4}\);\n/g, (_, kept) => `    ${kept}\n`]],
  },
  {
    why: "result fields we never read (byline, dir, lang, textContent, length, siteName, publishedTime), and what only they need: the <html> lang, the ancestors' dir, the site name and publication time, and unescaping them. The byline is still found, because whether there is one decides whether a byline node leaves the body; unescaping never turns a non-empty byline empty",
    edits: [
      ['  this._articleDir = null;\n  this._articleSiteName = null;\n', ''],
      ['        if (node.tagName === "HTML") {\n          this._articleLang = node.getAttribute("lang");\n        }\n\n', ''],
      [/\n {8}\/\/ Find out text direction from ancestors of final top candidate\.\n[\s\S]*?\n {8}\}\);\n/g, '\n'],
      ['          if (parsed.publisher && typeof parsed.publisher.name === "string") {\n            metadata.siteName = parsed.publisher.name.trim();\n          }\n          if (typeof parsed.datePublished === "string") {\n            metadata.datePublished = parsed.datePublished.trim();\n          }\n', ''],
      [/\n {4}\/\/ get site name\n[\s\S]*?\|\|\n {6}null;\n/g, '\n'],
      ['    metadata.byline = this._unescapeHtmlEntities(metadata.byline);\n', ''],
      ['    metadata.siteName = this._unescapeHtmlEntities(metadata.siteName);\n    metadata.publishedTime = this._unescapeHtmlEntities(metadata.publishedTime);\n', ''],
      ['    var textContent = articleContent.textContent;\n', ''],
      ['      byline: metadata.byline || this._articleByline,\n      dir: this._articleDir,\n      lang: this._articleLang,\n', ''],
      ['      textContent,\n      length: textContent.length,\n', ''],
      ['      siteName: metadata.siteName || this._articleSiteName,\n      publishedTime: metadata.publishedTime,\n', ''],
    ],
  },
  {
    why: "CommonJS export: as an ES module's default export, body.ts's default import gets the same function without esbuild's CommonJS wrapper and interop helpers",
    edits: [[/\nif \(typeof module === "object"\) \{\n(?: {2}\/\*.*\*\/\n)* {2}module\.exports = Readability;\n\}\n/g, '\nexport default Readability;\n']],
  },
  {
    why: "plain-named properties of Readability's own objects (its metadata, its attempts, a table's size), renamed `_name` so mangleProps shortens them",
    edits: [
      [/\b(metadata|jsonld)\.(title|byline|excerpt)\b/g, (_, object, name) => `${object}._${name}`],
      ['this._metadata.byline', 'this._metadata._byline'],
      ['        this._attempts.push({\n          articleContent,\n          textLength,\n        });', '        this._attempts.push({ _articleContent: articleContent, _textLength: textLength });'],
      [/\b(b|a|this\._attempts\[0\])\.textLength\b/g, (_, attempt) => `${attempt}._textLength`],
      ['this._attempts[0].articleContent', 'this._attempts[0]._articleContent'],
      ['return { rows, columns };', 'return { _rows: rows, _columns: columns };'],
      [/\bsizeInfo\.(rows|columns)\b/g, (_, name) => `sizeInfo._${name}`],
    ],
  },
];

/**
 * Readability's constants live on its prototype under plain names, which mangleProps (/^_/) leaves alone: they get a
 * `_` so it shortens them. Each is read only as `this.NAME` inside Readability; a rename keeps that exact.
 */
export const RENAMED_CONSTANTS = [
  'DEFAULT_TAGS_TO_SCORE',
  'REGEXPS',
  'UNLIKELY_ROLES',
  'DIV_TO_P_ELEMS',
  'ALTER_TO_DIV_EXCEPTIONS',
  'PRESENTATIONAL_ATTRIBUTES',
  'DEPRECATED_SIZE_ATTRIBUTE_ELEMS',
  'PHRASING_ELEMS',
  'HTML_ESCAPE_MAP',
];

/** Readability's number constants: each is read only as `this.NAME`, so that read becomes the number itself. */
export const INLINED_CONSTANTS = [
  'FLAG_STRIP_UNLIKELYS',
  'FLAG_WEIGHT_CLASSES',
  'FLAG_CLEAN_CONDITIONALLY',
  'ELEMENT_NODE',
  'TEXT_NODE',
  'DEFAULT_CHAR_THRESHOLD',
];

/** Long lists of plain words, written as one string split on spaces: the same array (or Set), some 2 bytes a word shorter. */
export const SPLIT_LISTS = ['UNLIKELY_ROLES', 'DIV_TO_P_ELEMS', 'PRESENTATIONAL_ATTRIBUTES', 'PHRASING_ELEMS'];

function applyEdit(source, [find, replacement], why) {
  const found = typeof find === 'string' ? source.includes(find) : source.search(find) !== -1;
  if (!found) throw new Error(`readability-patches: "${why}" no longer matches ${find} in Readability.js (was it upgraded?)`);
  if (typeof find === 'string') return source.split(find).join(replacement);
  return source.replace(find, typeof replacement === 'function' ? replacement : () => replacement);
}

function assertReadOnlyAsThis(source, name, what) {
  const code = source.replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
  if (new RegExp(`(?<![\\w$])${name}(?![\\w$])`).test(code)) {
    throw new Error(`readability-patches: ${name} is read other than as this.${name}; ${what} is not safe`);
  }
}

function inlineConstant(source, name) {
  const definition = new RegExp(`\n  ${name}: (\\d+|0x[\\da-f]+),\n`);
  const value = definition.exec(source)?.[1];
  if (value === undefined) throw new Error(`readability-patches: no number constant ${name} in Readability.js (was it upgraded?)`);
  const out = applyEdit(source.replace(definition, '\n'), [`this.${name}`, String(Number(value))], `inline ${name}`);
  assertReadOnlyAsThis(out, name, 'inlining it');
  return out;
}

function splitList(source, name) {
  const definition = new RegExp(`(\n  ${name}: (?:new Set\\()?)\\[([^\\]]*)\\]`);
  const found = definition.exec(source);
  const items = found?.[2].replace(/\/\/.*$/gm, '').trim().replace(/,$/, '').split(',').map((item) => item.trim());
  if (!items?.every((item) => /^"[^"\s\\]+"$/.test(item))) {
    throw new Error(`readability-patches: ${name} is no longer a list of plain words in Readability.js (was it upgraded?)`);
  }
  return source.replace(definition, (_, head) => `${head}"${items.map((item) => item.slice(1, -1)).join(' ')}".split(" ")`);
}

function renameConstant(source, name) {
  let out = applyEdit(source, [`\n  ${name}:`, `\n  _${name}:`], `rename ${name}`);
  out = applyEdit(out, [`this.${name}`, `this._${name}`], `rename ${name}`);
  assertReadOnlyAsThis(out, name, 'renaming it');
  return out;
}

/**
 * REGEXPS with the patterns nothing reads dropped (nextLink, prevLink, extraneous, replaceFonts: left from paging
 * and font code Readability no longer has) and the rest renamed `_name`, so mangleProps shortens them.
 */
function trimRegexps(source) {
  const start = source.indexOf('\n  _REGEXPS: {\n');
  const end = source.indexOf('\n  },\n', start);
  if (start === -1 || end === -1) throw new Error('readability-patches: no REGEXPS block in Readability.js');
  let block = source.slice(start, end);
  let rest = source.slice(0, start) + '\u0000' + source.slice(end);
  for (const [, key] of block.matchAll(/^ {4}(\w+):/gm)) {
    const read = new RegExp(`\\._REGEXPS\\.${key}\\b`, 'g');
    block = rest.search(read) === -1
      ? block.replace(new RegExp(`^ {4}${key}:[\\s\\S]*?,\n`, 'm'), '')
      : block.replace(new RegExp(`^ {4}${key}:`, 'm'), `    _${key}:`);
    rest = rest.replace(read, () => `._REGEXPS._${key}`);
  }
  const code = rest.replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
  if (/_REGEXPS(?!\._)/.test(code)) throw new Error('readability-patches: REGEXPS is read other than as this._REGEXPS.name');
  return rest.replace('\u0000', () => block);
}

/** Readability.js's source as the content script bundles it. */
export function patchReadability(source) {
  let out = stripLogCalls(source);
  for (const { why, edits } of PATCHES) for (const edit of edits) out = applyEdit(out, edit, why);
  for (const name of INLINED_CONSTANTS) out = inlineConstant(out, name);
  for (const name of SPLIT_LISTS) out = splitList(out, name);
  for (const name of RENAMED_CONSTANTS) out = renameConstant(out, name);
  return trimRegexps(out);
}

export const readabilityPatches = {
  name: 'readability-patches',
  setup(build) {
    build.onLoad({ filter: /[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/ }, async (args) => ({
      contents: patchReadability(await fs.promises.readFile(args.path, 'utf8')),
      loader: 'js',
    }));
    // The package's index.js requires Readability.js as CommonJS, which its patched ES module form no longer is.
    build.onLoad({ filter: /[\\/]@mozilla[\\/]readability[\\/]index\.js$/ }, () => ({
      errors: [{ text: "readability-patches: import '@mozilla/readability/Readability.js' (patched), not the package's index.js" }],
    }));
  },
};
