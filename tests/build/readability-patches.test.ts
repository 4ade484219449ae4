import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { patchReadability, readabilityPatches, stripLogCalls } from '../../scripts/readability-patches.mjs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { corpusFile, decode, type MetaRecord } from '../extract/corpus';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const readabilitySource = fs.readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8');

describe('stripLogCalls', () => {
  it('drops log calls with nested parentheses and quoted parentheses, and nothing else', () => {
    const source = `a(); this.log("x (", f(1, g(2)), ')'); b(this.log); this.log(\`y\${z()}\`); c();`;
    expect(stripLogCalls(source)).toBe('a(); void 0; b(this.log); void 0; c();');
  });

  it('leaves a file with an unbalanced call untouched', () => {
    expect(stripLogCalls('this.log("a", (b);')).toBe('this.log("a", (b);');
  });
});

describe('patchReadability on the installed Readability.js', () => {
  const patched = patchReadability(readabilitySource);

  it('leaves no log call, debug logger, JSDOMParser branch, class cleaning, unread pattern or unprefixed name', () => {
    expect(patched).not.toContain('this.log');
    expect(patched).not.toContain('_debug');
    expect(patched).not.toContain('_docJSDOMParser');
    expect(patched).not.toContain('_cleanClasses');
    expect(patched).not.toMatch(/\bmodule\b/);
    expect(patched).toMatch(/\nexport default Readability;\n$/);
    expect(patched).not.toContain('this.REGEXPS');
    expect(patched).toContain('this._REGEXPS._positive');
    expect(patched).not.toContain('nextLink');
    expect(patched).not.toMatch(/\.readability\b|\.contentScore\b|_readabilityDataTable/);
    expect(patched).toContain('node.$r = { _contentScore: 0 };');
    expect(patched, 'a constant left unrenamed, or read after its definition was dropped').not.toMatch(/this\.[A-Z][A-Z_]+\b/);
    expect(patched).not.toMatch(/_disableJSONLD|_allowedVideoRegex|_linkDensityModifier|_nbTopCandidates|_articleDir|_articleLang|siteName|publishedTime|textContent,/);
    expect(patched.match(/errs\+\+/g)).toHaveLength(8);
    expect(patched).not.toContain('errs.');
    expect(patched).not.toMatch(/FLAG_|ELEMENT_NODE|TEXT_NODE|DEFAULT_CHAR_THRESHOLD/);
    expect(patched).toContain('this._flagIsActive(4)');
    expect(patched).toContain('_DIV_TO_P_ELEMS: new Set("BLOCKQUOTE DL DIV IMG OL P PRE TABLE UL".split(" ")),');
    expect(patched.length).toBeLessThan(readabilitySource.length - 3000);
  });

  it('fails loudly when a patch no longer matches, as after an upgrade that reworded the code', () => {
    const reworded = readabilitySource.replace('if (!this._keepClasses) {', 'if (this._keepClasses === false) {');
    expect(() => patchReadability(reworded)).toThrow(/keepClasses.*no longer matches/);
  });

  it('refuses to rename a constant that something reads other than as this.NAME', () => {
    const readElsewhere = readabilitySource + '\nReadability.prototype.REGEXPS.positive.test("x");\n';
    expect(() => patchReadability(readElsewhere)).toThrow(/REGEXPS is read other than as this.REGEXPS/);
    const patternReadByName = readabilitySource.replace('this.REGEXPS.positive.test(', 'this.REGEXPS["positive"].test(');
    expect(() => patchReadability(patternReadByName)).toThrow(/REGEXPS is read other than as this._REGEXPS.name/);
    const nodeConstant = readabilitySource + '\nfunction isText(node) { return node.nodeType === node.TEXT_NODE; }\n';
    expect(() => patchReadability(nodeConstant)).toThrow(/TEXT_NODE is read other than as this.TEXT_NODE; inlining it/);
  });

  it('refuses to write a list as a split string once an item is not a plain word', () => {
    const spaced = readabilitySource.replace('    "menubar",\n', '    "menu bar",\n');
    expect(() => patchReadability(spaced)).toThrow(/UNLIKELY_ROLES is no longer a list of plain words/);
  });
});

/** Every `metaStep`th meta-dev page and every `zyteStep`th zyte-dev page: news, blogs and docs in several languages. */
function samplePages(metaStep = 60, zyteStep = 8): { url: string; html: string }[] {
  const meta = (JSON.parse(fs.readFileSync(corpusFile('meta-dev', 'truth.json'), 'utf8')) as MetaRecord[]).filter((_, i) => i % metaStep === 0);
  const zyte = Object.entries(JSON.parse(fs.readFileSync(corpusFile('zyte-dev', 'ground-truth.json'), 'utf8')) as Record<string, { url: string }>)
    .filter((_, i) => i % zyteStep === 0)
    .map(([id, { url }]) => ({ url, html_path: `html/${id}.html.gz`, set: 'zyte-dev' }));
  return [...meta.map((r) => ({ url: r.url, html_path: r.html_path, set: 'meta-dev' })), ...zyte].map((page) => ({
    url: page.url,
    html: decode(zlib.gunzipSync(fs.readFileSync(corpusFile(page.set, page.html_path)))),
  }));
}

type Builds<T> = Record<'patched' | 'unpatched', T>;

/** Bundles `entry` twice, with and without the patches, minified and mangled like content.js, and imports both builds. */
async function buildWithAndWithoutPatches<T>(outdir: string, entry: esbuild.BuildOptions): Promise<Builds<T>> {
  const builds = {} as Builds<T>;
  for (const [name, plugins] of [['patched', [readabilityPatches]], ['unpatched', []]] as const) {
    const outfile = path.join(outdir, `${name}.mjs`);
    await esbuild.build({ ...entry, outfile, bundle: true, platform: 'node', format: 'esm', minify: true, mangleProps: /^_/, logLevel: 'warning', plugins: [...plugins] });
    builds[name] = await import(pathToFileURL(outfile).href);
  }
  return builds;
}

type Extract = (html: string, url: string) => Promise<unknown>;

describe('the pipeline with patched Readability, bundled and mangled like content.js', () => {
  const outdir = path.join(root, '.build', `readability-patches-test-${process.pid}`);
  let extractors: Builds<{ extract: Extract }>;
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  beforeAll(async () => {
    extractors = await buildWithAndWithoutPatches(outdir, {
      entryPoints: [path.join(root, 'src/node/extract.ts')],
      external: ['jsdom'], // Readability is bundled, so the plugin sees it
      define: { __TEST_SEAMS__: 'false' },
    });
  }, 60_000);

  it('extracts exactly what the unpatched pipeline does: body HTML and text, title, byline, dates, lead image', async () => {
    const pages = samplePages();
    expect(pages.length).toBeGreaterThanOrEqual(15);
    let articles = 0;
    for (const { url, html } of pages) {
      const expected = await extractors.unpatched.extract(html, url);
      expect(await extractors.patched.extract(html, url), url).toEqual(expected);
      if (expected) articles++;
    }
    expect(articles).toBeGreaterThanOrEqual(12);
  }, 240_000);
});

/** Readability exactly as src/extract/body.ts calls it, with the result fields body.ts reads. */
const READABILITY_AS_BODY_CALLS_IT = `
import Readability from '@mozilla/readability/Readability.js';
export function parse(doc) {
  const parsed = new Readability(doc, { serializer: (node) => node, charThreshold: 300, keepClasses: true }).parse();
  return parsed && { content: parsed.content.outerHTML, title: parsed.title, excerpt: parsed.excerpt };
}`;

type Parse = (doc: Document) => { content: string; title: string | null; excerpt: string | null } | null;

describe('Readability alone, patched and mangled like content.js, as body.ts calls it', () => {
  const outdir = path.join(root, '.build', `readability-alone-test-${process.pid}`);
  let parsers: Builds<{ parse: Parse }>;
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  beforeAll(async () => {
    parsers = await buildWithAndWithoutPatches(outdir, { stdin: { contents: READABILITY_AS_BODY_CALLS_IT, resolveDir: root, loader: 'js' } });
  }, 60_000);

  it('gives the same content, title and excerpt on every 20th meta-dev and every 6th zyte-dev page', () => {
    const document = (html: string, url: string) => new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
    let articles = 0;
    let excerpts = 0;
    for (const { url, html } of samplePages(20, 6)) {
      const expected = parsers.unpatched.parse(document(html, url));
      expect(parsers.patched.parse(document(html, url)), url).toEqual(expected);
      if (expected) articles++;
      if (expected?.excerpt) excerpts++;
    }
    expect(articles).toBeGreaterThanOrEqual(30);
    expect(excerpts).toBeGreaterThanOrEqual(30);
  }, 240_000);
});
