/** The shipped builds carry no test seam and no host access; only the Firefox test build has them. Reads the build under test. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outRoot } from './harness';

const read = (...parts: string[]) => fs.readFileSync(path.join(outRoot, ...parts), 'utf8');
const manifest = (dir: string) => JSON.parse(read(dir, 'manifest.json')) as { permissions: string[]; host_permissions?: string[]; commands?: Record<string, unknown> };

describe('shipped build', () => {
  it.each(['dist/chrome', 'dist/firefox'])('%s asks only for activeTab, scripting, storage, contextMenus and unlimitedStorage', (dir) => {
    const shipped = manifest(dir);
    expect(shipped.permissions.sort()).toEqual(['activeTab', 'contextMenus', 'scripting', 'storage', 'unlimitedStorage']);
    expect(shipped.host_permissions).toBeUndefined();
    expect(shipped.commands).toHaveProperty('_execute_action');
  });

  it("compiles the popup's ?tab= seam out of dist/ and keeps it in the test build", () => {
    const seam = /\.get\("tab"\)/;
    expect(read('dist/chrome/popup.js')).not.toMatch(seam);
    expect(read('dist/firefox/popup.js')).not.toMatch(seam);
    expect(read('dist-test/firefox/popup.js')).toMatch(seam);
    expect(manifest('dist-test/firefox').host_permissions).toEqual(['http://127.0.0.1/*']);
  });
});
