import { t } from './i18n';

export interface LocaleDirection {
  dir: 'ltr' | 'rtl';
  /** BCP 47 tag of the UI language (`ar`, `pt-BR`), or null outside an extension. */
  lang: string | null;
}

/** The UI's writing direction and language, as the browser chose the locale (`@@bidi_dir`, `@@ui_locale`). */
export function localeDirection(): LocaleDirection {
  const dir = t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
  const uiLocale = t('@@ui_locale');
  // Without an i18n API, t() hands back the key itself.
  const lang = uiLocale && uiLocale !== '@@ui_locale' ? uiLocale.replace(/_/g, '-') : null;
  return { dir, lang };
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
