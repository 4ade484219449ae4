/** The library's IndexedDB layout and the one function that opens it (running migrations.ts when the version is old). */
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { upgradeDatabase } from './migrations';
import type { StoredBody, StoredMeta, StoredTerms } from './records';
import { LibraryError, SCHEMA_VERSION } from './types';

export const DEFAULT_LIBRARY_NAME = 'broadsheet-library';
/** The database version follows the record schema: every schema change comes with its upgrade step. */
export const DB_VERSION = SCHEMA_VERSION;

export interface LibrarySchema extends DBSchema {
  meta: {
    key: string;
    value: StoredMeta;
    indexes: {
      savedAt: number;
      published: string;
      siteName: string;
      readingMinutes: number;
      readAt: number;
      doc: number;
    };
  };
  bodies: { key: string; value: StoredBody };
  terms: { key: number; value: StoredTerms; indexes: { keys: [string, number] } };
}

export type LibraryDb = IDBPDatabase<LibrarySchema>;
export type LibraryStoreName = StoreNames<LibrarySchema>;
export type UpgradeTransaction = IDBPTransaction<LibrarySchema, LibraryStoreName[], 'versionchange'>;
export const ALL_STORES: LibraryStoreName[] = ['meta', 'bodies', 'terms'];

export async function openLibraryDb(factory: IDBFactory, name: string): Promise<LibraryDb> {
  let request: IDBOpenDBRequest;
  try {
    request = factory.open(name, DB_VERSION);
  } catch (error) {
    throw unavailable(error);
  }
  request.addEventListener('upgradeneeded', (event) => {
    const transaction = wrap(request.transaction!) as unknown as UpgradeTransaction;
    const db = wrap(request.result) as unknown as LibraryDb;
    // The open request reports a failed upgrade; this promise would otherwise reject unobserved.
    transaction.done.catch(() => undefined);
    upgradeDatabase(db, transaction, event.oldVersion).catch((error: unknown) => {
      // A failed migration must leave the old library untouched: aborting the versionchange transaction does that.
      console.error('Broadsheet: library upgrade failed', error);
      try {
        transaction.abort();
      } catch {
        /* already finished */
      }
    });
  });
  let db: LibraryDb;
  try {
    db = (await wrap(request)) as unknown as LibraryDb;
  } catch (error) {
    throw unavailable(error);
  }
  // A newer Broadsheet (after an update) waits for this connection to close before it can upgrade the database.
  db.addEventListener('versionchange', () => db.close());
  return db;
}

function unavailable(cause: unknown): LibraryError {
  if (cause instanceof LibraryError) return cause;
  const isNewer = cause instanceof DOMException && cause.name === 'VersionError';
  return new LibraryError(
    'unavailable',
    isNewer
      ? 'Your saved articles were written by a newer version of Broadsheet. Update the extension to open them.'
      : 'Your saved articles cannot be opened: this browser window does not allow the extension to store data (a private window, or storage switched off). Nothing has been deleted.',
    { cause },
  );
}
