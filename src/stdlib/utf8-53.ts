// The utf8 library as lua5.3's lutf8lib.c has it (DialectSpec `utf8: '5.3'`):
// sequences of at most four bytes up to 0x10FFFF (surrogates accepted), no
// `lax` arguments, utf8.char up to 0x10FFFF, 5.3's messages ("out of range",
// "position out of range"...) and its charpattern.
//
// Lua strings are byte strings: JS strings whose code units are 0..255.

import { utf8esc } from '../syntax/lexer.js';
import * as ops from './lauxlib.js';
import * as N from '../runtime/number.js';
import { LuaFloat, type LuaNumber, type LuaValue } from '../runtime/value.js';
import { argError, checkInteger, checkString, luaError, optInteger, registerHostFunction, toSafeNumber, type Args } from './lauxlib.js';
import { StrBuf } from './strbuf.js';

const MAXUNICODE = 0x10ffff;
const LIMITS = [0xff, 0x7f, 0x7ff, 0xffff];

export const CHARPATTERN53 = '[\x00-\x7F\xC2-\xF4][\x80-\xBF]*';

function byteAt(s: string, i: number): number {
  return i < s.length ? s.charCodeAt(i) : 0;
}

function isCont(s: string, i: number): boolean {
  return (byteAt(s, i) & 0xc0) === 0x80;
}

/** utf8_decode (5.3): the code point and the index past it, or undefined. */
function decode(s: string, i: number): { code: number; next: number } | undefined {
  let c = byteAt(s, i);
  if (c < 0x80) return { code: c, next: i + 1 };
  let res = 0;
  let count = 0;
  while (c & 0x40) {
    const cc = byteAt(s, i + ++count);
    if ((cc & 0xc0) !== 0x80) return undefined;
    res = res * 64 + (cc & 0x3f);
    c <<= 1;
  }
  if (count > 3) return undefined;
  res += (c & 0x7f) * 2 ** (count * 5);
  if (res > MAXUNICODE || res <= LIMITS[count]!) return undefined;
  return { code: res, next: i + count + 1 };
}

function posrelat(pos: number, len: number): number {
  if (pos >= 0) return pos;
  if (-pos > len) return 0;
  return len + pos + 1;
}

function pos(args: Args, i: number, def: number): number {
  return toSafeNumber(optInteger(args, i, def));
}

function utf8CharOf53(args: Args, i: number): string {
  const v = checkInteger(args, i);
  if (typeof v !== 'number' || v < 0 || v > MAXUNICODE) argError(i + 1, 'value out of range');
  return utf8esc(v as number);
}

function utf8_char53(...args: Args): unknown {
  if (args.length === 1) return utf8CharOf53(args, 0);
  const out = new StrBuf();
  for (let i = 0; i < args.length; i++) out.add(utf8CharOf53(args, i));
  return out.toString();
}

function utf8_len53(...args: Args): unknown {
  const s = checkString(args, 0);
  const len = s.length;
  let posi = posrelat(pos(args, 1, 1), len);
  let posj = posrelat(pos(args, 2, -1), len);
  if (!(1 <= posi && --posi <= len)) argError(2, 'initial position out of string');
  if (!(--posj < len)) argError(3, 'final position out of string');
  ops.charge((posj - posi) >> 4);
  let n = 0;
  while (posi <= posj) {
    const d = decode(s, posi);
    if (d === undefined) return [undefined, posi + 1];
    posi = d.next;
    n++;
  }
  return n;
}

function utf8_codepoint53(...args: Args): unknown {
  const s = checkString(args, 0);
  const len = s.length;
  const posi = posrelat(pos(args, 1, 1), len);
  const pose = posrelat(pos(args, 2, posi), len);
  if (!(posi >= 1)) argError(2, 'out of range');
  if (!(pose <= len)) argError(3, 'out of range');
  if (posi > pose) return ops.EMPTY;
  if (pose - posi >= 0x7fffffff) luaError('string slice too long');
  ops.charge((pose - posi) >> 2);
  const out: number[] = [];
  for (let i = posi - 1; i < pose;) {
    const d = decode(s, i);
    if (d === undefined) luaError('invalid UTF-8 code');
    out.push(d.code);
    i = d.next;
  }
  return out.length === 1 ? out[0] : out;
}

function utf8_offset53(...args: Args): unknown {
  const s = checkString(args, 0);
  const len = s.length;
  let n = toSafeNumber(checkInteger(args, 1));
  let posi = posrelat(pos(args, 2, n >= 0 ? 1 : len + 1), len);
  if (!(1 <= posi && --posi <= len)) argError(3, 'position out of range');
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
      n--;
      while (n > 0 && posi < len) {
        do posi++; while (isCont(s, posi));
        n--;
      }
    }
  }
  return n === 0 ? posi + 1 : undefined;
}

/** lua_tointeger of the control value (0 when not convertible), as a JS number (huge ones saturate). */
function toControl(v: LuaValue): number {
  let num: LuaNumber | undefined;
  if (typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat) num = v;
  else if (typeof v === 'string') num = N.str2number(v);
  if (num === undefined) return 0;
  const r = N.toInteger(num);
  if (r === undefined) return 0;
  return typeof r === 'bigint' ? (r > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER) : r;
}

function utf8_codes_iter53(...args: Args): unknown {
  const s = checkString(args, 0);
  const len = s.length;
  let n = toControl(args[1]) - 1;
  if (n < 0) n = 0;
  else if (n < len) {
    n++;
    while (isCont(s, n)) n++;
  }
  if (n >= len) return ops.EMPTY;
  const d = decode(s, n);
  if (d === undefined || isCont(s, d.next)) luaError('invalid UTF-8 code');
  return [n + 1, d.code];
}
registerHostFunction(utf8_codes_iter53);

function utf8_codes53(...args: Args): unknown {
  const s = checkString(args, 0);
  return [utf8_codes_iter53, s, 0];
}

export const UTF8_FUNCTIONS_53 = {
  offset: utf8_offset53, codepoint: utf8_codepoint53, char: utf8_char53, len: utf8_len53, codes: utf8_codes53,
};
