// Dates the page shows that were missed (no date returned): fragments modelled on the corpus pages each rule fixed,
// and those pages checked against the corpus truth.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { parseHumanDate, parseMachineDate } from '../../src/extract/date-parse';
import { findDates } from '../../src/extract/dates';
import { findHeadline } from '../../src/extract/headline';
import { readPageMetadata } from '../../src/extract/metadata';
import { metaRecord } from './corpus';
import { expectPublishedOnLabelledDay, publishedOf } from './corpus-steps';

function datesOf(html: string, url = 'https://news.example/story') {
  const doc = new JSDOM(html, { url }).window.document;
  const meta = readPageMetadata(doc, url);
  return findDates(doc, meta, url, findHeadline(doc, meta));
}

const ld = (node: object) => `<script type="application/ld+json">${JSON.stringify(node)}</script>`;
const filler = '<p>Ein langer Absatz des Artikels, der nichts über sein Datum sagt, nur über die Sache selbst.</p>';

describe('date formats', () => {
  it('reads a Java/C date string in a meta tag (`Mon Aug 03 12:45:00 EDT 2015`)', () => {
    expect(parseMachineDate('Mon Aug 03 12:45:00 EDT 2015')).toBe('2015-08-03T12:45:00-04:00');
    const html = `<html><head><meta value="Mon Aug 03 12:45:00 EDT 2015" name="article:published_time"></head><body><h1>Office temperatures</h1>${filler}</body></html>`;
    expect(datesOf(html).published).toBe('2015-08-03T12:45:00-04:00');
  });

  it('reads a two-digit year written with dots, day first (`Kultur, 2.11.22`)', () => {
    expect(parseHumanDate('Kultur, 2.11.22', null)).toBe('2022-11-02');
    expect(parseHumanDate('Version 1.2.19.4', null)).toBeNull();
    const html = `<html><body><div class="text"><div class="date"> Kultur, 2.11.22 </div><h1>Konzert-Highlights im November 2022</h1></div>${filler}</body></html>`;
    expect(datesOf(html).published).toBe('2022-11-02');
  });

  it('reads a date split over elements (`<span class="month">Apr</span> <span class="day">04</span><span class="year">2013</span>`)', () => {
    const html = `<html><body><article><header><h1>Haben sich Mozarts Eltern gesorgt?</h1>
      <div class="date"><span class="month">Apr</span> <span class="day">04</span><span class="year">2013</span></div></header>${filler}</article></body></html>`;
    expect(datesOf(html).published).toBe('2013-04-04');
    // A non-breaking space between the parts is white space, not the text `&nbsp;` of the element's markup.
    expect(datesOf(html.replace('</span> <span class="day">', '</span>&nbsp;<span class="day">')).published).toBe('2013-04-04');
  });
});

describe('a how-to guide’s JSON-LD', () => {
  it('takes a HowTo node’s datePublished', () => {
    const html = `<html><head>${ld({ '@context': 'https://schema.org', '@type': 'HowTo', name: 'Runde Tischdecke', datePublished: '2022-01-10T22:06:08:684Z' })}</head>
      <body><h1>Runde Tischdecke</h1>${filler}</body></html>`;
    expect(datesOf(html).published?.slice(0, 10)).toBe('2022-01-10');
  });
});

describe('the article’s meta line in a block marked as furniture, right beside the headline', () => {
  it('a teaser-classed byline block right under the headline (`VON … am 21. April 2020`)', () => {
    const html = `<html><body><main><div class="col"><h1 itemprop="headline"><span>Corona-Pandemie</span> <span>„Es kommt auch darauf an“</span></h1>
      <div class="teaser-small__metadata"><p class="byline__author"> VON <a href="/autoren/g">MORITZ GATHMANN</a> am 21. April 2020 </p></div>
      <p class="lead">Müssen Infizierte unbedingt ins Krankenhaus?</p></div>${filler}</main></body></html>`;
    expect(datesOf(html).published).toBe('2020-04-21');
  });

  it('an <aside> meta column beside the headline (`<aside><ul class="content__meta">`)', () => {
    const html = `<html><head><meta property="og:title" content="Lässt sich die Ausbreitung kontrollieren?"></head>
      <body><article class="content"><div class="row"><ol class="breadcrumbs"><li><h1>Covid-19: Lässt sich die Ausbreitung kontrollieren?</h1></li></ol></div>
      <div class="row"><aside class="columns"><ul class="content__meta"><li>Wissen</li><li>26.02.2020</li><li>Lesedauer ca. 7 Minuten</li></ul></aside>
      <div class="columns">${filler}</div></div></article></body></html>`;
    expect(datesOf(html).published).toBe('2020-02-26');
  });

  it('not a teaser of another article, with its own heading', () => {
    const html = `<html><body><h1>Übersicht</h1><div class="teaser"><h2>Ein anderer Artikel</h2><span>26.02.2020</span></div>${filler}</body></html>`;
    expect(datesOf(html).published).toBeNull();
  });

  it('not a teaser block further down the page', () => {
    const html = `<html><body><h1>Der Artikel</h1><p>Erste Zeile.</p><p>Zweite Zeile.</p><p>Dritte Zeile.</p><p>Vierte Zeile.</p><p>Fünfte Zeile.</p>
      <div class="teaser"><span>26.02.2020</span></div></body></html>`;
    expect(datesOf(html).published).toBeNull();
  });
});

describe('date lines elsewhere', () => {
  it('a paragraph opening with its place and date in parentheses (`Karlsruhe, (12.11.2021). Traditionell …`)', () => {
    const html = `<html><body><h1>Trauern digital am Ewigkeitssonntag</h1><div class="text"><strong>Karlsruhe, (12.11.2021). Traditionell gedenken evangelische Christinnen und Christen am Ewigkeitssonntag ihrer Verstorbenen.</strong></div></body></html>`;
    expect(datesOf(html).published).toBe('2021-11-12');
  });

  it('a publication label in the article’s footer block (`Erschienen am: 01.11.2023`)', () => {
    const html = `<html><body><h1>Vom Boden aus gedacht</h1>${filler}${filler}
      <div class="rez_footer"><p class="footerFrstLn">Letzte Änderung: 31.10.2023 - 14:49:39<br>Erschienen am: 01.11.2023<br> Lesungen: 61<br> &copy; bei der Autorin und bei der Zeitschrift</p></div></body></html>`;
    expect(datesOf(html).published).toBe('2023-11-01');
  });

  it('a date line above the headline past the white space between tags', () => {
    const spans = Array.from({ length: 8 }, () => '<span> </span>\n').join('');
    const html = `<html><body><div class="box"><div class="boxHeader"><span>14. Februar 2012</span><ul><li><a href="/print">Drucken</a></li></ul></div>
      <div class="images">${spans}<span>© 2012 APA/AP</span></div><span class="category">Politik</span><h1>Berlusconis Prozess geht weiter</h1>${filler}</div></body></html>`;
    expect(datesOf(html).published).toBe('2012-02-14');
  });
});

describe('corpus pages that returned no date: published date on the truth’s day', () => {
  it.each([
    ['mercury-591e60585c', '`Mon Aug 03 12:45:00 EDT 2015` in article:published_time'],
    ['trafilatura-39720c51bc', '`Kultur, 2.11.22` above the headline'],
    ['trafilatura-67ec440a61', 'a date split over month, day and year spans'],
    ['trafilatura-8c6096d3e0', 'a HowTo node’s datePublished'],
    ['trafilatura-74f16ae911', 'a `teaser-small__metadata` byline under the headline'],
    ['trafilatura-7ca1918f86', 'a `teaser_text_meta` line above the headline'],
    ['trafilatura-4aab5116a5', 'an `<aside>` meta column beside the headline'],
    ['trafilatura-9c25e06c89', '`Karlsruhe, (12.11.2021).` opening the text'],
    ['trafilatura-6dbc886b0d', '`Erschienen am:` in a `footerFrstLn` line'],
    ['trafilatura-14e533a81a', 'a date line above the headline past white-space text nodes'],
  ])('%s (%s)', { timeout: 180_000 }, (id) => {
    expectPublishedOnLabelledDay(id);
  });

  it('trafilatura-d0010d66c3 (labelled undated): `Bern, 17.08.2007 - Rede …` without parentheses gives none', { timeout: 180_000 }, () => {
    expect(publishedOf(metaRecord('trafilatura-d0010d66c3'))).toBeNull();
  });
});
