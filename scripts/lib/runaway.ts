// Runaway scripts and the limits that stop them: the cases of docs/limits.md
// (scripts/runaway.ts writes it) and of test/limits-runaway.test.ts. Each case
// runs in one shared state; after each, the state must run a normal script.
import { Lua, LuaLimitError, type Limits, type LimitKind } from '../../src/index.js';
import '../../src/node.js';

export interface RunawayCase {
  /** What kind of runaway it is (the list). */
  group: string;
  name: string;
  code: string;
  /** Its limits (a function: made when the case runs, for a signal or an interrupt that starts a clock). */
  limits: Limits | (() => Limits);
  /** The limit that must stop it. */
  kind: LimitKind;
  /**
   * Run it as an async run with time slicing: a signal aborted by a timer
   * (or any event) can only be seen by a run that gives the event loop turns.
   */
  sliced?: boolean;
}

const I = 1_000_000;

/** An interrupt callback that asks to stop once `ms` milliseconds have passed since its first call. */
function stopAfter(ms: number): () => boolean {
  let stop = 0;
  return () => {
    const now = performance.now();
    if (stop === 0) stop = now + ms;
    return now > stop;
  };
}
const MB = 2 ** 20;

export const CASES: RunawayCase[] = [
  { group: 'infinite loops', name: 'while', code: 'while true do end', limits: { instructions: I }, kind: 'instructions' },
  { group: 'infinite loops', name: 'repeat', code: 'repeat local x = 1 until false', limits: { instructions: I }, kind: 'instructions' },
  { group: 'infinite loops', name: 'numeric for', code: 'for i = 1, math.maxinteger do end', limits: { instructions: I }, kind: 'instructions' },
  { group: 'infinite loops', name: 'float for', code: 'for i = 1, math.huge, 0.5 do end', limits: { instructions: I }, kind: 'instructions' },
  { group: 'infinite loops', name: 'generic for', code: 'for _ in function() return true end do end', limits: { instructions: I }, kind: 'instructions' },
  { group: 'infinite loops', name: 'goto', code: '::top:: goto top', limits: { instructions: I }, kind: 'instructions' },
  { group: 'infinite loops', name: 'tail calls', code: 'local function f() return f() end f()', limits: { instructions: I }, kind: 'instructions' },
  { group: 'infinite loops', name: 'loop under pcall', code: 'while true do pcall(function() while true do end end) end', limits: { instructions: I }, kind: 'instructions' },
  { group: 'infinite loops', name: 'wall clock', code: 'while true do end', limits: { timeoutMs: 200 }, kind: 'time' },
  { group: 'deep recursion', name: 'Lua recursion', code: 'local function f(n) return 1 + f(n + 1) end f(1)', limits: { depth: 10_000 }, kind: 'depth' },
  { group: 'deep recursion', name: 'recursion on the heap stack', code: 'local function f(n) return 1 + f(n + 1) end f(1)', limits: { depth: 150_000 }, kind: 'depth' },
  { group: 'deep recursion', name: 'recursion through pcall', code: 'local function f() pcall(f) f() end f()', limits: { instructions: I }, kind: 'instructions' },
  { group: 'pattern-matching bombs', name: "find '.-b'", code: 'local s = ("a"):rep(1e5) s:find(".-b")', limits: { instructions: I }, kind: 'instructions' },
  { group: 'pattern-matching bombs', name: 'backtracking a?^n a^n', code: 'local n = 40 local s = ("a"):rep(n) s:find(("a?"):rep(n) .. ("a"):rep(n))', limits: { instructions: I }, kind: 'instructions' },
  { group: 'pattern-matching bombs', name: 'gmatch', code: 'for m in (("a"):rep(1e5)):gmatch("a-a-a-b") do end', limits: { instructions: I }, kind: 'instructions' },
  { group: 'pattern-matching bombs', name: 'pattern bomb, wall clock', code: 'local s = ("a"):rep(3e7) s:find(".-b")', limits: { timeoutMs: 300 }, kind: 'time' },
  { group: 'string.rep and concatenation bombs', name: 'string.rep', code: 'local s = ("x"):rep(2^28)', limits: { stringSize: 16 * MB }, kind: 'string' },
  { group: 'string.rep and concatenation bombs', name: 'doubling concatenation', code: 'local s = "x" while true do s = s .. s end', limits: { stringSize: 16 * MB }, kind: 'string' },
  { group: 'string.rep and concatenation bombs', name: 'table.concat', code: 'local t = {} for i = 1, 2^25 do t[i] = "x" end local s = table.concat(t)', limits: { stringSize: 16 * MB }, kind: 'string' },
  { group: 'string.rep and concatenation bombs', name: 'gsub expansion', code: 'local s = ("x"):rep(1e4) for i = 1, 5 do s = s:gsub("x", "xxxxxxxx") end', limits: { stringSize: 16 * MB }, kind: 'string' },
  { group: 'string.rep and concatenation bombs', name: 'hoarding strings', code: 'local t = {} while true do t[#t + 1] = ("x"):rep(1e4) .. #t end', limits: { memory: 64 * MB }, kind: 'memory' },
  { group: 'table growth', name: 'array part', code: 'local t = {} local i = 0 while true do i = i + 1 t[i] = i end', limits: { memory: 64 * MB }, kind: 'memory' },
  { group: 'table growth', name: 'tables in a table', code: 'local t = {} while true do t[#t + 1] = {} end', limits: { memory: 64 * MB }, kind: 'memory' },
  { group: 'table growth', name: 'string keys', code: 'local t = {} local i = 0 while true do i = i + 1 t["k" .. i] = true end', limits: { memory: 64 * MB }, kind: 'memory' },
  { group: 'table growth', name: 'linked list', code: 'local l while true do l = {l} end', limits: { memory: 64 * MB }, kind: 'memory' },
  { group: 'coroutine spam', name: 'kept coroutines', code: 'local t = {} while true do t[#t + 1] = coroutine.create(print) end', limits: { memory: 64 * MB }, kind: 'memory' },
  { group: 'coroutine spam', name: 'endless resumes', code: 'local co = coroutine.wrap(function() while true do coroutine.yield() end end) while true do co() end', limits: { instructions: I }, kind: 'instructions' },
  { group: 'coroutine spam', name: 'new coroutine each time', code: 'while true do coroutine.wrap(function() coroutine.yield() end)() end', limits: { instructions: I }, kind: 'instructions' },
  { group: 'gsub callbacks that loop', name: 'gsub callback', code: 'local s = ("x"):rep(100) s:gsub(".", function() while true do end end)', limits: { instructions: I }, kind: 'instructions' },
  { group: 'sort comparators that loop', name: 'sort comparator', code: 'local t = {} for i = 1, 100 do t[i] = i end table.sort(t, function(a, b) while true do end end)', limits: { instructions: I }, kind: 'instructions' },
  { group: 'sort comparators that loop', name: 'sorting forever', code: 'local t = {} for i = 1, 1000 do t[i] = -i end while true do table.sort(t) end', limits: { instructions: I }, kind: 'instructions' },
  { group: '__index chains', name: '__index function recursion', code: 'local t = setmetatable({}, {__index = function(t, k) return t[k] end}) local _ = t.x', limits: { depth: 100 }, kind: 'depth' },
  { group: '__index chains', name: '__index in a loop', code: 'local t = setmetatable({}, {__index = function(t, k) return k end}) while true do local _ = t.x end', limits: { instructions: I }, kind: 'instructions' },
  { group: 'library calls', name: 'table.move of 2^40 elements', code: 'table.move({}, 1, 2^40, 2)', limits: { instructions: I }, kind: 'instructions' },
  { group: 'library calls', name: 'load in a loop', code: 'while true do load("return 1") end', limits: { instructions: I }, kind: 'instructions' },
  { group: 'signal and interrupt', name: 'AbortSignal (async run, 10 ms slices)', code: 'while true do end', limits: () => ({ signal: AbortSignal.timeout(100) }), kind: 'signal', sliced: true },
  { group: 'signal and interrupt', name: 'interrupt callback in a pattern match', code: 'local s = ("a"):rep(1e5) s:find(".-b")', limits: () => ({ interrupt: stopAfter(100) }), kind: 'interrupt' },
];

export interface RunawayResult {
  c: RunawayCase;
  /** The error's kind, or what else happened. */
  got: string;
  message: string;
  limit: number;
  used: number;
  ms: number;
  /** Stopped by the expected limit, within twice it. */
  ok: boolean;
  /** The state ran a normal script afterwards. */
  healthy: boolean;
}

/** The limit that a case's kind is measured against, in the unit `used` has. */
function measuredLimit(c: RunawayCase, l: Limits): number {
  switch (c.kind) {
    case 'instructions': return l.instructions!;
    case 'time': return l.timeoutMs!;
    case 'memory': return l.memory!;
    case 'depth': return l.depth!;
    case 'string': return l.stringSize!;
    default: return 0;
  }
}

export async function runCases(cases: readonly RunawayCase[] = CASES): Promise<RunawayResult[]> {
  const lua = new Lua({ limits: {} });
  const results: RunawayResult[] = [];
  for (const c of cases) {
    const t0 = performance.now();
    const limits = typeof c.limits === 'function' ? c.limits() : c.limits;
    let got = 'no error', message = '', used = 0, limit = measuredLimit(c, limits);
    try {
      if (c.sliced) await lua.doStringAsync(c.code, { limits, chunkName: `=${c.name}`, sliceMs: 10 });
      else lua.doString(c.code, { limits, chunkName: `=${c.name}` });
    } catch (e) {
      if (e instanceof LuaLimitError) {
        got = e.kind;
        used = e.used;
        if (e.limit !== 0) limit = e.limit;
      } else {
        got = e instanceof Error ? e.constructor.name : typeof e;
      }
      message = e instanceof Error ? e.message : String(e);
    }
    const ms = performance.now() - t0;
    // Time is measured by the clock here; the others by what the error reports.
    const within = c.kind === 'time' ? ms <= 2 * limit
      : c.kind === 'signal' || c.kind === 'interrupt' ? ms <= 2 * 100
      : c.kind === 'string' ? used > limit // refused before building: nothing longer than the limit was made
      : used <= 2 * limit;
    let healthy = false;
    try {
      healthy = lua.doString('local t = {} for i = 1, 100 do t[i] = i * i end return #t, t[100]').join() === '100,10000';
    } catch {
      healthy = false;
    }
    results.push({ c, got, message, limit, used, ms, ok: got === c.kind && within, healthy });
  }
  return results;
}
