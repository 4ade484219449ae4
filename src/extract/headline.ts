import type { PageMetadata } from './metadata';
import { jsonLdString } from './metadata';
import { normalizeSpace } from './text';
import { AROUND_THE_ARTICLE, closest, inFurniture, matches } from './furniture';
import { absoluteUrl, hostOf, siteLabel } from './url';

const SEPARATORS = /\s+[|–—\-:·»•/]\s+|\s*[|–—»•｜：]\s*(?=\S)|:\s+/;
/** Page furniture a headline never sits in. */
const OUTSIDE_ARTICLE = `${AROUND_THE_ARTICLE},[role="navigation"]`;
/** Kicker/overline lines some sites put inside the `<h1>` above the headline proper, and screen-reader-only labels. */
const HIDDEN = /sr-only|visually-hidden|screen-reader/i;
const SKIPPED = new RegExp(`kicker|top(line|title)|dachzeile|overline|roofline|eyebrow|super-?title|label|category|rubri|\\bbtn\\b|button|${HIDDEN.source}`, 'i');
/** A sub-line before the headline's words is a kicker; after them it is the subtitle and stays. */
const SUBLINE = /sub-?title|subline/i;
const HAS_WORD = /[\p{L}\p{N}]/u;
/** Any other `<h2>` and `<h3>` is looked at too, but only counts when its text is the metadata title or one of its parts. */
const STRONG_HEADING = 'h1,[itemprop="headline"],h2[class*="title" i],h2[class*="headline" i]';

interface Heading {
  text: string;
  isH1: boolean;
  /** Matched by STRONG_HEADING and not in page furniture. */
  strong: boolean;
  /** The heading's text pieces (text nodes, kicker lines left out). */
  pieces: string[];
}

/**
 * The article's own headline. In order: the heading (or the run of its text pieces, leaving out a kicker or a
 * dateline) whose words are the metadata title or a part of it between separators — the page shows that form, so
 * site and section parts go; the heading the metadata title contains; the page's only `<h1>`; the metadata title
 * with the site or section part cut off where a separator shows one.
 */
export function findHeadline(doc: Document, meta: PageMetadata): string {
  const host = hostWords(doc);
  const headings = readHeadings(doc, meta.siteName, host);
  const titles = titleCandidates(doc, meta);
  const metaTitle = titles[0];

  const exact = shownTitle(headings, titles);
  if (exact) return exact;

  let best: Heading | null = null;
  let bestScore = 0;
  for (const title of titles) {
    const titleWords = new Set(wordList(title));
    for (const heading of headings) {
      if (!heading.strong) continue;
      const words = wordList(heading.text);
      const contained = words.filter((w) => titleWords.has(w)).length / words.length;
      const coverage = words.length / Math.max(1, titleWords.size);
      // Headings of one or two words that happen to occur in the title are section names, not headlines.
      if (contained < 0.85 || (words.length < 3 && coverage < 0.5)) continue;
      const score = contained + Math.min(coverage, 1) + (heading.isH1 ? 0.2 : 0);
      if (score > bestScore) {
        best = heading;
        bestScore = score;
      }
    }
  }
  if (best) return best.text;

  const h1s = headings.filter((h) => h.isH1 && h.strong);
  if (h1s.length === 1 && wordList(h1s[0]!.text).length >= 2) return h1s[0]!.text;
  const beforeProse = headingBeforeProse(doc);
  if (beforeProse) return beforeProse;
  return metaTitle ? stripSiteName(metaTitle, meta.siteName, doc) : '';
}

/** The metadata titles: every `og:title` (some pages carry two), `twitter:title`, `title`, the JSON-LD headline, `<title>`. */
function titleCandidates(doc: Document, meta: PageMetadata): string[] {
  const titles = [
    meta.title,
    doc.title,
    ...[...doc.querySelectorAll('meta')].filter((el) => matches(el, 'meta[property="og:title"],meta[name="twitter:title"],meta[name="title"]')).map((el) => el.getAttribute('content')),
    ...meta.articleNodes.map((node) => jsonLdString(node['headline'])),
  ];
  return [...new Set(titles.map((t) => normalizeSpace(t ?? '')).filter(Boolean))];
}

/**
 * The heading text that is a metadata title, or a part of one between separators (`Section | Headline | Site`):
 * a whole title before a part of one, then the title's own case, then an `<h1>`, then the longest, then the whole
 * heading before a run of its pieces.
 */
function shownTitle(headings: Heading[], titles: string[]): string | null {
  // Words of each title and each run of its parts → [1000 for a whole title, the title's length].
  const forms = new Map<string, number[]>();
  for (const title of titles) {
    const parts = title.split(SEPARATORS);
    parts.forEach((_, i) => {
      for (let j = i; j < parts.length; j++) {
        const text = parts.slice(i, j + 1).join(' ');
        const key = wordList(text).join(' ');
        if (key && !forms.get(key)?.[0]) forms.set(key, [i === 0 && j === parts.length - 1 ? 1000 : 0, title.length]);
      }
    });
  }
  let best: string | null = null;
  let bestScore = 0;
  for (const { pieces, isH1 } of headings) {
    const filled = pieces.map((p) => HAS_WORD.test(p));
    filled.forEach((first, i) => {
      filled.forEach((last, j) => {
        if (!first || !last || j < i) return;
        const text = normalizeSpace(pieces.slice(i, j + 1).join(''));
        const words = wordList(text);
        const form = forms.get(words.join(' '));
        // A kicker before the headline or a dateline after it is left out, a subtitle after it is not.
        const after = normalizeSpace(pieces.slice(j + 1).join(''));
        // One word is a section name unless it is most of the title (a CJK headline is one "word").
        if (!form || (words.length < 2 && text.length < 0.4 * form[1]!) || (/\p{L}/u.test(after) && !/[\d|•·:/–—]/.test(after))) return;
        const score = form[0]! + (titles.some((t) => t.includes(text)) ? 100 : 0) + (isH1 ? 10 : 0) + words.length + (i || after ? 0 : 0.5);
        if (score > bestScore) {
          best = text;
          bestScore = score;
        }
      });
    });
  }
  return best;
}

function readHeadings(doc: Document, siteName: string | null, host: string[]): Heading[] {
  const headings: Heading[] = [];
  for (const el of doc.querySelectorAll('h1,h2,h3,[itemprop="headline"]')) {
    if (headings.length >= 80) break;
    if (closest(el, '[class*="breadcrumb" i]') || HIDDEN.test(el.className) || linksHome(el)) continue;
    const pieces = textPieces(el, []);
    const text = normalizeSpace(pieces.join('')) || normalizeSpace(el.textContent ?? '');
    if (text.length < 2 || text.length > 300 || isSite(text, siteName, host)) continue;
    headings.push({ text, isH1: el.tagName === 'H1', strong: matches(el, STRONG_HEADING) && !inFurniture(el, OUTSIDE_ARTICLE), pieces: pieces.length > 40 ? [text] : pieces });
  }
  return headings;
}

/** A heading inside a link to the site's front page, or saying only what such a link says (`<a href="/"><h1>Site</h1></a>`, `<h1><a href="/"><img alt="Site"></a></h1>`), is its logo. */
function linksHome(el: Element): boolean {
  const inner = el.querySelector('a');
  const link = el.closest('a') ?? (inner && normalizeSpace(inner.textContent ?? '') === normalizeSpace(el.textContent ?? '') ? inner : null);
  const href = link?.getAttribute('href');
  const url = href ? absoluteUrl(href, el.ownerDocument.URL) : null;
  return url !== null && new URL(url).pathname === '/';
}

/** The text nodes under `el`, leaving out kicker lines and screen-reader-only labels; a `<br>` is a space. */
function textPieces(el: Element, pieces: string[]): string[] {
  for (const node of el.childNodes) {
    const child = node as Element;
    const names = `${child.className} ${child.id}`;
    if (node.nodeType === 3) pieces.push(node.nodeValue!);
    else if (child.tagName === 'BR') pieces.push(' ');
    else if (!SKIPPED.test(names) && !(SUBLINE.test(names) && !HAS_WORD.test(pieces.join('')))) textPieces(child, pieces);
  }
  return pieces;
}

/**
 * For titles naming only the site or a section: the first heading of three words or more, not a link nor in
 * furniture, followed in its block by prose (a paragraph opening with 80 characters of text). An `<h1>`, or a heading
 * the tab title contains (or an empty one), comes first: then the tab title stays.
 */
function headingBeforeProse(doc: Document): string | null {
  for (const el of doc.querySelectorAll('h1,h2,h3,h4,h5,h6')) {
    const text = normalizeSpace(el.textContent ?? '');
    if (el.tagName === 'H1' || doc.title.includes(text)) return null;
    if (wordList(text).length < 3 || el.querySelector('a') || inFurniture(el, OUTSIDE_ARTICLE)) continue;
    for (let next = el.nextElementSibling; next; next = next.nextElementSibling) {
      const paragraphs = next.localName === 'p' ? [next] : next.querySelectorAll('p');
      if ([...paragraphs].some(opensWithProse)) return text;
    }
  }
  return null;
}

function opensWithProse(paragraph: Element): boolean {
  const first = paragraph.firstChild;
  return first?.nodeType === 3 && first.nodeValue!.length >= 80;
}

function wordList(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function isSite(part: string, siteName: string | null, host: string[]): boolean {
  const compactPart = compact(part);
  if (siteName && (part.toLowerCase() === siteName.toLowerCase() || compactPart === compact(siteName))) return true;
  // The host's name with a word or two more is the site (`Spiegel Online`); a headline may open with the site's name (`The Guardian view on …`).
  return compactPart.length >= 3 && host.some((h) => h === compactPart || (h.length >= 4 && compactPart.startsWith(h) && wordList(part).length <= 3));
}

/** `Headline | Site`, `Site - Headline`, `Section: Headline` → `Headline`, only where a part is the site (name or host) or clearly not the headline. */
export function stripSiteName(title: string, siteName: string | null, doc: Document | null = null): string {
  const parts = title.split(SEPARATORS).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return title;
  const host = hostWords(doc);
  const kept = parts.filter((p) => !isSite(p, siteName, host));
  if (kept.length > 0 && kept.length < parts.length) return kept.length === 1 ? kept[0]! : joinKept(title, kept);
  return title;
}

function joinKept(title: string, kept: string[]): string {
  // Keep the original text between the kept parts when they are adjacent in the title.
  const start = title.indexOf(kept[0]!);
  const lastPart = kept[kept.length - 1]!;
  const end = title.lastIndexOf(lastPart) + lastPart.length;
  return start >= 0 && end > start ? title.slice(start, end).trim() : kept.join(' - ');
}

function compact(text: string): string {
  return text.toLowerCase().replace(/^www\./, '').replace(/\.(com|de|org|net|co\.uk|fr|es|it|at|ch|info)$/, '').replace(/[^\p{L}\p{N}]+/gu, '');
}

function hostWords(doc: Document | null): string[] {
  const host = hostOf(doc?.location?.href ?? doc?.URL ?? '');
  const name = host && siteLabel(host);
  return host ? [compact(host), ...(name ? [compact(name)] : [])].filter((h) => h.length >= 3) : [];
}
