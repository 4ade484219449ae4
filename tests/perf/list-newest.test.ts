import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleVariant, openTestLibrary, type TestLibrary } from '../storage/helpers';

// listNewest's first page (what the popup's and the options page's lists paint first) is read in a few requests
// instead of one cursor step per row (issue 6). These show it returns exactly the rows, in the order, that reading
// row by row does: the next pages (`after`), which still use the cursor, must continue it without gap or repeat.
let opened: TestLibrary;

beforeEach(async () => {
  opened = await openTestLibrary();
});

afterEach(() => opened.library.close());

async function pagedIds(limit: number): Promise<string[]> {
  const ids: string[] = [];
  let after: { savedAt: number; id: string } | undefined;
  for (;;) {
    const page = await opened.library.listNewest(limit, after);
    if (page.items.length === 0) return ids;
    ids.push(...page.items.map((meta) => meta.id));
    after = page.items.at(-1);
  }
}

describe('the first page of listNewest', () => {
  it('is the newest rows in cursor order, with ties in the same millisecond on and across the page boundary', async () => {
    // Groups of 3 in one millisecond: a boundary falls inside a group for limits 4 and 5.
    for (let n = 0; n < 20; n++) await opened.library.saveArticle(articleVariant(n), { savedAt: 5_000 + Math.floor(n / 3) });
    const all = (await opened.library.listAll('savedAt', 'desc')).items.map((meta) => meta.id);
    for (const limit of [1, 4, 5, 6, 19, 20, 40]) {
      const first = (await opened.library.listNewest(limit)).items.map((meta) => meta.id);
      expect(first, `limit ${limit}`).toEqual(all.slice(0, limit));
      expect(await pagedIds(limit), `pages of ${limit}`).toEqual(all);
    }
  });

  it('is right when most rows share the boundary millisecond (it then reads row by row)', async () => {
    for (let n = 0; n < 30; n++) await opened.library.saveArticle(articleVariant(n), { savedAt: n < 25 ? 7_000 : 7_001 + n });
    const all = (await opened.library.listAll('savedAt', 'desc')).items.map((meta) => meta.id);
    expect((await opened.library.listNewest(8)).items.map((meta) => meta.id)).toEqual(all.slice(0, 8));
    expect(await pagedIds(8)).toEqual(all);
  });

  it('is empty for an empty library and whole for one smaller than the page', async () => {
    expect((await opened.library.listNewest(40)).items).toEqual([]);
    for (let n = 0; n < 3; n++) await opened.library.saveArticle(articleVariant(n), { savedAt: 9_000 + n });
    expect((await opened.library.listNewest(40)).items).toHaveLength(3);
  });
});
