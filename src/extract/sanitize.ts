import type { Article } from './types';
import createDOMPurify, { type DOMPurify, type Config } from 'dompurify';

const instances = new WeakMap<object, DOMPurify>();

const HTTP_URL = /^https?:\/\//i;
const LINK_URL = /^(?:https?:\/\/|mailto:|tel:|#)/i;
/**
 * DOMPurify tests every attribute value that is not on its URI-safe list against this, not just URL attributes:
 * values without a scheme (`dir="rtl"`, `colspan="2"`, `datetime="2024-03-12"`) must pass, so the pattern is
 * DOMPurify's default narrowed to the schemes an article needs.
 */
const ALLOWED_VALUE = /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.\-]+(?:[^a-z+.\-:]|$))/i;
/** Attributes that make a browser fetch or navigate; checked one by one after DOMPurify has run. */
const URL_ATTRIBUTES = ['href', 'src', 'cite', 'poster', 'longdesc', 'action', 'formaction', 'background', 'data', 'codebase', 'usemap'];

const CONFIG: Config = {
  // HTML only: SVG and MathML bring their own parsing rules, which is where mutation XSS lives.
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style', 'iframe', 'frame', 'frameset', 'form', 'input', 'button', 'select', 'textarea', 'object', 'embed', 'applet',
    'base', 'link', 'meta', 'svg', 'math', 'noscript', 'template', 'video', 'audio', 'source', 'track', 'canvas', 'dialog',
    'portal', 'fencedframe', 'xmp', 'plaintext', 'listing', 'noembed', 'noframes', 'marquee',
  ],
  FORBID_ATTR: ['style', 'class', 'id', 'name', 'srcset', 'sizes', 'formaction', 'action', 'background', 'ping', 'xlink:href', 'target', 'srcdoc'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOWED_URI_REGEXP: ALLOWED_VALUE,
};

/** Links leave for a new tab without the opener; images load lazily and without a referrer; any other URL must be absolute http(s). */
function enforceUrlRules(node: Element): void {
  const tag = node.nodeName;
  for (const name of URL_ATTRIBUTES) {
    const value = node.getAttribute(name);
    if (value === null) continue;
    const allowed = name === 'href' && (tag === 'A' || tag === 'AREA') ? LINK_URL : HTTP_URL;
    // Relative URLs would resolve against the extension's own origin, so they are dropped like script URLs.
    if (!allowed.test(value.trim())) node.removeAttribute(name);
  }
  if (tag === 'A' || tag === 'AREA') {
    const href = node.getAttribute('href');
    if (href && !href.startsWith('#')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  }
  if (tag === 'IMG') {
    if (!node.hasAttribute('src')) {
      node.remove();
      return;
    }
    node.setAttribute('loading', 'lazy');
    node.setAttribute('referrerpolicy', 'no-referrer');
  }
}

/** For a reader who turned images off: nothing in the body may make the browser fetch one. */
const WITHOUT_IMAGES: Config = { ...CONFIG, FORBID_TAGS: [...(CONFIG.FORBID_TAGS as string[]), 'img', 'picture'] };

function purifierFor(win: Window): DOMPurify {
  let purifier = instances.get(win);
  if (!purifier) {
    purifier = createDOMPurify(win as unknown as Parameters<typeof createDOMPurify>[0]);
    // DOMPurify returns its input unchanged when the window lacks what it needs; refuse instead of passing HTML through.
    if (!purifier.isSupported) throw new Error('Cannot sanitise article HTML: this window has no usable DOM');
    purifier.addHook('afterSanitizeAttributes', enforceUrlRules);
    instances.set(win, purifier);
  }
  return purifier;
}

function windowOf(doc: Document | null): Window {
  const win = doc?.defaultView ?? (globalThis as { window?: Window }).window;
  if (!win) throw new Error('sanitizeArticleHtml needs a DOM window');
  return win;
}

/** Article HTML made safe to insert into an extension page: no script, handler, script URL, frame, form, object or style. */
export function sanitizeArticleHtml(html: string, doc: Document | null = null, options: { images?: boolean } = {}): string {
  return purifierFor(windowOf(doc)).sanitize(html, options.images === false ? WITHOUT_IMAGES : CONFIG) as string;
}

/** The article with its HTML sanitised and its lead image kept only on http(s). Text fields are plain strings and render as text. */
export function sanitizeArticle<T extends Article>(article: T, doc: Document | null = null): T {
  const leadImage = article.leadImage && HTTP_URL.test(article.leadImage.src.trim()) ? article.leadImage : null;
  return { ...article, contentHtml: sanitizeArticleHtml(article.contentHtml, doc), leadImage };
}
