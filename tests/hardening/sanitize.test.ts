import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { sanitizeArticle, sanitizeArticleHtml } from '../../src/extract/sanitize';
import type { Article } from '../../src/extract/types';

const doc = new JSDOM('').window.document;
const clean = (html: string) => sanitizeArticleHtml(html, doc);
const parsed = (html: string) => {
  const template = doc.createElement('template');
  template.innerHTML = clean(html);
  return template.content;
};

describe('sanitizeArticleHtml keeps what an article needs', () => {
  it('keeps table spans, text direction, language and time values', () => {
    const out = parsed('<table><tr><td colspan="2" rowspan="3">Cell</td></tr></table><p dir="rtl" lang="ar">نص</p><time datetime="2024-03-12T09:30:00Z">12 March</time>');
    expect(out.querySelector('td')?.getAttribute('colspan')).toBe('2');
    expect(out.querySelector('td')?.getAttribute('rowspan')).toBe('3');
    expect(out.querySelector('p')?.getAttribute('dir')).toBe('rtl');
    expect(out.querySelector('p')?.getAttribute('lang')).toBe('ar');
    expect(out.querySelector('time')?.getAttribute('datetime')).toBe('2024-03-12T09:30:00Z');
  });

  it('keeps image alt text and size, loads images lazily without a referrer', () => {
    const img = parsed('<img src="https://news.example/a.jpg" alt="The quay" width="640" height="480">').querySelector('img')!;
    expect(img.getAttribute('src')).toBe('https://news.example/a.jpg');
    expect(img.getAttribute('alt')).toBe('The quay');
    expect(img.getAttribute('width')).toBe('640');
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
  });

  it('opens outside links in a new tab without the opener or referrer, and leaves in-page links alone', () => {
    const links = parsed('<a href="https://news.example/more" target="_self">More</a><a href="#note-1">1</a><a href="mailto:desk@news.example">Mail</a>').querySelectorAll('a');
    expect(links[0]!.getAttribute('target')).toBe('_blank');
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(links[1]!.getAttribute('href')).toBe('#note-1');
    expect(links[1]!.hasAttribute('target')).toBe(false);
    expect(links[2]!.getAttribute('href')).toBe('mailto:desk@news.example');
  });
});

describe('sanitizeArticleHtml removes what an extension page must not load or run', () => {
  it('drops relative URLs, which would resolve against the extension itself', () => {
    const out = parsed('<a href="/popup.html">Popup</a><img src="options.js" alt="x"><blockquote cite="../x">Q</blockquote>');
    expect(out.querySelector('a')?.hasAttribute('href')).toBe(false);
    expect(out.querySelector('a')?.textContent).toBe('Popup');
    expect(out.querySelector('img')).toBeNull();
    expect(out.querySelector('blockquote')?.hasAttribute('cite')).toBe(false);
  });

  it('drops images that are not http(s), keeping the text around them', () => {
    const out = parsed('<p>Before<img src="data:image/png;base64,iVBORw0KGgo=">after<img src="blob:https://x/1">end</p>');
    expect(out.querySelector('img')).toBeNull();
    expect(out.textContent).toBe('Beforeafterend');
  });

  it('drops SVG and MathML entirely, but keeps the text of forbidden wrappers such as forms', () => {
    const out = parsed('<svg><text>Chart</text></svg><math><mi>x</mi></math><form><p>Subscribe text</p></form>');
    expect(out.querySelector('svg, math, form')).toBeNull();
    expect(out.textContent).toContain('Subscribe text');
  });

  it('refuses to work on a window without a DOM instead of returning the HTML untouched', () => {
    const windowless = { defaultView: {} } as unknown as Document;
    expect(() => sanitizeArticleHtml('<img src=x onerror=alert(1)>', windowless)).toThrow(/sanitise/);
  });
});

describe('sanitizeArticle', () => {
  const article: Article = {
    url: 'https://news.example/a', canonicalUrl: 'https://news.example/a', title: 'T', byline: null, siteName: null,
    published: null, modified: null, lang: 'en', dir: 'ltr', excerpt: null,
    leadImage: { src: 'javascript:alert(1)', alt: '', caption: null },
    contentHtml: '<p onclick="alert(1)">Body</p>', textContent: 'Body', wordCount: 1, readingMinutes: 1,
  };

  it('drops a lead image that is not http(s) and cleans the body', () => {
    const out = sanitizeArticle(article, doc);
    expect(out.leadImage).toBeNull();
    expect(out.contentHtml).toBe('<p>Body</p>');
  });

  it('keeps an http(s) lead image', () => {
    const lead = { src: 'https://news.example/lead.jpg', alt: 'Lead', caption: 'Cap' };
    expect(sanitizeArticle({ ...article, leadImage: lead }, doc).leadImage).toEqual(lead);
  });
});
