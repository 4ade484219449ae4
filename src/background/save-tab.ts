import type { Article, NotAnArticle } from '../extract/types';
import type { TabReading } from '../content/read-tab';
import type { SavedMeta } from '../storage/types';

export interface SaveTabDeps {
  readTab(tabId: number, tabUrl: string | undefined): Promise<TabReading>;
  saveArticle(article: Article): Promise<SavedMeta>;
  saveLink(link: { url: string; title: string }): Promise<SavedMeta>;
  /** Present where a DOM exists (Firefox's event page); Chrome's service worker has none. */
  sanitize: ((article: Article) => Article) | null;
  /** Reader-facing text for a reason the page could not be saved. */
  describe(reading: Exclude<TabReading, { kind: 'article' } | { kind: 'not-an-article' }>): string;
}

export type SaveTabResult = { ok: true; meta: SavedMeta } | { ok: false; message: string };

/**
 * "Save page for later" without a popup: read the tab, save the article (or, for a page that is not an article, the
 * link — the reader asked to keep this page). Without a DOM the HTML is stored as extracted; every page that renders
 * it sanitises first (src/ui/safe-html.ts).
 */
export async function saveTab(deps: SaveTabDeps, tabId: number, tabUrl: string | undefined): Promise<SaveTabResult> {
  try {
    const reading = await deps.readTab(tabId, tabUrl);
    if (reading.kind === 'article') {
      const article = deps.sanitize ? deps.sanitize(reading.article) : reading.article;
      return { ok: true, meta: await deps.saveArticle(article) };
    }
    if (reading.kind === 'not-an-article') {
      const page: NotAnArticle = reading.page;
      return { ok: true, meta: await deps.saveLink({ url: page.canonicalUrl, title: page.title }) };
    }
    return { ok: false, message: deps.describe(reading) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
