// bin/regolithc against the reference luac (same messages modulo the program
// name, same exit status).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dialect } from '../src/syntax/ast.js';
import { missingReference, referenceBinary, repoRoot } from './support/reference.js';

const regolithc = join(repoRoot, 'bin', 'regolithc');
let dir = '';

interface Outcome { status: number | null; stdout: string; stderr: string }

function spawn(cmd: string, args: string[], stdin?: string): Outcome {
  const r = spawnSync(cmd, args, { cwd: dir, input: stdin === undefined ? '' : Buffer.from(stdin, 'latin1'), encoding: 'latin1', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function runRegolithc(args: string[], stdin?: string): Outcome {
  return spawn(process.execPath, [regolithc, ...args], stdin);
}

/** Runs luacX and regolithc (with --lua=X) the same way and compares. */
function same(dialect: Dialect, args: string[], stdin?: string): Outcome {
  const luac = referenceBinary('luac', dialect)!;
  const ref = spawn(luac, args, stdin);
  const ours = runRegolithc(dialect === '5.4' ? args : [`--lua=${dialect}`, ...args], stdin);
  const refStderr = ref.stderr.replace(/^(?:\S*\/)?luac5\.\d:/gm, 'regolithc:');
  assert.equal(ours.stderr, refStderr, `stderr for luac${dialect} ${args.join(' ')}`);
  assert.equal(ours.stdout, ref.stdout, 'stdout');
  assert.equal(ours.status, ref.status, 'exit status');
  return ours;
}

const files: Record<string, string> = {
  'ok.lua': 'local x = 1\nprint(x)\n',
  'bad.lua': 'x = = 1\n',
  'bad2.lua': 'local function f()\n  return 1\n\nprint(f())\n',
  'bad3.lua': 'for i = 1 do end\n',
  'badstr.lua': 'local s = "abc\n',
  'shebang.lua': '#!/usr/bin/env lua\nx = = 2\n',
  'shebang-ok.lua': '#!/usr/bin/env lua\nreturn 1\n',
  'bom.lua': '\xef\xbb\xbfx = = 3\n',
  'goto54.lua': 'goto nowhere\n',
  'int53.lua': 'local x = 1 // 2 | 3\n',
  'attrib.lua': 'local x <const> = 1\nx = 2\n',
  'highbyte.lua': 'x = 1 \xff\n',
  'empty.lua': '',
  'café.lua': 'x = = 1\n',
};

describe('regolithc', () => {
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'regolithc-test-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text, 'latin1');
    mkdirSync(join(dir, 'adir'));
  });
  after(() => { rmSync(dir, { recursive: true, force: true }); });

  const skip54 = referenceBinary('luac', '5.4') ? false : missingReference('luac', '5.4');

  test('-v prints a version line and exits 0', () => {
    const r = runRegolithc(['-v']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^Regolith \S+ \(Lua 5\.4 dialect\)/);
    assert.equal(r.stderr, '');
    assert.match(runRegolithc(['--lua=5.1', '-v']).stdout, /Lua 5\.1 dialect/);
  });

  test('bad options print a usage message like luac', { skip: skip54 }, () => {
    for (const args of [['-x'], ['-o'], []]) {
      const luac = spawn(referenceBinary('luac', '5.4')!, args);
      const ours = runRegolithc(args);
      assert.equal(ours.status, 1);
      assert.equal(ours.stderr.split('\n')[0], luac.stderr.split('\n')[0]!.replace(/^\S*luac5\.4:/, 'regolithc:'));
      assert.match(ours.stderr, /\nusage: regolithc \[options\] \[filenames\]\nAvailable options are:\n/);
    }
    const r = runRegolithc(['--lua=5.2', 'ok.lua']);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^regolithc: '--lua' needs one of 5\.1, 5\.3, 5\.4/);
  });

  test('missing files, directories and default input match luac5.4', { skip: skip54 }, () => {
    same('5.4', ['-p', 'nonexistent.lua']);
    same('5.4', ['-p', 'adir']);
    same('5.4', ['-p']);                // luac.out
    same('5.4', ['-p', '--']);
    same('5.4', ['-p', 'ok.lua', 'nonexistent.lua']);
  });

  test('-l prints the generated JavaScript (or says the compiler is missing)', () => {
    const r = runRegolithc(['-l', 'ok.lua']);
    if (r.status === 1) {
      assert.match(r.stderr, /^regolithc: -l: the Lua-to-JavaScript compiler is not available yet/);
      return;
    }
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^\/\/ @ok\.lua \(Lua 5\.4\): 1 function\n/);
    assert.ok(r.stdout.length > 40);
    const full = runRegolithc(['-l', '-l', 'ok.lua']);
    assert.match(full.stdout, /\/\/ proto 0: main /);
    // Syntax errors come first, as with -p.
    const bad = runRegolithc(['-l', 'ok.lua', 'bad.lua']);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /^regolithc: bad\.lua:1: /);
    assert.equal(bad.stdout, '');
  });

  test('-l lists the code compiled in each dialect', () => {
    for (const d of ['5.3', '5.1'] as const) {
      const r = runRegolithc([`--lua=${d}`, '-l', 'ok.lua']);
      if (r.status === 1 && /compiler is not available/.test(r.stderr)) return;
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, new RegExp(`^// @ok\\.lua \\(Lua ${d.replace('.', '\\.')}\\): 1 function\\n`));
      assert.match(runRegolithc([`--lua=${d}`, '-l', '-l', 'ok.lua']).stdout, /\/\/ proto 0: main /);
    }
    // 5.1 has no integer division: the listing stops at the syntax error, as -p does.
    const bad = runRegolithc(['--lua=5.1', '-l', 'int53.lua']);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /^regolithc: int53\.lua:1: /);
    assert.equal(bad.stdout, '');
  });

  test('valid files are silent and exit 0', { skip: skip54 }, () => {
    same('5.4', ['-p', 'ok.lua']);
    // luac 5.4.4 aborts ("double free") after loading several files, so
    // several valid files are checked against luac5.3 and without a reference.
    const several = runRegolithc(['-p', 'ok.lua', 'shebang-ok.lua', 'empty.lua']);
    assert.deepEqual(several, { status: 0, stdout: '', stderr: '' });
    same('5.4', ['-p', '-'], 'return 1\n');
  });

  test('syntax errors match luac5.4 -p', { skip: skip54 }, () => {
    for (const f of ['bad.lua', 'bad2.lua', 'bad3.lua', 'badstr.lua', 'shebang.lua', 'bom.lua', 'goto54.lua', 'attrib.lua', 'highbyte.lua', 'café.lua']) {
      const r = same('5.4', ['-p', f]);
      assert.equal(r.status, 1, f);
    }
    same('5.4', ['-p', 'ok.lua', 'bad.lua', 'bad2.lua']); // first error wins
    same('5.4', ['-p', '-'], 'x = = 1\n');
    same('5.4', ['-p', '-'], '#!shebang\nx = = 1\n');
    same('5.4', ['-p', '--', 'bad.lua']);
  });

  for (const d of ['5.3', '5.1'] as const) {
    test(`--lua=${d} matches luac${d} -p`, { skip: referenceBinary('luac', d) ? false : missingReference('luac', d) }, () => {
      for (const f of ['ok.lua', 'bad.lua', 'bad2.lua', 'shebang.lua', 'bom.lua', 'goto54.lua', 'int53.lua', 'attrib.lua', 'highbyte.lua', 'café.lua', 'nonexistent.lua']) {
        same(d, ['-p', f]);
      }
      same(d, ['-p', '-'], 'x = = 1\n');
      same(d, ['-p', 'ok.lua', 'shebang-ok.lua', 'empty.lua']);
    });
  }
});
