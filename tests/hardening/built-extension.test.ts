import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { filesUnder, freshBuild, readManifest, repoRoot, type FreshBuild } from './fresh-build';

/**
 * Audits the built extension, not the source: the Content Security Policy of its pages, what its pages and bundles
 * could run, and the permissions it asks for against the one documented list (docs/permissions.json).
 */
interface DocumentedPermission { name: string; why: string }
const documented = JSON.parse(fs.readFileSync(path.join(repoRoot, 'docs/permissions.json'), 'utf8')) as {
  permissions: DocumentedPermission[];
  testBuildOnly: { host_permissions: DocumentedPermission[] };
};
const allowedPermissions = documented.permissions.map((p) => p.name);
const testHostPermissions = documented.testBuildOnly.host_permissions.map((p) => p.name);

/** Each directive of a CSP string with its sources: `script-src 'self'` → { 'script-src': ["'self'"] }. */
function parseCsp(policy: string): Record<string, string[]> {
  const directives: Record<string, string[]> = {};
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives[name.toLowerCase()] = sources;
  }
  return directives;
}

/** Ways a bundle could turn a string into code; the CSP forbids them, and a bundle that relies on one would break. */
const DYNAMIC_CODE: Array<[what: string, pattern: RegExp]> = [
  ['eval(', /(?<![\w$.])eval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['Function( call', /(?<![\w$.])Function\s*\(/],
  ['timer with a string', /\bset(?:Timeout|Interval)\s*\(\s*["'`]/],
  ['worker from a blob', /new\s+Worker\s*\(\s*(?:\w+\.)*createObjectURL/],
];

function dynamicCodeIn(source: string): string[] {
  return DYNAMIC_CODE.filter(([, pattern]) => pattern.test(source)).map(([what]) => what);
}

let build: FreshBuild;
beforeAll(() => {
  build = freshBuild('hardening-audit');
}, 180_000);
afterAll(() => build?.remove());

const shipped = () => [['chrome', build.chrome], ['firefox', build.firefox]] as const;

describe('the dynamic-code detector', () => {
  it('finds each form it looks for and passes method names that merely end in the same letters', () => {
    expect(dynamicCodeIn('a=eval("1")')).toEqual(['eval(']);
    expect(dynamicCodeIn('x=new Function("return 1")')).toEqual(['new Function', 'Function( call']);
    expect(dynamicCodeIn('setTimeout("go()",1)')).toEqual(['timer with a string']);
    expect(dynamicCodeIn('new Worker(URL.createObjectURL(b))')).toEqual(['worker from a blob']);
    expect(dynamicCodeIn('t.dynamicTypingFunction(x);o.evalResult(1);setTimeout(()=>1,0)')).toEqual([]);
  });
});

describe('Content Security Policy of the built extension pages', () => {
  it.each(['chrome', 'firefox', 'firefox test'])('%s manifest: script-src self only, no object, base or frame, nothing unsafe', (which) => {
    const dir = which === 'chrome' ? build.chrome : which === 'firefox' ? build.firefox : build.firefoxTest;
    const csp = (readManifest(dir)['content_security_policy'] as { extension_pages?: string } | undefined)?.extension_pages;
    expect(csp, 'content_security_policy.extension_pages must be set explicitly').toBeTypeOf('string');
    const directives = parseCsp(csp!);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['frame-src']).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|strict-dynamic|\*/);
  });

  it.each(['chrome', 'firefox'] as const)('%s: every page loads only its own script files and has no inline script, handler or script URL', (which) => {
    const dir = which === 'chrome' ? build.chrome : build.firefox;
    const pages = fs.readdirSync(dir).filter((f) => f.endsWith('.html'));
    expect(pages.sort()).toEqual(['options.html', 'popup.html', 'reader.html']);
    for (const page of pages) {
      const { document } = new JSDOM(fs.readFileSync(path.join(dir, page), 'utf8')).window;
      const scripts = [...document.querySelectorAll('script')];
      expect(scripts.length, page).toBeGreaterThan(0);
      for (const script of scripts) {
        const src = script.getAttribute('src');
        expect(src, `${page}: inline <script>`).toBeTruthy();
        expect(script.textContent?.trim(), `${page}: script with both src and a body`).toBe('');
        expect(src, `${page}: script from elsewhere`).not.toMatch(/^[a-z][\w+.-]*:|^\/\//i);
        expect(fs.existsSync(path.join(dir, src!)), `${page}: ${src} is not in the build`).toBe(true);
      }
      for (const el of document.querySelectorAll('*')) {
        for (const attr of Array.from(el.attributes)) {
          expect(attr.name.startsWith('on'), `${page}: ${attr.name} on <${el.localName}>`).toBe(false);
          expect(/^\s*javascript:/i.test(attr.value), `${page}: ${attr.name}=${attr.value}`).toBe(false);
        }
      }
    }
  });

  it.each(['chrome', 'firefox'] as const)('%s: no bundle turns strings into code (eval, new Function, string timers, blob workers)', (which) => {
    const dir = which === 'chrome' ? build.chrome : build.firefox;
    const bundles = filesUnder(dir).filter((f) => f.endsWith('.js'));
    expect(bundles.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['background.js', 'content.js', 'popup.js', 'options.js', 'reader.js']));
    const offenders = bundles.flatMap((file) => dynamicCodeIn(fs.readFileSync(file, 'utf8')).map((what) => `${path.relative(dir, file)}: ${what}`));
    expect(offenders).toEqual([]);
  });
});

describe('permissions audit', () => {
  it.each(['chrome', 'firefox'] as const)('%s asks for nothing beyond the documented permissions, and no host access of any kind', (which) => {
    const manifest = readManifest(which === 'chrome' ? build.chrome : build.firefox);
    const asked = (manifest['permissions'] as string[] | undefined) ?? [];
    expect(asked.filter((p) => !allowedPermissions.includes(p)), 'undocumented permissions').toEqual([]);
    for (const key of ['host_permissions', 'optional_permissions', 'optional_host_permissions', 'content_scripts', 'externally_connectable', 'web_accessible_resources']) {
      expect(manifest[key], `${which} manifest has ${key}`).toBeUndefined();
    }
    // MV2-style host patterns hidden in "permissions" would grant site access too.
    expect(asked.filter((p) => p.includes('://') || p === '<all_urls>')).toEqual([]);
  });

  it('the documented list is what the shipped manifests ask for, so it cannot silently go stale', () => {
    for (const [, dir] of shipped()) expect([...((readManifest(dir)['permissions'] as string[]) ?? [])].sort()).toEqual([...allowedPermissions].sort());
  });

  it('host permissions appear only in the test build, and only the documented test host', () => {
    expect(readManifest(build.firefoxTest)['host_permissions']).toEqual(testHostPermissions);
    expect(readManifest(build.firefoxTest)['permissions']).toEqual(readManifest(build.firefox)['permissions']);
    for (const [which, dir] of shipped()) {
      for (const file of filesUnder(dir).filter((f) => f.endsWith('.json'))) {
        expect(fs.readFileSync(file, 'utf8'), `${which}: ${path.relative(dir, file)}`).not.toMatch(/host_permissions|127\.0\.0\.1/);
      }
    }
  });

  it("the README's permissions table explains exactly the documented permissions", () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const section = readme.split(/^## /m).find((s) => s.startsWith('Permissions'));
    expect(section, 'README.md needs a "## Permissions" section').toBeDefined();
    const rows = [...section!.matchAll(/^\|\s*`([^`]+)`\s*\|\s*(.+?)\s*\|\s*$/gm)].map(([, name, why]) => ({ name, why }));
    expect(rows.map((r) => r.name).sort()).toEqual([...allowedPermissions].sort());
    for (const row of rows) expect(row.why!.length, `${row.name} needs a reason`).toBeGreaterThan(10);
  });
});
