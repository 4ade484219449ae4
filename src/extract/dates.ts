import { jsonLdString, metaContent, type PageMetadata } from './metadata';
import { dateFromUrl, guessDayFirst, parseHumanDate, parseMachineDate } from './date-parse';
import { normalizeSpace } from './text';
import { FURNITURE, inFurniture } from './furniture';

export { TZ_OFFSETS, dateFromUrl, guessDayFirst, parseHumanDate, parseMachineDate } from './date-parse';

export interface Dateline {
  published: string | null;
  modified: string | null;
  /** The visible dateline element, when one was read; the body step removes it from the article. */
  element: Element | null;
  /** What the visible dateline line says besides its dates (`Devdiscourse News Desk` in `Devdiscourse News Desk | Updated: …`). */
  bylineText?: string | null;
}

const PUBLISHED_META = ['article:published_time', 'og:published_time', 'og:article:published_time', 'datepublished', 'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.created', 'dc.date.created', 'date', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'article.published', 'article_date_original', 'cxenseparse:recs:publishtime', 'originalpublicationdate'];
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'og:article:modified_time', 'datemodified', 'dc.date.modified', 'dcterms.modified', 'last-modified', 'article.updated', 'lastmod'];

const PUBLISHED_LABEL = /(?:^|[^\p{L}])(created|published|posted|first published|publicado|publicada|veröffentlicht|publiziert|erschienen|publié|pubblicato|gepubliceerd|erstellt)(?![\p{L}])[\s:]*/iu;
const MODIFIED_LABEL = /(?:^|[^\p{L}])(updated|modified|last updated|aktualisiert|geändert|letzte änderung|stand|actualizado|actualizada|mis à jour|modifié|aggiornato|bijgewerkt)(?![\p{L}])[\s:]*/iu;

/** Page furniture whose dates belong to other articles, comments, the copyright line or today's date. */
const NOT_THE_ARTICLE = 'aside, footer, nav, [class*="related" i], [class*="comment" i], [id*="comment" i], [class*="sidebar" i], [id*="sidebar" i], [class*="widget" i], [class*="teaser" i], [class*="recommend" i], [class*="copyright" i], [class*="footer" i], [id*="footer" i], [class*="reply" i], [class*="more-" i], [class*="popular" i], [class*="trending" i]';
/** Elements that carry a date by markup or by class name. */
const DATE_HINTS = '[itemprop="datePublished" i], [property*="date" i][content], [itemprop="dateCreated" i], [itemprop="dateModified" i], time, abbr[title], [class*="date" i], [id*="date" i], [class*="time" i], [class*="publish" i], [class*="posted" i], [class*="datum" i], [class*="fecha" i], [class*="meta" i], [class*="byline" i], [class*="dateline" i]';
const MAX_HINTS = 400;
/** Where even a date marked up as datePublished belongs to something else: other items' blocks and the page footer. */
const MARKED_DATE_FURNITURE = `${FURNITURE}, footer, [role="contentinfo"]`;

interface PageDate {
  iso: string;
  kind: 'published' | 'modified';
  element: Element;
  /** The element's text line, when the date was read from visible text. */
  line: string | null;
}

/**
 * Published and updated dates. Precedence (see docs/QUALITY.md):
 * 1. JSON-LD article node (`datePublished`/`dateCreated`, `dateModified`);
 * 2. meta tags (`article:published_time`, parsely, sailthru, Dublin Core, …);
 * 3. dates shown on the page near the headline: `<time datetime>`, `itemprop`, elements whose class says date, and
 *    labelled lines (`Updated: … | Created: …`), in document order, preferring those inside the headline's article;
 *    dates in related/sidebar/comment/footer/copyright blocks and in a site header without the headline never count;
 * 4. a date in the URL path.
 * An updated date alone is never reported as published (tried: +5 right dates, +2 wrong on undated pages).
 * A `WebPage` node's `datePublished` is not read: SEO plugins stamp it on every page, articles or not.
 * When the metadata's published time is in UTC and the page shows the same moment as a local date one day apart,
 * the page's own day wins: metadata normalised to UTC loses the day the reader saw.
 */
export function findDates(doc: Document, meta: PageMetadata, url: string, headline: string | null = null): Dateline {
  let published: string | null = null;
  let modified: string | null = null;
  for (const node of meta.articleNodes) {
    published ??= parseOrNull(jsonLdString(node['datePublished'] ?? node['dateCreated']));
    modified ??= parseOrNull(jsonLdString(node['dateModified']));
  }
  published ??= parseOrNull(metaContent(doc, PUBLISHED_META));
  modified ??= parseOrNull(metaContent(doc, MODIFIED_META));

  const dayFirst = guessDayFirst([], meta.lang);
  const shown = readPageDates(doc, dayFirst, headline);
  const shownPublished = shown.find((d) => d.kind === 'published') ?? null;
  const shownModified = shown.find((d) => d.kind === 'modified') ?? null;

  if (published && shownPublished && isUtc(published) && oneDayApart(published, shownPublished.iso)) published = shownPublished.iso;
  published ??= shownPublished?.iso ?? null;
  modified ??= shownModified?.iso ?? null;

  published ??= dateFromUrl(url);

  const lineElement = shownPublished?.line ? shownPublished.element : shownModified?.line ? shownModified.element : null;
  const dateline = lineElement ? readDatelineLine(lineElement, dayFirst) : null;
  return {
    published,
    modified: modified && modified !== published ? modified : null,
    element: dateline?.element ?? null,
    bylineText: dateline?.bylineText ?? null,
  };
}

function parseOrNull(raw: string | null): string | null {
  return raw ? parseMachineDate(raw) : null;
}

function isUtc(iso: string): boolean {
  return /T\d{2}:\d{2}:\d{2}\+00:00$/.test(iso);
}

function oneDayApart(a: string, b: string): boolean {
  const dayA = Date.parse(a.slice(0, 10));
  const dayB = Date.parse(b.slice(0, 10));
  return Math.abs(dayA - dayB) === 86_400_000;
}

/** The dates the page shows, published ones first within each region, article region before the rest of the page. */
function readPageDates(doc: Document, dayFirst: boolean | null, headline: string | null = null): PageDate[] {
  const body = doc.body;
  if (!body) return [];
  const h1 = findHeadlineElement(doc, headline);
  const region = h1?.closest('article, main, [role="main"]') ?? null;
  const inRegion: PageDate[] = [];
  const elsewhere: PageDate[] = [];
  const seen = new Set<Element>();
  let count = 0;
  for (const el of body.querySelectorAll(DATE_HINTS)) {
    if (++count > MAX_HINTS) break;
    if ([...seen].some((s) => s.contains(el))) continue;
    const found = datesOfElement(el, dayFirst);
    if (found.length === 0) continue;
    // A date marked up as an item's datePublished may sit in that post's own footer; only other items' blocks exclude it.
    if (inFurniture(el, isMarkedPublished(el) ? MARKED_DATE_FURNITURE : NOT_THE_ARTICLE, h1)) continue;
    if (inSiteHeader(el, h1)) continue;
    seen.add(el);
    (region && region.contains(el) ? inRegion : elsewhere).push(...found);
    if (inRegion.length >= 4) break;
  }
  return [...inRegion, ...elsewhere];
}

function isMarkedPublished(el: Element): boolean {
  return /^date(published|created)$/i.test(el.getAttribute('itemprop') ?? '');
}

/** The element showing the headline (else the first `<h1>` outside page furniture): dates near it are the article's. */
function findHeadlineElement(doc: Document, headline: string | null): Element | null {
  if (headline) {
    const showing = [...doc.querySelectorAll('h1, h2, h3')].filter((heading) => normalizeSpace(heading.textContent ?? '') === headline);
    // Outside furniture first (a "trending" list may repeat the headline); else wherever it is (a blog's post widget).
    const heading = showing.find((h) => !inFurniture(h, NOT_THE_ARTICLE)) ?? showing[0];
    if (heading) return heading;
  }
  return [...doc.querySelectorAll('h1')].find((h) => !inFurniture(h, NOT_THE_ARTICLE)) ?? null;
}

/** A site header (navigation, logo, menu) outside the article shows today's date, not the article's. */
function inSiteHeader(el: Element, headlineElement: Element | null): boolean {
  const header = el.closest('header, [role="banner"]');
  if (!header || header.closest('article, main, [role="main"], [role="article"]')) return false;
  if (headlineElement && header.contains(headlineElement)) return false;
  return header.querySelector('nav, [role="navigation"], [class*="logo" i], [class*="menu" i]') !== null || header.getAttribute('role') === 'banner';
}

function datesOfElement(el: Element, dayFirst: boolean | null): PageDate[] {
  const itemprop = el.getAttribute('itemprop')?.toLowerCase() ?? '';
  const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
  const markedModified = itemprop === 'datemodified' || /modified/.test(el.getAttribute('property') ?? '') || /updated|modified/.test(cls);
  const machine = el.getAttribute('datetime') ?? (itemprop || el.hasAttribute('property') ? el.getAttribute('content') : null) ?? (/^\d{4}-\d{2}-\d{2}/.test(el.getAttribute('title') ?? '') ? el.getAttribute('title') : null);
  if (machine) {
    const iso = parseMachineDate(machine, dayFirst);
    if (iso) return [{ iso, kind: markedModified ? 'modified' : 'published', element: el, line: null }];
  }
  const text = normalizeSpace(el.textContent ?? '');
  if (text.length < 6 || text.length > 160) return [];
  const segments = text.split(/\s+[|•·]\s+|\s{2,}/);
  let published: string | null = null;
  let modified: string | null = null;
  for (const segment of segments) {
    const iso = parseHumanDate(segment, dayFirst);
    if (!iso) continue;
    if (MODIFIED_LABEL.test(segment) && !PUBLISHED_LABEL.test(segment)) modified ??= iso;
    else published ??= iso;
  }
  const found: PageDate[] = [];
  if (published) found.push({ iso: published, kind: 'published', element: el, line: text });
  if (modified) found.push({ iso: modified, kind: 'modified', element: el, line: text });
  return found;
}

/** The smallest element that holds the whole dateline line, and what that line says besides its dates and labels. */
function readDatelineLine(el: Element, dayFirst: boolean | null): { element: Element; bylineText: string | null } {
  let line = el;
  // A date in a `<span>` of a line like `Desk | Updated: … | Created: …`: the line is the parent holding the other parts.
  while (line.parentElement && line.parentElement !== line.ownerDocument.body) {
    const parentText = normalizeSpace(line.parentElement.textContent ?? '');
    if (parentText.length > 200 || line.parentElement.querySelector('h1, h2, p, img, figure')) break;
    line = line.parentElement;
  }
  const text = normalizeSpace(line.textContent ?? '');
  const rest = text
    .split(/\s*[|•·]\s*/)
    .filter((segment) => segment && !parseHumanDate(segment, dayFirst) && !PUBLISHED_LABEL.test(segment) && !MODIFIED_LABEL.test(segment))
    .join(' | ');
  return { element: line, bylineText: rest || null };
}

/** The visible dateline, read on its own (the in-page benchmark times it). */
export function readVisibleDateline(doc: Document): Dateline {
  const shown = readPageDates(doc, null);
  const published = shown.find((d) => d.kind === 'published' && d.line) ?? null;
  const modified = shown.find((d) => d.kind === 'modified' && d.line) ?? null;
  const lineElement = published?.element ?? modified?.element ?? null;
  const dateline = lineElement ? readDatelineLine(lineElement, null) : null;
  return { published: published?.iso ?? null, modified: modified?.iso ?? null, element: dateline?.element ?? null, bylineText: dateline?.bylineText ?? null };
}
