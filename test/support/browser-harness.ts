// Runs one Lua program through the public API the way the `lua` command
// line runs a script, for the browser tests: the same function runs in
// Node (importing dist/browser/regolith.min.mjs) and in a Chromium page
// (importing this compiled file and the build by URL), so that the two
// runs differ only by the JavaScript engine they are in.
//
// It imports nothing at run time (the `Lua` class is a parameter), so that
// a page can load it as it is. Everything crossing page.evaluate is plain
// data: byte strings (one char per byte) rather than Uint8Arrays.
import type { Lua as LuaClass } from '../../src/api/lua.js';
import type { LuaError as LuaErrorClass } from '../../src/api/errors.js';

export interface ProgramSpec {
  /** Path of the script as lua.c is given it (relative to the working directory). */
  script: string;
  dialect: '5.4' | '5.3' | '5.1';
  /** The whole command line as the reference gets it: `[lua, ...options, script, ...args]`. */
  argv: string[];
  /** Index of the script in argv (lua.c's arg table puts it at 0). */
  scriptIndex: number;
  /** Standard input as a byte string (empty when the program has none). */
  stdin: string;
  /** Optional libraries opened before the script (`lua -l bit`). */
  libs: string[];
  /** The in-memory file system: path → contents as a byte string; a path ending in '/' is a directory. */
  files: Record<string, string>;
}

export interface ProgramOutput {
  /** Byte strings. stderr ends with `lua: MESSAGE` (and its traceback) when the script raised an error. */
  stdout: string;
  stderr: string;
  /** lua.c's exit status: 1 when the script raised an error, else 0. */
  status: number;
  /** Set when something other than a LuaError escaped (a harness or engine failure). */
  hostError?: string;
  ms: number;
}

function bytesOf(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

function stringOf(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return s;
}

// Every library bin/regolith opens, plus the optional 'bit' (`libs: 'all'` leaves it out).
const ALL_WITH_BIT = ['base', 'coroutine', 'table', 'math', 'os', 'string', 'package', 'io', 'debug', 'utf8', 'bit32', 'bit'] as const;

/**
 * Runs `spec` in a fresh state, as lua.c would: the arg table, 5.4's
 * generational collector, the script loaded from the (memory) file system
 * and called with its arguments, an uncaught error printed as
 * `lua: traceback` on stderr with status 1, the state closed at the end.
 */
export function runProgram(Lua: typeof LuaClass, LuaError: typeof LuaErrorClass, spec: ProgramSpec): ProgramOutput {
  const start = Date.now();
  const out: string[] = [], err: string[] = [];
  const files: Record<string, Uint8Array | string> = {};
  for (const [path, data] of Object.entries(spec.files)) files[path] = path.endsWith('/') ? '' : bytesOf(data);
  const lua = new Lua({
    dialect: spec.dialect,
    stdout: (b) => out.push(stringOf(b)),
    stderr: (b) => err.push(stringOf(b)),
    stdin: bytesOf(spec.stdin),
    fs: files,
    libs: spec.libs.includes('bit') ? [...ALL_WITH_BIT] : 'all',
  });
  let status = 0;
  let hostError: string | undefined;
  try {
    try {
      // lua.c 5.4 switches the collector to generational mode before the script runs.
      if (spec.dialect === '5.4') lua.doString('collectgarbage("generational")', { chunkName: '=(lua.c)' });
      // The arg table: argv[scriptIndex] at 0, the interpreter and its options below it.
      // (Built in Lua, since a JS object's keys would become strings.)
      lua.load('local first = ...; arg = {}; for i = 2, select("#", ...) do arg[first + i - 2] = select(i, ...) end', { chunkName: '=(lua.c)' })
        .call(-spec.scriptIndex, ...spec.argv);
      const main = lua.loadFile(spec.script);
      // lua.c runs everything inside lua_pcall of its C function pmain: one C
      // level under the script, which counts towards "C stack overflow" (as
      // bin/regolith counts it). The API has no such level: add it here.
      const C = lua.state.engine.C;
      C.n++;
      try {
        main.call(...spec.argv.slice(spec.scriptIndex + 1));
      } finally {
        C.n--;
      }
    } catch (e) {
      status = 1;
      if (e instanceof LuaError) {
        // lua.c of 5.1 prints nothing for a nil error value and "(error object is not a string)"
        // for any other value that is not a string or number, __tostring or not.
        const v = e.value;
        if (spec.dialect !== '5.1' || typeof v === 'string' || typeof v === 'number') err.push(`lua: ${utf8Bytes(e.traceback)}\n`);
        else if (v !== undefined && v !== null) err.push('lua: (error object is not a string)\n');
      } else hostError = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
  } finally {
    // As lua.c, the state is closed however the script ended (pending __gc run here).
    try {
      lua.close();
    } catch (e) {
      hostError ??= `close: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  const result: ProgramOutput = { stdout: out.join(''), stderr: err.join(''), status, ms: Date.now() - start };
  if (hostError !== undefined) result.hostError = hostError;
  return result;
}

/** A LuaError's text is decoded as UTF-8; the reference prints the bytes, so encode it back. */
function utf8Bytes(s: string): string {
  return stringOf(new TextEncoder().encode(s));
}
