// Plain @mozilla/readability on jsdom: the yardstick the quality script measures our pipeline's speed and scores against.
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';

export async function extract(html, url) {
  let pageUrl = 'https://example.invalid/';
  try {
    pageUrl = new URL(url).toString();
  } catch {
    /* keep the placeholder */
  }
  const dom = new JSDOM(html, { url: pageUrl, virtualConsole: new VirtualConsole() });
  try {
    const parsed = new Readability(dom.window.document).parse();
    return parsed ? { textContent: parsed.textContent, title: parsed.title, byline: parsed.byline, published: parsed.publishedTime ?? null } : null;
  } finally {
    dom.window.close();
  }
}
