import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedLibrary, seedMarker } from '../../src/storage/seed';
import { fakeBrowser, openTestLibrary, realArticle, type TestLibrary } from './helpers';

let opened: TestLibrary;
beforeEach(async () => {
  fakeBrowser.reset();
  opened = await openTestLibrary();
});
afterEach(() => opened.library.close());

describe('seeding a benchmark library', () => {
  it('writes the requested number of distinct articles in batches, each findable by its own marker word', async () => {
    const sources = [realArticle(), { ...realArticle(), canonicalUrl: 'https://example.org/other', title: 'Another story' }];
    const progress: number[] = [];
    const total = await seedLibrary(opened.library, sources, { count: 120, batchSize: 50, newestSavedAt: 1_700_000_000_000, onProgress: (n) => progress.push(n) });
    expect(total).toBe(120);
    expect(progress).toEqual([50, 100, 120]);
    const [hit, ...others] = await opened.library.search(seedMarker(77));
    expect(others).toEqual([]);
    expect(hit).toMatchObject({ title: 'Another story (77)', savedAt: 1_700_000_000_000 - 77 * 60_000 });
    const newest = await opened.library.listNewest(3);
    expect(newest.items.map((m) => m.title)).toEqual([`${sources[0]!.title} (0)`, 'Another story (1)', `${sources[0]!.title} (2)`]);
    // Seeding twice merges instead of duplicating.
    await seedLibrary(opened.library, sources, { count: 120, batchSize: 50, newestSavedAt: 1_700_000_000_000 });
    expect(await opened.library.count()).toBe(120);
  });
});
