/** Page furniture: blocks whose text, dates and names belong to other articles, comments or the site, not to this article. */
export const FURNITURE = 'aside, nav, [role="navigation"], [class*="related" i], [class*="comment" i], [id*="comment" i], [class*="sidebar" i], [id*="sidebar" i], [class*="widget" i], [class*="teaser" i], [class*="recommend" i], [class*="popular" i], [class*="trending" i]';

/**
 * Whether `el` sits in page furniture. `<body>`, `<article>` and `<main>` never count as furniture even when their
 * classes say `no-sidebars` or `has-comments` (WordPress and Drupal put page flags there).
 */
export function inFurniture(el: Element, selector: string = FURNITURE): boolean {
  const match = el.closest(selector);
  return match !== null && !/^(BODY|HTML|ARTICLE|MAIN)$/.test(match.tagName);
}
