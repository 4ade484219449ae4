import type { TooLargeReason } from '../content/page-guards';
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

const TOO_LARGE_KEYS: Record<TooLargeReason, string> = {
  text: 'tooLargeText',
  elements: 'tooLargeElements',
  depth: 'tooLargeDepth',
};

/** The one-line explanation for a page that could not be read; shared by the popup and the badge tooltip. */
export function readingProblemText(reading: Exclude<TabReading, { kind: 'article' } | { kind: 'not-an-article' }>): string {
  if (reading.kind === 'restricted') return t(RESTRICTION_KEYS[reading.restriction]);
  return reading.kind === 'too-large' ? tooLargeText(reading.reason) : reading.message;
}

/** What makes a page too large for Broadsheet, as one sentence that stands on its own (the badge tooltip uses it alone). */
export function tooLargeText(reason: TooLargeReason): string {
  return t(TOO_LARGE_KEYS[reason]);
}

export function restrictionText(restriction: Restriction): string {
  return t(RESTRICTION_KEYS[restriction]);
}
