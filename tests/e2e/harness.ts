/**
 * Real-browser test harness: a static 127.0.0.1 server for fixture pages, headless Chromium and Firefox with the
 * BUILT extension loaded, and helpers to open the popup and extension pages. See recipes/real-browser-tests.md for
 * why each step is done the way it is (every pitfall there was hit on this machine).
 *
 *   Chromium loads <out>/dist/chrome (the shipped build) and opens the popup with a real toolbar click.
 *   Firefox loads <out>/dist-test/firefox (127.0.0.1 host permission + `?tab=` seam) and opens popup.html?tab=ID.
 * <out> is $BROADSHEET_OUT (relative to the repo root) or the repo root itself.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const outRoot = path.resolve(repoRoot, process.env.BROADSHEET_OUT ?? '.');
export const fixturePagesDir = path.join(repoRoot, 'tests/fixtures/pages');
export const artifactsDir = path.join(repoRoot, 'artifacts');

export const CHROMIUM_BIN = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
export const FIREFOX_BIN = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';
const GECKO_ID = 'broadsheet@broadsheet.example';
/** Pinned so moz-extension:// URLs are known before install (the pref must exist before the add-on is installed). */
export const FIREFOX_EXTENSION_UUID = '0b5c6f8e-1d2a-4c3b-9e7f-123456789abc';

// ---------- fixture server ----------

export interface FixtureServer {
  origin: string;
  /** `http://127.0.0.1:PORT/<name>` */
  url(name: string): string;
  stop(): Promise<void>;
}

export interface FixtureServerOptions {
  /** Folder whose files are served by name (no subfolders, no `..`). Default: tests/fixtures/pages. */
  dir?: string;
  /** Extra pages by path (`'/not-article.html'` → HTML), served before files. */
  pages?: Record<string, string>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
};

export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const dir = options.dir ?? fixturePagesDir;
  const pages = options.pages ?? {};
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const inline = pages[pathname];
    if (inline !== undefined) {
      response.writeHead(200, { 'content-type': CONTENT_TYPES['.html']! });
      response.end(inline);
      return;
    }
    const name = pathname.slice(1);
    const file = path.join(dir, name);
    if (!name || name.includes('/') || name.includes('\\') || name.startsWith('.') || !fs.existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fixture server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  let stopped = false;
  return {
    origin,
    url: (name) => `${origin}/${name.replace(/^\//, '')}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// ---------- browsers ----------

/** Throws (never skips) when a browser binary is missing, saying which one and how to install it. */
export function requireBinary(binary: string, debianPackage: string, envVar: string): void {
  try {
    fs.accessSync(binary, fs.constants.X_OK);
  } catch {
    throw new Error(
      `Browser binary not found or not executable: ${binary}. Install it with ` +
        `"apt-get update && apt-get install -y --no-install-recommends ${debianPackage} fonts-dejavu-core", ` +
        `or point ${envVar} at another binary. The real-browser tests do not skip.`,
    );
  }
}

/** Fails with a clear message when the build under test is missing, instead of a timeout inside the browser. */
function requireBuild(dir: string): void {
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir}. Run "npm run build" first (with BROADSHEET_OUT=${process.env.BROADSHEET_OUT ?? ''} if set).`);
  }
}

export interface ExtensionBrowser {
  kind: 'chromium' | 'firefox';
  browser: Browser;
  /** `chrome-extension://ID` or `moz-extension://UUID` */
  base: string;
  /** Opens an extension page (e.g. `options.html`, `reader.html?id=…`) in a new tab and waits until it has loaded. */
  openExtensionPage(pagePath: string): Promise<Page>;
  /**
   * Opens the toolbar popup for `tab`. Chromium: the real toolbar click on the tab brought to front (activeTab is
   * granted). Firefox: popup.html?tab=ID in its own tab (needs the test build's host permission).
   */
  openPopup(tab: Page): Promise<Page>;
  close(): Promise<void>;
}

/** `lang`: the browser UI language, which picks the extension's `_locales` messages (default en-US). */
export async function launchChromium(options: { lang?: string } = {}): Promise<ExtensionBrowser> {
  requireBinary(CHROMIUM_BIN, 'chromium', 'CHROMIUM_BIN');
  const extensionDir = path.join(outRoot, 'dist/chrome');
  requireBuild(extensionDir);
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_BIN,
    headless: true,
    pipe: true,
    enableExtensions: [extensionDir],
    // Root in a container: Chromium refuses to start without it ("Running as root without --no-sandbox").
    // Headless reports an 800x600 screen, which caps the popup at ~510px tall; give it a desktop-sized screen.
    args: ['--no-sandbox', `--lang=${options.lang ?? 'en-US'}`, '--window-size=1280,960', '--screen-info={1280x960}'],
    env: { ...process.env, TZ: process.env.TZ ?? 'UTC' },
  });
  try {
    // enableExtensions installs after launch returns: the worker's appearance is the signal it is loaded.
    const worker = await browser.waitForTarget(
      (target) => target.type() === 'service_worker' && target.url().startsWith('chrome-extension://'),
      { timeout: 20_000 },
    );
    const extensionId = new URL(worker.url()).host;
    const extension = (await browser.extensions()).get(extensionId);
    if (!extension) throw new Error(`Chromium loaded a worker for ${extensionId} but lists no such extension`);
    const base = `chrome-extension://${extensionId}`;
    return {
      kind: 'chromium',
      browser,
      base,
      async openExtensionPage(pagePath) {
        const page = await browser.newPage();
        await page.goto(`${base}/${pagePath}`, { waitUntil: 'load' });
        return page;
      },
      async openPopup(tab) {
        // Without bringToFront, tabs.query({active:true}) in the popup returns whichever tab is in front.
        await tab.bringToFront();
        const popupTarget = browser.waitForTarget((target) => target.url() === `${base}/popup.html`, { timeout: 15_000 });
        await tab.triggerExtensionAction(extension);
        const popup = await (await popupTarget).asPage();
        await popup.waitForFunction(() => document.readyState === 'complete', { timeout: 15_000 });
        return popup;
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * `page.goto(moz-extension://…)` loads the page but its promise never settles in Firefox 153 over BiDi:
 * start it, then poll the page's own location.
 */
export async function gotoExt(page: Page, url: string, timeout = 15_000): Promise<void> {
  page.goto(url, { timeout }).catch(() => {});
  const deadline = Date.now() + timeout;
  let lastSeen = '';
  while (Date.now() < deadline) {
    try {
      // Evaluating while the old document goes away can fail with a BiDi protocol error: that only means "not yet".
      lastSeen = await page.evaluate(() => `${location.href} ${document.readyState}`);
      if (lastSeen === `${url} complete`) return;
    } catch {
      /* navigating */
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Firefox did not load ${url} within ${timeout} ms (last seen: ${lastSeen || 'nothing'})`);
}

export async function launchFirefox(): Promise<ExtensionBrowser> {
  requireBinary(FIREFOX_BIN, 'firefox-esr', 'FIREFOX_BIN');
  const extensionDir = path.join(outRoot, 'dist-test/firefox');
  requireBuild(extensionDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_BIN,
    headless: true,
    // Firefox 153+: without it, navigation to moz-extension:// is refused over BiDi.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      'intl.locale.requested': 'en-US',
    },
    env: { ...process.env, TZ: process.env.TZ ?? 'UTC' },
  });
  try {
    await browser.installExtension(extensionDir);
    const base = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
    const openExtensionPage = async (pagePath: string): Promise<Page> => {
      const page = await browser.newPage();
      await gotoExt(page, `${base}/${pagePath}`);
      return page;
    };
    return {
      kind: 'firefox',
      browser,
      base,
      openExtensionPage,
      async openPopup(tab) {
        const tabUrl = tab.url();
        const probe = await openExtensionPage('reader.html');
        // The match pattern must not carry a port ('http://127.0.0.1:PORT/x' matches nothing); filter by URL after.
        const tabId = await probe.evaluate(async (url) => {
          const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } } }).browser;
          const tabs = await api.tabs.query({});
          const byUrl = tabs.find((candidate) => candidate.url === url);
          if (byUrl) return byUrl.id ?? null;
          // A page outside the test host permission (about:, another site) hides its URL: take the one such tab.
          const hidden = tabs.filter((candidate) => candidate.url === undefined);
          return hidden.length === 1 ? (hidden[0]!.id ?? null) : null;
        }, tabUrl);
        if (tabId === null) {
          await probe.close();
          throw new Error(`Firefox: no tab found for ${tabUrl}`);
        }
        // The size of the real popup, so screenshots and layout match what readers see.
        await probe.setViewport({ width: 460, height: 580 });
        await gotoExt(probe, `${base}/popup.html?tab=${tabId}`);
        return probe;
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

export function launchExtensionBrowser(kind: 'chromium' | 'firefox'): Promise<ExtensionBrowser> {
  return kind === 'chromium' ? launchChromium() : launchFirefox();
}

/**
 * The open page whose location starts with `urlPrefix` (e.g. `${ext.base}/reader.html`), once one exists. Reads each
 * page's own location because Firefox over BiDi reports stale `page.url()` values for moz-extension pages.
 */
export async function waitForPage(ext: ExtensionBrowser, urlPrefix: string, timeout = 15_000): Promise<Page> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const page of await ext.browser.pages()) {
      try {
        const href = await page.evaluate(() => (document.readyState === 'complete' ? location.href : ''));
        if (href.startsWith(urlPrefix)) return page;
      } catch {
        /* navigating or closing */
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no page at ${urlPrefix}… within ${timeout} ms`);
}

// ---------- artifacts ----------

/** Saves a PNG to artifacts/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file as `${string}.png`, fullPage: options.fullPage ?? false });
  return file;
}

/** Text of the first element matching `selector`, trimmed, once it exists. */
export async function textOf(page: Page, selector: string, timeout = 15_000): Promise<string> {
  const handle = await page.waitForSelector(selector, { timeout });
  if (!handle) throw new Error(`no element matches ${selector}`);
  const text = await handle.evaluate((element) => element.textContent ?? '');
  return text.replace(/\s+/g, ' ').trim();
}
