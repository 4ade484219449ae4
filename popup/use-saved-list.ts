import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { SavedMeta } from '../src/storage/types';
import { library, messageOf } from '../src/ui/library-access';

const PAGE_SIZE = 40;

type FirstPage = Awaited<ReturnType<Awaited<ReturnType<typeof library>>['listNewest']>>;
let prefetching: Promise<void> | null = null;
let prefetched: FirstPage | null = null;

/**
 * Opens the library and reads the first page before the Saved view is opened (the popup calls this when it is idle
 * after showing the article), so opening the view only has to render. The view still reads the page again once it
 * is shown, so a change made in between (a save from this popup, another window) is never missed.
 */
export function prefetchSavedList(): Promise<void> {
  prefetching ??= library()
    .then((lib) => lib.listNewest(PAGE_SIZE))
    .then(
      (page) => void (prefetched = page),
      () => undefined, // the view reads again and shows the error there
    );
  return prefetching;
}

/** The prefetched first page, once: later mounts read afresh. */
function takePrefetched(): FirstPage | null {
  const page = prefetched;
  prefetched = null;
  return page;
}

export interface SavedListState {
  items: SavedMeta[];
  total: number | null;
  loading: boolean;
  error: string | null;
  /** Stored records that could not be read (shown as a count, never as a broken list). */
  skipped: number;
}

/**
 * The newest saved articles, a page of metadata at a time (never bodies), kept in step with changes made anywhere
 * in the extension.
 */
export function useSavedList() {
  const [first] = useState(takePrefetched);
  const [state, setState] = useState<SavedListState>(() =>
    first
      ? { items: first.items, total: null, loading: false, error: null, skipped: first.skipped.length }
      : { items: [], total: null, loading: true, error: null, skipped: 0 },
  );
  const exhausted = useRef(false);
  const busy = useRef(false);
  const loaded = useRef(first?.items.length ?? 0);
  const lastItem = useRef<SavedMeta | undefined>(first?.items[first.items.length - 1]);

  const reload = useCallback(async () => {
    try {
      const lib = await library();
      // The rows paint as soon as they are read. The count is asked for only then: Chromium counts by visiting
      // every entry (150 ms at 10,000, bench:library), and a request queued first delays the rows behind it.
      const page = await lib.listNewest(Math.max(loaded.current, PAGE_SIZE));
      exhausted.current = page.items.length < Math.max(loaded.current, PAGE_SIZE);
      loaded.current = page.items.length;
      lastItem.current = page.items[page.items.length - 1];
      setState((previous) => ({ items: page.items, total: previous.total, loading: false, error: null, skipped: page.skipped.length }));
      const total = await lib.count();
      setState((previous) => ({ ...previous, total }));
    } catch (error) {
      setState((previous) => ({ ...previous, loading: false, error: messageOf(error) }));
    }
  }, []);

  const loadMore = useCallback(async () => {
    if (busy.current || exhausted.current || loaded.current === 0) return;
    busy.current = true;
    try {
      const lib = await library();
      const last = lastItem.current;
      if (!last) return;
      const page = await lib.listNewest(PAGE_SIZE, { savedAt: last.savedAt, id: last.id });
      exhausted.current = page.items.length < PAGE_SIZE;
      setState((previous) => {
        const known = new Set(previous.items.map((item) => item.id));
        const items = [...previous.items, ...page.items.filter((item) => !known.has(item.id))];
        loaded.current = items.length;
        lastItem.current = items[items.length - 1];
        return { ...previous, items, skipped: previous.skipped + page.skipped.length };
      });
    } catch (error) {
      setState((previous) => ({ ...previous, error: messageOf(error) }));
    } finally {
      busy.current = false;
    }
  }, []);

  const refreshRows = useCallback(async (ids: string[]) => {
    try {
      const lib = await library();
      const metas = await Promise.all(ids.map((id) => lib.getMeta(id)));
      const fresh = new Map(metas.filter((meta): meta is SavedMeta => meta !== null).map((meta) => [meta.id, meta]));
      setState((previous) => ({ ...previous, items: previous.items.map((item) => fresh.get(item.id) ?? item) }));
    } catch {
      await reload();
    }
  }, [reload]);

  useEffect(() => {
    void reload();
    let stop: (() => void) | null = null;
    let live = true;
    library().then(
      (lib) => {
        if (!live) return;
        stop = lib.onChanged((change) => {
          // Read/unread changes no row's position: refresh just those rows instead of every loaded page.
          if (change.kind === 'read' && change.ids.length > 0) void refreshRows(change.ids);
          else void reload();
        });
      },
      () => {},
    );
    return () => {
      live = false;
      stop?.();
    };
  }, [reload, refreshRows]);

  return { ...state, loadMore, reload };
}
