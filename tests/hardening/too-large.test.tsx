// @vitest-environment jsdom
// A page past the content script's limits has an outcome of its own ('too-large' with the reason), not the generic
// error: from the injected script, through the popup's result check, to its own localized title and text.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { JSDOM } from 'jsdom';
import { run } from '../../src/content/extract-page';
import { PAGE_LIMITS } from '../../src/content/page-guards';
import { readingFromResult } from '../../src/content/read-tab';
import { readingProblemText } from '../../src/ui/restriction-text';
import { ArticlePane } from '../../popup/ArticlePane';
import { DEFAULT_PREFERENCES } from '../../src/storage/preferences';
import { hugeArticle } from '../fixtures/hard/pages';

type Messages = Record<string, { message: string }>;
const locale = (lang: string): Messages => JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../_locales', lang, 'messages.json'), 'utf8'));
const en = locale('en');

beforeEach(() => {
  // The browser's i18n, answering from the shipped English messages (a missing key gives '' as the browsers do).
  vi.stubGlobal('chrome', { i18n: { getMessage: (key: string) => en[key]?.message ?? '' } });
});

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('the injected script on a page past its limits', () => {
  it("answers 'too-large' with the reason, not an error", () => {
    const big = new JSDOM(hugeArticle(PAGE_LIMITS.textChars + 50_000), { url: 'https://courier.example/huge' }).window.document;
    vi.stubGlobal('document', big);
    expect(run()).toEqual({ kind: 'too-large', reason: 'text' });
  });

  it('still answers not-an-article for an XML document, before measuring it', () => {
    const feed = `<rss><channel><item><description>${'long text of the feed '.repeat(PAGE_LIMITS.textChars / 20)}</description></item></channel></rss>`;
    vi.stubGlobal('document', new JSDOM(feed, { url: 'https://courier.example/feed', contentType: 'application/xml' }).window.document);
    expect(run()).toMatchObject({ kind: 'not-an-article' });
  });
});

describe('readingFromResult', () => {
  it('keeps a too-large answer with each known reason', () => {
    for (const reason of ['text', 'elements', 'depth'] as const) {
      expect(readingFromResult({ kind: 'too-large', reason })).toEqual({ kind: 'too-large', reason });
    }
  });

  it('turns an unknown reason into an error rather than passing it to the UI', () => {
    expect(readingFromResult({ kind: 'too-large', reason: '<img src=x onerror=alert(1)>' }).kind).toBe('error');
    expect(readingFromResult({ kind: 'too-large' }).kind).toBe('error');
  });

  it('accepts only a PDF restriction from the page itself (the other restrictions are decided outside it)', () => {
    expect(readingFromResult({ kind: 'restricted', restriction: 'pdf' })).toEqual({ kind: 'restricted', restriction: 'pdf' });
    expect(readingFromResult({ kind: 'restricted', restriction: 'store' }).kind).toBe('error');
  });
});

describe('what the reader sees', () => {
  const mount = (reason: 'text' | 'elements' | 'depth') => {
    const host = document.createElement('div');
    document.body.append(host);
    act(() =>
      render(<ArticlePane reading={{ kind: 'too-large', reason }} preferences={{ ...DEFAULT_PREFERENCES }} saveState={{ phase: 'unsaved' }} onSaveLink={() => {}} onRetry={() => {}} />, host),
    );
    return host;
  };

  it.each([
    ['text', 'tooLargeText'],
    ['elements', 'tooLargeElements'],
    ['depth', 'tooLargeDepth'],
  ] as const)('the popup shows its own title and the %s reason, with no "Try again"', (reason, key) => {
    const host = mount(reason);
    expect(host.querySelector('.bs-status__title')?.textContent).toBe(en['tooLargeTitle']!.message);
    expect(host.querySelector('.bs-status__title')?.textContent).not.toBe(en['extractErrorTitle']!.message);
    expect(host.querySelector(`[data-too-large="${reason}"]`)?.textContent).toBe(en[key]!.message);
    expect(host.querySelector('button')).toBeNull();
  });

  it('the three reasons read differently, and the context-menu badge uses the same sentence', () => {
    const texts = (['text', 'elements', 'depth'] as const).map((reason) => readingProblemText({ kind: 'too-large', reason }));
    expect(new Set(texts).size).toBe(3);
    expect(texts[0]).toBe(en['tooLargeText']!.message);
  });

  it('every locale has its own words for the title and each reason', () => {
    for (const lang of ['de', 'fr', 'es', 'ar']) {
      const messages = locale(lang);
      for (const key of ['tooLargeTitle', 'tooLargeText', 'tooLargeElements', 'tooLargeDepth']) {
        expect(messages[key]?.message, `${lang} ${key}`).toBeTruthy();
        expect(messages[key]!.message, `${lang} ${key} is translated`).not.toBe(en[key]!.message);
      }
    }
  });
});
