import type { Article, ExtractOutcome } from './types';
import { readPageMetadata } from './metadata';
import { findHeadline } from './headline';
import { findByline } from './byline';
import { findDates } from './dates';
import { extractBody } from './body';
import { findStandfirst } from './standfirst';
import { countWords, readingMinutes } from './text';
import { canonicalUrl } from './url';

/**
 * Every step but the last. The content script runs this in the page and the extension page that receives the
 * result sanitises it there: the trust boundary is where HTML is rendered, and DOMPurify stays out of the
 * page-injected bundle.
 */
export function extractUnsanitized(doc: Document, url: string): ExtractOutcome {
  const canonical = canonicalUrl(doc, url);
  const meta = readPageMetadata(doc, url);
  const headline = findHeadline(doc, meta);
  const dates = findDates(doc, meta, url, headline);
  const byline = findByline(doc, meta, dates.bylineText ?? null, headline);
  const standfirst = findStandfirst(doc, headline);

  const body = extractBody(doc, url, { headline, byline, dates, standfirst });
  if (!body) {
    // Kept as a link, the page is named as a bookmark would name it: by its tab title, which also says whose page it is.
    return { kind: 'not-an-article', url, canonicalUrl: canonical, title: doc.title.trim() || headline || url };
  }
  const textContent = body.text;
  const wordCount = countWords(textContent);

  const article: Article = {
    url,
    canonicalUrl: canonical,
    title: headline || body.title || doc.title || url,
    byline,
    siteName: meta.siteName,
    published: dates.published,
    modified: dates.modified,
    lang: meta.lang,
    dir: meta.dir,
    excerpt: standfirst ?? meta.description ?? body.excerpt,
    leadImage: body.leadImage,
    contentHtml: body.html,
    textContent,
    wordCount,
    readingMinutes: readingMinutes(wordCount),
  };
  return { kind: 'article', ...article };
}
