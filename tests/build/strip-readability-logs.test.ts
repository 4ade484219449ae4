import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { stripLogCalls } from '../../scripts/strip-readability-logs.mjs';

const require = createRequire(import.meta.url);

describe('stripLogCalls', () => {
  it('drops log calls with nested parentheses and quoted parentheses, and nothing else', () => {
    const source = `a(); this.log("x (", f(1, g(2)), ')'); b(this.log); this.log(\`y\${z()}\`); c();`;
    expect(stripLogCalls(source)).toBe('a(); void 0; b(this.log); void 0; c();');
  });

  it('leaves a file with an unbalanced call untouched', () => {
    expect(stripLogCalls('this.log("a", (b);')).toBe('this.log("a", (b);');
  });

  it('turns the real Readability.js into a smaller module that still parses a page', async () => {
    const file = require.resolve('@mozilla/readability/Readability.js');
    const original = fs.readFileSync(file, 'utf8');
    const stripped = stripLogCalls(original);
    expect(stripped).not.toContain('this.log(');
    expect(stripped.length).toBeLessThan(original.length - 500);

    const module = { exports: {} as unknown };
    new Function('module', stripped)(module);
    const Readability = module.exports as typeof import('@mozilla/readability').Readability;
    const { JSDOM } = await import('jsdom');
    const paragraph = '<p>' + 'Readable words in a paragraph that goes on. '.repeat(20) + '</p>';
    const dom = new JSDOM(`<html><body><nav>menu</nav><article>${paragraph.repeat(4)}</article></body></html>`);
    const article = new Readability(dom.window.document, { debug: false }).parse();
    expect(article?.textContent).toContain('Readable words in a paragraph');
  });
});
