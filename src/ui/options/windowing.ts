/** Which rows of a fixed-row-height list to render: the visible ones plus `overscan` on each side. */
export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  rowCount: number,
  overscan: number,
): { first: number; last: number } {
  if (rowCount === 0 || rowHeight <= 0) return { first: 0, last: 0 };
  const first = Math.max(0, Math.min(rowCount - 1, Math.floor(Math.max(0, scrollTop) / rowHeight) - overscan));
  const last = Math.min(rowCount, Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / rowHeight) + overscan);
  return { first, last: Math.max(first, last) };
}
