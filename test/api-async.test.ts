// Async runs (README.md, "Async"): a JS function returning a promise, called
// by Lua in an async run, suspends the run until the promise settles, from
// anywhere resumable code can be: pcall, metamethods, for iterators,
// coroutines, nested runs.
import assert from 'node:assert/strict';
import { test, describe } from 'node:test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Lua, LuaError, LuaLimitError, type LuaFunctionHandle, type LuaThreadHandle } from '../src/index.js';
import { missingReference, referenceBinary } from './support/reference.js';

const delay = <T>(ms: number, value?: T): Promise<T | undefined> => new Promise((resolve) => setTimeout(() => resolve(value), ms));

function newLua(): Lua {
  const lua = new Lua({ stdout: () => {} });
  lua.global.set('sleep', (ms: number, v?: unknown) => delay(ms, v));
  lua.global.set('fail', (msg: string) => delay(1).then(() => { throw new Error(msg); }));
  return lua;
}

describe('awaiting from Lua', () => {
  test('a promise returned to Lua is awaited; the event loop runs meanwhile', async () => {
    const lua = newLua();
    let fired = false;
    setTimeout(() => { fired = true; }, 5);
    const r = await lua.doStringAsync('local a = sleep(30, 20) local b = sleep(1, 22) return a + b');
    assert.deepEqual(r, [42]);
    assert.equal(fired, true);
  });

  test('timers fire between awaits of a long run', async () => {
    const lua = newLua();
    let ticks = 0;
    const iv = setInterval(() => { ticks++; }, 1);
    await lua.doStringAsync('for i = 1, 10 do sleep(2) end');
    clearInterval(iv);
    assert.ok(ticks >= 5, `${ticks} ticks`);
  });

  test('callAsync on a function handle and on a global name', async () => {
    const lua = newLua();
    const [f] = lua.doString('return function (x) return sleep(1, x * 2), "second" end') as [LuaFunctionHandle];
    assert.deepEqual(await f.callAsync(21), [42, 'second']);
    lua.doString('function g(x) return sleep(1, x + 1) end');
    assert.deepEqual(await lua.callAsync('g', 1), [2]);
    // A JS function as the entry.
    assert.deepEqual(await lua.callAsync(async (x: number) => x * 3, 5), [15]);
  });

  test('resolved values are converted: Lua.multi, tables, nothing', async () => {
    const lua = newLua();
    lua.global.set('many', async () => Lua.multi(1, 'b', [1, 2]));
    lua.global.set('nothing', async () => undefined);
    assert.deepEqual(await lua.doStringAsync('local a, b, c = many() return a, b, #c, select("#", nothing())'), [1, 'b', 2, 0]);
  });

  test('any thenable is awaited', async () => {
    const lua = newLua();
    lua.global.set('thenable', () => ({ then: (resolve: (v: unknown) => void) => setTimeout(() => resolve('from then'), 1) }));
    assert.deepEqual(await lua.doStringAsync('return thenable()'), ['from then']);
  });

  test('a rejection is a Lua error: pcall catches it, uncaught the reason itself reaches JS', async () => {
    const lua = newLua();
    assert.deepEqual(await lua.doStringAsync('return pcall(fail, "nope")'), [false, 'nope']);
    assert.deepEqual(await lua.doStringAsync('return pcall(function () fail("nope") end)', { chunkName: '=c' }), [false, 'c:1: nope']);
    const reason = new RangeError('the reason');
    lua.global.set('reject', () => Promise.reject(reason));
    await assert.rejects(lua.doStringAsync('reject()'), (e: unknown) => e === reason);
    await assert.rejects(lua.doStringAsync('local function f() reject() end f()'), (e: unknown) => e === reason);
    // A rejection with a non-Error value.
    lua.global.set('rejectStr', () => Promise.reject('plain reason'));
    assert.deepEqual(await lua.doStringAsync('return pcall(rejectStr)'), [false, 'plain reason']);
  });

  test('an error after an await: LuaError with its traceback', async () => {
    const lua = newLua();
    await assert.rejects(lua.doStringAsync('local function f()\n  sleep(1)\n  error("late")\nend\nf()', { chunkName: '@a.lua' }), (e: unknown) => {
      assert.ok(e instanceof LuaError);
      assert.equal(e.message, 'a.lua:3: late');
      assert.equal(e.traceback, "a.lua:3: late\nstack traceback:\n\t[C]: in function 'error'\n\ta.lua:3: in local 'f'\n\ta.lua:5: in main chunk\n\t[C]: in ?");
      return true;
    });
  });

  test('inside pcall and xpcall', async () => {
    const lua = newLua();
    assert.deepEqual(await lua.doStringAsync('return pcall(function (x) return sleep(1, x) end, 7)'), [true, 7]);
    assert.deepEqual(await lua.doStringAsync('return xpcall(function () sleep(1) error("e", 0) end, function (m) return "handled " .. m end)'), [false, 'handled e']);
  });

  test('inside metamethods', async () => {
    const lua = newLua();
    const r = await lua.doStringAsync(`
      local log = {}
      local mt = {
        __index = function (t, k) return sleep(1, k .. "!") end,
        __newindex = function (t, k, v) rawset(t, k, sleep(1, v * 2)) end,
        __add = function (a, b) return sleep(1, 100) end,
        __eq = function (a, b) return sleep(1, true) end,
        __lt = function (a, b) return sleep(1, true) end,
        __concat = function (a, b) return sleep(1, "cat") end,
        __len = function () return sleep(1, 7) end,
        __call = function (self, x) return sleep(1, x + 1) end,
        __close = function () log[#log + 1] = sleep(1, "closed") end,
      }
      local a, b = setmetatable({}, mt), setmetatable({}, mt)
      a.n = 5
      local x = a.foo
      do local c <close> = a end
      return x, rawget(a, "n"), a + b, a == b, a < b, a .. b, #a, a(41), log[1]`);
    assert.deepEqual(r, ['foo!', 10, 100, true, true, 'cat', 7, 42, 'closed']);
  });

  test('inside generic for iterators', async () => {
    const lua = newLua();
    const r = await lua.doStringAsync(`
      local out = {}
      for i, v in function (_, i) if i < 4 then return i + 1, sleep(1, i * 10) end end, nil, 0 do out[#out + 1] = v end
      return table.concat(out, ",")`);
    assert.deepEqual(r, ['0,10,20,30']);
  });

  test('inside coroutines: resume and wrap pass the await through', async () => {
    const lua = newLua();
    const r = await lua.doStringAsync(`
      local co = coroutine.create(function (a)
        local x = sleep(2, a + 1)
        local y = coroutine.yield(x)
        return sleep(2, y * 2)
      end)
      local ok1, v1 = coroutine.resume(co, 1)
      local ok2, v2 = coroutine.resume(co, 10)
      local gen = coroutine.wrap(function () for i = 1, 3 do coroutine.yield(sleep(1, i)) end end)
      local s = {} for v in gen do s[#s + 1] = v end
      return ok1, v1, ok2, v2, coroutine.status(co), table.concat(s, " ")`);
    assert.deepEqual(r, [true, 2, true, 20, 'dead', '1 2 3']);
  });

  test('coroutines nested in coroutines, with errors', async () => {
    const lua = newLua();
    const r = await lua.doStringAsync(`
      local inner = coroutine.wrap(function () local v = sleep(1, "deep") coroutine.yield(v) fail("inner failure") end)
      local outer = coroutine.create(function ()
        local a = inner()
        coroutine.yield(a .. "!")
        local ok, e = pcall(inner)
        return ok, e
      end)
      local _, first = coroutine.resume(outer)
      local _, ok, e = coroutine.resume(outer)
      return first, ok, e`, { chunkName: '=n' });
    assert.deepEqual(r, ['deep!', false, 'n:2: inner failure']);
  });

  test('a coroutine waiting for a promise is "normal": it cannot be resumed or closed meanwhile', async () => {
    const lua = newLua();
    let release!: (v: unknown) => void;
    lua.global.set('gate', () => new Promise((resolve) => { release = resolve; }));
    const [co] = lua.doString('co = coroutine.create(function () return gate() end) return co') as [LuaThreadHandle];
    const run = lua.doStringAsync('return coroutine.resume(co)');
    await delay(1);
    assert.equal(co.status, 'normal');
    assert.deepEqual(lua.doString('return coroutine.resume(co)'), [false, 'cannot resume non-suspended coroutine']);
    assert.deepEqual(lua.doString('return pcall(coroutine.close, co)'), [false, 'cannot close a normal coroutine']);
    release('done');
    assert.deepEqual(await run, [true, 'done']);
    assert.equal(co.status, 'dead');
  });

  test('coroutine handles: resumeAsync and for await', async () => {
    const lua = newLua();
    const [co] = lua.doString('return coroutine.create(function () for i = 1, 3 do coroutine.yield(sleep(1, i)) end return "end" end)') as [LuaThreadHandle];
    const got: unknown[] = [];
    for await (const v of co) got.push(v);
    assert.deepEqual(got, [1, 2, 3]);
    const [co2] = lua.doString('return coroutine.create(function (x) return sleep(1, x) end)') as [LuaThreadHandle];
    assert.deepEqual(await co2.resumeAsync(5), { done: true, values: [5] });
  });

  test('Lua → JS → Lua → JS: a JS async function running Lua that awaits', async () => {
    const lua = newLua();
    lua.doString('function inner(x) return sleep(2, x * 100) end');
    lua.global.set('viaJs', async (x: number) => {
      const [r] = await lua.callAsync('inner', x);
      await delay(1);
      return (r as number) + 1;
    });
    assert.deepEqual(await lua.doStringAsync('return viaJs(3) + viaJs(4)'), [301 + 401]);
  });

  test('a JS function that throws synchronously in an async run', async () => {
    const lua = newLua();
    const err = new Error('sync throw');
    lua.global.set('throws', () => { throw err; });
    await assert.rejects(lua.doStringAsync('sleep(1) throws()'), (e: unknown) => e === err);
  });

  test('yield outside a coroutine in an async run is still an error', async () => {
    const lua = newLua();
    assert.deepEqual(await lua.doStringAsync('return pcall(coroutine.yield, 1)'), [false, 'attempt to yield from outside a coroutine']);
  });

  test('deep recursion awaiting at the bottom', async () => {
    const lua = newLua();
    assert.deepEqual(await lua.doStringAsync('local function f(n) if n == 0 then return sleep(1, 0) end return 1 + f(n - 1) end return f(20000)'), [20000]);
  });
});

describe('where awaiting is not possible', () => {
  test('library functions that call Lua directly: attempt to yield across a C-call boundary', async () => {
    const lua = newLua();
    const boundary = (code: string) => lua.doStringAsync(`return pcall(function () ${code} end)`);
    assert.deepEqual(await boundary('table.sort({3, 1, 2}, function (a, b) return sleep(1, a < b) end)'), [false, 'attempt to yield across a C-call boundary']);
    assert.deepEqual(await boundary('return (("abc"):gsub(".", function (c) return sleep(1, c) end))'), [false, 'attempt to yield across a C-call boundary']);
    assert.deepEqual(await boundary('return tostring(setmetatable({}, {__tostring = function () return sleep(1, "x") end}))'), [false, 'attempt to yield across a C-call boundary']);
    // The run goes on afterwards.
    assert.deepEqual(await lua.doStringAsync('return sleep(1, "still fine")'), ['still fine']);
  });

  test('a sync call of a function returning a promise: a Lua error, and the promise is handled', async () => {
    const lua = newLua();
    let unhandled = 0;
    const onUnhandled = (): void => { unhandled++; };
    process.on('unhandledRejection', onUnhandled);
    try {
      lua.global.set('rejectLater', () => delay(1).then(() => { throw new Error('later'); }));
      assert.throws(() => lua.doString('sleep(1)', { chunkName: '=s' }), (e: unknown) => e instanceof LuaError && e.message === 's:1: attempt to await a JS promise outside an async run (use doStringAsync or callAsync)');
      assert.deepEqual(lua.doString('return pcall(rejectLater)'), [false, 'attempt to await a JS promise outside an async run (use doStringAsync or callAsync)']);
      await delay(10);
      assert.equal(unhandled, 0);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  test('a sync run inside an async one cannot await', async () => {
    const lua = newLua();
    lua.global.set('syncRun', () => Lua.multi(...lua.doString('return pcall(sleep, 1)')));
    assert.deepEqual(await lua.doStringAsync('return syncRun()'), [false, 'attempt to yield across a C-call boundary']);
  });
});

describe('overlapping runs of one state', () => {
  test('two async runs interleave at their awaits, sharing globals', async () => {
    const lua = newLua();
    const order: string[] = [];
    lua.global.set('log', (s: string) => { order.push(s); });
    const gates = new Map<string, () => void>();
    lua.global.set('gate', (name: string) => new Promise<void>((resolve) => gates.set(name, resolve)));
    const a = lua.doStringAsync('log("a1") gate("a") log("a2") shared = (shared or 0) + 1 return "a"');
    const b = lua.doStringAsync('log("b1") gate("b") log("b2") shared = (shared or 0) + 10 return "b"');
    // Both are waiting; let b go on first.
    assert.deepEqual(order, ['a1', 'b1']);
    gates.get('b')!();
    await b;
    gates.get('a')!();
    assert.deepEqual(await Promise.all([a, b]), [['a'], ['b']]);
    assert.deepEqual(order, ['a1', 'b1', 'b2', 'a2']);
    assert.equal(lua.global.get('shared'), 11);
  });

  test('each run has its own stack: errors, pcall and coroutines stay in their run', async () => {
    const lua = newLua();
    const runs = Array.from({ length: 20 }, (_, i) => lua.doStringAsync(`
      local co = coroutine.wrap(function (n) for k = 1, 3 do n = n + sleep(${(i * 7) % 5 + 1}, k) coroutine.yield(n) end end)
      local total = co(${i}) + co() + co()
      local ok, e = pcall(function () sleep(${i % 3 + 1}) error("run ${i}", 0) end)
      return total, ok, e, coroutine.running() ~= nil`));
    const results = await Promise.all(runs);
    results.forEach((r, i) => assert.deepEqual(r, [3 * i + 1 + 3 + 6, false, `run ${i}`, true]));
    const e = lua.state.engine;
    assert.equal(e.C.n, 0);
    assert.equal(e.machines.length, 0);
    assert.equal(e.current, e.main);
  });

  test('a sync call while an async run waits', async () => {
    // The run waits on a promise the test settles (no race between timers).
    const lua = newLua();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => { release = resolve; });
    lua.global.set('wait', () => gate);
    const run = lua.doStringAsync('x = 1 wait() return x');
    lua.doString('x = 2');
    release();
    assert.deepEqual(await run, [2]);
  });
});

describe('closing', () => {
  test('closing during an async run: its to-be-closed variables close, the run rejects', async () => {
    const out: string[] = [];
    const lua = new Lua({ stdout: (b) => out.push(Buffer.from(b).toString()) });
    lua.global.set('forever', () => new Promise(() => {}));
    const run = lua.doStringAsync('local x <close> = setmetatable({}, {__close = function () print("closed x") end}) forever()');
    await delay(1);
    lua.close();
    await assert.rejects(run, (e: unknown) => e instanceof Error && /closed during an async run/.test(e.message));
    assert.deepEqual(out, ['closed x\n']);
  });
});

// 5.1's pcall and xpcall are C functions that no coroutine can yield across;
// Regolith gives them resumable variants all the same, so that an async run
// (time slicing, awaits) or a stepper can stop inside them. A yield there
// must still fail as in lua5.1.
describe('Lua 5.1: pausing inside pcall and xpcall', () => {
  const newLua51 = (stdout: (b: Uint8Array) => void = () => {}): Lua => {
    const lua = new Lua({ dialect: '5.1', limits: {}, sliceMs: 1, stdout });
    lua.global.set('sleep', (ms: number, v?: unknown) => delay(ms, v));
    lua.global.set('fail', (msg: string) => delay(1).then(() => { throw new Error(msg); }));
    return lua;
  };
  const LOOP = 'local n = 0 for i = 1, 2e7 do n = n + 1 end return n';

  for (const [name, code] of [
    ['pcall', `return pcall(function () ${LOOP} end)`],
    ['xpcall', `return xpcall(function () ${LOOP} end, print)`],
    ['pcall in a coroutine', `return coroutine.wrap(function () return pcall(function () ${LOOP} end) end)()`],
  ] as const) {
    test(`a time-sliced run gives the event loop turns inside ${name}`, async () => {
      const lua = newLua51();
      let immediate = false, timer = false;
      setImmediate(() => { immediate = true; });
      setTimeout(() => { timer = true; }, 0);
      const run = lua.doStringAsync(code);
      assert.ok(!immediate && !timer);
      assert.deepEqual(await run, [true, 2e7]);
      assert.ok(immediate && timer, `callbacks ran before the run ended: immediate ${immediate}, timer ${timer}`);
    });
  }

  test('a signal stops a loop inside pcall or xpcall; limits are not caught', async () => {
    const lua = newLua51();
    for (const code of [
      'pcall(function () while true do end end) return "caught"',
      'xpcall(function () while true do end end, function (m) return m end) return "caught"',
    ]) {
      // The signal can fire only while the run pauses (the instruction limit is a backstop that takes seconds).
      const limits = { signal: AbortSignal.timeout(30), instructions: 3e8 };
      await assert.rejects(lua.doStringAsync(code, { limits }), (e: unknown) => e instanceof LuaLimitError && e.kind === 'signal', code);
      await assert.rejects(lua.doStringAsync(code, { limits: { instructions: 1e5 } }), (e: unknown) => e instanceof LuaLimitError && e.kind === 'instructions', code);
    }
    assert.deepEqual(await lua.doStringAsync('return pcall(error, "fine")'), [false, 'fine']);
  });

  test('a stepper stops inside pcall', () => {
    const lua = newLua51();
    const s = lua.stepper(lua.load('return pcall(function () local n = 0 for i = 1, 1e5 do n = n + 1 end return n end)'));
    let steps = 0, r;
    do { r = s.step({ instructions: 1000 }); steps++; } while (r.status === 'running');
    assert.deepEqual(r, { status: 'done', values: [true, 1e5] });
    assert.ok(steps > 50, `${steps} steps`);
  });

  test('awaits pass through pcall and xpcall (not through metamethods or iterators, which 5.1 calls as C)', async () => {
    const lua = newLua51();
    assert.deepEqual(await lua.doStringAsync('return pcall(sleep, 1, "x")'), [true, 'x']);
    assert.deepEqual(await lua.doStringAsync('return pcall(fail, "down")'), [false, 'down']);
    assert.deepEqual(await lua.doStringAsync('return xpcall(function () return sleep(1, 2) end, print)'), [true, 2]);
    assert.deepEqual(await lua.doStringAsync('return xpcall(function () sleep(1) error("e", 0) end, function (m) return "handled " .. m end)'), [false, 'handled e']);
    assert.deepEqual(await lua.doStringAsync('return pcall(function () return tostring(setmetatable({}, {__index = function () return sleep(1, 1) end}).x) end)'),
      [false, 'attempt to yield across a C-call boundary']);
    assert.deepEqual(await lua.doStringAsync('return pcall(function () for x in function () return sleep(1) end do end end)'), [false, 'attempt to yield across a C-call boundary']);
  });

  // Every pcall and xpcall here runs on the machine (the run is async): the
  // output must be lua5.1's, yields across them failing.
  const PROGRAM = `
print(pcall(coroutine.yield))
print(coroutine.resume(coroutine.create(function() print(pcall(coroutine.yield, 1)) return 7 end)))
print(coroutine.resume(coroutine.create(function() return pcall(function() coroutine.yield("in pcall") end) end)))
print(coroutine.resume(coroutine.create(function() return xpcall(function() coroutine.yield("in xpcall") end, function(m) return "handled: " .. m end) end)))
print(pcall(coroutine.wrap(function() pcall(coroutine.yield, 1) return "after" end)))
print(pcall(coroutine.wrap(function() return pcall(function() coroutine.yield(1) end) end)))
local w = coroutine.wrap(function(...) print("args", ...) print(pcall(coroutine.yield, "y")) return "fin" end)
print(w(1, 2))
-- coroutines inside pcall, pcall inside coroutines
print(pcall(function()
  local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
  return gen(), gen(), gen()
end))
print(coroutine.resume(coroutine.create(function()
  return pcall(function()
    local g = coroutine.wrap(function() coroutine.yield("inner") return "end" end)
    return g(), g()
  end)
end)))
local co = coroutine.wrap(function()
  for i = 1, 3 do
    local ok, v = pcall(function() return i * 2 end)
    coroutine.yield(ok, v)
  end
  return pcall(error, "done")
end)
print(co()) print(co()) print(co()) print(co())
-- errors, positions, handlers, tracebacks
print(pcall(function() error("boom") end))
print(pcall(function() error("boom", 2) end))
print(pcall(function() local t = nil; return t.x end))
print(pcall(error))
print(pcall(function() return 1, 2, 3 end))
print(select('#', pcall(function() return nil, nil end)))
print(xpcall(function() error("x") end, function(m) return m .. "!" end))
print(xpcall(function() error("x") end, function(m) error("again") end))
print(xpcall(function() error("x") end, nil))
print(xpcall(function() return "ok", 2 end, print))
print(xpcall(function() error("x") end, debug.traceback))
print(xpcall(function() local function inner() error("deep") end inner() end, debug.traceback))
print(pcall(pcall, error, "nested"))
print(pcall(xpcall, function() error("e") end, function(m) return "h:" .. m end))
print(coroutine.resume(coroutine.create(function() return xpcall(function() local x = nil; return x.y end, function(m) return "handled: " .. m end) end)))
print(pcall(function() return debug.traceback("tb") end))
print(pcall(function() local i = debug.getinfo(2, "nS") return i.what, i.name end))
-- a stack overflow's traceback in the handler ends with the outermost levels
local function y() y() end
local _, tb = xpcall(function() y() end, debug.traceback)
local lines = {}
for line in tb:gmatch("[^\\n]+") do lines[#lines + 1] = line end
print(#lines)
for i = #lines - 4, #lines do print(lines[i]) end
-- call hooks: pcall, xpcall and what they call are levels of their own
debug.sethook(function(e) local i = debug.getinfo(2, 'nS') print(e, i.name, i.what) end, 'cr')
pcall(type, 1)
xpcall(function() return 1 end, print)
pcall(error, "x")
pcall(pcall, type, 1)
debug.sethook()
`;

  test('yields across pcall and xpcall still fail, and the rest is as lua5.1 does it', { skip: referenceBinary('lua', '5.1') === null && missingReference('lua', '5.1') }, async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'regolith-pcall51-')), 'p.lua');
    writeFileSync(file, PROGRAM);
    const reference = spawnSync(referenceBinary('lua', '5.1')!, ['p.lua'], { cwd: dirname(file), encoding: 'utf8' });
    assert.equal(reference.status, 0, reference.stderr);
    let out = '';
    const lua = newLua51((b) => { out += new TextDecoder().decode(b); });
    await lua.doStringAsync(PROGRAM, { chunkName: '@p.lua' });
    assert.equal(out, reference.stdout);
  });
});
