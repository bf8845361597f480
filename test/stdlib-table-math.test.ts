// src/stdlib/table.ts and src/stdlib/math.ts, called directly (no compiler
// needed). The xoshiro256** sequences are checked against lua5.4 run at test
// time (skipped visibly when it is not installed).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { LuaTable } from '../src/runtime/table.js';
import { LuaError } from '../src/runtime/errors.js';
import { LuaFloat, type LuaValue } from '../src/runtime/value.js';
import { tostringNumber } from '../src/runtime/number.js';
import type { LuaState } from '../src/runtime/state.js';
import { openTable } from '../src/stdlib/table.js';
import { openMath, Xoshiro, makeRandom, frexp, ldexp } from '../src/stdlib/math.js';
import { missingReference, referenceBinary } from './support/reference.js';
import { LuaState as RealState } from '../src/runtime/state.js';
import { memoryHost } from '../src/host/host.js';
import { enter } from '../src/runtime/engine.js';

// Library functions called directly run as the code of one state.
enter(new RealState({ host: memoryHost() }).engine);

type Fn = (...args: LuaValue[]) => unknown;

function fakeState(): LuaState {
  return { globals: new LuaTable(), loaded: new LuaTable() } as unknown as LuaState;
}

const L = fakeState();
openTable(L);
openMath(L);
const T = L.globals.getStr('table') as LuaTable;
const M = L.globals.getStr('math') as LuaTable;
const tf = (name: string): Fn => T.getStr(name) as Fn;
const mf = (name: string): Fn => M.getStr(name) as Fn;

const F = (x: number) => new LuaFloat(x);

/** A compact description of Lua values: integers plain, floats as "1.0", strings quoted. */
function show(v: unknown): string {
  if (Array.isArray(v)) return v.map(show).join(', ');
  if (v === undefined) return 'nil';
  if (typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat) return tostringNumber(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (v instanceof LuaTable) return `{${v.arr.map(show).join(',')}}`;
  return String(v);
}

function luaErr(f: () => unknown, message: string | RegExp): void {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof LuaError, `expected a LuaError, got ${String(e)}`);
    const m = String(e.value);
    if (typeof message === 'string') assert.equal(m, message);
    else assert.match(m, message);
    return true;
  });
}

function arr(...vs: LuaValue[]): LuaTable {
  return LuaTable.fromArray(vs);
}

// ------------------------------------------------------------------ math

describe('math basics', () => {
  test('constants', () => {
    assert.equal(M.getStr('pi'), Math.PI);
    assert.equal(M.getStr('huge'), Infinity);
    assert.equal(M.getStr('maxinteger'), 9223372036854775807n);
    assert.equal(M.getStr('mininteger'), -9223372036854775808n);
  });

  test('floor/ceil give integers when representable', () => {
    const floor = mf('floor'), ceil = mf('ceil');
    assert.equal(show(floor(3.7)), '3');
    assert.equal(show(floor(-3.5)), '-4');
    assert.equal(show(ceil(-0.5)), '0');
    assert.ok(Object.is(ceil(-0.5), 0));
    assert.equal(show(floor(F(2 ** 70))), '1.1805916207174e+21');
    assert.equal(show(floor(F(-(2 ** 63)))), '-9223372036854775808');
    assert.equal(show(ceil(F(2 ** 63))), '9.2233720368548e+18');
    assert.equal(show(floor('3.7')), '3');
    assert.equal(show(floor(5n ** 25n)), String(5n ** 25n));
    assert.ok(Number.isNaN(floor(NaN)));
    luaErr(() => floor('x'), "bad argument #1 to 'math.floor' (number expected, got string)");
  });

  test('abs wraps mininteger, keeps float type', () => {
    const abs = mf('abs');
    assert.equal(abs(-9223372036854775808n), -9223372036854775808n);
    assert.equal(show(abs('-3')), '3.0');
    assert.equal(show(abs(F(-0))), '0.0');
    assert.equal(show(abs(-5)), '5');
    assert.equal(show(abs(-2.5)), '2.5');
  });

  test('fmod', () => {
    const fmod = mf('fmod');
    assert.equal(show(fmod(-5, 3)), '-2');
    assert.equal(show(fmod(5, -3)), '2');
    assert.ok(Object.is(fmod(-4, 2), 0));
    assert.equal(show(fmod(-9223372036854775808n, -1)), '0');
    assert.equal(show(fmod(-9223372036854775808n, 10)), '-8');
    assert.equal(show(fmod(-5.5, 2)), '-1.5');
    assert.equal(show(fmod(F(5), 3)), '2.0');
    luaErr(() => fmod(1, 0), "bad argument #2 to 'math.fmod' (zero)");
    assert.ok(Number.isNaN(fmod(1, F(0))));
  });

  test('modf', () => {
    const modf = mf('modf');
    assert.equal(show(modf(3.5)), '3, 0.5');
    assert.equal(show(modf(-3.5)), '-3, -0.5');
    assert.equal(show(modf(Infinity)), 'inf, 0.0');
    assert.equal(show(modf(-Infinity)), '-inf, 0.0');
    assert.equal(show(modf(5)), '5, 0.0');
    assert.equal(show(modf(F(2 ** 63))), '9.2233720368548e+18, 0.0');
  });

  test('tointeger, type, ult', () => {
    const toint = mf('tointeger'), type = mf('type'), ult = mf('ult');
    assert.equal(toint('3'), 3);
    assert.equal(toint(' 0x10 '), 16);
    assert.equal(toint('3.0'), 3);
    assert.equal(toint(3.5), undefined);
    assert.equal(toint(F(-0)), 0);
    assert.equal(toint({}), undefined);
    luaErr(() => toint(), "bad argument #1 to 'math.tointeger' (value expected)");
    assert.equal(type(1), 'integer');
    assert.equal(type(F(1)), 'float');
    assert.equal(type(2n ** 62n), 'integer');
    assert.equal(type('1'), undefined);
    luaErr(() => type(), "bad argument #1 to 'math.type' (value expected)");
    assert.equal(ult(1, -1), true);
    assert.equal(ult(-1, 1), false);
    assert.equal(ult(-9223372036854775808n, 9223372036854775807n), false);
    luaErr(() => ult(1.5, 2), "bad argument #1 to 'math.ult' (number has no integer representation)");
  });

  test('min/max keep the chosen argument', () => {
    const min = mf('min'), max = mf('max');
    assert.equal(show(max(1, F(2))), '2.0');
    assert.equal(show(max(F(2), 2)), '2.0');
    assert.equal(show(max(2, F(2))), '2');
    assert.equal(show(min(1, F(1))), '1');
    assert.equal(max('10', '9'), '9');
    luaErr(() => max(), "bad argument #1 to 'math.max' (value expected)");
    luaErr(() => min(1, 'x'), 'attempt to compare string with number');
  });

  test('log with bases, trig, exp', () => {
    const log = mf('log');
    assert.equal(show(log(8, 2)), '3.0');
    assert.equal(show(log(1000, 10)), '3.0');
    assert.equal(show(log(100, 100)), '1.0');
    assert.equal(show(log(0)), '-inf');
    assert.equal(show(mf('atan')(1, 2)), '0.46364760900081');
    assert.equal(show(mf('deg')(1)), '57.295779513082');
    assert.equal(show(mf('rad')(180)), '3.1415926535898');
    assert.equal(show(mf('sqrt')(4)), '2.0');
    assert.equal(show(mf('exp')(0)), '1.0');
  });
});

describe('LUA_COMPAT_MATHLIB functions', () => {
  test('frexp / ldexp', () => {
    assert.deepEqual(frexp(8), [0.5, 4]);
    assert.deepEqual(frexp(-5.5), [-0.6875, 3]);
    assert.deepEqual(frexp(1e-310), [0.5752618031559393, -1029]);
    assert.deepEqual(frexp(5e-324), [0.5, -1073]);
    assert.deepEqual(frexp(Infinity), [Infinity, 0]);
    assert.equal(ldexp(1, -1075), 0); // ties to even
    assert.equal(ldexp(3, -1075), 1e-323);
    assert.equal(ldexp(1, 1024), Infinity);
    assert.equal(ldexp(5e-324, 2097), 2 ** 1023);
    for (const x of [1, -3.75, 1e-310, 1e308, 0.1]) {
      const [m, e] = frexp(x);
      assert.equal(ldexp(m, e), x);
    }
    assert.equal(show(mf('ldexp')(1, 4294967297)), '2.0'); // (int) cast of the exponent
    assert.equal(show(mf('pow')(2, 10)), '1024.0');
    assert.equal(show(mf('log10')(1000)), '3.0');
    assert.equal(M.getStr('atan2'), M.getStr('atan'));
  });
});

describe('math.random (xoshiro256**)', () => {
  test('argument errors', () => {
    const g = new Xoshiro();
    const { random, randomseed } = makeRandom(g);
    randomseed(1);
    luaErr(() => random(2, 1), "bad argument #1 to 'math.random' (interval is empty)");
    luaErr(() => random(-1), "bad argument #1 to 'math.random' (interval is empty)");
    luaErr(() => random(0.5), "bad argument #1 to 'math.random' (number has no integer representation)");
    luaErr(() => random(1, 2, 3), 'wrong number of arguments');
    luaErr(() => randomseed(1.5), "bad argument #1 to 'math.randomseed' (number has no integer representation)");
  });

  test('randomseed returns its seeds', () => {
    const { randomseed } = makeRandom(new Xoshiro());
    assert.deepEqual(randomseed(42), [42, 0]);
    assert.deepEqual(randomseed(-1, F(2)), [-1, 2]);
    const r = randomseed() as unknown[];
    assert.equal(r.length, 2);
  });

  test('ranges stay in range', () => {
    const { random, randomseed } = makeRandom(new Xoshiro());
    randomseed(7);
    for (let i = 0; i < 2000; i++) {
      const x = random(-3, 3) as number;
      assert.ok(x >= -3 && x <= 3 && Number.isInteger(x));
      const y = random() as number | LuaFloat;
      const yv = y instanceof LuaFloat ? y.n : y;
      assert.ok(yv >= 0 && yv < 1);
      const z = random(-9223372036854775808n, 9223372036854775807n);
      assert.ok(typeof z === 'number' || typeof z === 'bigint');
    }
  });

  const lua = referenceBinary('lua', '5.4');
  test('sequences equal lua5.4', { skip: lua ? false : missingReference('lua', '5.4') }, () => {
    const program = `
      local out = {}
      local function add(...) for i = 1, select('#', ...) do out[#out + 1] = math.type((select(i, ...))) == 'float' and string.format('%a', (select(i, ...))) or tostring((select(i, ...))) end end
      add(math.randomseed(42))
      add(math.random(1, 100), math.random(), math.random(0))
      for _, seed in ipairs{0, 1, -1, 123456789, math.mininteger, math.maxinteger} do
        add(math.randomseed(seed, seed // 3))
        for i = 1, 40 do
          add(math.random(), math.random(0), math.random(6), math.random(-10, 10), math.random(1, 1000000007),
              math.random(math.mininteger, math.maxinteger), math.random(0, math.maxinteger), math.random(3, 2^40),
              math.random(-2^62, 2^62 + 12345), math.random(1, 2^32), math.random(1, 2^32 + 1))
        end
      end
      print(table.concat(out, ' '))`;
    const r = spawnSync(lua!, ['-e', program], { encoding: 'latin1' });
    assert.equal(r.status, 0, r.stderr);
    const expected = r.stdout.trim().split(' ');

    const { random, randomseed } = makeRandom(new Xoshiro());
    const out: string[] = [];
    const add = (v: unknown): void => {
      for (const x of Array.isArray(v) ? v : [v]) {
        if (typeof x === 'bigint' || (typeof x === 'number' && Number.isInteger(x))) out.push(String(x));
        else out.push(hexFloat(x instanceof LuaFloat ? x.n : (x as number)));
      }
    };
    add(randomseed(42));
    add([random(1, 100), random(), random(0)]);
    const MIN = -9223372036854775808n, MAX = 9223372036854775807n;
    for (const seed of [0n, 1n, -1n, 123456789n, MIN, MAX]) {
      const s = (x: bigint) => (x >= -(2n ** 53n) && x < 2n ** 53n ? Number(x) : x);
      // seed // 3 (floor division)
      const d = seed / 3n - (seed % 3n !== 0n && seed < 0n ? 1n : 0n);
      add(randomseed(s(seed), s(d)));
      for (let i = 0; i < 40; i++) {
        add([random(), random(0), random(6), random(-10, 10), random(1, 1000000007),
          random(MIN, MAX), random(0, MAX), random(3, F(2 ** 40)),
          random(F(-(2 ** 62)), F(2 ** 62 + 12345)), random(1, F(2 ** 32)), random(1, F(2 ** 32 + 1))]);
      }
    }
    assert.equal(out.length, expected.length);
    assert.deepEqual(out, expected);
  });
});

/** C's "%a" for a double in [0, 1) as glibc prints it (0x1.xxxp-N, or 0x0p+0). */
function hexFloat(x: number): string {
  if (x === 0) return '0x0p+0';
  let e = Math.floor(Math.log2(x));
  while (2 ** e > x) e--;
  while (2 ** (e + 1) <= x) e++;
  let m = x / 2 ** e - 1; // [0, 1)
  let hex = '';
  while (m > 0) {
    m *= 16;
    const d = Math.floor(m);
    hex += d.toString(16);
    m -= d;
  }
  return `0x1${hex ? '.' + hex : ''}p${e >= 0 ? '+' : ''}${e}`;
}

// ------------------------------------------------------------------ table

describe('table functions', () => {
  test('pack / unpack', () => {
    const pack = tf('pack'), unpack = tf('unpack');
    const t = pack(1, undefined, 3) as LuaTable;
    assert.equal(t.getStr('n'), 3);
    assert.equal(t.length(), 3);
    const e = pack() as LuaTable;
    assert.equal(e.getStr('n'), 0);
    assert.equal(show(unpack(arr(1, 2, 3))), '1, 2, 3');
    assert.equal(show(unpack(arr(1, 2, 3), 2)), '2, 3');
    assert.equal(show(unpack(arr(1, 2, 3), 2, 5)), '2, 3, nil, nil');
    assert.deepEqual(unpack(arr(1, 2, 3), 3, 2), []);
    assert.equal(show(unpack(arr(1, 2, 3), -1, 1)), 'nil, nil, 1');
    luaErr(() => unpack(new LuaTable(), 1, 1e8), 'too many results to unpack');
    luaErr(() => unpack(new LuaTable(), -9223372036854775808n, 9223372036854775807n), 'too many results to unpack');
    luaErr(() => unpack(undefined), 'attempt to get length of a nil value');
    // the result must not alias the table's array
    const src = arr(1, 2);
    const r = unpack(src) as unknown[];
    r[0] = 99;
    assert.equal(src.getInt(1), 1);
  });

  test('insert / remove', () => {
    const insert = tf('insert'), remove = tf('remove');
    const t = arr('a', 'b');
    insert(t, 'c');
    insert(t, 1, 'z');
    insert(t, 5, 'e');
    assert.equal(show(t), '{"z","a","b","c","e"}');
    luaErr(() => insert(t, 7, 'x'), "bad argument #2 to 'table.insert' (position out of bounds)");
    luaErr(() => insert(t, 0, 'x'), "bad argument #2 to 'table.insert' (position out of bounds)");
    luaErr(() => insert(t, 1, 2, 3), "wrong number of arguments to 'insert'");
    luaErr(() => insert(t), "wrong number of arguments to 'insert'");
    luaErr(() => insert(undefined, 1), "bad argument #1 to 'table.insert' (table expected, got nil)");
    assert.equal(remove(t), 'e');
    assert.equal(remove(t, 1), 'z');
    assert.equal(show(t), '{"a","b","c"}');
    assert.equal(remove(t, 4), undefined);
    luaErr(() => remove(t, 5), "bad argument #1 to 'table.remove' (position out of bounds)");
    const z = new LuaTable();
    z.set(0, 'zero');
    assert.equal(remove(z), 'zero');
    assert.equal(z.get(0), undefined);
    assert.equal(remove(new LuaTable()), undefined);
  });

  test('concat', () => {
    const concat = tf('concat');
    assert.equal(concat(arr(1, 2.5, F(3), 'x', F(2 ** 63), -9223372036854775808n), '|'),
      '1|2.5|3.0|x|9.2233720368548e+18|-9223372036854775808');
    assert.equal(concat(arr('a', 'b', 'c'), ', ', 2, 3), 'b, c');
    assert.equal(concat(arr('a'), ', ', 3, 2), '');
    assert.equal(concat(new LuaTable()), '');
    luaErr(() => concat(arr(1, new LuaTable())), "invalid value (table) at index 2 in table for 'concat'");
    luaErr(() => concat(arr(1, 2), ',', 1, 3), "invalid value (nil) at index 3 in table for 'concat'");
    const big = 'x'.repeat(1 << 20);
    const many = LuaTable.fromArray(new Array(1024).fill(big));
    luaErr(() => concat(many), 'not enough memory');
  });

  test('move', () => {
    const move = tf('move');
    const a = arr(1, 2, 3, 4, 5);
    move(a, 1, 3, 3);
    assert.equal(show(a), '{1,2,1,2,3}');
    const b = arr(1, 2, 3, 4, 5);
    move(b, 2, 5, 1);
    assert.equal(show(b), '{2,3,4,5,5}');
    const c = new LuaTable();
    assert.equal(move(arr(1, 2, 3), 1, 3, 1, c), c);
    assert.equal(show(c), '{1,2,3}');
    luaErr(() => move(new LuaTable(), 1, 9223372036854775807n, 2), "bad argument #4 to 'table.move' (destination wrap around)");
    luaErr(() => move(new LuaTable(), -1, 9223372036854775807n, 2), "bad argument #3 to 'table.move' (too many elements to move)");
  });

  test('sort: default order, comparator, errors', () => {
    const sort = tf('sort');
    const t = arr(5, 3, 1, 4, 2);
    sort(t);
    assert.equal(show(t), '{1,2,3,4,5}');
    const s = arr('b', 'a', 'c');
    sort(s, (x: LuaValue, y: LuaValue) => (x as string) > (y as string));
    assert.equal(show(s), '{"c","b","a"}');
    const mixed = arr(3, F(1), 2.5, 10n ** 17n);
    sort(mixed);
    assert.equal(show(mixed), '{1.0,2.5,3,100000000000000000}');
    luaErr(() => sort(arr(3, 1, 2, 5, 4, 7, 6), () => true), 'invalid order function for sorting');
    luaErr(() => sort(arr(3, 1, new LuaTable())), 'attempt to compare table with number');
    luaErr(() => sort(arr(1, 2), 3), "bad argument #2 to 'table.sort' (function expected, got number)");
    // one element: the comparator is not even checked
    sort(arr(1), 3);
  });

  test('sort: large arrays, all paths agree', () => {
    const sort = tf('sort');
    let seed = 12345;
    const rnd = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed % 1000; };
    for (const n of [2, 3, 4, 10, 99, 100, 101, 1000, 20000]) {
      const vals = Array.from({ length: n }, rnd);
      const a = LuaTable.fromArray(vals.slice());
      sort(a); // fast array path
      const b = LuaTable.fromArray(vals.slice());
      let calls = 0;
      sort(b, (x: LuaValue, y: LuaValue) => { calls++; return (x as number) < (y as number); }); // generic path
      const expected = vals.slice().sort((x, y) => x - y);
      assert.deepEqual(a.arr, expected);
      assert.deepEqual(b.arr, expected);
      assert.ok(calls > 0 || n < 2);
    }
    // sorted and reversed inputs, many duplicates
    for (const make of [(i: number) => i, (i: number) => -i, (i: number) => i % 3]) {
      const vals = Array.from({ length: 5000 }, (_, i) => make(i));
      const a = LuaTable.fromArray(vals.slice());
      sort(a);
      assert.deepEqual(a.arr, vals.slice().sort((x, y) => x - y));
    }
  });
});
