import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLocales } from '../../scripts/check-locales.mjs';

const repoRoot = path.resolve(__dirname, '../..');
const localesDir = path.join(repoRoot, '_locales');
const REQUIRED = ['en', 'de', 'fr', 'es', 'ar'];

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string; example?: string }> }>;

const readLocale = (lang: string): Messages => JSON.parse(fs.readFileSync(path.join(localesDir, lang, 'messages.json'), 'utf8'));

describe('the shipped locales', () => {
  it('has every required language', () => {
    for (const lang of REQUIRED) expect(fs.existsSync(path.join(localesDir, lang, 'messages.json')), lang).toBe(true);
  });

  it('match en key for key, with every placeholder intact', () => {
    expect(checkLocales(localesDir)).toEqual([]);
  });

  it('are translations, not copies of English: most messages differ from en', () => {
    const en = readLocale('en');
    const keys = Object.keys(en);
    for (const lang of REQUIRED.filter((l) => l !== 'en')) {
      const messages = readLocale(lang);
      const copied = keys.filter((key) => messages[key]?.message === en[key]!.message);
      // Brand names, "$SITE$ ($COUNT$)"-like strings, the ltr direction and words French shares with English
      // (Article, Pause, Format, Site) are the same; a block of untranslated keys pushes this past 10%.
      expect(copied.length / keys.length, `${lang} copies en for: ${copied.join(', ')}`).toBeLessThan(0.1);
    }
  });

  it('the Arabic locale is right-to-left for the browser (it derives @@bidi_dir from the locale name)', () => {
    // Chromium and Firefox set @@bidi_dir to rtl for ar; the folder must be named exactly "ar" (or ar_XX) for that.
    expect(fs.readdirSync(localesDir)).toContain('ar');
    expect(readLocale('ar').readAloudNoVoice!.message).toMatch(/[\u0600-\u06FF]/);
  });
});

describe('checkLocales catches a broken locale', () => {
  let dir: string;

  function writeLocales(locales: Record<string, Messages>): string {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'locales-'));
    for (const [lang, messages] of Object.entries(locales)) {
      fs.mkdirSync(path.join(dir, lang));
      fs.writeFileSync(path.join(dir, lang, 'messages.json'), JSON.stringify(messages));
    }
    return dir;
  }

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const en: Messages = {
    title: { message: 'Saved' },
    count: { message: '$COUNT$ saved', placeholders: { count: { content: '$1', example: '3' } } },
    pair: { message: '$FOUND$ of $TOTAL$', placeholders: { found: { content: '$1' }, total: { content: '$2' } } },
  };
  const de: Messages = {
    title: { message: 'Gespeichert' },
    count: { message: '$COUNT$ gespeichert', placeholders: { count: { content: '$1', example: '3' } } },
    pair: { message: '$FOUND$ von $TOTAL$', placeholders: { found: { content: '$1' }, total: { content: '$2' } } },
  };

  it('accepts a complete locale', () => {
    expect(checkLocales(writeLocales({ en, de }))).toEqual([]);
  });

  it('a key en has but the locale misses', () => {
    const { title: _dropped, ...rest } = de;
    expect(checkLocales(writeLocales({ en, de: rest }))).toEqual(['de: missing "title" (en: "Saved")']);
  });

  it('a key en does not have', () => {
    expect(checkLocales(writeLocales({ en, de: { ...de, stale: { message: 'Alt' } } }))).toEqual(['de: "stale" is not in en']);
  });

  it('a dropped or renamed placeholder', () => {
    const dropped = { ...de, count: { message: 'gespeichert', placeholders: de.count!.placeholders } };
    expect(checkLocales(writeLocales({ en, de: dropped }))).toEqual(['de: "count" uses placeholders [], en uses [count]']);
    fs.rmSync(dir, { recursive: true });
    const renamed = { ...de, count: { message: '$ANZAHL$ gespeichert', placeholders: { anzahl: { content: '$1' } } } };
    expect(checkLocales(writeLocales({ en, de: renamed }))).toEqual(['de: "count" uses placeholders [anzahl], en uses [count]']);
  });

  it('a placeholder used without its definition, or pointing at another argument', () => {
    const undefinedRef = { ...de, count: { message: '$COUNT$ gespeichert' } };
    expect(checkLocales(writeLocales({ en, de: undefinedRef }))).toEqual(['de: "count" uses $COUNT$ but defines no such placeholder']);
    fs.rmSync(dir, { recursive: true });
    const swapped = { ...de, pair: { message: '$FOUND$ von $TOTAL$', placeholders: { found: { content: '$2' }, total: { content: '$1' } } } };
    expect(checkLocales(writeLocales({ en, de: swapped }))).toEqual([
      'de: "pair" placeholder found is "$2", en has "$1"',
      'de: "pair" placeholder total is "$1", en has "$2"',
    ]);
  });

  it('an empty message and a file that is not JSON', () => {
    expect(checkLocales(writeLocales({ en, de: { ...de, title: { message: ' ' } } }))).toEqual(['de: "title" has no message']);
    fs.rmSync(dir, { recursive: true });
    writeLocales({ en });
    fs.mkdirSync(path.join(dir, 'fr'));
    fs.writeFileSync(path.join(dir, 'fr', 'messages.json'), '{"title": {"message": "Enregistré"},');
    expect(checkLocales(dir)).toEqual([expect.stringMatching(/fr[/\\]messages\.json: not valid JSON/)]);
  });

  it('the command line exits 1 and names the problem', () => {
    const { title: _dropped, ...rest } = de;
    writeLocales({ en, de: rest });
    let failure: { status: number; stderr: string } | null = null;
    try {
      execFileSync(process.execPath, [path.join(repoRoot, 'scripts/check-locales.mjs'), dir], { stdio: 'pipe', encoding: 'utf8' });
    } catch (error) {
      failure = error as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stderr).toContain('de: missing "title"');
  });
});
