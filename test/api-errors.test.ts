// Errors crossing the embedding API: LuaError's message, value, traceback
// (compared with lua5.4's for the same program) and frames; JS exceptions of
// host functions as Lua errors and back out as themselves.
import assert from 'node:assert/strict';
import { test, describe } from 'node:test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { Lua, LuaError, LuaTableHandle, type LuaFunctionHandle } from '../src/index.js';
import { referenceBinary, missingReference } from './support/reference.js';

function caught(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail('no exception');
}

function luaError(f: () => unknown): LuaError {
  const e = caught(f);
  assert.ok(e instanceof LuaError, `not a LuaError: ${String(e)}`);
  return e;
}

describe('LuaError', () => {
  test('message, value, traceback and frames of a runtime error', () => {
    const lua = new Lua();
    const e = luaError(() => lua.doString('local function inner()\n  error("boom")\nend\ninner()', { chunkName: '@f.lua' }));
    assert.equal(e.name, 'LuaError');
    assert.equal(e.message, 'f.lua:2: boom');
    assert.equal(e.value, 'f.lua:2: boom');
    assert.equal(e.traceback, [
      'f.lua:2: boom',
      'stack traceback:',
      "\t[C]: in function 'error'",
      "\tf.lua:2: in local 'inner'",
      '\tf.lua:4: in main chunk',
      '\t[C]: in ?',
    ].join('\n'));
    assert.deepEqual(e.frames, [
      { source: '[C]', line: -1, functionName: 'error', what: 'C', description: "function 'error'" },
      { source: 'f.lua', line: 2, functionName: 'inner', what: 'Lua', description: "local 'inner'" },
      { source: 'f.lua', line: 4, functionName: null, what: 'main', description: 'main chunk' },
    ]);
    assert.ok(e instanceof Error);
  });

  test('non-string error values: the value converted, the message as lua.c shows it', () => {
    const lua = new Lua();
    const t = luaError(() => lua.doString('error({code = 42})'));
    assert.ok(t.value instanceof LuaTableHandle);
    assert.equal(t.value.get('code'), 42);
    assert.equal(t.message, '(error object is a table value)');
    const s = luaError(() => lua.doString('error(setmetatable({}, {__tostring = function () return "custom é" end}))'));
    assert.equal(s.message, 'custom é');
    const n = luaError(() => lua.doString('error(42)'));
    assert.equal(n.value, 42);
    assert.equal(n.message, '42');
    const nil = luaError(() => lua.doString('error()'));
    assert.equal(nil.value, undefined);
    assert.equal(nil.message, '(error object is a nil value)');
    // A string error with invalid UTF-8: the message is decoded (U+FFFD).
    const bad = luaError(() => lua.doString('error("\\xff", 0)'));
    assert.equal(bad.message, '\ufffd');
  });

  test('a syntax error is a LuaError whose traceback is its message', () => {
    const lua = new Lua();
    const e = luaError(() => lua.doString('x = = 1', { chunkName: '=input' }));
    assert.equal(e.message, "input:1: unexpected symbol near '='");
    assert.equal(e.traceback, e.message);
    assert.deepEqual(e.frames, []);
  });

  test('tracebacks match lua5.4 for uncaught errors', (t) => {
    const lua54 = referenceBinary('lua', '5.4');
    if (lua54 === null) {
      t.skip(missingReference('lua', '5.4'));
      return;
    }
    const programs = [
      'local function inner()\n  error("boom")\nend\ninner()',
      'function obj_method(self) return self.x.y end\nlocal o = {m = obj_method}\no:m()',
      'local t = setmetatable({}, {__index = function (t, k) error("no field " .. k) end})\nprint(t.foo)',
      'string.rep()',
      'local function rec(n) if n == 0 then error("deep") end return 1 + rec(n - 1) end\nrec(30)',
      'local co = coroutine.wrap(function () error("in coroutine") end)\nco()',
      'error(setmetatable({}, {__tostring = function () return "tostring message" end}))',
      'local ok, e = pcall(error, "first")\nerror(e, 0)',
      'table.sort({3, 2, 1}, function (a, b) error("in comparator") end)',
      '("x"):bad()',
    ];
    const dir = mkdtempSync(join(tmpdir(), 'regolith-api-'));
    for (const program of programs) {
      writeFileSync(join(dir, 'f.lua'), program);
      const ref: { stderr: string } = spawnSync(lua54, ['f.lua'], { cwd: dir, encoding: 'utf8' });
      const expected: string = ref.stderr.replace(`${lua54}: `, '').replace(/\n$/, '');
      const lua = new Lua({ stdout: () => {} });
      const e = luaError(() => lua.doString(program, { chunkName: '@f.lua' }));
      assert.equal(e.traceback, expected, program);
    }
  });

  test('calling from JS: the JS caller is the bottom level, as lua.c’s C function', () => {
    const lua = new Lua();
    lua.doString('function f(x) return x.field end', { chunkName: '@lib.lua' });
    const e = luaError(() => lua.call('f', 1));
    assert.equal(e.message, "lib.lua:1: attempt to index a number value (local 'x')");
    assert.equal(e.traceback, "lib.lua:1: attempt to index a number value (local 'x')\nstack traceback:\n\tlib.lua:1: in function 'f'\n\t[C]: in ?");
  });

  test('an error through a JS function is the same LuaError object at every level', () => {
    const lua = new Lua();
    let inner: unknown;
    lua.global.set('js', () => {
      try {
        lua.doString('error({tag = "inner"})');
      } catch (e) {
        inner = e;
        throw e;
      }
    });
    // Lua sees the original error value (the same table) ...
    assert.deepEqual(lua.doString('local ok, e = pcall(js) return ok, e.tag'), [false, 'inner']);
    // ... and uncaught, JS sees the same LuaError object.
    const outer = caught(() => lua.doString('js()'));
    assert.equal(outer, inner);
  });
});

describe('JS exceptions of host functions', () => {
  test('uncaught by Lua, the original object arrives in JS (identity)', () => {
    const lua = new Lua();
    const err = new TypeError('original');
    lua.global.set('thrower', () => { throw err; });
    assert.equal(caught(() => lua.doString('thrower()')), err);
    assert.equal(caught(() => lua.doString('local function f() thrower() end f()')), err);
    // Through a coroutine.wrap, a metamethod, a for iterator, a to-be-closed variable.
    assert.equal(caught(() => lua.doString('coroutine.wrap(function () thrower() end)()')), err);
    assert.equal(caught(() => lua.doString('local t = setmetatable({}, {__index = thrower}) return t.x')), err);
    assert.equal(caught(() => lua.doString('for x in thrower do end')), err);
    assert.equal(caught(() => lua.doString('do local x <close> = setmetatable({}, {__close = function () end}) thrower() end')), err);
    // Not only Error objects.
    const plain = { code: 7 };
    lua.global.set('throwObj', () => { throw plain; });
    assert.equal(caught(() => lua.doString('throwObj()')), plain);
    lua.global.set('throwStr', () => { throw 'just a string'; });
    assert.equal(caught(() => lua.doString('throwStr()')), 'just a string');
    // Through nested Lua → JS → Lua → JS.
    lua.global.set('outer', () => lua.doString('thrower()'));
    assert.equal(caught(() => lua.doString('outer()')), err);
    // Through a call from JS.
    const [f] = lua.doString('return function () thrower() end') as [LuaFunctionHandle];
    assert.equal(caught(() => f.call()), err);
    // Through a coroutine handle, once: resuming the dead coroutine again is a Lua error.
    const co = f.coroutine();
    assert.equal(caught(() => co.resume()), err);
    assert.equal((caught(() => co.resume()) as Error).message, 'cannot resume dead coroutine');
    const [w] = lua.doString('return coroutine.wrap(function () thrower() end)') as [LuaFunctionHandle];
    assert.equal(caught(() => w.call()), err);
    assert.match((caught(() => w.call()) as Error).message, /cannot resume dead coroutine$/);
  });

  test('pcall catches them: Lua sees the message with the caller’s position', () => {
    const lua = new Lua();
    lua.global.set('thrower', () => { throw new Error('broken: é'); });
    assert.deepEqual(lua.doString('return pcall(function () thrower() end)', { chunkName: '=chunk' }), [false, 'chunk:1: broken: é']);
    // Called by pcall itself (a C function), no position, as luaL_error.
    assert.deepEqual(lua.doString('return pcall(thrower)'), [false, 'broken: é']);
    lua.global.set('throwStr', () => { throw 'plain'; });
    lua.global.set('throwObj', () => { throw { message: 'from message' }; });
    assert.deepEqual(lua.doString('return select(2, pcall(throwStr)), select(2, pcall(throwObj))'), ['plain', 'from message']);
    assert.deepEqual(lua.doString('return select(2, xpcall(thrower, function (m) return "handled: " .. m end))'), ['handled: broken: é']);
    // error(e) after pcall makes a new Lua error: what JS gets is a LuaError with the message.
    const e = luaError(() => lua.doString('local ok, e = pcall(thrower) error(e, 0)'));
    assert.equal(e.message, 'broken: é');
  });

  test('throwing a LuaError raises its value in Lua as it is', () => {
    const lua = new Lua();
    const raised = new LuaError({ code: 42 });
    lua.global.set('raise', () => { throw raised; });
    assert.deepEqual(lua.doString('local ok, e = pcall(raise) return ok, type(e), e.code'), [false, 'table', 42]);
    assert.equal(caught(() => lua.doString('raise()')), raised);
    lua.global.set('raiseStr', () => { throw new LuaError('exact message'); });
    assert.deepEqual(lua.doString('return pcall(function () raiseStr() end)'), [false, 'exact message']);
  });

  test('a JS stack overflow in a host function is a Lua "stack overflow"', () => {
    const lua = new Lua();
    const recurse = (n: number): number => recurse(n + 1) + 1;
    lua.global.set('overflow', () => recurse(0));
    assert.deepEqual(lua.doString('local ok, e = pcall(overflow) return ok, e'), [false, 'stack overflow']);
  });

  test('infinite JS ↔ Lua recursion ends in a catchable C stack overflow', () => {
    const lua = new Lua();
    lua.global.set('down', (n: number) => lua.call('up', n + 1)[0]);
    lua.doString('function up(n) return down(n) end');
    const [ok, msg] = lua.doString('return pcall(up, 0)');
    assert.equal(ok, false);
    assert.match(String(msg), /C stack overflow|stack overflow/);
    assert.equal(lua.doString('return 1 + 1')[0], 2);
    assert.equal(lua.state.engine.C.n, 0);
  });

  test('the wrong self for a method: lauxlib’s message', () => {
    const lua = new Lua();
    class Foo { m(): number { return 1; } }
    lua.registerClass(Foo);
    lua.global.set('foo', new Foo());
    assert.equal(luaError(() => lua.doString('local t = {m = foo.m} t:m()', { chunkName: '=c' })).message, "c:1: calling 'm' on bad self (Foo expected, got table)");
    assert.equal(luaError(() => lua.doString('foo.m(1)', { chunkName: '=c' })).message, "c:1: bad argument #1 to 'm' (Foo expected, got number)");
  });
});
