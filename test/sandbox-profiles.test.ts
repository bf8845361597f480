// Sandbox profiles (issue 9, section 3): libraries chosen down to single
// functions, the 'safe' and 'none' presets, and what each lets code reach:
// nothing but Lua values, never a JS object (globalThis, Function, process,
// prototypes), whatever the profile and whatever the debug library hands out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Lua, LuaError, SAFE_LIBS, type LuaOptions } from '../src/index.js';
import { LuaTable } from '../src/runtime/table.js';
import { LuaFloat, LuaUserdata, LuaThreadBase } from '../src/runtime/value.js';

/** The string keys of the globals or of a global library table, sorted (read from JS: the profile may lack pairs). */
function names(lua: Lua, lib?: string): string[] {
  const t = lib === undefined ? lua.state.globals : lua.state.globals.getStr(lib);
  assert.ok(t instanceof LuaTable);
  const out: string[] = [];
  for (let e = t.next(undefined); e !== undefined; e = t.next(e[0])) out.push(String(e[0]));
  return out.sort();
}

test("'safe' opens exactly its list", () => {
  const lua = new Lua({ libs: 'safe' });
  assert.deepEqual(names(lua), ['_G', '_VERSION', 'assert', 'collectgarbage', 'coroutine', 'error', 'getmetatable', 'ipairs',
    'load', 'math', 'next', 'os', 'package', 'pairs', 'pcall', 'print', 'rawequal', 'rawget', 'rawlen', 'rawset', 'require',
    'select', 'setmetatable', 'string', 'table', 'tonumber', 'tostring', 'type', 'utf8', 'warn', 'xpcall']);
  assert.deepEqual(names(lua, 'os'), ['clock', 'date', 'difftime', 'time']);
  assert.deepEqual(names(lua, 'package'), ['loaded', 'preload', 'searchers']);
  assert.equal(lua.doString('return #package.searchers')[0], 1);
  assert.equal(names(lua, 'string').includes('dump'), false);
  assert.equal(names(lua, 'string').length, 16);
  assert.deepEqual(lua.doString('return ("x"):rep(3), os.time{year=2000, month=1, day=1, hour=12} ~= nil, math.type(1), utf8.char(233)'),
    ['xxx', true, 'integer', 'é']);
  // The libraries and the string metatable are frozen; the globals are not.
  assert.throws(() => lua.doString('table.insert = nil', { chunkName: '=s' }), { message: 's:1: attempt to modify a readonly table' });
  assert.deepEqual(lua.doString('x = 1 return x'), [1]);
  // freeze: false keeps them writable.
  assert.deepEqual(new Lua({ libs: 'safe', freeze: false }).doString('string.x = 1 return string.x'), [1]);
});

test("'safe': load takes text chunks only", () => {
  const full = new Lua({ strings: 'bytes' });
  const [dumped] = full.doString('return string.dump(function () return "from binary" end)') as [Uint8Array];
  const lua = new Lua({ libs: 'safe' });
  lua.global.set('B', dumped);
  assert.deepEqual(lua.doString('return load(B)'), [undefined, "attempt to load a binary chunk (mode is 't')"]);
  assert.deepEqual(lua.doString('return load(B, "b", "bt")'), [undefined, "attempt to load a binary chunk (mode is 't')"]);
  assert.deepEqual(lua.doString('return load(B, "b", "b")'), [undefined, "attempt to load a binary chunk (mode is '')"]);
  assert.deepEqual(lua.doString('local done return load(function () if not done then done = true return B end end)'),
    [undefined, "attempt to load a binary chunk (mode is 't')"]);
  assert.deepEqual(lua.doString('return load("return 1 + 1")()'), [2]);
  // The same binary chunk loads in a full state.
  full.global.set('B', dumped);
  assert.deepEqual(full.doString('return load(B)() == "from binary"'), [true]);
});

test("'safe': collectgarbage refuses the options that change the collector for other code", () => {
  const lua = new Lua({ libs: 'safe' });
  for (const opt of ['stop', 'restart', 'incremental', 'generational', 'setpause', 'setstepmul']) {
    assert.throws(() => lua.doString(`collectgarbage("${opt}")`, { chunkName: '=g' }),
      { message: `g:1: bad argument #1 to 'collectgarbage' (invalid option '${opt}')` });
  }
  assert.deepEqual(lua.doString('return collectgarbage(), collectgarbage("collect"), type(collectgarbage("count")), collectgarbage("isrunning"), type(collectgarbage("step"))'),
    [0, 0, 'number', true, 'boolean']);
});

test("'safe': require finds package.preload modules only, never files", () => {
  const lua = new Lua({ libs: 'safe' });
  assert.deepEqual(lua.doString('package.preload.m = function (name, extra) return { name = name, extra = extra } end local m = require("m") return m.name, m.extra, require("m") == m'),
    ['m', ':preload:', true]);
  assert.throws(() => lua.doString('require("test.support.rng")', { chunkName: '=r' }),
    { message: "r:1: module 'test.support.rng' not found:\n\tno field package.preload['test.support.rng']" });
  assert.deepEqual(lua.doString('return require("string") == string'), [true]);
});

test("'none' opens nothing; a list still works; selections pick single functions", () => {
  const none = new Lua({ libs: 'none' });
  assert.equal(none.state.globals.next(undefined), undefined);
  assert.equal(none.state.loaded.next(undefined), undefined);
  const listed = new Lua({ libs: ['base', 'math'] });
  assert.deepEqual(listed.doString('return type(math), type(string), type(print)'), ['table', 'nil', 'function']);
  const lua = new Lua({ libs: { os: ['time', 'clock'], string: true, base: { except: ['dofile'] }, table: ['concat'] } });
  assert.deepEqual(names(lua, 'os'), ['clock', 'time']);
  assert.deepEqual(names(lua, 'table'), ['concat']);
  assert.deepEqual(lua.doString('return dofile, loadfile ~= nil, io, math, ("a"):upper()'), [undefined, true, undefined, undefined, 'A']);
  // Not a sandbox: nothing frozen, load takes binary chunks.
  assert.deepEqual(lua.doString('string.x = 1 return string.x, select(2, load("\\27Lua"))'), [1, 'binary string: truncated precompiled chunk']);
  const pkg = new Lua({ libs: { base: true, package: { except: ['loadlib', 'searchpath'] } } });
  assert.deepEqual(pkg.doString('return type(require), package.loadlib, package.searchpath, #package.searchers'), ['function', undefined, undefined, 4]);
  const noRequire = new Lua({ libs: { base: true, package: ['loaded'] } });
  assert.deepEqual(noRequire.doString('return require, type(package.loaded)'), [undefined, 'table']);
  // SAFE_LIBS extended: still a sandbox.
  const more = new Lua({ libs: { ...SAFE_LIBS, io: ['write'] } });
  assert.deepEqual(names(more, 'io'), ['write']);
  assert.throws(() => more.doString('io.write = print'), /readonly/);
});

test('selections are checked: unknown libraries and keys are TypeErrors', () => {
  assert.throws(() => new Lua({ libs: { sting: true } as unknown as LuaOptions['libs'] }), { name: 'TypeError', message: /unknown Lua library 'sting'/ });
  assert.throws(() => new Lua({ libs: { os: ['tiem'] } }), { name: 'TypeError', message: /unknown key 'tiem' of Lua library 'os'/ });
  assert.throws(() => new Lua({ libs: { base: { except: ['nothing'] } } }), { name: 'TypeError', message: /unknown key 'nothing'/ });
  assert.throws(() => new Lua({ libs: ['base', 'nope'] as never }), { name: 'TypeError', message: /unknown Lua library 'nope'/ });
  assert.throws(() => new Lua({ libs: 'unsafe' as never }), TypeError);
});

// ------------------------------------------------------------------ no host reach

const FORBIDDEN: unknown[] = [globalThis, Function, Function.prototype, Object, Object.prototype, Array.prototype,
  String.prototype, Number.prototype, Promise, process, eval, Reflect, Proxy, Symbol];

/** Whether `v` is a value of the engine's Lua representation (docs/ARCHITECTURE.md, "Values"). */
function isLuaValue(v: unknown): boolean {
  switch (typeof v) {
    case 'undefined': case 'boolean': case 'bigint': return true;
    case 'number': return true;
    case 'string': return /^[\0-\xff]*$/.test(v);
    case 'function': return !FORBIDDEN.includes(v);
    default: return v instanceof LuaTable || v instanceof LuaFloat || v instanceof LuaUserdata || v instanceof LuaThreadBase;
  }
}

// Collects, from Lua, every value reachable with what the profile offers:
// tables (keys, values), metatables, the debug library's registry, upvalues,
// getinfo's functions, uservalues, locals of the running levels, and the
// fields that JS objects would have if Lua could see them.
const WALK = `
local seen, list, types = {}, {}, {}
local rawget, pairs, type, getmetatable, next = rawget, pairs, type, getmetatable, next
local dbg = debug
local JS_NAMES = {'constructor', '__proto__', 'prototype', 'toString', 'valueOf', 'hasOwnProperty',
  '__defineGetter__', '__lookupGetter__', 'isPrototypeOf', 'call', 'apply', 'bind', 'caller', 'arguments',
  'globalThis', 'process', 'Function', 'eval', 'U', 'G', 'P', 'J', 'length', 'name', 'arr', 'strs', 'hash', 'metatable'}
local queue = {}
local function add(v)
  types[type(v)] = true
  if v == nil or seen[v] or (type(v) == 'number' and v ~= v) then return end
  seen[v] = true
  list[#list + 1] = v
  queue[#queue + 1] = v
end
add(_G) add("") add(1) add(print) add(coroutine and coroutine.running() or nil)
if dbg then add(dbg.getregistry()) end
local i = 1
while i <= #queue do
  local v = queue[i]; i = i + 1
  local tv = type(v)
  if getmetatable then add(getmetatable(v)) end
  if dbg then add(dbg.getmetatable(v)) end
  if tv == 'table' then
    for k, x in next, v do add(k) add(x) end
    for _, n in pairs(JS_NAMES) do add(rawget(v, n)) end
  elseif tv == 'function' then
    if dbg then
      for u = 1, 300 do local name, x = dbg.getupvalue(v, u) if name == nil then break end add(name) add(x) end
      local info = dbg.getinfo(v, 'Slnuf')
      for k, x in pairs(info) do add(k) add(x) end
    end
  elseif tv == 'userdata' and dbg then
    for n = 1, 3 do add((dbg.getuservalue(v, n))) end
  elseif tv == 'string' then
    for _, n in pairs(JS_NAMES) do add(('').len and ({pcall(function () return v[n] end)})[2]) end
  end
end
if dbg then
  for level = 1, 5 do
    local info = dbg.getinfo(level, 'Slnuf')
    if not info then break end
    for k, x in pairs(info) do add(k) add(x) end
    for l = 1, 50 do local name, x = dbg.getlocal(level, l) if not name then break end add(name) add(x) end
    for l = -1, -5, -1 do local name, x = dbg.getlocal(level, l) if not name then break end add(x) end
  end
end
local tlist = {}
for t in pairs(types) do tlist[#tlist + 1] = t end
table.sort(tlist)
return list, table.concat(tlist, ' ')
`;

const PROFILES: [string, LuaOptions][] = [
  ['all', {}], ['safe', { libs: 'safe' }], ['selection', { libs: { base: true, table: ['sort', 'concat'], string: ['format'], coroutine: true } }],
  ['all, frozen', { freeze: { libraries: true, globals: true } }],
];

for (const [label, options] of PROFILES) {
  test(`${label}: every value Lua can reach is a Lua value, never a JS object`, () => {
    const lua = new Lua(options);
    const L = lua.state;
    // The walker needs pairs, table.sort/concat, type...: give it what the profile lacks, in its own env.
    const env = new LuaTable();
    const meta = new LuaTable();
    const full = new Lua();
    meta.setStr('__index', L.globals);
    env.metatable = meta;
    for (const k of ['pairs', 'next', 'type', 'rawget', 'pcall', 'getmetatable', 'table']) {
      if (L.globals.getStr(k) === undefined) env.setStr(k, full.state.globals.getStr(k));
    }
    const fn = L.load(WALK, '=walk', env);
    const r = L.run(() => fn()) as [LuaTable, string];
    const list = r[0];
    assert.ok(list.length() > (label === 'all' || label === 'all, frozen' ? 300 : 30), `${label}: ${list.length()} values`);
    for (let i = 1; i <= list.length(); i++) {
      const v = list.getInt(i);
      assert.ok(isLuaValue(v), `${label}: value ${i} is not a Lua value: ${String(v)}`);
    }
    assert.match(r[1], /^(boolean )?(function )?(nil )?(number )?string table( thread)?( userdata)?$/);
    // Lua names for JS objects are just absent globals or fields.
    assert.deepEqual(L.run(() => L.load(`return globalThis, process, Function, eval, constructor, __proto__, _ENV.constructor,
      rawget(_G, "__proto__"), ("").constructor, ("").__proto__, select("#", pcall(function () return print.constructor end))`, '=t')()),
    [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, 2]);
  });
}

test('errors of every profile are LuaErrors with Lua messages', () => {
  for (const [, options] of PROFILES) {
    const lua = new Lua(options);
    assert.throws(() => lua.doString('local x = nil; x.y = 1', { chunkName: '=e' }), (e: unknown) =>
      e instanceof LuaError && e.message === "e:1: attempt to index a nil value (local 'x')");
  }
});
