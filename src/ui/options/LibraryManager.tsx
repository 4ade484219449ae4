import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Library } from '../../storage/library';
import type { LibraryChange, SavedMeta, SortKey } from '../../storage/types';
import { t } from '../i18n';
import { messageOf } from '../library-access';
import { LibraryTable } from './LibraryTable';
import { FIRST_PAGE, firstPageIfRead, takeFirstPage } from './first-page';
import { DEFAULT_VIEW, siteCounts, viewRows, type ReadFilter, type SortOrder, type ViewQuery } from './library-view';
import { formatCount, tCount } from './plural';
import { ProgressBar } from './ProgressBar';
import { setReadUndoably } from './read-undo';
import { useOperation } from './use-operation';

/** Typing pauses this long before a search runs: each keystroke must not start a query. */
const SEARCH_DELAY_MS = 150;
/** Search answers are capped: a query that matches more is narrowed by typing more. */
export const SEARCH_LIMIT = 1000;

const SORTS: Array<{ value: string; sort: SortKey; order: SortOrder; label: string }> = [
  { value: 'savedAt-desc', sort: 'savedAt', order: 'desc', label: 'sortSavedNewest' },
  { value: 'savedAt-asc', sort: 'savedAt', order: 'asc', label: 'sortSavedOldest' },
  { value: 'published-desc', sort: 'published', order: 'desc', label: 'sortPublishedNewest' },
  { value: 'published-asc', sort: 'published', order: 'asc', label: 'sortPublishedOldest' },
  { value: 'siteName-asc', sort: 'siteName', order: 'asc', label: 'sortSite' },
  { value: 'readingMinutes-asc', sort: 'readingMinutes', order: 'asc', label: 'sortShortest' },
  { value: 'readingMinutes-desc', sort: 'readingMinutes', order: 'desc', label: 'sortLongest' },
];

interface Undoable {
  message: string;
  undo(): Promise<void>;
}

interface Props {
  library: Library;
  selected: ReadonlySet<string>;
  onSelectionChange(selected: Set<string>): void;
  /** The latest change any page made to the library, and a counter that moves with every change. */
  change: LibraryChange | null;
  changeVersion: number;
}

/** Changes that name their articles are applied row by row; re-reading 10,000 metas for one edit would be wasteful. */
const PATCHABLE: ReadonlySet<LibraryChange['kind']> = new Set(['saved', 'read', 'removed', 'imported']);

/** The saved library as a searchable, sortable, filterable table with bulk actions that can be undone. */
export function LibraryManager({ library, selected, onSelectionChange, change, changeVersion }: Props) {
  const [metas, setMetas] = useState<SavedMeta[] | null>(() => firstPageIfRead()?.items ?? null);
  const [loading, setLoading] = useState<{ loaded: number; total: number } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  /** True once every meta is in memory (not just the first page). */
  const [complete, setComplete] = useState(false);
  const [skippedCount, setSkippedCount] = useState(0);
  const [view, setView] = useState<ViewQuery>(DEFAULT_VIEW);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SavedMeta[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [notice, setNotice] = useState<Undoable | { message: string; undo?: undefined } | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const operation = useOperation();
  const loadSequence = useRef(0);
  const searchSequence = useRef(0);

  // A full read: the newest rows first (painted at once), then every meta with progress. Runs on open and for
  // changes that do not say which articles they touched (clear, repair, a change too big to list).
  const [reloadVersion, setReloadVersion] = useState(0);
  useEffect(() => {
    const sequence = ++loadSequence.current;
    let cancelled = false;
    const stale = () => cancelled || sequence !== loadSequence.current;
    (async () => {
      try {
        if (metas === null) {
          // Read when the page's script started (first-page.ts), unless that failed.
          const prefetched = await takeFirstPage()?.catch(() => null);
          const firstPage = prefetched ?? (await library.listNewest(FIRST_PAGE));
          if (!stale()) setMetas((current) => current ?? firstPage.items);
          // Let the first rows render before the whole index is read.
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        const page = await library.listAll('savedAt', 'desc', (loaded, total) => {
          if (!stale() && total > FIRST_PAGE) setLoading({ loaded, total });
        });
        if (stale()) return;
        setMetas(page.items);
        setComplete(true);
        setSkippedCount(page.skipped.length);
        setLoadError(null);
      } catch (error) {
        if (!stale()) setLoadError(messageOf(error));
      } finally {
        if (!stale()) setLoading(null);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [library, reloadVersion]);

  useEffect(() => {
    if (!change) return;
    if (!PATCHABLE.has(change.kind) || change.ids.length === 0 || !complete) {
      setReloadVersion((version) => version + 1);
      return;
    }
    let live = true;
    const ids = change.ids;
    const patch = change.kind === 'removed' ? Promise.resolve([]) : Promise.all(ids.map((id) => library.getMeta(id)));
    patch.then(
      (fresh) => {
        if (!live) return;
        const changed = new Map(ids.map((id, index) => [id, fresh[index] ?? null]));
        setMetas((current) => {
          if (!current) return current;
          const kept = current.filter((meta) => !changed.has(meta.id)).concat([...changed.values()].filter((meta): meta is SavedMeta => meta !== null));
          return kept;
        });
      },
      () => live && setReloadVersion((version) => version + 1),
    );
    return () => {
      live = false;
    };
  }, [changeVersion]);

  // Search runs after a pause in typing; an answer to an older query is dropped.
  useEffect(() => {
    const text = query.trim();
    if (!text) {
      searchSequence.current++;
      setResults(null);
      setSearching(false);
      return;
    }
    setSearching(true);
    const sequence = ++searchSequence.current;
    const timer = setTimeout(() => {
      library.search(text, { limit: SEARCH_LIMIT }).then(
        (found) => {
          if (sequence !== searchSequence.current) return;
          setResults(found);
          setSearching(false);
        },
        (error: unknown) => {
          if (sequence !== searchSequence.current) return;
          setActionError(messageOf(error));
          setSearching(false);
        },
      );
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, library, changeVersion]);

  const byId = useMemo(() => new Map((metas ?? []).map((meta) => [meta.id, meta])), [metas]);
  // Search hits show the freshest copy of each meta (read state changes after the search ran).
  const source = useMemo(() => {
    if (!results) return metas ?? [];
    // With every meta known, a hit missing from them was deleted since the search ran.
    return complete ? results.flatMap((hit) => byId.get(hit.id) ?? []) : results.map((hit) => byId.get(hit.id) ?? hit);
  }, [results, metas, byId, complete]);
  const rows = useMemo(() => viewRows(source, view), [source, view]);
  const sites = useMemo(() => siteCounts(metas ?? []), [metas]);
  const selectedIds = useMemo(() => [...selected], [selected]);

  const select = useCallback(
    (ids: string[], on: boolean) => {
      const next = new Set(selected);
      for (const id of ids) on ? next.add(id) : next.delete(id);
      onSelectionChange(next);
    },
    [selected, onSelectionChange],
  );

  const runBulk = async (label: string, work: () => Promise<Undoable>) => {
    setActionError(null);
    try {
      setNotice(await operation.run(label, work));
    } catch (error) {
      setActionError(messageOf(error));
    }
  };

  const markRead = (read: boolean) =>
    runBulk(t(read ? 'progressMarkingRead' : 'progressMarkingUnread'), async () => {
      const ids = selectedIds;
      // The undo gives articles marked unread their own read time back, not the time of the undo.
      const undoRead = await setReadUndoably(library, ids, read, (id) => byId.get(id));
      return {
        message: tCount(read ? 'markedRead' : 'markedUnread', ids.length),
        undo: async () => {
          await undoRead();
        },
      };
    });

  const remove = () =>
    runBulk(t('progressDeleting'), async () => {
      const removed = await library.remove(selectedIds);
      onSelectionChange(new Set());
      return {
        message: tCount('deletedCount', removed.length),
        undo: async () => {
          await library.restore(removed);
        },
      };
    });

  const undo = async () => {
    if (!notice?.undo) return;
    const pending = notice;
    setActionError(null);
    try {
      await operation.run(t('progressUndoing'), () => pending.undo!());
      setNotice({ message: t('undone') });
    } catch (error) {
      setActionError(messageOf(error));
    }
  };

  const total = metas?.length ?? 0;
  const sortValue = `${view.sort}-${view.order}`;

  return (
    <div class="bs-opt-library">
      <div class="bs-opt-toolbar" role="search">
        <div class="bs-opt-field bs-opt-field--grow">
          <label for="library-search">{t('searchLabel')}</label>
          <input
            id="library-search"
            type="search"
            value={query}
            placeholder={t('searchPlaceholder')}
            autocomplete="off"
            spellcheck={false}
            onInput={(event) => setQuery((event.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <div class="bs-opt-field">
          <label for="library-sort">{t('sortLabel')}</label>
          <select
            id="library-sort"
            value={sortValue}
            onChange={(event) => {
              const chosen = SORTS.find((option) => option.value === (event.currentTarget as HTMLSelectElement).value) ?? SORTS[0]!;
              setView({ ...view, sort: chosen.sort, order: chosen.order });
            }}
          >
            {SORTS.map((option) => (
              <option key={option.value} value={option.value}>
                {t(option.label)}
              </option>
            ))}
          </select>
        </div>
        <div class="bs-opt-field">
          <label for="library-read">{t('filterReadLabel')}</label>
          <select id="library-read" value={view.read} onChange={(event) => setView({ ...view, read: (event.currentTarget as HTMLSelectElement).value as ReadFilter })}>
            <option value="all">{t('filterAll')}</option>
            <option value="unread">{t('filterUnread')}</option>
            <option value="read">{t('filterRead')}</option>
          </select>
        </div>
        <div class="bs-opt-field">
          <label for="library-site">{t('filterSiteLabel')}</label>
          <select
            id="library-site"
            value={view.site ?? ''}
            onChange={(event) => setView({ ...view, site: (event.currentTarget as HTMLSelectElement).value || null })}
          >
            <option value="">{t('filterAllSites')}</option>
            {sites.map(({ site, count }) => (
              <option key={site} value={site}>
                {t('siteWithCount', site, formatCount(count))}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div class="bs-opt-bulk" role="group" aria-label={t('bulkActionsLabel')}>
        <span class="bs-opt-bulk__count" aria-live="polite">
          {t('selectedCount', formatCount(selected.size))}
        </span>
        <button type="button" class="bs-button" disabled={selected.size === 0 || operation.running} onClick={() => markRead(true)}>
          {t('markRead')}
        </button>
        <button type="button" class="bs-button" disabled={selected.size === 0 || operation.running} onClick={() => markRead(false)}>
          {t('markUnread')}
        </button>
        <button type="button" class="bs-button bs-button--danger" disabled={selected.size === 0 || operation.running} onClick={remove}>
          {t('deleteSelected')}
        </button>
        <button type="button" class="bs-link-button" disabled={selected.size === 0} onClick={() => onSelectionChange(new Set())}>
          {t('clearSelection')}
        </button>
      </div>

      <div class="bs-opt-status-line" role="status">
        {notice && (
          <span class="bs-opt-notice">
            {notice.message}{' '}
            {notice.undo && (
              <button type="button" class="bs-button" onClick={undo} disabled={operation.running}>
                {t('undo')}
              </button>
            )}
          </span>
        )}
        <span class="bs-opt-count">
          {metas === null
            ? t('libraryLoading')
            : query.trim()
              ? searching
                ? t('searching')
                : t('searchCount', formatCount(rows.length), formatCount(total))
              : rows.length === total
                ? tCount('articleCount', total)
                : t('shownCount', formatCount(rows.length), formatCount(total))}
        </span>
      </div>
      <ProgressBar progress={operation.progress ?? (loading ? { label: t('progressLoading'), done: loading.loaded, total: loading.total } : null)} />
      {actionError && (
        <p class="bs-opt-error" role="alert">
          {actionError}
        </p>
      )}
      {loadError && (
        <p class="bs-opt-error" role="alert">
          {loadError}
        </p>
      )}
      {skippedCount > 0 && <p class="bs-opt-note">{tCount('skippedRecords', skippedCount)}</p>}
      {results !== null && results.length >= SEARCH_LIMIT && <p class="bs-opt-note">{t('searchCapped', formatCount(SEARCH_LIMIT))}</p>}

      {metas !== null && total === 0 && !loading ? (
        <p class="bs-opt-empty">{t('libraryEmpty')}</p>
      ) : (
        <LibraryTable rows={rows} selected={selected} onSelect={select} onFirstRows={() => performance.mark('broadsheet:options-first-rows')} />
      )}
      {metas !== null && total > 0 && rows.length === 0 && !searching && <p class="bs-opt-empty">{t('noMatches')}</p>}
    </div>
  );
}
