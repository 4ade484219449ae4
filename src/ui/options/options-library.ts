import type { ChangeStorage, Library } from '../../storage/library';
import { extensionApi } from '../../extension-api';

let opening: Promise<Library> | null = null;

/** The options page's one library connection, opened on first use; a failed open is retried on the next call. */
export function optionsLibrary(): Promise<Library> {
  opening ??= import('../../storage/library')
    .then(({ openLibrary }) => openLibrary({ storage: extensionApi().storage as unknown as ChangeStorage }))
    .catch((error: unknown) => {
      opening = null;
      throw error;
    });
  return opening;
}

/** A message for the reader from any failure (LibraryError messages are written for them already). */
export function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : String(error);
}
