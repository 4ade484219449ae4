/**
 * The reader tab's keyboard commands and toolbar steps, as pure functions: which key does what, which keys are left
 * alone (typed into a field, with Ctrl/Alt/Meta, while the key list is open), and the next preference value for a
 * step. ReaderApp wires them to the page; tests/ui/reader-keys.test.ts checks them.
 */
import { NUMBER_RANGES, THEMES, type Preferences, type Theme } from '../src/storage/preferences';

export type ReaderCommand = 'scroll-down' | 'scroll-up' | 'larger' | 'smaller' | 'theme' | 'save' | 'help';

/** The part of a KeyboardEvent the reader looks at. */
export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  target: EventTarget | null;
  defaultPrevented?: boolean;
  isComposing?: boolean;
}

const COMMANDS: Readonly<Record<string, ReaderCommand>> = {
  j: 'scroll-down',
  ArrowDown: 'scroll-down',
  k: 'scroll-up',
  ArrowUp: 'scroll-up',
  '+': 'larger',
  // The unshifted key that carries + on most layouts, so "+" works without Shift as well.
  '=': 'larger',
  '-': 'smaller',
  t: 'theme',
  s: 'save',
  '?': 'help',
};

/** Rows of the key list: the keys shown and the message key that says what they do. */
export const KEY_LIST: ReadonlyArray<{ keys: readonly string[]; label: string }> = [
  { keys: ['j', 'k', '↓', '↑'], label: 'readerKeyScroll' },
  { keys: ['+', '−'], label: 'readerKeySize' },
  { keys: ['t'], label: 'readerKeyTheme' },
  { keys: ['s'], label: 'saveForLater' },
  { keys: ['?'], label: 'readerKeyHelp' },
  { keys: ['Esc'], label: 'readerKeyClose' },
];

/** True when the key goes to a field, a list box or editable text: the reader must not act on it. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as (Element & { isContentEditable?: boolean }) | null;
  if (!element || typeof element.closest !== 'function') return false;
  if (element.isContentEditable) return true;
  return element.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null;
}

/**
 * The command a key press asks for, or null to leave it to the browser: keys with Ctrl, Alt or Meta (browser and
 * system shortcuts such as Ctrl + zoom), keys typed into a field, keys already handled, and every key while the key
 * list dialog is open (Escape closes it natively).
 */
export function readerCommand(event: KeyInput, state: { helpOpen: boolean } = { helpOpen: false }): ReaderCommand | null {
  if (state.helpOpen || event.defaultPrevented || event.isComposing) return null;
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  if (isTypingTarget(event.target)) return null;
  // Caps Lock or Shift with a letter key still means the letter.
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return Object.prototype.hasOwnProperty.call(COMMANDS, key) ? COMMANDS[key]! : null;
}

/** The theme after `theme` in the order the preferences define, wrapping around. */
export function nextTheme(theme: Theme): Theme {
  const index = THEMES.indexOf(theme);
  return THEMES[(index + 1) % THEMES.length]!;
}

export type SteppedPreference = 'fontSize' | 'lineHeight' | 'contentWidth';

/** How far one press of a toolbar button moves each setting: big enough to see, within the options page's ranges. */
export const READER_STEPS: Readonly<Record<SteppedPreference, number>> = {
  fontSize: 2,
  lineHeight: 0.1,
  contentWidth: 4,
};

/**
 * The setting one step up (`direction` 1) or down (-1), kept inside the preference's range, or null when it is
 * already at that end (the button is then disabled).
 */
export function stepPreference(preferences: Preferences, name: SteppedPreference, direction: 1 | -1): number | null {
  const { min, max } = NUMBER_RANGES[name];
  const current = preferences[name];
  // One decimal: 1.6 + 0.1 must be 1.7, not 1.7000000000000002 (which a later exact comparison would trip on).
  const next = Math.round(Math.min(max, Math.max(min, current + direction * READER_STEPS[name])) * 10) / 10;
  return next === current ? null : next;
}
