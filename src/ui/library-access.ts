import type { Library } from '../storage/library';

let opening: Promise<Library> | null = null;

/**
 * The page's one library connection, opened on first use. Loaded with `import()` so the storage code never delays a
 * page's first paint (and stays out of the popup's initial bundle).
 */
export function library(): Promise<Library> {
  opening ??= import('../storage/library')
    .then(({ openLibrary }) => openLibrary())
    .catch((error: unknown) => {
      opening = null;
      throw error;
    });
  return opening;
}

/** A message for the reader from any failure (LibraryError messages are written for them already). */
export function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}
