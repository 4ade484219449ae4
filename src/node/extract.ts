import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle, type Article } from '../extract/index';

export type { Article } from '../extract/index';

/** The extension's pipeline on jsdom: the same code the content script runs on a live page. Null when the page holds no article. */
export async function extract(html: string, url: string): Promise<Article | null> {
  const dom = new JSDOM(html, { url: safeUrl(url), virtualConsole: new VirtualConsole() });
  try {
    const outcome = extractArticle(dom.window.document, url);
    if (outcome.kind !== 'article') return null;
    const { kind: _kind, ...article } = outcome;
    return article;
  } finally {
    dom.window.close();
  }
}

function safeUrl(url: string): string {
  try {
    return new URL(url).toString();
  } catch {
    return 'https://example.invalid/';
  }
}
