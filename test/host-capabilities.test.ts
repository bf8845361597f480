// A host without files or processes (a browser) gets lua5.4's answers for
// what it lacks, as a C build without those facilities gives them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LuaState, memoryHost, openLibs, toLuaString, fromLuaString } from '../src/index.js';

function run(code: string): string {
  const host = memoryHost();
  const L = new LuaState({ host });
  openLibs(L);
  L.load(toLuaString(code), '=host')();
  host.stdout.flush();
  return fromLuaString(host.output());
}

test('io.popen without processes raises "\'popen\' not supported" after checking the mode', () => {
  assert.equal(run('print(pcall(io.popen, "ls"))'), "false\t'popen' not supported\n");
  assert.equal(run('print(pcall(io.popen, "ls", "x"))'), "false\tbad argument #2 to 'io.popen' (invalid mode)\n");
});

test('os.execute without processes: no shell, and a command fails like system()', () => {
  assert.equal(run('print(os.execute())'), 'false\n');
  assert.equal(run('print(os.execute("ls"))'), 'nil\tFunction not implemented\t38\n');
});

test('io.tmpfile and io.open without files fail as for a missing file, not with an exception', () => {
  assert.equal(run('print(io.tmpfile())'), 'nil\tNo such file or directory\t2\n');
  assert.equal(run('print(io.open("x", "w"))'), 'nil\tx: No such file or directory\t2\n');
});

test('writes to the standard files still work without files', () => {
  assert.equal(run('io.write("a", 1, "\\n") io.stdout:setvbuf("no") io.stdout:write("b\\n") print(io.stdout:flush())'), 'a1\nb\ntrue\n');
});
