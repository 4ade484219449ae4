/**
 * Read aloud in the reader tab of the built extension, in real Chromium and Firefox. What a browser offers depends on
 * the machine: headless Chromium on Linux usually has no voice at all. So the test asks the browser, then asserts
 * whichever is true — the "no voice" message in place of the controls, or real playback with the paragraph
 * highlighted — and prints which one it checked. It never skips.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtensionBrowser, screenshot, startFixtureServer, type ExtensionBrowser, type FixtureServer } from './harness';

const ARTICLE = 'devdiscourse-north-korea-ukraine.html';

async function savedArticleInReader(ext: ExtensionBrowser, server: FixtureServer): Promise<Page> {
  const tab = await ext.browser.newPage();
  await tab.goto(server.url(ARTICLE));
  const popup = await ext.openPopup(tab);
  await popup.waitForSelector('button.save', { timeout: 20_000 });
  await popup.click('button.save');
  await popup.waitForSelector('button.save[aria-pressed="true"]', { timeout: 15_000 });
  await popup.click('#tab-saved');
  const row = await popup.waitForSelector('#panel-saved .saved-row[data-id]', { timeout: 15_000 });
  const id = await row!.evaluate((element) => element.getAttribute('data-id')!);
  const reader = await ext.openExtensionPage(`reader.html?id=${encodeURIComponent(id)}`);
  await reader.waitForSelector('.reader__main .bs-article .bs-article__headline', { timeout: 20_000 });
  return reader;
}

for (const kind of ['chromium', 'firefox'] as const) {
  describe(`read aloud in ${kind}`, () => {
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

    it('the reader toolbar offers read aloud: playback with the paragraph highlighted, or a clear "no voice" message', async () => {
      const reader = await savedArticleInReader(ext, server);
      const offer = await reader.evaluate(async () => {
        const synth = globalThis.speechSynthesis as SpeechSynthesis | undefined;
        if (!synth) return { engine: false, voices: 0 };
        // The same wait the control does: voices may arrive with `voiceschanged`.
        if (!synth.getVoices().length) await new Promise((resolve) => { synth.addEventListener('voiceschanged', resolve, { once: true }); setTimeout(resolve, 3500); });
        return { engine: true, voices: synth.getVoices().length };
      });
      // The control settles on "unavailable" or on its buttons once its own voice wait is over.
      await reader.waitForSelector('.bs-read-aloud [data-read-aloud="unavailable"], .bs-read-aloud button', { timeout: 15_000 });

      if (!offer.engine || offer.voices === 0) {
        const message = await reader.$eval('.bs-read-aloud [data-read-aloud="unavailable"]', (element) => element.textContent);
        console.log(`[read-aloud] ${kind}: speechSynthesis ${offer.engine ? 'present with 0 voices' : 'missing'} — asserting the message: "${message}"`);
        expect(message).toBe(
          offer.engine ? "Read aloud isn't available: no voice is installed" : "Read aloud isn't available: this browser has no speech synthesis",
        );
        expect(await reader.$('.bs-read-aloud button')).toBeNull();
        await screenshot(reader, `read-aloud-${kind}-no-voice`);
        return;
      }

      console.log(`[read-aloud] ${kind}: ${offer.voices} voice(s) installed — asserting playback`);
      const blockCount = await reader.evaluate(() => document.querySelectorAll('.reader__main .bs-article__body p').length);
      expect(blockCount).toBeGreaterThan(2);
      await reader.click('.bs-read-aloud button');
      await reader.waitForSelector('.reader__main .bs-reading-now', { timeout: 10_000 });
      expect(await reader.$eval('.bs-reading-now', (element) => element.classList.contains('bs-article__headline'))).toBe(true);
      expect(await reader.$eval('.bs-read-aloud [role="status"]', (element) => element.textContent)).toMatch(/^Reading 1 of \d+$/);
      expect(await reader.$eval('.bs-read-aloud button', (element) => element.textContent)).toBe('Pause');
      // The engine really moves on: the highlight leaves the headline for the body.
      await reader.waitForFunction(() => document.querySelector('.bs-reading-now')?.closest('.bs-article__body') !== null, { timeout: 30_000 });
      await reader.click('.bs-read-aloud button');
      expect(await reader.$eval('.bs-read-aloud button', (element) => element.textContent)).toBe('Resume');
      await screenshot(reader, `read-aloud-${kind}-playing`);
      const stop = (await reader.$$('.bs-read-aloud button'))[1]!;
      await stop.click();
      await reader.waitForFunction(() => document.querySelector('.bs-reading-now') === null, { timeout: 5_000 });
      expect(await reader.$eval('.bs-read-aloud button', (element) => element.textContent)).toBe('Read aloud');
    });
  });
}
