// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { Dateline } from '../../src/ui/DatelineView';

const article = { byline: null, published: '2024-10-16T10:05:00Z', modified: null, readingMinutes: 12 };

function datelineIn(locale: string): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  render(<Dateline article={article} locale={locale} timeZone="UTC" />, host);
  return host;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe("dates and numbers in the reader's locale", () => {
  it('formats the date with Intl for each UI language', () => {
    for (const locale of ['de', 'fr', 'es', 'ar-EG', 'en-GB']) {
      const expected = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(Date.parse(article.published));
      expect(datelineIn(locale).querySelector('time')?.textContent, locale).toBe(expected);
    }
    // Spot checks that the locale really changes the text, so the loop above is not comparing a fallback with itself.
    expect(datelineIn('de').querySelector('time')?.textContent).toBe('16.10.2024, 10:05');
    expect(datelineIn('fr').querySelector('time')?.textContent).toContain('oct.');
  });

  it('writes the reading time in the locale’s digits (Arabic-Indic in Egyptian Arabic)', () => {
    expect(datelineIn('ar-EG').querySelector('.bs-dateline__reading')?.textContent).toBe('readingMinutes ١٢');
    expect(datelineIn('en-GB').querySelector('.bs-dateline__reading')?.textContent).toBe('readingMinutes 12');
  });
});

describe('uiLocale', () => {
  type I18nStub = { getMessage(key: string): string; getUILanguage(): string };
  const scope = globalThis as { chrome?: { i18n: I18nStub } };
  const browserWith = (uiLanguage: string, served: string) => {
    scope.chrome = { i18n: { getMessage: (key) => (key === 'uiLanguage' ? served : ''), getUILanguage: () => uiLanguage } };
  };
  afterEach(() => {
    delete scope.chrome;
  });

  it('keeps the browser UI language with its region when the strings are in that language', async () => {
    const { uiLocale } = await import('../../src/ui/i18n');
    browserWith('en-GB', 'en');
    expect(uiLocale()).toBe('en-GB');
    browserWith('de-AT', 'de');
    expect(uiLocale()).toBe('de-AT');
  });

  it('follows the language of the strings shown when the browser reports another one', async () => {
    const { uiLocale } = await import('../../src/ui/i18n');
    browserWith('en-US', 'ar');
    expect(uiLocale()).toBe('ar');
  });
});
