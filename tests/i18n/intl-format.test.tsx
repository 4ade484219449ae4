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
