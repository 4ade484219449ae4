// Pages from the shared development corpus whose extraction a rule fixed, with the fields that must come out.
// The pages are read gzipped from the corpus at test time: their licence forbids copying them into this repository.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle, type ExtractOutcome } from '../../src/extract/index';
import { CORPUS, corpusFile, decode, metaRecord } from './corpus';

function extractPage(html: string, url: string): Extract<ExtractOutcome, { kind: 'article' }> {
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  const outcome = extractArticle(dom.window.document, url);
  if (outcome.kind !== 'article') throw new Error(`${url}: expected an article, got ${outcome.kind}`);
  return outcome;
}

function metaPage(id: string) {
  const record = metaRecord(id);
  return extractPage(decode(zlib.gunzipSync(fs.readFileSync(corpusFile('meta-dev', record.html_path)))), record.url);
}

function zytePage(idPrefix: string) {
  const truth = JSON.parse(fs.readFileSync(corpusFile('zyte-dev', 'ground-truth.json'), 'utf8')) as Record<string, { url: string; articleBody: string }>;
  const id = Object.keys(truth).find((k) => k.startsWith(idPrefix));
  if (!id) throw new Error(`no page ${idPrefix} in ${path.join(CORPUS, 'zyte-dev', 'ground-truth.json')}`);
  const article = extractPage(zlib.gunzipSync(fs.readFileSync(corpusFile('zyte-dev', 'html', `${id}.html.gz`))).toString('utf8'), truth[id]!.url);
  return { article, truth: truth[id]!.articleBody };
}

describe('corpus pages: bylines', () => {
  it.each([
    ['mercury-2239dc6a65', 'Ray Brown', 'a byline element under a <body class="no-sidebars"> is not a sidebar'],
    ['trafilatura-395576dc70', 'Peter Addor', '"von" dropped, commenters ignored'],
    ['trafilatura-81792cb7ac', 'Tobi', 'the name after "·" on a date line'],
    ['mercury-ffa1a8f4c6', 'Masafumi Negishi', 'a byline in the post footer inside the article'],
    ['trafilatura-04aa32f107', 'Daniel Lemire', '"Published by" / "View all posts by" prefixes'],
    ['mercury-07584f1b9f', 'Emily Kirkpatrick', 'the "Updated on …" part cut off'],
  ])('%s → %s (%s)', { timeout: 180_000 }, (id, byline) => {
    expect(metaPage(id).byline).toBe(byline);
  });
});

describe('corpus pages: published dates', () => {
  it.each([
    ['mercury-b7e1a0b0ec', '2016-10-13', 'meta tags written with value='],
    ['htmldate-4cd84ffadb', '2014-01-27', '<time datetime> in the entry header under a site-title <h1>'],
    ['trafilatura-925e5d7e86', '2019-07-07', 'RDFa property="dc:date" content='],
  ])('%s → %s (%s)', { timeout: 180_000 }, (id, day) => {
    expect(metaPage(id).published?.slice(0, 10)).toBe(day);
  });
});

describe('corpus pages: headlines', () => {
  it.each([
    ['trafilatura-4b23570dce', 'Eignet sich eine Wärmepumpe im Altbau?', 'the <h1> the title contains'],
  ])('%s → %s (%s)', { timeout: 180_000 }, (id, title) => {
    expect(metaPage(id).title).toBe(title);
  });
});

describe('corpus pages: body clean-up', () => {
  it('drops the print header, navigation list, repeated headline, byline, dateline and photo credits (chron.com)', { timeout: 180_000 }, () => {
    const { article, truth } = zytePage('9ebb3af65694');
    for (const junk of ['Sign In', 'Contact Chron', 'By Paul Takahashi', 'Published 4:00 am CST', 'Photo: David Zalubowski', 'Image 1 of']) {
      expect(article.textContent, junk).not.toContain(junk);
    }
    const firstParagraph = truth.split('\n')[0]!.trim();
    expect(article.textContent).toContain(firstParagraph.slice(0, 80));
  });

  it('drops image credits, "READ MORE"/"DON\'T MISS" promos and the dateline (express.co.uk)', { timeout: 180_000 }, () => {
    const { article } = zytePage('624fcd903d56');
    for (const junk of ['(Image: GETTY', "DON'T MISS", 'SEE MORE:', 'PUBLISHED: 10:48']) {
      expect(article.textContent, junk).not.toContain(junk);
    }
  });
});
