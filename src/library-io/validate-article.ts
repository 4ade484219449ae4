/**
 * Checks one article from an import file. Import files are untrusted input: every field is checked for type, and
 * URLs must be http(s) so an imported record can never carry a `javascript:` link into a page.
 */
import { SCHEMA_VERSION, type SavedArticle } from '../storage/types';

export type ArticleCheck = { ok: true; article: SavedArticle } | { ok: false; reason: string };

const isString = (value: unknown): value is string => typeof value === 'string';
const isStringOrNull = (value: unknown): boolean => value === null || typeof value === 'string';
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isNonNegative = (value: unknown): boolean => isFiniteNumber(value) && value >= 0;

export function isWebUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const protocol = new URL(value).protocol;
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

function isLeadImage(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'object' || Array.isArray(value)) return false;
  const image = value as Record<string, unknown>;
  return isWebUrl(image.src) && isString(image.alt) && isStringOrNull(image.caption);
}

/** What each field must hold, and how the reason reads when it does not. */
const FIELDS: Record<keyof SavedArticle, [check: (value: unknown) => boolean, expected: string]> = {
  id: [(value) => isString(value) && value.length > 0, 'a non-empty string'],
  canonicalUrl: [isWebUrl, 'an http(s) URL'],
  url: [isWebUrl, 'an http(s) URL'],
  title: [isString, 'a string'],
  byline: [isStringOrNull, 'a string or null'],
  siteName: [isStringOrNull, 'a string or null'],
  published: [isStringOrNull, 'a string or null'],
  modified: [isStringOrNull, 'a string or null'],
  excerpt: [isStringOrNull, 'a string or null'],
  lang: [isStringOrNull, 'a string or null'],
  dir: [(value) => value === null || value === 'ltr' || value === 'rtl', '"ltr", "rtl" or null'],
  leadImage: [isLeadImage, 'null or an image with an http(s) src'],
  wordCount: [isNonNegative, 'a number ≥ 0'],
  readingMinutes: [isNonNegative, 'a number ≥ 0'],
  savedAt: [isNonNegative, 'a time in milliseconds'],
  readAt: [(value) => value === null || isNonNegative(value), 'null or a time in milliseconds'],
  tags: [(value) => Array.isArray(value) && value.every(isString), 'a list of strings'],
  contentSaved: [(value) => typeof value === 'boolean', 'true or false'],
  schema: [(value) => isFiniteNumber(value) && Number.isInteger(value) && value >= 1 && value <= SCHEMA_VERSION, `a schema number from 1 to ${SCHEMA_VERSION}`],
  contentHtml: [isString, 'a string'],
  textContent: [isString, 'a string'],
};

/** A fresh record holding only the known fields, or the first reason it is not one. */
export function checkImportedArticle(raw: unknown): ArticleCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'it is not an object' };
  const value = raw as Record<string, unknown>;
  const article: Record<string, unknown> = {};
  for (const [field, [check, expected]] of Object.entries(FIELDS)) {
    if (!(field in value)) return { ok: false, reason: `field "${field}" is missing` };
    if (!check(value[field])) return { ok: false, reason: `field "${field}" should be ${expected}` };
    article[field] = value[field];
  }
  article.tags = [...(value.tags as string[])];
  article.leadImage = value.leadImage === null ? null : { ...(value.leadImage as object) };
  return { ok: true, article: article as unknown as SavedArticle };
}
