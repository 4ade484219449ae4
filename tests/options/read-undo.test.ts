import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setReadUndoably } from '../../src/ui/options/read-undo';
import type { SavedMeta } from '../../src/storage/types';
import { articleVariant, fakeBrowser, openTestLibrary, type TestLibrary } from '../storage/helpers';

let opened: TestLibrary;

beforeEach(async () => {
  fakeBrowser.reset();
  opened = await openTestLibrary();
});
afterEach(() => {
  vi.useRealTimers();
  opened.library.close();
});

const T_READ_A = Date.UTC(2026, 0, 5, 9, 0);
const T_READ_B = Date.UTC(2026, 2, 1, 18, 30);
const T_NOW = Date.UTC(2026, 10, 26, 12, 0);

/** Three saved articles: a read on 5 Jan, b read on 1 Mar, c unread. Returns their metas as the options table holds them. */
async function library(): Promise<Map<string, SavedMeta>> {
  const metas = await Promise.all([1, 2, 3].map((n) => opened.library.saveArticle(articleVariant(n))));
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T_READ_A);
  await opened.library.setRead([metas[0]!.id], true);
  vi.setSystemTime(T_READ_B);
  await opened.library.setRead([metas[1]!.id], true);
  const rows = new Map<string, SavedMeta>();
  for (const meta of metas) rows.set(meta.id, (await opened.library.getMeta(meta.id))!);
  return rows;
}

const readAtOf = async (id: string) => (await opened.library.getMeta(id))?.readAt;

describe('undoing a bulk read/unread on the options page', () => {
  it('undoing "mark unread" gives each article its own old read time back, not the time of the undo', async () => {
    const rows = await library();
    const [a, b, c] = [...rows.keys()] as [string, string, string];
    expect(await readAtOf(a)).toBe(T_READ_A);
    expect(await readAtOf(b)).toBe(T_READ_B);

    vi.setSystemTime(T_NOW);
    const undo = await setReadUndoably(opened.library, [a, b, c], false, (id) => rows.get(id));
    expect([await readAtOf(a), await readAtOf(b), await readAtOf(c)]).toEqual([null, null, null]);

    vi.setSystemTime(T_NOW + 60_000);
    await undo();
    expect(await readAtOf(a)).toBe(T_READ_A);
    expect(await readAtOf(b)).toBe(T_READ_B);
    // c was unread before: the undo leaves it unread.
    expect(await readAtOf(c)).toBeNull();
  });

  it('undoing "mark read" makes unread again only the articles that were unread, keeping the others\' read times', async () => {
    const rows = await library();
    const [a, , c] = [...rows.keys()] as [string, string, string];
    vi.setSystemTime(T_NOW);
    const undo = await setReadUndoably(opened.library, [a, c], true, (id) => rows.get(id));
    expect(await readAtOf(a)).toBe(T_READ_A);
    expect(await readAtOf(c)).toBe(T_NOW);
    await undo();
    expect(await readAtOf(a)).toBe(T_READ_A);
    expect(await readAtOf(c)).toBeNull();
  });

  it('the library still stamps a plain "mark read" with the current time', async () => {
    const rows = await library();
    const c = [...rows.keys()][2]!;
    vi.setSystemTime(T_NOW);
    const [updated] = await opened.library.setRead([c], true);
    expect(updated?.readAt).toBe(T_NOW);
    // A restore time given for an article already read does not overwrite its own.
    const [a] = [...rows.keys()];
    expect(await opened.library.setRead([a!], true, new Map([[a!, 1]]))).toEqual([]);
    expect(await readAtOf(a!)).toBe(T_READ_A);
  });
});
