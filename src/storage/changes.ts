/**
 * Keeps open extension pages in step: after each committed change the library writes one small `libraryChange`
 * key to storage.local, and storage.onChanged delivers it to every page (popup, options, reader) and the background.
 */
import { extensionApi } from '../extension-api';
import type { LibraryChange } from './types';

const CHANGE_KEY = 'libraryChange';
/** Beyond this many ids a change says "reload" (empty ids) instead of listing them: the key must stay small. */
const MAX_IDS_PER_CHANGE = 200;

type ChangeListener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => void;

/** The part of `browser.storage` the notification uses; tests pass @webext-core/fake-browser's. */
export interface ChangeStorage {
  local: { set(items: Record<string, unknown>): Promise<void> };
  onChanged: { addListener(listener: ChangeListener): void; removeListener(listener: ChangeListener): void };
}

/**
 * The browser's own `storage` (Chromium's `chrome` returns promises in MV3, Firefox's `browser` always did), not
 * webextension-polyfill's: loading its 10 KB on every library open bought nothing. Throws outside an extension, so
 * it is only asked for when no storage is passed in.
 */
export function extensionStorage(): ChangeStorage {
  return extensionApi().storage as unknown as ChangeStorage;
}

export function describeChange(kind: LibraryChange['kind'], ids: string[]): LibraryChange {
  return {
    kind,
    ids: ids.length > MAX_IDS_PER_CHANGE ? [] : ids,
    at: Date.now(),
    // Two identical changes in one millisecond (read, unread) must both fire onChanged, which skips equal values.
    nonce: Math.random().toString(36).slice(2),
  };
}

export async function announceChange(storage: ChangeStorage, change: LibraryChange): Promise<void> {
  try {
    await storage.local.set({ [CHANGE_KEY]: change });
  } catch (error) {
    // The change is committed; a missed notification only delays other pages until they next reload.
    console.warn('Broadsheet: could not notify open pages of a library change', error);
  }
}

/** Calls `callback` for every library change made by any extension page; returns the function that stops it. */
export function listenForChanges(storage: ChangeStorage, callback: (change: LibraryChange) => void): () => void {
  const listener: ChangeListener = (changes, areaName) => {
    if (areaName !== 'local') return;
    const change = changes[CHANGE_KEY]?.newValue;
    if (isLibraryChange(change)) callback(change);
  };
  storage.onChanged.addListener(listener);
  return () => storage.onChanged.removeListener(listener);
}

function isLibraryChange(value: unknown): value is LibraryChange {
  if (typeof value !== 'object' || value === null) return false;
  const change = value as Record<string, unknown>;
  return (
    typeof change['kind'] === 'string' &&
    Array.isArray(change['ids']) &&
    change['ids'].every((id) => typeof id === 'string') &&
    typeof change['at'] === 'number'
  );
}
