import type { Browser } from 'webextension-polyfill';

/**
 * The WebExtension API object: Firefox's promise-based `browser`, or Chromium's `chrome`, whose MV3 APIs return
 * promises for everything used here. Not webextension-polyfill: it adds bytes to the popup's first paint and throws
 * when imported outside an extension (unit tests).
 */
export function extensionApi(): Browser {
  const scope = globalThis as { browser?: Browser; chrome?: Browser };
  const api = scope.browser ?? scope.chrome;
  if (!api?.runtime) throw new Error('Broadsheet: no WebExtension API in this context');
  return api;
}
