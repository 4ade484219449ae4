import { normalizeSpace } from './text';

/** Offsets of timezone abbreviations news sites print. Ambiguous ones take the reading most common on news sites (IST = India). */
export const TZ_OFFSETS: Record<string, string> = Object.fromEntries(
  'UTC+00:00 GMT+00:00 Z+00:00 BST+01:00 IST+05:30 CET+01:00 CEST+02:00 MEZ+01:00 MESZ+02:00 EET+02:00 EEST+03:00 WET+00:00 WEST+01:00 MSK+03:00 EST-05:00 EDT-04:00 CST-06:00 CDT-05:00 MST-07:00 MDT-06:00 PST-08:00 PDT-07:00 AKST-09:00 AKDT-08:00 HST-10:00 AEST+10:00 AEDT+11:00 ACST+09:30 ACDT+10:30 AWST+08:00 NZST+12:00 NZDT+13:00 JST+09:00 KST+09:00 SGT+08:00 HKT+08:00 PKT+05:00 WIB+07:00 SAST+02:00 WAT+01:00 EAT+03:00 PHT+08:00 ET-05:00 PT-08:00 CT-06:00 MT-07:00'
    .split(' ')
    .map((entry) => [entry.slice(0, -6), entry.slice(-6)]),
);

/** Month names and abbreviations in the languages of the pages we read most (en, de, fr, es, it, nl, pt). */
const MONTHS = new Map<string, number>(
  'january jan januar jänner jän janvier janv enero ene gennaio gen januari janeiro|february feb februar février fevrier févr fév febrero febbraio februari fevereiro fev|march mar märz maerz mär mars marzo maart mrt março marco|april apr avril avr abril abr aprile|may mai mayo maggio mag mei maio|june jun juni juin junio giugno giu junho|july jul juli juillet juil julio luglio lug julho|august aug août aout agosto ago augustus|september sep sept septembre septiembre setiembre settembre set setembro|october oct oktober okt octobre octubre ottobre ott outubro out|november nov novembre noviembre novembro|december dec dezember dez décembre decembre déc diciembre dic dicembre dezembro'
    .split('|')
    .flatMap((words, index) => words.split(' ').map((word) => [word, index + 1] as [string, number])),
);

const MONTH = '([\\p{L}]{3,10})\\.?';
const DAY_MONTH_YEAR = new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th|er|º|\\.)?\\s*(?:of\\s+|de\\s+)?${MONTH},?\\s+(?:de\\s+)?(\\d{4})(?!\\d)`, 'iu');
const MONTH_DAY_YEAR = new RegExp(`(?<![\\p{L}\\d])${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'iu');
/** `2019-02-13`, `2019/02/13`, and the CJK `2020年7月3日`. */
const YEAR_MONTH_DAY = /(?<!\d)(\d{4})(?:[-/.]|年\s?)(\d{1,2})(?:[-/.]|月\s?)(\d{1,2})日?(?!\d)/;
const NUMERIC_DMY = /(?<!\d)(\d{1,2})\s?([-/.])\s?(\d{1,2})\s?[-/.]\s?(\d{4})(?!\d)/;
/** `2.11.22`: day first, dots only, nothing numeric around it (a version `1.2.19.4` is not a date). */
const SHORT_DMY = /(?<![\d.])(\d\d?)\.(\d\d?)\.(\d\d)(?![\d.])/;

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
export function parseMachineDate(raw: string, dayFirst: boolean | null = null): string | null {
  const text = raw.trim();
  const iso = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?)?(?!\d)/i.exec(text);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (!validDate(y, m, d)) return null;
    const time = iso[4] ? { h: Number(iso[4]), min: Number(iso[5]), s: Number(iso[6] ?? 0) } : null;
    if (time && (time.h > 23 || time.min > 59 || time.s > 59)) return formatIso(y, m, d, null, null);
    return formatIso(y, m, d, time, normalizeOffset(iso[7]));
  }
  // `Mon Aug 03 12:45:00 EDT 2015` (Java's and C's date strings): the year moved before the time.
  return parseHumanDate(text.replace(/^\w+ (\w+ \d+) (\S+ \w+) (\d{4})$/, '$1 $3 $2'), dayFirst);
}

function normalizeOffset(raw: string | undefined): string | null {
  if (!raw) return null;
  if (/^z$/i.test(raw)) return '+00:00';
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(raw);
  return m ? `${m[1]}${m[2]}:${m[3] ?? '00'}` : null;
}

/**
 * Dates as people write them: `16-10-2024 16:16 IST`, `October 16, 2024 3:35 PM EDT`, `13. Januar 2014`,
 * `3 de mayo de 2022`. `dayFirst` settles `03/04/2024`; null means decide from the numbers (a part above 12 is
 * the day), else day first when written with `.` or `-` and month first with `/`.
 */
export function parseHumanDate(raw: string, dayFirst: boolean | null): string | null {
  const text = normalizeSpace(raw);
  let y: number | undefined, m: number | undefined, d: number | undefined;
  let rest = '';
  let match: RegExpExecArray | null;

  if ((match = YEAR_MONTH_DAY.exec(text))) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = NUMERIC_DMY.exec(text))) {
    const a = Number(match[1]), b = Number(match[3]);
    y = Number(match[4]);
    const aIsDay = a > 12 ? true : b > 12 ? false : dayFirst ?? match[2] !== '/';
    [d, m] = aIsDay ? [a, b] : [b, a];
  } else if ((match = DAY_MONTH_YEAR.exec(text)) && monthNumber(match[2]!)) {
    [d, m, y] = [Number(match[1]), monthNumber(match[2]!)!, Number(match[3])];
  } else if ((match = MONTH_DAY_YEAR.exec(text)) && monthNumber(match[1]!)) {
    [m, d, y] = [monthNumber(match[1]!)!, Number(match[2]), Number(match[3])];
  } else if ((match = SHORT_DMY.exec(text))) {
    [d, m, y] = [+match[1]!, +match[2]!, 2000 + +match[3]!];
  }
  if (!match || y === undefined || m === undefined || d === undefined || !validDate(y, m, d)) return null;
  rest = text.slice(match.index + match[0].length);

  const clock = /^[\s,@|–-]*(?:(?:at|um|à|a las|alle|om|às)\s+)?(?:-\s*)?(\d{1,2})[:.h](\d{2})(?![\d.]\d)(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?(?:\s*uhr)?\s*(?:\(?\s*((?:UTC|GMT)\s?[+-]\s?\d{1,2}(?::?\d{2})?|[A-Z]{1,5}|[+-]\d{2}:?\d{2})(?![\p{L}]))?/iu.exec(rest);
  if (!clock) return formatIso(y, m, d, null, null);
  let h = Number(clock[1]);
  const min = Number(clock[2]);
  const meridiem = clock[4]?.toLowerCase();
  if (meridiem?.startsWith('p') && h < 12) h += 12;
  if (meridiem?.startsWith('a') && h === 12) h = 0;
  if (h > 23 || min > 59) return formatIso(y, m, d, null, null);
  return formatIso(y, m, d, { h, min, s: Number(clock[3] ?? 0) }, zoneOffset(clock[5]));
}

export function monthNumber(word: string): number | null {
  return MONTHS.get(word.toLowerCase().replace(/\.$/, '')) ?? null;
}

function zoneOffset(zone: string | undefined): string | null {
  if (!zone) return null;
  const upper = zone.toUpperCase().replace(/\s+/g, '');
  if (TZ_OFFSETS[upper]) return TZ_OFFSETS[upper]!;
  const gmt = /^(?:UTC|GMT)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(upper);
  if (gmt) return `${gmt[1]}${pad(Number(gmt[2]))}:${gmt[3] ?? '00'}`;
  return normalizeOffset(zone);
}

/**
 * Whether numeric dates on this page put the day first, from the dates written on it (`25/12/2023` settles it)
 * and else from its language: US English writes the month first, almost every other language the day.
 * Null when neither tells.
 */
export function guessDayFirst(dateTexts: string[], lang: string | null): boolean | null {
  let dayFirstVotes = 0;
  let monthFirstVotes = 0;
  for (const text of dateTexts) {
    const match = NUMERIC_DMY.exec(text);
    if (!match) continue;
    if (Number(match[1]) > 12) dayFirstVotes++;
    else if (Number(match[3]) > 12) monthFirstVotes++;
  }
  if (dayFirstVotes !== monthFirstVotes) return dayFirstVotes > monthFirstVotes;
  if (!lang) return null;
  const lower = lang.toLowerCase();
  if (lower === 'en-us' || lower === 'en_us') return false;
  if (lower.startsWith('en')) return null;
  return true;
}

export function dateFromUrl(url: string, dayFirst: boolean | null = null): string | null {
  const m = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)/.exec(url);
  // A whole path segment written day-month-year or month-day-year (`/meldungen/29-10-2021`), in the page's order.
  const numeric = /\/(\d{1,2}-\d{1,2}-(?:19|20)\d{2})(?:[/?#]|$)/.exec(url);
  if (!m) return numeric ? parseHumanDate(numeric[1]!, dayFirst) : null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validDate(y, mo, d) ? formatIso(y, mo, d, null, null) : null;
}
