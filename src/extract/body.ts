import Readability from '@mozilla/readability/Readability.js';
import type { Dateline } from './dates';
import type { LeadImage } from './types';
import { absoluteUrl } from './url';
import { normalizeSpace } from './text';
import { removeBoilerplate } from './boilerplate';
import { AROUND_THE_ARTICLE, closest, inFurniture } from './furniture';

export interface ExtractedBody {
  html: string;
  text: string;
  title: string | null;
  excerpt: string | null;
  leadImage: LeadImage | null;
}

interface Lifted {
  headline: string;
  byline: string | null;
  dates: Dateline;
  /** Shown above the body as the excerpt, so it leaves the body. */
  standfirst?: string | null;
}

const LAZY_SRC_ATTRS = ['data-src', 'data-lazy-src', 'data-original', 'data-url', 'data-hi-res-src', 'data-lazy'];

/** Readability's body of `doc` (mutated), with lazy images resolved, URLs absolute and the lifted dateline removed. */
export function extractBody(doc: Document, pageUrl: string, lifted: Lifted): ExtractedBody | null {
  lifted.dates.element?.remove();
  resolveLazyImages(doc);
  const leadFigure = findLeadFigure(doc, pageUrl);

  const parsed = new Readability<Element>(doc, { serializer: (node) => node as Element, charThreshold: 300, keepClasses: true }).parse();
  const root = parsed?.content;
  if (!parsed || !root) return null;

  makeUrlsAbsolute(root, pageUrl);
  const leadImage = takeLeadImage(root) ?? (leadFigure && !bodyHasImage(root, leadFigure.src) ? leadFigure : null);
  removeBoilerplate(root, { headline: lifted.headline, standfirst: lifted.standfirst ?? null, byline: lifted.byline });
  const text = normalizeBlockText(root);
  if (text.length < 140) return null;

  return {
    html: root.innerHTML,
    text,
    title: parsed.title ?? null,
    excerpt: parsed.excerpt ? normalizeSpace(parsed.excerpt) : null,
    leadImage,
  };
}

function resolveLazyImages(doc: Document): void {
  for (const img of doc.querySelectorAll('img')) {
    const current = img.getAttribute('src') ?? '';
    if (current && !current.startsWith('data:') && !/placeholder|blank|spacer|lazy/i.test(current)) continue;
    const lazy = LAZY_SRC_ATTRS.map((a) => img.getAttribute(a)).find((v) => v && !v.startsWith('data:'));
    const fromSrcset = (img.getAttribute('data-srcset') ?? img.getAttribute('srcset') ?? '').split(',')[0]?.trim().split(/\s+/)[0];
    const real = lazy ?? fromSrcset;
    if (real) img.setAttribute('src', real);
  }
}

function makeUrlsAbsolute(root: Element, pageUrl: string): void {
  for (const [selector, attr] of [['a[href]', 'href'], ['img[src]', 'src']] as const) {
    for (const el of root.querySelectorAll(selector)) {
      const value = el.getAttribute(attr)!;
      if (value.startsWith('#')) continue;
      const resolved = absoluteUrl(value, pageUrl);
      if (resolved) el.setAttribute(attr, resolved);
      else el.removeAttribute(attr);
    }
  }
}

/** The first image, if it comes before any paragraph, becomes the lead image; its caption leaves the body with it. */
function takeLeadImage(root: Element): LeadImage | null {
  const firstImg = root.querySelector('img[src]');
  if (!firstImg) return null;
  const firstParagraph = root.querySelector('p');
  if (firstParagraph && firstParagraph.compareDocumentPosition(firstImg) & 4 /* FOLLOWING */) return null;
  const figure = firstImg.closest('figure');
  const caption = figure?.querySelector('figcaption');
  const lead: LeadImage = {
    src: firstImg.getAttribute('src')!,
    alt: normalizeSpace(firstImg.getAttribute('alt') ?? ''),
    caption: caption ? normalizeSpace(caption.textContent ?? '') || null : null,
  };
  (figure ?? firstImg).remove();
  return lead;
}

const NOT_THE_ARTICLE = `${AROUND_THE_ARTICLE},[class*="teaser" i],[class*="logo" i],[class*="avatar" i],[class*="author" i]`;

/**
 * The picture set between the headline and the first paragraph of text, in the headline's article: Readability
 * often picks a body container that leaves it out. Its caption is the figure's own caption, never body text.
 */
function findLeadFigure(doc: Document, pageUrl: string): LeadImage | null {
  const h1 = [...doc.querySelectorAll('h1')].find((h) => !closest(h, 'nav,aside,footer'));
  if (!h1) return null;
  const region = closest(h1, 'article,main,[role="main"]') ?? doc.body;
  if (!region) return null;
  const firstParagraph = [...region.querySelectorAll('p')].find(
    (p) => (h1.compareDocumentPosition(p) & 4) !== 0 && normalizeSpace(p.textContent ?? '').length >= 80 && !p.closest('figure'),
  );
  for (const img of region.querySelectorAll('img[src]')) {
    if ((h1.compareDocumentPosition(img) & 4) === 0) continue;
    if (firstParagraph && (firstParagraph.compareDocumentPosition(img) & 4) !== 0) break;
    if (inFurniture(img, NOT_THE_ARTICLE)) continue;
    const width = Number(img.getAttribute('width') ?? '0');
    if (width && width < 200) continue;
    const src = absoluteUrl(img.getAttribute('src')!, pageUrl);
    if (!src || src.startsWith('data:')) continue;
    const figure = img.closest('figure');
    const caption = figure?.querySelector('figcaption') ?? figure?.querySelector('[class*="caption" i]') ?? null;
    return { src, alt: normalizeSpace(img.getAttribute('alt') ?? ''), caption: caption ? normalizeSpace(caption.textContent ?? '') || null : null };
  }
  return null;
}

function bodyHasImage(root: Element, src: string): boolean {
  return [...root.querySelectorAll('img[src]')].some((img) => img.getAttribute('src') === src);
}

const BLOCK_TAGS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'FIGURE', 'FIGCAPTION', 'TABLE', 'TR', 'DT', 'DD', 'DL', 'BR', 'HR']);

/** Text with a paragraph break between blocks, so words of adjacent blocks never run together. */
function normalizeBlockText(root: Element): string {
  const parts: string[] = [];
  let line = '';
  const flush = (): void => {
    const text = normalizeSpace(line);
    if (text) parts.push(text);
    line = '';
  };
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) line += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const block = BLOCK_TAGS.has((child as Element).tagName);
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return parts.join('\n\n');
}
