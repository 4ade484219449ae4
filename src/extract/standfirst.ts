import { normalizeSpace } from './text';
import { AROUND_THE_ARTICLE, inFurniture } from './furniture';

const STANDFIRST_CLASS = /standfirst|dek|deck|sub-?title|subhead|summary|lead|intro|teaser|excerpt|description|abstract|subline|strapline|kurztext|chapo|bajada|sumario|occhiello/i;

/**
 * The standfirst: the summary paragraph set under the headline (`<h2 class="standfirst">`, a `.dek`, a first `<p>`
 * in the headline's block). Read before the body step, which may drop it with the rest of the page header.
 */
export function findStandfirst(doc: Document, headline: string): string | null {
  const h1 = [...doc.querySelectorAll('h1')].find((h) => !inFurniture(h, AROUND_THE_ARTICLE) && normalizeSpace(h.textContent ?? '') === headline)
    ?? [...doc.querySelectorAll('h1')].find((h) => !inFurniture(h, AROUND_THE_ARTICLE));
  if (!h1) return null;
  // Look at what follows the headline in its own block, and in its parent's block when the headline is wrapped.
  for (const start of [h1, h1.parentElement]) {
    let sibling = start?.nextElementSibling ?? null;
    for (let steps = 0; sibling && steps < 3; steps++, sibling = sibling.nextElementSibling) {
      const text = normalizeSpace(sibling.textContent ?? '');
      const cls = `${sibling.getAttribute('class') ?? ''} ${sibling.getAttribute('id') ?? ''}`;
      const isSummaryTag = /^(H2|P)$/.test(sibling.tagName) || STANDFIRST_CLASS.test(cls);
      if (!isSummaryTag || /byline|author|date|meta|share|social/i.test(cls)) continue;
      if (text.length >= 60 && text.length <= 600 && /[.!?…"”»]$|\p{L}$/u.test(text)) return text;
    }
  }
  return null;
}
