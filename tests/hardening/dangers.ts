import { JSDOM, VirtualConsole } from 'jsdom';

/**
 * What must never be in article HTML that an extension page renders. Reports each finding as readable text so a
 * failing vector says what got through.
 */
export const FORBIDDEN_ELEMENTS = [
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'form', 'style', 'link',
  'svg', 'math', 'template', 'noscript', 'portal', 'fencedframe', 'input', 'button', 'textarea', 'select', 'isindex',
];
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'data', 'cite', 'srcdoc', 'ping', 'codebase', 'archive', 'longdesc', 'usemap'];
const SCRIPT_URL = /^(?:javascript|vbscript|data):/i;
// Browsers drop ASCII whitespace and control characters inside and before a scheme before they look at it.
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f-\u009f]/g;

const parser = new JSDOM('<!doctype html><body></body>');

function parseFragment(html: string): HTMLTemplateElement {
  const template = parser.window.document.createElement('template');
  template.innerHTML = html;
  return template;
}

/** Every dangerous thing in `html` as the browser would parse it with innerHTML: elements, handlers, script URLs, styles. */
export function findDangers(html: string): string[] {
  const found: string[] = [];
  // Parse, serialise and parse again: mutation XSS shows up only after a round trip.
  const once = parseFragment(html);
  const twice = parseFragment(once.innerHTML);
  for (const [label, root] of [['parsed', once], ['reparsed', twice]] as const) {
    for (const el of root.content.querySelectorAll('*')) {
      const tag = el.localName;
      if (FORBIDDEN_ELEMENTS.includes(tag)) found.push(`${label}: <${tag}> element`);
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on')) found.push(`${label}: ${name} handler on <${tag}>`);
        if (name === 'style') found.push(`${label}: style attribute on <${tag}>`);
        if (URL_ATTRIBUTES.includes(name) && SCRIPT_URL.test(attr.value.replace(IGNORED_IN_SCHEME, ''))) {
          found.push(`${label}: ${name}="${attr.value.slice(0, 40)}" on <${tag}>`);
        }
      }
    }
  }
  return found;
}

/** True when a lead image URL is one an extension page may load: http(s) only. */
export function isHttpUrl(url: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

// Raw vectors include deliberately broken scripts; their syntax errors are expected noise, not findings.
const quietConsole = new VirtualConsole();

const EVENTS_TO_FIRE = ['load', 'error', 'click', 'mouseover', 'pointerenter', 'focus', 'blur', 'toggle', 'animationstart', 'begin', 'start', 'pageshow', 'submit'];

/**
 * Renders `html` as the body of a document whose scripts run (jsdom, runScripts: 'dangerously'), fires every common
 * event at every element and clicks every link, then returns the canary ids that reported a hit.
 */
export function canaryHitsWhenRendered(html: string): string[] {
  const dom = new JSDOM(`<!doctype html><html><head></head><body>${html}</body></html>`, {
    runScripts: 'dangerously',
    virtualConsole: quietConsole,
    url: 'https://extension.test/popup.html',
  });
  const { window } = dom;
  const pwned = () => (window as unknown as { __pwned?: unknown }).__pwned;
  try {
    for (const el of window.document.querySelectorAll('*')) {
      for (const type of EVENTS_TO_FIRE) el.dispatchEvent(new window.Event(type));
      if (el instanceof window.HTMLElement) el.click();
    }
  } catch {
    // A handler that throws is not a hit by itself; the canary below decides.
  }
  const hits = new Set<string>();
  const fromGlobal = pwned();
  if (Array.isArray(fromGlobal)) for (const id of fromGlobal) hits.add(String(id));
  const fromStorage = window.localStorage.getItem('pwned');
  if (fromStorage) hits.add(fromStorage);
  window.close();
  return [...hits];
}

/**
 * `markup` with every encoding the corpus hides payloads in undone (HTML entities, percent-encoding, base64 inside
 * atob/data URLs, String.fromCharCode), all concatenated, so a test can check that each vector really carries its canary.
 */
export function revealedText(markup: string): string {
  const entitiesDecoded = parseFragment('').ownerDocument.createElement('textarea');
  entitiesDecoded.innerHTML = markup.replace(/</g, '&lt;');
  const layers = [markup, entitiesDecoded.value];
  for (const layer of [...layers]) {
    try {
      layers.push(decodeURIComponent(layer));
    } catch {
      layers.push(layer.replace(/%([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))));
    }
    for (const [, b64] of layer.matchAll(/(?:atob\('|base64,)([A-Za-z0-9+/=]+)/g)) layers.push(atob(b64!));
    for (const [, codes] of layer.matchAll(/fromCharCode\(([\d,]+)\)/g)) layers.push(String.fromCharCode(...codes!.split(',').map(Number)));
  }
  return layers.join('\n');
}
