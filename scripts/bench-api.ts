// Embedding-API benchmark: Regolith's public API against wasmoon (C Lua in
// WebAssembly) and fengari (Lua in JavaScript), in one process, warm, in the
// same run. Writes docs/benchmarks-api.md.
//
//   npm run bench:api                 full run, writes docs/benchmarks-api.md
//   npm run bench:api -- --quick      fewer iterations, prints only
//
// What is measured, per implementation (best of several batches, warm):
// - a JS -> Lua call of `function (a, b) return a + b end` through the API;
// - a Lua -> JS call: a Lua loop calling a JS function `(a, b) => a + b`;
// - creating a state with the full standard library, and the heap it holds;
// - converting a 1,000-entry JS object into a Lua table and back;
// - the overhead of one awaited asynchronous host call;
// - loading and dropping 100,000 small chunks, with the heap before and after.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { spawnSync } from 'node:child_process';
import { getHeapStatistics } from 'node:v8';
import { LuaFactory, type LuaEngine } from 'wasmoon';
import { lua as F, lauxlib, lualib, to_luastring } from 'fengari';
import { Lua, type LuaFunctionHandle, type LuaTableHandle } from '../src/index.js';
import { nodeCollector } from '../src/host/node-gc.js';
import { repoRoot } from '../test/support/reference.js';

const quick = process.argv.includes('--quick');
const collector = nodeCollector();

async function settledHeap(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    collector.collect!();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  collector.collect!();
  return getHeapStatistics().used_heap_size;
}

/** Nanoseconds per operation: the best of `batches` timings of `n` operations. */
function nsPerOp(n: number, batches: number, body: (n: number) => void): number {
  let best = Infinity;
  for (let b = 0; b < batches; b++) {
    const t0 = process.hrtime.bigint();
    body(n);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / n);
  }
  return best;
}

async function nsPerOpAsync(n: number, batches: number, body: (n: number) => Promise<void>): Promise<number> {
  let best = Infinity;
  for (let b = 0; b < batches; b++) {
    const t0 = process.hrtime.bigint();
    await body(n);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / n);
  }
  return best;
}

/** One measured figure; null: the implementation has no such facility. */
type Figure = number | null;

interface Results {
  jsToLua: Figure;
  luaToJs: Figure;
  newStateMs: Figure;
  stateBytes: Figure;
  objToTableUs: Figure;
  tableToObjUs: Figure;
  asyncCallUs: Figure;
  chunkLoadUs: Figure;
  chunkHeapBefore: Figure;
  chunkHeapAfter: Figure;
}

const SCALE = quick ? 0.1 : 1;
const CALLS = Math.round(1_000_000 * SCALE);
const STATES = Math.round(200 * SCALE);
const CHUNKS = quick ? 10_000 : 100_000;

function bigObject(): Record<string, number> {
  const o: Record<string, number> = {};
  for (let i = 0; i < 1000; i++) o[`key${i}`] = i;
  return o;
}

async function perState(make: () => unknown, drop: (s: unknown) => void): Promise<{ ms: number; bytes: number }> {
  // Time: create and drop. Memory: create and keep, then divide the heap growth.
  const t0 = performance.now();
  for (let i = 0; i < STATES; i++) drop(make());
  const ms = (performance.now() - t0) / STATES;
  const before = await settledHeap();
  const kept: unknown[] = [];
  for (let i = 0; i < STATES; i++) kept.push(make());
  const after = await settledHeap();
  const bytes = (after - before) / STATES;
  for (const s of kept) drop(s);
  return { ms, bytes };
}

// ------------------------------------------------------------------ Regolith

async function regolith(): Promise<Results> {
  const lua = new Lua();
  lua.doString('function add(a, b) return a + b end');
  const add = lua.global.get<LuaFunctionHandle>('add');
  const jsToLua = nsPerOp(CALLS, 5, (n) => { for (let i = 0; i < n; i++) add.call(i, 1); });
  lua.global.set('jsadd', (a: number, b: number) => a + b);
  const loop = lua.load('local n = ... local s = 0 for i = 1, n do s = jsadd(s, 1) end return s');
  const luaToJs = nsPerOp(CALLS, 5, (n) => { loop.call(n); });
  const st = await perState(() => new Lua(), (s) => (s as Lua).close());
  const obj = bigObject();
  const objToTableUs = nsPerOp(Math.round(2000 * SCALE), 5, (n) => {
    for (let i = 0; i < n; i++) lua.global.set('t', obj);
  }) / 1000;
  lua.doString(BIG_TABLE);
  const big = lua.global.get<LuaTableHandle>('tt');
  const tableToObjUs = nsPerOp(Math.round(2000 * SCALE), 5, (n) => {
    for (let i = 0; i < n; i++) big.toJS();
  }) / 1000;
  lua.global.set('tick', () => Promise.resolve(1));
  const asyncLoop = lua.load('local n = ... for i = 1, n do tick() end');
  const asyncCallUs = await nsPerOpAsync(Math.round(100_000 * SCALE), 3, async (n) => { await asyncLoop.callAsync(n); }) / 1000;
  const chunks = await chunkLoop((i) => lua.doString(`return ${i}`));
  lua.close();
  return { jsToLua, luaToJs, newStateMs: st.ms, stateBytes: st.bytes, objToTableUs, tableToObjUs, asyncCallUs, ...chunks };
}

/** A 1,000-entry table made by Lua, as the one bigObject() gives. */
const BIG_TABLE = 'tt = {} for i = 0, 999 do tt["key" .. i] = i end';

async function chunkLoop(load: (i: number) => unknown): Promise<Pick<Results, 'chunkLoadUs' | 'chunkHeapBefore' | 'chunkHeapAfter'>> {
  for (let i = 0; i < 2000; i++) load(i);
  const before = await settledHeap();
  const t0 = performance.now();
  for (let i = 0; i < CHUNKS; i++) load(i);
  const chunkLoadUs = (performance.now() - t0) * 1000 / CHUNKS;
  const after = await settledHeap();
  return { chunkLoadUs, chunkHeapBefore: before, chunkHeapAfter: after };
}

// ------------------------------------------------------------------ wasmoon

async function wasmoon(): Promise<Results> {
  const factory = new LuaFactory();
  const lua: LuaEngine = await factory.createEngine();
  await lua.doString('function add(a, b) return a + b end');
  const add = lua.global.get('add') as (a: number, b: number) => number;
  const jsToLua = nsPerOp(Math.round(CALLS / 10), 5, (n) => { for (let i = 0; i < n; i++) add(i, 1); });
  lua.global.set('jsadd', (a: number, b: number) => a + b);
  await lua.doString('function loop(n) local s = 0 for i = 1, n do s = jsadd(s, 1) end return s end');
  const loop = lua.global.get('loop') as (n: number) => number;
  const luaToJs = nsPerOp(Math.round(CALLS / 10), 5, (n) => { loop(n); });
  const engines: LuaEngine[] = [];
  const t0 = performance.now();
  for (let i = 0; i < STATES; i++) engines.push(await factory.createEngine());
  const newStateMs = (performance.now() - t0) / STATES;
  const before = await settledHeap();
  const kept: LuaEngine[] = [];
  for (let i = 0; i < STATES; i++) kept.push(await factory.createEngine());
  const after = await settledHeap();
  // The WebAssembly memory of each engine is outside the JS heap: count it too.
  const wasmBytes = kept.length > 0 ? (kept[0] as unknown as { global: { lua: { module: { HEAPU8: Uint8Array } } } }).global.lua.module.HEAPU8.byteLength : 0;
  for (const e of [...engines, ...kept]) e.global.close();
  // global.set(obj) hands Lua a proxy of the JS object (no conversion to a
  // table), so only the table -> object direction is comparable.
  await lua.doString(BIG_TABLE);
  const tableToObjUs = nsPerOp(Math.round(500 * SCALE), 5, (n) => {
    for (let i = 0; i < n; i++) lua.global.get('tt');
  }) / 1000;
  lua.global.set('tick', () => Promise.resolve(1));
  await lua.doString('function aloop(n) for i = 1, n do tick():await() end end');
  const aloop = lua.global.get('aloop') as (n: number) => Promise<void>;
  let asyncCallUs: Figure = null;
  try {
    asyncCallUs = await nsPerOpAsync(Math.round(20_000 * SCALE), 3, async (n) => { await lua.doString(`aloop(${n})`); }) / 1000;
  } catch {
    void aloop; // awaiting from a function called by JS is not supported (wasmoon PR #135)
  }
  const chunks = await chunkLoop((i) => lua.doStringSync(`return ${i}`));
  lua.global.close();
  return { jsToLua, luaToJs, newStateMs, stateBytes: (after - before) / STATES + wasmBytes, objToTableUs: null, tableToObjUs, asyncCallUs, ...chunks };
}

// ------------------------------------------------------------------ fengari

function fengari(): Promise<Results> {
  const newState = () => {
    const L = lauxlib.luaL_newstate();
    lualib.luaL_openlibs(L);
    return L;
  };
  const L = newState();
  const run = (code: string, nresults = 0) => {
    if (lauxlib.luaL_loadstring(L, to_luastring(code)) !== 0) throw new Error('fengari: load failed');
    F.lua_call(L, 0, nresults);
  };
  run('function add(a, b) return a + b end');
  const addName = to_luastring('add');
  const jsToLua = nsPerOp(Math.round(CALLS / 10), 5, (n) => {
    for (let i = 0; i < n; i++) {
      F.lua_getglobal(L, addName);
      F.lua_pushinteger(L, i);
      F.lua_pushinteger(L, 1);
      F.lua_call(L, 2, 1);
      F.lua_tointeger(L, -1);
      F.lua_pop(L, 1);
    }
  });
  F.lua_pushjsfunction(L, (S) => {
    F.lua_pushnumber(S, lauxlib.luaL_checknumber(S, 1) + lauxlib.luaL_checknumber(S, 2));
    return 1;
  });
  F.lua_setglobal(L, to_luastring('jsadd'));
  run('function loop(n) local s = 0 for i = 1, n do s = jsadd(s, 1) end return s end');
  const loopName = to_luastring('loop');
  const luaToJs = nsPerOp(Math.round(CALLS / 10), 5, (n) => {
    F.lua_getglobal(L, loopName);
    F.lua_pushinteger(L, n);
    F.lua_call(L, 1, 1);
    F.lua_pop(L, 1);
  });
  return perState(newState, (s) => F.lua_close(s as object)).then(async (st) => {
    const chunks = await chunkLoop((i) => { run(`return ${i}`, 1); F.lua_pop(L, 1); });
    // fengari has no conversion of JS objects to tables (fengari-interop only proxies them) and no async calls.
    return { jsToLua, luaToJs, newStateMs: st.ms, stateBytes: st.bytes, objToTableUs: null, tableToObjUs: null, asyncCallUs: null, ...chunks };
  });
}

/**
 * The same count of small functions compiled by V8 alone (\`new Function\`,
 * nothing kept): V8's own tables grow with it, whatever the engine holds.
 */
async function v8Baseline(): Promise<number> {
  const make = (i: number) => (new Function(`return function () { return ${i} + 1; };`) as () => () => number)()();
  for (let i = 0; i < 2000; i++) make(i);
  const before = await settledHeap();
  for (let i = 0; i < CHUNKS; i++) make(i);
  return (await settledHeap()) - before;
}

// ------------------------------------------------------------------ report

const TARGETS = {
  call: 50, // ns, each direction
  newStateMs: 0.3,
  stateBytes: 50 * 1024,
};

function fmt(v: Figure, digits = 1): string {
  if (v === null) return 'n/a';
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en');
  return v.toFixed(digits);
}

function mb(v: Figure): string {
  return v === null ? 'n/a' : `${(v / 1e6).toFixed(1)} MB`;
}

async function main(): Promise<void> {
  const started = new Date();
  const results: [string, Results][] = [];
  for (const [name, f] of [['Regolith', regolith], ['wasmoon', wasmoon], ['fengari', fengari]] as const) {
    process.stdout.write(`${name}... `);
    results.push([name, await f()]);
    process.stdout.write('done\n');
  }
  const rows: [string, (r: Results) => string][] = [
    ['JS → Lua call (ns)', (r) => fmt(r.jsToLua)],
    ['Lua → JS call (ns)', (r) => fmt(r.luaToJs)],
    ['new state with the standard library (ms)', (r) => fmt(r.newStateMs, 3)],
    ['memory held per state (KB)', (r) => fmt(r.stateBytes === null ? null : r.stateBytes / 1024)],
    ['1,000-entry JS object → Lua table (µs)', (r) => fmt(r.objToTableUs)],
    ['1,000-entry Lua table → JS object (µs)', (r) => fmt(r.tableToObjUs)],
    ['one awaited async host call (µs)', (r) => fmt(r.asyncCallUs, 2)],
    [`load + run one small chunk (µs, ${CHUNKS.toLocaleString('en')} chunks)`, (r) => fmt(r.chunkLoadUs)],
    ['heap before those chunks', (r) => mb(r.chunkHeapBefore)],
    ['heap after them (collected)', (r) => mb(r.chunkHeapAfter)],
  ];
  const head = `| | ${results.map(([n]) => n).join(' | ')} |\n|---|${results.map(() => '--:').join('|')}|\n`;
  const table = head + rows.map(([label, f]) => `| ${label} | ${results.map(([, r]) => f(r)).join(' | ')} |`).join('\n') + '\n';
  const baseline = await v8Baseline();
  const reg = results[0]![1];
  const check = (ok: boolean) => (ok ? 'met' : '**missed**');
  const growth = (reg.chunkHeapAfter! - reg.chunkHeapBefore!);
  const targets = [
    `- JS → Lua call under ${TARGETS.call} ns: ${check(reg.jsToLua! < TARGETS.call)} (${fmt(reg.jsToLua)} ns)`,
    `- Lua → JS call under ${TARGETS.call} ns: ${check(reg.luaToJs! < TARGETS.call)} (${fmt(reg.luaToJs)} ns)`,
    `- a new state under ${TARGETS.newStateMs} ms: ${check(reg.newStateMs! < TARGETS.newStateMs)} (${fmt(reg.newStateMs, 3)} ms)`,
    `- at most 50 KB per state: ${check(reg.stateBytes! <= TARGETS.stateBytes)} (${fmt(reg.stateBytes! / 1024)} KB)`,
    `- memory flat after ${CHUNKS.toLocaleString('en')} chunks: ${check(growth - baseline < CHUNKS * 16)} (the heap grew ${(growth / 1e6).toFixed(1)} MB, ${(growth / CHUNKS).toFixed(0)} bytes per chunk; V8 alone, compiling as many small functions with \`new Function\` and keeping none, grows ${(baseline / 1e6).toFixed(1)} MB: its own compilation tables, not anything the engine holds)`,
  ];
  const commit = spawnSync('git', ['log', '-1', '--format=%h %s'], { cwd: repoRoot, encoding: 'utf8' }).stdout.trim().slice(0, 70);
  const doc = `# Embedding-API benchmarks: Regolith vs wasmoon and fengari

<!-- GENERATED FILE: do not edit by hand. Regenerate with \`npm run bench:api\` (scripts/bench-api.ts). -->

Generated on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC; Node.js ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}; commit ${commit}.
All three run in this one process, warm, in the same run (best of several batches). Lower is better.

${table}
Notes:
- Regolith: through the public API (\`Lua\`, \`LuaFunctionHandle.call\`, \`lua.global\`, \`callAsync\`).
- wasmoon: its \`global.set\` of a JS object hands Lua a proxy of that object, not a table, so "object → table" is n/a; \`global.get\` of a table does copy it into an object. \`LuaFactory.createEngine\`, \`global.get/set\`, \`doStringSync\`; its per-state memory includes the WebAssembly memory of the engine. Its async figure is a promise awaited with \`:await()\` inside \`doString\`; it cannot await inside a Lua function called from JS.
- fengari: its C-like API (\`lua_getglobal\`/\`lua_call\`, \`lua_pushjsfunction\`); it has no JS-object conversion (fengari-interop only proxies) and no async calls.

## Targets (Regolith)

${targets.join('\n')}
`;
  process.stdout.write('\n' + table + '\n' + targets.join('\n') + '\n');
  if (!quick) writeFileSync(join(repoRoot, 'docs', 'benchmarks-api.md'), doc);
}

await main();
