import { extractUnsanitized } from '../extract/pipeline';
import type { ExtractOutcome } from '../extract/types';
import { defusedClone, isNotHtml, pageTooLarge } from './page-guards';

export type PageExtraction = ExtractOutcome | { kind: 'error'; message: string };

/**
 * The page's article, its HTML not yet sanitised: the extension page that receives it must call `sanitizeArticle`.
 * Injected on demand by `scripting.executeScript`; the value of the file's last expression is the result
 * (the build adds `__broadsheet.run();` as a footer because esbuild's IIFE wrapper would swallow it).
 */
export function run(): PageExtraction {
  try {
    const url = location.href;
    // Plain text, images, XML and JSON are shown by the browser in a generated page that has no article in it.
    if (isNotHtml(document)) return { kind: 'not-an-article', url, canonicalUrl: url, title: url };
    const tooLarge = pageTooLarge(document);
    if (tooLarge) return { kind: 'error', message: `This page is too large for Broadsheet to read (${tooLarge}).` };
    return extractUnsanitized(defusedClone(document), url);
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
