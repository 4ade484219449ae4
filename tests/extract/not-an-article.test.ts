import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { extractArticle } from '../../src/extract/index';

function extractFixture(name: string, url: string, edit = (html: string) => html) {
  const html = edit(readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8'));
  return extractArticle(new JSDOM(html, { url }).window.document, url);
}

describe('a page with no article', () => {
  const url = 'https://harbour-town.example/sign-in';

  it('is named by its tab title, which says whose page it is, not by its bare heading', () => {
    expect(extractFixture('not-an-article.html', url)).toMatchObject({ kind: 'not-an-article', url, title: 'Sign in — Harbour Town Council' });
  });

  it('falls back to its heading, then its address, when it has no title', () => {
    expect(extractFixture('not-an-article.html', url, (html) => html.replace(/<title>.*<\/title>/, ''))).toMatchObject({ title: 'Sign in' });
    const bare = extractFixture('not-an-article.html', url, (html) => html.replace(/<title>.*<\/title>/, '').replace(/<h1>.*<\/h1>/, ''));
    expect(bare).toMatchObject({ kind: 'not-an-article', title: url });
  });
});
