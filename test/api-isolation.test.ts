// Two states in one process share nothing observable, and an error or a JS
// exception crossing the boundary leaves a state consistent and as fast as
// before (issue: one engine object per state).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LuaState, memoryHost, openLibs, toLuaString, fromLuaString } from '../src/index.js';
import type { LuaValue } from '../src/runtime/value.js';

function newState(): { L: LuaState; out: () => string; run: (code: string) => unknown } {
  const host = memoryHost();
  const L = new LuaState({ host });
  openLibs(L);
  return {
    L,
    out: () => { host.stdout.flush(); return fromLuaString(host.output()); },
    run: (code: string) => L.load(toLuaString(code), '=test')(),
  };
}

test('type metatables are per state: replacing string methods or the string metatable in one leaves the other alone', () => {
  const a = newState(), b = newState();
  a.run(`string.upper = function () return "hacked" end
         getmetatable("").__index = { rep = function () return "hacked too" end }
         debug.setmetatable(0, { __index = function () return "number field" end })`);
  assert.equal(a.run('return ("x"):rep(2)'), 'hacked too');
  assert.equal(a.run('return (5).anything'), 'number field');
  assert.equal(b.run('return ("x"):upper()'), 'X');
  assert.equal(b.run('return ("x"):rep(2)'), 'xx');
  assert.deepEqual(b.run('return pcall(function () return (5).anything end)'),
    [false, 'test:1: attempt to index a number value']);
  // A state created afterwards starts clean too.
  assert.equal(newState().run('return ("x"):upper()'), 'X');
});

test('debug hooks and debug mode are per state', () => {
  const a = newState(), b = newState();
  let fired = 0;
  a.L.globals.setStr('count', () => { fired++; return undefined; });
  a.run('debug.sethook(count, "", 1)');
  const firedAfterSet = fired;
  b.run('local s = 0 for i = 1, 2000 do s = s + i end return s');
  assert.equal(fired, firedAfterSet, "state A's count hook fired during state B's loop");
  assert.equal(b.L.engine.hooks.on, false);
  assert.equal(a.L.engine.hooks.on, true);
  // A's own code is hooked.
  a.run('local s = 0 for i = 1, 10 do s = s + i end');
  assert.ok(fired > firedAfterSet);
});

test('random state, warnings, loaded modules and globals are per state', () => {
  const a = newState(), b = newState();
  a.run('math.randomseed(42)');
  b.run('math.randomseed(42)');
  const x1 = a.run('return math.random(1, 1000000)');
  // B draws in between; A's sequence must not move.
  b.run('for i = 1, 10 do math.random() end');
  const x2 = a.run('return math.random(1, 1000000)');
  const c = newState();
  c.run('math.randomseed(42)');
  assert.deepEqual([x1, x2], [c.run('return math.random(1, 1000000)'), c.run('return math.random(1, 1000000)')]);

  a.run('warn("@on") package.preload.m = function () return "A module" end x = 1');
  assert.equal(a.L.warnings, true);
  assert.equal(b.L.warnings, false);
  assert.deepEqual(b.run('return package.preload.m, package.loaded.m, x'), [undefined, undefined, undefined]);
  assert.equal(a.run('return (require("m"))'), 'A module');
  assert.equal(b.run('return (pcall(require, "m"))'), false);
});

test('chunk registries are per state: error positions of one state never name the other', () => {
  const a = newState(), b = newState();
  // Interleave loads so that chunk numbers would collide across states.
  for (let i = 0; i < 5; i++) {
    a.run(`local x = ${i}`);
    b.run(`local y = ${i}`);
  }
  const fa = a.L.load(toLuaString('local t = nil\nreturn t.x'), '@a.lua');
  const fb = b.L.load(toLuaString('\n\nlocal t = nil\nreturn t.y'), '@b.lua');
  assert.throws(() => fa(), /a\.lua:2: attempt to index a nil value \(local 't'\)/);
  assert.throws(() => fb(), /b\.lua:4: attempt to index a nil value \(local 't'\)/);
});

test("a host function of one state running another state's code: each sees its own engine", () => {
  const a = newState(), b = newState();
  a.L.globals.setStr('runB', (code: LuaValue) => b.run(code as string));
  const r = a.run(`
    local ok, err = pcall(runB, "error('inside B')")
    return ok, err, ("x"):upper()`);
  assert.deepEqual(r, [false, 'test:1: inside B', 'X']);
  b.run('string.upper = nil');
  assert.equal(a.run('return ("y"):upper()'), 'Y');
  assert.equal(a.L.engine.D.n, 0);
  assert.equal(b.L.engine.D.n, 0);
});

/** fib(27) in state L, compiled once; the best of `n` timings, interleaved with those of `other` so that load drift hits both alike. */
function fibTimes(states: LuaState[], n: number): number[] {
  const fibs = states.map((L) => L.load(toLuaString(
    'local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end return fib(27)'), '=fib'));
  const best = states.map(() => Infinity);
  for (let i = 0; i < n; i++) {
    fibs.forEach((f, k) => {
      const t0 = performance.now();
      assert.equal(f(), 196418);
      best[k] = Math.min(best[k]!, performance.now() - t0);
    });
  }
  return best;
}

test('10,000 errors escaping to JavaScript leave the depth counter and the speed unchanged', () => {
  const a = newState();
  for (let i = 0; i < 10000; i++) {
    assert.throws(() => a.run('local function f(n) if n == 0 then error("x") end return f(n - 1) end f(5)'));
  }
  assert.equal(a.L.engine.D.n, 0);
  assert.equal(a.L.engine.C.n, 0);
  // Compared with a fresh state in the same run (a raised depth counter made fib 10-60x slower).
  const [damaged, fresh] = fibTimes([a.L, newState().L], 5);
  assert.ok(damaged! / fresh! < 2, `fib(27) took ${damaged!.toFixed(1)} ms after the errors, ${fresh!.toFixed(1)} ms in a fresh state`);
});

test('a JavaScript exception thrown through deep Lua frames leaves the state consistent', () => {
  const a = newState();
  const boom = new TypeError('host failure');
  a.L.globals.setStr('fail', () => { throw boom; });
  // Direct frames, frames on the trampoline (deep recursion), and a coroutine.
  for (const code of [
    'local function f(n) if n == 0 then fail() end return 1 + f(n - 1) end return f(50)',
    'local function f(n) if n == 0 then fail() end return 1 + f(n - 1) end return f(30000)',
    'local co = coroutine.wrap(function () fail() end) co()',
  ]) {
    assert.throws(() => a.run(code));
    assert.equal(a.L.engine.D.n, 0);
    assert.equal(a.L.engine.C.n, 0);
    assert.equal(a.L.engine.machines.length, 0);
    assert.equal(a.L.engine.current, a.L.engine.main);
    assert.equal(a.run('return coroutine.isyieldable()'), false);
    assert.deepEqual(a.run('return select(2, coroutine.running()), 1 + 1'), [true, 2]);
  }
});

test("API functions are named per state: each state's tracebacks find its own in package.loaded", async () => {
  const { Lua } = await import('../src/index.js');
  const a = new Lua(), b = new Lua();
  // The first API function of each state has the same JS name in both.
  for (const [lua, name] of [[a, 'fa'], [b, 'fb']] as const) {
    lua.doString(`package.loaded.m = {}`);
    const m = lua.global.get('package.loaded.m') as import('../src/index.js').LuaTableHandle;
    m.set(name, lua.fn((cb: () => unknown) => cb()));
  }
  const trace = (lua: InstanceType<typeof Lua>, name: string) => lua.doString(
    `return select(2, xpcall(function () return package.loaded.m.${name}(function () error("x") end) end, debug.traceback))`,
    { chunkName: '=t' })[0] as string;
  assert.match(trace(a, 'fa'), /\[C\]: in function 'm\.fa'/);
  assert.match(trace(b, 'fb'), /\[C\]: in function 'm\.fb'/);
});
