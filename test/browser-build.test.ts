// The browser build (scripts/build-browser.ts): what a page or a bundler
// gets. Whether it runs Lua correctly in a real browser is
// test/browser-corpus.test.ts; here, what can be checked from Node:
// - the entry reaches no Node built-in, and a bundler resolves the package
//   through its `exports` with no configuration;
// - a JavaScript host that forbids `new Function` (a page's Content Security
//   Policy without 'unsafe-eval'; Node's --disallow-code-generation-from-strings
//   is the same switch in V8) gets an error that says what to do;
// - the README's size figures are the build's.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';
import { browserMinBuild, browserSizes, readmeSizes } from '../scripts/build-browser.js';
import { CSP_BLOCKED_MESSAGE } from '../src/runtime/jsfunction.js';
import { repoRoot } from './support/reference.js';

test('the browser entry imports no Node module', async () => {
  const result = await build({
    entryPoints: [join(repoRoot, 'src', 'index.ts')], bundle: true, write: false, format: 'esm',
    platform: 'browser', metafile: true, logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  assert.ok(inputs.some((i) => i.endsWith('src/index.ts')));
  const nodeOnly = inputs.filter((i) => i.startsWith('node:') || /src\/(host\/node|node\.ts|cli\/)/.test(i));
  assert.deepEqual(nodeOnly, []);
  const code = readFileSync(browserMinBuild, 'utf8');
  assert.doesNotMatch(code, /from\s*"node:|require\("/);
});

test('a bundler finds the package through its exports, with no configuration', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'regolith-bundle-'));
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(repoRoot, join(dir, 'node_modules', 'regolith'), 'dir');
    writeFileSync(join(dir, 'app.js'), [
      "import { Lua } from 'regolith';",
      'let out = "";',
      'const lua = new Lua({ stdout: (b) => { out += new TextDecoder().decode(b); }, fs: { "m.lua": "return 6 * 7" } });',
      'lua.doString("print(require(\'m\'), math.maxinteger, 10 // 3)");',
      'globalThis.result = out;',
    ].join('\n'));
    const result = await build({
      entryPoints: [join(dir, 'app.js')], bundle: true, write: false, format: 'esm',
      platform: 'browser', minify: true, logLevel: 'silent',
    });
    // Run the bundle as a page would run it (it needs nothing from Node).
    writeFileSync(join(dir, 'bundle.mjs'), `${result.outputFiles[0]!.text}\nprocess.stdout.write(globalThis.result);`);
    const run = spawnSync(process.execPath, [join(dir, 'bundle.mjs')], { encoding: 'utf8' });
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, '42\t9223372036854775807\t3\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("where new Function is forbidden, running Lua says that 'unsafe-eval' is needed", () => {
  const script = [
    `const { Lua } = await import(${JSON.stringify(browserMinBuild)});`,
    'try { new Lua().doString("print(1)"); console.log("ran"); }',
    'catch (e) { console.log(e.message); }',
  ].join('\n');
  const run = spawnSync(process.execPath, ['--disallow-code-generation-from-strings', '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(run.stderr, '');
  assert.equal(run.stdout, CSP_BLOCKED_MESSAGE + '\n');
  assert.match(CSP_BLOCKED_MESSAGE, /Content Security Policy/);
  assert.match(CSP_BLOCKED_MESSAGE, /'unsafe-eval'/);
});

test("README.md's size figures are the build's (npm run size rewrites them)", () => {
  const recorded = readmeSizes(readFileSync(join(repoRoot, 'README.md'), 'utf8'));
  assert.ok(recorded !== null, 'README.md has no browser-size section with figures');
  const actual = browserSizes();
  // The README rounds to 0.1 kB; a change of more than 1% needs `npm run size`.
  for (const key of ['minified', 'gzipped'] as const) {
    const drift = Math.abs(recorded[key] - actual[key]) / actual[key];
    assert.ok(drift <= 0.01, `README says ${recorded[key]} bytes ${key}, the build is ${actual[key]}: run npm run size`);
  }
});
