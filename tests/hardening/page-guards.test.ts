// @vitest-environment jsdom
// The guards capture Node, Document and Element from the global scope at load, as the injected script does.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { defusedClone, measurePage, nonHtmlContentType, PAGE_LIMITS } from '../../src/content/page-guards';
import { extractUnsanitized } from '../../src/extract/pipeline';
import { articlePage } from '../fixtures/xss/article-page';
import { deeplyNested, hugeArticle, sabotagedBuiltins } from '../fixtures/hard/pages';

const URL = 'https://courier.example/news/guards';
const page = (html: string, contentType = 'text/html') => new JSDOM(html, { url: URL, contentType }).window.document;

describe('nonHtmlContentType', () => {
  it('lets HTML and XHTML through and names anything else', () => {
    expect(nonHtmlContentType(page('<p>x</p>'))).toBeNull();
    expect(nonHtmlContentType(page('<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', 'application/xhtml+xml'))).toBeNull();
    expect(nonHtmlContentType(page('<rss><channel/></rss>', 'application/xml'))).toBe('application/xml');
  });
});

describe('measurePage', () => {
  it('accepts a normal article', () => {
    expect(measurePage(page(articlePage('')))).toEqual({ ok: true });
  });

  it('refuses past the text limit, saying how much text there is', () => {
    const result = measurePage(page(hugeArticle(PAGE_LIMITS.textChars + 50_000)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/million characters of text/);
  });

  it('refuses markup nested so deeply that clean-up would be quadratic (jsdom has no parser cap, so use a lower limit)', () => {
    const result = measurePage(page(deeplyNested(1_500)), { ...PAGE_LIMITS, totalDepth: 500_000 });
    expect(result).toEqual({ ok: false, reason: 'elements nested too deeply' });
  });

  it('refuses past the element limit', () => {
    const result = measurePage(page(`<body>${'<p>x</p>'.repeat(2_000)}</body>`), { ...PAGE_LIMITS, elements: 1_000 });
    expect(result).toEqual({ ok: false, reason: 'more than 1,000 elements' });
  });

  it('counts depth correctly on a tree with siblings at many levels (no false refusals)', () => {
    // 3 levels of 10 children each: 1,110 elements below body, depth sum well under a limit of 5,000.
    const tree = (level: number): string => (level === 0 ? 'x' : `<div>${tree(level - 1)}</div>`.repeat(10));
    expect(measurePage(page(`<body>${tree(3)}</body>`), { ...PAGE_LIMITS, totalDepth: 5_000 })).toEqual({ ok: true });
  });
});

describe('defusedClone', () => {
  it('removes the names that shadow document and form members, and leaves the live page alone', () => {
    const doc = page(sabotagedBuiltins().replace(/<script>[\s\S]*?<\/script>/, ''));
    const clone = defusedClone(doc);
    expect(clone.querySelectorAll('form[name], img[name], embed[name], form input[name]').length).toBe(0);
    expect(doc.querySelectorAll('form[name]').length).toBeGreaterThan(0);
    const outcome = extractUnsanitized(clone, URL);
    expect(outcome.kind).toBe('article');
    if (outcome.kind === 'article') expect(outcome.textContent).toContain('Riverside council voted');
  });
});
