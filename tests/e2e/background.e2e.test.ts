import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebWorker } from 'puppeteer-core';
import { launchChromium, type ExtensionBrowser } from './harness';

// The background (webextension-polyfill over Chromium's service worker) registers the page menu's "Save page for
// later" when installed. Firefox is not driven here: puppeteer-core cannot evaluate in its event page.
describe('background service worker in Chromium', () => {
  let ext: ExtensionBrowser;
  let worker: WebWorker;

  beforeAll(async () => {
    ext = await launchChromium();
    const target = await ext.browser.waitForTarget(
      (candidate) => candidate.type() === 'service_worker' && candidate.url() === `${ext.base}/background.js`,
      { timeout: 20_000 },
    );
    worker = (await target.worker())!;
  }, 60_000);

  afterAll(async () => {
    await ext?.close();
  });

  it('registers the "Save page for later" menu item on install', async () => {
    // contextMenus.update rejects for an id that was never created, so it answers whether the item exists.
    const registered = await worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { contextMenus: { update(id: string, props: object): Promise<void> } } }).chrome;
      for (let attempt = 0; attempt < 50; attempt++) {
        try {
          await api.contextMenus.update('broadsheet-save-page', {});
          return true;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      return false;
    });
    expect(registered).toBe(true);
  });

  it('answers with an unknown id that it does not exist, so the check above can fail', async () => {
    const error = await worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { contextMenus: { update(id: string, props: object): Promise<void> } } }).chrome;
      return api.contextMenus.update('no-such-item', {}).then(() => null, (reason: Error) => reason.message);
    });
    expect(error).toMatch(/no-such-item|Cannot find/i);
  });
});
