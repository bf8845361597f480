// Resumable variants made on first use. A Lua closure's `G` (the generator
// function that runs it on the trampoline's heap stack: coroutines, hooks,
// awaiting, deep recursion) starts as `lazyG`, and its prototype's factory
// (generated code's `$Q<n>`, docs/ARCHITECTURE.md "Two compilations of
// every function") makes the real one when the closure first runs so.
import type { LuaValue } from './value.js';
import type { Frame, LuaFunction } from './trampoline.js';

/** Makes the resumable variant of a closure of one prototype (generated code's `$Q` factories). */
export type ResumableFactory = (f: LuaFunction) => (...args: LuaValue[]) => Frame;

/**
 * A Lua closure's `G` until it first runs resumably. Callers that find it
 * take `resumableOf(f)`, which makes the real one with the prototype's
 * factory (FunctionInfo.Q) and puts it on `f`; called as a method,
 * `f.G(...)`, it does the same. Most closures never run resumably, and each
 * would otherwise cost a second function object when made (the closures
 * micro: 0.23 -> 0.21 s).
 */
export function lazyG(this: LuaFunction, ...args: LuaValue[]): Frame {
  return makeResumable(this)(...args);
}

/**
 * `f`'s resumable variant, made now if it was not yet. Call it as a plain
 * function: V8's stack strings name a frame called as a method
 * `Function.$g3 [as G]`, and without the structured stack API (jsframes.ts)
 * the frame's prototype is read from the name `$g3`.
 */
export function resumableOf(f: LuaFunction): (...args: LuaValue[]) => Frame {
  const g = f.G!;
  return g === lazyG ? makeResumable(f) : g;
}

function makeResumable(f: LuaFunction): (...args: LuaValue[]) => Frame {
  const g = (f.P as { Q: ResumableFactory }).Q(f);
  f.G = g;
  return g;
}
