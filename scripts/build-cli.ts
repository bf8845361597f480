// Builds what bin/regolith loads (npm run build, after tsc): dist/regolith.cjs,
// one CommonJS bundle of src/cli/regolith.ts, and dist/regolith.cjs.cache,
// V8's code cache for it. Why each: docs/ARCHITECTURE.md, "Startup".
//
// The bundle ends with `//# regolith-build ID` (ID: 32 hex digits of its
// SHA-256) and the cache starts with the same ID, so bin/regolith uses a cache
// only with the bundle it was made from: V8 itself only compares the source's
// length. The cache is made by running a short Lua program through
// bin/regolith's own loader, under the node flags of bin/regolith's shebang
// (V8 rejects a cache made under other flags), then asking V8 for the code of
// everything compiled so far (Script.createCachedData), so the functions a
// run needs first are not compiled again at each start.
import { build, type Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'regolith');
const bundle = join(root, 'dist', 'regolith.cjs');

/** A little of what most scripts do: the functions it compiles are cached. */
const WORKLOAD = `
local t = {}
for i = 1, 10 do t[#t + 1] = string.format("%d:%s", i, tostring(i * 1.5)) end
local s = table.concat(t, ","):upper():sub(1, 20)
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
local ok, err = pcall(error, {fib(10), s})
for k, v in pairs({a = 1, b = 2}) do t[k] = v end
for w in ("a b c"):gmatch("%a") do t[#t + 1] = w end
io.write("")
print(1)
`;

/** node's options in bin/regolith's shebang (`#!/usr/bin/env -S node FLAGS`). */
function shebangFlags(): string[] {
  const first = readFileSync(bin, 'utf8').split('\n', 1)[0];
  const words = first.replace(/^#!\S*env -S /, '').split(/\s+/);
  return words.slice(words.indexOf('node') + 1);
}

/**
 * src/host/node-builtins.ts loads built-in modules with a require made by
 * node:module's createRequire; in the bundle, the wrapper's own `require`
 * (bin/regolith passes its own) does, so node:module, which a CommonJS main
 * script does not otherwise load, is not loaded and compiled at start.
 */
const wrapperRequire: Plugin = {
  name: 'wrapper-require',
  setup(b) {
    b.onResolve({ filter: /^node:module$/ }, (a) => ({ path: a.path, namespace: 'wrapper-require' }));
    b.onLoad({ filter: /.*/, namespace: 'wrapper-require' }, () => ({ contents: 'export const createRequire = () => require;', loader: 'js' }));
  },
};

const out = await build({
  entryPoints: [join(root, 'dist', 'src', 'cli', 'regolith.js')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Whitespace only: 620 -> 420 KB of source and 430 -> 330 KB of cache, less
  // to read and deserialize (about 3 ms); names are kept (stack traces and
  // the names of library functions, see "Error positions").
  minifyWhitespace: true,
  // src/host/node-builtins.ts passes import.meta.url to createRequire (which ignores it here).
  define: { 'import.meta.url': '__filename' },
  plugins: [wrapperRequire],
  write: false,
  logLevel: 'warning',
});
const text = out.outputFiles[0].text;
// bin/regolith reads the bundle as latin1, which is faster than decoding
// UTF-8 and the same for ASCII (esbuild escapes every other character).
if (/[^\x00-\x7f]/.test(text)) throw new Error('dist/regolith.cjs is not ASCII: bin/regolith reads it as latin1');
const id = createHash('sha256').update(text).digest('hex').slice(0, 32);
writeFileSync(bundle, `${text}//# regolith-build ${id}\n`);

rmSync(`${bundle}.cache`, { force: true });
// Written under another name, then renamed: V8 rejects a truncated cache, but
// a release build of V8 does not checksum one, so a cache must never be seen
// half written.
const make = `
const { renameSync, writeFileSync } = require('node:fs');
const { load } = require(${JSON.stringify(bin)});
const { exports, script, id, cache } = load();
if (exports.main(['-e', ${JSON.stringify(WORKLOAD)}]) !== 0) process.exit(1);
writeFileSync(cache + '.tmp', Buffer.concat([Buffer.from(id, 'latin1'), script.createCachedData()]));
renameSync(cache + '.tmp', cache);
`;
const r = spawnSync(process.execPath, [...shebangFlags(), '-e', make], { stdio: ['ignore', 'ignore', 'inherit'] });
if (r.status !== 0) {
  // Not fatal: bin/regolith works without a cache, only starts more slowly.
  console.error(`build-cli: no code cache (node exited with ${r.status ?? r.signal})`);
}
