#!/usr/bin/env node
// npm run package: store-ready zips in packages/ — broadsheet-<version>-chrome.zip and broadsheet-<version>-firefox.zip
// (the Firefox one by `web-ext build`), built from dist/ (never dist-test/), with no source maps, then `web-ext lint` on it.
// With BROADSHEET_OUT=.build/NAME the build, and so the zips (in .build/NAME/packages), come from that folder instead.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const outRoot = path.resolve(root, process.env.BROADSHEET_OUT ?? '.');
const outDir = path.join(outRoot, 'packages');
const webExt = path.join(root, 'node_modules/.bin/web-ext');

function filesUnder(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

function assertShippable(dir) {
  const files = filesUnder(dir);
  const maps = files.filter((f) => f.endsWith('.map'));
  if (maps.length) throw new Error(`${dir} holds source maps: ${maps.join(', ')}`);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  if (manifest.host_permissions?.length) throw new Error(`${dir}/manifest.json asks for host permissions: this is a test build`);
  if (manifest.version !== version) throw new Error(`${dir}/manifest.json has version ${manifest.version}, package.json ${version}`);
  return files;
}

execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
fs.mkdirSync(outDir, { recursive: true });

const chromeDir = path.join(outRoot, 'dist/chrome');
const chromeZip = path.join(outDir, `broadsheet-${version}-chrome.zip`);
const entries = Object.fromEntries(assertShippable(chromeDir).map((f) => [f, fs.readFileSync(path.join(chromeDir, f))]));
fs.writeFileSync(chromeZip, zipSync(entries, { level: 9 }));

const firefoxDir = path.join(outRoot, 'dist/firefox');
assertShippable(firefoxDir);
const firefoxName = `broadsheet-${version}-firefox.zip`;
execFileSync(webExt, ['build', '--source-dir', firefoxDir, '--artifacts-dir', outDir, '--filename', firefoxName, '--overwrite-dest'], { stdio: 'inherit' });
execFileSync(webExt, ['lint', '--source-dir', firefoxDir, '--output', 'text'], { stdio: 'inherit' });

for (const file of [chromeZip, path.join(outDir, firefoxName)]) {
  console.log(`${path.relative(process.cwd(), file)}  ${(fs.statSync(file).size / 1024).toFixed(1)} KB`);
}
