// Resource limits (issue: sandbox and limits): every kind of limit stops a
// run with a LuaLimitError that Lua code cannot catch, __close handlers
// still run, and the state is healthy afterwards with a fresh budget.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Lua, LuaError, LuaLimitError, type Limits } from '../src/index.js';
import '../src/node.js';

/** Runs `code` and returns the limit error it must end with. */
function limitError(lua: Lua, code: string, limits?: Limits): LuaLimitError {
  try {
    lua.doString(code, limits ? { limits } : {});
  } catch (e) {
    if (e instanceof LuaLimitError) return e;
    throw e;
  }
  assert.fail(`no limit was hit by: ${code}`);
}

function newLua(limits: Limits = {}): { lua: Lua; out: () => string } {
  let out = '';
  const lua = new Lua({ limits, stdout: (b) => { out += new TextDecoder().decode(b); } });
  return { lua, out: () => out };
}

test('every kind of loop and recursion stops at the instruction limit', () => {
  const { lua } = newLua({ instructions: 100_000 });
  const loops = [
    'while true do end',
    'repeat until false',
    'for i = 1, math.maxinteger do end',
    'for i = 1, math.huge do end',
    'for _ in function() return 1 end do end',
    '::top:: goto top',
    'local function f() return f() end f()',
    'local function f() f() end f()',
    'local t = setmetatable({}, {__index = function(t, k) return k end}) while true do local _ = t.x end',
    'local co = coroutine.wrap(function() while true do coroutine.yield() end end) while true do co() end',
    'while true do coroutine.wrap(function() end)() end',
    'local s = ("x"):rep(100) s:gsub(".", function() while true do end end)',
    'local t = {3, 2, 1} table.sort(t, function(a, b) while true do end end)',
    'local t = {} for i = 1, 100 do t[i] = i end while true do table.sort(t) end',
    'string.rep("x", 1e6):find(".-y")',
    'local s = ("a"):rep(5e4) s:find(".-b")',
    'table.move({}, 1, 1e12, 2)',
    'local s = ("x"):rep(1e5) while true do s:upper() end',
    'while true do load("return 1") end',
  ];
  for (const code of loops) {
    const e = limitError(lua, code);
    assert.equal(e.kind, 'instructions', code);
    assert.equal(e.limit, 100_000);
    assert.ok(e.used >= 100_000 && e.used < 200_000, `${code}: used ${e.used}`);
    assert.equal(e.message, 'instruction limit exceeded');
  }
  assert.deepEqual(lua.doString('local n = 0 for i = 1, 1000 do n = n + i end return n'), [500500]);
});

test('pcall, xpcall, coroutines and error handlers cannot catch a limit', () => {
  const { lua, out } = newLua({ instructions: 50_000 });
  const attempts = [
    'print(pcall(function() while true do end end)) print("after pcall")',
    'print(xpcall(function() while true do end end, function(m) print("handler", m) return m end)) print("after")',
    'print(coroutine.resume(coroutine.create(function() while true do end end))) print("after resume")',
    'print(pcall(coroutine.wrap(function() while true do end end))) print("after wrap")',
    'print(pcall(load, function() while true do end end)) print("after load")',
    'print(select("#", pcall(string.gsub, "abc", ".", function() while true do end end))) print("after gsub")',
  ];
  for (const code of attempts) {
    const e = limitError(lua, code);
    assert.equal(e.kind, 'instructions', code);
  }
  assert.equal(out(), '', 'no Lua code ran after the limit');
});

test('__close handlers run on a small grace budget and cannot stop the limit', () => {
  const { lua, out } = newLua({ instructions: 50_000 });
  const e = limitError(lua, `
    local function closer(name) return setmetatable({}, {__close = function(_, err) print("closed", name, err) end}) end
    local a <close> = closer("a")
    do
      local b <close> = closer("b")
      local c <close> = setmetatable({}, {__close = function() error("close failed") end})
      while true do end
    end`);
  assert.equal(e.kind, 'instructions');
  assert.equal(out(), 'closed\tb\tinstruction limit exceeded\nclosed\ta\tinstruction limit exceeded\n');
  // A handler that itself loops is stopped by the grace budget.
  const e2 = limitError(lua, `
    local x <close> = setmetatable({}, {__close = function() while true do end end})
    while true do end`);
  assert.equal(e2.kind, 'instructions');
  assert.ok(e2.used < 200_000);
});

test('the state stays healthy after a limit: counters back, fresh budget, other runs unlimited', () => {
  const { lua } = newLua();
  for (let i = 0; i < 50; i++) {
    limitError(lua, 'local function f(n) return f(n + 1) + 1 end f(1)', { depth: 100 + i });
    limitError(lua, 'while true do end', { instructions: 1000 });
  }
  const engine = lua.state.engine;
  assert.equal(engine.D.n, 0);
  assert.equal(engine.B.lv, 0);
  assert.equal(engine.C.n, 0);
  assert.equal(engine.machines.length, 0);
  assert.equal(engine.B.run, null);
  // No limits now: a long run completes.
  assert.deepEqual(lua.doString('local n = 0 for i = 1, 3e6 do n = n + 1 end return n'), [3e6]);
  // Each run has its own budget: ten runs of 60% of the limit all complete.
  lua.limits = { instructions: 100_000 };
  for (let i = 0; i < 10; i++) lua.doString('for i = 1, 30000 do end');
  lua.limits = null;
});

test('an error unwinding direct frames run from a coroutine gives their call levels back (no false depth limit)', () => {
  const { lua } = newLua({ depth: 100 });
  // Each sort comparator is a direct-mode call made by a library function on
  // the coroutine's machine; its error is caught there by pcall.
  assert.deepEqual(lua.doString(`
    local co = coroutine.wrap(function()
      local n = 0
      for i = 1, 1000 do
        if not pcall(table.sort, {3, 2, 1}, function() error("x") end) then n = n + 1 end
      end
      return n
    end)
    return co()`), [1000]);
  assert.equal(lua.state.engine.B.lv, 0);
  assert.equal(lua.state.engine.D.n, 0);
});

test('call depth limit: direct frames and the heap stack, with a traceback', () => {
  const { lua } = newLua();
  for (const depth of [10, 1000, 50_000]) {
    const e = limitError(lua, 'local function f(n) return 1 + f(n + 1) end return f(1)', { depth });
    assert.equal(e.kind, 'depth');
    assert.equal(e.limit, depth);
    assert.ok(e.used > depth && e.used <= depth + 2, `depth ${depth}: used ${e.used}`);
  }
  const e = limitError(lua, 'local function f(n) return 1 + f(n + 1) end\nreturn f(1)', { depth: 20 });
  assert.match(e.traceback, /^call depth limit exceeded\nstack traceback:\n\t\[string "local function f\(n\) return 1 \+ f\(n \+ 1\) end\.\.\."\]:1: in upvalue 'f'/);
  // Deep but within the limit: completes.
  assert.deepEqual(lua.doString('local function f(n) if n == 0 then return 0 end return 1 + f(n - 1) end return f(900)', { limits: { depth: 1000 } }), [900]);
});

test('time limit, AbortSignal and interrupt stop sync runs, and async runs while they await', async () => {
  const { lua } = newLua();
  let t0 = performance.now();
  const e = limitError(lua, 'while true do end', { timeoutMs: 100 });
  const took = performance.now() - t0;
  assert.equal(e.kind, 'time');
  assert.ok(took >= 100 && took < 200, `took ${took} ms`);

  const ac = new AbortController();
  let calls = 0;
  lua.global.set('tick', () => { if (++calls === 100) ac.abort(); });
  assert.equal(limitError(lua, 'while true do tick() end', { signal: ac.signal }).kind, 'signal');
  // Seen at the next safe point: within one check slice (4096 units: 2 per iteration here).
  assert.ok(calls >= 100 && calls <= 100 + 2048, `${calls} calls`);

  let polled = 0;
  const e3 = limitError(lua, 'local s = ("a"):rep(1e5) s:find(".-b")', { interrupt: () => ++polled > 3 });
  assert.equal(e3.kind, 'interrupt');

  // An async run awaiting a promise that never settles is stopped by its deadline and its signal.
  lua.global.set('never', () => new Promise(() => {}));
  t0 = performance.now();
  await assert.rejects(lua.doStringAsync('never()', { limits: { timeoutMs: 80 } }), (err: unknown) => err instanceof LuaLimitError && err.kind === 'time');
  assert.ok(performance.now() - t0 < 300);
  const ac2 = new AbortController();
  setTimeout(() => ac2.abort(), 30);
  const { out, lua: lua2 } = newLua();
  lua2.global.set('never', () => new Promise(() => {}));
  await assert.rejects(lua2.doStringAsync('local x <close> = setmetatable({}, {__close = function(_, e) print("closed", e) end}) never()', { limits: { signal: ac2.signal } }),
    (err: unknown) => err instanceof LuaLimitError && err.kind === 'signal');
  assert.equal(out(), 'closed\trun aborted\n');
});

test('string size and string bombs', () => {
  const { lua } = newLua({ stringSize: 1 << 20 });
  for (const code of [
    'return ("x"):rep(2^21)',
    'local s = "x" while true do s = s .. s end',
    'local s = ("x"):rep(1000) while true do s = s .. "y" end',
    'return ("x"):rep(1000, ("y"):rep(2000))',
    'local t = {} for i = 1, 2^21 do t[i] = "x" end return table.concat(t)',
    'return (("x"):rep(1000)):gsub("x", ("y"):rep(2000))',
    'return string.format("%s%s", ("x"):rep(2^19), ("x"):rep(2^19 + 1))',
  ]) {
    const e = limitError(lua, code);
    assert.equal(e.kind, 'string', code);
    assert.equal(e.limit, 1 << 20);
    assert.ok(e.used > 1 << 20, code);
  }
  assert.deepEqual(lua.doString('return #("x"):rep(2^20)'), [1 << 20]);
});

test('memory: table growth, string hoarding and coroutine spam stop near the limit; lua mode raises a catchable "not enough memory"', () => {
  const limit = 32 * 2 ** 20;
  const { lua } = newLua({ memory: limit });
  for (const code of [
    'local t = {} while true do t[#t + 1] = ("x"):rep(1000) .. #t end',
    'local t = {} local i = 0 while true do i = i + 1 t[i] = {i} end',
    'local t = {} while true do t[#t + 1] = coroutine.create(print) end',
    'local t = {} local i = 0 while true do i = i + 1 t["k" .. i] = i end',
    'local t = {} while true do t[{}] = true end',
    'local l = nil while true do l = {l, 1, 2, 3} end',
  ]) {
    const e = limitError(lua, code);
    assert.equal(e.kind, 'memory', code);
    assert.ok(e.used > limit && e.used < 2 * limit, `${code}: used ${e.used}`);
  }
  // A program that churns garbage is not stopped.
  assert.deepEqual(lua.doString('local n = 0 for i = 1, 2e5 do local t = {i, tostring(i) .. "abc"} n = n + #t end return n'), [4e5]);
  // collectgarbage("count") reports the engine's accounting (KB), below the limit.
  const [kb] = lua.doString('return collectgarbage("count")') as number[];
  assert.ok(kb > 0 && kb < limit / 1024, `count ${kb}`);
  // lua5.4's behaviour on request: a catchable error.
  const { lua: lua2 } = newLua({ memory: limit, memoryError: 'lua' });
  assert.deepEqual(lua2.doString('local t = {} local ok, e = pcall(function() while true do t[#t + 1] = ("x"):rep(1000) .. #t end end) t = nil return ok, e'), [false, 'not enough memory']);
});

test('limits need a state created with limits; per-run limits override the state\'s', () => {
  const plain = new Lua();
  assert.throws(() => plain.doString('return 1', { limits: { instructions: 10 } }), /created without limits/);
  assert.throws(() => plain.stepper('print'), /created without limits/);
  const { lua } = newLua({ instructions: 1000 });
  assert.equal(limitError(lua, 'for i = 1, 1e6 do end').limit, 1000);
  assert.deepEqual(lua.doString('local n = 0 for i = 1, 1e5 do n = n + 1 end return n', { limits: { instructions: 1e7 } }), [1e5]);
  assert.equal(lua.withLimits({ instructions: 500 }, () => limitError(lua, 'for i = 1, 1e6 do end')).limit, 500);
  // Nested calls from JS are part of the outer run.
  lua.global.set('inner', () => lua.doString('for i = 1, 400 do end'));
  assert.equal(limitError(lua, 'for i = 1, 10 do inner() end').kind, 'instructions');
});

test('a plain Lua error is still an ordinary LuaError in a limited state', () => {
  const { lua } = newLua({ instructions: 1e6 });
  // Limited code compiles its checks around every operand shape (a number literal concatenated: found by the fuzzer).
  assert.deepEqual(lua.doString('local x = "a" return 1 .. x, x .. 2, 1 .. 2, 1.5 .. x'), ['1a', 'a2', '12', '1.5a']);
  assert.throws(() => lua.doString('error("boom")'), (e: unknown) => e instanceof LuaError && !(e instanceof LuaLimitError) && e.message.endsWith('boom'));
  assert.deepEqual(lua.doString('return pcall(error, "x")'), [false, 'x']);
});

test('time slicing: a timer keeps firing on time while a long async script runs', async () => {
  const { lua } = newLua();
  const script = 'local n = 0 for i = 1, 2e8 do n = n + 1 end return n';
  /** The 10 ms timer's firings during a run of the script, and how long it took. */
  const firings = async (sliceMs?: number): Promise<{ gaps: number[]; took: number }> => {
    const fired: number[] = [];
    const start = performance.now();
    const timer = setInterval(() => fired.push(performance.now()), 10);
    try {
      assert.deepEqual(await lua.doStringAsync(script, sliceMs === undefined ? {} : { sliceMs }), [2e8]);
    } finally {
      clearInterval(timer);
    }
    const took = performance.now() - start;
    return { gaps: fired.map((t, i) => t - (i === 0 ? start : fired[i - 1]!)), took };
  };
  // Without slicing the script holds the event loop: the timer cannot fire during it.
  const held = await firings();
  assert.ok(held.took > 100, `the script took ${held.took} ms: too short to show anything`);
  assert.ok(held.gaps.length <= 1, `${held.gaps.length} firings without slicing`);
  // With 5 ms slices it fires about every 10 ms throughout (timing is loose on a loaded machine).
  const sliced = await firings(5);
  const sorted = [...sliced.gaps].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  assert.ok(sliced.gaps.length >= sliced.took / 40, `${sliced.gaps.length} firings in ${sliced.took} ms`);
  assert.ok(median < 20, `median gap ${median} ms`);
});

test('steppers: step by instructions, interleave without mixing coroutines or limits', () => {
  const { lua } = newLua();
  const code = `local name, n = ...
    local co = coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end)
    local sum = 0
    for i = 1, n do sum = sum + co() end
    return name, sum`;
  const a = lua.stepper(lua.load(code), 'a', 20000);
  const b = lua.stepper(lua.load(code), 'b', 10000);
  let stepsA = 0, stepsB = 0;
  let ra, rb;
  for (;;) {
    if (!a.done) { ra = a.step({ instructions: 5000 }); stepsA++; }
    if (!b.done) { rb = b.step({ instructions: 5000 }); stepsB++; }
    if (a.done && b.done) break;
  }
  assert.deepEqual(ra, { status: 'done', values: ['a', 200010000] });
  assert.deepEqual(rb, { status: 'done', values: ['b', 50005000] });
  assert.ok(stepsA > 10 && stepsB > 5 && stepsA > stepsB, `${stepsA} ${stepsB}`);
  // A stepper under a limit ends with an error result; the others are unaffected.
  const c = lua.withLimits({ instructions: 20000 }, () => lua.stepper(lua.load('while true do end')));
  const d = lua.stepper(lua.load('for i = 1, 30000 do end return "d done"'));
  let rc, rd;
  do rc = c.step({ instructions: 1000 }); while (rc.status === 'running');
  assert.equal(rc.status, 'error');
  assert.ok(rc.status === 'error' && rc.error instanceof LuaLimitError && rc.error.kind === 'instructions');
  do rd = d.step({ instructions: 1000 }); while (rd.status === 'running');
  assert.deepEqual(rd, { status: 'done', values: ['d done'] });
  assert.throws(() => c.step(), /ended/);
});

test('steppers run as coroutines of their own: hooks and coroutine.running are theirs; a yield returns to the host', () => {
  const { lua } = newLua();
  lua.global.set('log', []);
  const a = lua.stepper(lua.load(`
    hits = 0
    debug.sethook(function() hits = hits + 1 end, "", 1000)
    local me = tostring(coroutine.running())
    for i = 1, 50000 do end
    debug.sethook()
    return me, hits > 0`));
  const b = lua.stepper(lua.load(`
    local me = tostring(coroutine.running())
    for i = 1, 20000 do end
    local x = coroutine.yield("half")
    for i = 1, 20000 do end
    return me, debug.gethook() == nil, coroutine.isyieldable()`));
  let ra, rb;
  const yields: unknown[] = [];
  while (!a.done || !b.done) {
    if (!a.done) ra = a.step({ instructions: 3000 });
    if (!b.done) {
      rb = b.step({ instructions: 3000 });
      if (rb.status === 'yielded') yields.push(...rb.values);
    }
  }
  assert.ok(ra?.status === 'done' && rb?.status === 'done');
  const [threadA, hooked] = ra.values;
  const [threadB, unhooked, yieldable] = rb.values;
  assert.equal(hooked, true, "A's hook fired in A");
  assert.equal(unhooked, true, "A's hook is not B's");
  assert.equal(yieldable, true);
  assert.notEqual(threadA, threadB);
  assert.deepEqual(yields, ['half']);
});

test('a stepper ended by an error closes its to-be-closed variables, those of direct-mode frames too; a failing __close replaces the error', () => {
  const { lua, out } = newLua();
  const a = lua.stepper(lua.load(`
    local x <close> = setmetatable({}, {__close = function(_, e) print("closed x", e) end})
    string.gsub("a", "a", function()
      local y <close> = setmetatable({}, {__close = function(_, e) print("closed y", e) end})
      error("boom", 0)
    end)`));
  const ra = a.step();
  assert.ok(ra.status === 'error');
  assert.equal(ra.error.value, 'boom');
  const b = lua.stepper(lua.load(`
    local x <close> = setmetatable({}, {__close = function(_, e) print("closed x2", e); error("close failed", 0) end})
    error("boom2", 0)`));
  const rb = b.step();
  assert.ok(rb.status === 'error');
  assert.equal(rb.error.value, 'close failed');
  assert.equal(out(), 'closed y\tboom\nclosed x\tboom\nclosed x2\tboom2\n');
});

test('two limited states do not share budgets', () => {
  const a = newLua({ instructions: 1e5 }).lua;
  const b = newLua({ instructions: 1e9 }).lua;
  a.global.set('runB', () => b.doString('local n = 0 for i = 1, 1e6 do n = n + 1 end return n')[0]);
  // B's long run inside A's run is B's work, charged to B.
  assert.deepEqual(a.doString('return runB()'), [1e6]);
  assert.equal(limitError(a, 'while true do end').kind, 'instructions');
});
