/**
 * UI strings through the browser's i18n (`_locales/<lang>/messages.json`). Outside an extension (unit tests,
 * the Node CLI) there is no i18n API, so the key itself comes back, followed by any substitutions.
 */
interface I18nApi {
  getMessage(key: string, substitutions?: string | string[]): string;
  getUILanguage?(): string;
}

function i18nApi(): I18nApi | null {
  const scope = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  return scope.browser?.i18n ?? scope.chrome?.i18n ?? null;
}

export function t(key: string, ...substitutions: Array<string | number>): string {
  const subs = substitutions.map(String);
  const message = i18nApi()?.getMessage(key, subs);
  if (message) return message;
  return subs.length ? `${key} ${subs.join(' ')}` : key;
}

/**
 * The reader's locale for dates and numbers: the browser UI language (with its region: en-GB writes 16 Oct), unless
 * the strings shown are in another language — Chromium without a locale pack serves our Arabic strings while
 * reporting en-US — then the language of those strings (`uiLanguage` in each messages.json). Else the environment's.
 */
export function uiLocale(): string {
  const api = i18nApi();
  const browserLocale = api?.getUILanguage?.();
  const served = api?.getMessage('uiLanguage');
  const primary = (tag: string): string => tag.split(/[-_]/)[0]!.toLowerCase();
  if (served && (!browserLocale || primary(served) !== primary(browserLocale))) return served;
  return browserLocale ?? Intl.DateTimeFormat().resolvedOptions().locale;
}
