import { describe, expect, it } from 'vitest';
import { requireBinary } from './harness';

// The browser paths of the harness run in every other e2e file; this covers the one path they never take.
describe('harness', () => {
  it('fails, naming the binary and how to install it, when a browser is missing', () => {
    expect(() => requireBinary('/nonexistent/chromium', 'chromium', 'CHROMIUM_BIN')).toThrow(/\/nonexistent\/chromium.*apt-get install.*chromium/);
  });
});
