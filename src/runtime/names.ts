// Runtime functions that tracebacks recognise on the JS stack by name
// (traceback.ts: metamethod callers, the trampoline's entry points, message
// handlers, hooks). A minifier renames functions, and may give an unrelated
// function one of these short names ('lt', 'run'), so each such function is
// given a prefixed name explicitly: V8 reports a function's own `name`
// property in its stack frames, and that property survives renaming.
// Unprefixed names of runtime frames mean nothing to tracebacks.
//
// SpiderMonkey (Firefox) names a frame of its `stack` string by the
// function's name in the source instead, which a minifier renames and the
// `name` property does not change. So each function renamed here, or as a
// library function (errors.ts registerHostFunction), has its source name
// recorded first, and jsframes.ts reads such frame names through the record.

/** The prefix of the names keepNames gives. */
export const RUNTIME_PREFIX = 'luaRt$';

/**
 * Source name -> the name given to the function that had it; null when
 * functions given different names had that source name (it identifies none).
 * Process-wide like the functions it describes: only the engine's own
 * functions are renamed (as a state opens its libraries, the same names
 * every time), so what it holds never depends on what a state runs.
 */
const givenNames = new Map<string, string | null>();

/**
 * Shorter source names are not recorded: a minifier's names are that short
 * (esbuild's are one to three characters) and it gives the same one to
 * functions in different scopes, so such a name would identify the wrong
 * function. A minified build on SpiderMonkey therefore recognises none of
 * these functions; an unminified one (a bundler's development build, the
 * readable dist/browser/regolith.mjs) recognises all whose source names are
 * their own.
 */
const MIN_SOURCE_NAME = 4;

/** Gives `fn` the `name` `given`, recording its source name for engines that show that one. */
export function renameFunction(fn: Function, given: string): void {
  const source = fn.name;
  if (source.length >= MIN_SOURCE_NAME && source !== given) {
    const known = givenNames.get(source);
    givenNames.set(source, known === undefined || known === given ? given : null);
  }
  Object.defineProperty(fn, 'name', { value: given, configurable: true });
}

/** The name a frame's function was given, from the name its source had (that name itself when none was given). */
export function givenName(source: string): string {
  return givenNames.get(source) ?? source;
}

/** Sets each function's `name` to its key, prefixed. */
export function keepNames(fns: Record<string, Function>): void {
  for (const [name, fn] of Object.entries(fns)) renameFunction(fn, RUNTIME_PREFIX + name);
}
