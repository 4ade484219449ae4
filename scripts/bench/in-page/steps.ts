// Our pipeline cut into its steps, each timed: mirrors src/extract/pipeline.ts + index.ts (keep the steps in step with them).
// `readability alone` and `visible dateline scan` are timed again on their own, on a fresh clone, to show how much of
// `body` and `dates` they account for; they are not part of the pipeline's sum.
import { Readability } from '@mozilla/readability';
import { readPageMetadata } from '../../../src/extract/metadata';
import { findHeadline } from '../../../src/extract/headline';
import { findByline } from '../../../src/extract/byline';
import { findDates, readVisibleDateline } from '../../../src/extract/dates';
import { extractBody } from '../../../src/extract/body';
import { findStandfirst } from '../../../src/extract/standfirst';
import { countWords } from '../../../src/extract/text';
import { canonicalUrl } from '../../../src/extract/url';
import { sanitizeArticleHtml } from '../../../src/extract/sanitize';

type StepTimes = Record<string, number>;

declare global {
  // eslint-disable-next-line no-var
  var __bsSteps: (rounds: number) => StepTimes;
}

function timeOnce(): StepTimes {
  const times: StepTimes = {};
  const step = <T>(name: string, work: () => T): T => {
    const started = performance.now();
    const value = work();
    times[name] = performance.now() - started;
    return value;
  };
  const url = location.href;
  const doc = step('clone', () => document.cloneNode(true) as Document);
  const meta = step('canonical + metadata', () => (canonicalUrl(doc, url), readPageMetadata(doc, url)));
  const headline = step('headline', () => findHeadline(doc, meta));
  const dates = step('dates', () => findDates(doc, meta, url, headline));
  const [byline, standfirst] = step('byline + standfirst', () => [findByline(doc, meta, dates.bylineText ?? null), findStandfirst(doc, headline)] as const);
  const body = step('body (readability + clean-up)', () => extractBody(doc, url, { headline, byline, dates, standfirst }));
  step('word count', () => countWords(body?.text ?? ''));
  step('sanitise (DOMPurify)', () => sanitizeArticleHtml(body?.html ?? ''));

  const fresh = document.cloneNode(true) as Document;
  step('  of which visible dateline scan', () => readVisibleDateline(fresh));
  step('  of which readability alone', () => new Readability<Element>(fresh, { serializer: (node) => node as Element, charThreshold: 300 }).parse());
  return times;
}

globalThis.__bsSteps = (rounds) => {
  const runs = Array.from({ length: rounds }, timeOnce);
  const medians: StepTimes = {};
  for (const name of Object.keys(runs[0] ?? {})) {
    const sorted = runs.map((run) => run[name] ?? 0).sort((a, b) => a - b);
    medians[name] = sorted[sorted.length >> 1] ?? 0;
  }
  return medians;
};
