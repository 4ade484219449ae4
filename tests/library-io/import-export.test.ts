import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from '@webext-core/fake-browser';
import { extractArticle } from '../../src/extract/index';
import type { Article } from '../../src/extract/types';
import { openLibrary, type Library } from '../../src/storage/library';
import type { SavedArticle } from '../../src/storage/types';
import { importLibraryFile, parseImportFile } from '../../src/library-io/import-file';
import { LIBRARY_FORMAT, looksTruncated, parseLibraryJson, serializeLibrary } from '../../src/library-io/library-json';
import { parsePocketCsv } from '../../src/library-io/pocket-csv';
import { parsePocketHtml } from '../../src/library-io/pocket-html';

const fixtures = path.resolve(__dirname, '../fixtures');
const readFixture = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');
const { DOMParser } = new JSDOM('').window;
const parser = new DOMParser();

function extractFixture(fileName: string, url: string): Article {
  const dom = new JSDOM(readFixture(`pages/${fileName}`), { url });
  const outcome = extractArticle(dom.window.document, url);
  if (outcome.kind !== 'article') throw new Error(`fixture ${fileName} is not an article`);
  return outcome;
}

/** Two real extracted articles, one read and tagged, and one saved link. */
async function seedLibrary(library: Library): Promise<void> {
  const article = extractFixture('devdiscourse-north-korea-ukraine.html', 'https://www.devdiscourse.com/article/politics/3111111-north-korea-ukraine');
  await library.saveArticle(article, { savedAt: 1_730_000_000_000, tags: ['world', 'korea'] });
  const noMetadata = extractFixture('devdiscourse-north-korea-ukraine.no-metadata.html', 'https://example.org/news/no-metadata-copy');
  const saved = await library.saveArticle(noMetadata, { savedAt: 1_730_100_000_000 });
  await library.setRead([saved.id], true);
  await library.saveLink({ url: 'https://lwn.net/Articles/990000/', title: 'A look at the 6.12 merge window', savedAt: 1_690_000_000_000, tags: ['linux'] });
}

async function everything(library: Library): Promise<SavedArticle[]> {
  const articles: SavedArticle[] = [];
  for await (const article of library.exportAll()) articles.push(article);
  return articles.sort((a, b) => a.id.localeCompare(b.id));
}

function asFile(name: string, text: string): Pick<File, 'name' | 'size' | 'text'> {
  return { name, size: Buffer.byteLength(text), text: async () => text };
}

let databaseCount = 0;
async function freshLibrary(): Promise<Library> {
  return openLibrary({ name: `import-test-${++databaseCount}`, idbFactory: new IDBFactory(), storage: fakeBrowser.storage as never });
}

beforeEach(() => fakeBrowser.reset());

describe('our JSON format', () => {
  it('round-trips a library exactly: export, import into an empty library, export again', async () => {
    const source = await freshLibrary();
    await seedLibrary(source);
    const original = await everything(source);
    expect(original).toHaveLength(3);
    expect(original.some((article) => article.readAt !== null)).toBe(true);
    expect(original.some((article) => !article.contentSaved)).toBe(true);

    const text = serializeLibrary(original, new Date('2026-11-26T12:00:00Z'));
    const target = await freshLibrary();
    const outcome = await importLibraryFile(target, asFile('broadsheet-2026-11-26.json', text), parser);
    expect(outcome).toEqual({ ok: true, format: 'broadsheet-json', added: 3, merged: 0, skipped: 0 });
    expect(await everything(target)).toEqual(original);
  });

  it('writes the versioned envelope with complete records', () => {
    const file = JSON.parse(serializeLibrary([], new Date('2026-01-02T03:04:05Z')));
    expect(file).toEqual({ format: LIBRARY_FORMAT, version: 1, exportedAt: '2026-01-02T03:04:05.000Z', articles: [] });
  });

  it('importing the same export twice merges instead of duplicating', async () => {
    const source = await freshLibrary();
    await seedLibrary(source);
    const text = serializeLibrary(await everything(source), new Date());
    const outcome = await importLibraryFile(source, asFile('again.json', text), parser);
    expect(outcome).toMatchObject({ ok: true, added: 0, merged: 3 });
    expect(await source.count()).toBe(3);
  });
});

describe('bad files change nothing and say what is wrong', () => {
  let library: Library;
  let before: SavedArticle[];
  let goodExport: string;

  beforeEach(async () => {
    library = await freshLibrary();
    await seedLibrary(library);
    before = await everything(library);
    goodExport = serializeLibrary(before, new Date('2026-11-26T12:00:00Z'));
  });

  const withFile = (data: Record<string, unknown>) => JSON.stringify(data);

  const cases: Array<[label: string, name: string, text: () => string, code: string, detail?: RegExp]> = [
    ['truncated JSON', 'cut.json', () => goodExport.slice(0, Math.floor(goodExport.length * 0.6)), 'truncated'],
    ['JSON that is not JSON', 'junk.json', () => '{"format": broadsheet}', 'not-json'],
    ['a wrong version', 'v9.json', () => withFile({ ...JSON.parse(goodExport), version: 9 }), 'wrong-version', /9/],
    ['a foreign JSON file', 'foreign.json', () => readFixture('imports/foreign.json'), 'foreign'],
    ['a bare array', 'list.json', () => JSON.stringify(JSON.parse(goodExport).articles), 'foreign'],
    [
      'one article with a javascript: URL among good ones',
      'evil.json',
      () => {
        const file = JSON.parse(goodExport);
        file.articles[2].url = 'javascript:alert(1)';
        return JSON.stringify(file);
      },
      'invalid-article',
      /3.*url/,
    ],
    [
      'one article missing its body field',
      'partial.json',
      () => {
        const file = JSON.parse(goodExport);
        delete file.articles[1].contentHtml;
        return JSON.stringify(file);
      },
      'invalid-article',
      /2.*contentHtml/,
    ],
    [
      'the same article twice',
      'twice.json',
      () => {
        const file = JSON.parse(goodExport);
        file.articles.push({ ...file.articles[0], title: 'changed' });
        return JSON.stringify(file);
      },
      'duplicate',
    ],
    ['an empty file', 'empty.json', () => '   \n', 'empty'],
    ['a Pocket HTML file with a javascript: link and a bad time', 'ril_export.html', () => readFixture('imports/pocket-ril_export-broken.html'), 'pocket-bad-rows', /link 2.*link 3/],
    ['a Pocket CSV with a short row and an ftp link', 'pocket.csv', () => readFixture('imports/pocket-broken.csv'), 'pocket-bad-rows', /line 3.*line 4/],
    ['an HTML file that is not a Pocket export', 'bookmarks.html', () => readFixture('imports/foreign.html'), 'foreign'],
    ['a file in no format we know', 'notes.txt', () => 'just some notes\nabout things', 'unknown-format'],
  ];

  it.each(cases)('%s', async (_label, name, text, code, detail) => {
    const outcome = await importLibraryFile(library, asFile(name, text()), parser);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.code).toBe(code);
    expect(outcome.message.length).toBeGreaterThan(0);
    if (detail) expect(outcome.message).toMatch(detail);
    expect(await everything(library)).toEqual(before);
  });
});

describe('looksTruncated', () => {
  it('tells a file cut short from one that is wrong', () => {
    expect(looksTruncated('{"a": [1, 2')).toBe(true);
    expect(looksTruncated('{"a": "some text')).toBe(true);
    expect(looksTruncated('{"a": "a \\" quote and a { brace"}')).toBe(false);
    expect(looksTruncated('{"a": 1,}')).toBe(false);
  });
});

describe('Pocket', () => {
  it('reads ril_export.html as saved links with title, tags, time added, and archive as read', () => {
    const parsed = parsePocketHtml(readFixture('imports/pocket-ril_export.html'), parser);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.articles).toHaveLength(5);
    const [mining, , fares, protein] = parsed.articles;
    expect(mining).toMatchObject({
      id: 'https://www.theguardian.com/science/2024/oct/16/deep-sea-mining-moratorium',
      url: 'https://www.theguardian.com/science/2024/oct/16/deep-sea-mining-moratorium?utm_source=pocket_saves',
      title: 'Deep-sea mining: countries call for a moratorium',
      tags: ['science', 'oceans'],
      savedAt: 1_729_087_200_000,
      readAt: null,
      contentSaved: false,
      contentHtml: '',
    });
    expect(fares?.title).toBe('Rail fares to rise by 4.6% in March & April');
    expect(protein).toMatchObject({ tags: ['science'], readAt: 1_700_000_000_000 });
  });

  it('reads the CSV export the same way, tags split on "|" and quoted commas kept', () => {
    const parsed = parsePocketCsv(readFixture('imports/pocket.csv'));
    if (!parsed.ok) throw new Error(parsed.message);
    const fromHtml = parsePocketHtml(readFixture('imports/pocket-ril_export.html'), parser);
    if (!fromHtml.ok) throw new Error(fromHtml.message);
    expect(parsed.articles.map((a) => [a.id, a.savedAt, a.readAt, a.tags])).toEqual(fromHtml.articles.map((a) => [a.id, a.savedAt, a.readAt, a.tags]));
    expect(parsed.articles[2]?.title).toBe('Rail fares to rise by 4.6%, in March and April');
  });

  it('imports Pocket links into the library, and a second import merges them', async () => {
    const library = await freshLibrary();
    const csv = readFixture('imports/pocket.csv');
    expect(await importLibraryFile(library, asFile('pocket.csv', csv), parser)).toEqual({ ok: true, format: 'pocket-csv', added: 5, merged: 0, skipped: 0 });
    expect(await importLibraryFile(library, asFile('ril_export.html', readFixture('imports/pocket-ril_export.html')), parser)).toMatchObject({ ok: true, added: 0, merged: 5 });
    const stored = await everything(library);
    expect(stored).toHaveLength(5);
    expect(stored.every((article) => !article.contentSaved)).toBe(true);
  });

  it('a Pocket link never replaces an article whose content is saved', async () => {
    const library = await freshLibrary();
    await seedLibrary(library);
    const [withBody] = (await everything(library)).filter((article) => article.contentSaved);
    const csv = `title,url,time_added,tags,status\r\n"Other title",${withBody!.url},1600000000,pocket,unread\r\n`;
    await importLibraryFile(library, asFile('pocket.csv', csv), parser);
    const after = await library.getArticle(withBody!.id);
    expect(after?.contentSaved).toBe(true);
    expect(after?.contentHtml).toBe(withBody!.contentHtml);
  });

  it('keeps the first of two Pocket entries for one page and counts the other as skipped', () => {
    const csv = 'title,url,time_added\r\nA,https://example.com/a?utm_source=x,1\r\nA again,https://example.com/a,2\r\n';
    const parsed = parseImportFile('pocket.csv', csv, parser);
    expect(parsed).toMatchObject({ ok: true, duplicates: 1 });
    if (parsed.ok) expect(parsed.articles.map((a) => a.title)).toEqual(['A']);
  });
});

describe('format detection', () => {
  it('recognises each format by content, whatever the file is called', () => {
    expect(parseImportFile('download', readFixture('imports/pocket.csv'), parser)).toMatchObject({ ok: true, format: 'pocket-csv' });
    expect(parseImportFile('download', readFixture('imports/pocket-ril_export.html'), parser)).toMatchObject({ ok: true, format: 'pocket-html' });
    expect(parseImportFile('download', serializeLibrary([], new Date()), parser)).toMatchObject({ ok: true, format: 'broadsheet-json' });
  });

  it('refuses a library file whose article is not an object', () => {
    expect(parseLibraryJson(JSON.stringify({ format: LIBRARY_FORMAT, version: 1, exportedAt: '', articles: ['x'] }))).toMatchObject({ ok: false, code: 'invalid-article' });
  });
});

describe('any damage to a library file is refused, never half-read', () => {
  const article = (index: number): SavedArticle => ({
    id: `https://example.com/news/${index}`,
    canonicalUrl: `https://example.com/news/${index}`,
    url: `https://example.com/news/${index}?utm_source=x`,
    title: `Story “${index}” with "quotes", {braces} and [brackets]`,
    byline: index % 2 ? 'A. Writer' : null,
    siteName: 'Example News',
    published: '2026-01-02T03:04:05+01:00',
    modified: null,
    excerpt: null,
    lang: 'en',
    dir: 'ltr',
    leadImage: index % 3 ? null : { src: 'https://example.com/a.jpg', alt: 'a "photo"', caption: null },
    wordCount: 120,
    readingMinutes: 1,
    savedAt: 1_700_000_000_000 + index,
    readAt: null,
    tags: ['a', 'b\\c'],
    contentSaved: true,
    schema: 1,
    contentHtml: `<p>Paragraph ${index} with an escaped \\" quote and a } brace.</p>`,
    textContent: `Paragraph ${index} with an escaped \\" quote and a } brace.`,
  });
  const text = serializeLibrary([article(1), article(2), article(3)], new Date('2026-01-01T00:00:00Z'));

  it('a file cut at any point is refused as truncated', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: text.trimEnd().length - 1 }), (cut) => {
        const parsed = parseLibraryJson(text.slice(0, cut));
        expect(parsed).toMatchObject({ ok: false, code: 'truncated' });
      }),
    );
  });

  it('any field of any article set to a wrong value refuses the whole file, naming the article', () => {
    const fields = Object.keys(article(1)) as (keyof SavedArticle)[];
    const wrongValues = [undefined, 42, 'javascript:alert(1)', [], { src: 'javascript:x' }, -1, true];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 }), fc.constantFrom(...fields), fc.constantFrom(...wrongValues), (index, field, value) => {
        const file = JSON.parse(text);
        if (value === undefined) delete file.articles[index][field];
        else file.articles[index][field] = value;
        const parsed = parseLibraryJson(JSON.stringify(file));
        // Some replacements are still valid values for the field (a string title, a boolean contentSaved).
        const stillValid = value !== undefined && parseLibraryJson(JSON.stringify({ ...file, articles: [file.articles[index]] })).ok;
        if (stillValid) return;
        expect(parsed).toMatchObject({ ok: false, code: 'invalid-article' });
        if (!parsed.ok) expect(parsed.message).toContain(`importError_invalidArticle ${index + 1} field "${field}"`);
      }),
    );
  });
});
