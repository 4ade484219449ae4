// Real pages from the shared development corpus whose byline a rule in src/extract/byline.ts fixed.
// Read gzipped from ../shared/corpus at test time (their licence forbids copying them here). Runs the pipeline's
// steps up to the byline (metadata, headline, dates, byline), as extractUnsanitized does before the body.
import { describe, expect, it } from 'vitest';
import { bylineOfPage } from './corpus-steps';

describe('corpus pages: bylines', () => {
  it.each<[string, string | null, string]>([
    ['trafilatura-5d05d972bb', 'Evan Symon', 'Yoast JSON-LD author given as an @id reference'],
    ['trafilatura-8c863b151e', 'Ivan Valetny', 'meta author equal to DC.publisher rejected; "Text & Fotos:" stripped'],
    ['mercury-292b84001a', 'Arielle Pardes', 'article:author before a company in meta author'],
    ['trafilatura-835c850abb', 'Jessica Holly', 'a JSON-LD uploader the page never shows loses to the shown byline'],
    ['trafilatura-988d9eaa79', 'Klaus Stanjek', 'a "von <em>Name</em>" line in the page'],
    ['trafilatura-a36f479981', 'Dennis Kochinky', '"<strong>von</strong> <span>Name</span>" in an author box'],
    ['trafilatura-a0d197e3a9', null, 'a name only in the metadata, never shown on the page: no author'],
    ['trafilatura-b6ccac1574', 'Klausmartin Friedrich', 'a "Text:" / "Autor:" label line below the article'],
    ['trafilatura-f8f22af824', 'Peter Maahn and SP-X', 'an "Autor:" label in an <h5> with the name in the text after it'],
    ['trafilatura-52142c8858', 'Kathrin', 'a content-sidebar-wrap around <main> is not furniture'],
    ['trafilatura-1e2ba0889e', 'Leonora Holling', 'a has-double-sidebar layout flag on the wrapper of the article is not furniture'],
    ['trafilatura-60c767494e', 'T. V. Raman', 'a Blogger widget holding the post\'s <h1> is not furniture'],
    ['trafilatura-3cbebea0f9', null, 'a related card\'s author in an <aside> of the article'],
    ['trafilatura-85bd20d5fe', null, 'an agency credit alone (AFP)'],
    ['trafilatura-0ddaaedbac', null, 'an agency credit (AgE), then a one-word section in the dateline'],
    ['trafilatura-9809f2cbe7', null, 'an organisation named with its country (Diakonie Deutschland)'],
    ['trafilatura-b0b41ebbd6', null, 'an organisation with its legal form (eG)'],
  ])('%s → %s (%s)', { timeout: 180_000 }, (id, byline, _why) => {
    expect(bylineOfPage(id)).toBe(byline);
  });
});
