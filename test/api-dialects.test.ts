// States of different dialects side by side in one process: each keeps its
// own semantics, libraries and number model while the others run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Lua } from '../src/index.js';

const PROBE = `
  return _VERSION, tostring(10 / 2), tostring("10" + 1), type(setfenv), type(bit32), type(utf8),
    type(math.type), select('#', pcall(error))`;

test('5.4, 5.3 and 5.1 states run side by side, each with its own semantics', () => {
  const l54 = new Lua(), l53 = new Lua({ dialect: '5.3' }), l51 = new Lua({ dialect: '5.1' });
  const expected = {
    '5.4': ['Lua 5.4', '5.0', '11', 'nil', 'nil', 'table', 'function', 2],
    '5.3': ['Lua 5.3', '5.0', '11.0', 'nil', 'table', 'table', 'function', 2],
    '5.1': ['Lua 5.1', '5', '11', 'function', 'nil', 'nil', 'nil', 2],
  } as const;
  // Interleaved, twice: nothing one state does shows in another.
  for (let round = 0; round < 2; round++) {
    for (const [lua, d] of [[l54, '5.4'], [l51, '5.1'], [l53, '5.3']] as const) {
      assert.deepEqual([...lua.doString(PROBE) as unknown[]], [...expected[d]], `${d}, round ${round}`);
    }
  }
  // A 5.1 function called from a 5.4 state's host function keeps its own rules.
  const f51 = (l51.doString('return function(a, b) return a / b, tostring(a * b), tostring(2^53) end') as unknown[])[0] as { call: (...a: unknown[]) => unknown };
  l54.global.set('from51', (a: number, b: number) => [...f51.call(a, b) as unknown[]].slice(1).join(' '));
  assert.equal(l54.doString('return from51(6, 2), tostring(2^53)')[0], '12 9.007199254741e+15');
  assert.equal(l54.doString('return tostring(2^53)')[0], '9.007199254741e+15');
  assert.equal(l54.doString('return tostring(6 * 2.0)')[0], '12.0');
  for (const l of [l54, l53, l51]) l.close();
});

test('a 5.1 state exchanges plain JS numbers (no integer subtype)', () => {
  const lua = new Lua({ dialect: '5.1' });
  lua.global.set('big', 2 ** 60);
  lua.global.set('small', 5n);
  assert.deepEqual([...lua.doString('return big, small, tostring(big), 2^53') as unknown[]],
    [2 ** 60, 5, '1.1529215046068e+18', 2 ** 53]);
  lua.close();
});

test('5.1 function environments through the API: setfenv on a loaded chunk', () => {
  const lua = new Lua({ dialect: '5.1' });
  const r = lua.doString(`
    local f = loadstring("x = 1 return x")
    local env = {}
    setfenv(f, env)
    return f(), env.x, x`);
  assert.deepEqual([...r as unknown[]], [1, 1, undefined]);
  lua.close();
});

test("5.1's 'safe' preset leaves out getfenv and setfenv (they reach any function's environment)", () => {
  const safe = new Lua({ dialect: '5.1', libs: 'safe' });
  assert.deepEqual([...safe.doString('return getfenv, setfenv, type(loadstring), type(unpack)') as unknown[]], [undefined, undefined, 'function', 'function']);
  safe.close();
  const full = new Lua({ dialect: '5.1' });
  assert.deepEqual([...full.doString('return type(getfenv), type(setfenv)') as unknown[]], ['function', 'function']);
  full.close();
});
