// The pipeline's steps up to one field, run as extractUnsanitized runs them, on a page of the shared corpus.
import { expect } from 'vitest';
import { findByline } from '../../src/extract/byline';
import { findDates } from '../../src/extract/dates';
import { findHeadline } from '../../src/extract/headline';
import { readPageMetadata } from '../../src/extract/metadata';
import { metaDocument, metaRecord, type MetaRecord } from './corpus';

/** Metadata, headline, dates: the page's published date. */
export function publishedOf(record: MetaRecord): string | null {
  const doc = metaDocument(record);
  try {
    const meta = readPageMetadata(doc, record.url);
    return findDates(doc, meta, record.url, findHeadline(doc, meta)).published;
  } finally {
    doc.defaultView?.close();
  }
}

/** Corpus page `id` is labelled with a date, and the pipeline's published date falls on that day. */
export function expectPublishedOnLabelledDay(id: string): void {
  const record = metaRecord(id);
  expect(record.published, 'the truth gives a date').toMatch(/^\d{4}-\d{2}-\d{2}/);
  expect(publishedOf(record)?.slice(0, 10)).toBe(record.published!.slice(0, 10));
}

/** Corpus page `id` is labelled as having no date, and the pipeline gives none. */
export function expectNoDateWhereLabelledUndated(id: string): void {
  const record = metaRecord(id);
  expect(record.published, 'the truth says no date').toBe('');
  expect(publishedOf(record)).toBeNull();
}

/** Metadata, headline, dates, byline: the byline of corpus page `id`. */
export function bylineOfPage(id: string): string | null {
  const record = metaRecord(id);
  const doc = metaDocument(record);
  try {
    const meta = readPageMetadata(doc, record.url);
    const headline = findHeadline(doc, meta);
    const dates = findDates(doc, meta, record.url, headline);
    return findByline(doc, meta, dates.bylineText ?? null, headline);
  } finally {
    doc.defaultView?.close();
  }
}
