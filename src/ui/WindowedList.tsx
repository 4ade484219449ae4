import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface WindowedListProps<T> {
  items: readonly T[];
  /** Every row has this height in CSS pixels; it is what makes windowing cheap. */
  rowHeight: number;
  keyOf(item: T): string;
  renderRow(item: T, index: number): ComponentChildren;
  /** Called when the rows near the end become visible (load the next page). */
  onNearEnd?(): void;
  label: string;
  /** Rows rendered beyond the visible ones, so keyboard focus and fast scrolling find rows ready. */
  overscan?: number;
}

/** Renders only the rows in view (plus a few), inside its own scrolling box whose height comes from CSS. */
export function WindowedList<T>({ items, rowHeight, keyOf, renderRow, onNearEnd, label, overscan = 4 }: WindowedListProps<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    setHeight(element.clientHeight || 600);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight || 600));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + overscan);

  useEffect(() => {
    if (onNearEnd && last >= items.length - overscan) onNearEnd();
  }, [last, items.length]);

  const rows = [];
  for (let index = first; index < last; index += 1) {
    const item = items[index] as T;
    rows.push(
      <li key={keyOf(item)} class="bs-windowed__row" style={{ top: `${index * rowHeight}px`, height: `${rowHeight}px` }} aria-posinset={index + 1} aria-setsize={items.length}>
        {renderRow(item, index)}
      </li>,
    );
  }
  return (
    <div class="bs-windowed" ref={viewport} onScroll={(event) => setScrollTop((event.currentTarget as HTMLDivElement).scrollTop)}>
      <ul class="bs-windowed__rows" aria-label={label} style={{ height: `${items.length * rowHeight}px` }}>
        {rows}
      </ul>
    </div>
  );
}
