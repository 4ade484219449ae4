/** Page furniture: blocks whose text, dates and names belong to other articles, comments or the site, not to this article. */
export const FURNITURE = 'aside,nav,[role="navigation"],[class*="related" i],[class*="comment" i],[id*="comment" i],[class*="sidebar" i],[id*="sidebar" i],[class*="widget" i],[class*="teaser" i],[class*="recommend" i],[class*="popular" i],[class*="trending" i]';

/** Blocks that are never the article: its surroundings, the site's sidebar, other articles and comments. */
export const AROUND_THE_ARTICLE = 'aside,footer,nav,[class*="related" i],[class*="comment" i],[class*="sidebar" i]';

/** A selector list's parts: a tag name (or ''), an attribute name and the test of its value. */
const parsedSelectors: Record<string, Part[]> = {};

/**
 * An attribute's value without layout modifiers (`has-double-sidebar`, `no-comments`, `with-sidebar`): those say
 * how a page or wrapper is laid out, not that the element is a sidebar or comment block.
 */
function attributeWithoutModifiers(el: Element, attr: string): string {
  return (el.getAttribute(attr) ?? '').replace(/(?:^|\s)(?:has|no|with|without)-\S*/gi, ' ');
}

type Part = [tag: string, attr?: string, value?: RegExp];

/** A selector list's parts, parsed once: lower-case tag names, `[attr="value"]` and `[attr*="value" i]` only. */
function partsOf(selector: string): Part[] {
  return (parsedSelectors[selector] ??= selector.split(',').map((part) => {
    const parsed = /^\s*(\w*)(?:\[([\w-]+)(\*?)="([\w:-]+)"( i)?\])?\s*$/.exec(part);
    if (!parsed) throw new Error(`closest(): unsupported selector "${part}"`);
    const [, tag, attr, contains, value, flag] = parsed;
    return [tag!, attr, attr ? new RegExp(contains ? value! : `^${value}$`, flag && 'i') : undefined];
  }));
}

function matchesParts(node: Element, parts: Part[]): boolean {
  return parts.some(([tag, attr, value]) => (!tag || node.localName === tag) && (!attr || value!.test(attributeWithoutModifiers(node, attr))));
}

/** `el.matches(selector)` for the selectors `closest()` reads. */
export function matches(el: Element, selector: string): boolean {
  return matchesParts(el, partsOf(selector));
}

/**
 * `el.closest(selector)` for a list of lower-case tag names, `[attr="value"]` and `[attr*="value" i]` (nothing else):
 * jsdom's selector engine takes milliseconds per call on attribute selectors, a walk up the parents with regexes microseconds.
 */
export function closest(el: Element | null, selector: string): Element | null {
  const parts = partsOf(selector);
  for (let node = el; node; node = node.parentElement) if (matchesParts(node, parts)) return node;
  return null;
}

/**
 * Whether `el` sits in page furniture. `<body>`, `<article>` and `<main>` never count as furniture even when their
 * classes say `no-sidebars` or `has-comments` (WordPress and Drupal put page flags there), and neither does a block
 * that holds the article's own headline (Blogger puts every post inside a `widget`).
 */
export function inFurniture(el: Element, selector: string = FURNITURE, headline: Element | null = null): boolean {
  const match = closest(el, selector);
  if (match === null || /^(BODY|HTML|ARTICLE|MAIN)$/.test(match.tagName)) return false;
  return !(headline && match.contains(headline));
}
