/** The clean article the pipeline returns. Field names are read by other tools (CLI, scorers): keep them. */
export interface Article {
  /** The URL the page was loaded from. */
  url: string;
  /** `<link rel=canonical>`/`og:url` (else `url`) with tracking parameters and fragment removed. */
  canonicalUrl: string;
  title: string;
  /** Author name(s) only, joined readably ("A, B and C"); null when the page names no person. */
  byline: string | null;
  siteName: string | null;
  /** ISO-8601 with the page's UTC offset where known, e.g. `2024-10-16T15:35:00+05:30`; date-only `YYYY-MM-DD` when no time is known. */
  published: string | null;
  modified: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  leadImage: LeadImage | null;
  /** Sanitised HTML of the body: safe to insert into an extension page. */
  contentHtml: string;
  textContent: string;
  wordCount: number;
  readingMinutes: number;
}

export interface LeadImage {
  src: string;
  alt: string;
  caption: string | null;
}

/** A page the pipeline could not find an article in. Not an error: the popup offers to save it as a link. */
export interface NotAnArticle {
  kind: 'not-an-article';
  url: string;
  canonicalUrl: string;
  title: string;
}

export type ExtractOutcome = ({ kind: 'article' } & Article) | NotAnArticle;
