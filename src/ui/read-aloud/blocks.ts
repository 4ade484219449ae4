/** Elements read as one utterance each: paragraphs, headings, list items and the like. */
const BLOCK_SELECTOR = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, dt, dd, td, th';

/**
 * The blocks of an article in reading order: the headline, then the body's blocks that have text of their own.
 * A quote made only of paragraphs is not a block of its own (its paragraphs are), so nothing is read twice.
 */
export function readableBlocks(articleRoot: HTMLElement): HTMLElement[] {
  const headline = articleRoot.querySelector<HTMLElement>('.bs-article__headline');
  const body = articleRoot.querySelector<HTMLElement>('.bs-article__body') ?? articleRoot;
  const blocks = Array.from(body.querySelectorAll<HTMLElement>(BLOCK_SELECTOR)).filter(
    (block) => block !== headline && blockText(block) !== '',
  );
  return headline && blockText(headline) ? [headline, ...blocks] : blocks;
}

/**
 * What is spoken for a block: its text without that of the blocks inside it (a list item's nested list is read as
 * its own items), whitespace collapsed.
 */
export function blockText(block: HTMLElement): string {
  let source: Node = block;
  if (block.querySelector(BLOCK_SELECTOR)) {
    const copy = block.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(BLOCK_SELECTOR).forEach((inner) => inner.remove());
    source = copy;
  }
  return (source.textContent ?? '').replace(/\s+/g, ' ').trim();
}
