// Bylines the page shows where earlier rules missed them: a dateline's date before the credit, `Blog Beitrag von`,
// an `<address>` in the article's meta `<aside>`, a Blogger post inside its `widget`, an editors' page link, a short
// meta line above the headline in its block.
// Fragments modelled on the corpus pages, then those pages checked against truth.json.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { findByline } from '../../src/extract/byline';
import { findHeadline } from '../../src/extract/headline';
import { readPageMetadata } from '../../src/extract/metadata';
import { bylineOfPage } from './corpus-steps';

function bylineOf(html: string, url = 'https://www.example-news.com/story') {
  const doc = new JSDOM(html, { url }).window.document;
  const meta = readPageMetadata(doc, url);
  return findByline(doc, meta, null, findHeadline(doc, meta));
}

describe('findByline: credit lines after a date or a "Beitrag" label', () => {
  it('reads the credit after a dateline date', () => {
    expect(bylineOf(`<h2>Stars <span>06.11.2023 13:30 von Olga </span> <span style="float:right">Symbolbild imago</span></h2>`)).toBe('Olga');
    expect(bylineOf(`<div class="news-single-timedata">05.02.2020 <span>-&nbsp;Redaktion: Eberhard Fuhr (Pressesprecher des EJW)</span></div>`)).toBe('Eberhard Fuhr');
  });

  it('reads "Blog Beitrag von" and "Gastbeitrag von" lines', () => {
    expect(bylineOf(`<p><strong>Vegetarier zu sein</strong></p><p>Blog Beitrag von Margarita Koreneva</p><p>Text</p>`)).toBe('Margarita Koreneva');
    expect(bylineOf(`<p>Gastbeitrag von Jana Roe</p>`)).toBe('Jana Roe');
  });

  it('still ignores a year range before "by" (a copyright line) and a preposition after a date', () => {
    expect(bylineOf(`<p><small>(CC) 2006-2008 by Martin Weber</small></p>`)).toBeNull();
    expect(bylineOf(`<p>12.03.2020 von Bäumen durch Dritte</p>`)).toBeNull();
  });
});

describe('findByline: furniture blocks that hold the article\'s byline', () => {
  it('reads an <address> byline in the article\'s meta <aside>', () => {
    expect(bylineOf(`<main><aside data-gu-name="meta"><address aria-label="Contributor info"><a rel="author" href="/profile/julia-carrie-wong">Julia Carrie Wong</a> and <a rel="author" href="/profile/sam-levin">Sam Levin</a></address></aside><div><p>Text</p></div></main>`)).toBe('Julia Carrie Wong');
  });

  it('reads a Blogger post\'s author inside the widget that holds the post', () => {
    expect(bylineOf(`<div class="widget Blog"><div class="post hentry"><h3 class="post-title">Tach auch</h3><p>Text</p><div class="post-footer"><span class="post-author vcard">Eingestellt von <span class="fn">der Michel</span></span></div></div></div>`)).toBe('der Michel');
  });

  it('still skips an author in a sidebar widget or a related aside', () => {
    expect(bylineOf(`<div class="widget Blog"><div class="post"><p>Text</p></div><div class="post-author">Eingestellt von Jane Roe</div></div>`)).toBeNull();
    expect(bylineOf(`<main><p>Text</p><aside class="related"><span class="author">Gianni Rossi</span></aside></main>`)).toBeNull();
  });
});

describe('findByline: a meta line above the headline in its block', () => {
  const head = `<head><meta property="og:title" content="Bericht zur Coronalage"></head>`;

  it('reads the author link of a short "teaser" meta line before the heading that shows the headline', () => {
    expect(bylineOf(`${head}<div class="beitrag"><div class="teaser_text_meta"><a href="/autor/frank_g">Gunter Frank</a> / 22.04.2020 / 06:15</div><div class="teaser_blog_text"><h2>Bericht zur Coronalage</h2><p>Text</p></div></div>`)).toBe('Gunter Frank');
  });

  it('knows the heading by the headline the page shows, not by og:title with the site’s name', () => {
    const siteTitle = `<head><meta property="og:title" content="Bericht zur Coronalage | Achse des Guten"></head>`;
    expect(bylineOf(`${siteTitle}<div class="beitrag"><div class="teaser_text_meta"><a href="/autor/frank_g">Gunter Frank</a> / 22.04.2020</div><div class="teaser_blog_text"><h2>Bericht zur Coronalage</h2><p>Text</p></div></div>`)).toBe('Gunter Frank');
  });

  it('still skips a teaser after the headline, a long column of previews, and an aside', () => {
    expect(bylineOf(`${head}<div><h2>Bericht zur Coronalage</h2><div class="teaser"><a href="/autor/x">Jana Roe</a></div></div>`)).toBeNull();
    expect(bylineOf(`${head}<div><div class="teaser-column">${'<p>Andere Meldung des Tages</p>'.repeat(8)}<a href="/autor/x">Jana Roe</a></div><h1>Bericht zur Coronalage</h1></div>`)).toBeNull();
    expect(bylineOf(`${head}<div><aside><span class="preview__author">Jana Roe</span></aside><h1>Bericht zur Coronalage</h1></div>`)).toBeNull();
  });
});

describe('findByline: links to an editor\'s page', () => {
  it('reads a link to /editors/first-last/ as an author link', () => {
    expect(bylineOf(`<div class="t-meta"><a class="th-meta" href="https://www.example-news.com/about/editors/jon-fingas/">Jon Fingas</a></div>`)).toBe('Jon Fingas');
    expect(bylineOf(`<nav><p>x</p></nav><div><a href="/editors/picks/">Editors Picks</a></div>`)).toBeNull();
  });
});

describe('corpus pages: bylines of authors-a', () => {
  it.each<[string, string]>([
    ['trafilatura-51277860c2', 'Olga'],
    ['trafilatura-6b2d5cd169', 'Eberhard Fuhr'],
    ['trafilatura-925e5d7e86', 'Margarita Koreneva'],
    ['mercury-71762490bd', 'Julia Carrie Wong'],
    ['trafilatura-e640f3907b', 'der Michel'],
    ['mercury-747501b4e0', 'Jon Fingas'],
    ['trafilatura-7ca1918f86', 'Gunter Frank'],
  ])('%s → %s', { timeout: 180_000 }, (id, byline) => {
    expect(bylineOfPage(id)).toBe(byline);
  });
});
