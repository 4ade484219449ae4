import type { LeadImage } from '../extract/types';

/** Bumped when stored records change shape; `migrations.ts` upgrades older records on open. */
export const SCHEMA_VERSION = 2;

/** The small per-article record lists and search results are drawn from; never holds the body. */
export interface SavedMeta {
  /** Stable key: the canonical URL (tracking parameters and fragment stripped). */
  id: string;
  canonicalUrl: string;
  /** The URL the article was saved from. */
  url: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  published: string | null;
  modified: string | null;
  excerpt: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  leadImage: LeadImage | null;
  wordCount: number;
  readingMinutes: number;
  /** Epoch ms. */
  savedAt: number;
  /** Epoch ms when marked read; null = unread. */
  readAt: number | null;
  tags: string[];
  /** False for links saved without their content (a non-article page, a Pocket import). */
  contentSaved: boolean;
  schema: number;
}

/** A saved article with its body, read only when one article is opened or exported. */
export interface SavedArticle extends SavedMeta {
  /** Sanitised HTML; empty when `contentSaved` is false. */
  contentHtml: string;
  textContent: string;
}

export type LibraryErrorCode = 'quota' | 'unavailable' | 'not-found' | 'corrupt' | 'invalid';

/** The one error type the library throws; `message` is written for the reader. */
export class LibraryError extends Error {
  constructor(
    readonly code: LibraryErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LibraryError';
  }
}

export type SortKey = 'savedAt' | 'published' | 'siteName' | 'readingMinutes';

export interface LibraryChange {
  kind: 'saved' | 'removed' | 'read' | 'cleared' | 'imported' | 'repaired';
  /** The entries changed; empty when too many changed to list (reload the view). */
  ids: string[];
  at: number;
  /** Makes each change a distinct value, so storage.onChanged fires even for a repeat within one millisecond. */
  nonce?: string;
}

/** What a saved link knows of an article it has no content for: nothing beyond its address and title. */
export const EMPTY_ARTICLE_FIELDS = {
  byline: null,
  siteName: null,
  published: null,
  modified: null,
  excerpt: null,
  lang: null,
  dir: null,
  leadImage: null,
  wordCount: 0,
  readingMinutes: 0,
} as const satisfies Partial<SavedMeta>;
