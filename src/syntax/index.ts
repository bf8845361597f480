// Public entry points of the front end.
import type { Chunk, Dialect } from './ast.js';
import { LuaSyntaxError } from './errors.js';
import { Parser, type RawDiagnostic } from './parser.js';
import { lineIndex, lineStarts, utf16Offsets } from './positions.js';
import { fromLuaString, toLuaString } from '../runtime/bytes.js';

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

export interface CheckOptions extends ParseOptions {
  /**
   * `source` (and `chunkName`) are JS text rather than byte strings: check()
   * encodes them in UTF-8 (as `toLuaString` does) for the parser, decodes
   * messages back, and `offset`/`endOffset` index the text. Default false:
   * like parse(), check() takes a byte string (one code unit per byte).
   */
  text?: boolean;
  /** At most this many diagnostics are returned (default 100). */
  maxDiagnostics?: number;
}

/**
 * One error found by check(). Positions: lines are 1-based; columns are
 * 1-based, `column` in UTF-16 code units (the source's bytes decoded as
 * UTF-8, or the text given with `text: true`) and `byteColumn` in bytes.
 * `line`..`endLine` is the source range at fault: the token the reference
 * names in `near` (the end of the source for `<eof>`), the bad escape
 * sequence, the unfinished string... For errors found at the end of a block
 * (goto and label errors) it is the token where the reference detects them.
 * The line in `message` is the reference's, which for a token spanning
 * several lines can be a later one than `line`.
 */
export interface Diagnostic {
  severity: 'error';
  /** The reference's full message, e.g. `[string "x = = 1"]:1: unexpected symbol near '='`. */
  message: string;
  /** The message without the `chunk:line:` prefix and the `near` part, e.g. `unexpected symbol`. */
  reason: string;
  /** The `near` part as the message shows it (`'='`, `<eof>`...), null when there is none. */
  near: string | null;
  line: number;
  column: number;
  byteColumn: number;
  endLine: number;
  endColumn: number;
  endByteColumn: number;
  /** 0-based offsets of the range in `source` as given (bytes, or UTF-16 units with `text: true`). */
  offset: number;
  endOffset: number;
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

/** Where fileSource's result comes from: offset k of the result is offset map(k) of `bytes`. */
function fileSourceMap(bytes: string, dialect: Dialect): (k: number) => number {
  let i = 0;
  if (dialect === '5.4') {
    if (bytes.charCodeAt(0) === 0xef) {
      if (bytes.charCodeAt(1) !== 0xbb) return (k) => (k === 0 ? 0 : k + 1);
      if (bytes.charCodeAt(2) !== 0xbf) return (k) => (k === 0 ? 0 : k + 2);
      i = 3;
    }
  } else if (dialect === '5.3') {
    if (bytes.startsWith('\xef\xbb\xbf')) i = 3;
  }
  if (bytes.charCodeAt(i) === 0x23 /* '#' */) {
    const nl = bytes.indexOf('\n', i);
    if (nl < 0) return () => bytes.length;
    return (k) => nl + k;
  }
  return (k) => k + i;
}

/**
 * Checks a chunk's syntax without throwing, whatever the input: returns
 * every error found (none for a valid chunk), in source order. The first is
 * exactly the error parse() throws (the message of `luac -p`); the others
 * come from error recovery (see Parser.parseRecovering) and carry
 * messages in the same style. `source` is a byte string, as for parse(), or
 * JS text with `text: true`.
 */
export function check(source: string, options: CheckOptions = {}): Diagnostic[] {
  try {
    return collectDiagnostics(source, options).diagnostics;
  } catch (e) {
    // not expected to happen: collectDiagnostics guards everything it runs
    return [internalDiagnostic(e)];
  }
}

/** check(), with what tests want to know: whether recovery agreed with parse() and ran to completion. */
export function collectDiagnostics(source: string, options: CheckOptions = {}): {
  diagnostics: Diagnostic[];
  /** The recovering parser's first diagnostic was parse()'s error (else only that error is returned). */
  agreed: boolean;
  /** An exception that ended recovery early (a bug, or the host's stack running out), or null. */
  internalError: unknown;
} {
  const text = options.text === true;
  const dialect: Dialect = options.dialect ?? '5.4';
  const bytes = text ? toLuaString(source) : source;
  const chunkName = options.chunkName === undefined ? bytes : text ? toLuaString(options.chunkName) : options.chunkName;
  let src = bytes;
  let toOriginal = (k: number) => k;
  if (options.skipShebang) {
    src = fileSource(bytes, dialect);
    toOriginal = fileSourceMap(bytes, dialect);
  }
  let first: LuaSyntaxError;
  try {
    parse(src, { chunkName, dialect, baseCLevel: options.baseCLevel });
    return { diagnostics: [], agreed: true, internalError: null };
  } catch (e) {
    if (!(e instanceof LuaSyntaxError)) return { diagnostics: [internalDiagnostic(e)], agreed: false, internalError: e };
    first = e;
  }
  // Only now, with an error to report, does recovery run.
  const parser = new Parser(src, { chunkName, dialect, baseCLevel: options.baseCLevel });
  let raw: RawDiagnostic[];
  let internalError: unknown = null;
  try {
    raw = parser.parseRecovering(options.maxDiagnostics ?? 100);
  } catch (e) {
    internalError = e;
    raw = parser.diagnostics;
  }
  const agreed = raw.length > 0 && raw[0]!.error.message === first.message;
  if (!agreed) {
    // cannot happen unless recovery has a bug: parse()'s error alone
    const starts = lineStarts(src);
    const at = first.line < 1 ? 0 : Math.min(src.length, (starts[first.line - 1] ?? src.length) + Math.max(first.column - 1, 0));
    raw = [{ error: first, start: at, end: at }];
  }
  const max = options.maxDiagnostics ?? 100;
  if (raw.length > max) raw = raw.slice(0, Math.max(1, max));
  return { diagnostics: toDiagnostics(raw, bytes, text ? source : null, toOriginal), agreed, internalError };
}

function toDiagnostics(raw: RawDiagnostic[], bytes: string, text: string | null, toOriginal: (k: number) => number): Diagnostic[] {
  const starts = lineStarts(bytes);
  const clamp = (k: number) => Math.min(Math.max(toOriginal(k), 0), bytes.length);
  // byte offsets of every start, end, and the starts of their lines
  const offs: number[] = [];
  for (const r of raw) {
    const s = clamp(r.start);
    const e = Math.max(s, clamp(r.end));
    offs.push(s, e, starts[lineIndex(starts, s)]!, starts[lineIndex(starts, e)]!);
  }
  const u = utf16Offsets(bytes, text, offs);
  const dec = text !== null ? fromLuaString : (s: string) => s;
  return raw.map((r, i): Diagnostic => {
    const [s, e, ls, le] = offs.slice(4 * i, 4 * i + 4) as [number, number, number, number];
    const err = r.error;
    return {
      severity: 'error',
      message: dec(err.message),
      reason: dec(err.reason),
      near: err.near === null ? null : dec(err.near),
      line: lineIndex(starts, s) + 1,
      column: u.lo[4 * i]! - u.lo[4 * i + 2]! + 1,
      byteColumn: s - ls + 1,
      endLine: lineIndex(starts, e) + 1,
      endColumn: u.hi[4 * i + 1]! - u.lo[4 * i + 3]! + 1,
      endByteColumn: e - le + 1,
      offset: text !== null ? u.lo[4 * i]! : s,
      endOffset: text !== null ? u.hi[4 * i + 1]! : e,
    };
  });
}

function internalDiagnostic(e: unknown): Diagnostic {
  const msg = e instanceof Error ? e.message : String(e);
  return {
    severity: 'error', message: msg, reason: msg, near: null,
    line: 1, column: 1, byteColumn: 1, endLine: 1, endColumn: 1, endByteColumn: 1, offset: 0, endOffset: 0,
  };
}

export { LuaSyntaxError };
export { chunkid } from './chunkid.js';
