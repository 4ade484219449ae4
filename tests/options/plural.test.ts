import { afterEach, describe, expect, it } from 'vitest';
import { formatCount, tCount } from '../../src/ui/options/plural';
import messages from '../../_locales/en/messages.json';
import germanMessages from '../../_locales/de/messages.json';

type Catalogue = Record<string, { message: string }>;

/** A stand-in for browser.i18n that reads the real English catalogue, substituting $1… as Chrome does. */
function installCatalogue(catalogue: Catalogue, locale = 'en'): void {
  (globalThis as { browser?: unknown }).browser = {
    i18n: {
      getUILanguage: () => locale,
      getMessage(key: string, substitutions: string[] = []) {
        const entry = (catalogue as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>)[key];
        if (!entry) return '';
        return entry.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => {
          const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
          return content.replace(/\$(\d)/g, (__, index: string) => substitutions[Number(index) - 1] ?? '');
        });
      },
    },
  };
}

afterEach(() => {
  delete (globalThis as { browser?: unknown }).browser;
});

describe('tCount', () => {
  it('picks the singular form for one and the plain key otherwise, with the count formatted', () => {
    installCatalogue(messages as Catalogue);
    expect(tCount('articleCount', 1)).toBe('1 article');
    expect(tCount('articleCount', 10_000)).toBe('10,000 articles');
    expect(tCount('articleCount', 0)).toBe('0 articles');
    // No singular key: the plain message serves every count.
    expect(tCount('deletedCount', 1)).toBe('1 deleted.');
  });

  it('formats counts in the language the strings are shown in', () => {
    installCatalogue(germanMessages as Catalogue, 'de');
    expect(formatCount(10_000)).toBe('10.000');
    expect(tCount('articleCount', 10_000)).toContain('10.000');
  });
});
