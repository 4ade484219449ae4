/** Why the browser will not let an extension read a page. Each has its own one-line explanation in the UI. */
export type Restriction = 'browser-page' | 'store' | 'pdf' | 'file' | 'other';

const BROWSER_SCHEMES = new Set([
  'about:', 'chrome:', 'chrome-extension:', 'chrome-search:', 'chrome-untrusted:', 'devtools:', 'edge:', 'brave:',
  'opera:', 'vivaldi:', 'view-source:', 'moz-extension:', 'resource:', 'jar:', 'data:', 'blob:', 'javascript:',
]);

/** Extension galleries: Chrome and Firefox refuse to let any extension script them. */
const STORE_PAGES: Array<{ host: string; pathPrefix: string }> = [
  { host: 'chromewebstore.google.com', pathPrefix: '/' },
  { host: 'chrome.google.com', pathPrefix: '/webstore' },
  { host: 'addons.mozilla.org', pathPrefix: '/' },
  { host: 'microsoftedge.microsoft.com', pathPrefix: '/addons' },
];

/** Chrome's built-in PDF viewer extension. */
const CHROME_PDF_VIEWER = 'mhjfbmdgcfjbbpaeojofohoefgiehjai';

/**
 * The restriction a tab's URL tells us about before injecting, or null when injecting is worth trying.
 * `file:` is not decided here: it works when the reader allowed file access, so the injection error decides.
 */
export function restrictionForUrl(url: string | undefined): Restriction | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'chrome-extension:' && parsed.host === CHROME_PDF_VIEWER) return 'pdf';
  if (BROWSER_SCHEMES.has(parsed.protocol)) return 'browser-page';
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
    const host = parsed.hostname.toLowerCase();
    if (STORE_PAGES.some((store) => store.host === host && parsed.pathname.startsWith(store.pathPrefix))) return 'store';
    if (/\.pdf$/i.test(parsed.pathname)) return 'pdf';
  }
  if (parsed.protocol === 'file:' && /\.pdf$/i.test(parsed.pathname)) return 'pdf';
  return null;
}

/**
 * The restriction behind an executeScript failure, or null when the failure is something else (a real error).
 * Messages seen: Chromium "Cannot access a chrome:// URL", "Cannot access contents of url "…"", "Cannot access
 * contents of the page. Extension manifest must request permission…", "The extensions gallery cannot be scripted.";
 * Firefox "Missing host permission for the tab".
 */
export function restrictionForError(message: string, url: string | undefined): Restriction | null {
  if (/gallery cannot be scripted/i.test(message)) return 'store';
  const byUrl = restrictionForUrl(url);
  const denied = /cannot access|missing host permission|cannot be scripted|not allowed|permission/i.test(message);
  if (!denied) return null;
  if (byUrl) return byUrl;
  if (url?.startsWith('file:') || /file:\/\//i.test(message)) return 'file';
  if (/chrome:\/\/|about:|edge:\/\/|moz-extension:|view-source:/i.test(message)) return 'browser-page';
  if (/\.pdf\b/i.test(message)) return 'pdf';
  return 'other';
}
