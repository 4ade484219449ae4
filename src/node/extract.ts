import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle, type Article } from '../extract/index';

export type { Article } from '../extract/index';

/** The extension's pipeline on jsdom: the same code the content script runs on a live page. Null when the page holds no article. */
export async function extract(html: string, url: string): Promise<Article | null> {
  const dom = parsePage(html, url);
  try {
    const outcome = extractArticle(dom.window.document, url);
    if (outcome.kind !== 'article') return null;
    const { kind: _kind, ...article } = outcome;
    return article;
  } finally {
    dom.window.close();
  }
}

/**
 * The page as jsdom parses it. jsdom 27.0 throws while it inserts a stylesheet after a `<base>` whose href attribute
 * has a prefix (`<base xlink:href=…><style>`): such a page is parsed again without its `<base>` elements.
 */
export function parsePage(html: string, url: string): JSDOM {
  const options = { url: safeUrl(url), virtualConsole: new VirtualConsole() };
  try {
    return new JSDOM(html, options);
  } catch (error) {
    if (!/<base\b/i.test(html)) throw error;
    return new JSDOM(html.replace(/<base\b[^>]*>/gi, ''), options);
  }
}

function safeUrl(url: string): string {
  try {
    return new URL(url).toString();
  } catch {
    return 'https://example.invalid/';
  }
}
