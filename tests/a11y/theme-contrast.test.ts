import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * WCAG 2.x contrast of the text colours each theme defines, read from the real CSS: a theme edit that makes body
 * text or any other text colour unreadable fails here, before any browser runs.
 */
const uiDir = path.resolve(__dirname, '../../src/ui');

interface ThemeBlock {
  selector: string;
  vars: Record<string, string>;
}

function cssFilesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? cssFilesUnder(full) : entry.name.endsWith('.css') ? [full] : [];
  });
}

/** Innermost rule blocks that set --bs-bg: one per theme (light, dark, sepia, system-dark). */
function themeBlocks(css: string): ThemeBlock[] {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...withoutComments.matchAll(/([^{}]+)\{([^{}]*--bs-bg\s*:[^{}]*)\}/g)].map((match) => ({
    selector: match[1]!.replace(/\s+/g, ' ').trim(),
    vars: Object.fromEntries([...match[2]!.matchAll(/(--bs-[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()])),
  }));
}

function rgb(colour: string): [number, number, number] {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour);
  if (hex) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((d) => d + d).join('') : hex[1]!;
    return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
  }
  const fn = /^rgb\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)\s*\)$/i.exec(colour);
  if (fn) return [Number(fn[1]), Number(fn[2]), Number(fn[3])];
  throw new Error(`theme colour "${colour}" is in a format this test cannot read: use #rrggbb or rgb()`);
}

function luminance(colour: string): number {
  const [r, g, b] = rgb(colour).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Text colour on the background it is drawn on, in the app's CSS. */
const TEXT_PAIRS: Array<[text: string, background: string, where: string]> = [
  ['--bs-fg', '--bs-bg', 'body text'],
  ['--bs-muted', '--bs-bg', 'dateline, captions, hints'],
  ['--bs-link', '--bs-bg', 'links'],
  ['--bs-danger', '--bs-bg', 'error titles'],
  ['--bs-fg', '--bs-surface', 'buttons and code blocks'],
  ['--bs-muted', '--bs-surface', 'muted text on surfaces'],
  ['--bs-accent-fg', '--bs-accent', 'primary button label'],
];

const blocks = cssFilesUnder(uiDir).flatMap((file) =>
  themeBlocks(fs.readFileSync(file, 'utf8')).map((block) => ({ ...block, file: path.relative(uiDir, file) })),
);

describe('theme contrast (WCAG AA, 4.5:1 for normal text)', () => {
  it('finds the light, dark and sepia themes and the system dark scheme', () => {
    const selectors = blocks.map((block) => block.selector).join(' | ');
    for (const theme of ["[data-theme='light']", "[data-theme='dark']", "[data-theme='sepia']", "[data-theme='system']"]) {
      expect(selectors).toContain(theme);
    }
  });

  it('the contrast formula gives the known values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
  });

  for (const block of blocks) {
    it(`${block.file} ${block.selector}: every text colour reaches 4.5:1 on its background`, () => {
      const failures = TEXT_PAIRS.flatMap(([text, background, where]) => {
        const fg = block.vars[text];
        const bg = block.vars[background];
        if (!fg || !bg) return [`${text} or ${background} is not defined`];
        const ratio = contrast(fg, bg);
        return ratio >= 4.5 ? [] : [`${where}: ${text} ${fg} on ${background} ${bg} is ${ratio.toFixed(2)}:1`];
      });
      expect(failures).toEqual([]);
    });
  }
});
