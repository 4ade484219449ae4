import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SavedMeta } from '../../storage/types';
import { t, uiLocale } from '../i18n';
import { readerHref, siteOf } from './library-view';
import { visibleRange } from './windowing';

/** Every row has this height (CSS keeps it); a fixed height is what lets 10,000 rows cost only the visible ones. */
export const ROW_HEIGHT = 52;
const OVERSCAN = 8;

interface Props {
  rows: readonly SavedMeta[];
  selected: ReadonlySet<string>;
  onSelect(ids: string[], selected: boolean): void;
  /** Called once, after the first rows are in the DOM (for the library benchmark). */
  onFirstRows?(): void;
}

function formatDate(epochMs: number | null, format: Intl.DateTimeFormat): string {
  return epochMs === null || Number.isNaN(epochMs) ? '—' : format.format(epochMs);
}

/** The saved articles as a table that renders only the rows in view; the header stays put while it scrolls. */
export function LibraryTable({ rows, selected, onSelect, onFirstRows }: Props) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(ROW_HEIGHT * 10);
  const lastClicked = useRef<number | null>(null);
  const firstRowsReported = useRef(false);
  const frame = useRef<number | null>(null);
  const dateFormat = useRef(new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium' })).current;

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    setViewportHeight(element.clientHeight);
    const observer = new ResizeObserver(() => setViewportHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    if (rows.length > 0 && !firstRowsReported.current) {
      firstRowsReported.current = true;
      onFirstRows?.();
    }
  }, [rows.length > 0]);

  const { first, last } = visibleRange(scrollTop, viewportHeight, ROW_HEIGHT, rows.length, OVERSCAN);
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));
  const someSelected = !allSelected && rows.some((row) => selected.has(row.id));

  const toggle = (index: number, checked: boolean, shiftKey: boolean) => {
    const anchor = lastClicked.current;
    if (shiftKey && anchor !== null && anchor < rows.length) {
      const [from, to] = anchor < index ? [anchor, index] : [index, anchor];
      onSelect(rows.slice(from, to + 1).map((row) => row.id), checked);
    } else onSelect([rows[index]!.id], checked);
    lastClicked.current = index;
  };

  const body = [];
  for (let index = first; index < last; index++) {
    const meta = rows[index]!;
    const site = siteOf(meta);
    const published = meta.published === null ? null : Date.parse(meta.published);
    body.push(
      <tr key={meta.id} aria-rowindex={index + 2} class={selected.has(meta.id) ? 'is-selected' : undefined}>
        <td class="bs-opt-table__check">
          <input
            type="checkbox"
            checked={selected.has(meta.id)}
            aria-label={t('selectArticle', meta.title)}
            onClick={(event) => toggle(index, (event.currentTarget as HTMLInputElement).checked, event.shiftKey)}
          />
        </td>
        <td class="bs-opt-table__title">
          <a href={readerHref(meta.id)} target="_blank" rel="noopener" title={meta.title}>
            {meta.title}
          </a>
          <span class="bs-opt-table__sub">{[site, meta.byline].filter(Boolean).join(' · ')}</span>
        </td>
        <td>{formatDate(meta.savedAt, dateFormat)}</td>
        <td>{formatDate(published, dateFormat)}</td>
        <td>{meta.contentSaved ? t('readingMinutes', meta.readingMinutes) : '—'}</td>
        <td>
          <span class={meta.readAt === null ? 'bs-opt-badge bs-opt-badge--unread' : 'bs-opt-badge'}>{t(meta.readAt === null ? 'statusUnread' : 'statusRead')}</span>
          {!meta.contentSaved && <span class="bs-opt-badge bs-opt-badge--link">{t('statusLinkOnly')}</span>}
        </td>
      </tr>,
    );
  }

  return (
    <div
      class="bs-opt-table-viewport"
      ref={viewport}
      onScroll={(event) => {
        const top = (event.currentTarget as HTMLDivElement).scrollTop;
        if (frame.current !== null) cancelAnimationFrame(frame.current);
        frame.current = requestAnimationFrame(() => setScrollTop(top));
      }}
    >
      <table class="bs-opt-table" aria-rowcount={rows.length + 1} aria-label={t('libraryTableLabel')}>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" class="bs-opt-table__check">
              <input
                type="checkbox"
                checked={allSelected}
                indeterminate={someSelected}
                disabled={rows.length === 0}
                aria-label={t('selectAllShown')}
                onClick={(event) => onSelect(rows.map((row) => row.id), (event.currentTarget as HTMLInputElement).checked)}
              />
            </th>
            <th scope="col">{t('columnTitle')}</th>
            <th scope="col">{t('columnSaved')}</th>
            <th scope="col">{t('columnPublished')}</th>
            <th scope="col">{t('columnReadingTime')}</th>
            <th scope="col">{t('columnStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {first > 0 && <tr aria-hidden="true" class="bs-opt-table__spacer" style={{ height: `${first * ROW_HEIGHT}px` }} />}
          {body}
          {last < rows.length && <tr aria-hidden="true" class="bs-opt-table__spacer" style={{ height: `${(rows.length - last) * ROW_HEIGHT}px` }} />}
        </tbody>
      </table>
    </div>
  );
}
