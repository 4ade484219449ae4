// Launching the system Chromium the way every benchmark here does (see /work/shared/recipes/real-browser-tests.md).
import { execFileSync } from 'node:child_process';
import puppeteer from 'puppeteer-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Root in a container needs --no-sandbox; the rest keeps background work from adding noise to timings.
const BASE_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export function launchChromium({ args = [], ...options } = {}) {
  return puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, pipe: true, ...options, args: [...BASE_ARGS, ...args] });
}

/** "Chromium 156.0.8078.108 …", for the figures' header. */
export function chromiumVersion() {
  try {
    return execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown Chromium';
  }
}

/** Only the page itself loads: corpus pages point at the live web, which is out of reach here and would add noise. */
export async function allowOnlyOrigin(page, origin) {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url().startsWith(origin)) request.continue();
    else request.abort('blockedbyclient');
  });
}
