/** Turns whatever IndexedDB threw during a write into the one LibraryError a view can show as it is. */
import { LibraryError } from './types';

export type WriteAction = 'save' | 'import' | 'update' | 'remove' | 'restore' | 'clear' | 'repair';

const WHAT_FAILED: Record<WriteAction, string> = {
  save: 'The article was not saved',
  import: 'Nothing was imported',
  update: 'The change was not made',
  remove: 'Nothing was removed',
  restore: 'The articles were not restored',
  clear: 'The library was not cleared',
  repair: 'The library was not repaired',
};

function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error || error instanceof DOMException)) return false;
  // Firefox has reported quota as NS_ERROR_DOM_QUOTA_REACHED, older Chromium as code 22 without the name.
  return error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || (error as DOMException).code === 22;
}

export function writeFailure(action: WriteAction, error: unknown): LibraryError {
  if (error instanceof LibraryError) return error;
  const whatFailed = WHAT_FAILED[action];
  if (isQuotaError(error)) {
    return new LibraryError(
      'quota',
      `${whatFailed}: the browser has no room left for saved articles. Your library is as it was. Remove articles you no longer need, or free disk space, then try again.`,
      { cause: error },
    );
  }
  return new LibraryError(
    'unavailable',
    `${whatFailed}: the browser's storage refused the change. Your library is as it was; try again, and restart the browser if it keeps failing.`,
    { cause: error },
  );
}
