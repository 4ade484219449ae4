// Headlines of shared-corpus pages (meta-dev) that a headline rule fixed, each with the rule it guards.
// The pages are read gzipped from the corpus at test time: their licence forbids copying them into this repository.
import { describe, expect, it } from 'vitest';
import { findHeadline } from '../../src/extract/headline';
import { readPageMetadata } from '../../src/extract/metadata';
import { metaDocument, metaRecord } from './corpus';

function headlineOf(id: string): { got: string; want: string | null } {
  const rec = metaRecord(id);
  const doc = metaDocument(rec);
  const got = findHeadline(doc, readPageMetadata(doc, rec.url));
  doc.defaultView?.close();
  return { got, want: rec.title };
}

/** The scorer's comparison: the same text after quote, dash and space normalisation, case-sensitive. */
function norm(text: string | null): string {
  return (text ?? '')
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u2035\u02BC\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB\u300C\u300D]/g, '"')
    .replace(/[\u2010-\u2015\u2212\u30FC\uFE58\uFE63\uFF0D]/g, '-')
    .replace(/[\s\u00A0\u200B]+/g, ' ')
    .trim();
}

describe('headlines of corpus pages', () => {
  it.each([
    // The heading is the metadata title or a part of it between separators: site and section parts go.
    ['mercury-1d8662d232', 'the <h1> inside a "withSidebar" container is the title without "| CBC News"'],
    ['trafilatura-8c863b151e', 'a two-word <h1> is the first of three title parts'],
    ['mercury-4f207cf586', 'a CJK <h1> is the title before a full-width colon'],
    ['trafilatura-27878100f7', 'the <h1> is the title after its section part'],
    ['trafilatura-6b2d5cd169', 'the <h1> is the <title> before two site parts'],
    ['trafilatura-b6b555b0d4', 'an unclassed <h2> is the title before the blog name; the site-name <h1> is too short to count'],
    // A run of the heading's pieces: kicker, section or dateline pieces left out.
    ['trafilatura-6934b45348', 'an overline and a colon piece before the headline in the <h1>'],
    ['trafilatura-32c94ca84e', 'a date and categories after the headline in the <h1>'],
    ['trafilatura-1a53eff0c0', 'a section link "Local News |" before the headline in the <h1>'],
    ['trafilatura-84144a2f46', 'a "toptitle" kicker in the <h1>'],
    ['trafilatura-8df57708ba', 'a "subtitle" kicker in the <h1>'],
    ['trafilatura-aa4c8b0eb5', 'the JSON-LD headline (a whole title) beats the og:title parts "Einheit der Woche | …"'],
    ['trafilatura-b50fc1135a', 'a subtitle after the headline in the <h1> stays'],
    // Which heading and which title.
    ['trafilatura-5241f4f2bb', 'the second og:title is the <h1>'],
    ['trafilatura-60c767494e', "the post title in the title's own case beats an <h1> in other case"],
    ['trafilatura-b0b41ebbd6', 'the <h1> showing the whole og:title beats the site-header <h1> showing a <title> part'],
    ['trafilatura-6dbc886b0d', 'an <h1> showing one <title> part beats a longer <h2> showing another'],
    ['trafilatura-4aab5116a5', 'an <h1> in the breadcrumb trail is not the headline'],
    ['mercury-c8853fdb4f', 'a screen-reader-only <h1> is not the headline'],
    ['trafilatura-c04fa74e8a', 'the <h1> the <title> contains when og:title is a social teaser'],
    ['trafilatura-57d4ad0268', 'an <h1> that is the host name is not the headline'],
    ['trafilatura-e111c103f2', "the page's only <h1> of two words when no title matches"],
    ['trafilatura-66ccd752a9', 'a screen-reader-only <h2> holding the whole title does not beat the <h1>'],
  ])('%s: %s', (id) => {
    const { got, want } = headlineOf(id);
    expect(norm(got)).toBe(norm(want));
  });
});
