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
const getElementById = Document.prototype.getElementById;
const getter = (name: string) => Object.getOwnPropertyDescriptor(Document.prototype, name)!.get!;
const contentTypeOf = getter('contentType');
const documentElementOf = getter('documentElement');
const localNameOf = Object.getOwnPropertyDescriptor(Element.prototype, 'localName')!.get!;
const call = <R>(fn: (...args: never[]) => unknown, self: unknown, ...args: unknown[]): R => Reflect.apply(fn, self, args) as R;

/** Bounds on the work the extraction may take on; past them the reader gets a message instead of a frozen tab. */
export const PAGE_LIMITS = {
  /**
   * Characters of text outside scripts and styles: a very long read has ~200,000; past a million, extraction alone
   * takes seconds. (News pages carry a million characters of inline script data; Readability drops those first.)
   */
  textChars: 1_000_000,
  elements: 60_000,
  /** Sum of every element's depth: what the clean-up steps' cost grows with on deeply nested markup. */
  totalDepth: 3_000_000,
};

const HTML_TYPES = ['text/html', 'application/xhtml+xml'];

/** The document's MIME type as the browser parsed it (`application/pdf` for the host page of Chromium's PDF viewer). */
export const contentType = (doc: Document): string => call<string>(contentTypeOf, doc);

/**
 * True when the browser is showing something other than a web page: plain text, an image, JSON, XML. Chromium's XML
 * viewer rewrites an XML document into an XHTML html/head/body page of the tree's text, visible to content scripts
 * too, keeping the source under #webkit-xml-viewer-source-xml; so not only the type is checked but also that the root
 * is an XHTML <html> and that no viewer source is in the page.
 */
export function isNotHtml(doc: Document): boolean {
  const root = call<Element | null>(documentElementOf, doc);
  return (
    !HTML_TYPES.includes(contentType(doc)) ||
    root?.namespaceURI !== 'http://www.w3.org/1999/xhtml' ||
    root.localName !== 'html' ||
    !!call(getElementById, doc, 'webkit-xml-viewer-source-xml')
  );
}

/** Why a page is past a limit: too much text, too many elements, nested too deeply. */
export type TooLargeReason = 'text' | 'elements' | 'depth';

/** Elements whose text is code or data, not reading matter: their subtrees are not counted. */
const NOT_READ = ['script', 'style', 'noscript', 'template'];

/** Why the page is past a limit, or null. One walk, stopping early. */
export function pageTooLarge(doc: Document, limits = PAGE_LIMITS): TooLargeReason | null {
  const walker = call<TreeWalker>(createTreeWalker, doc, doc, 5 /* SHOW_ELEMENT | SHOW_TEXT */);
  let elements = 0;
  let text = 0;
  let totalDepth = 0;
  let depth = 0;
  for (let node: Node | null = walker.currentNode; node; ) {
    if (node.nodeType === 3) {
      if ((text += (node as Text).length) > limits.textChars) return 'text';
    } else if (++elements > limits.elements) return 'elements';
    else if ((totalDepth += depth) > limits.totalDepth) return 'depth';
    // Depth-first: first child, else the next sibling of the nearest ancestor that has one.
    node = node.nodeType === 1 && NOT_READ.includes(call<string>(localNameOf, node)) ? null : walker.firstChild();
    if (node) depth++;
    else {
      while (!(node = walker.nextSibling()) && walker.parentNode()) depth--;
    }
  }
  return null;
}

// Named properties of a document come from these elements' name (and object/embed/img id); a form's from its
// controls' names and ids. Removing both attributes from all of them leaves nothing to shadow a member with.
const NAMED = 'form[name],img[name],embed[name],object[name],iframe[name],object[id],embed[id],img[id],form [name],form :is(button,fieldset,input,object,output,select,textarea,img)[id]';

/** A copy of `doc` the page can no longer shadow members of; the live page is left as it was. */
export function defusedClone(doc: Document): Document {
  const clone = call<Document>(cloneNode, doc, true);
  for (const el of call<NodeListOf<Element>>(querySelectorAll, clone, NAMED)) {
    call(removeAttribute, el, 'name');
    call(removeAttribute, el, 'id');
  }
  return clone;
}
