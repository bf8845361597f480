// Every file of the official test suites parses in its own dialect.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Dialect } from '../src/syntax/ast.js';
import { parse, LuaSyntaxError } from '../src/syntax/index.js';
import { sharedDir } from './support/reference.js';

function luaFiles(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...luaFiles(p));
    else if (f.endsWith('.lua')) out.push(p);
  }
  return out;
}

for (const dialect of ['5.4', '5.3', '5.1'] as Dialect[]) {
  test(`every ${dialect} suite file parses as ${dialect}`, (t) => {
    if (sharedDir === null) {
      t.skip('../shared (the official Lua test suites) is missing; skipping the suite parse test');
      return;
    }
    const dir = join(sharedDir, 'lua-tests', dialect);
    if (!existsSync(dir)) { t.skip(`${dir} is missing; skipping`); return; }
    const files = luaFiles(dir);
    assert.ok(files.length > 10, `only ${files.length} files in ${dir}`);
    const failures: string[] = [];
    let bytes = 0;
    const t0 = performance.now();
    for (const p of files) {
      const src = readFileSync(p, 'latin1');
      bytes += src.length;
      try {
        const chunk = parse(src, { chunkName: `@${p}`, dialect, skipShebang: true });
        assert.equal(chunk.dialect, dialect);
      } catch (e) {
        failures.push(e instanceof LuaSyntaxError ? e.message : `${p}: ${e instanceof Error ? e.stack : String(e)}`);
      }
    }
    const ms = performance.now() - t0;
    t.diagnostic(`${files.length} files, ${(bytes / 1024).toFixed(0)} KiB in ${ms.toFixed(0)} ms`);
    assert.deepEqual(failures, []);
  });
}
