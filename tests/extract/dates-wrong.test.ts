// Date precedence rules that fixed wrong dates and spurious ones: fragments modelled on the pages each rule fixed,
// and those corpus pages checked against their truth (read gzipped from the shared corpus at test time).
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { findDates } from '../../src/extract/dates';
import { findHeadline } from '../../src/extract/headline';
import { readPageMetadata } from '../../src/extract/metadata';
import { metaRecord } from './corpus';
import { expectNoDateWhereLabelledUndated, publishedOf } from './corpus-steps';

function datesOf(html: string, url = 'https://news.example/story') {
  const doc = new JSDOM(html, { url }).window.document;
  const meta = readPageMetadata(doc, url);
  return findDates(doc, meta, url, findHeadline(doc, meta));
}

/** The scorer's same-day test: the written day, or the UTC day of a value with a time. */
function days(value: string): string[] {
  const utc = /T/.test(value) ? new Date(value).toISOString().slice(0, 10) : null;
  return [value.slice(0, 10), ...(utc ? [utc] : [])];
}

const ld = (node: object) => `<script type="application/ld+json">${JSON.stringify(node)}</script>`;

describe('the page shows the metadata’s modified day as its only date', () => {
  const head = `<meta property="article:published_time" content="2021-11-29T14:13:37+00:00">
    <meta property="article:modified_time" content="2022-01-12T14:27:30+00:00">`;

  it('takes the shown date over the metadata’s published one (a republished article)', () => {
    const html = `<html><head>${head}</head><body><h1>Können Fische Schmerzen spüren?</h1>
      <div class="info">ca. 8 Min.<br>12.01.2022</div><p>Ob Fische Schmerzen empfinden …</p></body></html>`;
    expect(datesOf(html).published).toBe('2022-01-12');
  });

  it('takes a marked date line showing the modified day', () => {
    const html = `<html><head>${ld({ '@type': 'Article', datePublished: '2020-01-03T09:48:24Z', dateModified: '2020-01-06T09:22:36Z' })}</head>
      <body><h1>Ravenous wild goats ruled this island</h1><span class="hl__date">Monday, 6 January 2020</span></body></html>`;
    expect(datesOf(html).published).toBe('2020-01-06');
  });

  it('keeps the metadata’s published date when the line shows both dates', () => {
    const html = `<html><head>${ld({ '@type': 'Article', datePublished: '2019-04-09T08:00:15-06:00', dateModified: '2021-12-10T20:06:09-07:00' })}</head>
      <body><h1>Line Outline</h1><div class="entry-meta"><span>December 10, 2021</span><span>April 9, 2019</span></div></body></html>`;
    expect(datesOf(html).published).toBe('2019-04-09T08:00:15-06:00');
  });

  it('keeps the metadata’s published date when the page shows another day', () => {
    const html = `<html><head>${head}</head><body><h1>Können Fische Schmerzen spüren?</h1>
      <div class="info">03.01.2022</div></body></html>`;
    expect(datesOf(html).published).toBe('2021-11-29T14:13:37+00:00');
  });
});

describe('JSON-LD and a meta tag days apart', () => {
  const html = (ldDate: string, metaDate: string) => `<html><head>${ld({ '@type': 'Article', datePublished: ldDate })}
    <meta property="article:published_time" content="${metaDate}"></head><body><h1>Vanlife in Schweden</h1><p>Text.</p></body></html>`;

  it('takes the meta tag’s later date: the page was republished', () => {
    expect(datesOf(html('2022-01-04T07:29:00.000Z', '2022-01-06T08:29:34')).published).toBe('2022-01-06T08:29:34');
  });

  it('keeps the JSON-LD date against a meta tag one day later (a zone) or earlier', () => {
    expect(datesOf(html('2020-04-25T07:25:06Z', '2020-04-26T01:00:00')).published).toBe('2020-04-25T07:25:06+00:00');
    expect(datesOf(html('2019-10-19T03:00:00.000Z', '2019-10-12')).published).toBe('2019-10-19T03:00:00+00:00');
  });
});

describe('the UTC day fix for an unmarked date line near the headline', () => {
  const html = (line: string) => `<html><head>${ld({ '@type': 'NewsArticle', datePublished: 'Wed, 04 May 2022 02:41:00 GMT' })}</head>
    <body><h1>Investigador chileno asegura que no publicó todo su material</h1><p>${line}</p><p>Texto.</p></body></html>`;

  it('takes the local date and time a day before the UTC metadata', () => {
    expect(datesOf(html('03.05.2022 22:41')).published).toBe('2022-05-03T22:41:00');
  });

  it('keeps the metadata against a line with a day and no time', () => {
    expect(datesOf(html('03.05.2022')).published).toBe('2022-05-04T02:41:00+00:00');
  });
});

describe('a date line right before the headline', () => {
  it('is the article’s, not the first date of a most-read list after it', () => {
    const html = `<html lang="de"><body><div id="copynews"><p>02.02.2022 10:16 Uhr - 1. Bundesliga - PM Vereine, red</p>
      <h1>"Mehr Variabilität im Angriff": HSV Hamburg verpflichtet Nationalspieler</h1><p>Der HSV Hamburg hat sich verstärkt.</p></div>
      <div id="tab_news_gelesen"><p><small>30.01.2022 · Männer · HBL1</small></p><p><a href="/news-2.html">Nächster Führungsspieler geht</a></p></div></body></html>`;
    expect(datesOf(html).published).toBe('2022-02-02T10:16:00');
  });
});

describe('a Japanese page’s dates are Japan time', () => {
  it('writes a day shown without a time as midnight in Japan', () => {
    const html = `<html lang="ja"><body><h1>ゴールデンウィークにおける注意喚起</h1><p>最終更新日：2019年4月2日</p><div class="date">2019年4月2日</div></body></html>`;
    expect(datesOf(html).published).toBe('2019-04-02T00:00:00+09:00');
  });

  it('gives a clock time without an offset the Japan offset, and leaves a written offset alone', () => {
    const naive = `<html lang="ja"><head><meta property="article:published_time" content="2019-03-15T09:43:00"></head><body><h1>見出し</h1></body></html>`;
    expect(datesOf(naive).published).toBe('2019-03-15T09:43:00+09:00');
    const zoned = `<html lang="ja"><head><meta property="article:published_time" content="2019-04-25T07:00:25Z"></head><body><h1>見出し</h1></body></html>`;
    expect(datesOf(zoned).published).toBe('2019-04-25T07:00:25+00:00');
  });
});

describe('a site’s front page has no publication date of its own', () => {
  const html = `<html><head><meta property="article:published_time" content="2014-09-25"></head>
    <body><h1>Welpen kaufen – Tipps zu jeder Hunderasse</h1><p>Text.</p></body></html>`;

  it('ignores its metadata stamps, also when archived', () => {
    expect(datesOf(html, 'https://www.welpen.example/').published).toBeNull();
    expect(datesOf(html, 'https://web.archive.org/web/20160401095740/http://www.welpen.example/').published).toBeNull();
  });

  it('still reads them on an inner page', () => {
    expect(datesOf(html, 'https://www.welpen.example/tipps/').published).toBe('2014-09-25');
  });
});

describe('a meta tag days away from the date the page shows', () => {
  const page = (head: string, shown = '<div class="meta"><time datetime="2022-01-25">25.01.2022</time></div>') => `<html><head>${head}</head>
    <body><article><h1>Schneesport mit Rücksicht auf Wildtiere</h1>${shown}<p>Verhaltenstipps für den Winter.</p></article></body></html>`;

  it('gives way to the page’s dateline showing one date', () => {
    expect(datesOf(page('<meta property="og:article:published_time" content="2022-01-15">')).published).toBe('2022-01-25');
    expect(datesOf(page('<meta name="date" content="2020-02-12">', '<div class="news-timedata">05.02.2020 <span>- Redaktion: Eberhard Fuhr</span></div>')).published).toBe('2020-02-05');
  });

  it('does not when the date is the JSON-LD’s, or one day off (a zone), or the page shows no date', () => {
    const ld = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2022-01-15"}</script>`;
    expect(datesOf(page(ld)).published).toBe('2022-01-15');
    expect(datesOf(page('<meta property="og:article:published_time" content="2022-01-24">')).published).toBe('2022-01-24');
    expect(datesOf(page('<meta property="og:article:published_time" content="2022-01-15">', '')).published).toBe('2022-01-15');
  });
});

describe('a page in a product catalogue has no publication date of its own', () => {
  const html = (shown = '') => `<html><head><script type="application/ld+json">{"@context":"http://schema.org","@type":"NewsArticle","headline":"Chininum D4 Tabletten","datePublished":"2021-11-01T08:00:00"}</script></head>
    <body><h1>Chininum D4 Tabletten</h1>${shown}<p>Anwendungsgebiete und Dosierung.</p><div>Stand: 01.11.2021</div></body></html>`;

  it('ignores its JSON-LD stamp under /produkte/, even typed NewsArticle', () => {
    expect(datesOf(html(), 'https://www.pharma.example/produkte/Chininum-D4_433873').published).toBeNull();
    expect(datesOf(html(), 'https://shop.example/products/chininum-d4').published).toBeNull();
  });

  it('still reads a date it shows (product news), and the stamp on a page outside the catalogue', () => {
    expect(datesOf(html('<time datetime="2022-01-14">14.01.2022</time>'), 'https://www.pharma.example/produkte/neuheiten/').published).toBe('2022-01-14');
    expect(datesOf(html(), 'https://www.pharma.example/ratgeber/chininum-d4').published).toBe('2021-11-01T08:00:00');
  });
});

describe('a date in a small block under a heading of its own', () => {
  const page = (block: string) => `<html><head><meta property="og:type" content="website"></head><body>
    <h1>Nachhaltig leben</h1><p>Alternativen zur Wegwerfgesellschaft.</p>
    <div class="Material"><div class="Material-text">${block}<p>12 | DIN A4</p><a href="/appell.pdf">Herunterladen</a></div></div></body></html>`;

  it('is that item’s (a download card), not the article’s', () => {
    expect(datesOf(page('<h2>Ressourcenwende: Appell</h2><time datetime="2022-12-08">08.12.2022</time>')).published).toBeNull();
  });

  it('is the article’s when it says it is a publication date, or the heading links to this page', () => {
    expect(datesOf(page('<h2>Appell</h2><span class="meta">Published Dec 8, 2022</span>')).published).toBe('2022-12-08');
    expect(datesOf(page('<h3><a href="/story">Appell</a></h3><time datetime="2022-12-08">08.12.2022</time>')).published).toBe('2022-12-08');
  });

  it('is the article’s when it sits inside the heading (a deck line)', () => {
    expect(datesOf(page('<h2>Appell <span class="date">8 December 2022</span></h2>')).published).toBe('2022-12-08');
  });
});

describe('corpus pages: published date on the truth’s day', () => {
  it.each([
    ['trafilatura-b0c458861d', 'a date line under the headline showing the modified day'],
    ['trafilatura-91fec846b1', 'a marked date showing the modified day'],
    ['htmldate-d67a03d82b', '`20. März 2021 - 15:00 Uhr` showing the modified day'],
    ['trafilatura-231f01f506', 'UTC metadata a day after the local date line'],
    ['mercury-4f207cf586', 'a Japanese day as midnight Japan time'],
    ['mercury-9597923752', 'a Japanese itemprop day as midnight Japan time'],
    ['trafilatura-9fe7bcf482', 'a meta tag two days after the JSON-LD date'],
    ['trafilatura-a5732af589', 'a meta tag a year after the JSON-LD date'],
    ['htmldate-aabe591f97', 'a date line right before the headline, a most-read list after it'],
    ['trafilatura-b50fc1135a', 'og:article:published_time ten days before the shown <time>'],
    ['trafilatura-6b2d5cd169', '<meta name="date"> a week after the shown date line'],
    ['trafilatura-4b23570dce', 'article:published_time stamped on the modified day, months after the shown <time>'],
  ])('%s (%s)', { timeout: 180_000 }, (id) => {
    const rec = metaRecord(id);
    const published = publishedOf(rec);
    expect(published, 'a date is given').not.toBeNull();
    expect(days(published!).some((day) => days(rec.published!).includes(day))).toBe(true);
  });

  it.each([
    ['trafilatura-d5ed7e1ecf', 'a download card’s date'],
    ['trafilatura-7030282276', 'a front page'],
    ['trafilatura-93391d7fa5', 'a product catalogue page typed NewsArticle'],
  ])('%s (%s, labelled undated): none given', { timeout: 180_000 }, (id) => {
    expectNoDateWhereLabelledUndated(id);
  });
});
