// @vitest-environment jsdom
// The guards capture Node, Document and Element from the global scope at load, as the injected script does.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { defusedClone, isNotHtml, pageTooLarge, PAGE_LIMITS } from '../../src/content/page-guards';
import { extractUnsanitized } from '../../src/extract/pipeline';
import { articlePage } from '../fixtures/xss/article-page';
import { deeplyNested, hugeArticle, sabotagedBuiltins } from '../fixtures/hard/pages';

const URL = 'https://courier.example/news/guards';
const page = (html: string, contentType = 'text/html') => new JSDOM(html, { url: URL, contentType }).window.document;

describe('isNotHtml', () => {
  it('lets HTML and XHTML through and flags anything else', () => {
    expect(isNotHtml(page('<p>x</p>'))).toBe(false);
    expect(isNotHtml(page('<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', 'application/xhtml+xml'))).toBe(false);
    expect(isNotHtml(page('<rss><channel/></rss>', 'application/xml'))).toBe(true);
  });
});

describe('pageTooLarge', () => {
  it('accepts a normal article', () => {
    expect(pageTooLarge(page(articlePage('')))).toBeNull();
  });

  it('refuses past the text limit, saying how much text there is', () => {
    expect(pageTooLarge(page(hugeArticle(PAGE_LIMITS.textChars + 50_000)))).toBe('too much text');
  });

  it('refuses markup nested so deeply that clean-up would be quadratic (jsdom has no parser cap, so use a lower limit)', () => {
    expect(pageTooLarge(page(deeplyNested(1_500)), { ...PAGE_LIMITS, totalDepth: 500_000 })).toBe('nested too deeply');
  });

  it('refuses past the element limit', () => {
    expect(pageTooLarge(page(`<body>${'<p>x</p>'.repeat(2_000)}</body>`), { ...PAGE_LIMITS, elements: 1_000 })).toBe('too many elements');
  });

  it('counts depth correctly on a tree with siblings at many levels (no false refusals)', () => {
    // 3 levels of 10 children each below body (depth 2 under the document): 10×3 + 100×4 + 1,000×5 = 5,430 in all.
    // A walk that lost track of depth on the way back up would count hundreds of thousands.
    const tree = (level: number): string => (level === 0 ? 'x' : `<div>${tree(level - 1)}</div>`.repeat(10));
    expect(pageTooLarge(page(`<body>${tree(3)}</body>`), { ...PAGE_LIMITS, totalDepth: 6_000 })).toBeNull();
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
