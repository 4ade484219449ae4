import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtensionBrowser, requireBinary, startFixtureServer, type ExtensionBrowser, type FixtureServer } from './harness';

describe('harness', () => {
  it('fails, naming the binary and how to install it, when a browser is missing', () => {
    expect(() => requireBinary('/nonexistent/chromium', 'chromium', 'CHROMIUM_BIN')).toThrow(/\/nonexistent\/chromium.*apt-get install.*chromium/);
  });

  for (const kind of ['chromium', 'firefox'] as const) {
    describe(kind, () => {
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
      it('opens the popup for a fixture tab', async () => {
        const [tab] = await ext.browser.pages();
        await tab!.goto(server.url('devdiscourse-north-korea-ukraine.html'));
        const popup = await ext.openPopup(tab!);
        expect(await popup.evaluate(() => location.href)).toContain('popup.html');
      });
    });
  }
});
