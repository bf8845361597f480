// Debug mode (runtime/hooks.ts) follows the running thread: a hook left on a
// suspended coroutine must not make the rest of the program run instrumented.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LuaState, memoryHost, openLibs, toLuaString } from '../src/index.js';
import { generateJs } from '../src/runtime/loader.js';


test('debug mode is on only while a thread with a hook runs', () => {
  const L = new LuaState({ host: memoryHost() });
  openLibs(L);
  const seen: boolean[] = [];
  L.globals.setStr('probe', () => { seen.push(L.engine.hooks.on); return undefined; });
  L.load(toLuaString(`
    local co = coroutine.create(function ()
      probe()                 -- no hook yet
      coroutine.yield()
      probe()                 -- its hook is set
      coroutine.yield()
    end)
    coroutine.resume(co)
    debug.sethook(co, function () end, "l")
    probe()                   -- main thread: no hook
    coroutine.resume(co)
    probe()                   -- back in the main thread, co suspended with its hook
    debug.sethook(function () end, "l")
    probe()                   -- the main thread's own hook
    debug.sethook()
    probe()
  `), '=debugmode')();
  assert.deepEqual(seen, [false, false, true, false, true, false]);
  assert.equal(L.engine.hooks.on, false);
});

test('a chunk is debugged (always instrumented) by its tokens, not its text: comments and longer names do not count', () => {
  const L = new LuaState({ host: memoryHost() });
  openLibs(L);
  const debugged = (src: string): boolean => {
    const f = L.compile(toLuaString(src), '=t') as unknown as { P?: { debugged?: boolean } };
    return f.P?.debugged === true;
  };
  assert.equal(debugged('-- uses debug.getlocal here\nlocal x = 1'), false);
  assert.equal(debugged('--[[ sethook ]] local s = "mygetlocal" local getlocalx = 1'), false);
  assert.equal(debugged('local v = debug.getlocal(1, 1)'), true);
  assert.equal(debugged('local f = debug["setlocal"]'), true);
  assert.equal(debugged('debug.sethook()'), true);
  // collectgarbage: reading "count" or "isrunning" observes no collection.
  const clears = (src: string): boolean => generateJs(toLuaString(src), { chunkName: '=t' }).includes('$clr(');
  assert.equal(clears('local a = {} local k = collectgarbage("count") local b = {} return a, b, k'), false);
  assert.equal(clears('local a = {} local k = collectgarbage "isrunning" local b = {} return a, b, k'), false);
  assert.equal(clears('-- collectgarbage()\nlocal a = {} local b = {} return a, b'), false);
  assert.equal(clears('local a = {} collectgarbage() local b = {} return a, b'), true);
  assert.equal(clears('local a = {} local g = collectgarbage local b = {} return a, b, g'), true);
});
