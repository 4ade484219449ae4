import { jsonLdString, jsonLdTypes, metaContent, type JsonLdNode, type PageMetadata } from './metadata';
import { normalizeSpace } from './text';
import { closest, FURNITURE } from './furniture';
import { monthNumber } from './date-parse';
import { hostOf, siteLabel } from './url';

/** Byline elements: `rel=author`, `itemprop=author`, classes saying byline/author/writer, links to author pages. Tested with regexes in one pass: jsdom's case-insensitive attribute selectors take milliseconds each. */
const BYLINE_CLASS = /byline|author|writer|autor|auteur|redakteur/i;
const AUTHOR_TOKEN = /(?:^|\s)author(?:\s|$)/i;
/** Author pages; an editors' page only with a name's slug (`/about/editors/jon-fingas/`, not `/editors-picks/`). */
const AUTHOR_HREF = /\/(?:author|autor|auteur)\/|\/editors\/[a-z]+-[a-z]+\/?$/i;
const MAX_BYLINE_ELEMENTS = 60;

const BY_PREFIX = /^(?:(?:view all posts|all posts|more posts|more stories|more articles|articles|posts|stories|written|posted|published|reported|story|text|words|photos?|interview|analysis|opinion|commentary|compiled|edited|reviewed|fact[- ]checked|eingestellt|verfasst|gepostet|(?:ein |blog ?|gast)?beitrag)\s+)?(?:by|von|par|por|di|da|door|de|af|av|przez|от|автор)\s*[:\-]?\s+/i;
/** What follows a name on a byline line: a label, a date (`December 28, 2016` too), a role. Lower-case connectors only, so `Loïc Le Clerc` stays whole. */
const AFTER_NAME_LABEL = /\s+(?:[-–—|·•]\s+|(?:updated|published|posted|aktualisiert|veröffentlicht|publiziert|alle artikel|all posts|view all|mehr von|more from|follow|folgen|\w*redakteur\w*|(?:staff|senior|contributing) writer|correspond\w+|contributor)\b|(?=(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+\d))|\d/i;
const AFTER_NAME_CONNECTOR = /\s(?:is|was|ist|war|in|on|at|am|um|le|el|il|for|für|im|mit|du|der|des|vom|from|vor|hace|prije)(?:\s|$)/;
const ROLE_PREFIX = /^(?:aut(?:hor|or|orin|eurs?|ore)|verfasser|reporter|redaktion(?=\s*:)|text|texte|текст|piše|fotos?|bild|posted|publié|written|interview|geschrieben von)\s*[:\-]?\s+/i;
/** `Text & Fotos:`, `Text und Bild:`, `Autor/in:` before the names. */
const ROLE_LIST = /^(?:(?:text|words|foto|photo|bild|aut)\w*\s*(?:&|\+|\/|,|und|and)\s*)+\w+\s*:\s*/i;
/** Desk, team and staff credits: kept only when the page names no person. */
const WEAK_NAME = /\b(?:staff|desk|team|bureau|editors?|newsroom|redaktion|redacción|rédaction|redazione|agencies|agency|wire)\b/i;
/** Words that mark a string as something other than a person's name; a news agency's credit alone (`dpa`, `AFP`, `Agencies`) names no author. */
const JUNK = /^(?:(?:written|reported|photos?)\s+by|https?|autor|author|автор|unknown|anonym(?:ous)?|an[oó]nimo|admin(?:istrator)?|super user|user|guest|gast|publisher|editors?|dpa|afp|apa?|sda|kna|epd|sid|efe|ansa|age|reuters|ritzau|kyodo|yonhap|xinhua|tass|belga|sputnik|interfax|associated press|press association|agenc\w+(?: \w+)?|agenturen?|staff|redaktion|redacción|redazione|editorial|team|webmaster|by|von|par|por|di|da|door|de|af|av|przez|news|desk)$/i;
const ORGANISATION = /\b(?:gmbh|ag|e\.\s?v\.|inc|ltd|llc|verlag|s\.a\.|s\.l\.|corp|co\.|plc|eg)(?!\w)|\s(?:deutschland|germany|österreich|austria|schweiz|switzerland)$|\.(?:com|de|net|org|at|ch|fr|es|it|info|co\.uk)\b|^www\.|https?:/i;

/**
 * Author name(s) only; null rather than junk. Tiers, first that yields a name wins: JSON-LD article authors that are
 * persons; author meta tags; byline elements (`rel=author`, `itemprop=author`, classes with byline/author); what
 * the visible dateline line says besides its dates. Organisation names and the site's own name are not authors.
 */
export function findByline(doc: Document, meta: PageMetadata, datelineText: string | null = null, headline: string | null = null): string | null {
  const byId: ById = new Map(meta.jsonLd.filter((n) => n['@id']).map((n) => [n['@id'], n]));
  const notPeople = [meta.siteName, metaContent(doc, ['publisher', 'dc.publisher']), ...publisherNames(meta, byId)].filter((n): n is string => Boolean(n));
  // The site's own handle given as the author (`@NatGeoUK`); a name with spaces may be a person who runs the site under their name.
  const siteHandle = squash(metaContent(doc, ['twitter:site']) ?? '');
  let pageText: string | undefined;
  // A name the page never shows is an account of the CMS, not the byline (`Verfasst von` in meta tags of pages with no byline).
  const shown = (name: string): boolean => (pageText ??= normalizeSpace(doc.body?.textContent ?? '').toLowerCase()).includes(name.toLowerCase());
  const textarea = doc.createElement('textarea');
  // JSON-LD and meta values sometimes carry HTML entities a second time (`Redacci&oacute;n`); a textarea decodes them without parsing markup.
  const decode = (raw: string): string => (/&#?\w+;/.test(raw) ? ((textarea.innerHTML = raw), textarea.value) : raw);
  const isSiteName = (name: string): boolean => notPeople.some((site) => sameName(name, site));
  const isSiteHandle = (name: string): boolean => /^\S+$/.test(name) && squash(name) === siteHandle;
  // A lowercase handle in the post's own byline (`von zahlenzauberin`) is the account of a one-person blog named after it; a desk credit is written as the site's name (`By Us Weekly`).
  const isBlogHandle = (name: string): boolean => /^[\p{Ll}\d_]+$/u.test(name);
  const clean = (raw: string[], shownInPost = false): string[] =>
    dedupe(
      raw
        // `unocero - Alberto Ávila`: the site's name before the author's.
        .map((n) => cleanAuthorName(decode(n).replace(/^(.+?) [-–|] /, (m, site: string) => (isDomainName(site, doc) || isSiteName(site) ? '' : m))))
        .filter((n): n is string => n !== null && ((shownInPost && isBlogHandle(n)) || !(isSiteName(n) || isSiteHandle(n))) && !isDomainName(n, doc) && shown(n)),
    );
  const names = (raw: string | null | undefined, shownInPost = false): string[] => clean(splitNames(decode(raw ?? '')), shownInPost);
  const notTheArticles = (el: Element): boolean => inFurniture(el, headline) || inPageFooter(el);
  const shownNames = (raw: string): string[] => names(raw, true);
  // Yoast and AIOSEO name the author in `twitter:label1` = "Written by", `twitter:data1` = the name.
  const labelled = [1, 2].map((i) => (/^(?:(?:written|verfasst|geschrieben|écrit|escrito|scritto) \S+|autor|author)$/i.test(metaContent(doc, [`twitter:label${i}`]) ?? '') ? metaContent(doc, [`twitter:data${i}`]) : null)).find(Boolean);
  const tiers: Array<() => string[]> = [
    () => clean(jsonLdAuthors(meta, byId).flatMap((n) => splitNames(decode(n)))),
    () => {
      for (const raw of [metaContent(doc, ['article:author']), labelled, ...AUTHOR_META.map((key) => metaContent(doc, [key]))]) {
        const found = names(raw);
        if (found.length) return found;
      }
      return [];
    },
    () => bylineElements(doc, shownNames, notTheArticles),
    // One word left of a dateline is its section (`12.12.2022 | 06:46 | Energieversorgung`).
    () => names(datelineText).filter((n) => n.includes(' ')),
    () => byLine(doc, shownNames, notTheArticles, siteHandle),
    // WordPress marks the post author's own comments: their name is the post's author.
    () => names(doc.querySelector('.bypostauthor .fn')?.textContent),
  ];
  let weakOnly: string[] | null = null;
  for (const tier of tiers) {
    const names = tier();
    if (names.length === 0) continue;
    const people = names.filter((n) => !isWeakName(n, notPeople));
    if (people.length) return joinNames(people.slice(0, 6));
    weakOnly ??= names;
  }
  return weakOnly ? joinNames(weakOnly.slice(0, 3)) : null;
}

const AUTHOR_META = ['author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'byl', 'twitter:creator:name'];

/** Desk and staff credits, and credits that carry the site's name (`Us Weekly Staff`, `Devdiscourse News Desk`). */
function isWeakName(name: string, siteNames: string[]): boolean {
  return WEAK_NAME.test(name) || siteNames.some((site) => squash(site).length >= 4 && squash(name).includes(squash(site)));
}

type ById = Map<unknown, JsonLdNode>;

/** A JSON-LD value, or the node its `@id` points to when it carries only the reference (Yoast's `"author": {"@id": "#/schema/person/…"}`). */
function resolve(value: unknown, byId: ById): unknown {
  const ref = value && typeof value === 'object' && !(value as JsonLdNode)['name'] ? (value as JsonLdNode)['@id'] : value;
  return byId.get(ref) ?? value;
}

/** The publisher and the website, unless the publisher is a person (a one-person blog publishes as its author). */
function publisherNames(meta: PageMetadata, byId: ById): Array<string | null> {
  return [...meta.articleNodes.map((node) => resolve(node['publisher'], byId)), ...meta.jsonLd.filter((n) => jsonLdTypes(n).includes('WebSite'))].map((n) =>
    n && typeof n === 'object' && jsonLdTypes(n as JsonLdNode).includes('Person') ? null : jsonLdString(n),
  );
}

function jsonLdAuthors(meta: PageMetadata, byId: ById): string[] {
  const names: string[] = [];
  // A recipe page without an article node is credited to the recipe's author (`Rezept von jesusfreak`).
  for (const node of meta.articleNodes.length ? meta.articleNodes : meta.jsonLd.filter((n) => jsonLdTypes(n).includes('Recipe'))) {
    const author = node['author'] ?? node['creator'];
    for (let entry of Array.isArray(author) ? author : [author]) {
      entry = resolve(entry, byId);
      const types = entry && typeof entry === 'object' ? jsonLdTypes(entry as JsonLdNode) : [];
      if (types.some((t) => /Organi[sz]ation|Corporation/.test(t)) && !types.includes('Person')) continue;
      const name = jsonLdString(entry);
      if (name) names.push(name);
    }
    if (names.length) break;
  }
  return names;
}

// A missing attribute is tested as the string "null", which none of these patterns match.
const isBylineElement = (el: Element): boolean =>
  BYLINE_CLASS.test(el.getAttribute('class')!) ||
  AUTHOR_TOKEN.test(el.getAttribute('rel')!) ||
  AUTHOR_TOKEN.test(el.getAttribute('itemprop')!) ||
  (el.localName === 'a' && AUTHOR_HREF.test(el.getAttribute('href')!));

/** Where a byline element holds the name itself (`itemprop=name`, a class with name, an author link). */
const isNameElement = (el: Element): boolean => el.getAttribute('itemprop') === 'name' || /name/i.test(el.getAttribute('class')!) || (el.localName === 'a' && AUTHOR_TOKEN.test(el.getAttribute('rel')!));

function bylineElements(doc: Document, toNames: (raw: string) => string[], notTheArticles: (el: Element) => boolean): string[] {
  let count = 0;
  for (const el of doc.querySelectorAll('*')) {
    if (!isBylineElement(el)) continue;
    if (++count > MAX_BYLINE_ELEMENTS) break;
    const cls = (el.getAttribute('class') ?? '').toLowerCase();
    // Author boxes and bios hold sentences, not names.
    if (/bio|description|about|avatar|image|img|photo|social|follow|box/.test(cls) && !/name/.test(cls)) continue;
    if (notTheArticles(el)) continue;
    // An image's credit, and another article's card (a link around its heading), name other people.
    const card = closest(el.parentElement, 'a,figure,[class*="license"]');
    if (card && (card.localName != 'a' || card.querySelector('h2,h3,h4'))) continue;
    const inner = el.firstElementChild ? [...el.querySelectorAll('*')] : [];
    // A byline section opening with its one credit element gives way to it (`<div class="byline-section"><span class="author">…</span><span class="publication">…`).
    const credits = inner.filter(isBylineElement);
    if (credits.length === 1 && creditText(el).startsWith(creditText(credits[0]!))) continue;
    const named = inner.find(isNameElement);
    const text = creditText(named ?? el);
    if (!text || text.length > 120) continue;
    // A handle with digits (`c1ph4`) is a name when it is the slug of its own author page.
    const href = (named ?? el).getAttribute('href')!;
    if (/\d/.test(text) && AUTHOR_HREF.test(href) && href.includes('/' + text)) return [text];
    // The first byline on the page that yields a name is the article's; later ones are other articles' or comments'.
    const names = toNames(text);
    if (names.length) return names;
  }
  return [];
}

/** An element's text with line breaks and blocks read as separators and its date left out (`by Jeff Foust<br><span class="datetime">Monday, …`). */
function creditText(el: Element): string {
  let text = '';
  for (const node of el.childNodes) {
    if (node.nodeType === 3) text += node.nodeValue;
    else if (node.nodeName === 'BR') text += ' | ';
    else if (node.nodeType === 1 && !/date|time/i.test((node as Element).getAttribute('class') ?? '')) {
      const line = /^(?:P|DIV|LI|UL|OL|H\d|SECTION|TABLE|TR)$/.test(node.nodeName) ? ' | ' : '';
      text += line + creditText(node as Element) + line;
    }
  }
  return normalizeSpace(text).replace(/^[\s|]+|[\s|]+$/g, '');
}

/**
 * A line of the page that starts with `By`/`von`/`par`/`por` and a capitalised word (`von <em>Klaus Stanjek</em>`,
 * `<strong>von</strong> <span>Dennis Kochinky</span>`): the text node, then what follows it up to a line break or block.
 */
function byLine(doc: Document, toNames: (raw: string) => string[], notTheArticles: (el: Element) => boolean, siteHandle: string): string[] {
  const walker = doc.createTreeWalker(doc.body ?? doc, 4);
  for (let node = walker.nextNode(), tries = 0; node && tries < 20; node = walker.nextNode()) {
    // A dateline's date before the credit (`06.11.2023 13:30 von Olga`, `05.02.2020 - Redaktion: …`).
    let line = node.nodeValue!.trim().replace(/^(?:\d\d?[./]\d\d?[./]\d{2,4}(?: \d\d?:\d\d)?)?[\s–-]+/, '');
    if (line.length > 60 || !/^(?:(?:(?:blog ?|gast)?beitrag )?(?:by|von|par|por|door):?(?:\s|$)|(?:aut\w*|verfasser\w*|text|redaktion)\s*:)/i.test(line)) continue;
    let el = node as Node;
    while (el.parentElement && el.parentElement.childNodes.length === 1 && /^(?:STRONG|B|EM|I|SPAN|FONT|H\d)$/.test(el.parentElement.tagName)) el = el.parentElement;
    // An element of its own holding more than the label is the whole credit (`<span>von Olga</span> <span>Symbolbild imago</span>`).
    const whole = el != node && /\s/.test(line);
    // A label alone runs on past line breaks (`<b>Von:</b> <br> <br> Götz Warnke`).
    for (let next = el.nextSibling; next && line.length < 80 && !whole && !/^(?:P|DIV|H\d|[UO]L|LI|TABLE|SECTION)$/.test(next.nodeName) && (next.nodeName != 'BR' || /^\S+\s*$/.test(line)); next = next.nextSibling) line += ' ' + next.textContent;
    const parent = el.parentElement;
    // A label alone in its cell (`<div>Autor:</div><div>Name</div>`, `<dt>`/`<dd>`): the name is in the next one.
    if (/:$/.test(line) && parent?.childNodes.length == 1) line += ' ' + (parent.nextElementSibling?.textContent ?? '');
    // A link around a credit is a teaser's, unless it writes to the author (`mailto:`).
    if (!parent || /^(?:SCRIPT|STYLE)$/.test(parent.tagName) || (parent.localName == 'a' && !/mailto/i.test(parent.getAttribute('href')!)) || notTheArticles(parent)) continue;
    tries++;
    // Names only: every word capitalised but for particles (`von Bäumen durch Dritte` is a sentence).
    const found = toNames(line);
    // … or the site's own handle (`by damianduchamps on August 3, 2019` on a blog tweeting as @damianduchamps).
    if (found.length && found.every((n) => /^(?:(?:\p{Lu}|(?:van|von|de|der|da|di|du|le|la) )\S*\s?)+$/u.test(n) || squash(n) == siteHandle)) return found;
  }
  return [];
}

/**
 * In a block of other articles, comments or sidebars, unless that block holds the article (the `<main>` or
 * `<article>` around the element, when the block is not itself inside one, or an `<h1>`; an `<aside>` never does): themes wrap the whole page in `content-sidebar-wrap`,
 * Blogger wraps every post in a `widget`.
 */
function inFurniture(el: Element, headline: string | null): boolean {
  const block = closest(el, FURNITURE);
  // A block with no heading right under the headline (`<h1>…</h1><div class="teaser-small__metadata">`) is the article's own.
  if (!block || /^(BODY|HTML|ARTICLE|MAIN)$/.test(block.tagName) || (block.previousElementSibling?.localName == 'h1' && !block.querySelector('h2,h3'))) return false;
  const article = closest(el, 'article,main');
  // An `<address>` gives the contact of its page or article (the Guardian's meta column is an `<aside>`); a post holds its own byline (Blogger's `widget` around each `hentry`).
  if (block.contains(closest(el, 'div[class*="hentry"]'))) return false;
  if (block.localName == 'aside') return !closest(el, 'address');
  // A meta line above the headline in the headline's own block (`<div class="teaser_text_meta">` before the `<h2>` showing it); not a column of previews.
  if (headline && block.textContent!.length < 200 && [...block.parentElement!.querySelectorAll('h1,h2')].some((h) => h.textContent!.trim() == headline && block.compareDocumentPosition(h) & 4)) return false;
  return !(article && block.contains(article) && !closest(block, 'article,main')) && !block.querySelector('h1');
}

/** A footer of the page, not one inside the article (post footers often carry the byline). */
function inPageFooter(el: Element): boolean {
  const footer = el.closest('footer');
  return footer !== null && !footer.closest('article, main, [role="main"], [class*="post" i], [class*="entry" i]');
}

/** `By A, B and C` → [A, B, C]. */
export function splitNames(raw: string): string[] {
  const text = normalizeSpace(raw).replace(BY_PREFIX, '').replace(ROLE_LIST, '');
  // An organisation with its address (`Kirche+Leben, Münster, Germany`, `Olympia-Verlag GmbH, Nürnberg, Germany`) is not a list of people.
  if (!text || ORGANISATION.test(text) || /,\s*(?:germany|deutschland|austria|österreich|schweiz|switzerland|france|usa)\s*$/i.test(text)) return [];
  return text
    .split(/\s*(?:,|;|&|·|•|\s(?:and|und|et|en|og|i)\s|\/|\|)\s*/i)
    // Spanish and Portuguese join a last surname with y/e (`José Volta e Pinto`); a second name of two words or more is a second author.
    .flatMap((part) => part.split(/\s+[ey]\s+(?!\p{Lu}\p{Ll}+$)/u))
    .map((part) => part.trim())
    .filter(Boolean);
}

/** A name, or null for junk: `By` and role prefixes, dates, e-mail addresses, URLs, organisation names, placeholders. */
export function cleanAuthorName(raw: string): string | null {
  let name = normalizeSpace(raw)
    .replace(BY_PREFIX, '')
    .replace(ROLE_PREFIX, '')
    .replace(BY_PREFIX, '')
    // A Korean credit names the outlet and the reporter's title around the name (`스포츠조선=선수민 기자`).
    .replace(/^[^\s=]+=\s*(.+?)\s*기자$/u, '$1')
    .split(AFTER_NAME_LABEL)[0]!;
  const beforeConnector = name;
  name = name.split(AFTER_NAME_CONNECTOR)[0]!;
  // `Jane Roe is a reporter who …` is a bio sentence; `Jane Roe am 21. April` is a byline.
  if (name !== beforeConnector && beforeConnector.split(/\s+/).length > 8) return null;
  name = name
    // A handle beside a name (`Williams Perdomo @wperdomod`) goes; a handle alone is the name.
    .replace(/(?<=\S)\s+@[\w.]+/g, '')
    .replace(/^@/, '')
    .replace(/[,;:|·•\-–—]+$/, '')
    .trim();
  if (!name || name.includes('@') || ORGANISATION.test(name)) return null;
  // Digits, and URL slugs (`sarah-indra`), are not names.
  if (/\d/.test(name) || /^[a-z]+(?:-[a-z]+)+$/.test(name)) return null;
  if (JUNK.test(name) || /^(?:publiziert|veröffentlicht|published|posted|updated|erstellt|geschrieben|created|modified|date|datum|fecha|stand|aktualisiert|last|filed under|kategorie|category|tags?|übersetzung|translat(?:ion|ed by)|traduction|traducción|traduzione)\b/i.test(name)) return null;
  const words = name.split(/\s+/);
  if (words.length > 5 || name.length < 2 || name.length > 60) return null;
  // A name has letters; a line of punctuation, one lower-case function word or a capitals abbreviation (`EN`, `PTI`) is not one.
  if (!/\p{L}{2}/u.test(name) || /^\p{Lu}{1,3}$/u.test(name)) return null;
  // A domain (`INFORM.KZ`) names a site.
  if (/^[\w-]+\.[a-z]{2,4}$/i.test(name)) return null;
  // A role after the name (`TOM KRISHER, AP Auto Writer`) is not a name.
  if (/\s(?:writer|correspondent|reporter|editor|columnist|contributor)$/i.test(name)) return null;
  // A month alone is what a date left behind (`Pete Evans, CBC News · Oct 12`).
  if (monthNumber(name)) return null;
  name = name.replace(/\s*\(.*$/, '').trim();
  // Text shown twice (a visible name and its screen-reader copy) reads `Jane RoeJane Roe`.
  const half = name.length / 2;
  if (Number.isInteger(half) && name.slice(0, half) === name.slice(half)) name = name.slice(0, half);
  return name || null;
}


function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function sameName(name: string, siteName: string): boolean {
  return squash(name) === squash(siteName);
}

/** The page's own domain name written as an author (`Heise` on heise.de). */
function isDomainName(name: string, doc: Document): boolean {
  const label = siteLabel(hostOf(doc.URL) ?? '');
  return !!label && label.length > 3 && squash(name) === squash(label);
}

function dedupe(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
