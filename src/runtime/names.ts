// Runtime functions that tracebacks recognise on the JS stack by name
// (traceback.ts: metamethod callers, the trampoline's entry points, message
// handlers, hooks). A minifier renames function declarations, so each such
// function is given its name explicitly: V8 reports a function's own `name`
// property in its stack frames, and that property survives renaming.

/** Sets each function's `name` to its key. */
export function keepNames(fns: Record<string, Function>): void {
  for (const [name, fn] of Object.entries(fns)) Object.defineProperty(fn, 'name', { value: name, configurable: true });
}
