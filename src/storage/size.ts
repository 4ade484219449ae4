/**
 * How many bytes the library takes where navigator.storage.estimate() is missing: the UTF-16 size of every stored
 * record. Reads every record, so it is for settings pages, never for a list or a save.
 */
import type { IDBPTransaction } from 'idb';
import type { LibrarySchema, LibraryStoreName } from './db';
import { ALL_STORES } from './db';

export function recordBytes(value: unknown): number {
  return JSON.stringify(value ?? null).length * 2;
}

export async function estimateBytes(tx: IDBPTransaction<LibrarySchema, LibraryStoreName[], 'readonly'>): Promise<number> {
  let bytes = 0;
  for (const name of ALL_STORES) {
    for (let cursor = await tx.objectStore(name).openCursor(); cursor; cursor = await cursor.continue()) {
      bytes += recordBytes(cursor.value);
    }
  }
  return bytes;
}
