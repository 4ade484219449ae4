/**
 * No traffic of our own, in real Chromium and Firefox: every request the extension's pages make while extracting,
 * saving, listing, reading, exporting and importing is recorded (the browser's own request events on each extension
 * page, plus the test server's log). None may go anywhere but the article's own images, and with images turned off
 * in the options, none at all. Figures go to artifacts/reliability/traffic-<browser>.json for the reliability table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { artifactsDir, gotoExt, launchExtensionBrowser, type ExtensionBrowser } from './harness';
import { articlePage } from '../fixtures/xss/article-page';
import { startPageServer, type ServedPage, type TestServer } from '../hardening/browser/servers';
import { openPopupForUrl, popupOutcome } from '../hardening/browser/popup-outcome';

interface Phase { images: 'on' | 'off'; steps: string[]; total: number; unexpected: string[] }

const INTERNAL = /^(?:chrome-extension|moz-extension|blob|data|about):/;

for (const kind of ['chromium', 'firefox'] as const) {
  describe(`traffic of the extension in ${kind}`, () => {
    let site: TestServer;
    let ext: ExtensionBrowser;
    const pages = new Map<string, ServedPage>();
    const phases: Phase[] = [];
    let recorded: string[] = [];
    let savedId = '';

    /** Records every request `page` makes from now on. */
    const watch = (page: Page) => {
      page.on('request', (request) => {
        recorded.push(request.url());
        if (process.env.TRAFFIC_DEBUG) console.log('REQ', page.url(), request.url());
      });
      return page;
    };
    const openPage = async (pagePath: string) => watch(await ext.openExtensionPage(pagePath));
    const articleImage = (url: string) => url.startsWith(`${site.origin}/img/`);

    beforeAll(async () => {
      site = await startPageServer(pages);
      const html = articlePage('<p><img src="/img/body-chart.png" alt="Flood levels since 1990" width="600" height="300"></p>', { origin: '' });
      pages.set('/empty', { contentType: 'text/html; charset=utf-8', body: () => '<!doctype html><title>Empty</title><body></body>' });
      pages.set('/news/flood-defences', { contentType: 'text/html; charset=utf-8', body: () => html });
      ext = await launchExtensionBrowser(kind);
    });

    afterAll(async () => {
      const dir = path.join(artifactsDir, 'reliability');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `traffic-${kind}.json`), JSON.stringify({ browser: kind, phases }, null, 2));
      await ext?.close();
      await site?.stop();
    });

    async function readSaveListReadExportImport(steps: string[], { reader: openReader = true } = {}): Promise<string> {
      const url = site.url('/news/flood-defences');
      const tab = await ext.browser.newPage();
      await tab.goto(url, { waitUntil: 'load' });
      const popup = watch(await openPopupForUrl(ext, tab, url));
      expect((await popupOutcome(popup, Date.now(), 15_000)).kind).toBe('article');
      steps.push('extracting');
      const save = await popup.waitForSelector('button.save:not([disabled])', { timeout: 15_000 });
      if ((await save!.evaluate((b) => b.getAttribute('aria-pressed'))) === 'false') {
        await popup.click('button.save');
        await popup.waitForSelector('button.save[aria-pressed="true"]', { timeout: 15_000 });
      }
      steps.push('saving');
      await popup.click('#tab-saved');
      await popup.waitForSelector('.saved-row[data-id]', { timeout: 15_000 });
      const id = await popup.$eval('.saved-row[data-id]', (row) => row.getAttribute('data-id')!);
      steps.push('listing');
      await popup.close();
      await tab.close();

      if (openReader) await readInReaderTab(id, steps);
      await exportAndImport(steps);
      return id;
    }

    async function readInReaderTab(id: string, steps: string[]): Promise<void> {
      const reader = await openPage('reader.html');
      const readerUrl = `${ext.base}/reader.html?id=${encodeURIComponent(id)}`;
      if (ext.kind === 'firefox') await gotoExt(reader, readerUrl);
      else await reader.goto(readerUrl, { waitUntil: 'load' });
      expect((await popupOutcome(reader, Date.now(), 15_000)).kind).toBe('article');
      await new Promise((resolve) => setTimeout(resolve, 500));
      steps.push('reading');
      await reader.close();
    }

    async function exportAndImport(steps: string[]): Promise<void> {
      const options = await openPage('options.html');
      await options.evaluate(() => {
        const scope = window as unknown as { __downloads: Array<{ name: string; text: string }> };
        scope.__downloads = [];
        HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
          const name = this.download;
          if (name && this.href.startsWith('blob:')) void fetch(this.href).then((r) => r.text()).then((text) => scope.__downloads.push({ name, text }));
        };
      });
      await options.waitForSelector('input[name="export-format"][value="json"]', { timeout: 15_000 });
      await options.click('input[name="export-format"][value="json"]');
      await options.click('#export-button');
      await options.waitForFunction(() => (window as unknown as { __downloads: unknown[] }).__downloads.length > 0, { timeout: 30_000 });
      const download = await options.evaluate(() => (window as unknown as { __downloads: Array<{ name: string; text: string }> }).__downloads[0]!);
      steps.push('exporting');
      const file = path.join(artifactsDir, 'reliability', `traffic-export-${kind}.json`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, download.text);
      const input = (await options.waitForSelector('#import-file')) as ElementHandle<HTMLInputElement> | null;
      await input!.uploadFile(file);
      await options.waitForFunction(() => /merged|added|skipped/.test(document.querySelector('#import-result')?.textContent ?? ''), { timeout: 30_000 });
      steps.push('importing');
      await options.close();
    }

    it('with images on, requests nothing but the article’s own images', async () => {
      recorded = [];
      const steps: string[] = [];
      await readSaveListReadExportImport(steps);
      const unexpected = recorded.filter((url) => !INTERNAL.test(url) && !articleImage(url));
      phases.push({ images: 'on', steps, total: recorded.length, unexpected });
      expect(unexpected).toEqual([]);
    });

    it('with images off, listing, exporting and importing request nothing outside the extension', async () => {
      const options = await openPage('options.html');
      await options.waitForSelector('label.bs-opt-toggle input[type="checkbox"]', { timeout: 15_000 });
      const turnedOff = await options.evaluate(() => {
        const toggles = [...document.querySelectorAll('label.bs-opt-toggle')].filter((label) => /image/i.test(label.textContent ?? ''));
        for (const label of toggles) {
          const box = label.querySelector('input[type="checkbox"]') as HTMLInputElement;
          if (box.checked) box.click();
        }
        return toggles.length;
      });
      expect(turnedOff).toBeGreaterThanOrEqual(1);
      await options.waitForFunction(() => document.documentElement.dataset['showImages'] === 'false', { timeout: 15_000 });
      // The options page writes a change after a short pause; let it land before the tab goes, so later pages see it.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await options.close();

      recorded = [];
      const steps: string[] = [];
      // The popup opened on a page with no article (nothing to render), then the saved list, then export and import.
      const blank = await ext.browser.newPage();
      await blank.goto(site.url('/empty'), { waitUntil: 'load' });
      const popup = watch(await openPopupForUrl(ext, blank, site.url('/empty')));
      await popupOutcome(popup, Date.now(), 15_000);
      await popup.click('#tab-saved');
      await popup.waitForSelector('.saved-row[data-id]', { timeout: 15_000 });
      await new Promise((resolve) => setTimeout(resolve, 500));
      steps.push('listing');
      await popup.close();
      await blank.close();
      await exportAndImport(steps);
      const fromExtensionPages = recorded.filter((url) => !INTERNAL.test(url));
      phases.push({ images: 'off', steps, total: recorded.length, unexpected: fromExtensionPages });
      expect(fromExtensionPages).toEqual([]);
    });

    // Runs after the test above, which turned images off: ArticleView then leaves every <img> out of the sanitised
    // HTML and shows no lead image, so rendering fetches nothing.
    it('with images off, extracting, saving, listing, reading, exporting and importing request nothing at all', async () => {
      recorded = [];
      const steps: string[] = [];
      await readSaveListReadExportImport(steps);
      const fromExtensionPages = recorded.filter((url) => !INTERNAL.test(url));
      phases.push({ images: 'off', steps, total: recorded.length, unexpected: fromExtensionPages });
      expect(steps).toEqual(['extracting', 'saving', 'listing', 'reading', 'exporting', 'importing']);
      expect(fromExtensionPages).toEqual([]);
    });
  });
}
