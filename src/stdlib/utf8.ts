// The utf8 library (manual §6.5), matching lua5.4's lutf8lib behaviour:
// extended UTF-8 up to 0x7FFFFFFF, strict mode (no surrogates, nothing above
// 0x10FFFF) unless `lax` is true, and overlong encodings always invalid.
//
// Lua strings are byte strings: JS strings whose code units are 0..255.

import { utf8esc } from '../syntax/lexer.js';
import { LuaTable } from '../runtime/table.js';
import * as ops from './lauxlib.js';
import type { LuaState } from '../runtime/state.js';
import * as N from '../runtime/number.js';
import { LuaFloat, type LuaNumber, type LuaValue } from '../runtime/value.js';
import {
  argError, checkInteger, checkString, luaError, optInteger, registerHostFunction,
  setFuncs, toSafeNumber, type Args,
} from './lauxlib.js';
import { StrBuf } from './strbuf.js';
import { CHARPATTERN53, UTF8_FUNCTIONS_53 } from './utf8-53.js';

const MAXUNICODE = 0x10ffff;
const MAXUTF = 0x7fffffff;
const MSG_INVALID = 'invalid UTF-8 code';

/** Smallest value that needs `count` continuation bytes (index 0: never valid). */
const LIMITS = [Infinity, 0x80, 0x800, 0x10000, 0x200000, 0x4000000];

/** Byte at `i`; 0 past the end, like the C string's terminating '\0'. */
function byteAt(s: string, i: number): number {
  return i < s.length ? s.charCodeAt(i) : 0;
}

function isCont(s: string, i: number): boolean {
  return (byteAt(s, i) & 0xc0) === 0x80;
}

/** Lua's truthiness (lua_toboolean). */
function truthy(v: LuaValue): boolean {
  return v !== undefined && v !== null && v !== false;
}

/**
 * Decode one sequence starting at byte `i`. Returns the code point and the
 * index just past the sequence, or undefined if it is invalid.
 */
function decode(s: string, i: number, strict: boolean): { code: number; next: number } | undefined {
  let c = byteAt(s, i);
  let code: number;
  let count = 0;
  if (c < 0x80) {
    code = c;
  } else {
    let res = 0;
    for (; c & 0x40; c <<= 1) {
      if (count >= 6) return undefined; // too many leading ones (0xFE, 0xFF)
      const cc = byteAt(s, i + ++count);
      if ((cc & 0xc0) !== 0x80) return undefined;
      res = res * 64 + (cc & 0x3f);
    }
    if (count > 5) return undefined;
    res += (c & 0x7f) * 2 ** (count * 5);
    if (res > MAXUTF || res < LIMITS[count]) return undefined;
    code = res;
  }
  if (strict && (code > MAXUNICODE || (code >= 0xd800 && code <= 0xdfff))) return undefined;
  return { code, next: i + count + 1 };
}

/** u_posrelat: a relative (negative) position to an absolute one; 0 if before the start. */
function posrelat(pos: number, len: number): number {
  if (pos >= 0) return pos;
  if (-pos > len) return 0;
  return len + pos + 1;
}

function pos(args: Args, i: number, def: number): number {
  return toSafeNumber(optInteger(args, i, def));
}

// ------------------------------------------------------------- functions

function utf8CharOf(args: Args, i: number): string {
  const v = checkInteger(args, i);
  if (typeof v !== 'number' || v < 0 || v > MAXUTF) argError(i + 1, 'value out of range');
  return utf8esc(v as number);
}

function utf8_char(...args: Args): unknown {
  if (args.length === 1) return utf8CharOf(args, 0);
  const out = new StrBuf();
  for (let i = 0; i < args.length; i++) out.add(utf8CharOf(args, i));
  return out.toString();
}

function utf8_len(...args: Args): unknown {
  const s = checkString(args, 0);
  const len = s.length;
  let posi = posrelat(pos(args, 1, 1), len);
  let posj = posrelat(pos(args, 2, -1), len);
  const lax = truthy(args[3]);
  if (!(1 <= posi && --posi <= len)) argError(2, 'initial position out of bounds');
  if (!(--posj < len)) argError(3, 'final position out of bounds');
  ops.charge((posj - posi) >> 4);
  let n = 0;
  while (posi <= posj) {
    const d = decode(s, posi, !lax);
    if (d === undefined) return [undefined, posi + 1];
    posi = d.next;
    n++;
  }
  return n;
}

function utf8_codepoint(...args: Args): unknown {
  const s = checkString(args, 0);
  const len = s.length;
  const posi = posrelat(pos(args, 1, 1), len);
  const pose = posrelat(pos(args, 2, posi), len);
  const lax = truthy(args[3]);
  if (!(posi >= 1)) argError(2, 'out of bounds');
  if (!(pose <= len)) argError(3, 'out of bounds');
  if (posi > pose) return ops.EMPTY;
  if (pose - posi >= 0x7fffffff) luaError('string slice too long');
  ops.charge((pose - posi) >> 2);
  const out: number[] = [];
  for (let i = posi - 1; i < pose;) {
    const d = decode(s, i, !lax);
    if (d === undefined) luaError(MSG_INVALID);
    out.push(d.code);
    i = d.next;
  }
  return out.length === 1 ? out[0] : out;
}

function utf8_offset(...args: Args): unknown {
  const s = checkString(args, 0);
  const len = s.length;
  let n = toSafeNumber(checkInteger(args, 1));
  let posi = posrelat(pos(args, 2, n >= 0 ? 1 : len + 1), len);
  if (!(1 <= posi && --posi <= len)) argError(3, 'position out of bounds');
  if (n === 0) {
    while (posi > 0 && isCont(s, posi)) posi--;
  } else {
    if (isCont(s, posi)) luaError('initial position is a continuation byte');
    if (n < 0) {
      while (n < 0 && posi > 0) {
        do posi--; while (posi > 0 && isCont(s, posi));
        n++;
      }
    } else {
      n--; // the first character is where we are
      while (n > 0 && posi < len) {
        do posi++; while (isCont(s, posi));
        n--;
      }
    }
  }
  return n === 0 ? posi + 1 : undefined;
}

function iterCodes(strict: boolean, args: Args): unknown {
  const s = checkString(args, 0);
  const len = s.length;
  let n = toControl(args[1]);
  if (n < len) {
    while (isCont(s, n)) n++;
  }
  if (n >= len) return ops.EMPTY;
  const d = decode(s, n, strict);
  if (d === undefined) luaError(MSG_INVALID);
  return [n + 1, d.code];
}

/**
 * The iterator's control value as lua_tointeger read as unsigned would see it:
 * 0 if not convertible, past any string's end if negative or huge.
 */
function toControl(v: LuaValue): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v >= 0 ? v : Number.MAX_SAFE_INTEGER;
  let num: LuaNumber | undefined;
  if (typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat) num = v;
  else if (typeof v === 'string') num = N.str2number(v);
  if (num === undefined) return 0;
  const r = N.toInteger(num);
  if (r === undefined) return 0;
  if (typeof r === 'bigint' || r < 0) return Number.MAX_SAFE_INTEGER;
  return r;
}

function utf8_codes_iter(...args: Args): unknown {
  return iterCodes(true, args);
}
registerHostFunction(utf8_codes_iter);

function utf8_codes_iterlax(...args: Args): unknown {
  return iterCodes(false, args);
}
registerHostFunction(utf8_codes_iterlax);

function utf8_codes(...args: Args): unknown {
  const lax = truthy(args[1]);
  const s = checkString(args, 0);
  return [lax ? utf8_codes_iterlax : utf8_codes_iter, s, 0];
}

export function openUtf8(L: LuaState): void {
  const M = new LuaTable();
  if (L.engine.dialect.utf8 === '5.3') {
    setFuncs(M, 'utf8.', UTF8_FUNCTIONS_53);
    M.setStr('charpattern', CHARPATTERN53);
  } else {
    setFuncs(M, 'utf8.', {
      offset: utf8_offset, codepoint: utf8_codepoint, char: utf8_char,
      len: utf8_len, codes: utf8_codes,
    });
    M.setStr('charpattern', '[\x00-\x7F\xC2-\xFD][\x80-\xBF]*');
  }
  L.globals.setStr('utf8', M);
  L.loaded.setStr('utf8', M);
}
