import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PACKAGES, npmPack, type PackageName } from '../lib/pack.js';

// What `npm pack` would publish: only built code, types, the manifest, README,
// LICENSE and CHANGELOG (and core's example plans). Needs `npm run build` first.
const ALLOWED: Record<PackageName, RegExp> = {
  core: /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|dist\/.+\.(js|d\.ts|d\.ts\.map|json)|examples\/[\w-]+\.json)$/,
  adapters: /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|dist\/.+\.(js|d\.ts|d\.ts\.map))$/,
  components: /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|custom-elements\.json|dist\/.+\.(js|d\.ts|d\.ts\.map))$/,
};

for (const name of PACKAGES) {
  const allowed = ALLOWED[name];
  test(`npm pack of @sip-kit/${name} contains only dist, types, manifest, README, LICENSE and CHANGELOG`, () => {
    const [info] = npmPack([name]);
    const paths = info!.files.map((f) => f.path);
    assert.ok(paths.includes('README.md') && paths.includes('LICENSE') && paths.includes('package.json'));
    assert.ok(paths.some((p) => p.startsWith('dist/') && p.endsWith('.d.ts')), 'ships types');
    const stray = paths.filter((p) => !allowed.test(p));
    assert.deepEqual(stray, [], `unexpected files in the package: ${stray.join(', ')}`);
    assert.ok(!paths.some((p) => /\.test\.|\/src\//.test(p)), 'no tests or sources');
  });
}
