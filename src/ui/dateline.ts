/** What the dateline shows for one date: readable text in the reader's locale and timezone, the exact ISO time for `title`. */
export interface DisplayDate {
  text: string;
  iso: string;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Null when the string is not a date we can read; date-only values are shown as that calendar day, never shifted by timezone. */
export function displayDate(iso: string | null, locale: string, timeZone?: string): DisplayDate | null {
  if (!iso) return null;
  const dateOnly = DATE_ONLY.exec(iso);
  try {
    if (dateOnly) {
      const [, y, m, d] = dateOnly;
      const day = Date.UTC(Number(y), Number(m) - 1, Number(d));
      if (Number.isNaN(day)) return null;
      return { text: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(day), iso };
    }
    const instant = Date.parse(iso);
    if (Number.isNaN(instant)) return null;
    const text = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(instant);
    return { text, iso };
  } catch {
    // An unknown locale or timezone string from a preference: fall back to the environment's.
    return locale === 'en' ? null : displayDate(iso, 'en', undefined);
  }
}

export interface DatelineParts {
  byline: string | null;
  published: DisplayDate | null;
  /** Only when it reads differently from the published date. */
  updated: DisplayDate | null;
  readingMinutes: number | null;
}

export function datelineParts(
  article: { byline: string | null; published: string | null; modified: string | null; readingMinutes: number },
  locale: string,
  timeZone?: string,
): DatelineParts {
  const published = displayDate(article.published, locale, timeZone);
  const modified = displayDate(article.modified, locale, timeZone);
  const updated = modified && modified.text !== published?.text ? modified : null;
  return {
    byline: article.byline?.trim() || null,
    published,
    updated,
    readingMinutes: article.readingMinutes > 0 ? article.readingMinutes : null,
  };
}

/** The site name the page gives, else its host without `www.`. */
export function siteLabel(siteName: string | null, url: string): string {
  if (siteName?.trim()) return siteName.trim();
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
