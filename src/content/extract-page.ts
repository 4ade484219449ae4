import { extractUnsanitized } from '../extract/pipeline';
import type { ExtractOutcome } from '../extract/types';

export type PageExtraction = ExtractOutcome | { kind: 'error'; message: string };

/**
 * The page's article, its HTML not yet sanitised: the extension page that receives it must call `sanitizeArticle`.
 * Injected on demand by `scripting.executeScript`; the value of the file's last expression is the result
 * (the build adds `__broadsheet.run();` as a footer because esbuild's IIFE wrapper would swallow it).
 */
export function run(): PageExtraction {
  try {
    const clone = document.cloneNode(true) as Document;
    return extractUnsanitized(clone, location.href);
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
