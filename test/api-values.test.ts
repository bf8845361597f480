// The embedding API's value mapping (README.md, "Embedding"): each rule in
// both directions, round trips of random values, and bad input.
import assert from 'node:assert/strict';
import { test, describe } from 'node:test';
import { Lua, LuaError, LuaFloat, LuaTableHandle, LuaFunctionHandle, LuaUserdataHandle, LuaThreadHandle, type JsValue } from '../src/index.js';
import { Rng } from './support/rng.js';

function newLua(options: ConstructorParameters<typeof Lua>[0] = {}): { lua: Lua; out: () => string } {
  const chunks: Uint8Array[] = [];
  const lua = new Lua({ stdout: (b) => chunks.push(b), ...options });
  return { lua, out: () => Buffer.concat(chunks).toString('utf8') };
}

/** The Lua identity function: what comes back is what went in, converted twice. */
function roundTrip(lua: Lua, v: unknown): JsValue {
  return lua.call(lua.doString('return function (...) return ... end')[0] as LuaFunctionHandle, v)[0];
}

describe('JS → Lua', () => {
  const { lua } = newLua();
  const [types] = lua.doString(`return function (...)
    local r = {}
    for i = 1, select('#', ...) do
      local v = select(i, ...)
      r[i] = math.type(v) or type(v)
    end
    return table.concat(r, ' ')
  end`) as [LuaFunctionHandle];

  test('numbers: safe integers are integers, everything else is a float', () => {
    assert.equal(types.call1(3, 3.5, 2 ** 53, 2 ** 60, NaN, Infinity, -Infinity, -0, 0, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e300),
      'integer float float float float float float float integer integer integer float');
    // -0 stays a float -0.0 (its sign survives the round trip).
    assert.equal(lua.call(lua.doString('return function (x) return 1 / x end')[0] as LuaFunctionHandle, -0)[0], -Infinity);
    assert.equal(types.call1(Lua.float(3), lua.float(-2), Lua.float(2.5)), 'float float float');
    assert.deepEqual(lua.doString('return ...', {}), []);
  });

  test('bigints are integers; outside int64 they are a RangeError', () => {
    assert.equal(types.call1(5n, 2n ** 63n - 1n, -(2n ** 63n)), 'integer integer integer');
    assert.equal(lua.call(lua.doString('return function (x) return x == math.mininteger end')[0] as LuaFunctionHandle, -(2n ** 63n))[0], true);
    assert.throws(() => types.call(2n ** 63n), (e: unknown) => e instanceof RangeError && /9223372036854775808 is outside the range of Lua integers/.test(e.message));
    assert.throws(() => types.call(-(2n ** 63n) - 1n), RangeError);
  });

  test('null and undefined are nil; booleans are booleans', () => {
    assert.equal(types.call1(null, undefined, true, false), 'nil nil boolean boolean');
  });

  test('text is UTF-8 encoded; a Uint8Array is a string of exactly its bytes', () => {
    const [len] = lua.doString('return function (s) return #s, s:byte(1, -1) end') as [LuaFunctionHandle];
    assert.deepEqual(len.call('é'), [2, 0xc3, 0xa9]);
    assert.deepEqual(len.call('😀'), [4, 0xf0, 0x9f, 0x98, 0x80]);
    assert.deepEqual(len.call(new Uint8Array([0, 255, 128])), [3, 0, 255, 128]);
    assert.deepEqual(len.call(Buffer.from([1, 2])), [2, 1, 2]);
    // A lone surrogate is not text: it becomes U+FFFD (EF BF BD), as TextEncoder does.
    assert.deepEqual(len.call('\ud800'), [3, 0xef, 0xbf, 0xbd]);
  });

  test('plain objects, arrays and Maps are copied into new tables', () => {
    const [show] = lua.doString(`return function (t)
      local keys = {}
      for k, v in pairs(t) do keys[#keys + 1] = tostring(k) .. '=' .. tostring(v) .. ':' .. tostring(math.type(k)) end
      table.sort(keys)
      return table.concat(keys, ' ')
    end`) as [LuaFunctionHandle];
    const obj = { a: 1, b: 'x' };
    assert.equal(show.call1(obj), 'a=1:nil b=x:nil');
    // Arrays start at 1; holes are nils.
    assert.equal(show.call1([10, undefined, 30]), '1=10:integer 3=30:integer');
    assert.equal(show.call1(new Map<unknown, unknown>([[1, 'one'], [2.5, 'f'], [true, 't']])), '1=one:integer 2.5=f:float true=t:nil');
    // A JS object's keys are strings, also when they look like numbers.
    assert.equal(show.call1({ 1: 'x' }), '1=x:nil');
    // The copy is a copy.
    lua.doString('function mutate(t) t.a = 99 end');
    lua.call('mutate', obj);
    assert.equal(obj.a, 1);
    // Shared parts stay shared, cycles stay cycles.
    const shared = { n: 1 };
    const cyclic: Record<string, unknown> = { left: shared, right: shared };
    cyclic.self = cyclic;
    const [check] = lua.doString('return function (t) return t.left == t.right, t.self == t, t.self.self.left.n end') as [LuaFunctionHandle];
    assert.deepEqual(check.call(cyclic), [true, true, 1]);
  });

  test('deep structures are copied without using the JS stack', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100000; i++) deep = [deep];
    const [depth] = lua.doString('return function (t) local n = 0 while type(t) == "table" do t = t[1] n = n + 1 end return n, t end') as [LuaFunctionHandle];
    assert.deepEqual(depth.call(deep), [100000, 'bottom']);
  });

  test('JS functions become Lua functions (the same one each time)', () => {
    const f = (x: number) => x * 2;
    lua.global.set('f1', f);
    lua.global.set('f2', f);
    assert.deepEqual(lua.doString('return f1 == f2, f1(21), type(f1)'), [true, 42, 'function']);
    const back = lua.global.get('f1');
    assert.ok(back instanceof LuaFunctionHandle);
    assert.equal(back.jsFunction, f);
  });

  test('a JS function: undefined is no result, an array is one table, Lua.multi is several', () => {
    lua.global.set('none', () => undefined);
    lua.global.set('nul', () => null);
    lua.global.set('arr', () => [1, 2, 3]);
    lua.global.set('multi', () => Lua.multi(1, 'two', undefined));
    lua.global.set('multi0', () => Lua.multi());
    assert.deepEqual(lua.doString('return select("#", none()), select("#", nul()), type(arr()), #arr(), select("#", multi()), select("#", multi0())'),
      [0, 1, 'table', 3, 3, 0]);
    assert.deepEqual(lua.doString('return multi()'), [1, 'two', undefined]);
  });

  test('JS functions get JS values: numbers, text, handles', () => {
    let got: unknown[] = [];
    lua.global.set('capture', (...args: unknown[]) => { got = args; });
    lua.doString('capture(1, 2.5, 3.0, math.maxinteger, "é", nil, true, {1}, print, coroutine.create(print), io.stdout)');
    assert.deepEqual(got.slice(0, 7), [1, 2.5, 3, 2n ** 63n - 1n, 'é', undefined, true]);
    assert.ok(got[7] instanceof LuaTableHandle);
    assert.ok(got[8] instanceof LuaFunctionHandle);
    assert.ok(got[9] instanceof LuaThreadHandle);
    assert.ok(got[10] instanceof LuaUserdataHandle);
  });

  test('a raw function gets and returns the engine’s values', () => {
    const seen: unknown[] = [];
    lua.global.set('raw', lua.fn((...args: unknown[]) => { seen.push(...args); return [args.length, 'r']; }, { raw: true }));
    assert.deepEqual(lua.doString('return raw(1, 3.0, "\\xff")'), [3, 'r']);
    assert.equal(seen[0], 1);
    assert.ok(seen[1] instanceof LuaFloat);
    assert.equal(seen[2], '\xff');
  });
});

describe('Lua → JS', () => {
  test('numbers, strings, booleans, nil', () => {
    const { lua } = newLua();
    assert.deepEqual(lua.doString('return 1, 2.5, 3.0, -0.0, 1/0, math.maxinteger, math.mininteger, 2^53, "é", "\\xff", nil, true'),
      [1, 2.5, 3, -0, Infinity, 2n ** 63n - 1n, -(2n ** 63n), 2 ** 53, 'é', '\ufffd', undefined, true]);
    const [nan] = lua.doString('return 0/0');
    assert.ok(Number.isNaN(nan));
    // 2^53 + 1 as an integer is a bigint (not a safe integer).
    assert.deepEqual(lua.doString('return 9007199254740993, 9007199254740991'), [9007199254740993n, 9007199254740991]);
  });

  test('exact numbers keep integral floats as LuaFloat; bytes mode gives Uint8Arrays', () => {
    const { lua } = newLua({ numbers: 'exact', strings: 'bytes' });
    const [a, b, c] = lua.doString('return 3.0, 3, "\\xff\\0"');
    assert.ok(a instanceof LuaFloat && a.n === 3);
    assert.equal(b, 3);
    assert.deepEqual(c, new Uint8Array([255, 0]));
    // Floats go back in as floats.
    assert.deepEqual(lua.call(lua.doString('return function (x) return math.type(x) end')[0] as LuaFunctionHandle, a), [new Uint8Array(Buffer.from('float'))]);
  });

  test('table handles are live', () => {
    const { lua } = newLua();
    const [t] = lua.doString('t = {10, 20, x = "a"} return t') as [LuaTableHandle];
    assert.equal(t.get(1), 10);
    assert.equal(t.get('x'), 'a');
    t.set('y', 5).set(3, 30);
    assert.deepEqual(lua.doString('return t.y, #t'), [5, 3]);
    assert.equal(t.length(), 3);
    assert.ok(t.has('x'));
    assert.ok(!t.has('nope'));
    t.set('x', undefined);
    assert.equal(lua.doString('return t.x')[0], undefined);
    assert.deepEqual([...t.entries()], [[1, 10], [2, 20], [3, 30], ['y', 5]]);
    assert.deepEqual([...t.keys()], [1, 2, 3, 'y']);
    assert.ok(t.equals(lua.global.get('t')));
    assert.ok(lua.globals.get('t') instanceof LuaTableHandle);
  });

  test('get/set honour metamethods; rawget/rawset do not', () => {
    const { lua } = newLua();
    const [t] = lua.doString(`local log = {}
      local t = setmetatable({}, {__index = function (_, k) return k .. "!" end, __newindex = function (t, k, v) rawset(t, k, v * 2) end, __len = function () return 42 end})
      return t`) as [LuaTableHandle];
    assert.equal(t.get('a'), 'a!');
    assert.equal(t.rawget('a'), undefined);
    t.set('n', 5);
    assert.equal(t.rawget('n'), 10);
    t.rawset('m', 5);
    assert.equal(t.rawget('m'), 5);
    assert.equal(t.length(), 42);
    assert.equal(t.rawLength(), 0);
    assert.ok(t.getMetatable() instanceof LuaTableHandle);
    t.setMetatable(undefined);
    assert.equal(t.get('zz'), undefined);
    t.setMetatable({ __index: { zz: 'from mt' } });
    assert.equal(t.get('zz'), 'from mt');
    assert.throws(() => t.rawset(undefined, 1), (e: unknown) => e instanceof LuaError && e.message === 'table index is nil');
    assert.throws(() => t.rawset(NaN, 1), (e: unknown) => e instanceof LuaError && e.message === 'table index is NaN');
  });

  test('getBytes gives a string value’s exact bytes', () => {
    const { lua } = newLua();
    const [t] = lua.doString('return {s = "\\xff\\xfe", n = 1}') as [LuaTableHandle];
    assert.deepEqual(t.getBytes('s'), new Uint8Array([255, 254]));
    assert.equal(t.get('s'), '\ufffd\ufffd');
    assert.equal(t.getBytes('n'), undefined);
  });

  test('toJS: sequences are arrays, string keys objects, the rest Maps; cycles stay cycles', () => {
    const { lua } = newLua();
    const [t] = lua.doString(`local t = {list = {1, 2, 3}, obj = {a = 1}, mixed = {1, x = 2}, empty = {}, [true] = "t"}
      t.me = t return t`) as [LuaTableHandle];
    const js = t.toJS() as Map<unknown, unknown>;
    assert.ok(js instanceof Map);
    assert.deepEqual(js.get('list'), [1, 2, 3]);
    assert.deepEqual(js.get('obj'), { a: 1 });
    assert.deepEqual(js.get('mixed'), new Map<unknown, unknown>([[1, 1], ['x', 2]]));
    assert.deepEqual(js.get('empty'), {});
    assert.equal(js.get('me'), js);
    assert.equal(js.get(true), 't');
    const [arr] = lua.doString('return {}') as [LuaTableHandle];
    assert.deepEqual(arr.toJS({ emptyTables: 'array' }), []);
    // A "__proto__" key is an ordinary property of the copy.
    const [p] = lua.doString('return {__proto__ = {polluted = true}}') as [LuaTableHandle];
    const copy = p.toJS() as Record<string, unknown>;
    assert.ok(Object.hasOwn(copy, '__proto__'));
    assert.equal(Object.getPrototypeOf(copy), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  test('functions are handles: call, call1, callRaw, typed, asFunction', () => {
    const { lua } = newLua();
    const [f] = lua.doString('return function (a, b) return a + b, a * b end') as [LuaFunctionHandle];
    assert.deepEqual(f.call(3, 4), [7, 12]);
    assert.equal(f.call1(3, 4), 7);
    assert.deepEqual(f.callRaw(3, 4), [7, 12]);
    const typed = f.typed<[number, number], [number, number]>();
    const [sum, product]: [number, number] = typed.call(2, 5);
    assert.deepEqual([sum, product], [7, 10]);
    assert.equal(f.asFunction()(1, 1), 2);
    assert.equal(lua.global.get<LuaFunctionHandle<[string], [string]>>('string.upper').call1('abc'), 'ABC');
  });

  test('userdata of the embedder comes back as itself; others as handles', () => {
    const { lua } = newLua();
    class Thing { }
    const thing = new Thing();
    const date = new Date(0);
    assert.equal(roundTrip(lua, thing), thing);
    assert.equal(roundTrip(lua, date), date);
    const [f] = lua.doString('return io.stdout');
    assert.ok(f instanceof LuaUserdataHandle);
    assert.ok(f.getMetatable() instanceof LuaTableHandle);
  });

  test('global paths', () => {
    const { lua } = newLua();
    lua.global.set('a.b.c', 42);
    assert.equal(lua.global.get('a.b.c'), 42);
    assert.equal(lua.doString('return a.b.c')[0], 42);
    assert.equal(lua.global.get('nope.x.y'), undefined);
    assert.ok(lua.global.has('a.b'));
    assert.ok(!lua.global.has('a.z'));
    assert.equal(lua.global.get<LuaFunctionHandle>('string.format').call1('%5.1f', 3.14159), '  3.1');
    assert.throws(() => lua.global.set('math.pi.x', 1), LuaError);
  });

  test('coroutines are iterable handles', () => {
    const { lua } = newLua();
    const [co] = lua.doString('return coroutine.create(function (a) local b = coroutine.yield(a + 1) return b * 2 end)') as [LuaThreadHandle];
    assert.equal(co.status, 'suspended');
    assert.deepEqual(co.resume(1), { done: false, values: [2] });
    assert.deepEqual(co.resume(10), { done: true, values: [20] });
    assert.equal(co.status, 'dead');
    assert.throws(() => co.resume(), (e: unknown) => e instanceof LuaError && e.message === 'cannot resume dead coroutine');
    const [gen] = lua.doString('return function (n) for i = 1, n do coroutine.yield(i * i) end end') as [LuaFunctionHandle];
    assert.deepEqual([...lua.coroutine(gen).resume(3).values], [1]);
    const co2 = gen.coroutine();
    co2.resume(4);
    assert.deepEqual([...co2], [4, 9, 16]);
    const co3 = lua.coroutine(() => Lua.multi(1, 2));
    assert.deepEqual(co3.resume(), { done: true, values: [1, 2] });
    const [failing] = lua.doString('return coroutine.create(function () coroutine.yield(1) error("inside") end)', { chunkName: '=co' }) as [LuaThreadHandle];
    assert.throws(() => [...failing], (e: unknown) => e instanceof LuaError && e.message === 'co:1: inside');
    const [closing] = lua.doString('closed = false return coroutine.create(function () local x <close> = setmetatable({}, {__close = function () closed = true end}) coroutine.yield() end)') as [LuaThreadHandle];
    closing.resume();
    closing.close();
    assert.equal(lua.global.get('closed'), true);
    assert.equal(closing.status, 'dead');
  });
});

// ------------------------------------------------------------ property tests

/** What a JS value comes back as after Lua (per the mapping), with tables deep-copied by toJS. */
function expected(v: unknown, memo = new Map<object, unknown>()): unknown {
  switch (typeof v) {
    case 'number': return v;
    case 'bigint': return v >= -BigInt(Number.MAX_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
    case 'string': return new TextDecoder().decode(new TextEncoder().encode(v));
    case 'object': {
      if (v === null) return undefined;
      if (v instanceof Uint8Array) return new TextDecoder().decode(v);
      if (memo.has(v)) return memo.get(v);
      const entries: [unknown, unknown][] = Array.isArray(v) ? v.map((x, i) => [i + 1, x]) : v instanceof Map ? [...v] : Object.entries(v);
      const live = entries.filter(([, x]) => x !== undefined && x !== null);
      const keys = live.map(([k]) => expected(k));
      const n = live.length;
      let out: unknown;
      if (n === 0) out = {};
      else if (keys.every((k) => typeof k === 'number' && Number.isInteger(k) && k >= 1 && k <= n)) out = new Array(n);
      else if (keys.every((k) => typeof k === 'string')) out = {};
      else out = new Map();
      memo.set(v, out);
      live.forEach(([, x], i) => {
        const k = keys[i]!;
        const ex = expected(x, memo);
        if (Array.isArray(out)) out[(k as number) - 1] = ex;
        else if (out instanceof Map) out.set(k, ex);
        else Object.defineProperty(out, k as string, { value: ex, enumerable: true, writable: true, configurable: true });
      });
      return out;
    }
    default: return v;
  }
}

function randomString(rng: Rng): string {
  const pieces = ['a', 'Z', ' ', '\0', 'é', '日', '😀', '\u2028', '\ud800', '\udfff', 'x'.repeat(40)];
  let s = '';
  for (let i = rng.int(6); i > 0; i--) s += rng.pick(pieces);
  return s;
}

function randomJs(rng: Rng, depth: number, pool: object[]): unknown {
  const k = rng.int(depth > 3 ? 7 : 11);
  switch (k) {
    case 0: return rng.pick([0, -0, 1, -1, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, 2 ** 53 + 2, 2 ** 63, NaN, Infinity, -Infinity, 0.5, -1e-300, 1e300, rng.next() * 1000, rng.range(-1e6, 1e6)]);
    case 1: return rng.pick([0n, 1n, -1n, 2n ** 53n, 2n ** 63n - 1n, -(2n ** 63n), BigInt(rng.range(-1e9, 1e9)) * 1000003n]);
    case 2: return randomString(rng);
    case 3: return rng.chance(0.5);
    case 4: return rng.chance(0.5) ? null : undefined;
    case 5: return new Uint8Array(Array.from({ length: rng.int(8) }, () => rng.int(128)));
    case 6: return pool.length > 0 && rng.chance(0.3) ? rng.pick(pool) : randomString(rng);
    case 7: {
      const a: unknown[] = [];
      pool.push(a);
      for (let i = rng.int(5); i > 0; i--) a.push(randomJs(rng, depth + 1, pool) ?? 0);
      return a;
    }
    case 8: {
      const o: Record<string, unknown> = {};
      pool.push(o);
      for (let i = rng.int(5); i > 0; i--) {
        // defineProperty: `o.__proto__ = x` would set the prototype, not a key.
        Object.defineProperty(o, rng.pick(['a', 'b', 'key', '__proto__', 'constructor', '1', 'é', String(rng.int(100))]), { value: randomJs(rng, depth + 1, pool), enumerable: true, writable: true, configurable: true });
      }
      return o;
    }
    case 9: {
      const m = new Map<unknown, unknown>();
      pool.push(m);
      for (let i = rng.int(5); i > 0; i--) m.set(rng.pick<unknown>(['s', 1, 2, 3, 2.5, true, false, -7, 'long key']), randomJs(rng, depth + 1, pool));
      return m;
    }
    default: return randomJs(rng, depth + 1, pool);
  }
}

test('property: random JS values → Lua → JS come back per the mapping', () => {
  const { lua } = newLua();
  const [id] = lua.doString('return function (...) return ... end') as [LuaFunctionHandle];
  for (let seed = 1; seed <= 600; seed++) {
    const rng = new Rng(seed);
    const v = randomJs(rng, 0, []);
    const [out] = id.call(v);
    const got = out instanceof LuaTableHandle ? out.toJS() : out;
    assert.deepStrictEqual(got, expected(v), `seed ${seed}`);
  }
});

test('property: bytes mode round-trips arbitrary bytes', () => {
  const { lua } = newLua({ strings: 'bytes' });
  const [id] = lua.doString('return function (...) return ... end') as [LuaFunctionHandle];
  const rng = new Rng(7);
  for (let i = 0; i < 300; i++) {
    const bytes = new Uint8Array(Array.from({ length: rng.int(40) }, () => rng.int(256)));
    assert.deepStrictEqual(id.call1(bytes), bytes);
  }
});

/** A random Lua expression: integers and floats at the edges, byte strings, nested tables. */
function randomLuaExpr(rng: Rng, depth: number): string {
  switch (rng.int(depth > 2 ? 6 : 8)) {
    case 0: return rng.pick(['0', '1', '-1', 'math.maxinteger', 'math.mininteger', '9007199254740993', '-9007199254740993', String(rng.range(-1e6, 1e6))]);
    case 1: return rng.pick(['0.0', '-0.0', '1.5', '3.0', '2^53', '2^63', '1/0', '-1/0', '0/0', '1e300', '-2.5e-10', String(rng.next())]);
    case 2: {
      const bytes = Array.from({ length: rng.int(10) }, () => `\\${rng.int(256)}`);
      return `"${bytes.join('')}"`;
    }
    case 3: return rng.pick(['true', 'false']);
    case 4: return rng.pick(['"plain"', '"é日😀"', '""']);
    case 5: return rng.pick(['1', '"s"', '2.5']);
    default: {
      const items: string[] = [];
      for (let i = rng.int(5); i > 0; i--) {
        const key = rng.pick(['', '', 'k1', 'name', '[10]', '[2.5]', '[true]', '[-3]', '["with space"]']);
        const value = randomLuaExpr(rng, depth + 1);
        items.push(key === '' ? value : key.startsWith('[') ? `${key} = ${value}` : `${key} = ${value}`);
      }
      return `{${items.join(', ')}}`;
    }
  }
}

test('property: random Lua values → JS (exact numbers, bytes) → Lua are equal by a deep compare in Lua', () => {
  const { lua } = newLua({ numbers: 'exact', strings: 'bytes' });
  const [same] = lua.doString(`
    local function same(a, b, seen)
      if type(a) ~= type(b) or math.type(a) ~= math.type(b) then return false end
      if type(a) == 'number' then
        if a ~= a then return b ~= b end
        if a == 0 then return 1 / a == 1 / b end
        return a == b
      end
      if type(a) ~= 'table' then return a == b end
      if seen[a] then return seen[a] == b end
      seen[a] = b
      for k, v in pairs(a) do if not same(v, rawget(b, k), seen) then return false end end
      for k in pairs(b) do if rawget(a, k) == nil then return false end end
      return true
    end
    return function (a, b) return same(a, b, {}) end`) as [LuaFunctionHandle];
  for (let seed = 1; seed <= 500; seed++) {
    const rng = new Rng(seed * 7919);
    const expr = randomLuaExpr(rng, 0);
    const [v] = lua.doString(`local v = ${expr} if type(v) == 'table' and ${seed % 5 === 0} then v.self = v end return v`);
    const js = v instanceof LuaTableHandle ? v.toJS() : v;
    assert.equal(same.call1(v, js), true, `seed ${seed}: ${expr}`);
  }
});

// ------------------------------------------------------------------ bad input

describe('bad input from the embedder', () => {
  const { lua } = newLua();
  const [id] = lua.doString('return function (...) return ... end') as [LuaFunctionHandle];

  test('a Symbol is a TypeError naming it, wherever it is', () => {
    assert.throws(() => id.call(Symbol('tag')), (e: unknown) => e instanceof TypeError && /Symbol\(tag\)/.test(e.message));
    assert.throws(() => id.call({ a: [1, Symbol('deep')] }), (e: unknown) => e instanceof TypeError && /Symbol\(deep\).*\.a\[1\]/.test(e.message));
    // Symbol-keyed properties are not copied (like JSON.stringify).
    const [t] = id.call({ [Symbol('k')]: 1, b: 2 }) as [LuaTableHandle];
    assert.deepEqual(t.toJS(), { b: 2 });
  });

  test('a getter that throws is a TypeError naming the property', () => {
    const o = { ok: 1, get bad(): number { throw new Error('no!'); } };
    assert.throws(() => id.call(o), (e: unknown) => e instanceof TypeError && /\.bad/.test(e.message) && /no!/.test(e.message));
  });

  test('NaN and nil keys in a Map are TypeErrors', () => {
    assert.throws(() => id.call(new Map([[NaN, 1]])), (e: unknown) => e instanceof TypeError && /NaN cannot be a Lua table key/.test(e.message));
    assert.throws(() => id.call(new Map([[null, 1]])), (e: unknown) => e instanceof TypeError && /nil cannot be a Lua table key/.test(e.message));
    assert.throws(() => lua.globals.set(NaN, 1), LuaError);
  });

  test('a "__proto__" own key is copied as an ordinary key and touches no prototype', () => {
    const o = JSON.parse('{"__proto__": {"polluted": true}, "x": 1}') as object;
    const [t] = id.call(o) as [LuaTableHandle];
    assert.equal((t.get('__proto__') as LuaTableHandle).get('polluted'), true);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const back = t.toJS() as Record<string, unknown>;
    assert.ok(Object.hasOwn(back, '__proto__'));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  test('a function with properties is just a function; the properties stay in JS', () => {
    const f = Object.assign((x: number) => x + 1, { secret: 'hidden' });
    lua.global.set('fp', f);
    const [two, ok, msg] = lua.doString('return fp(1), pcall(function () return fp.secret end)');
    assert.deepEqual([two, ok], [2, false]);
    assert.match(String(msg), /attempt to index a function value \(global 'fp'\)$/);
  });

  test('an unregistered class instance is opaque userdata named after its class', () => {
    class Secret { key = 'k'; method(): string { return 'm'; } }
    const s = new Secret();
    lua.global.set('s', s);
    assert.deepEqual(lua.doString('return type(s), tostring(s):match("^Secret: "), pcall(function () return s.key end)'),
      ['userdata', 'Secret: ', false, '[string "return type(s), tostring(s):match("^Secret: "..."]:1: attempt to index a Secret value (global \'s\')']);
    assert.equal(lua.global.get('s'), s);
  });

  test('Lua reaches no prototype, constructor, globalThis or Function through anything passed in', () => {
    const obj = { a: 1 };
    lua.global.set('p', lua.proxy(obj));
    lua.global.set('f', () => 1);
    class K { x = 1; m(): number { return 1; } }
    lua.registerClass(K);
    lua.global.set('k', new K());
    const r = lua.doString(`
      local found = {}
      for _, name in ipairs({'constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'}) do
        if p[name] ~= nil then found[#found + 1] = 'p.' .. name end
        if k[name] ~= nil then found[#found + 1] = 'k.' .. name end
      end
      if getmetatable(f) ~= nil then found[#found + 1] = 'f has a metatable' end
      return #found, table.concat(found, ' ')`);
    assert.deepEqual(r, [0, '']);
    assert.throws(() => lua.doString('p.__proto__ = {polluted = true}; k.constructor = 1'), LuaError);
    assert.equal(Object.getPrototypeOf(obj), Object.prototype);
    assert.ok(Object.hasOwn(obj, '__proto__'));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  test('a handle of another state is a TypeError', () => {
    const other = new Lua();
    const [t] = other.doString('return {}');
    assert.throws(() => id.call(t), (e: unknown) => e instanceof TypeError && /another Lua state/.test(e.message));
  });

  test('Lua.multi anywhere but a return value is a TypeError', () => {
    assert.throws(() => id.call(Lua.multi(1, 2)), TypeError);
  });

  test('a host function that throws leaves the state consistent, 1000 times over', () => {
    let calls = 0;
    lua.global.set('boom', () => { calls++; throw new Error('boom'); });
    for (let i = 0; i < 1000; i++) {
      assert.throws(() => lua.doString('boom()'), (e: unknown) => e instanceof Error && e.message === 'boom');
    }
    assert.deepEqual(lua.doString('local ok, e = pcall(boom) return ok, e'), [false, 'boom']);
    assert.equal(calls, 1001);
    const e = lua.state.engine;
    assert.equal(e.C.n, 0);
    assert.equal(e.machines.length, 0);
    assert.equal(e.current, e.main);
    assert.deepEqual(lua.doString('local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end return fib(20)'), [6765]);
  });
});

test('close: finalizers and use after close', () => {
  const { lua, out } = newLua();
  lua.doString('setmetatable({}, {__gc = function () print("finalized") end})');
  const [t] = lua.doString('return {}') as [LuaTableHandle];
  const [f] = lua.doString('return print') as [LuaFunctionHandle];
  lua.close();
  assert.equal(out(), 'finalized\n');
  assert.ok(lua.closed);
  const closed = (e: unknown) => e instanceof Error && /closed/.test(e.message);
  assert.throws(() => lua.doString('return 1'), closed);
  assert.throws(() => t.get(1), closed);
  assert.throws(() => f.call(), closed);
  assert.throws(() => lua.global.get('x'), closed);
  lua.close();
  // Symbol.dispose closes too.
  const { lua: l2, out: o2 } = newLua();
  {
    l2.doString('setmetatable({}, {__gc = function () print("bye") end})');
    l2[Symbol.dispose]();
  }
  assert.equal(o2(), 'bye\n');
  // A state cannot be closed by its own code.
  const { lua: l3 } = newLua();
  l3.global.set('closeMe', () => l3.close());
  assert.throws(() => l3.doString('closeMe()'), (e: unknown) => e instanceof Error && /cannot be closed by its own code/.test(e.message));
  assert.equal(l3.doString('return 1')[0], 1);
});

test('options: libs, dialect, stdin, stderr', () => {
  const none = new Lua({ libs: 'none' });
  assert.deepEqual(none.doString('return print, string, _G'), [undefined, undefined, undefined]);
  const some = new Lua({ libs: ['base', 'string'] });
  assert.deepEqual(some.doString('return type(print), ("x"):rep(3), io, math'), ['function', 'xxx', undefined, undefined]);
  assert.throws(() => new Lua({ libs: ['nope' as never] }), TypeError);
  const l51 = new Lua({ dialect: '5.1' });
  assert.throws(() => l51.doString('goto x ::x::'), LuaError);
  const errs: Uint8Array[] = [];
  const io = new Lua({ stdin: 'line one\nsecond', stderr: (b) => errs.push(b) });
  assert.deepEqual(io.doString('io.stderr:write("to stderr") return io.read("l"), io.read("a")'), ['line one', 'second']);
  assert.equal(Buffer.concat(errs).toString(), 'to stderr');
  const pieces = ['a', 'b', null];
  const fnIn = new Lua({ stdin: () => pieces.shift() ?? null });
  assert.deepEqual(fnIn.doString('return io.read("a")'), ['ab']);
  const bytesIn = new Lua({ stdin: new Uint8Array([0xff, 0x41]), strings: 'bytes' });
  assert.deepEqual(bytesIn.doString('return io.read("a")'), [new Uint8Array([0xff, 0x41])]);
});

test('load: modes, env, chunk names, binary chunks', () => {
  const { lua } = newLua();
  const f = lua.load('return x', { env: { x: 'from env' } });
  assert.equal(f.call1(), 'from env');
  assert.throws(() => lua.load('return 1', { mode: 'b' }), (e: unknown) => e instanceof LuaError && e.message === "attempt to load a text chunk (mode is 'b')");
  const [dumped] = lua.doString('return string.dump(function (a) return a * 3 end)', { }) as [string];
  void dumped;
  const { lua: raw } = newLua({ strings: 'bytes' });
  const [bin] = raw.doString('return string.dump(function (a) return a * 3 end)') as [Uint8Array];
  assert.equal(raw.load(bin, { mode: 'b' }).call1(5), 15);
  assert.throws(() => raw.load(bin, { mode: 't' }), LuaError);
  assert.throws(() => lua.doString('x = = 1', { chunkName: '=mine' }), (e: unknown) => e instanceof LuaError && e.message === "mine:1: unexpected symbol near '='" && e.traceback === e.message);
  assert.equal(lua.parse('local x = 1').kind, 'Chunk');
  assert.throws(() => lua.parse('x = = 1'), (e: unknown) => e instanceof Error && e.name === 'LuaSyntaxError');
});
