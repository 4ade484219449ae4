// Date rules modelled on pages of the shared development corpus (fragments, cut down to what each rule reads).
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { parseHumanDate } from '../../src/extract/date-parse';
import { findDates } from '../../src/extract/dates';
import { findHeadline } from '../../src/extract/headline';
import { readPageMetadata } from '../../src/extract/metadata';

function datesOf(html: string, url = 'https://news.example/story') {
  const doc = new JSDOM(html, { url }).window.document;
  const meta = readPageMetadata(doc, url);
  return findDates(doc, meta, url, findHeadline(doc, meta));
}

const ld = (node: object) => `<script type="application/ld+json">${JSON.stringify(node)}</script>`;

describe('pages about a thing (recipe, product, FAQ) have no publication date of their own', () => {
  it('ignores a Recipe node’s datePublished and a sailthru.date stamp when the page shows no date', () => {
    const html = `<html><head>${ld({ '@context': 'https://schema.org', '@type': 'Recipe', name: 'Schneewittchen-Kuchen', datePublished: '2019-01-08' })}
      <meta name="sailthru.date" content="2019-07-04 11:23:38"></head>
      <body><h1>Schneewittchen-Kuchen</h1><div class="preparation__time">120 Minuten</div><p>Zutaten: Mehl, Zucker, Eier.</p></body></html>`;
    expect(datesOf(html, 'https://recipes.example/kuchen-77975.html').published).toBeNull();
  });

  it('ignores article:published_time on a microdata Recipe page', () => {
    const html = `<html><head><meta property="article:published_time" content="2020-01-10T01:00:00"></head>
      <body><div itemscope itemtype="http://schema.org/Recipe"><h1 itemprop="name">Bienenstich-Muffins</h1>
      <p itemprop="recipeYield">etwa 12 Stück</p></div></body></html>`;
    expect(datesOf(html).published).toBeNull();
  });

  it('ignores a FAQPage’s article:published_time', () => {
    const html = `<html><head><meta property="article:published_time" content="2015-05-07T06:45:09">
      ${ld({ '@context': 'https://schema.org', '@type': 'FAQPage', mainEntity: [{ '@type': 'Question', name: 'Wie?' }] })}</head>
      <body><h1>Jetzt günstigen Autokredit finden</h1><p>Text.</p></body></html>`;
    expect(datesOf(html).published).toBeNull();
  });

  it('still reads a recipe’s date shown under its title', () => {
    const html = `<html><head>${ld({ '@context': 'https://schema.org', '@type': 'Recipe', name: 'Zitronenkuchen', datePublished: '2020-02-17T09:00:00+00:00' })}</head>
      <body><h1>Zitronenkuchen</h1><div class="entry-meta"><time class="entry-time">17 Feb 2020</time></div><p>Text.</p></body></html>`;
    expect(datesOf(html).published?.slice(0, 10)).toBe('2020-02-17');
  });

  it('an article that embeds a product keeps its own date', () => {
    const html = `<html><head>${ld({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Review', datePublished: '2020-02-11T18:16:58Z' })}
      ${ld({ '@context': 'https://schema.org', '@type': 'Product', name: 'Game' })}</head><body><h1>Review</h1></body></html>`;
    expect(datesOf(html).published).toBe('2020-02-11T18:16:58+00:00');
  });
});

describe('dates of other items on the page', () => {
  it('a shop review’s itemprop datePublished is not the page’s date', () => {
    const html = `<html><body><h1>Kleintierstall mit Freilaufgehege</h1><p>Beschreibung des Stalls.</p>
      <div itemprop="review" itemscope itemtype="https://schema.org/Review"><span itemprop="author" content="Georg N."></span>
      <span itemprop="datePublished" content="2020-06-08 00:00:00"></span><small>Georg N. am 8.6.2020</small></div></body></html>`;
    expect(datesOf(html).published).toBeNull();
  });
});

describe('an unmarked date line near the headline', () => {
  it('reads a date in a plain paragraph under the headline, with its zone', () => {
    const html = `<html><head><title>Australian megablaze brought under control</title></head><body><div class="banner-section"><h2>Australian megablaze brought under control</h2>
      <p>News24<br>13 Jan 2020, 22:11 GMT+10</p></div><div><p>A massive bushfire that has been burning for weeks was finally contained on Monday.</p></div></body></html>`;
    expect(datesOf(html).published).toBe('2020-01-13T22:11:00+10:00');
  });

  it('reads a labelled line (`Datum: 26. Januar 2022`) and a lone `<em>` date', () => {
    const telegram = '<html><head><title>Messengerdienste sind kein rechtsfreier Raum</title></head><body><h1>Mes\u00adsen\u00adger\u00addiens\u00adte sind kein rechts\u00adfrei\u00ader Raum</h1><ul class="info"><li>Datum:26. Januar 2022</li></ul><p>Text.</p></body></html>';
    expect(datesOf(telegram).published).toBe('2022-01-26');
    expect(datesOf('<html><head><title>Effiziente Hybridbatterie</title></head><body><p><em>01.11.2023 11:35</em></p><h4>Effiziente Hybridbatterie</h4><p>Text.</p></body></html>').published).toBe('2023-11-01T11:35:00');
  });

  it('a labelled line that is not a publication date (`Release: 14.11.2019`) does not count', () => {
    expect(datesOf('<html><head><title>Bee Simulator</title></head><body><h1>Bee Simulator</h1><div class="release"><b>Release:</b> 14.11.2019</div></body></html>').published).toBeNull();
  });

  it('never reads a date from the body’s sentences, from links or from an updated-only line', () => {
    const sentence = '<p>Am 27. Januar 2022 gedachte Deutschland der vielen Millionen Opfer des Nationalsozialismus.</p>';
    expect(datesOf(`<html><body><h1>Gedenkstunde</h1>${sentence}</body></html>`).published).toBeNull();
    expect(datesOf('<html><body><h1>Konzerte</h1><p><a href="/x">02.11.2022 - Placebo</a></p></body></html>').published).toBeNull();
    expect(datesOf('<html><body><h1>Reisehinweise</h1><span>Aktualisiert 12.11.2021</span><p>Text.</p></body></html>').published).toBeNull();
  });

  it('a date line far below the headline (past the article) does not count', () => {
    const filler = Array.from({ length: 80 }, (_, i) => `<p>Absatz ${i}</p>`).join('');
    expect(datesOf(`<html><body><h1>Titel</h1>${filler}<p>03.11.2021</p></body></html>`).published).toBeNull();
  });
});

describe('dates shown away from the usual places', () => {
  it('reads a date inside the headline’s own heading, after the headline (`<h1>Title<small>02.02.2022 •</small></h1>`)', () => {
    const html = `<html><head><title>Zuschauerrückkehr bei den Proficlubs der Region</title></head><body><article><h1> Zuschauerrückkehr bei den Proficlubs der Region<br>
      <small><span class="glyphicon glyphicon-calendar"></span>&nbsp; 02.02.2022 •&nbsp; <span>Handball</span></small></h1><p>Text.</p></article></body></html>`;
    expect(datesOf(html).published).toBe('2022-02-02');
  });

  it('reads a paragraph that opens with its date (`(18.01.2018) Deutschlands Landwirte …`), not a date later in it', () => {
    const html = `<html><head><title>Afrikanische Schweinepest: Neue Hoffnung durch Genome Editing</title></head><body><h1>Afrikanische Schweinepest: Neue Hoffnung durch Genome Editing</h1>
      <p><strong>(18.01.2018) Deutschlands Landwirte zittern vor der Afrikanischen Schweinepest, die sich in Osteuropa ausbreitet.</strong></p></body></html>`;
    expect(datesOf(html).published).toBe('2018-01-18');
    expect(datesOf('<html><body><h1>Schweinepest</h1><p>Landwirte zittern seit dem 18.01.2018 vor der Afrikanischen Schweinepest in Osteuropa.</p></body></html>').published).toBeNull();
  });

  it('reads a line anywhere that opens with a publication label (`Veröffentlicht am 16.08.2019`), outside furniture', () => {
    const filler = Array.from({ length: 80 }, (_, i) => `<p>Absatz ${i}</p>`).join('');
    const line = '<p>Veröffentlicht am 16.08.2019<br> Dauer: 1 Stunde 4 Minuten</p>';
    expect(datesOf(`<html><body><h1>RES158 Sternfusion</h1>${filler}${line}</body></html>`).published).toBe('2019-08-16');
    expect(datesOf(`<html><body><h1>RES158 Sternfusion</h1>${filler}<footer>${line}</footer></body></html>`).published).toBeNull();
    // Korean, Japanese and Chinese publication labels; an update label alone gives no publication date.
    const titled = (label: string) => `<html><body><dl><dt>엘제이-류화영 진흙탕 싸움</dt></dl>${filler}${label}<div>본문</div></body></html>`;
    expect(datesOf(titled('기사입력 :[ 2018-08-25 15:24 ]')).published).toBe('2018-08-25T15:24:00');
    expect(datesOf(titled('公開日: 2023-11-02')).published).toBe('2023-11-02');
    expect(datesOf(titled('更新 2023-11-02')).published).toBeNull();
    // A community's `Created Jan 25, 2008` in a side column (classes that say nothing) is not a publication date.
    expect(datesOf(`<html><body><h1>What to include in __init__.py</h1>${filler}<div class="_1qiHDKK"><svg></svg>Created Jan 25, 2008</div></body></html>`).published).toBeNull();
  });

  it('reads a dated footer row inside the headline’s article, but not a related block there', () => {
    const page = (row: string) => `<html><body><main><article><h1>VATIKAN: Eltern sollen queere Kinder unterstützen</h1><p>Text.</p>
      <div class="${row}"><div class="documentByLine"><span class="documentAuthor">erstellt von <a href="/author/d">Dominique</a> —</span>
      <span class="documentPublished"><span>veröffentlicht</span> 28.01.2022 06:00</span></div></div></article></main></body></html>`;
    expect(datesOf(page('mosaic-grid-row footerRow')).published).toBe('2022-01-28T06:00:00');
    expect(datesOf(page('relatedItems')).published).toBeNull();
  });

  it('reads a marked date past a site menu of hundreds of `meta-navigation` links, which do not count as date hints', () => {
    const links = Array.from({ length: 450 }, (_, i) => `<li class="meta-navigation__item"><a class="meta-navigation__link" href="/r/${i}">Ratgeber ${i}</a></li>`).join('');
    const html = `<html><body><header><nav><ul class="meta-navigation__list">${links}</ul></nav></header><main><h1>Eignet sich eine Wärmepumpe im Altbau?</h1>
      <ul class="page-hero__meta"><li>von Alexander Rosenkranz</li><li><time datetime="2022-03-09T08:15:00+01:00">vor drei Wochen</time></li></ul><p>Text.</p></main></body></html>`;
    expect(datesOf(html).published).toBe('2022-03-09T08:15:00+01:00');
  });
});

describe('metadata against the URL’s day', () => {
  const page = (time: string) => `<html><head><meta property="article:published_time" content="${time}"></head><body><h1>Explosions</h1></body></html>`;
  it('a late-evening UTC time one day before the URL’s day was shifted: the URL’s day wins', () => {
    expect(datesOf(page('2018-12-31T23:11:59+00:00'), 'https://blog.example/2019/01/01/neues-jahr/').published).toBe('2019-01-01');
  });
  it('a mid-day time one day before a print-edition URL keeps its own day', () => {
    expect(datesOf(page('2016-09-19T11:46:01+00:00'), 'https://news.example/2016/09/20/nyregion/explosions.html').published).toBe('2016-09-19T11:46:01+00:00');
  });
});

describe('markup and formats', () => {
  it('reads a custom element’s datetime attribute (GitHub’s relative-time)', () => {
    const html = '<html><body><h1>marzipanify</h1><div class="Box-header"><relative-time datetime="2020-07-07T12:10:51Z">on Jul 7, 2020</relative-time></div></body></html>';
    expect(datesOf(html).published).toBe('2020-07-07T12:10:51+00:00');
  });

  it('reads JSON-LD from a <script> without a type by its {"@context" opening, and no script that merely mentions it', () => {
    const node = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Der Papst', datePublished: '2022-01-28T06:00:00+01:00' };
    const body = '<body><h1>Der Papst</h1><p>Eltern sollen ihre Kinder unterstützen.</p></body>';
    expect(datesOf(`<html><head><script>${JSON.stringify(node)}</script><script>PORTAL_URL = 'https://news.example';</script></head>${body}</html>`).published).toBe('2022-01-28T06:00:00+01:00');
    expect(datesOf(`<html><head><script>var ld = ${JSON.stringify(node)};</script></head>${body}</html>`).published).toBeNull();
  });

  it('reads CJK year-month-day dates', () => {
    expect(parseHumanDate('2020年7月3日 17:16', null)).toBe('2020-07-03T17:16:00');
    expect(parseHumanDate('2019年03月15日', null)).toBe('2019-03-15');
  });
});
