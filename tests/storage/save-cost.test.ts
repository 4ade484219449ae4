import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordBytes } from '../../src/storage/size';
import { SCHEMA_VERSION, type SavedArticle } from '../../src/storage/types';
import { articleVariant, fakeBrowser, openTestLibrary, realArticle, recordWrites, type TestLibrary } from './helpers';

let opened: TestLibrary;
beforeEach(async () => {
  fakeBrowser.reset();
  opened = await openTestLibrary();
});
afterEach(() => opened.library.close());

async function fillLibrary(count: number): Promise<void> {
  const batch: SavedArticle[] = [];
  for (let n = 0; n < count; n++) {
    batch.push({ ...articleVariant(n, 16), id: '', savedAt: 1_000 + n, readAt: null, tags: [], contentSaved: true, schema: SCHEMA_VERSION });
    if (batch.length === 500 || n === count - 1) {
      await opened.library.importRecords(batch.splice(0));
    }
  }
  expect(await opened.library.count()).toBe(count);
}

/** What one more save of the real article asks IndexedDB to write. */
async function costOfOneSave(savedAt: number) {
  const writes = recordWrites();
  try {
    await opened.library.saveArticle(realArticle(), { savedAt });
  } finally {
    writes.stop();
  }
  const { tally } = writes;
  await opened.library.remove([realArticle().canonicalUrl]);
  return tally;
}

describe('the cost of one save does not grow with the library', () => {
  it('writes the same records and bytes at 10 and at 5,000 saved articles', async () => {
    await fillLibrary(10);
    const small = await costOfOneSave(1_700_000_000_000);
    await fillLibrary(5_000);
    const large = await costOfOneSave(1_700_000_000_000);

    // One meta, one body, one terms record; nothing else is rewritten.
    expect(small.puts).toBe(3);
    expect(large.puts).toBe(small.puts);
    expect(large.deletes).toBe(small.deletes);
    expect(Math.abs(large.bytes - small.bytes)).toBeLessThanOrEqual(16);
    // And it is of the order of the article itself (meta, body, and its search terms), not of the library.
    const article = realArticle();
    expect(small.bytes).toBeLessThan(4 * recordBytes({ html: article.contentHtml, text: article.textContent }));
  }, 120_000);

  it('marking one article read rewrites only its own small record', async () => {
    await fillLibrary(1_000);
    const id = articleVariant(500, 16).canonicalUrl;
    const writes = recordWrites();
    await opened.library.setRead([id], true);
    writes.stop();
    expect(writes.tally.puts).toBe(1);
    expect(writes.tally.bytes).toBeLessThan(4_000);
  }, 60_000);
});
