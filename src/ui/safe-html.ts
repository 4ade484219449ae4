import { sanitizeArticleHtml } from '../extract/sanitize';

/**
 * The one way article HTML reaches a page. Stored and extracted HTML is untrusted: the content script does not
 * sanitise (DOMPurify stays out of the page bundle), and the background cannot when it runs as a Chrome service
 * worker (no DOM, and an offscreen document would need another permission), so it may store extracted HTML as is.
 * Every surface that inserts article HTML (popup, reader tab, options preview, HTML export) therefore sanitises
 * right here, just before rendering, whatever it believes about where the HTML came from.
 */
export function renderableArticleHtml(untrustedHtml: string, doc: Document = document, options: { images?: boolean } = {}): string {
  return sanitizeArticleHtml(untrustedHtml, doc, options);
}
