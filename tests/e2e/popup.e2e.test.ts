/**
 * The popup in real browsers with the built extension: the clean view of the seed article, save, the saved list,
 * reading a saved article with the fixture server stopped (storage only), read/unread, remove and undo, and the
 * not-an-article and restricted states. Chromium opens the popup with a real toolbar click; Firefox through `?tab=`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchExtensionBrowser, screenshot, startFixtureServer, textOf, waitForPage, type ExtensionBrowser, type FixtureServer } from './harness';

const SEED = 'devdiscourse-north-korea-ukraine.html';
const HEADLINE = "North Korea's Alleged Role in Ukraine: Intercontinental Tensions Rise";
const BODY_PARAGRAPH_STARTS = [
  'In a recent address to parliament, Ukrainian President Volodymyr Zelenskiy asserted',
  "Zelenskiy's allegations, which the Kremlin dismisses as 'fake news,'",
  "On the international front, U.S. officials, including White House spokesperson Sean Savett",
  '(With inputs from agencies.)',
];

async function bodyParagraphs(page: Page): Promise<string[]> {
  return page.$$eval('.bs-article__body p', (paragraphs) => paragraphs.map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim()));
}

async function expectSeedArticle(page: Page): Promise<void> {
  expect(await textOf(page, '.bs-article h1')).toBe(HEADLINE);
  expect(await textOf(page, '.bs-dateline__byline')).toBe('Devdiscourse News Desk');
  const times = await page.$$eval('.bs-dateline time', (nodes) => nodes.map((node) => ({ text: node.textContent ?? '', title: node.getAttribute('title') ?? '' })));
  expect(times.length).toBeGreaterThanOrEqual(1);
  // Shown in the reader's locale (en-US) and timezone (UTC); the exact ISO time is on hover.
  expect(times[0]!.text).toMatch(/Oct 16, 2024/);
  expect(times[0]!.title).toMatch(/^2024-10-16T/);
  const paragraphs = await bodyParagraphs(page);
  for (const start of BODY_PARAGRAPH_STARTS) expect(paragraphs.some((p) => p.startsWith(start)), start).toBe(true);
  const bodyText = await page.$eval('.bs-article', (node) => node.textContent ?? '');
  expect(bodyText).not.toContain('TRENDING');
}

async function waitForPressed(page: Page, selector: string, pressed: boolean): Promise<void> {
  await page.waitForSelector(`${selector}[aria-pressed="${pressed}"]:not([disabled])`, { timeout: 15_000 });
}

async function rowState(page: Page, title: string): Promise<'unread' | 'read' | 'absent'> {
  return page.evaluate((wanted) => {
    const row = [...document.querySelectorAll('.saved-row')].find((node) => node.querySelector('.saved-row__title')?.textContent?.includes(wanted));
    if (!row) return 'absent';
    return row.classList.contains('saved-row--unread') ? 'unread' : 'read';
  }, title);
}

async function waitForRow(page: Page, title: string, state: 'unread' | 'read' | 'absent'): Promise<void> {
  await page.waitForFunction(
    (wanted, expected) => {
      const row = [...document.querySelectorAll('.saved-row')].find((node) => node.querySelector('.saved-row__title')?.textContent?.includes(wanted));
      const actual = !row ? 'absent' : row.classList.contains('saved-row--unread') ? 'unread' : 'read';
      return actual === expected;
    },
    { timeout: 15_000, polling: 50 },
    title,
    state,
  );
}

async function clickByText(page: Page, selector: string, text: string): Promise<void> {
  await page.waitForFunction(
    (sel, wanted) => [...document.querySelectorAll(sel)].some((node) => node.textContent?.includes(wanted)),
    { timeout: 15_000, polling: 50 },
    selector,
    text,
  );
  await page.evaluate(
    (sel, wanted) => ([...document.querySelectorAll(sel)].find((node) => node.textContent?.includes(wanted)) as HTMLElement).click(),
    selector,
    text,
  );
}

for (const kind of ['chromium', 'firefox'] as const) {
  describe(`popup in ${kind}`, () => {
    let server: FixtureServer;
    let ext: ExtensionBrowser;

    beforeAll(async () => {
      server = await startFixtureServer();
      ext = await launchExtensionBrowser(kind);
    });

    afterAll(async () => {
      await ext?.close();
      await server?.stop();
    });

    it('shows the clean seed article, saves it, lists it and reads it back from storage with the server stopped', async () => {
      const [tab] = await ext.browser.pages();
      await tab!.goto(server.url(SEED));

      let popup = await ext.openPopup(tab!);
      await expectSeedArticle(popup);
      const siteName = await textOf(popup, '.bs-article__site');
      expect(siteName.toLowerCase()).toContain('devdiscourse');
      // Links in the article leave the popup for a new tab.
      const linkTargets = await popup.$$eval('.bs-article a[href]', (links) => links.map((link) => link.getAttribute('target')));
      expect(linkTargets.every((target) => target === '_blank')).toBe(true);
      await screenshot(popup, `popup-article-${kind}`);

      await waitForPressed(popup, 'button.save', false);
      await popup.click('button.save');
      await waitForPressed(popup, 'button.save', true);
      expect(await textOf(popup, 'button.save')).toContain('Saved');
      await popup.close();

      popup = await ext.openPopup(tab!);
      await waitForPressed(popup, 'button.save', true);
      expect(await textOf(popup, 'button.save')).toContain('Saved');

      await popup.click('#tab-saved');
      await waitForRow(popup, HEADLINE, 'unread');
      expect(await textOf(popup, '.saved__summary')).toContain('1 saved');
      const rowMeta = await textOf(popup, '.saved-row__meta');
      expect(rowMeta).toMatch(/Oct 16, 2024/);
      expect(rowMeta).toMatch(/min read/);
      await screenshot(popup, `popup-saved-list-${kind}`);

      await server.stop();
      await popup.click('.saved-row__title');
      await expectSeedArticle(popup);
      await screenshot(popup, `popup-saved-article-${kind}`);

      // Opening marks it read (the default preference); the reader can turn that back and forth.
      await clickByText(popup, '.stored__read', 'Mark unread');
      await clickByText(popup, '.stored__read', 'Mark read');
      await popup.waitForFunction(() => document.querySelector('.stored__read')?.textContent?.includes('Mark unread'), { timeout: 15_000 });
      await popup.click('.subbar__back');
      await waitForRow(popup, HEADLINE, 'read');

      await clickByText(popup, '.saved-row__read', 'Mark unread');
      await waitForRow(popup, HEADLINE, 'unread');
      await clickByText(popup, '.saved-row__read', 'Mark read');
      await waitForRow(popup, HEADLINE, 'read');

      await popup.click('.saved-row__remove');
      await waitForRow(popup, HEADLINE, 'absent');
      expect(await textOf(popup, '.toast')).toContain(HEADLINE);
      await popup.click('.toast__undo');
      await waitForRow(popup, HEADLINE, 'read');
      expect(await rowState(popup, HEADLINE)).toBe('read');
      await screenshot(popup, `popup-saved-list-after-undo-${kind}`);
      await popup.close();
    });

    it('opens the clean view in a full tab, read live from the tab and, once saved, from storage', async () => {
      const local = await startFixtureServer();
      try {
        const tab = await ext.browser.newPage();
        // This copy has no canonical link, so it is a different, unsaved article.
        await tab.goto(local.url('devdiscourse-north-korea-ukraine.no-metadata.html'));
        let popup = await ext.openPopup(tab);
        await waitForPressed(popup, 'button.save', false);
        await popup.click('button.open-tab');
        const live = await waitForPage(ext, `${ext.base}/reader.html?tab=`);
        expect(await textOf(live, '.bs-article h1')).toContain('North Korea');
        expect((await bodyParagraphs(live)).some((p) => p.startsWith(BODY_PARAGRAPH_STARTS[0]!))).toBe(true);
        if (kind === 'chromium') await live.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
        await screenshot(live, `reader-live-${kind}`);
        await live.close();
        if (!popup.isClosed()) await popup.close().catch(() => {});

        popup = await ext.openPopup(tab);
        await waitForPressed(popup, 'button.save', false);
        await popup.click('button.save');
        await waitForPressed(popup, 'button.save', true);
        await popup.click('button.open-tab');
        const stored = await waitForPage(ext, `${ext.base}/reader.html?id=`);
        expect(await textOf(stored, '.bs-article h1')).toContain('North Korea');
        expect((await bodyParagraphs(stored)).some((p) => p.startsWith(BODY_PARAGRAPH_STARTS[1]!))).toBe(true);
        await stored.close();
        if (!popup.isClosed()) await popup.close().catch(() => {});
        await tab.close();
      } finally {
        await local.stop();
      }
    });

    it('says when a page is not an article and can keep it as a link', async () => {
      const local = await startFixtureServer();
      try {
        const tab = await ext.browser.newPage();
        await tab.goto(local.url('not-an-article.html'));
        const popup = await ext.openPopup(tab);
        expect(await textOf(popup, '.bs-status__title')).toBe("This page doesn't look like an article");
        await screenshot(popup, `popup-not-an-article-${kind}`);
        await clickByText(popup, '.bs-status button', 'Save link anyway');
        await popup.waitForFunction(() => document.querySelector('.bs-status button')?.textContent?.includes('Link saved'), { timeout: 15_000 });
        await popup.click('#tab-saved');
        await popup.waitForFunction(
          () => [...document.querySelectorAll('.saved-row')].some((row) => row.textContent?.includes('Sign in — Harbour Town Council') && row.textContent.includes('Link only')),
          { timeout: 15_000 },
        );
        await popup.close();
        await tab.close();
      } finally {
        await local.stop();
      }
    });

    it('explains a page the browser does not let extensions read', async () => {
      const tab = await ext.browser.newPage();
      // Chromium: a browser page; Firefox: about: pages are closed to extensions as well.
      await tab.goto(kind === 'chromium' ? 'chrome://version' : 'about:blank');
      const popup = await ext.openPopup(tab);
      expect(await textOf(popup, '.bs-status__title')).toBe("Broadsheet can't read this page");
      const explanation = await textOf(popup, '.bs-status p');
      expect(explanation.length).toBeGreaterThan(20);
      await screenshot(popup, `popup-restricted-${kind}`);
      await popup.close();
      await tab.close();
    });
  });
}
