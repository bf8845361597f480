// scripts/wasmoon-run.ts, the wasmoon column of `npm run bench`: it must run a
// Lua file as lua5.4 (lua.c) does, so that the bench compares like with like:
// the same stdout bytes (binary ones too), `arg` and `...`, stdin, `require`
// of modules in the working directory, os.exit's status, and errors on
// stderr with status 1. Also runMeasured (scripts/lib/proc.ts), the GNU time
// wrapper the bench uses for peak memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMeasured, runProcess } from '../scripts/lib/proc.js';
import { referenceBinary, repoRoot } from './support/reference.js';

const lua = referenceBinary('lua', '5.4');
const runner = join(repoRoot, 'dist', 'scripts', 'wasmoon-run.js');
const hasWasmoon = existsSync(join(repoRoot, 'node_modules', 'wasmoon', 'package.json'));
const skip = !lua ? 'lua5.4 is not installed' : !hasWasmoon ? 'wasmoon is not installed (npm install)' : false;

const dir = mkdtempSync(join(tmpdir(), 'wasmoon-run-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'mod.lua'), 'return { twice = function (x) return 2 * x end }\n');
writeFileSync(join(dir, 'main.lua'), [
  'local m = require("mod")',
  'print(m.twice(21), select("#", ...), ...)',
  'print(arg[0], arg[1], #arg)',
  'io.write("bytes:\\0\\255\\128 ", 1 // 1, " ", 2 ^ 0.5, "\\n")',
  'for line in io.lines() do io.write("[", line, "]") end',
  'io.write("no newline at the end")',
].join('\n'));
writeFileSync(join(dir, 'exit.lua'), 'io.write("before exit") os.exit(3)\n');
writeFileSync(join(dir, 'error.lua'), 'print("out") error("boom")\n');

test('wasmoon-run prints the same bytes as lua5.4 (arg, ..., require, stdin)', { skip }, async () => {
  const args = ['main.lua', 'one', 'two words', 'é'];
  const stdin = 'first\nsecond \xff\nlast';
  const want = await runProcess(lua!, args, { cwd: dir, stdin });
  const got = await runProcess(process.execPath, [runner, ...args], { cwd: dir, stdin });
  assert.equal(want.status, 0, want.stderr);
  assert.equal(got.stderr, '');
  assert.equal(got.status, 0);
  assert.equal(got.stdout, want.stdout);
});

test('wasmoon-run: os.exit keeps its status and the output written so far', { skip }, async () => {
  const p = await runProcess(process.execPath, [runner, 'exit.lua'], { cwd: dir });
  assert.equal(p.status, 3);
  assert.equal(p.stdout, 'before exit');
});

test('wasmoon-run: an error goes to stderr with a traceback, status 1', { skip }, async () => {
  const p = await runProcess(process.execPath, [runner, 'error.lua'], { cwd: dir });
  assert.equal(p.status, 1);
  assert.equal(p.stdout, 'out\n');
  assert.match(p.stderr, /^wasmoon: error\.lua:1: boom\nstack traceback:\n/);
});

test('runMeasured reports the peak memory under GNU time, and the status and signal of the command', { skip: existsSync('/usr/bin/time') ? false : 'GNU time is not installed' }, async () => {
  const rss = join(dir, 'rss.txt');
  const ok = await runMeasured('/usr/bin/time', rss, 'sh', ['-c', 'echo hi; exit 4']);
  assert.equal(ok.status, 4);
  assert.equal(ok.stdout, 'hi\n');
  assert.ok(ok.maxRssKb !== null && ok.maxRssKb > 0, `maxRssKb ${ok.maxRssKb}`);
  const killed = await runMeasured('/usr/bin/time', rss, 'sh', ['-c', 'kill -9 $$']);
  assert.equal(killed.signal, 'SIGKILL');
  const plain = await runMeasured(null, rss, 'sh', ['-c', 'exit 0']);
  assert.equal(plain.maxRssKb, null);
});
