import type { Browser } from 'webextension-polyfill';
import type { Article, NotAnArticle } from '../extract/types';
import type { TooLargeReason } from './page-guards';
import { restrictionForError, restrictionForUrl, type Restriction } from './restricted';

/** What reading one tab gave: the article is NOT sanitised yet (see src/ui/safe-html.ts). */
export type TabReading =
  | { kind: 'article'; article: Article }
  | { kind: 'not-an-article'; page: NotAnArticle }
  | { kind: 'restricted'; restriction: Restriction }
  /** Past the content script's limits (src/content/page-guards.ts): a message of its own, not an error to retry. */
  | { kind: 'too-large'; reason: TooLargeReason }
  | { kind: 'error'; message: string };

const TOO_LARGE_REASONS: readonly unknown[] = ['text', 'elements', 'depth'] satisfies TooLargeReason[];

/** The file the build emits from src/content/extract-page.ts. */
export const CONTENT_SCRIPT_FILE = 'content.js';

type ScriptingApi = Pick<Browser, 'scripting'>;

/**
 * Injects the extraction script into `tabId` and returns what it found. Needs only the activeTab grant (toolbar
 * click, shortcut or context menu) — or, in the e2e test build, the test host permission.
 * `tabUrl` is the tab's URL when the caller can see it (activeTab exposes it); it lets a restricted page be
 * recognised without trying, and names the restriction when the browser refuses.
 */
export async function readTab(api: ScriptingApi, tabId: number, tabUrl: string | undefined): Promise<TabReading> {
  const restriction = restrictionForUrl(tabUrl);
  if (restriction) return { kind: 'restricted', restriction };
  let results: Array<{ result?: unknown }>;
  try {
    // injectImmediately: by default the browser waits for the page to finish loading, and a page that never does
    // (a held-open response, an endless stream) would leave the popup waiting forever; read what has arrived instead.
    results = await api.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE], injectImmediately: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const denied = restrictionForError(message, tabUrl);
    return denied ? { kind: 'restricted', restriction: denied } : { kind: 'error', message };
  }
  return readingFromResult(results[0]?.result);
}

/** Checks the shape of what came back from the page before the UI relies on it. */
export function readingFromResult(result: unknown): TabReading {
  if (!isRecord(result)) {
    return { kind: 'error', message: 'The page did not answer. It may still be loading: try again in a moment.' };
  }
  if (result['kind'] === 'error') {
    return { kind: 'error', message: typeof result['message'] === 'string' ? result['message'] : 'Reading the page failed.' };
  }
  if (result['kind'] === 'too-large' && TOO_LARGE_REASONS.includes(result['reason'])) {
    return { kind: 'too-large', reason: result['reason'] as TooLargeReason };
  }
  // The content script found the host page of Chromium's PDF viewer.
  if (result['kind'] === 'restricted' && result['restriction'] === 'pdf') return { kind: 'restricted', restriction: 'pdf' };
  if (result['kind'] === 'not-an-article' && typeof result['url'] === 'string') {
    return {
      kind: 'not-an-article',
      page: {
        kind: 'not-an-article',
        url: result['url'],
        canonicalUrl: typeof result['canonicalUrl'] === 'string' ? result['canonicalUrl'] : result['url'],
        title: typeof result['title'] === 'string' ? result['title'] : result['url'],
      },
    };
  }
  if (result['kind'] === 'article' && isArticle(result)) {
    const { kind: _kind, ...article } = result as unknown as Article & { kind: 'article' };
    return { kind: 'article', article };
  }
  return { kind: 'error', message: 'The page gave an answer Broadsheet does not understand.' };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const nullableString = (value: unknown): boolean => value === null || typeof value === 'string';

function isArticle(value: Record<string, unknown>): boolean {
  return (
    typeof value['url'] === 'string' &&
    typeof value['canonicalUrl'] === 'string' &&
    typeof value['title'] === 'string' &&
    typeof value['contentHtml'] === 'string' &&
    typeof value['textContent'] === 'string' &&
    typeof value['wordCount'] === 'number' &&
    typeof value['readingMinutes'] === 'number' &&
    ['byline', 'siteName', 'published', 'modified', 'lang', 'excerpt'].every((key) => nullableString(value[key])) &&
    (value['dir'] === null || value['dir'] === 'ltr' || value['dir'] === 'rtl') &&
    (value['leadImage'] === null || (isRecord(value['leadImage']) && typeof value['leadImage']['src'] === 'string'))
  );
}
