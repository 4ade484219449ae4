import { jsonLdString, metaContent, type JsonLdNode, type PageMetadata } from './metadata';
import { normalizeSpace } from './text';

/** Author name(s) only; null rather than junk. */
export function findByline(doc: Document, meta: PageMetadata): string | null {
  const names: string[] = [];
  for (const node of meta.articleNodes) {
    const author = node['author'] ?? node['creator'];
    for (const entry of Array.isArray(author) ? author : [author]) {
      const name = jsonLdString(entry as JsonLdNode | string | undefined);
      if (name) names.push(name);
    }
  }
  if (names.length === 0) {
    const fromMeta = metaContent(doc, ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator']);
    if (fromMeta) names.push(fromMeta);
  }
  if (names.length === 0) {
    const element = doc.querySelector('[rel="author"], [itemprop="author"], .byline, .author, [class*="byline" i]');
    const text = element ? normalizeSpace(element.textContent ?? '') : '';
    if (text) names.push(text);
  }
  const cleaned = [...new Set(names.map(cleanAuthorName).filter((n): n is string => n !== null))];
  return cleaned.length ? joinNames(cleaned) : null;
}

export function cleanAuthorName(raw: string): string | null {
  let name = normalizeSpace(raw)
    .replace(/^(by|written by|published by|posted by|von|par|por|di|de)\s+/i, '')
    .split(/\s+\|\s+|\s+[-–—]\s+(?=updated|published|\d)/i)[0]!
    .trim();
  if (/^https?:\/\//i.test(name) || name.includes('@')) return null;
  name = name.replace(/[,;|]+$/, '').trim();
  if (name.length < 2 || name.length > 100) return null;
  return name;
}

export function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
