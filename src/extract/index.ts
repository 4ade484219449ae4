import type { ExtractOutcome } from './types';
import { extractUnsanitized } from './pipeline';
import { sanitizeArticle } from './sanitize';

export { extractUnsanitized } from './pipeline';
export { sanitizeArticle, sanitizeArticleHtml } from './sanitize';
export type { Article, ExtractOutcome, LeadImage, NotAnArticle } from './types';

/**
 * The whole pipeline: page metadata → headline → byline → dateline → body → clean-up → sanitise.
 * `doc` is consumed (Readability mutates it): pass a clone of a live page.
 */
export function extractArticle(doc: Document, url: string): ExtractOutcome {
  const outcome = extractUnsanitized(doc, url);
  return outcome.kind === 'article' ? sanitizeArticle(outcome, doc) : outcome;
}
