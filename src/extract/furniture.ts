/** Page furniture: blocks whose text, dates and names belong to other articles, comments or the site, not to this article. */
export const FURNITURE = 'aside, nav, [role="navigation"], [class*="related" i], [class*="comment" i], [id*="comment" i], [class*="sidebar" i], [id*="sidebar" i], [class*="widget" i], [class*="teaser" i], [class*="recommend" i], [class*="popular" i], [class*="trending" i]';

/**
 * Whether `el` sits in page furniture. `<body>`, `<article>` and `<main>` never count as furniture even when their
 * classes say `no-sidebars` or `has-comments` (WordPress and Drupal put page flags there), and neither does a block
 * that holds the article's own headline (Blogger puts every post inside a `widget`).
 */
export function inFurniture(el: Element, selector: string = FURNITURE, headline: Element | null = null): boolean {
  const match = el.closest(selector);
  if (match === null || /^(BODY|HTML|ARTICLE|MAIN)$/.test(match.tagName)) return false;
  return !(headline && match.contains(headline));
}
