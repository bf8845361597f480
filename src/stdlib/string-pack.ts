// string.pack / string.unpack / string.packsize (lstrlib.c, manual §6.4.2),
// for a 64-bit little-endian host like lua5.4 on x86-64: native sizes
// short 2, int 4, long 8, size_t 8, lua_Integer 8, float 4, double 8, and a
// maximum alignment of 8.

import { mkFloat, mkInt, type LuaFloat, type LuaValue, type LuaInteger } from '../runtime/value.js';
import { LuaError } from '../runtime/errors.js';
import { E } from '../runtime/engine.js';
import {
  argError, checkInteger, checkNumber, checkString, luaError, optInteger, type Args,
} from './lauxlib.js';

const MAXINTSIZE = 16;
const SZINT = 8;
const MAXALIGN = 8;
/** lstrlib's MAXSIZE (INT_MAX on 64-bit hosts). */
const MAXSIZE = 0x7fffffff;
/** Longest string we build (V8's limit is 2^29 - 24 code units). */
export const MAX_JS_STRING = (1 << 29) - 24;

const enum K {
  Int, Uint, Float, Number, Double, Char, String, Zstr, Padding, Paddalign, Nop,
}

interface Header {
  little: boolean;
  maxalign: number;
}

/** A cursor over the format string; '\0' ends it as in C. */
class Fmt {
  i = 0;
  constructor(readonly s: string) {}
  at(): number {
    return this.i < this.s.length ? this.s.charCodeAt(this.i) : 0;
  }
  done(): boolean {
    return this.at() === 0;
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function getNum(f: Fmt, df: number): number {
  if (!isDigit(f.at())) return df;
  let a = 0;
  do {
    a = a * 10 + (f.at() - 48);
    f.i++;
  } while (isDigit(f.at()) && a <= ((MAXSIZE - 9) / 10 | 0));
  return a;
}

function getNumLimit(f: Fmt, df: number): number {
  const sz = getNum(f, df);
  if (sz > MAXINTSIZE || sz <= 0) luaError(`integral size (${sz}) out of limits [1,${MAXINTSIZE}]`);
  return sz;
}

/** getoption: the option at the cursor and its size. */
function getOption(h: Header, f: Fmt): [K, number] {
  const opt = f.at();
  f.i++;
  switch (opt) {
    case 98: return [K.Int, 1]; // b
    case 66: return [K.Uint, 1]; // B
    case 104: return [K.Int, 2]; // h
    case 72: return [K.Uint, 2]; // H
    case 108: return [K.Int, 8]; // l
    case 76: return [K.Uint, 8]; // L
    case 106: return [K.Int, 8]; // j
    case 74: return [K.Uint, 8]; // J
    case 84: return [K.Uint, 8]; // T
    case 102: return [K.Float, 4]; // f
    case 110: return [K.Number, 8]; // n
    case 100: return [K.Double, 8]; // d
    case 105: return [K.Int, getNumLimit(f, 4)]; // i
    case 73: return [K.Uint, getNumLimit(f, 4)]; // I
    case 115: return [K.String, getNumLimit(f, 8)]; // s
    case 99: { // c
      const size = getNum(f, -1);
      if (size === -1) luaError("missing size for format option 'c'");
      return [K.Char, size];
    }
    case 122: return [K.Zstr, 0]; // z
    case 120: return [K.Padding, 1]; // x
    case 88: return [K.Paddalign, 0]; // X
    case 32: break; // ' '
    case 60: h.little = true; break; // <
    case 62: h.little = false; break; // >
    case 61: h.little = true; break; // = (native: little-endian)
    case 33: h.maxalign = getNumLimit(f, MAXALIGN); break; // !
    default: luaError(`invalid format option '${fstringChar(opt)}'`);
  }
  return [K.Nop, 0];
}

/** getdetails: option, size and the padding needed to align it at `total`. */
function getDetails(h: Header, total: number, f: Fmt): [K, number, number] {
  const [opt, size] = getOption(h, f);
  let align = size;
  if (opt === K.Paddalign) {
    if (f.done()) argError(1, "invalid next option for option 'X'");
    const [nopt, nsize] = getOption(h, f);
    align = nsize;
    if (nopt === K.Char || align === 0) argError(1, "invalid next option for option 'X'");
  }
  let ntoalign = 0;
  if (align > 1 && opt !== K.Char) {
    if (align > h.maxalign) align = h.maxalign;
    if ((align & (align - 1)) !== 0) argError(1, 'format asks for alignment not power of 2');
    ntoalign = (align - (total & (align - 1))) & (align - 1);
  }
  return [opt, size, ntoalign];
}

/** packint: n (two's complement, 64 bits) as `size` bytes, sign-extended beyond 8. */
function packInt(n: bigint, little: boolean, size: number, neg: boolean): string {
  const bytes = new Array<number>(size);
  let u = BigInt.asUintN(64, n);
  for (let i = 0; i < size; i++) {
    let b: number;
    if (i < SZINT) {
      b = Number(u & 0xffn);
      u >>= 8n;
    } else b = neg ? 0xff : 0;
    bytes[little ? i : size - 1 - i] = b;
  }
  return String.fromCharCode(...bytes);
}

function packSmallInt(n: number, little: boolean, size: number): string {
  // 0 <= n < 2^31 or a small negative, size <= 4: bytes of the two's complement
  let out = '';
  for (let i = 0; i < size; i++) {
    const b = (n >> (8 * (little ? i : size - 1 - i))) & 0xff;
    out += String.fromCharCode(b);
  }
  return out;
}

const dv = new DataView(new ArrayBuffer(8));

function floatBytes(x: number, size: 4 | 8, little: boolean): string {
  if (size === 4) dv.setFloat32(0, x, little);
  else dv.setFloat64(0, x, little);
  let out = '';
  for (let i = 0; i < size; i++) out += String.fromCharCode(dv.getUint8(i));
  return out;
}

function readFloat(data: string, pos: number, size: 4 | 8, little: boolean): number {
  for (let i = 0; i < size; i++) dv.setUint8(i, data.charCodeAt(pos + i));
  return size === 4 ? dv.getFloat32(0, little) : dv.getFloat64(0, little);
}

function tooLarge(): never {
  throw new LuaError('not enough memory');
}

function toFloatNumber(v: LuaValue): number {
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : (v as LuaFloat).n;
}

export function str_pack(...a: Args): string {
  const f = new Fmt(checkString(a, 0));
  // lstrlib pushes a nil mark after the arguments: missing ones read as nil
  const args = a.slice();
  const h: Header = { little: true, maxalign: 1 };
  const parts: string[] = [];
  let total = 0;
  let arg = 0; // 0-based index of the current argument
  while (!f.done()) {
    const [opt, size, ntoalign] = getDetails(h, total, f);
    total += ntoalign + size;
    if (total > MAX_JS_STRING) tooLarge();
    if (ntoalign > 0) parts.push('\0'.repeat(ntoalign));
    arg++;
    if (arg >= args.length && opt !== K.Padding && opt !== K.Paddalign && opt !== K.Nop) args.length = arg + 1;
    switch (opt) {
      case K.Int: {
        const n = checkInteger(args, arg);
        if (size < SZINT) {
          const lim = 1n << BigInt(size * 8 - 1);
          const nb = BigInt(n);
          if (!(-lim <= nb && nb < lim)) argError(arg + 1, 'integer overflow');
        }
        if (size <= 4 && typeof n === 'number') parts.push(packSmallInt(n, h.little, size));
        else parts.push(packInt(BigInt(n), h.little, size, typeof n === 'number' ? n < 0 : n < 0n));
        break;
      }
      case K.Uint: {
        const n = checkInteger(args, arg);
        if (size < SZINT) {
          if (!(BigInt.asUintN(64, BigInt(n)) < 1n << BigInt(size * 8))) argError(arg + 1, 'unsigned overflow');
        }
        parts.push(packInt(BigInt(n), h.little, size, false));
        break;
      }
      case K.Float:
        parts.push(floatBytes(toFloatNumber(checkNumber(args, arg)), 4, h.little));
        break;
      case K.Number: case K.Double:
        parts.push(floatBytes(toFloatNumber(checkNumber(args, arg)), 8, h.little));
        break;
      case K.Char: {
        const s = checkString(args, arg);
        if (s.length > size) argError(arg + 1, 'string longer than given size');
        parts.push(s);
        if (s.length < size) parts.push('\0'.repeat(size - s.length));
        break;
      }
      case K.String: {
        const s = checkString(args, arg);
        if (!(size >= 8 || s.length < 2 ** (size * 8))) argError(arg + 1, 'string length does not fit in given size');
        parts.push(packInt(BigInt(s.length), h.little, size, false));
        parts.push(s);
        total += s.length;
        break;
      }
      case K.Zstr: {
        const s = checkString(args, arg);
        if (s.indexOf('\0') >= 0) argError(arg + 1, 'string contains zeros');
        parts.push(s, '\0');
        total += s.length + 1;
        break;
      }
      case K.Padding:
        parts.push('\0');
        arg--;
        break;
      default:
        arg--;
        break;
    }
    if (total > MAX_JS_STRING) tooLarge();
  }
  return parts.join('');
}

export function str_packsize(...args: Args): LuaInteger {
  const f = new Fmt(checkString(args, 0));
  const h: Header = { little: true, maxalign: 1 };
  let total = 0;
  while (!f.done()) {
    const [opt, size0, ntoalign] = getDetails(h, total, f);
    if (opt === K.String || opt === K.Zstr) argError(1, 'variable-length format');
    const size = size0 + ntoalign;
    if (!(total <= MAXSIZE - size)) argError(1, 'format result too large');
    total += size;
  }
  return total;
}

/** unpackint: `size` bytes at pos as a Lua integer. */
function unpackInt(data: string, pos: number, little: boolean, size: number, signed: boolean): LuaInteger {
  const limit = size <= SZINT ? size : SZINT;
  if (limit <= 6) {
    let res = 0;
    for (let i = limit - 1; i >= 0; i--) res = res * 256 + data.charCodeAt(pos + (little ? i : size - 1 - i));
    if (size < SZINT) {
      if (signed) {
        const mask = 2 ** (size * 8 - 1);
        if (res >= mask) res -= 2 * mask;
      }
      return res;
    }
  }
  let res = 0n;
  for (let i = limit - 1; i >= 0; i--) res = (res << 8n) | BigInt(data.charCodeAt(pos + (little ? i : size - 1 - i)));
  if (size < SZINT) {
    if (signed) {
      const mask = 1n << BigInt(size * 8 - 1);
      res = (res ^ mask) - mask;
    }
    return mkInt(res);
  }
  const r = BigInt.asIntN(64, res);
  if (size > SZINT) {
    const mask = !signed || r >= 0n ? 0 : 0xff;
    for (let i = limit; i < size; i++) {
      if (data.charCodeAt(pos + (little ? i : size - 1 - i)) !== mask) luaError(`${size}-byte integer does not fit into Lua Integer`);
    }
  }
  return mkInt(r);
}

/** lstrlib 5.3's posrelat: a relative position to an absolute one; 0 before the start (-1 for no position at all). */
function posrelat53(pos: LuaInteger, len: number): number {
  if (typeof pos === 'bigint') return pos > 0n ? Number.MAX_SAFE_INTEGER : 0;
  if (pos >= 0) return pos;
  if (-pos > len) return 0;
  return len + pos + 1;
}

/** lua_pushfstring's %c: 5.3 shows a non-printable character as "<\code>" (DialectSpec `fstringCharEscape`). */
export function fstringChar(c: number): string {
  if (E.dialect.fstringCharEscape && !(c >= 32 && c < 127)) return `<\\${c}>`;
  return String.fromCharCode(c);
}

/** lstrlib's posrelatI: a start position (1-based, clamped to >= 1). */
export function posrelatI(pos: LuaInteger, len: number): number {
  if (typeof pos === 'bigint') return pos > 0n ? Number.MAX_SAFE_INTEGER : 1;
  if (pos > 0) return pos;
  if (pos === 0) return 1;
  if (pos < -len) return 1;
  return len + pos + 1;
}

export function str_unpack(...args: Args): unknown {
  const f = new Fmt(checkString(args, 0));
  const data = checkString(args, 1);
  const ld = data.length;
  // 5.3's posrelat gives 0 for a position before the start, which is then out of the string.
  let pos = E.dialect.stringPack === '5.3' ? posrelat53(optInteger(args, 2, 1), ld) - 1 : posrelatI(optInteger(args, 2, 1), ld) - 1;
  if (!(pos >= 0 && pos <= ld)) argError(3, 'initial position out of string');
  const h: Header = { little: true, maxalign: 1 };
  const out: LuaValue[] = [];
  while (!f.done()) {
    const [opt, size, ntoalign] = getDetails(h, pos, f);
    if (!(ntoalign + size <= ld - pos)) argError(2, 'data string too short');
    pos += ntoalign;
    if (out.length >= 999_900) luaError('stack overflow (too many results)');
    switch (opt) {
      case K.Int: case K.Uint:
        out.push(unpackInt(data, pos, h.little, size, opt === K.Int));
        break;
      case K.Float:
        out.push(mkFloat(readFloat(data, pos, 4, h.little)));
        break;
      case K.Number: case K.Double:
        out.push(mkFloat(readFloat(data, pos, 8, h.little)));
        break;
      case K.Char:
        out.push(data.slice(pos, pos + size));
        break;
      case K.String: {
        const len = unpackInt(data, pos, h.little, size, false);
        // compared as size_t
        const ulen = typeof len === 'number' && len >= 0 ? len : Infinity;
        if (!(ulen <= ld - pos - size)) argError(2, 'data string too short');
        out.push(data.slice(pos + size, pos + size + ulen));
        pos += ulen;
        break;
      }
      case K.Zstr: {
        let e = data.indexOf('\0', pos);
        if (e < 0) e = ld;
        const len = e - pos;
        if (!(pos + len < ld) && E.dialect.stringPack !== '5.3') argError(2, "unfinished string for format 'z'");
        out.push(data.slice(pos, e));
        pos += len + 1;
        break;
      }
      default:
        break;
    }
    pos += size;
  }
  out.push(pos + 1);
  return out;
}

