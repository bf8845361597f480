// Loaded chunks are collectable: a state that loads and drops many chunks
// (an embedder evaluating user scripts, a REPL, `load` in a loop) runs in
// flat memory.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LuaState, memoryHost, openLibs, toLuaString } from '../src/index.js';
import { nodeCollector } from '../src/host/node-gc.js';

const collector = nodeCollector();

/** The heap after full collections, with the event loop turning in between (finalization callbacks run). */
async function settledHeap(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    collector.collect!();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  collector.collect!();
  return collector.heapUsed();
}

function newState(): LuaState {
  const host = memoryHost();
  host.gc = collector;
  const L = new LuaState({ host });
  openLibs(L);
  return L;
}

// Before chunks were collectable a chunk kept about 1,300 bytes for good.
// What remains is V8's own eval-cache table (large-object space, not visible
// in heap snapshots), about 20-30 bytes per chunk, reused as it ages.
const BYTES_PER_CHUNK = 60;

test('memory stays flat across 100,000 chunks loaded from JavaScript and dropped', async () => {
  const L = newState();
  const load = (i: number) => L.load(toLuaString(`return ${i} + 1`), '=chunk')();
  for (let i = 0; i < 5000; i++) load(i);
  const before = await settledHeap();
  for (let i = 0; i < 100000; i++) assert.equal(load(i), i + 1);
  const after = await settledHeap();
  const perChunk = (after - before) / 100000;
  assert.ok(perChunk < BYTES_PER_CHUNK, `heap grew by ${((after - before) / 1e6).toFixed(1)} MB (${perChunk.toFixed(0)} bytes per chunk)`);
  assert.ok(L.engine.chunks.size < 2000, `${L.engine.chunks.size} chunk registry entries left`);
});

test("a load loop in Lua runs in flat memory, within one synchronous run", async () => {
  const L = newState();
  const loop = L.load(toLuaString(`
    local n = ...
    for i = 1, n do assert(load("return " .. i))() end
    return collectgarbage("count")`), '=loop');
  loop(5000);
  const before = await settledHeap();
  loop(100000);
  const after = await settledHeap();
  assert.ok(L.engine.chunks.size < 2000, `${L.engine.chunks.size} chunk registry entries left`);
  const perChunk = (after - before) / 100000;
  assert.ok(perChunk < BYTES_PER_CHUNK, `heap grew by ${((after - before) / 1e6).toFixed(1)} MB (${perChunk.toFixed(0)} bytes per chunk)`);
});

test('a dropped chunk and its functions are collected', async () => {
  const L = newState();
  let ref: WeakRef<object> | undefined;
  (() => {
    const f = L.compile(toLuaString('return function () return 1 end'), '=once');
    ref = new WeakRef(f);
  })();
  await settledHeap();
  assert.equal(ref!.deref(), undefined);
});
