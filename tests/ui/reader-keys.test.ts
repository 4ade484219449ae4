// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { isTypingTarget, KEY_LIST, nextTheme, READER_STEPS, readerCommand, stepPreference, type KeyInput } from '../../reader/keys';
import { DEFAULT_PREFERENCES, NUMBER_RANGES, THEMES, type Preferences } from '../../src/storage/preferences';

function press(key: string, extra: Partial<KeyInput> = {}): KeyInput {
  return { key, ctrlKey: false, altKey: false, metaKey: false, target: document.body, ...extra };
}

function element(html: string, selector: string): Element {
  document.body.innerHTML = html;
  return document.querySelector(selector)!;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('reader keys', () => {
  it('maps j/k and the arrows to scrolling, +/- to size, t to theme, s to save and ? to the key list', () => {
    expect(readerCommand(press('j'))).toBe('scroll-down');
    expect(readerCommand(press('ArrowDown'))).toBe('scroll-down');
    expect(readerCommand(press('k'))).toBe('scroll-up');
    expect(readerCommand(press('ArrowUp'))).toBe('scroll-up');
    expect(readerCommand(press('+'))).toBe('larger');
    expect(readerCommand(press('='))).toBe('larger');
    expect(readerCommand(press('-'))).toBe('smaller');
    expect(readerCommand(press('t'))).toBe('theme');
    expect(readerCommand(press('s'))).toBe('save');
    expect(readerCommand(press('?'))).toBe('help');
  });

  it('takes a letter typed with Shift or Caps Lock as the letter', () => {
    expect(readerCommand(press('T'))).toBe('theme');
    expect(readerCommand(press('J'))).toBe('scroll-down');
  });

  it('leaves every other key to the browser', () => {
    for (const key of ['a', 'x', ' ', 'Enter', 'Tab', 'Escape', 'ArrowLeft', 'PageDown', 'Home', 'F5', 'Shift', 'constructor', 'toString']) {
      expect(readerCommand(press(key)), key).toBeNull();
    }
  });

  it('ignores keys with Ctrl, Alt or Meta: Ctrl + zooms, Ctrl+S saves the page, Alt+T opens a menu', () => {
    for (const key of ['+', '-', 't', 's', 'j', '?', 'ArrowDown']) {
      expect(readerCommand(press(key, { ctrlKey: true })), `Ctrl+${key}`).toBeNull();
      expect(readerCommand(press(key, { altKey: true })), `Alt+${key}`).toBeNull();
      expect(readerCommand(press(key, { metaKey: true })), `Meta+${key}`).toBeNull();
    }
  });

  it('ignores keys typed into inputs, text areas, list boxes and editable text, and inside them', () => {
    const cases: Array<[string, string]> = [
      ['<input type="text">', 'input'],
      ['<input type="range" min="0" max="2">', 'input'],
      ['<textarea></textarea>', 'textarea'],
      ['<select><option>Voice</option></select>', 'select'],
      ['<select><option>Voice</option></select>', 'option'],
      ['<div contenteditable="true"><p>note</p></div>', 'p'],
      ['<div contenteditable=""><span>x</span></div>', 'span'],
    ];
    for (const [html, selector] of cases) {
      const target = element(html, selector);
      expect(isTypingTarget(target), html).toBe(true);
      for (const key of ['s', 't', '+', 'j', '?', 'ArrowDown']) expect(readerCommand(press(key, { target })), `${key} in ${html}`).toBeNull();
    }
  });

  it('acts on keys pressed on the page, a button or a link', () => {
    for (const [html, selector] of [
      ['<main><p>Body</p></main>', 'p'],
      ['<button type="button">Print</button>', 'button'],
      ['<a href="https://news.example/">Open original</a>', 'a'],
      ['<div contenteditable="false"><p>plain</p></div>', 'p'],
    ] as const) {
      const target = element(html, selector);
      expect(isTypingTarget(target), html).toBe(false);
      expect(readerCommand(press('t', { target })), html).toBe('theme');
    }
    expect(readerCommand(press('s', { target: null }))).toBe('save');
  });

  it('does nothing while the key list is open (Escape closes it natively), for a key already handled, or mid-composition', () => {
    for (const key of ['j', 't', 's', '+', '?']) expect(readerCommand(press(key), { helpOpen: true }), key).toBeNull();
    expect(readerCommand(press('t', { defaultPrevented: true }))).toBeNull();
    expect(readerCommand(press('s', { isComposing: true }))).toBeNull();
  });

  it('lists every key it handles in the key list', () => {
    const listed = KEY_LIST.flatMap((row) => row.keys);
    for (const key of ['j', 'k', '↓', '↑', '+', '−', 't', 's', '?', 'Esc']) expect(listed).toContain(key);
  });
});

describe('reader toolbar steps', () => {
  const prefs = (changes: Partial<Preferences>): Preferences => ({ ...DEFAULT_PREFERENCES, ...changes });

  it('cycles through every theme the preferences define and back to the first', () => {
    let theme = THEMES[0]!;
    const seen = [theme];
    for (let i = 1; i < THEMES.length; i++) seen.push((theme = nextTheme(theme)));
    expect(seen).toEqual([...THEMES]);
    expect(nextTheme(theme)).toBe(THEMES[0]);
    expect(nextTheme('light')).toBe('dark');
  });

  it('moves size, width and line spacing one step, within the ranges the options page allows', () => {
    expect(stepPreference(prefs({ fontSize: 18 }), 'fontSize', 1)).toBe(18 + READER_STEPS.fontSize);
    expect(stepPreference(prefs({ fontSize: 18 }), 'fontSize', -1)).toBe(18 - READER_STEPS.fontSize);
    expect(stepPreference(prefs({ contentWidth: 68 }), 'contentWidth', 1)).toBe(72);
    expect(stepPreference(prefs({ lineHeight: 1.6 }), 'lineHeight', 1)).toBe(1.7);
    expect(stepPreference(prefs({ lineHeight: 1.6 }), 'lineHeight', -1)).toBe(1.5);
  });

  it('stops at the ends: clamps a step that would overshoot and gives null at the limit', () => {
    expect(stepPreference(prefs({ fontSize: NUMBER_RANGES.fontSize.max - 1 }), 'fontSize', 1)).toBe(NUMBER_RANGES.fontSize.max);
    expect(stepPreference(prefs({ fontSize: NUMBER_RANGES.fontSize.max }), 'fontSize', 1)).toBeNull();
    expect(stepPreference(prefs({ fontSize: NUMBER_RANGES.fontSize.min }), 'fontSize', -1)).toBeNull();
    expect(stepPreference(prefs({ lineHeight: NUMBER_RANGES.lineHeight.max }), 'lineHeight', 1)).toBeNull();
    expect(stepPreference(prefs({ contentWidth: NUMBER_RANGES.contentWidth.min }), 'contentWidth', -1)).toBeNull();
  });

  it('keeps line spacing free of floating-point drift over many steps', () => {
    let p = prefs({ lineHeight: NUMBER_RANGES.lineHeight.min });
    const values: number[] = [];
    for (let next = stepPreference(p, 'lineHeight', 1); next !== null; next = stepPreference(p, 'lineHeight', 1)) {
      values.push(next);
      p = { ...p, lineHeight: next };
    }
    expect(values.at(-1)).toBe(NUMBER_RANGES.lineHeight.max);
    for (const value of values) expect(String(value)).toMatch(/^\d(\.\d)?$/);
  });
});
