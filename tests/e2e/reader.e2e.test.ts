/**
 * The reader tab in real Chromium and Firefox with the built extension: opened from the popup on the seed article,
 * its toolbar and keys (size changes the computed font size, t the theme, s saves into the library, ? lists the keys,
 * j/k scroll), mark read on the saved entry, the print stylesheet, and axe on the reader with its toolbar in the light
 * and the dark theme. Chromium's run writes docs/screenshots/reader.png for the README.
 *
 * Print: Chromium emulates print media (CDP). puppeteer-core's Firefox (WebDriver BiDi) has no media-type emulation,
 * so there the test takes the rules of the page's own `@media print` blocks from the CSSOM, applies them to the
 * screen in an adopted stylesheet, and checks the same outcome: no toolbar, no buttons, dateline and URL shown.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from './axe';
import { launchExtensionBrowser, repoRoot, screenshot, startFixtureServer, textOf, waitForPage, type ExtensionBrowser, type FixtureServer } from './harness';

const SEED = 'devdiscourse-north-korea-ukraine.html';
const HEADLINE = "North Korea's Alleged Role in Ukraine: Intercontinental Tensions Rise";
const README_SCREENSHOT = path.join(repoRoot, 'docs/screenshots/reader.png');

interface StoredMeta {
  id: string;
  url: string;
  title: string;
  readAt: number | null;
}

/** The saved entries as the library stores them (IndexedDB `meta`), read in an extension page. */
async function storedMetas(page: Page): Promise<StoredMeta[]> {
  return page.evaluate(
    () =>
      new Promise<StoredMeta[]>((resolve, reject) => {
        const open = indexedDB.open('broadsheet-library');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('meta').objectStore('meta').getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            db.close();
            resolve(
              (request.result as Array<{ meta?: StoredMeta } & StoredMeta>).map((raw) => {
                const meta = raw.meta ?? raw;
                return { id: meta.id, url: meta.url, title: meta.title, readAt: meta.readAt };
              }),
            );
          };
        };
      }),
  );
}

/** The preferences record the preferences module wrote (the newer of storage.sync and storage.local). */
async function storedPreferences(page: Page): Promise<Record<string, unknown> | null> {
  return page.evaluate(async () => {
    type Area = { get(key: string): Promise<Record<string, { updatedAt: number; values: Record<string, unknown> } | undefined>> };
    const scope = globalThis as unknown as { browser?: { storage: { sync?: Area; local: Area } }; chrome: { storage: { sync?: Area; local: Area } } };
    const storage = (scope.browser ?? scope.chrome).storage;
    const records = await Promise.all([storage.sync, storage.local].map(async (area) => (area ? (await area.get('preferences')).preferences : undefined)));
    const newest = records.filter((record) => record !== undefined).sort((a, b) => b!.updatedAt - a!.updatedAt)[0];
    return newest?.values ?? null;
  });
}

async function waitForStoredPreference(page: Page, key: string, value: unknown): Promise<void> {
  const deadline = Date.now() + 10_000;
  let last: unknown;
  while (Date.now() < deadline) {
    last = (await storedPreferences(page))?.[key];
    if (last === value) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`stored preference ${key} is ${JSON.stringify(last)}, expected ${JSON.stringify(value)}`);
}

const articleStyle = (page: Page) =>
  page.$eval('.reader__main .bs-article', (article) => {
    const style = getComputedStyle(article);
    return { fontSize: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight), maxWidth: parseFloat(style.maxWidth) };
  });

const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);
const bodyBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

async function waitForTheme(page: Page, name: string): Promise<void> {
  await page.waitForFunction((wanted) => document.documentElement.dataset.theme === wanted, { timeout: 5_000, polling: 50 }, name);
}

async function waitForFontSize(page: Page, px: number): Promise<void> {
  await page.waitForFunction((wanted) => parseFloat(getComputedStyle(document.querySelector('.reader__main .bs-article')!).fontSize) === wanted, { timeout: 5_000, polling: 50 }, px);
}

async function blockingFindings(page: Page, label: string): Promise<string[]> {
  // Let the theme's colours apply before contrast is measured.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const findings = await runAxe(page);
  for (const finding of findings) console.log(`[a11y] ${label}: ${finding.impact} ${finding.id} — ${finding.help} — ${finding.targets.join(' | ')}`);
  return findings.filter((finding) => finding.impact === 'serious' || finding.impact === 'critical').map((finding) => `${label}: ${finding.id} ${finding.targets.join(' | ')}`);
}

/** What the print layout shows: toolbar and buttons hidden, article, dateline and source address visible. */
async function printLayout(page: Page) {
  return page.evaluate(() => {
    const shown = (element: Element | null): boolean => {
      if (!element) return false;
      const box = element.getBoundingClientRect();
      return getComputedStyle(element).display !== 'none' && getComputedStyle(element).visibility !== 'hidden' && box.width > 0 && box.height > 0;
    };
    return {
      toolbar: shown(document.querySelector('.reader__bar')),
      buttonsShown: [...document.querySelectorAll('button')].filter(shown).length,
      headline: shown(document.querySelector('.bs-article__headline')),
      dateline: shown(document.querySelector('.bs-dateline')),
      datelineText: document.querySelector('.bs-dateline')?.textContent ?? '',
      source: shown(document.querySelector('.reader__source')),
      sourceText: document.querySelector('.reader__source')?.textContent ?? '',
      background: getComputedStyle(document.body).backgroundColor,
    };
  });
}

/**
 * Firefox has no print-media emulation over BiDi: take the page's `@media print` rules from the CSSOM and apply them to
 * the screen. Returns how many rules were applied (0 means the stylesheet has no print rules, which fails the test).
 */
async function applyPrintRulesToScreen(page: Page): Promise<number> {
  return page.evaluate(() => {
    const rules: string[] = [];
    const collect = (list: CSSRuleList): void => {
      for (const rule of list) {
        if (rule instanceof CSSMediaRule && [...rule.media].includes('print')) rules.push(...[...rule.cssRules].map((inner) => inner.cssText));
        else if (rule instanceof CSSMediaRule || rule instanceof CSSSupportsRule) collect(rule.cssRules);
      }
    };
    for (const sheet of document.styleSheets) collect(sheet.cssRules);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(rules.join('\n'));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return rules.length;
  });
}

for (const kind of ['chromium', 'firefox'] as const) {
  describe(`reader tab in ${kind}`, () => {
    let server: FixtureServer;
    let ext: ExtensionBrowser;
    let reader: Page;
    let savedId: string;

    beforeAll(async () => {
      server = await startFixtureServer();
      ext = await launchExtensionBrowser(kind);
    });

    afterAll(async () => {
      await ext?.close();
      await server?.stop();
    });

    it('opens from the popup with the toolbar; size, width, spacing and theme change the page and are stored', async () => {
      const tab = await ext.browser.newPage();
      await tab.goto(server.url(SEED));
      const popup = await ext.openPopup(tab);
      await popup.waitForSelector('button.open-tab', { timeout: 15_000 });
      await popup.click('button.open-tab');
      reader = await waitForPage(ext, `${ext.base}/reader.html?tab=`);
      await reader.setViewport({ width: 1200, height: 860 });
      expect(await textOf(reader, '.reader__main .bs-article h1')).toBe(HEADLINE);
      await reader.waitForSelector('button.save[aria-pressed="false"]:not([disabled])', { timeout: 15_000 });

      // The toolbar: real buttons with names.
      const names = await reader.$$eval('.reader__bar button', (buttons) =>
        buttons.map((b) => b.getAttribute('aria-label') ?? (b.querySelector('.bs-visually-hidden') ?? b).textContent?.trim() ?? ''),
      );
      expect(names).toEqual(expect.arrayContaining(['Smaller text', 'Larger text', 'Narrower lines', 'Wider lines', 'Less line spacing', 'More line spacing', 'Copy link', 'Print', 'Keyboard shortcuts', 'Save for later']));
      expect(await reader.$eval('.reader__theme', (b) => b.textContent)).toBe('Theme: Follow system');

      // Every control is reached by Tab, with a visible focus ring.
      const ringless: string[] = [];
      await reader.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      for (let i = 0; i < 40; i++) {
        await reader.keyboard.press('Tab');
        const focused = await reader.evaluate(() => {
          const element = document.activeElement as HTMLElement | null;
          if (!element || !element.closest('.reader__bar') || element.tagName !== 'BUTTON') return null;
          const style = getComputedStyle(element);
          return { name: element.textContent?.trim() ?? '', ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
        });
        if (focused && !focused.ring) ringless.push(focused.name);
        if (focused?.name.includes('More line spacing')) break;
      }
      expect(ringless).toEqual([]);
      expect(await reader.evaluate(() => document.activeElement?.textContent)).toContain('More line spacing');

      const before = await articleStyle(reader);
      expect(before.fontSize).toBe(18);
      await reader.click('[data-setting="fontSize"] [data-step="1"]');
      await waitForFontSize(reader, 20);
      await waitForStoredPreference(reader, 'fontSize', 20);

      await reader.click('[data-setting="contentWidth"] [data-step="1"]');
      await reader.click('[data-setting="lineHeight"] [data-step="1"]');
      await reader.waitForFunction(
        (width, height) => {
          const style = getComputedStyle(document.querySelector('.reader__main .bs-article')!);
          return parseFloat(style.maxWidth) > width && parseFloat(style.lineHeight) > height;
        },
        { timeout: 5_000, polling: 50 },
        (before.maxWidth * 20) / 18,
        before.lineHeight * (20 / 18),
      );
      await waitForStoredPreference(reader, 'contentWidth', 72);
      await waitForStoredPreference(reader, 'lineHeight', 1.7);

      // The theme button cycles the preferences' themes: system → light.
      await reader.click('.reader__theme');
      await waitForTheme(reader, 'light');
      expect(await reader.$eval('.reader__theme', (b) => b.textContent)).toBe('Theme: Light');
      expect(await bodyBackground(reader)).toBe('rgb(253, 252, 249)');
      await waitForStoredPreference(reader, 'theme', 'light');
      await tab.close();
    });

    it('keys: +/- size, t theme, j/k scroll, ? lists the keys and Escape closes them, s saves into the library', async () => {
      await reader.bringToFront();
      await reader.focus('.reader__main');
      await reader.keyboard.press('-');
      await waitForFontSize(reader, 18);
      await reader.keyboard.press('+');
      await waitForFontSize(reader, 20);
      await waitForStoredPreference(reader, 'fontSize', 20);

      // light → dark → sepia, and the page's colours follow.
      await reader.keyboard.press('t');
      await waitForTheme(reader, 'dark');
      expect(await bodyBackground(reader)).toBe('rgb(22, 22, 22)');
      await reader.keyboard.press('t');
      await waitForTheme(reader, 'sepia');
      await waitForStoredPreference(reader, 'theme', 'sepia');

      // With a modifier the key is the browser's, not the reader's.
      await reader.keyboard.down('Alt');
      await reader.keyboard.press('t');
      await reader.keyboard.up('Alt');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await theme(reader)).toBe('sepia');

      await reader.evaluate(() => window.scrollTo(0, 0));
      await reader.keyboard.press('j');
      await reader.waitForFunction(() => window.scrollY > 0, { timeout: 5_000, polling: 50 });
      await reader.keyboard.press('k');
      await reader.waitForFunction(() => window.scrollY === 0, { timeout: 5_000, polling: 50 });

      await reader.keyboard.press('?');
      await reader.waitForFunction(() => document.querySelector<HTMLDialogElement>('dialog.reader__keys')?.open === true, { timeout: 5_000, polling: 50 });
      const list = await textOf(reader, 'dialog.reader__keys');
      expect(list).toContain('Keyboard shortcuts');
      for (const line of ['Scroll down / up', 'Larger / smaller text', 'Next theme', 'Save for later', 'Show this list']) expect(list).toContain(line);
      // The dialog is modal: the reader's keys rest while it is open.
      await reader.keyboard.press('t');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await theme(reader)).toBe('sepia');
      expect(await blockingFindings(reader, `${kind} reader key list (sepia)`)).toEqual([]);
      await reader.keyboard.press('Escape');
      await reader.waitForFunction(() => document.querySelector<HTMLDialogElement>('dialog.reader__keys')?.open === false, { timeout: 5_000, polling: 50 });

      expect((await storedMetas(reader)).some((meta) => meta.title === HEADLINE)).toBe(false);
      await reader.keyboard.press('s');
      await reader.waitForSelector('button.save[aria-pressed="true"]:not([disabled])', { timeout: 15_000 });
      const saved = (await storedMetas(reader)).find((meta) => meta.title === HEADLINE);
      expect(saved, 'the article is in the library after s').toBeDefined();
      expect(saved!.readAt).toBeNull();
      savedId = saved!.id;
      // s only saves: pressed again it does not remove the article.
      await reader.keyboard.press('s');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await storedMetas(reader)).some((meta) => meta.id === savedId)).toBe(true);
    });

    it('mark read on the saved entry toggles its read time in the library', async () => {
      await reader.waitForSelector('button.reader__read[aria-pressed="false"]', { timeout: 15_000 });
      await reader.click('button.reader__read');
      await reader.waitForSelector('button.reader__read[aria-pressed="true"]', { timeout: 15_000 });
      const read = (await storedMetas(reader)).find((meta) => meta.id === savedId)!;
      expect(read.readAt).toEqual(expect.any(Number));
      await reader.click('button.reader__read');
      await reader.waitForSelector('button.reader__read[aria-pressed="false"]', { timeout: 15_000 });
      expect((await storedMetas(reader)).find((meta) => meta.id === savedId)!.readAt).toBeNull();
      await reader.close();

      // The saved entry opened by id reads from storage; it was unread, so opening marks it read.
      reader = await ext.openExtensionPage(`reader.html?id=${encodeURIComponent(savedId)}`);
      await reader.setViewport({ width: 1200, height: 860 });
      expect(await textOf(reader, '.reader__main .bs-article h1')).toBe(HEADLINE);
      await reader.waitForSelector('button.reader__read[aria-pressed="true"]', { timeout: 15_000 });
      expect((await storedMetas(reader)).find((meta) => meta.id === savedId)!.readAt).toEqual(expect.any(Number));
      await reader.click('button.reader__read');
      await reader.waitForSelector('button.reader__read[aria-pressed="false"]', { timeout: 15_000 });
      expect((await storedMetas(reader)).find((meta) => meta.id === savedId)!.readAt).toBeNull();
      // The preferences set in the other tab apply here too: one source of truth.
      await waitForTheme(reader, 'sepia');
      await waitForFontSize(reader, 20);
    });

    it('copy link puts the original address on the clipboard and says so', async () => {
      if (kind === 'chromium') {
        await ext.browser.defaultBrowserContext().overridePermissions(ext.base, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
      }
      await reader.bringToFront();
      await reader.click('button.reader__copy');
      await reader.waitForFunction(() => document.querySelector('.reader__note')?.textContent !== '', { timeout: 5_000, polling: 50 });
      expect(await textOf(reader, '.reader__note')).toBe('Link copied');
      if (kind === 'chromium') expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(server.url(SEED));
      // The confirmation is short-lived.
      await reader.waitForFunction(() => document.querySelector('.reader__note')?.textContent === '', { timeout: 6_000, polling: 100 });
    });

    it('axe: the reader with its toolbar has no serious or critical violation, light and dark; screenshot', async () => {
      const findings: string[] = [];
      // Reach each theme with the toolbar's own button (sepia → system → light, then dark).
      await reader.click('.reader__theme');
      await waitForTheme(reader, 'system');
      await reader.click('.reader__theme');
      await waitForTheme(reader, 'light');
      findings.push(...(await blockingFindings(reader, `${kind} reader (light)`)));
      await reader.evaluate(() => window.scrollTo(0, 0));
      await screenshot(reader, `reader-toolbar-${kind}`);
      if (kind === 'chromium') {
        fs.mkdirSync(path.dirname(README_SCREENSHOT), { recursive: true });
        await reader.screenshot({ path: README_SCREENSHOT as `${string}.png` });
      }
      await reader.click('.reader__theme');
      await waitForTheme(reader, 'dark');
      findings.push(...(await blockingFindings(reader, `${kind} reader (dark)`)));
      expect(findings).toEqual([]);
    });

    it('prints the article only: no toolbar or buttons, with the dateline and the source URL', async () => {
      const screen = await printLayout(reader);
      expect(screen.toolbar).toBe(true);
      expect(screen.source).toBe(false);
      expect(screen.buttonsShown).toBeGreaterThan(5);

      let emulated = false;
      try {
        await reader.emulateMediaType('print');
        emulated = true;
      } catch (error) {
        // puppeteer-core over WebDriver BiDi (Firefox) does not implement media-type emulation.
        expect(kind, `emulateMediaType failed: ${String(error)}`).toBe('firefox');
        expect(await applyPrintRulesToScreen(reader)).toBeGreaterThan(3);
      }
      console.log(`[print] ${kind}: ${emulated ? 'print media emulated' : 'no media emulation over BiDi; @media print rules from the CSSOM applied to the screen'}`);
      if (kind === 'chromium') expect(emulated).toBe(true);
      if (emulated) expect(await reader.evaluate(() => matchMedia('print').matches)).toBe(true);

      const printed = await printLayout(reader);
      expect(printed.toolbar).toBe(false);
      expect(printed.buttonsShown).toBe(0);
      expect(printed.headline).toBe(true);
      expect(printed.dateline).toBe(true);
      expect(printed.datelineText).toContain('Devdiscourse News Desk');
      expect(printed.source).toBe(true);
      expect(printed.sourceText).toBe(`Source: ${server.url(SEED)}`);
      // Dark on screen, black on white on paper.
      expect(printed.background).toBe('rgb(255, 255, 255)');
      if (emulated) await reader.emulateMediaType();
    });
  });
}
