import { t, uiLocale } from '../i18n';

/** A count in the reader's number format: 10,000 in English, 10 000 in French. */
export function formatCount(count: number): string {
  return count.toLocaleString(uiLocale());
}

/**
 * A message with a count, in the plural form the reader's language uses for it. browser.i18n has no plurals, so each
 * form is its own key (`deletedCount_one`, …) with the plain key as the fallback for forms a locale does not list.
 */
export function tCount(key: string, count: number, ...more: Array<string | number>): string {
  const form = new Intl.PluralRules(uiLocale()).select(count);
  const formKey = `${key}_${form}`;
  const message = t(formKey, formatCount(count), ...more);
  // Without that form, t() hands back the key itself (followed by the substitutions).
  return message.startsWith(formKey) ? t(key, formatCount(count), ...more) : message;
}
