import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { extractArticle } from '../../src/extract/index';

const SEED_URL = 'https://www.devdiscourse.com/article/headlines/3117350-north-koreas-alleged-role-in-ukraine-intercontinental-tensions-rise';
const BODY_STARTS = [
  'In a recent address to parliament, Ukrainian President Volodymyr Zelenskiy asserted',
  "Zelenskiy's allegations, which the Kremlin dismisses as 'fake news,'",
  "On the international front, U.S. officials, including White House spokesperson Sean Savett",
  '(With inputs from agencies.)',
];
const LEFT_BEHIND = ['Left Menu', 'TRENDING', 'Pablo Matera', 'OPINION', 'Electronic Signatures', 'Connect us on', 'Newsletter', 'info@devdiscourse.com', 'Copyright', 'Image Credit', 'Updated:', 'Created:'];

function extractFixture(name: string) {
  const html = readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8');
  const dom = new JSDOM(html, { url: SEED_URL });
  const outcome = extractArticle(dom.window.document, SEED_URL);
  if (outcome.kind !== 'article') throw new Error(`expected an article, got ${outcome.kind}`);
  return outcome;
}

const STANDFIRST_START = 'Ukrainian President Zelenskiy claims North Korea supplies both weapons and personnel to aid Russia';
const LEAD_IMAGE_SRC = 'https://www.devdiscourse.com/remote.axd?https://devdiscoursecdn.azureedge.net/imagegallery/images/zelenskiy.jpg';

describe.each([
  ['with JSON-LD and meta tags', 'devdiscourse-north-korea-ukraine.html', 'Devdiscourse'],
  ['with no metadata at all', 'devdiscourse-north-korea-ukraine.no-metadata.html', null],
])('seed page %s', (_label, fixture, siteName) => {
  const article = extractFixture(fixture);

  it('reads the byline from the dateline line, names only', () => {
    expect(article.byline).toBe('Devdiscourse News Desk');
  });

  it('keeps the lead image above the body with its own caption', () => {
    expect(article.leadImage).toEqual({
      src: LEAD_IMAGE_SRC,
      alt: "North Korea's Alleged Role in Ukraine: Intercontinental Tensions Rise",
      caption: 'Volodymyr Zelenskiy Image Credit: Flickr',
    });
  });

  it('gives the standfirst as the excerpt', () => {
    expect(article.excerpt?.startsWith(STANDFIRST_START)).toBe(true);
    expect(article.excerpt?.endsWith('despite intentions to bolster military cooperation.')).toBe(true);
  });

  it('names the site only when the page does', () => {
    expect(article.siteName).toBe(siteName);
  });

  it('finds the headline', () => {
    expect(article.title).toBe("North Korea's Alleged Role in Ukraine: Intercontinental Tensions Rise");
  });

  it('reads the dateline: published (Created) and updated with the IST offset', () => {
    expect(article.published).toBe('2024-10-16T15:35:00+05:30');
    expect(article.modified).toBe('2024-10-16T16:16:00+05:30');
  });

  it('keeps the four body paragraphs in order', () => {
    const positions = BODY_STARTS.map((start) => article.textContent.indexOf(start));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(article.textContent.startsWith(BODY_STARTS[0]!)).toBe(true);
    expect(article.textContent.endsWith('(With inputs from agencies.)')).toBe(true);
  });

  it('leaves the menu, TRENDING, OPINION, footer, dateline and image credit out of the body', () => {
    for (const junk of LEFT_BEHIND) {
      expect(article.textContent, junk).not.toContain(junk);
      expect(article.contentHtml, junk).not.toContain(junk);
    }
  });

  it('counts words and reading time', () => {
    expect(article.wordCount).toBeGreaterThan(130);
    expect(article.wordCount).toBeLessThan(170);
    expect(article.readingMinutes).toBe(1);
  });

  it('gives the language and the canonical URL', () => {
    expect(article.lang).toBe('en');
    expect(article.canonicalUrl).toBe(SEED_URL);
  });
});
