import { describe, expect, it } from 'vitest';
import { restrictionForError, restrictionForUrl } from '../../src/content/restricted';
import { readingFromResult } from '../../src/content/read-tab';

describe('restrictionForUrl', () => {
  it.each([
    ['chrome://version/', 'browser-page'],
    ['about:blank', 'browser-page'],
    ['about:addons', 'browser-page'],
    ['edge://settings', 'browser-page'],
    ['view-source:https://example.com/', 'browser-page'],
    ['moz-extension://abc/popup.html', 'browser-page'],
    ['https://chromewebstore.google.com/detail/x/abc', 'store'],
    ['https://chrome.google.com/webstore/detail/abc', 'store'],
    ['https://addons.mozilla.org/en-US/firefox/addon/x/', 'store'],
    ['https://example.com/report.PDF', 'pdf'],
    ['chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', 'pdf'],
  ])('%s is %s', (url, expected) => {
    expect(restrictionForUrl(url)).toBe(expected);
  });

  it.each(['https://www.devdiscourse.com/article/x', 'http://127.0.0.1:8080/a.html', 'https://chrome.google.com/search', 'file:///home/me/a.html'])(
    'lets %s be tried',
    (url) => {
      expect(restrictionForUrl(url)).toBeNull();
    },
  );

  it('tries when the URL is hidden or unparsable', () => {
    expect(restrictionForUrl(undefined)).toBeNull();
    expect(restrictionForUrl('not a url')).toBeNull();
  });
});

describe('restrictionForError', () => {
  it('maps the browsers\' refusals to the reason the reader can act on', () => {
    expect(restrictionForError('The extensions gallery cannot be scripted.', undefined)).toBe('store');
    expect(restrictionForError('Cannot access a chrome:// URL', undefined)).toBe('browser-page');
    expect(restrictionForError('Cannot access contents of url "file:///tmp/a.html". Extension manifest must request permission to access this host.', 'file:///tmp/a.html')).toBe('file');
    expect(restrictionForError('Missing host permission for the tab', undefined)).toBe('other');
  });

  it('leaves real errors as errors', () => {
    expect(restrictionForError('No tab with id: 42.', 'https://example.com/')).toBeNull();
    expect(restrictionForError('Frame with ID 0 was removed.', undefined)).toBeNull();
  });
});

describe('readingFromResult', () => {
  const article = {
    kind: 'article', url: 'https://x.example/a', canonicalUrl: 'https://x.example/a', title: 'T', byline: null, siteName: null,
    published: null, modified: null, lang: 'en', dir: null, excerpt: null, leadImage: null, contentHtml: '<p>x</p>', textContent: 'x',
    wordCount: 1, readingMinutes: 1,
  };

  it('accepts a well-formed article and drops the kind tag', () => {
    const reading = readingFromResult(article);
    expect(reading.kind).toBe('article');
    if (reading.kind === 'article') expect(reading.article).not.toHaveProperty('kind');
  });

  it('turns nothing, garbage and malformed articles into errors with a message', () => {
    for (const bad of [undefined, null, 42, 'x', [], { kind: 'article', title: 3 }, { ...article, dir: 'up' }]) {
      const reading = readingFromResult(bad);
      expect(reading.kind).toBe('error');
      if (reading.kind === 'error') expect(reading.message.length).toBeGreaterThan(10);
    }
  });

  it('passes the content script\'s own error message through', () => {
    expect(readingFromResult({ kind: 'error', message: 'boom' })).toEqual({ kind: 'error', message: 'boom' });
  });

  it('keeps a not-an-article page with its title', () => {
    expect(readingFromResult({ kind: 'not-an-article', url: 'https://x.example/', canonicalUrl: 'https://x.example/', title: 'Home' })).toEqual({
      kind: 'not-an-article',
      page: { kind: 'not-an-article', url: 'https://x.example/', canonicalUrl: 'https://x.example/', title: 'Home' },
    });
  });
});
