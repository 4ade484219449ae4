import type { PageMetadata } from './metadata';
import { normalizeSpace } from './text';
import { inFurniture } from './furniture';

const SEPARATORS = /\s+[|–—\-:·»•/]\s+|\s*[|–—»•]\s*(?=\S)/;
/** Page furniture a headline never sits in. */
const OUTSIDE_ARTICLE = 'nav, aside, footer, [role="navigation"], [class*="sidebar" i], [class*="related" i], [class*="comment" i]';
/** Kicker/overline lines some sites put inside the `<h1>` above the headline proper. */
const KICKER = /kicker|topline|dachzeile|overline|roofline|eyebrow|supertitle|super-title|label|category|rubri/i;
const HEADING_SELECTOR = 'h1, [itemprop="headline"], h2[class*="title" i], h2[class*="headline" i]';

interface Heading {
  text: string;
  isH1: boolean;
}

/**
 * The article's own headline. In order: the heading the metadata title contains (a site's `<title>`/`og:title`
 * usually is the headline plus the site or section name); the page's only `<h1>`; the metadata title with the
 * site or section part cut off where a separator shows one.
 */
export function findHeadline(doc: Document, meta: PageMetadata): string {
  const metaTitle = meta.title ?? (normalizeSpace(doc.title) || null);
  const headings = readHeadings(doc, meta.siteName);

  if (metaTitle) {
    const titleWords = wordSet(metaTitle);
    let best: Heading | null = null;
    let bestScore = 0;
    for (const heading of headings) {
      const words = wordList(heading.text);
      if (words.length === 0) continue;
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
    if (best) return best.text;
  }

  const h1s = headings.filter((h) => h.isH1);
  if (h1s.length === 1 && wordList(h1s[0]!.text).length >= 3) return h1s[0]!.text;
  return metaTitle ? stripSiteName(metaTitle, meta.siteName, doc) : '';
}

function readHeadings(doc: Document, siteName: string | null): Heading[] {
  const site = siteName?.toLowerCase() ?? null;
  const headings: Heading[] = [];
  for (const el of doc.querySelectorAll(HEADING_SELECTOR)) {
    if (headings.length >= 30) break;
    if (inFurniture(el, OUTSIDE_ARTICLE)) continue;
    const text = headingText(el);
    if (text.length < 2 || text.length > 300 || text.toLowerCase() === site) continue;
    headings.push({ text, isH1: el.tagName === 'H1' });
  }
  return headings;
}

/** The heading's text without kicker lines and screen-reader-only labels. */
function headingText(el: Element): string {
  const skipped = [...el.querySelectorAll('*')].filter((child) => {
    const cls = `${child.getAttribute('class') ?? ''} ${child.getAttribute('id') ?? ''}`;
    return KICKER.test(cls) || /sr-only|visually-hidden|screen-reader/i.test(cls);
  });
  if (skipped.length === 0) return normalizeSpace(el.textContent ?? '');
  const clone = el.cloneNode(true) as Element;
  for (const child of clone.querySelectorAll('*')) {
    const cls = `${child.getAttribute('class') ?? ''} ${child.getAttribute('id') ?? ''}`;
    if (KICKER.test(cls) || /sr-only|visually-hidden|screen-reader/i.test(cls)) child.remove();
  }
  return normalizeSpace(clone.textContent ?? '') || normalizeSpace(el.textContent ?? '');
}

function wordList(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function wordSet(text: string): Set<string> {
  return new Set(wordList(text));
}

/** `Headline | Site`, `Site - Headline`, `Section: Headline` → `Headline`, only where a part is the site (name or host) or clearly not the headline. */
export function stripSiteName(title: string, siteName: string | null, doc: Document | null = null): string {
  const parts = title.split(SEPARATORS).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return title;
  const host = hostWords(doc);
  const isSite = (part: string): boolean => {
    const lower = part.toLowerCase();
    if (siteName && (lower === siteName.toLowerCase() || compact(lower) === compact(siteName))) return true;
    const compactPart = compact(lower);
    return compactPart.length >= 3 && host.some((h) => h === compactPart || (h.length >= 4 && compactPart.startsWith(h)));
  };
  const kept = parts.filter((p) => !isSite(p));
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
  const href = doc?.location?.href ?? doc?.URL;
  if (!href) return [];
  try {
    const host = new URL(href).hostname.replace(/^www\./, '');
    const labels = host.split('.');
    return [compact(host), ...(labels.length >= 2 ? [compact(labels[labels.length - 2]!)] : [])].filter((h) => h.length >= 3);
  } catch {
    return [];
  }
}
