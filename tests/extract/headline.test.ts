import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { findHeadline, stripSiteName } from '../../src/extract/headline';
import { readPageMetadata } from '../../src/extract/metadata';

function headlineOf(html: string, url = 'https://www.dimido.de/2008/07/post') {
  const doc = new JSDOM(html, { url }).window.document;
  return findHeadline(doc, readPageMetadata(doc, url));
}

describe('findHeadline', () => {
  it('takes the <h1> the metadata title contains, keeping its own words and case', () => {
    expect(headlineOf(`<title>Why Donald Trump won't change | CNN Politics</title><h1>Why Donald Trump won't change</h1>`)).toBe("Why Donald Trump won't change");
  });

  it('drops a kicker line inside the <h1>', () => {
    expect(headlineOf(`<meta property="og:title" content="Daten von Rheinmetall gehackt - Interne Unterlagen"><h1><span class="topline">Interne Unterlagen im Netz</span> Daten von Rheinmetall gehackt</h1>`)).toBe('Daten von Rheinmetall gehackt');
  });

  it('does not take a site-name <h1> or one in the navigation', () => {
    expect(headlineOf(`<title>Was ist Virales Marketing? | DimidoBlog</title><h1>DimidoBlog</h1><nav><h1>Menu</h1></nav>`)).toBe('Was ist Virales Marketing?');
  });

  it('takes a class-marked <h2> headline the title contains when the <h1> is the site', () => {
    expect(headlineOf(`<title>Perturbazione polare al Centro e al Sud - La Stampa</title><h1>La Stampa</h1><h2 class="entry__title">Perturbazione polare al Centro e al Sud</h2>`, 'https://www.lastampa.it/x')).toBe('Perturbazione polare al Centro e al Sud');
  });

  it('uses the only <h1> when the metadata title says something else', () => {
    expect(headlineOf(`<meta property="og:title" content="Alaska Airlines to become full Oneworld member by spring"><h1>Alaska Airlines sets new date for full Oneworld membership</h1>`)).toBe('Alaska Airlines sets new date for full Oneworld membership');
  });
});

describe('stripSiteName', () => {
  it('cuts the site part on either side, by site name or host', () => {
    expect(stripSiteName('Headline of the story | Example News', 'Example News')).toBe('Headline of the story');
    expect(stripSiteName('Example News - Headline of the story', 'Example News')).toBe('Headline of the story');
  });

  it('keeps the title whole when no part is the site', () => {
    expect(stripSiteName('Mercury: the planet - explained', 'Example News')).toBe('Mercury: the planet - explained');
  });
});
