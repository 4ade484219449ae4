import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface FreshBuild {
  chrome: string;
  firefox: string;
  firefoxTest: string;
  remove(): void;
}

/**
 * Runs the real build script into a private folder, so what is audited is today's source through today's build, not a
 * dist/ left over from an earlier run (and parallel builds elsewhere do not race it).
 */
export function freshBuild(label: string): FreshBuild {
  const relative = path.join('.build', `${label}-${process.pid}-${Date.now()}`);
  const outRoot = path.join(repoRoot, relative);
  try {
    execFileSync(process.execPath, [path.join(repoRoot, 'scripts/build.mjs')], {
      cwd: repoRoot,
      env: { ...process.env, BROADSHEET_OUT: relative },
      stdio: 'pipe',
    });
  } catch (error) {
    // The build writes everything before it checks size budgets; an over-budget bundle is the budget test's finding,
    // not this audit's. Anything else (no output) is fatal.
    const output = String((error as { stderr?: Buffer }).stderr ?? '');
    if (!/over budget/.test(output) || !fs.existsSync(path.join(outRoot, 'dist-test/firefox/manifest.json'))) throw error;
  }
  return {
    chrome: path.join(outRoot, 'dist/chrome'),
    firefox: path.join(outRoot, 'dist/firefox'),
    firefoxTest: path.join(outRoot, 'dist-test/firefox'),
    remove: () => fs.rmSync(outRoot, { recursive: true, force: true }),
  };
}

export function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

export function readManifest(dir: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}
