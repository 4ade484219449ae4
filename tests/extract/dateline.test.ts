import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { dateFromUrl, guessDayFirst, parseHumanDate, parseMachineDate } from '../../src/extract/date-parse';
import { findDates } from '../../src/extract/dates';
import { readPageMetadata } from '../../src/extract/metadata';

function datesOf(html: string, url = 'https://news.example/story') {
  const doc = new JSDOM(html, { url }).window.document;
  return findDates(doc, readPageMetadata(doc, url), url);
}

describe('parseHumanDate: formats people write', () => {
  it.each([
    ['Created: 16-10-2024 15:35 IST', '2024-10-16T15:35:00+05:30'],
    ['October 16, 2024 3:35 PM EDT', '2024-10-16T15:35:00-04:00'],
    ['Dec 16th 2016', '2016-12-16'],
    ['Tue, 14 Jan 2020', '2020-01-14'],
    ['13. Januar 2014', '2014-01-13'],
    ['30 septembre 2018', '2018-09-30'],
    ['3 de mayo de 2022', '2022-05-03'],
    ['12 dicembre 2019 alle 10:05', '2019-12-12T10:05:00'],
    ['06.11.2023 13:30 von Olga', '2023-11-06T13:30:00'],
    ['13 Jan 2020, 22:11 GMT+10', '2020-01-13T22:11:00+10:00'],
    ['Updated on December 12, 2016 09:22 AM', '2016-12-12T09:22:00'],
    ['12:00 am, March 1, 2021', '2021-03-01'],
    ['2019/02/13', '2019-02-13'],
  ])('%s → %s', (text, iso) => {
    expect(parseHumanDate(text, null)).toBe(iso);
  });

  it('maps timezone abbreviations to offsets', () => {
    expect(parseHumanDate('16 Oct 2024 10:00 CEST', null)).toBe('2024-10-16T10:00:00+02:00');
    expect(parseHumanDate('16 Oct 2024 10:00 PST', null)).toBe('2024-10-16T10:00:00-08:00');
    expect(parseHumanDate('16 Oct 2024 10:00 GMT', null)).toBe('2024-10-16T10:00:00+00:00');
    expect(parseHumanDate('16 Oct 2024 10:00 UTC+5:30', null)).toBe('2024-10-16T10:00:00+05:30');
  });

  it('reads 03/04/2024 by the day order it is told, and a part above 12 as the day whatever it is told', () => {
    expect(parseHumanDate('03/04/2024', true)).toBe('2024-04-03');
    expect(parseHumanDate('03/04/2024', false)).toBe('2024-03-04');
    expect(parseHumanDate('16/10/2024', false)).toBe('2024-10-16');
    expect(parseHumanDate('10/16/2024', true)).toBe('2024-10-16');
  });

  it('without a hint, reads dotted and dashed dates day first and slashed dates month first', () => {
    expect(parseHumanDate('03.04.2024', null)).toBe('2024-04-03');
    expect(parseHumanDate('03-04-2024', null)).toBe('2024-04-03');
    expect(parseHumanDate('03/04/2024', null)).toBe('2024-03-04');
  });

  it('returns null for text with no date or an impossible one', () => {
    expect(parseHumanDate('Devdiscourse News Desk', null)).toBeNull();
    expect(parseHumanDate('31/02/2024', null)).toBeNull();
    expect(parseHumanDate('Mayday 12 2024', null)).toBeNull();
  });

  it('never throws and always returns ISO or null, whatever the input', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.boolean(), { nil: null }), (text, dayFirst) => {
        const result = parseHumanDate(text, dayFirst);
        return result === null || /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2})?)?$/.test(result);
      }),
    );
  });
});

describe('parseMachineDate', () => {
  it('keeps the written offset and turns Z into +00:00', () => {
    expect(parseMachineDate('2024-10-16T15:35:00+05:30')).toBe('2024-10-16T15:35:00+05:30');
    expect(parseMachineDate('2016-10-13T16:34:00.918Z')).toBe('2016-10-13T16:34:00+00:00');
    expect(parseMachineDate('2016-12-16 13:05:39-05:00')).toBe('2016-12-16T13:05:39-05:00');
    expect(parseMachineDate('20241016')).toBe('2024-10-16');
  });

  it('falls back to human forms such as 12-15-2016 (month first when the day cannot be first)', () => {
    expect(parseMachineDate('12-15-2016')).toBe('2016-12-15');
  });
});

describe('guessDayFirst: day/month order from the page', () => {
  it('follows unambiguous dates written on the page', () => {
    expect(guessDayFirst(['25/12/2023'], 'en-US')).toBe(true);
    expect(guessDayFirst(['12/25/2023'], 'de')).toBe(false);
  });

  it('falls back to the language: US English month first, other languages day first, plain English undecided', () => {
    expect(guessDayFirst([], 'en-US')).toBe(false);
    expect(guessDayFirst([], 'de-DE')).toBe(true);
    expect(guessDayFirst([], 'en')).toBeNull();
    expect(guessDayFirst([], null)).toBeNull();
  });
});

describe('findDates: precedence', () => {
  it('JSON-LD wins over meta tags, which win over the visible dateline', () => {
    const dates = datesOf(`<html><head>
      <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-01-02T10:00:00+01:00","dateModified":"2024-01-03T09:00:00+01:00"}</script>
      <meta property="article:published_time" content="2023-05-05T00:00:00Z"></head>
      <body><article><h1>Headline here</h1><p class="date">Published: 7 March 2022</p><p>${'Body text. '.repeat(30)}</p></article></body></html>`);
    expect(dates.published).toBe('2024-01-02T10:00:00+01:00');
    expect(dates.modified).toBe('2024-01-03T09:00:00+01:00');
  });

  it('reads meta tags written with value= instead of content=', () => {
    const dates = datesOf('<html><head><meta value="2016-12-29T01:32:00+00:00" name="article:published_time"></head><body><p>x</p></body></html>');
    expect(dates.published).toBe('2016-12-29T01:32:00+00:00');
  });

  it('keeps published and updated apart on a visible dateline, and reports the line to remove', () => {
    const dates = datesOf(`<html lang="en"><body><article><h1>Headline here</h1>
      <div class="author-date"><a href="/a">Jane Roe</a> | <span>Updated: 16-10-2024 16:16 IST</span> | <span>Created: 16-10-2024 15:35 IST</span></div>
      <p>${'Body text. '.repeat(30)}</p></article></body></html>`);
    expect(dates.published).toBe('2024-10-16T15:35:00+05:30');
    expect(dates.modified).toBe('2024-10-16T16:16:00+05:30');
    expect(dates.element?.className).toBe('author-date');
    expect(dates.bylineText).toBe('Jane Roe');
  });

  it('ignores dates in related blocks, sidebars, comments, footers and a site header without the headline', () => {
    const dates = datesOf(`<html><body>
      <header class="site"><nav><a href="/">Home</a></nav><span class="date">Mittwoch, 01. November 2023</span></header>
      <article><h1>Headline here</h1><p>${'Body text. '.repeat(30)}</p></article>
      <aside><span class="date">2 May 2021</span></aside>
      <div class="related-posts"><time datetime="2020-01-01">1 Jan</time></div>
      <div id="comments"><span class="comment-date">3 June 2021</span></div>
      <footer><p class="copyright">© 2023, updated 4 June 2021</p></footer></body></html>`);
    expect(dates.published).toBeNull();
    expect(dates.modified).toBeNull();
  });

  it('reads <time datetime> and itemprop=datePublished in the article', () => {
    expect(datesOf('<html><body><article><h1>Headline here</h1><time datetime="2019-04-28T08:00:00+09:00">28 April</time></article></body></html>').published).toBe('2019-04-28T08:00:00+09:00');
    expect(datesOf('<html><body><div><h1>Headline here</h1><span itemprop="datePublished" content="2020-02-05">5. Februar 2020</span></div></body></html>').published).toBe('2020-02-05');
  });

  it('prefers the page\'s own day when the metadata time is UTC and falls on the next day', () => {
    const dates = datesOf(`<html><head><meta property="article:published_time" content="2023-11-09T03:28:35+00:00"></head>
      <body><article><h1>Headline here</h1><span class="date">November 8, 2023 10:28pm</span><p>${'Body text. '.repeat(30)}</p></article></body></html>`);
    expect(dates.published).toBe('2023-11-08T22:28:00');
  });

  it('falls back to a date in the URL, and otherwise gives no date', () => {
    expect(datesOf('<html><body><p>nothing dated</p></body></html>', 'https://blog.example/2016/12/23/post').published).toBe('2016-12-23');
    expect(datesOf('<html><body><p>nothing dated</p></body></html>').published).toBeNull();
    expect(dateFromUrl('https://x.example/2016/13/40/post')).toBeNull();
  });

  it('reads the JSON-LD of a block with a closing brace too many or a trailing comma', () => {
    const ld = (json: string) => `<html><head><script type="application/ld+json">${json}</script></head><body><p>nothing dated</p></body></html>`;
    expect(datesOf(ld('{"@type": "NewsArticle", "datePublished": "2020-10-26T18:10:00+01:00"} }')).published).toBe('2020-10-26T18:10:00+01:00');
    expect(datesOf(ld('{"@type": "NewsArticle", "datePublished": "2020-10-26T18:10:00+01:00",}')).published).toBe('2020-10-26T18:10:00+01:00');
    expect(datesOf(ld('{"@type": "NewsArticle", "datePublished": "2020-10-26T18:10:00+01:00"')).published).toBeNull();
  });

  it('reads a path segment written day-month-year in the page language\'s order, and only a whole segment', () => {
    const page = (url: string, lang: string) => datesOf(`<html lang="${lang}"><body><p>nothing dated</p></body></html>`, url).published;
    expect(page('https://verein.example/media-news/meldungen/29-10-2021', 'de')).toBe('2021-10-29');
    expect(page('https://verein.example/meldungen/05-10-2021', 'de')).toBe('2021-10-05');
    expect(page('https://news.example/stories/05-10-2021?ref=home', 'en-US')).toBe('2021-05-10');
    expect(page('https://shop.example/item/05-10-2021-edition', 'de')).toBeNull();
    expect(page('https://shop.example/sku/31-02-2021', 'de')).toBeNull();
  });
});

describe('dates of a blog post (the post sits in a "widget", its date in the post footer)', () => {
  const page = (footerDate: string) => `<!doctype html><html lang="en"><head><title>Blog: Privacy notes</title></head><body>
    <header><h1>Blog</h1></header>
    <div class="widget Blog"><div class="post">
      <h3 class="post-title">Privacy notes</h3>
      <div class="post-body"><p>${'Words of the post. '.repeat(40)}</p></div>
      <div class="post-footer">Posted at ${footerDate}</div>
    </div></div>
    <div class="widget Archive"><ul><li><abbr class="published" itemprop="datePublished" title="2017-01-02T10:00:00Z">Jan 2</abbr></li></ul></div>
    <footer><abbr itemprop="datePublished" title="2016-05-05T10:00:00Z">old</abbr></footer></body></html>`;

  it('reads the datePublished in the post footer of the widget that holds the headline', () => {
    const html = page('<abbr class="published" itemprop="datePublished" title="2018-06-05T08:00:00-07:00">08:00</abbr>');
    const doc = new JSDOM(html, { url: 'https://blog.example/2018/privacy.html' }).window.document;
    const meta = readPageMetadata(doc, 'https://blog.example/2018/privacy.html');
    expect(findDates(doc, meta, 'https://blog.example/2018/privacy.html', 'Privacy notes').published).toBe('2018-06-05T08:00:00-07:00');
  });

  it('still ignores a footer date without that markup, and dates in other widgets and the page footer', () => {
    const html = page('<span class="date">5 June 2018</span>');
    const doc = new JSDOM(html, { url: 'https://blog.example/privacy.html' }).window.document;
    const meta = readPageMetadata(doc, 'https://blog.example/privacy.html');
    expect(findDates(doc, meta, 'https://blog.example/privacy.html', 'Privacy notes').published).toBeNull();
  });
});
