import { jsonLdString, jsonLdTypes, metaContent, type PageMetadata } from './metadata';
import { dateFromUrl, guessDayFirst, parseHumanDate, parseMachineDate } from './date-parse';
import { normalizeSpace } from './text';
import { absoluteUrl } from './url';
import { FURNITURE, closest, inFurniture, matches } from './furniture';

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

const PUBLISHED_LABEL = /(?:^|[^\p{L}])(created|published|posted|first published|publicado|publicada|veröffentlicht|publiziert|erschienen|publié|pubblicato|gepubliceerd|erstellt|기사입력|입력|등록|公開日?|掲載日?|投稿日?|发布|發佈|发表|發表)(?![\p{L}])[\s:]*/iu;
const MODIFIED_LABEL = /(?:^|[^\p{L}])(updated|modified|last updated|aktualisiert|geändert|letzte änderung|stand|actualizado|actualizada|mis à jour|modifié|aggiornato|bijgewerkt|수정|更新日?)(?![\p{L}])[\s:]*/iu;

/** Page furniture whose dates belong to other articles, comments, the copyright line or today's date. */
const NOT_THE_ARTICLE = `${FURNITURE},footer,[class*="copyright" i],[class*="footer" i],[id*="footer" i],[class*="reply" i],[class*="more-" i]`;
/**
 * Elements that may hold a date: `time`, `[datetime]`, `abbr[title]`, itemprop dates, `[property*=date][content]`, and
 * classes or ids that say date/time/published/meta/byline. Tested on each element in one pass: as one selector of 17
 * case-insensitive attribute alternatives it cost jsdom ~180 ms a page (and jsdom did not return it in document order).
 */
const DATE_HINT_CLASS = /date|time|publish|posted|datum|fecha|meta|byline/i;
function isDateHint(el: Element): boolean {
  const tag = el.localName;
  return (
    tag === 'time' ||
    el.hasAttribute('datetime') ||
    (tag === 'abbr' && el.hasAttribute('title')) ||
    /^date(published|created|modified)$/i.test(el.getAttribute('itemprop') ?? '') ||
    (el.hasAttribute('content') && /date/i.test(el.getAttribute('property') ?? '')) ||
    DATE_HINT_CLASS.test(el.getAttribute('class') ?? '') ||
    /date/i.test(el.getAttribute('id') ?? '')
  );
}
const MAX_HINTS = 400;
/** Where even a date marked up as datePublished belongs to something else: other items' blocks and the page footer. */
const MARKED_DATE_FURNITURE = `${FURNITURE},footer,[role="contentinfo"]`;
/** Things that are not articles: a page about one of them has no publication date of its own (a recipe's or product's date is a database stamp). */
const THING = /^(Recipe|Product|Offer|FAQPage|Event|JobPosting|SoftwareApplication|Course|Book|Movie|Store|LocalBusiness)$/;
/**
 * A site's front page (also one archived under another URL), or a page in its product catalogue (`/products/…`,
 * `/produkte/…`), whatever its JSON-LD calls it.
 */
const CATALOGUE_OR_FRONT_PAGE = /\/\/[^/?#]+(\/?$|\/(products?|produkte|produits?|productos?|prodotti)\/)/i;
/** Microdata items whose dates are their own (a review's, a comment's, an offer's), not the page's. */
const OTHER_ITEM = /Review|Comment|Offer|Product|Event|Question|Answer|Rating/i;
/** How many text nodes after (and before) the headline an unmarked date line may be. */
const NEAR_AFTER = 60;
const NEAR_BEFORE = 12;
/** How many lines of words from the headline on (its own included) its meta line may be (`VON MORITZ GATHMANN am 21. April 2020`). */
const NEAR_LINES = 5;

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
 * 2. meta tags (`article:published_time`, parsely, sailthru, Dublin Core, …), which give way to a dateline the page
 *    shows (a date- or meta-classed line with one date) two or more days away; a JSON-LD date does not;
 * 3. dates shown on the page near the headline: `<time datetime>`, `itemprop`, elements whose class says date, and
 *    labelled lines (`Updated: … | Created: …`), in document order, preferring those inside the headline's article;
 *    dates in related/sidebar/comment/footer/copyright blocks and in a site header without the headline never count;
 * 4. a date in the URL path; metadata one day off the URL's day gives way to it (shifted to another zone);
 * 5. an unmarked short date line just after the headline (else just before it): `<p>News24<br>13 Jan 2020</p>`.
 * A page about a thing (JSON-LD or microdata Recipe, Product, FAQPage, Event… and no article node), a page in a
 * product catalogue (`/products/…`) and a site's front page take only a date they show: their JSON-LD, meta and URL
 * dates are database stamps. Dates inside another item's microdata (Review, Comment, Offer…) are that item's, and so
 * are dates in a small block under a heading of its own (a card).
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
  // A how-to guide is written and published like an article (a recipe or product page is not).
  published ??= parseOrNull(jsonLdString(meta.jsonLd.find((node) => jsonLdTypes(node).includes('HowTo'))?.['datePublished']));
  const fromJsonLd = published !== null;
  const metaPublished = parseOrNull(metaContent(doc, PUBLISHED_META));
  // A meta tag days after the JSON-LD's date: the page was republished, the JSON-LD kept its first date.
  if (published && metaPublished && metaPublished > published && daysApart(published, metaPublished) > 1) published = metaPublished;
  published ??= metaPublished;
  modified ??= parseOrNull(metaContent(doc, MODIFIED_META));

  // A recipe, product or FAQ page, a catalogue's page or a front page: its JSON-LD/meta dates are database stamps.
  const thingPage = isThingPage(doc, meta) || CATALOGUE_OR_FRONT_PAGE.test(url);
  if (thingPage) published = modified = null;

  const dayFirst = guessDayFirst([], meta.lang);
  const headlineElement = findHeadlineElement(doc, headline);
  const shown = readPageDates(doc, dayFirst, headlineElement);
  // On a thing's page only a date a reader sees counts, not an item's hidden `<meta itemprop="datePublished">`.
  const shownPublished = shown.find((d) => d.kind === 'published' && (!thingPage || (d.element.textContent ?? '').trim())) ?? null;
  const shownModified = shown.find((d) => d.kind === 'modified') ?? null;

  const near = () => dateNearHeadline(doc, showingHeadline(doc, headline), headline ?? '', dayFirst);
  // The metadata is checked against the page when it is in UTC (a day may have shifted) or was modified on another day (republished).
  const metadataInDoubt = published !== null && (isUtc(published) || (modified !== null && !modified.startsWith(published.slice(0, 10))));
  // The dateline a reader sees: a marked date alone in its line, else (only when the metadata is in doubt) a short date line near the headline.
  let seen: string | null = null;
  if (shownPublished) seen = shownPublished.line?.match(/\d{4}/g)?.length === 1 ? shownPublished.iso : null;
  else if (metadataInDoubt) seen = near();
  // An unmarked line counts only with its clock time: a day alone may be the newsroom's, not a zone shift.
  const local = shownPublished?.iso ?? (seen && seen.length > 10 ? seen : null);
  if (published && local && isUtc(published) && daysApart(published, local) === 1) published = local;
  // The page shows the metadata's modified day, and only that date, as its date: republished, it is what a reader sees.
  const day = seen?.slice(0, 10);
  if (seen && day && modified?.startsWith(day) && !published?.startsWith(day)) published = seen;
  // Meta tags days away from the page's dateline: the CMS stamped them, the reader sees the dateline.
  if (!fromJsonLd && published && shownPublished && seen && daysApart(published, seen) > 1) published = seen;
  published ??= shownPublished?.iso ?? null;
  modified ??= shownModified?.iso ?? null;

  // The URL's day is the one the newsroom filed it under: metadata one day off it was shifted to another zone.
  const urlDate = thingPage ? null : dateFromUrl(url, dayFirst);
  if (published && urlDate && daysApart(published, urlDate) === 1 && nearMidnight(published, urlDate > published)) published = urlDate;
  published ??= urlDate;
  // Only beside a heading that shows the headline: the first <h1> may be the site's masthead beside today's date.
  published ??= near();

  const lineElement = shownPublished?.line ? shownPublished.element : shownModified?.line ? shownModified.element : null;
  const dateline = lineElement ? readDatelineLine(lineElement, dayFirst) : null;
  // Japan keeps one zone: a day or a clock time written there without an offset is Japan time.
  if (/^ja/i.test(meta.lang ?? '')) {
    published = inJapanTime(published);
    modified = inJapanTime(modified);
  }
  return {
    published,
    modified: modified && modified !== published ? modified : null,
    element: dateline?.element ?? null,
    bylineText: dateline?.bylineText ?? null,
  };
}

/** No article node in JSON-LD or microdata, and a node for a recipe, product, offer, FAQ, event… */
function isThingPage(doc: Document, meta: PageMetadata): boolean {
  if (meta.articleNodes.length > 0) return false;
  // Item types read in one query: jsdom matches a case-insensitive `[itemtype*=… i]` selector very slowly.
  const itemTypes = [...doc.querySelectorAll('[itemtype]')].map((el) => el.getAttribute('itemtype')!);
  if (itemTypes.some((type) => /article|blogposting/i.test(type))) return false;
  if (meta.jsonLd.some((node) => jsonLdTypes(node).some((t) => THING.test(t)))) return true;
  return itemTypes.some((type) => THING.test(type.trim().replace(/^.*\//, '')));
}

/**
 * An unmarked date line near the headline (`<p>News24<br>13 Jan 2020</p>`, `<em>01.11.2023 11:35</em>`,
 * `Datum: 03.11.2021`, `<h1>Title<small>02.02.2022</small></h1>`): the first short text node from the headline on that
 * is mostly a date (or a paragraph opening with one: `(18.01.2018) Deutschlands …`), else the closest before it (a
 * kicker line), else a line anywhere that opens with a publication label (`Veröffentlicht am 16.08.2019`, not `Created`). Long
 * text, the headline's own words, links, furniture and updated-only lines never count.
 */
function dateNearHeadline(doc: Document, headlineElement: Element | null, headline: string, dayFirst: boolean | null): string | null {
  const walker = doc.createTreeWalker(doc.body, 4);
  // Lines of words passed since the headline (its own included): only the first few may sit in a block marked as furniture.
  let lines = 0;
  const read = (node: Node | null, furniture = NOT_THE_ARTICLE): string | null => {
    let text = normalizeSpace(node?.nodeValue ?? '');
    const parent = node?.parentElement;
    const near = (lines += +/[a-z]/i.test(text)) <= NEAR_LINES;
    // A paragraph opening with its date, perhaps after its place: `(18.01.2018) Deutschlands …`, `Karlsruhe, (12.11.2021). Traditionell …`.
    if (text.length > 60) text = text.replace(/^((?:[A-Z][^\s,]*, (?=\())?(?=\(?\d).{24}).*/, '$1');
    if (!parent || text.length < 6 || text.length > 60 || !/\d{4}/.test(text) || headline.includes(text)) return null;
    if (parent.closest('a, script, style, noscript, select, option') || (inFurniture(parent, furniture, headlineElement) && !(near && metaBesideHeadline(parent))) || inOtherItem(parent) || underOtherHeading(parent, headlineElement)) return null;
    if (MODIFIED_LABEL.test(text) && !PUBLISHED_LABEL.test(text)) return null;
    // A labelled line says whose date it is: only publication labels (`Datum:`, `Veröffentlicht:`) are the article's (`Release: 14.11.2019` is not).
    const line = normalizeSpace(parent.textContent ?? '');
    const label = /^([\p{L} ]+):/u.exec(line.length <= 80 ? line : text)?.[1];
    if (label && !PUBLISHED_LABEL.test(label) && !/^(datum|date|data|fecha|pubdate)$/i.test(label.trim())) return null;
    const iso = parseHumanDate(text, dayFirst);
    // Mostly a date: what is left besides digits and punctuation is a few words (a label, a place, a time zone).
    return iso && text.replace(/[\d\s.,:/|–-]+/g, ' ').trim().split(' ').length <= 5 ? iso : null;
  };
  let node: Node | null;
  let iso: string | null = null;
  if (headlineElement) {
    // A date line right before the headline is its kicker, nearer than a list after it (`<p>02.02.2022 10:16 Uhr - Bundesliga</p><h1>`).
    iso = read(headlineElement.previousElementSibling?.firstChild ?? null);
    walker.currentNode = headlineElement;
    for (let i = 0; i < NEAR_AFTER && !iso && (node = walker.nextNode()); i++) iso = read(node);
    // Before the headline only within its own block (a kicker line), not the site's header with today's date.
    let block: Element = headlineElement;
    for (let i = 0; i < 3 && block.parentElement; i++) block = block.parentElement;
    walker.currentNode = headlineElement;
    lines = 0;
    // Lines of text, not the white space between tags, are counted.
    for (let i = 0; i < NEAR_BEFORE && !iso && (node = walker.previousNode()) && block.contains(node); i += +/\S/.test(node.nodeValue!)) iso = read(node);
  }
  walker.currentNode = doc.body;
  lines = NEAR_LINES;
  // `Created Jan 25, 2008` far from the headline is a community's or an account's, not the article's. A labelled line
  // may sit in the article's own footer row (`<p class="footerFrstLn">Erschienen am: 01.11.2023`), not in the page's <footer>.
  for (let label; !iso && (node = walker.nextNode()); ) if ((label = PUBLISHED_LABEL.exec(normalizeSpace(node.nodeValue!)))?.index === 0 && !/created|erstellt/i.test(label![1]!)) iso = read(node, MARKED_DATE_FURNITURE);
  return iso;
}

/** Beside the headline, an aside or teaser-classed block with no heading of its own is the article's meta line (`<div class="teaser-small__metadata">`, `<aside><ul class="content__meta">`). */
function metaBesideHeadline(el: Element): boolean {
  const block = closest(el, NOT_THE_ARTICLE)!;
  return matches(block, 'aside,[class*="teaser" i]') && !block.querySelector('h1,h2,h3,h4');
}

function inJapanTime(iso: string | null): string | null {
  return iso?.replace(/^.{10}$/, '$&T00:00:00').replace(/^.{19}$/, '$&+09:00') ?? null;
}

function inOtherItem(el: Element): boolean {
  return OTHER_ITEM.test(el.closest('[itemscope]')?.getAttribute('itemtype') ?? '');
}

function parseOrNull(raw: string | null): string | null {
  return raw ? parseMachineDate(raw) : null;
}

/** Whether a time could fall on the neighbouring day in another zone: a date alone, else late evening (URL day later) or small hours (URL day earlier). A mid-day time one day off the URL is a print-edition URL, not a shift. */
function nearMidnight(iso: string, urlLater: boolean): boolean {
  const hour = Number(iso.slice(11, 13));
  return iso.length === 10 || (urlLater ? hour >= 19 : hour < 5);
}

function isUtc(iso: string): boolean {
  return /T\d{2}:\d{2}:\d{2}\+00:00$/.test(iso);
}

/** How many calendar days apart two ISO dates' days are (times and zones aside). */
function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(a.slice(0, 10)) - Date.parse(b.slice(0, 10))) / 86_400_000;
}

/** The dates the page shows, published ones first within each region, article region before the rest of the page. */
function readPageDates(doc: Document, dayFirst: boolean | null, h1: Element | null): PageDate[] {
  const body = doc.body;
  if (!body) return [];
  const region = h1?.closest('article, main, [role="main"]') ?? null;
  const inRegion: PageDate[] = [];
  const elsewhere: PageDate[] = [];
  const seen = new Set<Element>();
  let count = 0;
  let nav: Element | null = null;
  for (const el of body.querySelectorAll('*')) {
    // A site menu holds no article's date, and its hundreds of `meta-navigation` links must not use up the hints.
    if (nav?.contains(el)) continue;
    if (el.localName === 'nav') {
      nav = el;
      continue;
    }
    if (!isDateHint(el)) continue;
    if (++count > MAX_HINTS) break;
    if ([...seen].some((s) => s.contains(el))) continue;
    if (inOtherItem(el)) continue;
    const found = datesOfElement(el, dayFirst);
    if (found.length === 0) continue;
    // A date marked up as an item's datePublished may sit in that post's own footer, and so may any date inside the
    // headline's <article> (`<div class="footerRow">veröffentlicht 28.01.2022</div>`): only other items' blocks exclude those.
    const inArticle = region?.localName === 'article' && region.contains(el);
    if (inFurniture(el, inArticle ? FURNITURE : isMarkedPublished(el) ? MARKED_DATE_FURNITURE : NOT_THE_ARTICLE, h1)) continue;
    if (inSiteHeader(el, h1)) continue;
    if (underOtherHeading(el, h1)) continue;
    seen.add(el);
    (region && region.contains(el) ? inRegion : elsewhere).push(...found);
    if (inRegion.length >= 4) break;
  }
  return [...inRegion, ...elsewhere];
}

/**
 * A date in a small block under a heading of its own (a download's card: `<h2>Appell</h2><time>08.12.2022</time>`) is
 * that item's, not the article's. A date that says it is a publication date, and a heading that links to this very
 * page (a blog's permalink title), are the article's.
 */
function underOtherHeading(el: Element, h1: Element | null): boolean {
  if (!h1 || isMarkedPublished(el) || PUBLISHED_LABEL.test(el.textContent ?? '')) return false;
  let block: Element | null = el;
  for (let i = 0; i < 3 && (block = block.parentElement) && block !== el.ownerDocument.body; i++) {
    if ((block.textContent ?? '').length > 400) return false;
    const heading = block.querySelector('h1,h2,h3,h4,h5,h6');
    if (heading) return !block.contains(h1) && !heading.contains(el) && (heading.compareDocumentPosition(el) & heading.DOCUMENT_POSITION_FOLLOWING) !== 0 && !linksToPage(heading);
  }
  return false;
}

function linksToPage(heading: Element): boolean {
  const href = heading.querySelector('a[href]')?.getAttribute('href');
  const page = heading.ownerDocument.URL;
  return !!href && absoluteUrl(href, page)?.replace(/#.*/, '') === page.replace(/#.*/, '');
}

function isMarkedPublished(el: Element): boolean {
  return /^date(published|created)$/i.test(el.getAttribute('itemprop') ?? '');
}

/** The element showing the headline (else the first `<h1>` outside page furniture): dates near it are the article's. */
function findHeadlineElement(doc: Document, headline: string | null): Element | null {
  return showingHeadline(doc, headline) ?? [...doc.querySelectorAll('h1')].find((h) => !inFurniture(h, NOT_THE_ARTICLE)) ?? null;
}

/** The heading that shows the headline, if one does. */
function showingHeadline(doc: Document, headline: string | null): Element | null {
  if (headline) {
    // Soft hyphens and zero-width spaces (`Mes\u00adsen\u00adger`) are not part of the words.
    const key = (text: string) => normalizeSpace(text.replace(/[\u00ad\u200b]/g, ''));
    const headings = [...doc.querySelectorAll('h1,h2,h3,h4,h5,h6')];
    let showing = headings.filter((heading) => key(heading.textContent ?? '') === key(headline));
    // A heading that says more than the headline (`Saftiger Zitronenkuchen vom Blech: einfach köstlich!`).
    if (showing.length === 0 && headline.length >= 12) showing = headings.filter((heading) => heading.tagName === 'H1' && key(heading.textContent ?? '').includes(key(headline)));
    // Outside furniture first (a "trending" list may repeat the headline); else wherever it is (a blog's post widget).
    const heading = showing.find((h) => !inFurniture(h, NOT_THE_ARTICLE)) ?? showing[0];
    if (heading) return heading;
  }
  return null;
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
  // Last, a short date whose parts are elements of their own, read words apart (`<span class="day">04</span><span class="year">2013</span>`);
  // not a longer line, where two dates run together (`20 janvier 202020 janvier 2020`) leave the dated children to be read.
  const segments = [...text.split(/\s+[|•·]\s+|\s{2,}/), text.length > 16 ? '' : textWordsApart(el)];
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

/** The element's text with each text node set apart by a space (`<span>04</span><span>2013</span>` → `04 2013`). */
function textWordsApart(el: Element): string {
  const walker = el.ownerDocument.createTreeWalker(el, 4);
  const parts: string[] = [];
  while (walker.nextNode()) parts.push(walker.currentNode.nodeValue!);
  return parts.join(' ');
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
  const shown = readPageDates(doc, null, findHeadlineElement(doc, null));
  const published = shown.find((d) => d.kind === 'published' && d.line) ?? null;
  const modified = shown.find((d) => d.kind === 'modified' && d.line) ?? null;
  const lineElement = published?.element ?? modified?.element ?? null;
  const dateline = lineElement ? readDatelineLine(lineElement, null) : null;
  return { published: published?.iso ?? null, modified: modified?.iso ?? null, element: dateline?.element ?? null, bylineText: dateline?.bylineText ?? null };
}
