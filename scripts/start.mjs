#!/usr/bin/env node
// npm start: build, serve the bundled sample article on 127.0.0.1 and open it with the extension loaded.
// With a display, Chromium opens in a window (close it to stop). Without one, Chromium runs headless, clicks the
// toolbar button on the sample, saves a screenshot of the popup, and prints how to load dist/ by hand.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE = path.join(root, 'tests/fixtures/pages/devdiscourse-north-korea-ukraine.html');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The popup shows either the clean article or a message (not an article, restricted page, error).
const POPUP_READY = 'article.bs-article, .bs-status';

execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });

console.log('\nThe sample article, through the same pipeline on jsdom (npm run extract):\n');
execFileSync(process.execPath, [path.join(root, 'scripts/extract-cli.mjs'), SAMPLE, '--url', 'https://www.devdiscourse.com/article/headlines/3117350-north-koreas-alleged-role-in-ukraine-intercontinental-tensions-rise', '--format', 'text'], { stdio: 'inherit' });

const loadHelp = `
Load the extension by hand:
  Chrome/Chromium: chrome://extensions → Developer mode → Load unpacked → ${path.join(root, 'dist/chrome')}
  Firefox:         about:debugging#/runtime/this-firefox → Load Temporary Add-on → ${path.join(root, 'dist/firefox/manifest.json')}
Then open any news article and click the Broadsheet button in the toolbar.`;

if (!fs.existsSync(CHROMIUM)) {
  console.log(`\nNo Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH) — not launching.${loadHelp}`);
  process.exit(0);
}

const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(fs.readFileSync(SAMPLE));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const sampleUrl = `http://127.0.0.1:${server.address().port}/sample-article.html`;

const { default: puppeteer } = await import('puppeteer-core');
const headless = !process.env.DISPLAY;
const browser = await puppeteer.launch({
  executablePath: CHROMIUM,
  headless,
  pipe: true,
  enableExtensions: [path.join(root, 'dist/chrome')],
  args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  defaultViewport: headless ? { width: 1200, height: 900 } : null,
});
const worker = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
const extension = (await browser.extensions()).get(new URL(worker.url()).host);
const [tab] = await browser.pages();
await tab.goto(sampleUrl);

if (!headless) {
  console.log(`\nChromium is open on ${sampleUrl} with Broadsheet loaded: click its toolbar button. Close the window to stop.`);
  browser.on('disconnected', () => server.close());
} else {
  await tab.bringToFront();
  const popupTarget = browser.waitForTarget((t) => t.url().endsWith('/popup.html'));
  await tab.triggerExtensionAction(extension);
  const popup = await (await popupTarget).asPage();
  await popup.waitForSelector(POPUP_READY, { timeout: 15_000 });
  const shown = await popup.$eval(POPUP_READY, (el) =>
    el.matches('article') ? `the clean article: "${el.querySelector('h1')?.textContent?.trim()}"` : `a message: "${el.textContent?.trim()}"`);
  fs.mkdirSync(path.join(root, 'artifacts'), { recursive: true });
  const shot = path.join(root, 'artifacts/quickstart-popup.png');
  await popup.screenshot({ path: shot });
  await browser.close();
  server.close();
  console.log(`\nNo display: ran Chromium headless, clicked Broadsheet on the sample article — the popup shows ${shown}.`);
  console.log(`Screenshot of the popup: ${path.relative(process.cwd(), shot)}${loadHelp}`);
}
