// Runtime functions that tracebacks recognise on the JS stack by name
// (traceback.ts: metamethod callers, the trampoline's entry points, message
// handlers, hooks). A minifier renames functions, and may give an unrelated
// function one of these short names ('lt', 'run'), so each such function is
// given a prefixed name explicitly: V8 reports a function's own `name`
// property in its stack frames, and that property survives renaming.
// Unprefixed names of runtime frames mean nothing to tracebacks.

/** The prefix of the names keepNames gives. */
export const RUNTIME_PREFIX = 'luaRt$';

/** Sets each function's `name` to its key, prefixed. */
export function keepNames(fns: Record<string, Function>): void {
  for (const [name, fn] of Object.entries(fns)) Object.defineProperty(fn, 'name', { value: RUNTIME_PREFIX + name, configurable: true });
}
