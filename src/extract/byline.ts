import { jsonLdString, jsonLdTypes, metaContent, type JsonLdNode, type PageMetadata } from './metadata';
import { normalizeSpace } from './text';

/** Where a byline element never is. */
const NOT_THE_ARTICLE = 'aside, footer, nav, [class*="related" i], [class*="comment" i], [id*="comment" i], [class*="sidebar" i], [class*="widget" i], [class*="teaser" i], [class*="recommend" i]';
const BYLINE_ELEMENTS = '[rel~="author" i], [itemprop~="author" i], [class*="byline" i], [class*="author" i], [class*="writer" i], [class*="autor" i], [class*="auteur" i], [class*="redakteur" i]';
const MAX_BYLINE_ELEMENTS = 60;

const BY_PREFIX = /^(?:(?:written|posted|published|reported|story|text|words|photos?|interview|compiled|edited|reviewed|fact[- ]checked)\s+)?(?:by|von|par|por|di|da|door|de|af|av|przez|от|автор)\s*[:\-]?\s+/i;
const ROLE_PREFIX = /^(?:author|autor|auteur|autore|auteurs|autorin|verfasser|reporter|redaktion|text|texte|fotos?|bild|posted|publié|written|redacción|redazione)\s*[:\-]\s*/i;
/** Words that mark a string as something other than a person's name. */
const JUNK = /^(?:(?:written|posted|published|reported|photos?)\s+by|unknown|anonymous|anonym|anónimo|anonimo|admin|administrator|super user|user|guest|publisher|editor|editors|staff|redaktion|redacción|redazione|team|webmaster|author|autor|posted|by|von|news|desk)$/i;
const ORGANISATION = /\b(?:gmbh|ag|e\.\s?v\.|inc|ltd|llc|verlag|s\.a\.|s\.l\.|corp|co\.|plc)\b|\.(?:com|de|net|org|at|ch|fr|es|it|info|co\.uk)\b|^www\.|https?:/i;

/**
 * Author name(s) only; null rather than junk. Tiers, first that yields a name wins: JSON-LD article authors that are
 * persons; author meta tags; byline elements (`rel=author`, `itemprop=author`, classes with byline/author); what
 * the visible dateline line says besides its dates. Organisation names and the site's own name are not authors.
 */
export function findByline(doc: Document, meta: PageMetadata, datelineText: string | null = null): string | null {
  const tiers: Array<() => string[]> = [
    () => jsonLdAuthors(meta),
    () => splitNames(metaContent(doc, ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'byl', 'twitter:creator:name']) ?? ''),
    () => bylineElements(doc),
    () => (datelineText ? splitNames(datelineText) : []),
  ];
  const site = meta.siteName;
  for (const tier of tiers) {
    const cleaned = tier()
      .map(cleanAuthorName)
      .filter((n): n is string => n !== null && !isSiteName(n, site, doc));
    const unique = dedupe(cleaned);
    if (unique.length) return joinNames(unique.slice(0, 6));
  }
  return null;
}

function jsonLdAuthors(meta: PageMetadata): string[] {
  const names: string[] = [];
  for (const node of meta.articleNodes) {
    const author = node['author'] ?? node['creator'];
    for (const entry of Array.isArray(author) ? author : [author]) {
      if (entry && typeof entry === 'object' && jsonLdTypes(entry as JsonLdNode).some((t) => /Organi[sz]ation|Corporation|NewsMediaOrganization/.test(t))) continue;
      const name = jsonLdString(entry as JsonLdNode | string | undefined);
      if (name) names.push(...splitNames(name));
    }
    if (names.length) break;
  }
  return names;
}

function bylineElements(doc: Document): string[] {
  const found: string[] = [];
  let count = 0;
  for (const el of doc.querySelectorAll(BYLINE_ELEMENTS)) {
    if (++count > MAX_BYLINE_ELEMENTS) break;
    const cls = (el.getAttribute('class') ?? '').toLowerCase();
    // Author boxes and bios hold sentences, not names.
    if (/bio|description|about|avatar|image|img|photo|social|follow|more|box|info|url|email/.test(cls) && !/name/.test(cls)) continue;
    if (el.closest(NOT_THE_ARTICLE)) continue;
    const named = el.querySelector('[itemprop="name"], [class*="name" i], a[rel~="author" i]');
    const text = normalizeSpace((named ?? el).textContent ?? '');
    if (!text || text.length > 120) continue;
    const names = splitNames(text);
    if (names.length) {
      found.push(...names);
      // The first byline on the page is the article's; later ones are often other articles' or comments'.
      if (found.length) break;
    }
  }
  return found;
}

/** `By A, B and C` → [A, B, C]. */
export function splitNames(raw: string): string[] {
  const text = normalizeSpace(raw).replace(BY_PREFIX, '');
  if (!text || /https?:\/\/|^www\./i.test(text)) return [];
  return text
    .split(/\s*(?:,|;|&|\s(?:and|und|et|y|e|en|og|i)\s|\/|\|)\s*/i)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** A name, or null for junk: `By` and role prefixes, dates, e-mail addresses, URLs, organisation names, placeholders. */
export function cleanAuthorName(raw: string): string | null {
  let name = normalizeSpace(decodeEntities(raw))
    .replace(BY_PREFIX, '')
    .replace(ROLE_PREFIX, '')
    .replace(BY_PREFIX, '')
    .split(/\s+[-–—]\s+(?=updated|published|\d)/i)[0]!
    .replace(/^@/, '')
    .replace(/[,;:|·•\-–—]+$/, '')
    .trim();
  if (!name || name.includes('@') || ORGANISATION.test(name)) return null;
  if (/\d/.test(name)) return null;
  if (JUNK.test(name)) return null;
  const words = name.split(/\s+/);
  if (words.length > 5 || name.length < 2 || name.length > 60) return null;
  // A name has letters; a line of punctuation or one lower-case function word is not one.
  if (!/\p{L}{2}/u.test(name)) return null;
  name = name.replace(/\s*\((?:[^)]*)\)$/, '').trim();
  return name || null;
}

function decodeEntities(text: string): string {
  return text.replace(/&([a-z]+|#\d+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    const named: Record<string, string> = { amp: '&', oacute: 'ó', aacute: 'á', eacute: 'é', iacute: 'í', uacute: 'ú', ntilde: 'ñ', uuml: 'ü', ouml: 'ö', auml: 'ä', szlig: 'ß', nbsp: ' ' };
    return named[entity.toLowerCase()] ?? whole;
  });
}

function isSiteName(name: string, siteName: string | null, doc: Document): boolean {
  const squash = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const n = squash(name);
  if (siteName && (n === squash(siteName) || (n.length > 3 && squash(siteName).includes(n)))) return true;
  try {
    const host = new URL(doc.URL).hostname.replace(/^www\./, '').split('.');
    const domain = host.length >= 2 ? host[host.length - 2]! : host[0]!;
    return domain.length > 3 && n === squash(domain);
  } catch {
    return false;
  }
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
