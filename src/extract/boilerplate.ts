import { parseHumanDate } from './date-parse';
import { normalizeSpace } from './text';

export interface LiftedText {
  headline: string;
  standfirst: string | null;
  byline: string | null;
}

/** Class or id words of blocks that are never article text: captions, credits, share bars, promos, galleries. */
const BOILERPLATE_CLASS = /caption|credit|share|social|newsletter|subscribe|promo|related|read-?more|see-?also|dont-?miss|recommend|gallery-?(?:nav|count|controls)|slideshow-?(?:nav|controls)|toolbar|print-?header|byline|dateline|author-?(?:bio|info|box)|article-?tags|tag-?list|breadcrumb|advert|sponsor|signup|sign-up|paywall|inline-?cta/i;
const CAPTION_LINE = /^\(?(?:photos?|images?|pictures?|credits?|fotos?|bild|quelle|source|foto:|getty)\s*(?:credits?)?\s*:|\((?:image|photo|picture|credit|foto|bild)s?\s*:[^)]*\)\s*$|\b(?:credit|photo|image)s?:\s*[^.]{1,60}$/i;
const PROMO_LINE = /^(?:(?:read|see|watch|click|tap|listen)\s+(?:more|also|here|next|now)\b|(?:related|more)(?:\s+(?:stories|articles|news|on this))?\s*:|don['’]t miss\b|also read\b|recommended\b|advertisement$|anzeige$|werbung$|publicité$|(?:share|tweet|email|print|comments?|pin|save)(?:\s+(?:this|on \w+))?(?:\s+(?:article|story|post))?$|(?:image|photo|picture|slide|foto|bild)\s+\d+\s*(?:of|von|\/|de)\b|(?:caption|close|next|previous|prev|expand|enlarge|fullscreen|menu|search|sign in|log in|subscribe|home)$)/i;
const COPYRIGHT_LINE = /^(?:©|\(c\)\s|copyright\b|this (?:document|article|material) (?:is subject to copyright|may not be)|citation\s*:|all rights reserved)/i;
const DATE_NOISE = /\b(?:published|posted|updated|modified|created|last|on|at|am|pm|a\.m\.|p\.m\.|uhr|um|le|el|de|del|du|am|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b\.?/gi;
const LINE_BLOCKS = 'p,h1,h2,h3,h4,h5,h6,li,div,figcaption,dt,dd,span,time,small';

/**
 * Removes from Readability's body what is not the article's text: captions and credits, share and promo blocks,
 * link lists, the headline/standfirst/byline/dateline lines lifted into the dateline, copyright and citation lines.
 * Whole paragraphs of prose are never touched: every rule is for short lines or marked blocks.
 */
export function removeBoilerplate(root: Element, lifted: LiftedText): void {
  // One static list and regexes on class and id: jsdom's engine takes milliseconds on `[class*=… i]` selectors.
  const elements = [...root.querySelectorAll('*')];
  for (const el of elements) {
    if ((el.localName === 'figcaption' || /caption|credit/i.test(el.getAttribute('class') ?? '')) && normalizeSpace(el.textContent ?? '').length <= 400) el.remove();
  }

  for (const el of elements) {
    if (!root.contains(el)) continue;
    const marker = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!BOILERPLATE_CLASS.test(marker)) continue;
    if (normalizeSpace(el.textContent ?? '').length <= 400) el.remove();
  }

  const headline = comparable(lifted.headline);
  const standfirst = lifted.standfirst ? comparable(lifted.standfirst) : null;
  let removeFollowingLinks = false;
  for (const el of [...root.querySelectorAll(LINE_BLOCKS)]) {
    if (!root.contains(el)) continue;
    if (hasBlockChild(el)) continue;
    const text = normalizeSpace(el.textContent ?? '');
    if (!text) continue;
    const density = linkDensity(el, text);
    if (removeFollowingLinks && density > 0.8) {
      el.remove();
      continue;
    }
    removeFollowingLinks = false;
    if (text.length > 300) continue;
    const line = comparable(text);
    if (PROMO_LINE.test(text) && text.length <= 160) {
      removeFollowingLinks = /don['’]t miss|related|read more|more:|also read|recommended/i.test(text) && density < 0.8;
      el.remove();
    } else if (
      line === headline ||
      (standfirst !== null && line === standfirst) ||
      isBylineLine(text) ||
      isDatelineLine(text) ||
      CAPTION_LINE.test(text) ||
      COPYRIGHT_LINE.test(text) ||
      /^https?:\/\/\S+$/.test(text) ||
      /^\S+@\S+\.\w+$/.test(text) ||
      /^(?:twitter\.com\/|@)\w+$/i.test(text) ||
      (density > 0.9 && wordCount(text) <= 20 && el.tagName !== 'LI')
    ) {
      el.remove();
    }
  }

  for (const list of [...root.querySelectorAll('ul, ol')]) {
    if (root.contains(list) && isLinkList(list)) list.remove();
  }
}

function comparable(text: string): string {
  return normalizeSpace(text).toLowerCase().replace(/[\p{P}\p{S}]+/gu, '').replace(/\s+/g, ' ');
}

function hasBlockChild(el: Element): boolean {
  for (const child of el.children) {
    if (/^(P|DIV|UL|OL|LI|H[1-6]|TABLE|BLOCKQUOTE|FIGURE|SECTION|ARTICLE|PRE|DL)$/.test(child.tagName)) return true;
  }
  return false;
}

function linkDensity(el: Element, text: string): number {
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += normalizeSpace(a.textContent ?? '').length;
  if (el.tagName === 'A') linked = text.length;
  return text.length ? linked / text.length : 0;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function isBylineLine(text: string): boolean {
  return /^(?:by|von|par|por|di|door)\s+\S/i.test(text) && wordCount(text) <= 10 && !/[.!?]$/.test(text);
}

/** `Published 4:00 am CST, Wednesday, November 20, 2019`, `| UPDATED: 11:05, Tue, Nov 19, 2019`: a date and its labels only. */
function isDatelineLine(text: string): boolean {
  // Every date form parseHumanDate reads has a four-digit year; most lines have none, and its regexes are the slow part.
  if (text.length > 120 || !/\d{4}/.test(text) || !parseHumanDate(text, null)) return false;
  const rest = text
    .replace(/\b[A-Z]{2,5}\b/g, ' ')
    .replace(DATE_NOISE, ' ')
    .replace(/[\p{L}]{3,10}\.?(?=\s+\d)|\d+(?:st|nd|rd|th)?/gu, ' ')
    .replace(/[\p{P}\p{S}]+/gu, ' ');
  return wordCount(rest) <= 2;
}

function isLinkList(list: Element): boolean {
  const items = [...list.children].filter((c) => c.tagName === 'LI');
  if (items.length < 3) return false;
  let linked = 0;
  let total = 0;
  for (const item of items) {
    const text = normalizeSpace(item.textContent ?? '');
    if (wordCount(text) > 8) return false;
    total += text.length;
    linked += [...item.querySelectorAll('a')].reduce((sum, a) => sum + normalizeSpace(a.textContent ?? '').length, 0);
  }
  return total > 0 && linked / total >= 0.8;
}
