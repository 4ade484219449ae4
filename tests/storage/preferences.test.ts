import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { JSDOM } from 'jsdom';
import {
  DEFAULT_PREFERENCES,
  FONT_STACKS,
  PREFERENCES_VERSION,
  applyPreferences,
  cachedPreferences,
  loadPreferences,
  migrateStored,
  onPreferencesChanged,
  savePreferences,
  validatePreferences,
  type MirrorStore,
  type Preferences,
  type PreferencesHost,
} from '../../src/storage/preferences';

const host = fakeBrowser as unknown as PreferencesHost;

function memoryMirror(): MirrorStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

async function storedIn(area: 'sync' | 'local'): Promise<unknown> {
  return (await fakeBrowser.storage[area].get('preferences')).preferences;
}

/** A host whose sync area refuses every write, as Chromium does past QUOTA_BYTES_PER_ITEM. */
function hostWithFullSync(): PreferencesHost {
  return {
    storage: {
      sync: {
        get: (keys) => fakeBrowser.storage.sync.get(keys),
        set: async () => {
          throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
        },
      },
      local: host.storage.local,
      onChanged: host.storage.onChanged,
    },
  };
}

beforeEach(() => fakeBrowser.reset());

describe('validatePreferences', () => {
  it('keeps every valid value and reports nothing repaired', () => {
    const chosen: Preferences = { ...DEFAULT_PREFERENCES, theme: 'sepia', fontSize: 22, lineHeight: 1.8, textAlign: 'justify', showImages: false };
    expect(validatePreferences(chosen)).toEqual({ preferences: chosen, repairedKeys: [] });
  });

  it('replaces each invalid value by its default on its own, keeping the valid ones', () => {
    const { preferences, repairedKeys } = validatePreferences({
      theme: 'neon',
      fontFamily: 'sans',
      fontSize: 400,
      lineHeight: Number.NaN,
      contentWidth: '70',
      showImages: 'yes',
      markReadOnOpen: false,
    });
    expect(preferences.theme).toBe(DEFAULT_PREFERENCES.theme);
    expect(preferences.fontFamily).toBe('sans');
    expect(preferences.fontSize).toBe(DEFAULT_PREFERENCES.fontSize);
    expect(preferences.lineHeight).toBe(DEFAULT_PREFERENCES.lineHeight);
    expect(preferences.contentWidth).toBe(DEFAULT_PREFERENCES.contentWidth);
    expect(preferences.showImages).toBe(DEFAULT_PREFERENCES.showImages);
    expect(preferences.markReadOnOpen).toBe(false);
    expect(repairedKeys).toEqual(
      expect.arrayContaining(['theme', 'fontSize', 'lineHeight', 'contentWidth', 'showImages', 'textAlign', 'showLeadImage', 'defaultPopupView']),
    );
    expect(repairedKeys).not.toContain('fontFamily');
    expect(repairedKeys).not.toContain('markReadOnOpen');
  });

  it('gives defaults for a value that is not an object at all', () => {
    for (const junk of [null, 'dark', 42, ['dark']]) {
      expect(validatePreferences(junk).preferences).toEqual(DEFAULT_PREFERENCES);
    }
  });
});

describe('migrations', () => {
  it('upgrades a bare version-0 record: "auto" theme becomes "system", "20px" becomes 20', () => {
    const migrated = migrateStored({ theme: 'auto', fontSize: '20px', fontFamily: 'sans' });
    expect(migrated?.fromVersion).toBe(0);
    expect(validatePreferences(migrated?.values).preferences).toMatchObject({ theme: 'system', fontSize: 20, fontFamily: 'sans' });
  });

  it('leaves a current record as it is', () => {
    const values = { ...DEFAULT_PREFERENCES, theme: 'dark' };
    expect(migrateStored({ version: PREFERENCES_VERSION, updatedAt: 5, values })).toEqual({ values, fromVersion: PREFERENCES_VERSION, updatedAt: 5 });
  });

  it('loading an old record writes it back in the current version', async () => {
    await fakeBrowser.storage.sync.set({ preferences: { version: 1, updatedAt: 1, values: { theme: 'auto', fontSize: '24px' } } });
    const preferences = await loadPreferences({ host, mirror: null, now: () => 100 });
    expect(preferences).toMatchObject({ theme: 'system', fontSize: 24 });
    expect(await storedIn('sync')).toEqual({ version: PREFERENCES_VERSION, updatedAt: 100, values: preferences });
  });
});

describe('loadPreferences', () => {
  it('gives the defaults and writes nothing when nothing is stored', async () => {
    expect(await loadPreferences({ host, mirror: null })).toEqual(DEFAULT_PREFERENCES);
    expect(await storedIn('sync')).toBeUndefined();
    expect(await storedIn('local')).toBeUndefined();
  });

  it('repairs invalid stored values: defaults in their place, written back', async () => {
    await fakeBrowser.storage.sync.set({
      preferences: { version: PREFERENCES_VERSION, updatedAt: 1, values: { ...DEFAULT_PREFERENCES, theme: 'purple', fontSize: -3, fontFamily: 'sans' } },
    });
    const preferences = await loadPreferences({ host, mirror: null, now: () => 50 });
    expect(preferences).toEqual({ ...DEFAULT_PREFERENCES, fontFamily: 'sans' });
    expect(await storedIn('sync')).toEqual({ version: PREFERENCES_VERSION, updatedAt: 50, values: preferences });
  });

  it('does not rewrite a record from a newer version of the extension', async () => {
    const newer = { version: PREFERENCES_VERSION + 1, updatedAt: 1, values: { ...DEFAULT_PREFERENCES, theme: 'dark', futureKey: 'x' } };
    await fakeBrowser.storage.sync.set({ preferences: newer });
    expect((await loadPreferences({ host, mirror: null })).theme).toBe('dark');
    expect(await storedIn('sync')).toEqual(newer);
  });

  it('prefers the newer of the sync and local copies', async () => {
    await fakeBrowser.storage.sync.set({ preferences: { version: PREFERENCES_VERSION, updatedAt: 10, values: { ...DEFAULT_PREFERENCES, theme: 'dark' } } });
    await fakeBrowser.storage.local.set({ preferences: { version: PREFERENCES_VERSION, updatedAt: 20, values: { ...DEFAULT_PREFERENCES, theme: 'sepia' } } });
    expect((await loadPreferences({ host, mirror: null })).theme).toBe('sepia');
  });

  it('writes the localStorage mirror on every load', async () => {
    await fakeBrowser.storage.sync.set({ preferences: { version: PREFERENCES_VERSION, updatedAt: 1, values: { ...DEFAULT_PREFERENCES, fontSize: 26 } } });
    const mirror = memoryMirror();
    await loadPreferences({ host, mirror });
    expect(cachedPreferences(mirror).fontSize).toBe(26);
  });
});

describe('savePreferences', () => {
  it('merges a partial change into sync and keeps the other values', async () => {
    await savePreferences({ theme: 'dark' }, { host, mirror: null, now: () => 1 });
    const saved = await savePreferences({ fontSize: 21 }, { host, mirror: null, now: () => 2 });
    expect(saved).toEqual({ ...DEFAULT_PREFERENCES, theme: 'dark', fontSize: 21 });
    expect(await storedIn('sync')).toEqual({ version: PREFERENCES_VERSION, updatedAt: 2, values: saved });
    expect(await loadPreferences({ host, mirror: null })).toEqual(saved);
  });

  it('falls back to local when sync refuses the write, and the fallback wins on the next load', async () => {
    await savePreferences({ theme: 'dark' }, { host, mirror: null, now: () => 1 });
    const fullSync = hostWithFullSync();
    await savePreferences({ theme: 'sepia' }, { host: fullSync, mirror: null, now: () => 2 });
    expect(await storedIn('local')).toMatchObject({ updatedAt: 2, values: { theme: 'sepia' } });
    expect((await storedIn('sync')) as { values: Preferences }).toMatchObject({ values: { theme: 'dark' } });
    expect((await loadPreferences({ host: fullSync, mirror: null })).theme).toBe('sepia');
  });

  it('uses local when there is no sync area at all', async () => {
    const noSync: PreferencesHost = { storage: { local: host.storage.local, onChanged: host.storage.onChanged } };
    await savePreferences({ lineHeight: 2 }, { host: noSync, mirror: null });
    expect(await storedIn('local')).toMatchObject({ values: { lineHeight: 2 } });
    expect((await loadPreferences({ host: noSync, mirror: null })).lineHeight).toBe(2);
  });

  it('rejects an invalid or unknown value and stores nothing', async () => {
    await expect(savePreferences({ fontSize: 99 }, { host, mirror: null })).rejects.toThrow(/fontSize/);
    await expect(savePreferences({ colour: 'red' } as Partial<Preferences>, { host, mirror: null })).rejects.toThrow(/colour/);
    expect(await storedIn('sync')).toBeUndefined();
  });

  it('updates the mirror so the next page paints with the new value synchronously', async () => {
    const mirror = memoryMirror();
    expect(cachedPreferences(mirror)).toEqual(DEFAULT_PREFERENCES);
    await savePreferences({ theme: 'dark', fontFamily: 'dyslexia' }, { host, mirror });
    expect(cachedPreferences(mirror)).toMatchObject({ theme: 'dark', fontFamily: 'dyslexia' });
  });
});

describe('cachedPreferences', () => {
  it('falls back to defaults on a corrupt or tampered mirror', () => {
    const mirror = memoryMirror();
    mirror.setItem('broadsheet.preferences', '{not json');
    expect(cachedPreferences(mirror)).toEqual(DEFAULT_PREFERENCES);
    mirror.setItem('broadsheet.preferences', JSON.stringify({ theme: 'url(javascript:alert(1))', fontSize: 20 }));
    expect(cachedPreferences(mirror)).toEqual({ ...DEFAULT_PREFERENCES, fontSize: 20 });
    expect(cachedPreferences(null)).toEqual(DEFAULT_PREFERENCES);
  });
});

describe('onPreferencesChanged', () => {
  it('hands every listener the validated preferences after a save, until it stops listening', async () => {
    const seen: Preferences[] = [];
    const stop = onPreferencesChanged((preferences) => seen.push(preferences), { host, mirror: null });
    await savePreferences({ theme: 'dark' }, { host, mirror: null, now: () => 1 });
    await savePreferences({ fontSize: 24 }, { host: hostWithFullSync(), mirror: null, now: () => 2 });
    stop();
    await savePreferences({ fontSize: 30 }, { host, mirror: null, now: () => 3 });
    expect(seen.map((p) => [p.theme, p.fontSize])).toEqual([
      ['dark', DEFAULT_PREFERENCES.fontSize],
      ['dark', 24],
    ]);
  });

  it('ignores an older copy arriving after a newer one, and other keys', async () => {
    const seen: Preferences[] = [];
    onPreferencesChanged((preferences) => seen.push(preferences), { host, mirror: null });
    await fakeBrowser.storage.local.set({ preferences: { version: PREFERENCES_VERSION, updatedAt: 9, values: { theme: 'sepia' } } });
    await fakeBrowser.storage.sync.set({ preferences: { version: PREFERENCES_VERSION, updatedAt: 3, values: { theme: 'dark' } } });
    await fakeBrowser.storage.local.set({ somethingElse: 1 });
    expect(seen.map((p) => p.theme)).toEqual(['sepia']);
  });
});

describe('applyPreferences', () => {
  it('sets the theme and layout as data attributes and CSS variables on the root', () => {
    const { document } = new JSDOM('<html><body></body></html>').window;
    const root = document.documentElement;
    applyPreferences(root, { ...DEFAULT_PREFERENCES, theme: 'sepia', fontFamily: 'dyslexia', fontSize: 22, lineHeight: 1.9, contentWidth: 60, textAlign: 'justify', showImages: false });
    expect(root.dataset.theme).toBe('sepia');
    expect(root.dataset.showImages).toBe('false');
    expect(root.dataset.showLeadImage).toBe('true');
    expect(root.style.getPropertyValue('--bs-font-size')).toBe('22px');
    expect(root.style.getPropertyValue('--bs-line-height')).toBe('1.9');
    expect(root.style.getPropertyValue('--bs-content-width')).toBe('60ch');
    expect(root.style.getPropertyValue('--bs-text-align')).toBe('justify');
    expect(root.style.getPropertyValue('--bs-font-family')).toBe(FONT_STACKS.dyslexia);
  });
});
