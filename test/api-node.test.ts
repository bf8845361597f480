// 'regolith/node': the Node host becomes the default of `new Lua()` (files,
// processes); without it the platform host has no files.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './support/reference.js';

const dist = (p: string): string => JSON.stringify(pathToFileURL(join(repoRoot, 'dist', 'src', p)).href);

function runModule(code: string): { stdout: string; stderr: string; status: number | null } {
  return spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
}

test('with regolith/node: doFile, io.open and os.tmpname through the Node host; print to the process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'regolith-node-'));
  writeFileSync(join(dir, 'script.lua'), '#!/usr/bin/env lua\nlocal f = assert(io.open(..., "w"))\nf:write("written by Lua")\nf:close()\nprint("printed", 1)\nreturn "done"\n');
  const out = join(dir, 'out.txt');
  const r = runModule(`import { Lua } from ${dist('node.js')};
    const lua = new Lua();
    const f = lua.loadFile(${JSON.stringify(join(dir, 'script.lua'))});
    console.log(JSON.stringify(f.call(${JSON.stringify(out)})));
    console.log(typeof lua.doString('return os.tmpname()')[0]);`);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, 'printed\t1\n["done"]\nstring\n');
  assert.equal(readFileSync(out, 'utf8'), 'written by Lua');
});

test('without it: output still reaches the process, files are unavailable', () => {
  const r = runModule(`import { Lua, LuaError } from ${dist('index.js')};
    const lua = new Lua();
    lua.doString('io.write("to stdout ") print("é")');
    try { lua.doFile('/etc/hostname'); } catch (e) { console.log(e instanceof LuaError, e.message); }
    console.log(JSON.stringify(lua.doString('return io.open("/etc/hostname")')));`);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout.split('\n')[0], 'to stdout é');
  assert.match(r.stdout, /true cannot open \/etc\/hostname/);
});
