/**
 * Reading preferences: the one module that knows their keys, defaults, validation and migrations.
 *
 * Stored as one versioned record under one key in `storage.sync` (so they follow the reader across devices), or in
 * `storage.local` when sync is missing or refuses the write (over quota, sync disabled). Both areas are read and the
 * newer record wins, so a fallback write is never shadowed by an older synced one. A mirror in `localStorage` lets a
 * page paint its first frame with the reader's settings synchronously, before any storage promise resolves.
 */

export type Theme = 'light' | 'dark' | 'sepia' | 'system';
export type FontFamily = 'serif' | 'sans' | 'dyslexia';
export type TextAlign = 'start' | 'justify';
export type PopupView = 'article' | 'saved';

export interface Preferences {
  theme: Theme;
  fontFamily: FontFamily;
  /** CSS px. */
  fontSize: number;
  /** Unitless multiple of the font size. */
  lineHeight: number;
  /** Measure of the text column, in `ch`. */
  contentWidth: number;
  textAlign: TextAlign;
  showImages: boolean;
  showLeadImage: boolean;
  defaultPopupView: PopupView;
  markReadOnOpen: boolean;
}

export const DEFAULT_PREFERENCES: Readonly<Preferences> = Object.freeze({
  theme: 'system',
  fontFamily: 'serif',
  fontSize: 18,
  lineHeight: 1.6,
  contentWidth: 68,
  textAlign: 'start',
  showImages: true,
  showLeadImage: true,
  defaultPopupView: 'article',
  markReadOnOpen: true,
});

export const THEMES: readonly Theme[] = ['light', 'dark', 'sepia', 'system'];
export const FONT_FAMILIES: readonly FontFamily[] = ['serif', 'sans', 'dyslexia'];
export const TEXT_ALIGNS: readonly TextAlign[] = ['start', 'justify'];
export const POPUP_VIEWS: readonly PopupView[] = ['article', 'saved'];

/** Inclusive bounds and step of the numeric preferences; the options form draws its sliders from these. */
export const NUMBER_RANGES = {
  fontSize: { min: 12, max: 32, step: 1 },
  lineHeight: { min: 1.2, max: 2.2, step: 0.1 },
  contentWidth: { min: 40, max: 100, step: 2 },
} as const satisfies Partial<Record<keyof Preferences, { min: number; max: number; step: number }>>;

/** System font stacks only: no web font is bundled, so nothing is fetched and the popup paints at once. */
export const FONT_STACKS: Readonly<Record<FontFamily, string>> = {
  serif: 'Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "DejaVu Serif", serif',
  sans: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "DejaVu Sans", sans-serif',
  // Fonts people with dyslexia often find easier: open letter shapes, distinct b/d/p/q and I/l/1.
  dyslexia: '"Atkinson Hyperlegible", "OpenDyslexic", Lexend, Verdana, Tahoma, "DejaVu Sans", sans-serif',
};

type Validator<T> = (value: unknown) => value is T;

const oneOf =
  <T extends string>(allowed: readonly T[]): Validator<T> =>
  (value): value is T =>
    typeof value === 'string' && (allowed as readonly string[]).includes(value);

const inRange =
  (range: { min: number; max: number }): Validator<number> =>
  (value): value is number =>
    typeof value === 'number' && Number.isFinite(value) && value >= range.min && value <= range.max;

const isBoolean: Validator<boolean> = (value): value is boolean => typeof value === 'boolean';

const VALIDATORS: { [K in keyof Preferences]: Validator<Preferences[K]> } = {
  theme: oneOf(THEMES),
  fontFamily: oneOf(FONT_FAMILIES),
  fontSize: inRange(NUMBER_RANGES.fontSize),
  lineHeight: inRange(NUMBER_RANGES.lineHeight),
  contentWidth: inRange(NUMBER_RANGES.contentWidth),
  textAlign: oneOf(TEXT_ALIGNS),
  showImages: isBoolean,
  showLeadImage: isBoolean,
  defaultPopupView: oneOf(POPUP_VIEWS),
  markReadOnOpen: isBoolean,
};

const PREFERENCE_KEYS = Object.keys(DEFAULT_PREFERENCES) as (keyof Preferences)[];

/** The storage key (in sync or local) and the localStorage mirror key. */
const STORAGE_KEY = 'preferences';
const MIRROR_KEY = 'broadsheet.preferences';

/** Version of the stored record's shape. Raise it and append a migration when a key is renamed or re-typed. */
export const PREFERENCES_VERSION = 2;

interface StoredPreferences {
  version: number;
  /** Epoch ms of the write; decides between the sync and local copies. */
  updatedAt: number;
  values: Record<string, unknown>;
}

/**
 * MIGRATIONS[n] turns a version-n record's values into version n+1's. Unknown keys are dropped by validation later,
 * so a migration only has to carry renamed or re-typed values across.
 */
// No released version wrote versions 0 or 1: they are the pre-release shapes (values stored bare, without the envelope;
// then theme "auto" and fontSize as a CSS string), kept so such a record is upgraded rather than reset, and as the
// pattern the next real migration follows.
const MIGRATIONS: ReadonlyArray<(values: Record<string, unknown>) => Record<string, unknown>> = [
  // 0 → 1: bare values; `migrateStored` reads a record without the envelope as version 0.
  (values) => values,
  // 1 → 2: theme "auto" is "system"; fontSize "18px" is the number 18.
  (values) => {
    const next = { ...values };
    if (next.theme === 'auto') next.theme = 'system';
    if (typeof next.fontSize === 'string') {
      const px = /^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$/i.exec(next.fontSize);
      next.fontSize = px ? Number(px[1]) : next.fontSize;
    }
    return next;
  },
];

export interface ValidatedPreferences {
  preferences: Preferences;
  /** Keys whose stored value was missing, unknown or out of range and were replaced by the default. */
  repairedKeys: (keyof Preferences)[];
}

/** Every key checked on its own: one bad value falls back to its default without costing the others. */
export function validatePreferences(values: unknown): ValidatedPreferences {
  const source = isRecord(values) ? values : {};
  const preferences = { ...DEFAULT_PREFERENCES } as Preferences;
  const repairedKeys: (keyof Preferences)[] = [];
  for (const key of PREFERENCE_KEYS) {
    const value = source[key];
    if (VALIDATORS[key](value)) (preferences as Record<keyof Preferences, unknown>)[key] = value;
    else repairedKeys.push(key);
  }
  return { preferences, repairedKeys };
}

/** Brings any stored shape (bare values, an older version) up to the current version's values. */
export function migrateStored(raw: unknown): { values: Record<string, unknown>; fromVersion: number; updatedAt: number } | null {
  if (!isRecord(raw)) return null;
  const enveloped = typeof raw.version === 'number' && isRecord(raw.values);
  const fromVersion = enveloped ? (raw.version as number) : 0;
  let values = enveloped ? (raw.values as Record<string, unknown>) : raw;
  const updatedAt = enveloped && typeof raw.updatedAt === 'number' ? raw.updatedAt : 0;
  // A record from a newer version than this code: keep what validates rather than guess at a downgrade.
  for (let version = fromVersion; version < PREFERENCES_VERSION; version++) {
    const migrate = MIGRATIONS[version];
    if (migrate) values = migrate(values);
  }
  return { values, fromVersion, updatedAt };
}

// ---- storage ----

interface StorageAreaLike {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

type StorageChangesLike = Record<string, { oldValue?: unknown; newValue?: unknown }>;

/** The part of the WebExtension `browser` object this module uses; a fake stands in for it in tests. */
export interface PreferencesHost {
  storage: {
    sync?: StorageAreaLike;
    local: StorageAreaLike;
    onChanged: {
      addListener(listener: (changes: StorageChangesLike, areaName: string) => void): void;
      removeListener(listener: (changes: StorageChangesLike, areaName: string) => void): void;
    };
  };
}

/** Where the mirror lives: `localStorage` in a page; injectable so tests need no DOM. */
export type MirrorStore = Pick<Storage, 'getItem' | 'setItem'>;

function defaultHost(): PreferencesHost {
  // Firefox exposes `browser` with promises; Chromium's MV3 `chrome.storage` returns promises too. Neither needs
  // webextension-polyfill, which would cost the popup's first paint and throws when imported outside an extension.
  const scope = globalThis as { browser?: PreferencesHost; chrome?: PreferencesHost };
  const host = scope.browser ?? scope.chrome;
  if (!host?.storage) throw new Error('preferences: no extension storage in this context');
  return host;
}

function defaultMirror(): MirrorStore | null {
  try {
    return (globalThis as { localStorage?: Storage }).localStorage ?? null;
  } catch {
    // Some privacy settings make merely reading `localStorage` throw.
    return null;
  }
}

export interface PreferencesOptions {
  host?: PreferencesHost;
  mirror?: MirrorStore | null;
  now?: () => number;
}

/** The newest preferences record from both areas; an area that cannot be read counts as empty. */
async function readNewest(host: PreferencesHost): Promise<{ stored: ReturnType<typeof migrateStored>; area: 'sync' | 'local' | null }> {
  const [fromSync, fromLocal] = await Promise.all([
    readArea(host.storage.sync),
    readArea(host.storage.local),
  ]);
  const sync = migrateStored(fromSync);
  const local = migrateStored(fromLocal);
  if (sync && (!local || sync.updatedAt >= local.updatedAt)) return { stored: sync, area: 'sync' };
  if (local) return { stored: local, area: 'local' };
  return { stored: null, area: null };
}

async function readArea(area: StorageAreaLike | undefined): Promise<unknown> {
  if (!area) return undefined;
  try {
    return (await area.get(STORAGE_KEY))[STORAGE_KEY];
  } catch {
    return undefined;
  }
}

/** Writes to sync, or to local when sync is missing or refuses (quota, disabled); returns the area written. */
async function writeRecord(host: PreferencesHost, record: StoredPreferences): Promise<'sync' | 'local'> {
  if (host.storage.sync) {
    try {
      await host.storage.sync.set({ [STORAGE_KEY]: record });
      return 'sync';
    } catch {
      // Falls through: sync's per-item quota or a sync-disabled profile must not lose the reader's choice.
    }
  }
  await host.storage.local.set({ [STORAGE_KEY]: record });
  return 'local';
}

function writeMirror(mirror: MirrorStore | null, preferences: Preferences): void {
  try {
    mirror?.setItem(MIRROR_KEY, JSON.stringify(preferences));
  } catch {
    // A full or disabled localStorage only costs the next page its instant first frame.
  }
}

/**
 * The stored preferences, validated. Invalid or outdated stored values are replaced by defaults and written back,
 * so every other page reads a clean record.
 */
export async function loadPreferences(options: PreferencesOptions = {}): Promise<Preferences> {
  const host = options.host ?? defaultHost();
  const mirror = options.mirror === undefined ? defaultMirror() : options.mirror;
  const { stored } = await readNewest(host);
  const { preferences, repairedKeys } = validatePreferences(stored?.values);
  // A record written by a newer version of the extension is left alone: rewriting it would downgrade it.
  const needsRepair =
    stored !== null && stored.fromVersion <= PREFERENCES_VERSION && (repairedKeys.length > 0 || stored.fromVersion < PREFERENCES_VERSION);
  if (needsRepair) {
    await writeRecord(host, { version: PREFERENCES_VERSION, updatedAt: (options.now ?? Date.now)(), values: { ...preferences } });
  }
  writeMirror(mirror, preferences);
  return preferences;
}

/** Merges `changes` into the stored preferences; invalid values in `changes` are rejected, not stored. */
export async function savePreferences(changes: Partial<Preferences>, options: PreferencesOptions = {}): Promise<Preferences> {
  const host = options.host ?? defaultHost();
  const mirror = options.mirror === undefined ? defaultMirror() : options.mirror;
  for (const [key, value] of Object.entries(changes)) {
    const validator = VALIDATORS[key as keyof Preferences];
    if (!validator) throw new RangeError(`Unknown preference "${key}"`);
    if (!validator(value)) throw new RangeError(`Invalid value for preference "${key}": ${JSON.stringify(value)}`);
  }
  const { stored } = await readNewest(host);
  const current = validatePreferences(stored?.values).preferences;
  const preferences: Preferences = { ...current, ...changes };
  await writeRecord(host, { version: PREFERENCES_VERSION, updatedAt: (options.now ?? Date.now)(), values: { ...preferences } });
  writeMirror(mirror, preferences);
  return preferences;
}

/**
 * Calls `listener` with the validated preferences whenever another page (or this one) saves them.
 * Returns the function that stops listening.
 */
export function onPreferencesChanged(listener: (preferences: Preferences) => void, options: PreferencesOptions = {}): () => void {
  const host = options.host ?? defaultHost();
  const mirror = options.mirror === undefined ? defaultMirror() : options.mirror;
  let newestSeen = -Infinity;
  const handle = (changes: StorageChangesLike, areaName: string): void => {
    if (areaName !== 'sync' && areaName !== 'local') return;
    const change = changes[STORAGE_KEY];
    if (!change || change.newValue === undefined) return;
    const stored = migrateStored(change.newValue);
    // A stale copy in the other area (written before a fallback) must not undo a newer choice.
    if (!stored || stored.updatedAt < newestSeen) return;
    newestSeen = stored.updatedAt;
    const { preferences } = validatePreferences(stored.values);
    writeMirror(mirror, preferences);
    listener(preferences);
  };
  host.storage.onChanged.addListener(handle);
  return () => host.storage.onChanged.removeListener(handle);
}

/**
 * The preferences last loaded or saved on this device, read synchronously from the localStorage mirror; defaults when
 * there is none yet. For a page's first frame only: follow it with `loadPreferences()`.
 */
export function cachedPreferences(mirror: MirrorStore | null = defaultMirror()): Preferences {
  let parsed: unknown;
  try {
    const text = mirror?.getItem(MIRROR_KEY);
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return validatePreferences(parsed).preferences;
}

// ---- applying to a page ----

/**
 * Puts the preferences on `root` as CSS custom properties and data attributes; the shared article CSS reads them.
 *   data-theme            light | dark | sepia | system (system follows prefers-color-scheme in CSS)
 *   data-show-images      "true" | "false"
 *   data-show-lead-image  "true" | "false"
 *   --bs-font-family, --bs-font-size, --bs-line-height, --bs-content-width, --bs-text-align
 */
export function applyPreferences(root: HTMLElement, preferences: Preferences): void {
  root.dataset.theme = preferences.theme;
  root.dataset.showImages = String(preferences.showImages);
  root.dataset.showLeadImage = String(preferences.showLeadImage);
  root.dataset.fontFamily = preferences.fontFamily;
  root.style.setProperty('--bs-font-family', FONT_STACKS[preferences.fontFamily]);
  root.style.setProperty('--bs-font-size', `${preferences.fontSize}px`);
  root.style.setProperty('--bs-line-height', String(preferences.lineHeight));
  root.style.setProperty('--bs-content-width', `${preferences.contentWidth}ch`);
  root.style.setProperty('--bs-text-align', preferences.textAlign);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
