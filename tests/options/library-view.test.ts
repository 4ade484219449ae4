import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SCHEMA_VERSION, type SavedMeta } from '../../src/storage/types';
import { DEFAULT_VIEW, readerHref, siteCounts, siteOf, viewRows } from '../../src/ui/options/library-view';
import { visibleRange } from '../../src/ui/options/windowing';

function meta(overrides: Partial<SavedMeta> & Pick<SavedMeta, 'id'>): SavedMeta {
  return {
    canonicalUrl: overrides.id,
    url: overrides.id,
    title: overrides.id,
    byline: null,
    siteName: null,
    published: null,
    modified: null,
    excerpt: null,
    lang: null,
    dir: null,
    leadImage: null,
    wordCount: 800,
    readingMinutes: 4,
    savedAt: 0,
    readAt: null,
    tags: [],
    contentSaved: true,
    schema: SCHEMA_VERSION,
    ...overrides,
  };
}

const library = [
  meta({ id: 'https://www.bbc.co.uk/news/a', siteName: 'BBC News', savedAt: 3, published: '2026-01-10T09:00:00+00:00', readingMinutes: 7 }),
  meta({ id: 'https://apnews.com/b', siteName: null, savedAt: 1, published: '2026-01-10T10:30:00+05:30', readingMinutes: 2, readAt: 50 }),
  meta({ id: 'https://www.lwn.net/c', siteName: null, savedAt: 2, published: null, contentSaved: false, readingMinutes: 0 }),
  meta({ id: 'https://www.bbc.co.uk/news/d', siteName: 'BBC News', savedAt: 4, published: '2025-12-31', readingMinutes: 12, readAt: 60 }),
];
const ids = (rows: SavedMeta[]) => rows.map((row) => row.id.split('/').at(-1));

describe('viewRows', () => {
  it('lists newest saved first by default', () => {
    expect(ids(viewRows(library, DEFAULT_VIEW))).toEqual(['d', 'a', 'c', 'b']);
  });

  it('compares published dates as instants across UTC offsets, undated last in either order', () => {
    // b is 10:30 at +05:30 = 05:00 UTC, earlier than a at 09:00 UTC.
    expect(ids(viewRows(library, { ...DEFAULT_VIEW, sort: 'published', order: 'desc' }))).toEqual(['a', 'b', 'd', 'c']);
    expect(ids(viewRows(library, { ...DEFAULT_VIEW, sort: 'published', order: 'asc' }))).toEqual(['d', 'b', 'a', 'c']);
  });

  it('sorts by site label and by reading time, links without content last', () => {
    expect(ids(viewRows(library, { ...DEFAULT_VIEW, sort: 'siteName', order: 'asc' }))).toEqual(['b', 'd', 'a', 'c']);
    expect(ids(viewRows(library, { ...DEFAULT_VIEW, sort: 'readingMinutes', order: 'asc' }))).toEqual(['b', 'a', 'd', 'c']);
    expect(ids(viewRows(library, { ...DEFAULT_VIEW, sort: 'readingMinutes', order: 'desc' }))).toEqual(['d', 'a', 'b', 'c']);
  });

  it('filters by read state and by site', () => {
    expect(ids(viewRows(library, { ...DEFAULT_VIEW, read: 'unread' }))).toEqual(['a', 'c']);
    expect(ids(viewRows(library, { ...DEFAULT_VIEW, read: 'read' }))).toEqual(['d', 'b']);
    expect(ids(viewRows(library, { ...DEFAULT_VIEW, site: 'BBC News', read: 'unread' }))).toEqual(['a']);
    expect(ids(viewRows(library, { ...DEFAULT_VIEW, site: 'lwn.net' }))).toEqual(['c']);
  });

  it('never loses or invents a row, whatever the sort', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ savedAt: fc.nat(), readingMinutes: fc.nat(60), published: fc.option(fc.date({ noInvalidDate: true }).map((d) => d.toISOString())) }), { maxLength: 40 }),
        fc.constantFrom('savedAt', 'published', 'siteName', 'readingMinutes' as const),
        fc.constantFrom('asc', 'desc' as const),
        (records, sort, order) => {
          const metas = records.map((record, index) => meta({ id: `https://example.com/${index}`, ...record }));
          const rows = viewRows(metas, { ...DEFAULT_VIEW, sort, order });
          expect(rows.map((row) => row.id).sort()).toEqual(metas.map((row) => row.id).sort());
        },
      ),
    );
  });
});

describe('sites and links', () => {
  it('names a site by its name, else its host without www', () => {
    expect(siteOf(library[0]!)).toBe('BBC News');
    expect(siteOf(library[2]!)).toBe('lwn.net');
    expect(siteCounts(library)).toEqual([
      { site: 'apnews.com', count: 1 },
      { site: 'BBC News', count: 2 },
      { site: 'lwn.net', count: 1 },
    ]);
  });

  it('builds a reader link whose id survives any URL characters', () => {
    const id = 'https://example.com/a?b=c&d=e#f';
    const href = readerHref(id);
    expect(href).toBe('reader.html?id=https%3A%2F%2Fexample.com%2Fa%3Fb%3Dc%26d%3De%23f');
    expect(new URL(href, 'chrome-extension://x/').searchParams.get('id')).toBe(id);
  });
});

describe('visibleRange', () => {
  it('renders only the rows in view plus overscan, at any scroll position', () => {
    expect(visibleRange(0, 520, 52, 10_000, 8)).toEqual({ first: 0, last: 18 });
    expect(visibleRange(52 * 5000, 520, 52, 10_000, 8)).toEqual({ first: 4992, last: 5018 });
    expect(visibleRange(52 * 10_000, 520, 52, 10_000, 8)).toEqual({ first: 9992, last: 10_000 });
    expect(visibleRange(100, 520, 52, 0, 8)).toEqual({ first: 0, last: 0 });
  });

  it('always covers the viewport and stays within the list', () => {
    fc.assert(
      fc.property(fc.nat(2_000_000), fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 100 }), fc.nat(20_000), fc.nat(10), (scrollTop, height, rowHeight, count, overscan) => {
        const { first, last } = visibleRange(scrollTop, height, rowHeight, count, overscan);
        expect(0 <= first && first <= last && last <= count).toBe(true);
        const firstVisible = Math.floor(scrollTop / rowHeight);
        const lastVisible = Math.min(count, Math.ceil((scrollTop + height) / rowHeight));
        if (firstVisible < count) {
          expect(first).toBeLessThanOrEqual(firstVisible);
          expect(last).toBeGreaterThanOrEqual(lastVisible);
        }
        expect(last - first).toBeLessThanOrEqual(Math.ceil(height / rowHeight) + 2 * overscan + 1);
      }),
    );
  });
});
