// Headlines on pages whose titles name only the site or a section: the first heading that prose follows, and the
// date shown beside it. Fragments modelled on the corpus pages the rule fixed, and those pages against truth.json.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { findDates } from '../../src/extract/dates';
import { findHeadline } from '../../src/extract/headline';
import { readPageMetadata } from '../../src/extract/metadata';
import { metaDocument, metaRecord } from './corpus';

const prose = 'Energieverbraucher erhalten eine Preiserhöhung nach der nächsten, Grundversorger lehnen neue Kunden ab.';

function read(doc: Document, url: string) {
  const meta = readPageMetadata(doc, url);
  const headline = findHeadline(doc, meta);
  return { headline, published: findDates(doc, meta, url, headline).published };
}

const fragment = (html: string, url = 'https://verein.example/news/detail?id=765') => read(new JSDOM(html, { url }).window.document, url);

describe('a heading that prose follows, when the titles name only the site or a section', () => {
  it('takes an <h6> headline over a one-word section in the tab title, and reads the dated opening after it', () => {
    const { headline, published } = fragment(`<html><head><title>verein.example | Gaspreise</title></head><body>
      <nav><h4><a href="/forum">Internetforum für alle Mitglieder</a></h4><p>${prose}</p></nav>
      <div class="content"><div class="itc-headline">Energiepreiskrise: Entlastungen und Rechte auf einen Blick</div>
      <h6>Energiepreiskrise: Entlastungen und Rechte auf einen Blick</h6><h5><em>Von Leonora Holling</em></h5>
      <p>(21. November 2022) ${prose}</p></div></body></html>`);
    expect(headline).toBe('Energiepreiskrise: Entlastungen und Rechte auf einen Blick');
    expect(published?.slice(0, 10)).toBe('2022-11-21');
  });

  it('takes an <h4> over a tab title that is the site’s name', () => {
    const { headline, published } = fragment(`<html><head><title>Verein Deutscher Beispiele e.V.</title></head><body>
      <div class="col"><p>2021-10-16 | Botschaft<br><h4>Die Nacht der Geburt sei gesegnet!</h4></p><p>${prose}</p></div></body></html>`);
    expect(headline).toBe('Die Nacht der Geburt sei gesegnet!');
    expect(published?.slice(0, 10)).toBe('2021-10-16');
  });

  it('passes over short widget headings and linked teasers; no prose after a heading keeps the tab title', () => {
    expect(fragment(`<html><head><title>Schwimmen - Aktuelles | Verband</title></head><body><h2>Kommende Events</h2><p>${prose}</p>
      <h3><a href="/a">Ein verlinkter Teaser mit Worten</a></h3><p>${prose}</p>
      <h2>Levelpässe können ab sofort bestellt werden</h2><p></p><div class="news"><p>${prose}</p></div></body></html>`).headline)
      .toBe('Levelpässe können ab sofort bestellt werden');
    expect(fragment(`<html><head><title>Schwimmen - Aktuelles | Verband</title></head><body><h2>Drei Worte hier</h2><ul><li>Eins</li></ul></body></html>`).headline)
      .toBe('Schwimmen - Aktuelles | Verband');
  });

  it('keeps the tab title when a heading before the prose shows it', () => {
    expect(fragment(`<html><head><title>Effiziente Hybridbatterie</title></head><body><h4>Effiziente Hybridbatterie</h4>
      <h5>Dr. Karin Schmitz <a href="/i">Gesellschaft</a></h5><p>${prose}</p><div class="help"><h5>Die Suche im ganzen Archiv</h5><p>${prose}</p></div></body></html>`).headline)
      .toBe('Effiziente Hybridbatterie');
  });
});

describe('corpus pages: headline and date on the truth’s', () => {
  it.each([
    ['trafilatura-1e2ba0889e', 'an <h6> headline under a one-word section title', true],
    ['trafilatura-b8b1b9bd9b', 'an <h4> headline under a site-name title', true],
    ['trafilatura-8cbf4ce599', 'an <h2> headline among sidebar <h1>s (truth upper-cased by CSS)', false],
  ])('%s (%s)', { timeout: 180_000 }, (id, _why, sameCase) => {
    const rec = metaRecord(id);
    const doc = metaDocument(rec);
    try {
      const { headline, published } = read(doc, rec.url);
      expect(sameCase ? headline : headline.toUpperCase()).toBe(rec.title);
      expect(published?.slice(0, 10)).toBe(rec.published!.slice(0, 10));
    } finally {
      doc.defaultView?.close();
    }
  });
});
