import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { extractArticle, sanitizeArticleHtml } from '../../src/extract/index';
import { XSS_VECTORS, VECTOR_FAMILIES, type XssVector } from '../fixtures/xss/vectors';
import { vectorPage, vectorPageUrl, DEFAULT_ORIGIN } from '../fixtures/xss/article-page';
import { canaryFor } from '../fixtures/xss/canary';
import { canaryHitsWhenRendered, findDangers, isHttpUrl, revealedText } from './dangers';

function extractVectorPage(vector: XssVector) {
  const url = vectorPageUrl(vector);
  return extractArticle(new JSDOM(vectorPage(vector), { url }).window.document, url);
}

const rawMarkup = (vector: XssVector) => vector.markup(canaryFor(vector.id, DEFAULT_ORIGIN));

describe('the XSS corpus', { timeout: 120_000 }, () => {
  it('has at least 150 vectors with unique ids, covering every family', () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(XSS_VECTORS.map((v) => v.id)).size).toBe(XSS_VECTORS.length);
    for (const family of VECTOR_FAMILIES) expect(XSS_VECTORS.filter((v) => v.family === family).length, family).toBeGreaterThanOrEqual(5);
  });

  it('carries a canary in every vector, plain or behind the encoding the vector uses', () => {
    for (const vector of XSS_VECTORS) {
      expect(revealedText(vector.markup(canaryFor(vector.id, DEFAULT_ORIGIN))), vector.id).toContain(vector.id);
    }
  });

  // The detector must be able to fail: rendered raw, the script and handler vectors do fire in jsdom.
  it('fires the canary when the raw script and handler vectors are rendered with scripts on (the detector works)', () => {
    const scriptAndHandlers = XSS_VECTORS.filter((v) => v.family === 'script' || v.family === 'event-handler');
    const firing = scriptAndHandlers.filter((v) => canaryHitsWhenRendered(rawMarkup(v)).includes(v.id));
    expect(firing.length).toBeGreaterThanOrEqual(20);
    expect(firing.map((v) => v.id)).toContain('script-plain');
    expect(firing.map((v) => v.id)).toContain('img-onerror-quoted');
    // The per-family check renders many sections in one document: one live vector among clean ones must still show.
    const planted = XSS_VECTORS.find((v) => v.id === 'img-onerror-quoted')!;
    expect(canaryHitsWhenRendered(`<section><p>Clean</p></section><section>${rawMarkup(planted)}</section>`)).toEqual([planted.id]);
  });
});

/** Every HTML string an extension page could be asked to render for this vector, after sanitising. Memoised: two tests read it. */
const renderDoc = new JSDOM('').window.document;
const cleanOutputsByVector = new Map<string, { extracted: ReturnType<typeof extractVectorPage>; rendered: string[] }>();
function cleanOutputs(vector: XssVector) {
  let outputs = cleanOutputsByVector.get(vector.id);
  if (!outputs) {
    // extractArticle already covers the content script's output sanitised at render time (it is the same two steps);
    // the raw markup stands for stored or imported HTML that never went through extraction at all.
    const extracted = extractVectorPage(vector);
    const rendered = [sanitizeArticleHtml(`<p>Intro</p>${rawMarkup(vector)}<p>Outro</p>`, renderDoc)];
    if (extracted.kind === 'article') rendered.push(extracted.contentHtml);
    outputs = { extracted, rendered };
    cleanOutputsByVector.set(vector.id, outputs);
  }
  return outputs;
}

describe.each(VECTOR_FAMILIES)('%s vectors', { timeout: 120_000 }, (family) => {
  const vectors = XSS_VECTORS.filter((v) => v.family === family);

  it.each(vectors.map((v) => [v.id, v] as const))('%s: still an article; extracted, raw or stored, its sanitised HTML has nothing that runs or loads', (_id, vector) => {
    const { extracted, rendered } = cleanOutputs(vector);
    for (const html of rendered) expect(findDangers(html)).toEqual([]);
    expect(extracted.kind, 'the hostile markup sits in a normal article, which must still be found').toBe('article');
    if (extracted.kind !== 'article') return;
    expect(extracted.textContent).toContain('Riverside council voted');
    if (extracted.leadImage) expect(isHttpUrl(extracted.leadImage.src), extracted.leadImage.src).toBe(true);
  });

  // One scripted document per family keeps this affordable; each vector's HTML sits in its own section.
  it('never fires a canary when all of its sanitised HTML is rendered with scripts on', () => {
    const sections = vectors.flatMap((v) => cleanOutputs(v).rendered.map((html) => `<section>${html}</section>`));
    expect(canaryHitsWhenRendered(sections.join('\n'))).toEqual([]);
  });
});
