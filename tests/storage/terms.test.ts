import { describe, expect, it } from 'vitest';
import { articleTerms, MAX_TERMS_PER_ARTICLE, parseQuery, termsOf } from '../../src/storage/terms';

describe('search terms', () => {
  it('folds case, accents and compatibility forms, and drops one-letter words', () => {
    expect([...termsOf("Élysée CAFÉ ﬁnance a I x Zelenskiy's 2024")]).toEqual(['elysee', 'cafe', 'finance', 'zelenskiy', '2024']);
  });

  it('splits Han and kana text, which has no spaces, into overlapping pairs', () => {
    expect([...termsOf('北朝鮮の兵士 Kim')]).toEqual(['北朝', '朝鮮', '鮮の', 'の兵', '兵士', 'kim']);
    expect([...termsOf('朝鮮')]).toEqual(['朝鮮']);
  });

  it('skips encoded blobs and bounds the terms of one article', () => {
    expect([...termsOf(`data ${'x'.repeat(41)} end`)]).toEqual(['data', 'end']);
    const huge = Array.from({ length: 10_000 }, (_, n) => `word${n}`).join(' ');
    const terms = articleTerms({ title: 'Title', siteName: 'Site', byline: 'Ann Lee', url: 'https://www.example.com/a', textContent: huge });
    expect(terms).toHaveLength(MAX_TERMS_PER_ARTICLE);
    // Title, site, byline and host come first, so a long body never pushes them out.
    expect(terms.slice(0, 6)).toEqual(['title', 'site', 'ann', 'lee', 'example', 'com']);
  });

  it('treats the last word as a prefix only while it is being typed', () => {
    expect(parseQuery('north kor')).toEqual({ exact: ['north'], prefix: 'kor' });
    expect(parseQuery('north korea ')).toEqual({ exact: ['north', 'korea'], prefix: null });
    expect(parseQuery('north k')).toEqual({ exact: ['north'], prefix: null });
    expect(parseQuery('  ')).toEqual({ exact: [], prefix: null });
  });
});
