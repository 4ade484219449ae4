// Byline rules of the authors-b branch: fragments modelled on the pages each rule fixed, then the real corpus pages
// (read from ../shared/corpus at test time) checked against their labelled truth.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { findByline, splitNames } from '../../src/extract/byline';
import { readPageMetadata } from '../../src/extract/metadata';
import { bylineOfPage } from './corpus-steps';

function bylineOf(html: string, url = 'https://www.example-news.com/story') {
  const doc = new JSDOM(html, { url }).window.document;
  return findByline(doc, readPageMetadata(doc, url));
}

describe('findByline: authors-b rules', () => {
  it('reads a byline in a teaser-classed block right under the headline', () => {
    const html = '<body><article><h1>Title</h1><div class="teaser-small__metadata"><p class="byline__author">VON <a href="/autoren/x">MORITZ GATHMANN</a> am 21. April 2020</p></div><p>Text.</p></article></body>';
    expect(bylineOf(html)).toBe('MORITZ GATHMANN');
  });

  it('still ignores a teaser block that does not follow the headline', () => {
    const html = '<body><h1>Title</h1><p>Text.</p><div class="teaser-list"><p class="byline">By Jane Roe</p></div></body>';
    expect(bylineOf(html)).toBeNull();
  });

  it('drops the site name written before the author in meta author', () => {
    const html = '<head><meta name="author" content="example-news - Alberto Ávila"></head><body><p>Alberto Ávila</p></body>';
    expect(bylineOf(html)).toBe('Alberto Ávila');
  });

  it('skips an image licence credit and another article\'s card', () => {
    const html =
      '<body><h1>T</h1><div class="img-holder"><img src="a.jpg"><div class="license-info"><span class="author-name"><a href="https://commons.example.org/x">Nenad Stojkovic</a></span></div></div>' +
      '<a href="/other"><h3>Other story</h3><div class="listing__author">Von <span>Jörn Mecher</span></div></a>' +
      '<div class="author"><p>Autor <span>Mark Newton</span></p></div></body>';
    expect(bylineOf(html)).toBe('Mark Newton');
  });

  it('still reads a name inside an author link that also holds the avatar', () => {
    const html = '<body><h1>T</h1><p>Text.</p><a href="/profile/jane-roe"><img src="avatar.jpg"><span class="author-name">Jane Roe</span></a></body>';
    expect(bylineOf(html)).toBe('Jane Roe');
  });

  it('takes a handle with digits when it is the slug of its author page', () => {
    const html = '<body><h1>T</h1><div>Autor: <a href="https://example-news.com/author/c1ph4/" rel="author">c1ph4</a></div></body>';
    expect(bylineOf(html)).toBe('c1ph4');
  });

  it('reads the name from the cell after a label cell', () => {
    const html = '<body><h1>T</h1><p>Text.</p><div class="source"><div class="c1">Autor:</div><div class="c2"><a href="/redaktion">Redaktion Gelbe Liste</a></div></div></body>';
    expect(bylineOf(html)).toBe('Redaktion Gelbe Liste');
  });

  it('names the post author from a comment WordPress marks as theirs (bypostauthor)', () => {
    const html = '<body><h1>T</h1><p>Text.</p><ol class="commentlist"><li class="comment"><cite class="fn">Margit</cite></li><li class="comment byuser comment-author-jancak bypostauthor"><cite>Kommentar von <span class="fn"><a href="http://www.example.at">jancak</a></span></cite></li></ol></body>';
    expect(bylineOf(html)).toBe('jancak');
  });

  it('strips a gendered label (`Autor/in:`) before splitting names', () => {
    expect(splitNames('Autor/in: Korinna Hennig')).toEqual(['Korinna Hennig']);
  });
});

describe('corpus pages: authors-b bylines', () => {
  it.each<[string, string | null, string]>([
    ['trafilatura-74f16ae911', 'MORITZ GATHMANN', 'byline in a teaser-classed block right under the <h1>'],
    ['trafilatura-52a1968420', 'Alberto Ávila', '"site - Name" in meta author'],
    ['trafilatura-4d84e15833', 'c1ph4', 'a handle with digits that is its author page\'s slug'],
    ['trafilatura-7d5a5a64a3', 'jancak', 'the name on the post author\'s own comment (bypostauthor)'],
    ['trafilatura-4987bf3383', null, 'the post author\'s comment signed "admin" names no author'],
    ['trafilatura-8df57708ba', null, 'authors of other articles\' cards (a link around an <h4> title) on a page with no byline'],
    ['trafilatura-93391d7fa5', 'Redaktion Gelbe Liste Pharmindex', '"Autor:" in one cell, the name in the next'],
  ])('%s → %s (%s)', { timeout: 180_000 }, (id, byline, _why) => {
    expect(bylineOfPage(id)).toBe(byline);
  });

  it('trafilatura-491f9835a0: the article\'s author, not the lead image\'s licence credit', { timeout: 180_000 }, () => {
    expect(bylineOfPage('trafilatura-491f9835a0')).toMatch(/^Mark Newton\b/);
  });
});
