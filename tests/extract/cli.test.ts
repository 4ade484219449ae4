import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The CLI loads the built Node entry; build just that entry into a scratch folder inside the repo (so node_modules resolves).
const outRoot = path.join(root, '.build', `cli-test-${process.pid}`);
const SEED = 'tests/fixtures/pages/devdiscourse-north-korea-ukraine.html';
const SEED_URL = 'https://www.devdiscourse.com/article/headlines/3117350-north-koreas-alleged-role-in-ukraine-intercontinental-tensions-rise';

function cli(args: string[], input?: string | Buffer) {
  const result = spawnSync(process.execPath, ['scripts/extract-cli.mjs', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, BROADSHEET_OUT: outRoot },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  await esbuild.build({
    entryPoints: { extract: path.join(root, 'src/node/extract.ts') },
    outdir: path.join(outRoot, 'dist/node'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    define: { __TEST_SEAMS__: 'false' },
    logLevel: 'silent',
  });
}, 60_000);

afterAll(() => fs.rmSync(outRoot, { recursive: true, force: true }));

describe('npm run extract', () => {
  it('prints the seed article: headline, byline, both dates and the body', () => {
    const { code, stdout } = cli([SEED, '--url', SEED_URL]);
    expect(code).toBe(0);
    const article = JSON.parse(stdout);
    expect(article.title).toBe("North Korea's Alleged Role in Ukraine: Intercontinental Tensions Rise");
    expect(article.byline).toBe('Devdiscourse News Desk');
    expect(article.published).toBe('2024-10-16T15:35:00+05:30');
    expect(article.modified).toBe('2024-10-16T16:16:00+05:30');
    expect(article.textContent).toMatch(/^In a recent address to parliament/);
    expect(article.textContent).toMatch(/\(With inputs from agencies\.\)$/);
    expect(article.textContent).not.toContain('TRENDING');
  }, 120_000);

  it('reads stdin with "-" and prints text', () => {
    const { code, stdout } = cli(['-', '--url', SEED_URL, '--format', 'text'], fs.readFileSync(path.join(root, SEED), 'utf8'));
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe("North Korea's Alleged Role in Ukraine: Intercontinental Tensions Rise");
    expect(stdout).toContain('Devdiscourse News Desk · published 2024-10-16T15:35:00+05:30 · updated 2024-10-16T16:16:00+05:30');
  }, 120_000);

  it.each([
    ['a missing file', ['tests/fixtures/pages/no-such-page.html'], undefined, /^extract: no such file: /],
    ['empty input', ['-'], '   \n', /^extract: stdin is empty$/],
    ['a folder', ['tests/fixtures'], undefined, /^extract: tests\/fixtures is a folder, not a page$/],
    ['binary input', ['-'], Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00]), /^extract: stdin is not an HTML page/],
    ['an unknown option', [SEED, '--colour'], undefined, /^extract: unknown option --colour/],
    ['no page at all', [], undefined, /^extract: no page given/],
  ])('fails on %s with one line and a non-zero exit', (_label, args, input, message) => {
    const { code, stdout, stderr } = cli(args, input);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr.trimEnd()).toMatch(message);
  }, 120_000);
});
