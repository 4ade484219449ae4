import type { Page } from 'puppeteer-core';
import { gotoExt, type ExtensionBrowser } from '../../e2e/harness';

/** What the popup settled on: the clean article (its headline) or a status message (its title and text). */
export type PopupOutcome =
  | { kind: 'article'; headline: string; bodyText: string; ms: number }
  | { kind: 'message'; title: string; text: string; ms: number }
  | { kind: 'nothing'; ms: number; html: string };

/**
 * Waits up to `budgetMs` for the popup to show either the article or a message, and says which and when. A popup still
 * loading or blank at the deadline is `nothing`, with its markup for the failure report.
 */
export async function popupOutcome(popup: Page, openedAt: number, budgetMs: number): Promise<PopupOutcome> {
  const deadline = openedAt + budgetMs;
  while (Date.now() < deadline) {
    const seen = await popup
      .evaluate(() => {
        const headline = document.querySelector('#panel-article .bs-article h1, .bs-article h1');
        if (headline?.textContent?.trim()) {
          return { kind: 'article' as const, headline: headline.textContent.trim(), bodyText: document.querySelector('.bs-article__body')?.textContent ?? '' };
        }
        const status = document.querySelector('.bs-status');
        const title = status?.querySelector('.bs-status__title')?.textContent?.trim();
        if (status && title) {
          const parts = [...status.children].map((child) => (child.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
          return { kind: 'message' as const, title, text: parts.join(' — ') };
        }
        return null;
      })
      .catch(() => null);
    if (seen) return { ...seen, ms: Date.now() - openedAt };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const html = await popup.evaluate(() => document.body?.innerHTML.slice(0, 500) ?? '').catch(() => '(popup gone)');
  return { kind: 'nothing', ms: Date.now() - openedAt, html };
}

/**
 * Opens the popup for the tab showing `url`. The harness finds a Firefox tab by puppeteer's idea of its URL, which
 * stays at about:blank while a page is still loading; here the tab is looked up by the URL the browser reports.
 */
export async function openPopupForUrl(ext: ExtensionBrowser, tab: Page, url: string): Promise<Page> {
  if (ext.kind === 'chromium') return ext.openPopup(tab);
  const probe = await ext.openExtensionPage('reader.html');
  const tabId = await probe.evaluate(async (wanted) => {
    const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } } }).browser;
    return (await api.tabs.query({})).find((candidate) => candidate.url === wanted)?.id ?? null;
  }, url);
  if (tabId === null) throw new Error(`Firefox: no tab shows ${url}`);
  await probe.setViewport({ width: 460, height: 580 });
  await gotoExt(probe, `${ext.base}/popup.html?tab=${tabId}`);
  return probe;
}
