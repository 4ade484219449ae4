import { datelineParts, type DisplayDate } from './dateline';
import { t, uiLocale } from './i18n';

export interface DatelineSource {
  byline: string | null;
  published: string | null;
  modified: string | null;
  readingMinutes: number;
}

function DateText({ date }: { date: DisplayDate }) {
  return (
    <time dateTime={date.iso} title={date.iso}>
      {date.text}
    </time>
  );
}

/** byline · published · updated … · N min read — whichever parts the article has. */
export function Dateline({ article, locale = uiLocale(), timeZone }: { article: DatelineSource; locale?: string; timeZone?: string }) {
  const parts = datelineParts(article, locale, timeZone);
  const items = [
    parts.byline && <span class="bs-dateline__byline">{parts.byline}</span>,
    parts.published && <DateText date={parts.published} />,
    parts.updated && (
      <span class="bs-dateline__updated">
        {t('datelineUpdated')} <DateText date={parts.updated} />
      </span>
    ),
    parts.readingMinutes !== null && <span class="bs-dateline__reading">{t('readingMinutes', new Intl.NumberFormat(locale).format(parts.readingMinutes))}</span>,
  ].filter(Boolean);
  if (!items.length) return null;
  return (
    <p class="bs-dateline">
      {items.map((item, index) => (
        <>
          {index > 0 && <span class="bs-dateline__sep" aria-hidden="true"> · </span>}
          {item}
        </>
      ))}
    </p>
  );
}
