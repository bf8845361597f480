// Public entry points of the front end.
import type { Chunk, Dialect } from './ast.js';
import { LuaSyntaxError } from './errors.js';
import { Parser } from './parser.js';

export interface ParseOptions {
  /**
   * Lua chunk name, as given to `load`: `@file.lua` names a file, `=name` is
   * used literally, anything else is shown as `[string "..."]`. Defaults to
   * the source itself (as `load` does).
   */
  chunkName?: string;
  dialect?: Dialect;
  /**
   * Treat the source as the raw contents of a file, as luaL_loadfile does:
   * drop a UTF-8 BOM (5.3, 5.4) and skip a first line starting with '#'
   * (keeping the line count). Default false (`load` semantics: the source is
   * parsed as is).
   */
  skipShebang?: boolean;
  /**
   * The reference's C-call depth when the parser starts (its nesting limits
   * count from there). Default 1, the value under `luac`.
   */
  baseCLevel?: number;
}

export interface Diagnostic {
  message: string;
  line: number;
  column: number;
  near: string | null;
}

/** What luaL_loadfile hands to the parser for raw file contents. */
export function fileSource(bytes: string, dialect: Dialect = '5.4'): string {
  let i = 0;
  if (dialect === '5.4') {
    if (bytes.charCodeAt(0) === 0xef) {
      if (bytes.charCodeAt(1) !== 0xbb) return '\xef' + bytes.slice(2);
      if (bytes.charCodeAt(2) !== 0xbf) return '\xef' + bytes.slice(3);
      i = 3;
    }
  } else if (dialect === '5.3') {
    if (bytes.startsWith('\xef\xbb\xbf')) i = 3;
  }
  if (bytes.charCodeAt(i) === 0x23 /* '#' */) {
    const nl = bytes.indexOf('\n', i);
    return nl < 0 ? '\n' : '\n' + bytes.slice(nl + 1);
  }
  return i === 0 ? bytes : bytes.slice(i);
}

/**
 * Parses a chunk (a byte string). Throws LuaSyntaxError, with the reference
 * compiler's exact message, for anything the reference rejects at compile
 * time; never anything else.
 */
export function parse(source: string, options: ParseOptions = {}): Chunk {
  const dialect: Dialect = options.dialect ?? '5.4';
  const chunkName = options.chunkName ?? source;
  if (options.skipShebang) source = fileSource(source, dialect);
  const parser = new Parser(source, { chunkName, dialect, baseCLevel: options.baseCLevel });
  try {
    return parser.parseChunk();
  } catch (e) {
    if (e instanceof LuaSyntaxError) throw e;
    if (e instanceof RangeError) {
      // The host's own stack ran out (parse() called from deep JS recursion):
      // report it the way the reference reports running out of C stack.
      const msg = dialect === '5.4' ? 'C stack overflow' : 'chunk has too many syntax levels';
      throw new LuaSyntaxError(msg, 0, 0, null, msg);
    }
    throw e;
  }
}

/** Parses and reports the first error (if any) instead of throwing. */
export function check(source: string, options: ParseOptions = {}): Diagnostic[] {
  try {
    parse(source, options);
    return [];
  } catch (e) {
    if (e instanceof LuaSyntaxError) return [{ message: e.message, line: e.line, column: e.column, near: e.near }];
    const msg = e instanceof Error ? e.message : String(e);
    return [{ message: msg, line: 0, column: 0, near: null }];
  }
}

export { LuaSyntaxError };
export { chunkid } from './chunkid.js';
