// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ReaderToolbar } from '../../reader/ReaderToolbar';
import { DEFAULT_PREFERENCES, NUMBER_RANGES, type Preferences } from '../../src/storage/preferences';

function mount(preferences: Partial<Preferences> = {}) {
  const change = vi.fn();
  const host = document.createElement('div');
  document.body.append(host);
  act(() => render(<ReaderToolbar preferences={{ ...DEFAULT_PREFERENCES, ...preferences }} change={change} />, host));
  const button = (setting: string, step: 1 | -1) => host.querySelector<HTMLButtonElement>(`[data-setting="${setting}"] [data-step="${step}"]`)!;
  return { host, change, button };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('reader toolbar', () => {
  it('has real buttons named by words, not by their glyphs, in labelled groups', () => {
    const { host } = mount();
    const buttons = [...host.querySelectorAll('button')];
    expect(buttons.every((b) => b.type === 'button')).toBe(true);
    // Outside the extension t() returns the message key: the names come from the locale files.
    const names = buttons.map((b) => (b.querySelector('.bs-visually-hidden') ?? b).textContent);
    expect(names).toEqual(['readerSmaller', 'readerLarger', 'readerTheme prefThemeSystem', 'readerNarrower', 'readerWider', 'readerTighter', 'readerLooser']);
    for (const glyph of host.querySelectorAll('.reader__step > span:not(.bs-visually-hidden)')) expect(glyph.getAttribute('aria-hidden')).toBe('true');
    expect([...host.querySelectorAll('[role="group"]')].map((g) => g.getAttribute('aria-label'))).toEqual(['readerControls', 'readerTextSize', 'readerWidth', 'readerLineSpacing']);
  });

  it('asks the preferences for one step up or down, and the next theme', () => {
    const { change, button, host } = mount({ fontSize: 18, lineHeight: 1.6, contentWidth: 68, theme: 'dark' });
    act(() => button('fontSize', 1).click());
    act(() => button('fontSize', -1).click());
    act(() => button('lineHeight', 1).click());
    act(() => button('contentWidth', -1).click());
    act(() => host.querySelector<HTMLButtonElement>('.reader__theme')!.click());
    expect(change.mock.calls.map(([changes]) => changes)).toEqual([{ fontSize: 20 }, { fontSize: 16 }, { lineHeight: 1.7 }, { contentWidth: 64 }, { theme: 'sepia' }]);
  });

  it('disables a button at the end of its range, and it changes nothing', () => {
    const { change, button } = mount({ fontSize: NUMBER_RANGES.fontSize.max, lineHeight: NUMBER_RANGES.lineHeight.min });
    expect(button('fontSize', 1).disabled).toBe(true);
    expect(button('fontSize', -1).disabled).toBe(false);
    expect(button('lineHeight', -1).disabled).toBe(true);
    act(() => button('fontSize', 1).click());
    expect(change).not.toHaveBeenCalled();
  });
});
