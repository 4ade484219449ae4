/**
 * Defences for the injected script against the page it runs in. Page scripts cannot reach our JavaScript built-ins
 * (Chrome runs us in an isolated world, Firefox behind Xray wrappers), but the DOM is shared: named elements shadow
 * document and form members (`<form name="cloneNode">` makes `document.cloneNode` a form element, and a clobbered
 * `parentNode` sent the extraction into an endless loop that froze the tab), and a huge or very deep DOM makes the
 * extraction's quadratic clean-up steps run for minutes. So the DOM methods used here are taken from the prototypes
 * once, at injection, and called on the document explicitly.
 */
const cloneNode = Node.prototype.cloneNode;
const querySelectorAll = Document.prototype.querySelectorAll;
const createTreeWalker = Document.prototype.createTreeWalker;
const removeAttribute = Element.prototype.removeAttribute;
const documentElementOf = Object.getOwnPropertyDescriptor(Document.prototype, 'documentElement')!.get!;
const contentTypeOf = Object.getOwnPropertyDescriptor(Document.prototype, 'contentType')!.get!;
const call = <R>(fn: (...args: never[]) => unknown, self: unknown, ...args: unknown[]): R => Reflect.apply(fn, self, args) as R;

/** Bounds on the work the extraction may take on; past them the reader gets a message instead of a frozen tab. */
export const PAGE_LIMITS = {
  /** Characters of text: a very long read has ~200,000; past a million, extraction alone takes seconds. */
  textChars: 1_000_000,
  elements: 60_000,
  /** Sum of every element's depth: what the clean-up steps' cost grows with on deeply nested markup. */
  totalDepth: 3_000_000,
};

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** The document's MIME type when it is not a web page (plain text, image, XML, JSON viewer), else null. */
export function nonHtmlContentType(doc: Document): string | null {
  const type = String(call(contentTypeOf, doc) ?? '').toLowerCase();
  return HTML_TYPES.has(type) ? null : type || 'unknown';
}

export type PageSize = { ok: true } | { ok: false; reason: string };

/** Walks the page once, stopping as soon as a limit is passed. */
export function measurePage(doc: Document, limits = PAGE_LIMITS): PageSize {
  const root = call<Element | null>(documentElementOf, doc);
  if (!root) return { ok: true };
  const walker = call<TreeWalker>(createTreeWalker, doc, root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let elements = 0;
  let text = 0;
  let totalDepth = 0;
  let depth = 0;
  let node: Node | null = walker.currentNode;
  while (node) {
    if (node.nodeType === Node.TEXT_NODE) {
      text += (node as Text).length;
      if (text > limits.textChars) return { ok: false, reason: `${(text / 1_000_000).toFixed(1)} million characters of text` };
    } else {
      elements += 1;
      totalDepth += depth;
      if (elements > limits.elements) return { ok: false, reason: `more than ${limits.elements.toLocaleString('en')} elements` };
      if (totalDepth > limits.totalDepth) return { ok: false, reason: 'elements nested too deeply' };
    }
    // Depth-first: first child, else the next sibling of the nearest ancestor that has one.
    let next: Node | null = walker.firstChild();
    if (next) depth += 1;
    else {
      next = walker.nextSibling();
      while (!next && walker.parentNode()) {
        depth -= 1;
        next = walker.nextSibling();
      }
    }
    node = next;
  }
  return { ok: true };
}

// Named properties of a document come from these elements' name (and object/img id); a form's from its controls.
const DOCUMENT_NAMED = 'form[name], img[name], embed[name], object[name], iframe[name], object[id], embed[id], img[id]';
const FORM_NAMED = 'form button, form fieldset, form input, form object, form output, form select, form textarea, form img';

/** A copy of `doc` the page can no longer shadow members of; the live page is left as it was. */
export function defusedClone(doc: Document): Document {
  const clone = call<Document>(cloneNode, doc, true);
  for (const el of call<NodeListOf<Element>>(querySelectorAll, clone, DOCUMENT_NAMED)) {
    call(removeAttribute, el, 'name');
    if (el.localName === 'object' || el.localName === 'embed' || el.localName === 'img') call(removeAttribute, el, 'id');
  }
  for (const el of call<NodeListOf<Element>>(querySelectorAll, clone, FORM_NAMED)) {
    call(removeAttribute, el, 'name');
    call(removeAttribute, el, 'id');
  }
  return clone;
}
