// @vitest-environment jsdom
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { ArticleView, type ArticleViewSource } from '../../src/ui/ArticleView';
import { applyLocaleDirection } from '../../src/ui/locale-direction';

const arabicArticle: ArticleViewSource = {
  url: 'https://news.example/ar/story',
  title: 'العاصفة تصل إلى الساحل',
  byline: 'مراسل',
  siteName: 'الأخبار',
  published: '2024-10-16T10:00:00Z',
  modified: null,
  lang: 'ar',
  dir: 'rtl',
  leadImage: null,
  contentHtml: '<p>وصلت العاصفة إلى اليابسة عند الفجر.</p><p>ستصدر السلطات تقريرًا جديدًا الليلة.</p>',
  readingMinutes: 3,
};

type I18nStub = { getMessage(key: string, subs?: string[]): string; getUILanguage(): string };
const scope = globalThis as { chrome?: { i18n: I18nStub } };

/**
 * The browser's i18n as it answers in a given UI locale: the predefined @@ messages, plus the messages of the
 * translation it serves (`served`), read from the real _locales file.
 */
function browserInLocale(uiLocale: string, bidiDir: 'ltr' | 'rtl', served: string | null = null): void {
  const messages: Record<string, { message: string }> = served
    ? JSON.parse(fs.readFileSync(path.resolve(__dirname, `../../_locales/${served}/messages.json`), 'utf8'))
    : {};
  scope.chrome = {
    i18n: {
      getMessage: (key) => ({ '@@bidi_dir': bidiDir, '@@ui_locale': uiLocale })[key] ?? messages[key]?.message ?? '',
      getUILanguage: () => uiLocale.replace(/_/g, '-'),
    },
  };
}

afterEach(() => {
  delete scope.chrome;
  document.documentElement.removeAttribute('dir');
  document.documentElement.lang = '';
  document.body.innerHTML = '';
});

describe('right-to-left', () => {
  it('an Arabic article renders right-to-left with its language on the article root', () => {
    const host = document.createElement('div');
    document.body.append(host);
    render(<ArticleView article={arabicArticle} locale="ar" timeZone="UTC" />, host);
    const root = host.querySelector('article')!;
    expect(root.getAttribute('dir')).toBe('rtl');
    expect(root.getAttribute('lang')).toBe('ar');
    expect(root.querySelector('h1')?.textContent).toBe('العاصفة تصل إلى الساحل');
  });

  it('a left-to-right article inside an Arabic UI keeps its own direction', () => {
    browserInLocale('ar', 'rtl');
    applyLocaleDirection();
    const host = document.createElement('div');
    document.body.append(host);
    render(<ArticleView article={{ ...arabicArticle, lang: 'en', dir: 'ltr', title: 'Storm' }} locale="ar" timeZone="UTC" />, host);
    expect(document.documentElement.dir).toBe('rtl');
    expect(host.querySelector('article')?.getAttribute('dir')).toBe('ltr');
  });

  it('mirrors the page and sets its language when the browser runs the UI in Arabic', () => {
    browserInLocale('ar', 'rtl');
    expect(applyLocaleDirection()).toEqual({ dir: 'rtl', lang: 'ar' });
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
  });

  it('follows the translation served, not @@bidi_dir, when the two disagree (Chromium without its Arabic locale pack)', () => {
    // Seen in Debian Chromium started with --lang=ar: Arabic strings, yet @@ui_locale en_US and @@bidi_dir ltr.
    browserInLocale('en_US', 'ltr', 'ar');
    expect(applyLocaleDirection()).toEqual({ dir: 'rtl', lang: 'ar' });
    browserInLocale('ar', 'rtl', 'de');
    expect(applyLocaleDirection()).toEqual({ dir: 'ltr', lang: 'de' });
  });

  it('every shipped translation states a direction and language that match its folder', () => {
    const localesDir = path.resolve(__dirname, '../../_locales');
    for (const folder of fs.readdirSync(localesDir)) {
      browserInLocale('en_US', 'ltr', folder);
      const expectedDir = ['ar', 'he', 'fa', 'ur'].includes(folder.split('_')[0]!) ? 'rtl' : 'ltr';
      expect(applyLocaleDirection(), folder).toEqual({ dir: expectedDir, lang: folder.replace(/_/g, '-') });
    }
  });

  it('stays left-to-right for a left-to-right UI language, with a region tag in BCP 47 form', () => {
    browserInLocale('pt_BR', 'ltr');
    expect(applyLocaleDirection()).toEqual({ dir: 'ltr', lang: 'pt-BR' });
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('outside an extension (no i18n API) it falls back to left-to-right and leaves the page language alone', () => {
    document.documentElement.lang = 'en';
    expect(applyLocaleDirection()).toEqual({ dir: 'ltr', lang: null });
    expect(document.documentElement.lang).toBe('en');
  });
});
