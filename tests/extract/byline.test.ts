import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { cleanAuthorName, findByline, joinNames, splitNames } from '../../src/extract/byline';
import { readPageMetadata } from '../../src/extract/metadata';

function bylineOf(html: string, datelineText: string | null = null, url = 'https://www.example-news.com/story') {
  const doc = new JSDOM(html, { url }).window.document;
  return findByline(doc, readPageMetadata(doc, url), datelineText);
}

describe('cleanAuthorName: names only', () => {
  it.each([
    ['By Jane Roe', 'Jane Roe'],
    ['Written by Jane Roe', 'Jane Roe'],
    ['Von Georg Kasch', 'Georg Kasch'],
    ['par Loïc Le Clerc', 'Loïc Le Clerc'],
    ['Por Williams Perdomo', 'Williams Perdomo'],
    ['di Mario Rossi', 'Mario Rossi'],
    ['Autor: Tobias Kuske', 'Tobias Kuske'],
    ['Redacción Diario Pagina Siete', 'Redacción Diario Pagina Siete'],
    ['@KingBeyonceStan', 'KingBeyonceStan'],
  ])('%s → %s', (raw, name) => {
    expect(cleanAuthorName(raw)).toBe(name);
  });

  it.each(['By', 'Published by', 'Unknown', 'admin', 'Super User', 'Staff', 'jane@example.com', 'https://facebook.com/jane', 'www.haufe.de', 'ZooRoyal Petcare GmbH', 'wegewerk GmbH', 'Updated 16-10-2024', '', 'This is a long sentence about the author and what she likes to write'])(
    'rejects %j',
    (raw) => {
      expect(cleanAuthorName(raw)).toBeNull();
    },
  );
});

describe('splitNames and joinNames: several authors', () => {
  it('splits on commas, "and" in several languages, ampersands and semicolons', () => {
    expect(splitNames('By Marc Santora, William K. Rashbaum, Al Baker and Adam Goldman')).toEqual(['Marc Santora', 'William K. Rashbaum', 'Al Baker', 'Adam Goldman']);
    expect(splitNames('Lars Fischer und Alina Schadwinkel')).toEqual(['Lars Fischer', 'Alina Schadwinkel']);
    expect(splitNames('Volkmar Kabisch; Jan Lukas Strozyk & Benedikt Strunz')).toEqual(['Volkmar Kabisch', 'Jan Lukas Strozyk', 'Benedikt Strunz']);
  });

  it('joins readably', () => {
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B'])).toBe('A and B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
  });
});

describe('findByline: sources and junk', () => {
  it('takes JSON-LD person authors, several joined, duplicates removed', () => {
    const html = `<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chan"},{"@type":"Person","name":"Ann Lee"}]}</script>`;
    expect(bylineOf(html)).toBe('Ann Lee and Bo Chan');
  });

  it('does not take an organisation author or the site name as a person', () => {
    const html = `<meta property="og:site_name" content="Example News">
      <script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Organization","name":"Example News"}}</script>
      <meta name="author" content="Example News">`;
    expect(bylineOf(html)).toBeNull();
  });

  it('reads a byline element when the metadata names nobody, skipping author bios and comments', () => {
    const html = `<article><h1>Headline here</h1><p class="byline">By <a rel="author" href="/jane">Jane Roe</a></p>
      <div class="author-bio">Jane Roe writes about science and has done so since 2001 for many papers.</div></article>
      <div class="comments"><span class="author">Troll</span></div>`;
    expect(bylineOf(html)).toBe('Jane Roe');
  });

  it('skips a meta author that is a URL and falls through to the page', () => {
    const html = `<meta property="article:author" content="https://www.facebook.com/someone"><span class="byline__name">Chris Thompson</span>`;
    expect(bylineOf(html)).toBe('Chris Thompson');
  });

  it('falls back to the visible dateline line', () => {
    expect(bylineOf('<p>nothing</p>', 'Devdiscourse News Desk')).toBe('Devdiscourse News Desk');
  });

  it('returns null rather than junk', () => {
    expect(bylineOf('<span class="author">Posted by admin</span>')).toBeNull();
  });
});
