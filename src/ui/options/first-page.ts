import type { Library, ListPage } from '../../storage/library';
import { library } from '../library-access';

/** Rows read first so the table paints before the whole library is in memory. */
export const FIRST_PAGE = 60;

let firstPage: Promise<ListPage> | null = null;
let firstPageSettled: Promise<void> = Promise.resolve();
/** Set as soon as they are known, so the first render can use them without waiting for an effect. */
let openedLibrary: Library | null = null;
let readPage: ListPage | null = null;

/**
 * Reads the newest rows as soon as the options page's script starts (options.tsx), in parallel with the first
 * render, instead of in an effect after the library has been opened and the manager mounted.
 */
export function prefetchFirstPage(): void {
  firstPage ??= library().then((lib) => {
    openedLibrary = lib;
    // For bench:library (issue 6): where the time to the first rows goes.
    performance.mark('broadsheet:options-library-open');
    return lib.listNewest(FIRST_PAGE).then((page) => {
      performance.mark('broadsheet:options-first-page-read');
      readPage = page;
      return page;
    });
  });
  // The manager asks again and shows the error.
  firstPageSettled = firstPage.then(
    () => undefined,
    () => undefined,
  );
}

/**
 * Resolves once the prefetched first page has been read (at once when none was started). Reads that can wait, such
 * as the storage panel's count, start after it: IndexedDB answers in order, and Chromium's count() visits every
 * entry (150 ms at 10,000), which would hold up the first rows queued behind it.
 */
export function afterFirstPage(): Promise<void> {
  return firstPageSettled;
}

/** The prefetched first page, once (a later reload reads afresh); null when none was started. */
export function takeFirstPage(): Promise<ListPage> | null {
  const page = firstPage;
  firstPage = null;
  readPage = null;
  return page;
}

/** The library, if the prefetch has opened it already (else null: the page opens it in an effect). */
export function libraryIfOpen(): Library | null {
  return openedLibrary;
}

/**
 * The prefetched first page if it has been read already, once; then the table has rows in its first render. The
 * manager still reads the whole library right after, so a change made meanwhile is picked up.
 */
export function firstPageIfRead(): ListPage | null {
  const page = readPage;
  if (page) takeFirstPage();
  return page;
}
