// Bylines the page shows where earlier rules missed them: a one-person blog's lowercase handle in the post's own
// credit although the blog is named after it, a `Von:` label followed by line breaks inside a mailto link, and the
// author of a recipe page's JSON-LD Recipe.
// Fragments modelled on the corpus pages, then those pages checked against truth.json.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { findByline } from '../../src/extract/byline';
import { readPageMetadata } from '../../src/extract/metadata';
import { bylineOfPage } from './corpus-steps';

function bylineOf(html: string, url = 'https://blog.example.org/2019/08/03/post/') {
  const doc = new JSDOM(html, { url }).window.document;
  return findByline(doc, readPageMetadata(doc, url), null);
}

describe('findByline: a one-person blog credited under its own handle', () => {
  it('reads a lowercase handle in the post byline that is also the site name', () => {
    const head = `<head><meta property="og:site_name" content="Zahlenzauberin"></head>`;
    expect(bylineOf(`${head}<body><h1 class="vcard author"><a class="fn">Zahlenzauberin</a></h1><div class="post hentry"><h3>Ferien</h3><h4 class="vcard author">von <span class="fn">zahlenzauberin</span></h4><p>Text</p></div></body>`)).toBe('zahlenzauberin');
  });

  it('reads a lowercase handle in a "by" line that is the twitter:site handle', () => {
    const head = `<head><meta property="og:site_name" content="Damian Duchamps' Blog"><meta name="twitter:site" content="@damianduchamps"></head>`;
    expect(bylineOf(`${head}<body><div class="post"><h2>Office 365</h2><div class="meta">Posted in <a href="/category/x/">Datenschutz</a> by damianduchamps on August 3, 2019</div><p>Text</p></div></body>`)).toBe('damianduchamps');
  });

  it('still rejects a desk credit written as the site name, and a lowercase word that is not the site handle', () => {
    const head = `<head><meta property="og:site_name" content="Us Weekly"><meta name="twitter:site" content="@usweekly"></head>`;
    expect(bylineOf(`${head}<body><article><h1>Story</h1><div class="byline">By Us Weekly</div><p>Text</p></article></body>`)).toBeNull();
    expect(bylineOf(`${head}<body><article><h1>Story</h1><p>Send it by email to us.</p><div class="meta">by email on August 3, 2019</div></article></body>`)).toBeNull();
  });
});

describe('findByline: a "Von:" label before line breaks', () => {
  it('reads the name after the breaks inside a mailto link', () => {
    expect(bylineOf(`<div class="news-single-item"><h1>Solar</h1><p>Text</p><br><a href="javascript:linkTo_UnCryptMailto('nbjmup+lpoubluAxbsolf');"><div class="trenner"> </div> <b>Von:</b> <br> <br> Götz Warnke</a></div>`)).toBe('Götz Warnke');
    expect(bylineOf(`<div><h1>Solar</h1><p>Text</p><a href="mailto:gw@example.org"><b>Von:</b><br>Götz Warnke</a></div>`)).toBe('Götz Warnke');
  });

  it('still ignores a "by" credit inside an ordinary link (a teaser)', () => {
    expect(bylineOf(`<div><h1>Solar</h1><p>Text</p><a href="/other-story"><b>By</b> Jane Roe</a></div>`)).toBeNull();
  });
});

describe('findByline: a recipe page', () => {
  const recipe = (author: string) => `<head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Recipe","name":"Kuchen","author":${author}}</script></head>`;

  it("reads the Recipe's person author when the page has no article node", () => {
    expect(bylineOf(`${recipe('{"@type":"Person","name":"jesusfreak"}')}<body><h1>Kuchen</h1><h2>Rezept von</h2><p>jesusfreak</p></body>`)).toBe('jesusfreak');
  });

  it("still skips a Recipe's organisation author", () => {
    expect(bylineOf(`${recipe('{"@type":"Organization","name":"Lecker"}')}<body><h1>Kuchen</h1><p>Lecker</p></body>`)).toBeNull();
  });
});

describe('corpus pages: bylines of authors-c', () => {
  it.each<[string, string]>([
    ['trafilatura-bc7c3c0f71', 'zahlenzauberin'],
    ['trafilatura-85b666998a', 'damianduchamps'],
    ['trafilatura-469089cf0b', 'Götz Warnke'],
    ['trafilatura-d4823d5c8b', 'jesusfreak'],
  ])('%s → %s', { timeout: 180_000 }, (id, byline) => {
    expect(bylineOfPage(id)).toBe(byline);
  });
});

describe('findByline: the site’s own domain name written as its author', () => {
  const page = (author: string) => `<head><meta name="author" content="${author}"></head><body><article><h1>Story</h1><div class="byline">${author}</div><p>Text</p></article></body>`;

  it('is not a name, also under a two-part suffix (.co.uk)', () => {
    expect(bylineOf(page('Heise'), 'https://www.heise.de/news/story.html')).toBeNull();
    expect(bylineOf(page('Telegraph'), 'https://www.telegraph.co.uk/news/story/')).toBeNull();
  });

  it('leaves a person’s name on such a host', () => {
    expect(bylineOf(page('Jane Doe'), 'https://www.telegraph.co.uk/news/story/')).toBe('Jane Doe');
  });
});
