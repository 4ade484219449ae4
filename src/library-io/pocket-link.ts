import { stripTrackingParams } from '../extract/url';
import { EMPTY_ARTICLE_FIELDS, SCHEMA_VERSION, type SavedArticle } from '../storage/types';

export interface PocketItem {
  url: string;
  title: string;
  /** Epoch ms. */
  timeAdded: number;
  tags: string[];
  /** In Pocket's archive, i.e. read. */
  archived: boolean;
}

/**
 * A Pocket item as a saved link: title, tags and time added kept, content not saved yet. Its clean content is
 * fetched when the reader opens the link in a tab and saves it. Pocket does not record when an item was read, so an
 * archived item counts as read from the time it was added.
 */
export function pocketItemToLink(item: PocketItem): SavedArticle {
  const canonicalUrl = stripTrackingParams(item.url);
  return {
    id: canonicalUrl,
    canonicalUrl,
    url: item.url,
    title: item.title.trim() || canonicalUrl,
    ...EMPTY_ARTICLE_FIELDS,
    savedAt: item.timeAdded,
    readAt: item.archived ? item.timeAdded : null,
    tags: item.tags,
    contentSaved: false,
    schema: SCHEMA_VERSION,
    contentHtml: '',
    textContent: '',
  };
}

/** Pocket writes `time_added` in epoch seconds. */
export function parsePocketTime(value: string | null | undefined): number | null {
  if (value == null || !/^\s*\d{1,12}\s*$/.test(value)) return null;
  return Number(value) * 1000;
}

export function splitPocketTags(value: string | null | undefined, separator: RegExp): string[] {
  if (!value) return [];
  return [...new Set(value.split(separator).map((tag) => tag.trim()).filter(Boolean))];
}
