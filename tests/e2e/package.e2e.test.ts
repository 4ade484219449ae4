/**
 * The store packages, as a user installs them: `scripts/package.mjs` writes both zips, each is unpacked into a
 * temporary folder and loaded into its real browser. Also checks what the stores must never receive: source maps,
 * host permissions, a version other than package.json's, and the e2e build's `?tab=` seam.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import puppeteer, { type Browser, type Page, type Target } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_BIN, FIREFOX_BIN, FIREFOX_EXTENSION_UUID, gotoExt, outRoot, repoRoot, requireBinary } from './harness';

const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
const packagesDir = path.join(outRoot, 'packages');

/** What the popup's test-only seam compiles to (popup/active-tab.ts reads `?tab=` from its own URL). */
const TAB_SEAM_MARKER = 'URLSearchParams(location.search).get("tab")';

type ZipFiles = Record<string, Uint8Array>;
const text = (bytes: Uint8Array | undefined): string => (bytes ? new TextDecoder().decode(bytes) : '');

interface Manifest {
  version: string;
  host_permissions?: string[];
  permissions?: string[];
  optional_host_permissions?: string[];
  browser_specific_settings?: { gecko?: { id?: string } };
}

/** popup.js and every chunk it imports statically: the code that runs when the popup opens. */
function popupScripts(files: ZipFiles): string[] {
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name) || !files[name]) return;
    seen.add(name);
    const dir = path.posix.dirname(name);
    for (const match of text(files[name]).matchAll(/(?:import|from)\s*"(\.{1,2}\/[^"]+\.js)"/g)) {
      visit(path.posix.normalize(path.posix.join(dir, match[1]!)));
    }
  };
  visit('popup.js');
  return [...seen];
}

function filesOfDir(dir: string, base = dir): ZipFiles {
  return Object.assign(
    {},
    ...fs.readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return filesOfDir(full, base);
      return { [path.relative(base, full).split(path.sep).join('/')]: new Uint8Array(fs.readFileSync(full)) };
    }),
  );
}

function unpack(files: ZipFiles, into: string): string {
  for (const [name, bytes] of Object.entries(files)) {
    if (name.endsWith('/')) continue;
    const target = path.join(into, name);
    if (!target.startsWith(into + path.sep)) throw new Error(`zip entry escapes its folder: ${name}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes);
  }
  return into;
}

/** Errors thrown by the page's own scripts, collected from the moment the page opens. */
function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
  return errors;
}

async function renderedApp(page: Page): Promise<{ title: string; text: string; elements: number }> {
  await page.waitForFunction(() => (document.getElementById('app')?.childElementCount ?? 0) > 0, { timeout: 15_000, polling: 100 });
  return page.evaluate(() => {
    const app = document.getElementById('app')!;
    return { title: document.title, text: (app.textContent ?? '').replace(/\s+/g, ' ').trim(), elements: app.querySelectorAll('*').length };
  });
}

const zips: Record<'chrome' | 'firefox', { file: string; files: ZipFiles }> = {} as never;
const tempDirs: string[] = [];

beforeAll(() => {
  // Self-contained: build and package exactly what would be uploaded (BROADSHEET_OUT is honoured by the script).
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts/package.mjs')], { cwd: repoRoot, stdio: 'pipe', env: process.env });
  for (const browser of ['chrome', 'firefox'] as const) {
    const file = path.join(packagesDir, `broadsheet-${version}-${browser}.zip`);
    expect(fs.existsSync(file), `${file} was not written`).toBe(true);
    zips[browser] = { file, files: unzipSync(new Uint8Array(fs.readFileSync(file))) };
  }
}, 300_000);

afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `broadsheet-${label}-`));
  tempDirs.push(dir);
  return dir;
}

describe.each(['chrome', 'firefox'] as const)('the %s package', (browser) => {
  it(`is named for version ${version} and its manifest says so`, () => {
    const manifest = JSON.parse(text(zips[browser].files['manifest.json'])) as Manifest;
    expect(path.basename(zips[browser].file)).toBe(`broadsheet-${version}-${browser}.zip`);
    expect(manifest.version).toBe(version);
  });

  it('asks for no host access: activeTab and scripting only, no host permissions', () => {
    const manifest = JSON.parse(text(zips[browser].files['manifest.json'])) as Manifest;
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
    expect(manifest.permissions).toEqual(expect.arrayContaining(['activeTab', 'scripting']));
    expect((manifest.permissions ?? []).filter((p) => p.includes('://') || p === '<all_urls>' || p === 'tabs')).toEqual([]);
  });

  it('holds no source maps and no reference to one', () => {
    const names = Object.keys(zips[browser].files);
    expect(names.filter((name) => name.endsWith('.map'))).toEqual([]);
    const scripts = names.filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(3);
    expect(scripts.filter((name) => text(zips[browser].files[name]).includes('sourceMappingURL'))).toEqual([]);
  });

  it('has the ?tab= test seam compiled out of the popup (the e2e build has it, so the check can fail)', () => {
    const shipped = zips[browser].files;
    const shippedPopup = popupScripts(shipped);
    expect(shippedPopup).toContain('popup.js');
    expect(shippedPopup.filter((name) => text(shipped[name]).includes(TAB_SEAM_MARKER))).toEqual([]);
    // Positive control: the same search finds the seam in the test build, so the marker is still the right one.
    const testBuild = filesOfDir(path.join(outRoot, 'dist-test/firefox'));
    expect(popupScripts(testBuild).filter((name) => text(testBuild[name]).includes(TAB_SEAM_MARKER)).length).toBeGreaterThan(0);
  });
});

describe('Chromium loads the unpacked chrome zip', () => {
  let browser: Browser;
  let base: string;
  let worker: Target;

  beforeAll(async () => {
    requireBinary(CHROMIUM_BIN, 'chromium', 'CHROMIUM_BIN');
    const dir = unpack(zips.chrome.files, tempDir('chrome'));
    browser = await puppeteer.launch({
      executablePath: CHROMIUM_BIN,
      headless: true,
      pipe: true,
      enableExtensions: [dir],
      args: ['--no-sandbox', '--lang=en-US'],
    });
    worker = await browser.waitForTarget(
      (target) => target.type() === 'service_worker' && target.url().startsWith('chrome-extension://'),
      { timeout: 20_000 },
    );
    base = `chrome-extension://${new URL(worker.url()).host}`;
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('starts the extension service worker, which runs the packaged version', async () => {
    expect(worker.url()).toBe(`${base}/background.js`);
    expect([...(await browser.extensions()).keys()]).toContain(new URL(base).host);
    const running = await (await worker.worker())!.evaluate(() => {
      const api = (globalThis as unknown as { chrome: { runtime: { getManifest(): { version: string; host_permissions?: string[] } } } }).chrome;
      return api.runtime.getManifest();
    });
    expect(running.version).toBe(version);
    expect(running.host_permissions ?? []).toEqual([]);
  });

  it('renders popup.html', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${base}/popup.html`, { waitUntil: 'load' });
    const app = await renderedApp(page);
    console.log(`[package] Chromium popup.html from the zip: "${app.text.slice(0, 120)}" (${app.elements} elements)`);
    expect(app.text.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Firefox installs the unpacked firefox zip', () => {
  let browser: Browser;
  const base = `moz-extension://${FIREFOX_EXTENSION_UUID}`;

  beforeAll(async () => {
    requireBinary(FIREFOX_BIN, 'firefox-esr', 'FIREFOX_BIN');
    const dir = unpack(zips.firefox.files, tempDir('firefox'));
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
    const geckoId = manifest.browser_specific_settings?.gecko?.id;
    if (!geckoId) throw new Error('the Firefox package has no browser_specific_settings.gecko.id');
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_BIN,
      headless: true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_EXTENSION_UUID }),
        'intl.locale.requested': 'en-US',
      },
    });
    await browser.installExtension(dir);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('renders options.html without any host permission', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await gotoExt(page, `${base}/options.html`);
    const app = await renderedApp(page);
    console.log(`[package] Firefox options.html from the zip: "${app.text.slice(0, 120)}" (${app.elements} elements)`);
    expect(app.text.length).toBeGreaterThan(0);
    const granted = await page.evaluate(async () => {
      const api = (globalThis as unknown as { browser: { permissions: { getAll(): Promise<{ origins?: string[]; permissions?: string[] }> } } }).browser;
      return api.permissions.getAll();
    });
    expect(granted.origins ?? []).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
