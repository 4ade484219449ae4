// Published dates on pages of the shared development corpus that a date rule fixed, compared with the corpus truth
// (same calendar day; none where the page is labelled as having no date). The pages are read gzipped from the corpus
// at test time: their licence forbids copying them into this repository.
import { describe, expect, it } from 'vitest';
import { metaRecord } from './corpus';
import { expectNoDateWhereLabelledUndated, expectPublishedOnLabelledDay, publishedOf } from './corpus-steps';

describe('corpus pages: published date on the truth’s day', () => {
  it.each([
    ['trafilatura-4dab9fe26a', 'an unmarked `<em>` date line above an `<h4>` headline'],
    ['htmldate-51fac62fb6', 'a JSON-LD block with a closing brace too many (a related card’s date came first)'],
    ['trafilatura-db0cd6aa03', 'only in the URL, as a day-month-year path segment (`/meldungen/29-10-2021`)'],
    ['trafilatura-bd4c4028da', '`Datum:` line under a headline written with soft hyphens'],
    ['htmldate-2d6afec345', 'a plain `<p>` date line under an `<h2>` headline, with its GMT+10 zone'],
    ['trafilatura-f8f22af824', '`Datum: 03.11.2021 Autor: …` line'],
    ['trafilatura-7d5a5a64a3', 'metadata in UTC one day after the URL’s day'],
    ['trafilatura-d73ab8daad', 'metadata one day after the URL’s day'],
    ['mercury-313ffed2ee', 'a mid-day metadata time keeps its day against a print-edition URL one day later'],
    ['trafilatura-32c94ca84e', 'a date inside the headline’s `<h1>`, after the headline'],
    ['htmldate-93570a443f', 'a paragraph opening with its date `(18.01.2018) …`'],
    ['trafilatura-a16f6adb05', 'a paragraph opening with its date `01.02.2022 „Der Arbeitsmarkt …`'],
    ['trafilatura-0531144f75', '`Veröffentlicht am 16.08.2019` far below the headline'],
    ['trafilatura-a585cf9567', '`veröffentlicht 28.01.2022 06:00` in a footer row inside the article'],
  ])('%s (%s)', { timeout: 180_000 }, (id) => {
    expectPublishedOnLabelledDay(id);
  });
});

describe('corpus pages: JSON-LD published time', () => {
  it('trafilatura-a585cf9567: a NewsArticle in a <script> without a type gives the time with its offset', { timeout: 180_000 }, () => {
    expect(publishedOf(metaRecord('trafilatura-a585cf9567'))).toBe('2022-01-28T06:00:00+01:00');
  });
});

describe('corpus pages labelled as having no date: none given', () => {
  it.each([
    ['trafilatura-1e529fad9c', 'a Recipe node’s datePublished and sailthru.date'],
    ['trafilatura-cf7b1c8fd6', 'a microdata Recipe with datePublished/PublishDate meta'],
    ['trafilatura-b0267358be', 'an FAQPage with article:published_time'],
    ['trafilatura-bace9dd856', 'a shop page whose only dates are its reviews’'],
    ['trafilatura-66112f4dfc', 'a game page’s `Release:` line under the headline'],
    ['htmldate-2a45a70a1b', 'today’s date beside the site’s masthead <h1>'],
    ['trafilatura-4a621c67f8', 'a community’s `Created Jan 25, 2008` in a side column'],
  ])('%s (%s)', { timeout: 180_000 }, (id) => {
    expectNoDateWhereLabelledUndated(id);
  });
});
