import type { TabReading } from '../content/read-tab';
import type { Restriction } from '../content/restricted';
import { t } from './i18n';

const RESTRICTION_KEYS: Record<Restriction, string> = {
  'browser-page': 'restrictedBrowserPage',
  store: 'restrictedStore',
  pdf: 'restrictedPdf',
  file: 'restrictedFile',
  other: 'restrictedOther',
};

/** The one-line explanation for a page that could not be read; shared by the popup and the badge tooltip. */
export function readingProblemText(reading: Exclude<TabReading, { kind: 'article' } | { kind: 'not-an-article' }>): string {
  return reading.kind === 'restricted' ? t(RESTRICTION_KEYS[reading.restriction]) : reading.message;
}

export function restrictionText(restriction: Restriction): string {
  return t(RESTRICTION_KEYS[restriction]);
}
