import { jsonLdString, metaContent, type PageMetadata } from './metadata';
import { normalizeSpace } from './text';

export interface Dateline {
  published: string | null;
  modified: string | null;
  /** The visible dateline element, when one was read; the body step removes it from the article. */
  element: Element | null;
}

/** Offsets of timezone abbreviations news sites print. Ambiguous ones take the reading most common on news sites. */
export const TZ_OFFSETS: Record<string, string> = {
  UTC: '+00:00', GMT: '+00:00', Z: '+00:00', BST: '+01:00', IST: '+05:30', CET: '+01:00', CEST: '+02:00',
  MEZ: '+01:00', MESZ: '+02:00', EET: '+02:00', EEST: '+03:00', WET: '+00:00', WEST: '+01:00', MSK: '+03:00',
  EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00',
  PDT: '-07:00', AKST: '-09:00', AKDT: '-08:00', HST: '-10:00', AEST: '+10:00', AEDT: '+11:00', ACST: '+09:30',
  ACDT: '+10:30', AWST: '+08:00', NZST: '+12:00', NZDT: '+13:00', JST: '+09:00', KST: '+09:00', SGT: '+08:00',
  HKT: '+08:00', PKT: '+05:00', WIB: '+07:00', SAST: '+02:00', WAT: '+01:00', EAT: '+03:00', PHT: '+08:00',
};

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const pad = (n: number): string => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function formatIso(y: number, m: number, d: number, time: { h: number; min: number; s: number } | null, offset: string | null): string {
  const day = `${y}-${pad(m)}-${pad(d)}`;
  if (!time) return day;
  return `${day}T${pad(time.h)}:${pad(time.min)}:${pad(time.s)}${offset ?? ''}`;
}

/** Machine-readable dates (`2024-10-16T15:35:00+05:30`, `20241016`, RFC 2822) → ISO-8601 keeping the written offset. */
export function parseMachineDate(raw: string): string | null {
  const text = raw.trim();
  const iso = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?)?/i.exec(text);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (!validDate(y, m, d)) return null;
    const time = iso[4] ? { h: Number(iso[4]), min: Number(iso[5]), s: Number(iso[6] ?? 0) } : null;
    if (time && (time.h > 23 || time.min > 59 || time.s > 59)) return formatIso(y, m, d, null, null);
    return formatIso(y, m, d, time, normalizeOffset(iso[7]));
  }
  return parseHumanDate(text, null);
}

function normalizeOffset(raw: string | undefined): string | null {
  if (!raw) return null;
  if (/^z$/i.test(raw)) return '+00:00';
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(raw);
  return m ? `${m[1]}${m[2]}:${m[3] ?? '00'}` : null;
}

/**
 * Dates as people write them: `16-10-2024 16:16 IST`, `October 16, 2024 3:35 PM EDT`, `16 Oct 2024`.
 * `dayFirst` settles `03/04/2024`; null means decide from the numbers (a part above 12 is the day) and else month first.
 */
export function parseHumanDate(raw: string, dayFirst: boolean | null): string | null {
  const text = normalizeSpace(raw);
  let y: number | undefined, m: number | undefined, d: number | undefined;
  let rest = '';

  let match = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(text);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    rest = text.slice(match.index + match[0].length);
  } else if ((match = /\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b/.exec(text))) {
    const a = Number(match[1]), b = Number(match[2]);
    y = Number(match[3]);
    const aIsDay = a > 12 ? true : b > 12 ? false : dayFirst ?? (match[0].includes('.') || match[0].includes('-'));
    [d, m] = aIsDay ? [a, b] : [b, a];
    rest = text.slice(match.index + match[0].length);
  } else if ((match = /\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?([a-z]{3,9})\.?,?\s+(\d{4})\b/i.exec(text)) && monthNumber(match[2]!)) {
    d = Number(match[1]);
    m = monthNumber(match[2]!) ?? undefined;
    y = Number(match[3]);
    rest = text.slice(match.index + match[0].length);
  } else if ((match = /\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i.exec(text)) && monthNumber(match[1]!)) {
    m = monthNumber(match[1]!) ?? undefined;
    d = Number(match[2]);
    y = Number(match[3]);
    rest = text.slice(match.index + match[0].length);
  }
  if (y === undefined || m === undefined || d === undefined || !validDate(y, m, d)) return null;

  const clock = /^[\s,@at-]*(\d{1,2})[:.h](\d{2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?\s*(?:\(?\s*([A-Z]{1,5}|[+-]\d{2}:?\d{2}|(?:UTC|GMT)[+-]\d{1,2}(?::?\d{2})?)\b)?/i.exec(rest);
  if (!clock) return formatIso(y, m, d, null, null);
  let h = Number(clock[1]);
  const min = Number(clock[2]);
  const meridiem = clock[4]?.toLowerCase();
  if (meridiem?.startsWith('p') && h < 12) h += 12;
  if (meridiem?.startsWith('a') && h === 12) h = 0;
  if (h > 23 || min > 59) return formatIso(y, m, d, null, null);
  return formatIso(y, m, d, { h, min, s: Number(clock[3] ?? 0) }, zoneOffset(clock[5]));
}

function monthNumber(word: string): number | null {
  return MONTHS[word.toLowerCase().slice(0, 3)] ?? null;
}

function zoneOffset(zone: string | undefined): string | null {
  if (!zone) return null;
  const upper = zone.toUpperCase();
  if (TZ_OFFSETS[upper]) return TZ_OFFSETS[upper]!;
  const gmt = /^(?:UTC|GMT)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(upper);
  if (gmt) return `${gmt[1]}${pad(Number(gmt[2]))}:${gmt[3] ?? '00'}`;
  return normalizeOffset(zone);
}

const PUBLISHED_META = ['article:published_time', 'og:published_time', 'datepublished', 'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dc.date', 'dcterms.created', 'date', 'pubdate', 'publishdate', 'publish-date', 'article.published'];
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'datemodified', 'dc.date.modified', 'dcterms.modified', 'last-modified', 'article.updated'];

const PUBLISHED_LABEL = /\b(created|published|posted|first published|publicado|veröffentlicht|publié)\b[:\s]*/i;
const MODIFIED_LABEL = /\b(updated|modified|last updated|aktualisiert|actualizado|mis à jour)\b[:\s]*/i;

/** Published and updated dates. Precedence: JSON-LD article node → meta tags → visible dateline → `<time>` → URL. */
export function findDates(doc: Document, meta: PageMetadata, url: string): Dateline {
  const articleNode = meta.articleNodes[0];
  let published = articleNode ? parseOrNull(jsonLdString(articleNode['datePublished'] ?? articleNode['dateCreated'])) : null;
  let modified = articleNode ? parseOrNull(jsonLdString(articleNode['dateModified'])) : null;
  published ??= parseOrNull(metaContent(doc, PUBLISHED_META));
  modified ??= parseOrNull(metaContent(doc, MODIFIED_META));

  const visible = readVisibleDateline(doc);
  published ??= visible.published;
  modified ??= visible.modified;

  if (!published) {
    const time = doc.querySelector('article time[datetime], time[pubdate][datetime], [itemprop="datePublished"][datetime]');
    published = parseOrNull(time?.getAttribute('datetime') ?? null);
  }
  published ??= dateFromUrl(url);
  return { published, modified: modified && modified !== published ? modified : null, element: visible.element };
}

function parseOrNull(raw: string | null): string | null {
  return raw ? parseMachineDate(raw) : null;
}

/** A short element near the top that holds a labelled date, like `Updated: 16-10-2024 16:16 IST | Created: 16-10-2024 15:35 IST`. */
export function readVisibleDateline(doc: Document): Dateline {
  const none: Dateline = { published: null, modified: null, element: null };
  const body = doc.body;
  if (!body) return none;
  const candidates = body.querySelectorAll('p, span, div, time, small, li, header');
  for (const el of candidates) {
    const text = normalizeSpace(el.textContent ?? '');
    if (text.length < 8 || text.length > 200) continue;
    if (!PUBLISHED_LABEL.test(text) && !MODIFIED_LABEL.test(text)) continue;
    if (el.closest('aside, footer, nav, [class*="related" i], [class*="comment" i], [class*="sidebar" i]')) continue;
    const segments = text.split(/\s*\|\s*/);
    let published: string | null = null;
    let modified: string | null = null;
    for (const segment of segments) {
      const date = parseHumanDate(segment, true);
      if (!date) continue;
      if (MODIFIED_LABEL.test(segment)) modified ??= date;
      else if (PUBLISHED_LABEL.test(segment)) published ??= date;
    }
    if (published || modified) {
      // Prefer the innermost element carrying the whole dateline.
      return { published, modified, element: el };
    }
  }
  return none;
}

export function dateFromUrl(url: string): string | null {
  const m = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)/.exec(url);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validDate(y, mo, d) ? formatIso(y, mo, d, null, null) : null;
}
