// JavaScript stack frames on engines without V8's structured stack API.
//
// V8 (Chrome, Node, Deno, Edge) gives CallSite objects through
// Error.captureStackTrace and Error.prepareStackTrace; errors.ts reads those.
// Elsewhere (Firefox's SpiderMonkey, Safari's JavaScriptCore) the only record
// of the stack is the `stack` string of an Error, one frame per line:
//
//   V8:            "    at name (url:line:column)"  or  "    at url:line:column"
//   SpiderMonkey:  "name@url:line:column"
//   JavaScriptCore "name@url:line:column"
//
// Lua frames are found by the `//# sourceURL` each compiled chunk carries, so
// their positions are exact where the engine reports that URL in `stack`.
// Library and runtime functions are known by the `name` property they are
// given (names.ts), which V8 shows; SpiderMonkey shows the name the function
// had in the source, which names.ts records before renaming, so such frames
// are read through that record. What is lost (docs/ARCHITECTURE.md,
// "Errors"): a source name that functions share identifies none of them, and
// the depth of the record is the engine's own limit (Error.stackTraceLimit is
// V8's).

import { givenName } from './names.js';

/**
 * True where V8's structured stack API works: Error.captureStackTrace gives
 * the CallSites that Error.prepareStackTrace returns. (Firefox has
 * captureStackTrace too, but its `stack` stays a string.)
 */
export const V8_STACK: boolean = (() => {
  const E = Error as { captureStackTrace?: (o: object) => void; prepareStackTrace?: unknown };
  if (typeof E.captureStackTrace !== 'function') return false;
  const saved = E.prepareStackTrace;
  try {
    E.prepareStackTrace = (_e: unknown, sites: unknown) => sites;
    const holder: { stack?: unknown } = {};
    E.captureStackTrace(holder);
    return Array.isArray(holder.stack);
  } catch {
    return false;
  } finally {
    E.prepareStackTrace = saved;
  }
})();

/** One frame of a parsed `stack` string. */
export class ParsedSite {
  constructor(
    readonly fnName: string | null,
    readonly url: string,
    readonly line: number,
  ) {}
}

const V8_FRAME = /^\s*at (?:async )?(?:(.*?) \()?(.*):(\d+):\d+\)?$/;
const AT_SIGN_FRAME = /^(.*?)@(.*):(\d+):\d+$/;
// Frames without a position ("at new Promise (<anonymous>)", "name@[native code]").
const V8_PLACE = /^\s*at (?:async )?(.*?)(?: \(.*\))?$/;
const AT_SIGN_PLACE = /^(.*?)@/;

/**
 * The frames of an Error's `stack` string, innermost first. A frame without
 * a position still counts (callers compare the count with the limit); the
 * message lines before the frames do not.
 */
export function parseStack(stack: string | undefined): ParsedSite[] {
  const out: ParsedSite[] = [];
  if (stack === undefined) return out;
  const v8 = /^\s+at /m.test(stack);
  for (const text of stack.split('\n')) {
    const m = v8 ? V8_FRAME.exec(text) : AT_SIGN_FRAME.exec(text);
    if (m !== null) {
      out.push(new ParsedSite(functionName(m[1], v8), m[2]!, Number(m[3])));
      continue;
    }
    const place = v8 ? V8_PLACE.exec(text) : AT_SIGN_PLACE.exec(text);
    if (place !== null) out.push(new ParsedSite(functionName(place[1], v8), '', 0));
  }
  return out;
}

/**
 * The function's own name. V8 writes "Class.method [as alias]" and "new X",
 * from the `name` property; SpiderMonkey writes the source's name, or an
 * inferred path, "outer/inner", ending in "<" for an anonymous function
 * inside the last one named; a source name is read as the name the function
 * was given (names.ts).
 */
function functionName(raw: string | undefined, v8: boolean): string | null {
  if (raw === undefined || raw === '' || raw.endsWith('<')) return null;
  const name = raw.replace(/ \[as [^\]]*\]$/, '').replace(/^new /, '');
  const own = name.slice(name.lastIndexOf('/') + 1);
  if (own === '') return null;
  return v8 ? own : givenName(own);
}
