// @vitest-environment jsdom
// The guards capture Node, Document and Element from the global scope at load, as the injected script does.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { contentType, defusedClone, isNotHtml, pageTooLarge, PAGE_LIMITS } from '../../src/content/page-guards';
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
    expect(isNotHtml(page('<article><p>x</p></article>', 'text/xml'))).toBe(true);
  });

  it("flags Chromium's XML viewer: an XHTML html/head/body page of the tree's text, whatever type it reports", () => {
    // What a content script sees in Chromium 156 on an RSS feed: contentType application/rss+xml, the root rewritten
    // to XHTML <html>, the viewer's own style and the source tree under #webkit-xml-viewer-source-xml.
    const viewer = `<html xmlns="http://www.w3.org/1999/xhtml"><head><style id="xml-viewer-style">div.header{}</style></head><body>
      <div id="webkit-xml-viewer-source-xml"><rss><channel><title>Courier</title></channel></rss></div>
      <div class="pretty-print"><p>${'The committee heard evidence from engineers. '.repeat(40)}</p></div></body></html>`;
    expect(isNotHtml(page(viewer, 'application/xml'))).toBe(true);
    // Even were the type to say HTML, the viewer's source element gives it away.
    expect(isNotHtml(page(viewer.replace(' xmlns="http://www.w3.org/1999/xhtml"', '')))).toBe(true);
  });

  it('flags a document whose root is not an XHTML <html>, even under an HTML type', () => {
    const svgRoot = page('<p>x</p>');
    svgRoot.replaceChild(svgRoot.createElementNS('http://www.w3.org/2000/svg', 'svg'), svgRoot.documentElement);
    expect(isNotHtml(svgRoot)).toBe(true);
    const noRoot = page('<p>x</p>');
    noRoot.removeChild(noRoot.documentElement);
    expect(isNotHtml(noRoot)).toBe(true);
  });

  it('is not fooled by elements that clobber document.documentElement or document.getElementById', () => {
    const clobbered = '<form name="documentElement"></form><img name="getElementById" src="x.png"><img name="contentType" src="x.png"><p>An ordinary page.</p>';
    expect(isNotHtml(page(clobbered))).toBe(false);
    expect(isNotHtml(page(`${clobbered}<div id="webkit-xml-viewer-source-xml"></div>`))).toBe(true);
  });

  it('reads the type the browser parsed the document as', () => {
    expect(contentType(page('<p>x</p>'))).toBe('text/html');
    expect(contentType(page('<rss/>', 'application/rss+xml'))).toBe('application/rss+xml');
  });
});

describe('pageTooLarge', () => {
  it('accepts a normal article', () => {
    expect(pageTooLarge(page(articlePage('')))).toBeNull();
  });

  it('refuses past the text limit, saying how much text there is', () => {
    expect(pageTooLarge(page(hugeArticle(PAGE_LIMITS.textChars + 50_000)))).toBe('text');
  });

  it('does not count inline script and style text, which news pages carry by the megabyte', () => {
    const data = `<script>window.__DATA__ = "${'x'.repeat(PAGE_LIMITS.textChars)}";</script>`;
    const styles = `<style>${'p{}'.repeat(PAGE_LIMITS.textChars / 3)}</style>`;
    expect(pageTooLarge(page(articlePage('').replace('</body>', `${data}${styles}</body>`)))).toBeNull();
    expect(pageTooLarge(page(`<body><p>${'x'.repeat(PAGE_LIMITS.textChars + 1)}</p>${data}</body>`))).toBe('text');
  });

  it('refuses markup nested so deeply that clean-up would be quadratic (jsdom has no parser cap, so use a lower limit)', () => {
    expect(pageTooLarge(page(deeplyNested(1_500)), { ...PAGE_LIMITS, totalDepth: 500_000 })).toBe('depth');
  });

  it('refuses past the element limit', () => {
    expect(pageTooLarge(page(`<body>${'<p>x</p>'.repeat(2_000)}</body>`), { ...PAGE_LIMITS, elements: 1_000 })).toBe('elements');
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
