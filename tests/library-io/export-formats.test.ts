import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { strFromU8, unzipSync } from 'fflate';
import { extractArticle } from '../../src/extract/index';
import { SCHEMA_VERSION, type SavedArticle } from '../../src/storage/types';
import { exportFile } from '../../src/library-io/export-file';
import { articleToMarkdown, markdownFileName } from '../../src/library-io/markdown';
import { STANDALONE_CSP } from '../../src/library-io/standalone-html';

const { document } = new JSDOM('').window;
const fixturePage = fs.readFileSync(path.resolve(__dirname, '../fixtures/pages/devdiscourse-north-korea-ukraine.html'), 'utf8');

function savedFromFixture(): SavedArticle {
  const url = 'https://www.devdiscourse.com/article/politics/3111111-north-korea-ukraine';
  const outcome = extractArticle(new JSDOM(fixturePage, { url }).window.document, url);
  if (outcome.kind !== 'article') throw new Error('fixture is not an article');
  const { kind: _kind, ...article } = outcome;
  return { ...article, id: article.canonicalUrl, savedAt: Date.UTC(2026, 10, 1), readAt: null, tags: ['world'], contentSaved: true, schema: SCHEMA_VERSION };
}

/** Stored HTML is untrusted (the content script does not sanitise): exports must clean it. */
function hostileArticle(): SavedArticle {
  return {
    ...savedFromFixture(),
    id: 'https://evil.example/post',
    canonicalUrl: 'https://evil.example/post',
    url: 'https://evil.example/post',
    title: 'Headline with <script>alert(1)</script> & a "quote"',
    byline: '<img src=x onerror=alert(2)>',
    contentHtml:
      '<p>Body text survives.</p><script>alert(3)</script><img src="https://evil.example/a.png" onerror="alert(4)">' +
      '<a href="javascript:alert(5)">click</a><iframe src="https://evil.example/frame"></iframe><p style="background:url(https://evil.example/t)">styled</p>',
    textContent: 'Body text survives. click styled',
  };
}

const link: SavedArticle = {
  ...savedFromFixture(),
  id: 'https://lwn.net/Articles/990000/',
  canonicalUrl: 'https://lwn.net/Articles/990000/',
  url: 'https://lwn.net/Articles/990000/',
  title: 'A look at the 6.12 merge window',
  contentSaved: false,
  contentHtml: '',
  textContent: '',
  tags: [],
};

const now = new Date('2026-11-26T12:00:00Z');

describe('Markdown export', () => {
  it('zips one Markdown file per article, with front matter, headline and the body as Markdown', () => {
    const article = savedFromFixture();
    const file = exportFile('markdown-zip', [article, link], now, document, 'Broadsheet');
    expect(file.fileName).toBe('broadsheet-2026-11-26-markdown.zip');
    const entries = unzipSync(file.data as Uint8Array);
    const names = Object.keys(entries).sort();
    expect(names).toHaveLength(2);
    const articleFile = strFromU8(entries[names.find((name) => name.includes('north-korea'))!]!);
    expect(articleFile.startsWith('---\ntitle: ')).toBe(true);
    expect(articleFile).toContain(`url: ${JSON.stringify(article.url)}`);
    expect(articleFile).toContain('tags: ["world"]');
    expect(articleFile).toContain(`# ${article.title.replace(/([\\`*_[\]#<>|])/g, '\\$1')}`);
    // A sentence from the body comes through as plain Markdown text, without tags.
    const sentence = article.textContent.trim().split(/(?<=\.)\s+/)[0]!.slice(0, 60);
    expect(articleFile.replace(/\\/g, '')).toContain(sentence.replace(/\\/g, ''));
    expect(articleFile).not.toMatch(/<p>|<div/);
    const linkFile = strFromU8(entries[names.find((name) => name.includes('merge-window'))!]!);
    expect(linkFile).toContain('Content not saved yet');
  });

  it('writes every article into one combined file when asked', () => {
    const file = exportFile('markdown', [savedFromFixture(), link], now, document, 'Broadsheet');
    const text = file.data as string;
    expect(text.match(/^# /gm)).toHaveLength(2);
    expect(text).toContain('\n---\n');
  });

  it('drops script and script links from hostile stored HTML', () => {
    const markdown = articleToMarkdown(hostileArticle(), document);
    const body = markdown.slice(markdown.indexOf('<https://evil.example/post>'));
    expect(body).toContain('Body text survives.');
    expect(body).not.toMatch(/javascript:|alert\(|onerror|<script|<iframe/i);
    // Text fields are text: markup in a headline or byline is escaped, so no Markdown renderer turns it into HTML.
    expect(markdown).toContain('# Headline with \\<script\\>');
    expect(markdown).toContain('\\<img src=x onerror=alert(2)\\>');
  });

  it('makes file names safe and unique', () => {
    const taken = new Set<string>();
    const odd = { ...link, title: 'What/why: "CON\\AUX" — Ünïcode? *' };
    const first = markdownFileName(odd, taken);
    const second = markdownFileName(odd, taken);
    expect(first).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md$/u);
    expect(first).toContain('unicode');
    expect(second).not.toBe(first);
  });
});

describe('standalone HTML export', () => {
  it('is one page with its own CSS, a CSP forbidding script, and sanitised article HTML', () => {
    const file = exportFile('html', [savedFromFixture(), hostileArticle(), link], now, document, 'Broadsheet — 3 articles');
    expect(file.mimeType).toBe('text/html');
    const page = new JSDOM(file.data as string).window.document;
    expect(page.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(STANDALONE_CSP);
    expect(STANDALONE_CSP).toMatch(/default-src 'none'/);
    expect(page.querySelectorAll('style')).toHaveLength(1);
    expect(page.querySelectorAll('link, script, iframe, object, embed')).toHaveLength(0);
    const everyAttribute = [...page.querySelectorAll('*')].flatMap((element) => [...element.attributes]);
    expect(everyAttribute.filter((attribute) => /^on/i.test(attribute.name))).toEqual([]);
    expect(everyAttribute.filter((attribute) => /javascript:/i.test(attribute.value))).toEqual([]);
    expect(page.querySelectorAll('article')).toHaveLength(3);
    const headlines = [...page.querySelectorAll('article h1')].map((h1) => h1.textContent);
    expect(headlines[1]).toBe('Headline with <script>alert(1)</script> & a "quote"');
    expect(page.querySelector('#article-2')?.textContent).toContain('Body text survives.');
    expect(page.querySelectorAll('nav li')).toHaveLength(3);
  });
});
