import { normalizeSpace } from './text';

/** What the page says about itself in JSON-LD and meta tags, before looking at visible text. */
export interface PageMetadata {
  jsonLd: JsonLdNode[];
  /** JSON-LD nodes typed as an article (NewsArticle, BlogPosting, …), most specific first. */
  articleNodes: JsonLdNode[];
  title: string | null;
  siteName: string | null;
  description: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
}

export type JsonLdNode = Record<string, unknown>;

const ARTICLE_TYPE = /(Article|BlogPosting|Report|NewsArticle|LiveBlogPosting|OpinionNewsArticle|ReviewNewsArticle|AnalysisNewsArticle|Posting)$/;

/** Every object in every JSON-LD block, with `@graph` and arrays flattened; broken blocks are skipped. */
export function readJsonLd(doc: Document): JsonLdNode[] {
  const nodes: JsonLdNode[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value && typeof value === 'object') {
      const node = value as JsonLdNode;
      nodes.push(node);
      if (node['@graph']) visit(node['@graph']);
    }
  };
  for (const script of doc.querySelectorAll('script')) {
    const text = script.textContent ?? '';
    // Some CMSs print JSON-LD in a `<script>` with no type (or a made-up one): its `{"@context"` opening says what it is.
    if (!/^application\/ld\+json$/i.test(script.getAttribute('type') ?? '') && !/^\s*\[?\s*\{\s*"@context"/.test(text)) continue;
    const source = text.trim().replace(/^<!\[CDATA\[|\]\]>$/g, '');
    if (!source) continue;
    try {
      visit(JSON.parse(source));
    } catch {
      // Many sites ship JSON-LD with stray control characters, trailing commas or a closing brace too many; one bad
      // block must not stop the rest.
      const repaired = source.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1');
      for (const candidate of [repaired, repaired.replace(/\}\s*$/, '')]) {
        try {
          visit(JSON.parse(candidate));
          break;
        } catch {
          /* unreadable block */
        }
      }
    }
  }
  return nodes;
}

export function jsonLdTypes(node: JsonLdNode): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

export function isArticleNode(node: JsonLdNode): boolean {
  return jsonLdTypes(node).some((t) => ARTICLE_TYPE.test(t));
}

const metaIndexes = new WeakMap<Document, Map<string, string>>();

/**
 * Every meta tag's value by lower-cased name/property/itemprop, first occurrence kept, built once per document.
 * Some CMSs write the value in `value=` instead of `content=`; both are read.
 */
function metaIndex(doc: Document): Map<string, string> {
  let index = metaIndexes.get(doc);
  if (index) return index;
  index = new Map();
  for (const meta of doc.querySelectorAll('meta[content], meta[value]')) {
    const value = normalizeSpace(meta.getAttribute('content') ?? meta.getAttribute('value') ?? '');
    if (!value) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = meta.getAttribute(attr)?.toLowerCase().trim();
      if (key && !index.has(key)) index.set(key, value);
    }
  }
  metaIndexes.set(doc, index);
  return index;
}

/** Value of the first meta tag whose name/property/itemprop matches one of `keys` (case-insensitive), in key order. */
export function metaContent(doc: Document, keys: string[]): string | null {
  const index = metaIndex(doc);
  for (const key of keys) {
    const value = index.get(key.toLowerCase());
    if (value) return value;
  }
  return null;
}

export function jsonLdString(value: unknown): string | null {
  if (typeof value === 'string') return normalizeSpace(value) || null;
  if (Array.isArray(value)) return jsonLdString(value[0]);
  if (value && typeof value === 'object') {
    const node = value as JsonLdNode;
    return jsonLdString(node['name'] ?? node['@value']);
  }
  return null;
}

export function readPageMetadata(doc: Document, _url: string): PageMetadata {
  const jsonLd = readJsonLd(doc);
  const articleNodes = jsonLd.filter(isArticleNode);
  const firstArticle = articleNodes[0];
  const publisher = firstArticle ? jsonLdString((firstArticle['publisher'] as JsonLdNode | undefined)?.['name']) : null;
  const websiteNode = jsonLd.find((n) => jsonLdTypes(n).includes('WebSite'));

  const html = doc.documentElement;
  const lang = html?.getAttribute('lang') || metaContent(doc, ['og:locale', 'content-language', 'dc.language', 'language']);
  const dirAttr = (html?.getAttribute('dir') || doc.body?.getAttribute('dir') || '').toLowerCase();

  return {
    jsonLd,
    articleNodes,
    title:
      metaContent(doc, ['og:title', 'twitter:title', 'dc.title', 'sailthru.title', 'parsely-title']) ??
      (firstArticle ? jsonLdString(firstArticle['headline'] ?? firstArticle['name']) : null),
    siteName:
      metaContent(doc, ['og:site_name', 'application-name', 'publisher']) ??
      publisher ??
      (websiteNode ? jsonLdString(websiteNode['name']) : null),
    description: metaContent(doc, ['description', 'og:description', 'twitter:description', 'dc.description']),
    lang: lang ? lang.replace('_', '-') : null,
    dir: dirAttr === 'rtl' || dirAttr === 'ltr' ? dirAttr : null,
  };
}
