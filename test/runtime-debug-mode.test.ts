// Debug mode (runtime/hooks.ts) follows the running thread: a hook left on a
// suspended coroutine must not make the rest of the program run instrumented.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LuaState, memoryHost, openLibs, toLuaString } from '../src/index.js';


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
