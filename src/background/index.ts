/**
 * Background: the context-menu save and its badge. Runs as a service worker in Chrome and an event page in Firefox,
 * so nothing here may rely on the DOM being present (see save-tab.ts for the one place it is used when it is).
 * The keyboard shortcut is the manifest's `_execute_action` command: the browser opens the popup itself.
 */
import browser from 'webextension-polyfill';
import { readTab } from '../content/read-tab';
import { sanitizeArticle } from '../extract/sanitize';
import { openLibrary, type ChangeStorage, type Library } from '../storage/library';
import { t } from '../ui/i18n';
import { showSaveResult } from './badge';
import { createContextMenu, SAVE_PAGE_MENU_ID } from './context-menu';
import { readingProblemText } from '../ui/restriction-text';
import { saveTab } from './save-tab';

// The pages reach the browser's own API (src/extension-api.ts) to keep webextension-polyfill off the popup's first
// paint; the background is on no timed path, so it takes the polyfill's one promise-based `browser` for both
// Chromium's service worker and Firefox's event page, with failures as rejections instead of runtime.lastError.
const api = browser;

let libraryOpening: Promise<Library> | null = null;
function library(): Promise<Library> {
  libraryOpening ??= openLibrary({ storage: api.storage as unknown as ChangeStorage }).catch((error: unknown) => {
    libraryOpening = null;
    throw error;
  });
  return libraryOpening;
}

api.runtime.onInstalled.addListener(() => {
  void createContextMenu(api);
});

// A browser crash or disk fault can leave a body without its entry or an entry without its body: repair once per
// browser start and after each install or update, before the reader opens the list.
function checkLibrary(): void {
  void library()
    .then((opened) => opened.checkConsistency())
    .catch((error: unknown) => console.warn('Broadsheet: the library check did not run', error));
}
api.runtime.onStartup.addListener(checkLibrary);
api.runtime.onInstalled.addListener(checkLibrary);

// Registered at the top level so a service worker woken by the click still has its listener.
api.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId !== SAVE_PAGE_MENU_ID || tab?.id === undefined) return;
  const tabId = tab.id;
  void saveTab(
    {
      readTab: (id, url) => readTab(api, id, url),
      saveArticle: async (article) => (await library()).saveArticle(article),
      saveLink: async (link) => (await library()).saveLink(link),
      sanitize: typeof document === 'undefined' ? null : (article) => sanitizeArticle(article, document),
      describe: readingProblemText,
    },
    tabId,
    tab.url,
  ).then((result) =>
    showSaveResult(api, tabId, result.ok ? { ok: true } : { ok: false, message: t('badgeSaveFailed', result.message) }, t('actionTitle')),
  );
});
