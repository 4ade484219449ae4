import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { closest, FURNITURE, inFurniture, matches } from '../../src/extract/furniture';

const doc = new JSDOM(`<body>
  <div class="Page-Sidebar" id="s"><section><p id="in-sidebar">x</p></section></div>
  <div class="has-double-sidebar no-comments"><main><p id="in-main">x</p></main></div>
  <div class="wrap"><aside><span id="in-aside">x</span></aside></div>
  <meta property="og:title" content="A" id="og">
  <h2 class="Article-Title" id="h2">t</h2>
</body>`).window.document;
const byId = (id: string) => doc.getElementById(id)!;

describe('closest() and matches(), the regex stand-ins for jsdom\'s slow attribute selectors', () => {
  it('find what Element.closest and Element.matches find for the selectors they read', () => {
    for (const id of ['in-sidebar', 'in-aside', 'og', 'h2']) {
      for (const selector of [FURNITURE, 'meta[property="og:title"],meta[name="title"]', 'h1,h2[class*="title" i]']) {
        expect(closest(byId(id), selector)).toBe(byId(id).closest(selector));
        expect(matches(byId(id), selector)).toBe(byId(id).matches(selector));
      }
    }
  });

  it('ignore layout modifiers (has-*, no-*, with-*) where the engine would match them', () => {
    const inMain = byId('in-main');
    expect(inMain.closest('[class*="sidebar" i]')).not.toBeNull();
    expect(closest(inMain, '[class*="sidebar" i]')).toBeNull();
    expect(inFurniture(inMain)).toBe(false);
    expect(inFurniture(byId('in-sidebar'))).toBe(true);
  });

  it('refuse a selector they cannot read, naming it', () => {
    expect(() => closest(byId('h2'), 'div > p')).toThrow('closest(): unsupported selector "div > p"');
  });
});
