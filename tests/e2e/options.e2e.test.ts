/**
 * The options page in real Chromium and Firefox with the built extension: live preferences reaching an open reader
 * tab, the library manager (search, bulk delete, undo), export → delete all → import, a corrupt file refused, and a
 * Pocket CSV imported as links.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { strFromU8, unzipSync } from 'fflate';
import type { SavedArticle } from '../../src/storage/types';
import { launchExtensionBrowser, repoRoot, screenshot, startFixtureServer, textOf, type ExtensionBrowser, type FixtureServer } from './harness';

interface FixtureArticle {
  path: string;
  title: string;
  byline: string;
  site: string;
  published: string;
  paragraphs: string[];
}

/** A word that appears in the body of one article only, never in a title, site or byline. */
const BODY_ONLY_WORD = 'quillwort';

const ARTICLES: FixtureArticle[] = [
  {
    path: '/news/harbour-ferry.html',
    title: 'Harbour ferry returns after a winter of repairs',
    byline: 'Mara Lindqvist',
    site: 'The Coastal Courier',
    published: '2026-03-14T08:30:00+00:00',
    paragraphs: [
      'The little green ferry that links the old town to the island was back on the water this morning, four months after a storm tore away its landing ramp and flooded the engine room.',
      'Commuters who had spent the winter on a forty-minute bus detour cheered as the first crossing of the day tied up at the quay, where a baker handed out warm rolls to the crew.',
      'The operator said it would now sail every twenty minutes at peak times, and that the new ramp sits half a metre higher to keep spring tides off the deck.',
      'Tickets bought before the closure remain valid until the end of the year, and season passes have been extended by the four months the service was suspended.',
      'The council said the repairs came in under budget and that the savings would pay for a covered waiting area on the island side by the summer.',
    ],
  },
  {
    path: '/science/lake-survey.html',
    title: 'Volunteers map the rare plants of the upland lakes',
    byline: 'Tomasz Ruiz',
    site: 'Field Notes Daily',
    published: '2026-05-02T10:00:00+02:00',
    paragraphs: [
      'A team of forty volunteers spent the weekend wading through cold shallow water to count the plants that grow on the floors of three upland lakes.',
      `Their most exciting find was a colony of ${BODY_ONLY_WORD}, a small aquatic plant that botanists had feared was lost from the region after years of nutrient run-off.`,
      'The survey leader said clear water and sandy beds were the reason the plants had survived, and urged farmers upstream to keep their buffer strips in place.',
      'Records from the weekend will be added to the national plant atlas, where they will help decide which lakes receive protection under the new wetlands plan.',
      'Another survey is planned for the autumn, when the water is lower and the team hopes to reach the deeper beds on the far shore.',
    ],
  },
  {
    path: '/business/market-hall.html',
    title: 'Market hall reopens with forty new stalls',
    byline: 'Jun Park',
    site: 'City Ledger',
    published: '2026-06-20T07:15:00-04:00',
    paragraphs: [
      'The Victorian market hall on the high street reopened on Saturday after an eighteen-month restoration that replaced its leaking glass roof and rotten timber frames.',
      'Forty new traders have taken stalls, from a cheesemonger and a bicycle repairer to a stall that sells nothing but buttons, and rents are capped for the first two years.',
      'Shoppers queued before the doors opened, and several traders had sold out of their stock by early afternoon, according to the market manager.',
      'The restoration was paid for by a heritage grant and a loan from the city, which expects rents and a rise in footfall on the high street to repay it within a decade.',
      'Late opening on Thursdays, with street food and live music, starts next month and will run until the end of September.',
    ],
  },
];

function newsPage(article: FixtureArticle): string {
  const date = article.published.slice(0, 10);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>${article.title} | ${article.site}</title>
<meta property="og:title" content="${article.title}">
<meta property="og:site_name" content="${article.site}">
<meta name="author" content="${article.byline}">
<meta property="article:published_time" content="${article.published}">
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article>
<h1>${article.title}</h1>
<p class="byline">By <a rel="author" href="/authors/x">${article.byline}</a> · <time datetime="${article.published}">${date}</time></p>
${article.paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n')}
</article></main>
<footer><p>© ${article.site}. All rights reserved.</p></footer>
</body></html>`;
}

const rowTitles = (page: Page) =>
  page.$$eval('.bs-opt-table tbody tr[aria-rowindex] .bs-opt-table__title a', (links) => links.map((link) => link.textContent ?? ''));

async function waitForRowCount(page: Page, count: number): Promise<void> {
  await page.waitForFunction((expected) => document.querySelectorAll('.bs-opt-table tbody tr[aria-rowindex]').length === expected, { timeout: 20_000, polling: 100 }, count);
}

async function waitForText(page: Page, selector: string, pattern: RegExp): Promise<string> {
  await page.waitForFunction(
    (sel, source, flags) => new RegExp(source, flags).test(document.querySelector(sel)?.textContent ?? ''),
    { timeout: 20_000, polling: 100 },
    selector,
    pattern.source,
    pattern.flags,
  );
  return textOf(page, selector);
}

/**
 * Downloads go through a blob link's click(); the page keeps the real click and also hands the test the file's text,
 * so the exported bytes are checked without depending on each browser's download shelf.
 */
async function captureDownloads(page: Page): Promise<void> {
  await page.evaluate(() => {
    const scope = window as unknown as { __downloads: Array<{ name: string; text: string; base64: string }> };
    scope.__downloads = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.download && this.href.startsWith('blob:')) {
        const name = this.download;
        void fetch(this.href)
          .then((response) => response.arrayBuffer())
          .then((buffer) => {
            const bytes = new Uint8Array(buffer);
            let binary = '';
            for (const byte of bytes) binary += String.fromCharCode(byte);
            scope.__downloads.push({ name, text: new TextDecoder().decode(bytes), base64: btoa(binary) });
          });
        return;
      }
      click.call(this);
    };
  });
}

interface Download {
  name: string;
  text: string;
  base64: string;
}

async function exportAs(page: Page, format: 'json' | 'markdown-zip' | 'markdown' | 'html'): Promise<Download> {
  const before = await page.evaluate(() => (window as unknown as { __downloads: unknown[] }).__downloads.length);
  await page.click(`input[name="export-format"][value="${format}"]`);
  await page.click('input[name="export-scope"][value="all"]');
  await page.click('#export-button');
  await page.waitForFunction((count) => (window as unknown as { __downloads: unknown[] }).__downloads.length > count, { timeout: 20_000 }, before);
  return page.evaluate(() => (window as unknown as { __downloads: Download[] }).__downloads.at(-1)!);
}

const exportJson = (page: Page) => exportAs(page, 'json');

const byId = (articles: SavedArticle[]) => [...articles].sort((a, b) => a.id.localeCompare(b.id));

async function uploadImport(page: Page, file: string): Promise<void> {
  await page.evaluate(() => {
    const result = document.querySelector('#import-result');
    if (result) result.textContent = '';
  });
  const input = (await page.waitForSelector('#import-file')) as ElementHandle<HTMLInputElement> | null;
  await input!.uploadFile(file);
}

for (const kind of ['chromium', 'firefox'] as const) {
  describe(`options page in ${kind}`, () => {
    let server: FixtureServer;
    let ext: ExtensionBrowser;
    let options: Page;
    let tmp: string;
    let exported: SavedArticle[] = [];

    beforeAll(async () => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-options-'));
      server = await startFixtureServer({ pages: Object.fromEntries(ARTICLES.map((article) => [article.path, newsPage(article)])) });
      ext = await launchExtensionBrowser(kind);
      // Save the three articles the way a reader does: open the page, open the popup, press Save.
      const [tab] = await ext.browser.pages();
      for (const article of ARTICLES) {
        await tab!.goto(server.url(article.path));
        const popup = await ext.openPopup(tab!);
        await popup.waitForSelector('button.save:not([disabled])', { timeout: 20_000 });
        await popup.click('button.save');
        await popup.waitForSelector('button.save[aria-pressed="true"]', { timeout: 20_000 });
        await popup.close();
      }
      options = await ext.openExtensionPage('options.html');
      await options.setViewport({ width: 1280, height: 900 });
      await captureDownloads(options);
    });

    afterAll(async () => {
      await ext?.close();
      await server?.stop();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('lists the saved articles and has no unlabelled control', async () => {
      await waitForRowCount(options, 3);
      expect((await rowTitles(options)).sort()).toEqual(ARTICLES.map((article) => article.title).sort());
      await waitForText(options, '#storage-count', /^3$/);
      const unlabelled = await options.evaluate(() =>
        [...document.querySelectorAll('input, select, button')]
          .filter((control) => {
            const element = control as HTMLInputElement;
            if (element.type === 'hidden') return false;
            const named = element.labels?.length || element.getAttribute('aria-label') || element.getAttribute('aria-labelledby') || element.textContent?.trim();
            return !named;
          })
          .map((control) => control.outerHTML.slice(0, 80)),
      );
      expect(unlabelled).toEqual([]);
      // axe-core over the whole page: labels, roles, contrast in the default theme.
      await options.evaluate(fs.readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8'));
      const violations = await options.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
        const { violations } = await axe.run(document);
        return violations.map((violation) => `${violation.impact} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      });
      expect(violations).toEqual([]);
      await screenshot(options, `options-${kind}`, { fullPage: true });
    });

    it('applies a theme and font size chosen here to an open reader tab without reloading it', async () => {
      const href = await options.$eval('.bs-opt-table__title a', (link) => (link as HTMLAnchorElement).getAttribute('href')!);
      const reader = await ext.openExtensionPage(href);
      await reader.waitForSelector('.bs-article', { timeout: 20_000 });
      await reader.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
      const before = await reader.evaluate(() => ({ theme: document.documentElement.dataset.theme, size: getComputedStyle(document.querySelector('.bs-article')!).fontSize }));
      expect(before.theme).not.toBe('dark');

      await options.bringToFront();
      await options.click('input[name="theme"][value="dark"]');
      // The slider by keyboard, as a reader without a mouse would: four steps of 1 px up from the default 18 px.
      await options.focus('#pref-fontSize');
      for (let step = 0; step < 4; step++) await options.keyboard.press('ArrowRight');
      expect(await textOf(options, 'output[for="pref-fontSize"]')).toBe('22 px');
      expect(await options.evaluate(() => getComputedStyle(document.querySelector('.bs-opt-preview .bs-article')!).fontSize)).toBe('22px');

      await reader.waitForFunction(
        () => document.documentElement.dataset.theme === 'dark' && getComputedStyle(document.querySelector('.bs-article')!).fontSize === '22px',
        { timeout: 20_000, polling: 100 },
      );
      expect(await reader.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
      await screenshot(options, `options-${kind}-dark`, { fullPage: false });
      await reader.close();
    });

    it('finds an article by a word only in its body, bulk-deletes two, and undoes it', async () => {
      await options.bringToFront();
      await options.type('#library-search', BODY_ONLY_WORD);
      await options.waitForFunction(
        (title) => {
          const rows = [...document.querySelectorAll('.bs-opt-table tbody tr[aria-rowindex] .bs-opt-table__title a')];
          return rows.length === 1 && rows[0]!.textContent === title;
        },
        { timeout: 20_000, polling: 100 },
        ARTICLES[1]!.title,
      );
      await options.click('#library-search', { count: 3 });
      await options.keyboard.press('Backspace');
      await waitForRowCount(options, 3);

      for (const article of [ARTICLES[0]!, ARTICLES[2]!]) {
        await options.click(`input[aria-label="Select “${article.title}”"]`);
      }
      await waitForText(options, '.bs-opt-bulk__count', /2 selected/);
      await options.click('.bs-opt-bulk .bs-button--danger');
      await waitForRowCount(options, 1);
      expect(await rowTitles(options)).toEqual([ARTICLES[1]!.title]);
      await waitForText(options, '.bs-opt-notice', /2 deleted/);

      const undo = await options.waitForSelector('.bs-opt-notice button');
      await undo!.click();
      await waitForRowCount(options, 3);
      expect((await rowTitles(options)).sort()).toEqual(ARTICLES.map((article) => article.title).sort());
    });

    it('marks a selected article read, and undo makes it unread again', async () => {
      const title = ARTICLES[1]!.title;
      const statusOf = () =>
        options.evaluate((wanted) => {
          const row = [...document.querySelectorAll('.bs-opt-table tbody tr[aria-rowindex]')].find((tr) => tr.querySelector('.bs-opt-table__title a')?.textContent === wanted);
          return row?.querySelector('.bs-opt-badge')?.textContent ?? null;
        }, title);
      expect(await statusOf()).toBe('Unread');
      await options.click(`input[aria-label="Select “${title}”"]`);
      const [markRead] = await options.$$('.bs-opt-bulk .bs-button');
      await markRead!.click();
      await waitForText(options, '.bs-opt-notice', /1 marked as read/);
      await options.waitForFunction((wanted) => [...document.querySelectorAll('tr[aria-rowindex]')].some((tr) => tr.textContent?.includes(wanted) && tr.querySelector('.bs-opt-badge')?.textContent === 'Read'), { timeout: 20_000 }, title);
      await (await options.waitForSelector('.bs-opt-notice button'))!.click();
      await options.waitForFunction((wanted) => [...document.querySelectorAll('tr[aria-rowindex]')].some((tr) => tr.textContent?.includes(wanted) && tr.querySelector('.bs-opt-badge')?.textContent === 'Unread'), { timeout: 20_000 }, title);
      await options.click('.bs-opt-bulk .bs-link-button');
      await waitForText(options, '.bs-opt-bulk__count', /^0 selected$/);
    });

    it('exports Markdown (a zip of one file per article, or one file) and a standalone HTML page without script', async () => {
      const zip = await exportAs(options, 'markdown-zip');
      expect(zip.name).toMatch(/\.zip$/);
      const files = unzipSync(new Uint8Array(Buffer.from(zip.base64, 'base64')));
      expect(Object.keys(files)).toHaveLength(3);
      const lake = strFromU8(Object.entries(files).find(([name]) => name.includes('rare-plants'))![1]);
      expect(lake).toContain('# Volunteers map the rare plants of the upland lakes');
      expect(lake).toContain(`colony of ${BODY_ONLY_WORD}`);
      expect(lake).not.toMatch(/<p>/);

      const combined = await exportAs(options, 'markdown');
      expect(combined.name).toMatch(/\.md$/);
      expect(combined.text.match(/^# /gm)).toHaveLength(3);

      const html = await exportAs(options, 'html');
      expect(html.name).toMatch(/\.html$/);
      expect(html.text).toContain('http-equiv="Content-Security-Policy"');
      expect(html.text).not.toMatch(/<script|\son\w+=/i);
      for (const article of ARTICLES) expect(html.text).toContain(article.title);
    });

    it('exports JSON, deletes everything, and imports the file back exactly', async () => {
      const download = await exportJson(options);
      expect(download.name).toMatch(/^broadsheet-\d{4}-\d{2}-\d{2}\.json$/);
      const file = JSON.parse(download.text) as { format: string; version: number; articles: SavedArticle[] };
      expect(file).toMatchObject({ format: 'broadsheet-library', version: 1 });
      expect(file.articles).toHaveLength(3);
      expect(file.articles.every((article) => article.contentSaved && article.textContent.length > 200)).toBe(true);
      exported = byId(file.articles);
      const backup = path.join(tmp, download.name);
      fs.writeFileSync(backup, download.text);

      await options.click('.bs-opt-storage .bs-button--danger');
      await options.waitForSelector('#delete-all-confirm');
      expect(await options.$eval('.bs-opt-confirm button[type="submit"]', (button) => (button as HTMLButtonElement).disabled)).toBe(true);
      await options.type('#delete-all-confirm', 'DELETE');
      await options.click('.bs-opt-confirm button[type="submit"]');
      await waitForText(options, '#storage-count', /^0$/);
      await waitForRowCount(options, 0);

      await uploadImport(options, backup);
      await waitForText(options, '#import-result', /3 added, 0 merged.*0 skipped/);
      await waitForRowCount(options, 3);
      const again = JSON.parse((await exportJson(options)).text) as { articles: SavedArticle[] };
      expect(byId(again.articles)).toEqual(exported);
    });

    it('refuses a corrupt file with a message and leaves the library unchanged', async () => {
      const backup = JSON.stringify({ format: 'broadsheet-library', version: 1, exportedAt: new Date().toISOString(), articles: exported });
      const corrupt = path.join(tmp, 'broadsheet-corrupt.json');
      fs.writeFileSync(corrupt, backup.slice(0, Math.floor(backup.length / 2)));
      await uploadImport(options, corrupt);
      const message = await waitForText(options, '#import-result [role="alert"]', /cut short.*Nothing was imported/);
      expect(message.length).toBeGreaterThan(20);
      await screenshot(options, `options-${kind}-import-error`);
      const after = JSON.parse((await exportJson(options)).text) as { articles: SavedArticle[] };
      expect(byId(after.articles)).toEqual(exported);
    });

    it('imports a Pocket CSV as saved links and lists them', async () => {
      await uploadImport(options, path.join(repoRoot, 'tests/fixtures/imports/pocket.csv'));
      await waitForText(options, '#import-result', /5 added, 0 merged/);
      await waitForRowCount(options, 8);
      const titles = await rowTitles(options);
      expect(titles).toEqual(expect.arrayContaining(['Deep-sea mining: countries call for a moratorium', 'A look at the 6.12 merge window']));
      const linkOnly = await options.$$eval('.bs-opt-badge--link', (badges) => badges.length);
      expect(linkOnly).toBe(5);
      await options.evaluate(() => document.querySelector('#library')?.scrollIntoView());
      await screenshot(options, `options-${kind}-pocket`);
    });
  });
}
