/**
 * Pocket's `ril_export.html`: an `<h1>` per list ("Unread", "Read Archive"), each followed by a `<ul>` of
 * `<a href time_added tags>` links. Parsed into a detached document, so nothing in it runs or loads.
 */
import { importFailure } from './errors';
import type { ParsedArticles } from './library-json';
import { parsePocketTime, pocketItemToLink, splitPocketTags, type PocketItem } from './pocket-link';
import { isWebUrl } from './validate-article';

/** How many broken rows a refusal names before it stops listing. */
export const LISTED_BAD_ROWS = 5;

export function parsePocketHtml(text: string, parser: DOMParser): ParsedArticles {
  if (!text.trim()) return importFailure('empty');
  const doc = parser.parseFromString(text, 'text/html');
  const links = [...doc.querySelectorAll('a[time_added]')];
  const isPocket = /pocket/i.test(doc.title) || links.length > 0;
  if (!isPocket) return importFailure('foreign');
  if (links.length === 0) return importFailure('pocket-empty');

  const items: PocketItem[] = [];
  const badRows: string[] = [];
  links.forEach((link, index) => {
    const row = index + 1;
    const href = link.getAttribute('href')?.trim() ?? '';
    const timeAdded = parsePocketTime(link.getAttribute('time_added'));
    if (!isWebUrl(href)) badRows.push(`link ${row} (${href ? 'not an http(s) link' : 'no link'})`);
    else if (timeAdded === null) badRows.push(`link ${row} (time_added "${link.getAttribute('time_added')}" is not a time)`);
    else
      items.push({
        url: href,
        title: link.textContent?.trim() ?? '',
        timeAdded,
        tags: splitPocketTags(link.getAttribute('tags'), /,/),
        archived: /archive/i.test(listHeading(link)),
      });
  });
  if (badRows.length) return importFailure('pocket-bad-rows', badRows.length, badRows.slice(0, LISTED_BAD_ROWS).join(', '));
  return { ok: true, articles: items.map(pocketItemToLink) };
}

/** The text of the `<h1>` before the list holding `link`: tells unread items from archived ones. */
function listHeading(link: Element): string {
  let node: Element | null = link.closest('ul, ol') ?? link;
  while (node) {
    let sibling = node.previousElementSibling;
    while (sibling) {
      if (/^H[1-6]$/.test(sibling.tagName)) return sibling.textContent ?? '';
      sibling = sibling.previousElementSibling;
    }
    node = node.parentElement;
  }
  return '';
}
