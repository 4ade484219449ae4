import { t } from './i18n';

export interface LocaleDirection {
  dir: 'ltr' | 'rtl';
  /** BCP 47 tag of the UI language (`ar`, `pt-BR`), or null outside an extension. */
  lang: string | null;
}

/** t() hands back the key itself when there is no such message (or no i18n API at all). */
function message(key: string): string | null {
  const text = t(key);
  return text && text !== key ? text : null;
}

/**
 * The writing direction and language of the strings the page will actually show. Each translation states its own
 * (`uiDirection`, `uiLanguage`) because the browser's `@@bidi_dir` can disagree with them: Chromium started in Arabic
 * without its Arabic locale pack serves our Arabic messages yet reports `@@ui_locale` en_US and `@@bidi_dir` ltr.
 * The browser's values are the fallback for a translation that lacks the keys.
 */
export function localeDirection(): LocaleDirection {
  const stated = message('uiDirection');
  const dir = stated === 'rtl' || stated === 'ltr' ? stated : message('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
  const lang = message('uiLanguage') ?? message('@@ui_locale');
  return { dir, lang: lang ? lang.replace(/_/g, '-') : null };
}

/**
 * Mirrors the page for a right-to-left UI language (Arabic) and tells assistive technology which language the UI
 * speaks. Call it first thing in each extension page, before the first render, so nothing paints the wrong way round.
 */
export function applyLocaleDirection(root: HTMLElement = document.documentElement): LocaleDirection {
  const direction = localeDirection();
  root.dir = direction.dir;
  if (direction.lang) root.lang = direction.lang;
  return direction;
}
