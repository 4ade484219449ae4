import type { PageMetadata } from './metadata';
import { normalizeSpace } from './text';

const SEPARATORS = /\s+[|–—\-:·»]\s+/;

/** The article's own headline: the `<h1>` that the metadata title contains, else the metadata title, else `<title>` trimmed of its site part. */
export function findHeadline(doc: Document, meta: PageMetadata): string {
  const metaTitle = meta.title ?? normalizeSpace(doc.title);
  const headings = [...doc.querySelectorAll('h1')].map((h) => normalizeSpace(h.textContent ?? '')).filter(Boolean);
  const lower = metaTitle.toLowerCase();
  const matching = headings.find((h) => h.length > 10 && lower.includes(h.toLowerCase()));
  if (matching) return matching;
  return stripSiteName(metaTitle, meta.siteName);
}

function stripSiteName(title: string, siteName: string | null): string {
  const parts = title.split(SEPARATORS);
  if (parts.length < 2) return title;
  if (siteName) {
    const site = siteName.toLowerCase();
    const kept = parts.filter((p) => p.toLowerCase() !== site);
    if (kept.length < parts.length && kept.length > 0) return kept.join(' - ');
  }
  return title;
}
