// How scripts/conformance.ts runs the official suites (scripts/lib/suite.ts,
// scripts/lib/exceptions.ts): per dialect, the arguments, the environment
// and the temporary copy of a suite folder.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PORTABLE_PRELUDE, runPlan, suiteDir, suiteEnv, suiteFolders } from '../scripts/lib/suite.js';
import { preparePatchedSuite } from '../scripts/lib/exceptions.js';

describe('conformance: running a suite file per dialect', () => {
  test('5.4 and 5.3 run in portable mode; 5.1 runs the file as it is', () => {
    for (const d of ['5.4', '5.3'] as const) {
      assert.deepEqual(runPlan('calls.lua', d), { kind: 'run', args: ['-e', PORTABLE_PRELUDE, 'calls.lua'] });
      assert.deepEqual(runPlan('all.lua', d), { kind: 'run', driver: true, note: 'the driver: runs every file in one interpreter', args: ['-e', '_U=true', 'all.lua'] });
    }
    assert.deepEqual(runPlan('calls.lua', '5.1'), { kind: 'run', args: ['calls.lua'] });
    const all = runPlan('all.lua', '5.1');
    assert.ok(all.kind === 'run' && all.driver === true);
    assert.deepEqual(all.args, ['all.lua']);
    const big = runPlan('big.lua', '5.1');
    assert.ok(big.kind === 'run' && big.args.length === 2 && big.args[0] === '-e' && /coroutine\.wrap/.test(big.args[1]!));
    assert.equal(runPlan('checktable.lua', '5.1').kind, 'skip');
  });

  test('environment: LUA_PATH as each README says, no LUA_INIT or LUA_CPATH', () => {
    const base = { HOME: '/h', LUA_INIT: 'x', LUA_INIT_5_3: 'y', LUA_CPATH: 'c', LUA_CPATH_5_4: 'c', LUA_PATH_5_1: 'p' };
    const e51 = suiteEnv('5.1', base);
    assert.equal(e51.LUA_PATH, '?;./?.lua');
    assert.equal(e51.HOME, '/h');
    for (const k of ['LUA_INIT', 'LUA_INIT_5_3', 'LUA_CPATH', 'LUA_CPATH_5_4', 'LUA_PATH_5_1']) assert.equal(e51[k], undefined, k);
    const e53 = suiteEnv('5.3', base);
    assert.equal(e53.LUA_PATH, '?;./?.lua;;');
    assert.equal(e53.LUA_PATH_5_3, '?;./?.lua;;');
    assert.equal(suiteEnv('5.4', base).LUA_PATH_5_4, '?;./?.lua;;');
  });

  const dir51 = suiteDir('5.1');
  test('5.1 runs from a copy of its folder with an empty libs/P1', { skip: dir51 ? false : '../shared/lua-tests/5.1 not found' }, () => {
    assert.deepEqual(suiteFolders('5.1'), ['libs/P1']);
    assert.deepEqual(suiteFolders('5.4'), []);
    const copy = preparePatchedSuite('5.1', dir51!, [], suiteFolders('5.1'));
    try {
      assert.ok(lstatSync(join(copy.dir, 'libs', 'P1')).isDirectory());
      assert.deepEqual(readdirSync(join(copy.dir, 'libs', 'P1')), []);
      assert.ok(lstatSync(join(copy.dir, 'attrib.lua')).isSymbolicLink());
      for (const f of readdirSync(dir51!)) assert.ok(existsSync(join(copy.dir, f)), f);
    } finally {
      copy.remove();
    }
    assert.ok(!existsSync(copy.dir));
  });
});
