// Library selection per dialect through the embedding API: 'bit' (LuaBitOp)
// opens only when named, in any dialect; a 5.1 state gets 5.1's libraries
// (package.loaders rather than searchers, also in the 'safe' preset);
// Lua 5.1's string -> number conversions (runtime/strtod.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Lua } from '../src/index.js';
import { str2number51, strtoul51, strtod } from '../src/runtime/strtod.js';

function run(lua: Lua, code: string): unknown[] {
  return lua.doString(code) as unknown[];
}

test("'bit' is not part of 'all' and opens when named, in every dialect", () => {
  for (const dialect of ['5.4', '5.3', '5.1'] as const) {
    assert.deepEqual(run(new Lua({ dialect }), 'return type(bit)'), ['nil'], dialect);
    const lua = new Lua({ dialect, libs: ['base', 'package', 'bit'] });
    assert.deepEqual(run(lua, 'return bit.band(0xff, 0x0f), bit.tohex(-1, -4), package.loaded.bit == bit'), [15, 'FFFF', true], dialect);
    const picked = new Lua({ dialect, libs: { base: true, bit: ['tobit'] } });
    assert.deepEqual(run(picked, 'return bit.tobit(2^32 + 7), bit.band'), [7, undefined], dialect);
  }
});

test('a 5.1 state has 5.1 libraries; the safe preset keeps only the preload loader', () => {
  const lua = new Lua({ dialect: '5.1' });
  assert.deepEqual(run(lua, 'return _VERSION, type(unpack), type(loadstring), table.unpack, type(package.loaders), package.searchers'),
    ['Lua 5.1', 'function', 'function', undefined, 'table', undefined]);
  const safe = new Lua({ dialect: '5.1', libs: 'safe' });
  assert.deepEqual(run(safe, 'package.preload.m = function() return "M" end return require("m"), #package.loaders, io'), ['M', 1, undefined]);
  assert.deepEqual(run(safe, 'return pcall(require, "surely_absent_module")'), [false, "module 'surely_absent_module' not found:\n\tno field package.preload['surely_absent_module']"]);
  const withModules = new Lua({ dialect: '5.1', modules: { greet: 'return "hi from a module"' } });
  assert.deepEqual(run(withModules, 'return require("greet")'), ['hi from a module']);
});

test('5.1 conversions: strtod (hex, inf, nan, trailing blanks, C strings) and strtoul', () => {
  assert.equal(str2number51(' 0x10 '), 16);
  assert.equal(str2number51('0x1p4'), 16);
  assert.equal(str2number51('1e1'), 10);
  assert.equal(str2number51('-inf'), -Infinity);
  assert.ok(Number.isNaN(str2number51('nan')!));
  assert.equal(str2number51('10\0xyz'), 10);
  for (const bad of ['', ' ', '1e', '0x', 'x1', '1 2', '--1', '.']) assert.equal(str2number51(bad), undefined, JSON.stringify(bad));
  assert.deepEqual(strtod('12abc'), { value: 12, end: 2 });
  assert.deepEqual(strtod('0xg'), { value: 0, end: 1 });
  assert.equal(strtoul51('ff', 16), 255);
  assert.equal(strtoul51('0x10', 16), 16);
  assert.equal(strtoul51('-1', 10), 18446744073709551615);
  assert.equal(strtoul51('1ffffffffffffffff', 16), 18446744073709551615);
  assert.equal(strtoul51('12', 2), undefined);
  assert.equal(strtoul51(' 101 ', 2), 5);
});
