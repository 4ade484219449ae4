import { extractUnsanitized } from '../extract/pipeline';
import type { ExtractOutcome } from '../extract/types';
import { contentType, defusedClone, isNotHtml, pageTooLarge, type TooLargeReason } from './page-guards';

export type PageExtraction =
  | ExtractOutcome
  | { kind: 'error'; message: string }
  | { kind: 'too-large'; reason: TooLargeReason }
  | { kind: 'restricted'; restriction: 'pdf' };

/**
 * The page's article, its HTML not yet sanitised: the extension page that receives it must call `sanitizeArticle`.
 * Injected on demand by `scripting.executeScript`; the value of the file's last expression is the result
 * (the build adds `__broadsheet.run();` as a footer because esbuild's IIFE wrapper would swallow it).
 */
export function run(): PageExtraction {
  try {
    const url = location.href;
    // Chromium's PDF viewer lives in a page of the PDF's own address (no .pdf in it to tell by): the same message as a .pdf.
    if (contentType(document) === 'application/pdf') return { kind: 'restricted', restriction: 'pdf' };
    // Plain text, images, XML and JSON are shown by the browser in a generated page that has no article in it.
    if (isNotHtml(document)) return { kind: 'not-an-article', url, canonicalUrl: url, title: url };
    const reason = pageTooLarge(document);
    if (reason) return { kind: 'too-large', reason };
    return extractUnsanitized(defusedClone(document), url);
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
