import type { Article } from './types';
import createDOMPurify, { type DOMPurify, type Config } from 'dompurify';

const instances = new WeakMap<object, DOMPurify>();

const SAFE_URL = /^(?:https?:|mailto:|#)/i;

const CONFIG: Config = {
  FORBID_TAGS: ['style', 'iframe', 'frame', 'frameset', 'form', 'input', 'button', 'select', 'textarea', 'object', 'embed', 'applet', 'base', 'link', 'meta', 'svg', 'math', 'noscript', 'template', 'video', 'audio', 'source', 'track', 'canvas', 'dialog'],
  FORBID_ATTR: ['style', 'class', 'id', 'name', 'srcset', 'sizes', 'formaction', 'action', 'background', 'ping', 'xlink:href'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOWED_URI_REGEXP: SAFE_URL,
};

function purifierFor(win: Window): DOMPurify {
  let purifier = instances.get(win);
  if (!purifier) {
    purifier = createDOMPurify(win as unknown as Parameters<typeof createDOMPurify>[0]);
    purifier.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeName === 'A') {
        const href = node.getAttribute('href');
        if (href && !href.startsWith('#')) {
          node.setAttribute('target', '_blank');
          node.setAttribute('rel', 'noopener noreferrer');
        }
      }
      if (node.nodeName === 'IMG') {
        const src = node.getAttribute('src');
        if (!src || !/^https?:/i.test(src)) node.remove();
        else node.setAttribute('loading', 'lazy');
      }
    });
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
export function sanitizeArticleHtml(html: string, doc: Document | null = null): string {
  return purifierFor(windowOf(doc)).sanitize(html, CONFIG) as string;
}

/** The article with its HTML sanitised and its lead image kept only on http(s). Text fields are plain strings and render as text. */
export function sanitizeArticle<T extends Article>(article: T, doc: Document | null = null): T {
  const leadImage = article.leadImage && /^https?:/i.test(article.leadImage.src) ? article.leadImage : null;
  return { ...article, contentHtml: sanitizeArticleHtml(article.contentHtml, doc), leadImage };
}
