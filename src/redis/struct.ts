// struct: binary packing for Lua 5.1 as Redis 7.0 ships it (Roberto
// Ierusalimschy's struct.c 1.7 with Redis's fixes, deps/lua/src/lua_struct.c),
// written from its documented and observed behaviour on x86-64 Linux;
// test/redis-struct.test.ts compares every case with a real redis-server
// 7.0.15.
//
// struct.pack(fmt, ...), struct.unpack(fmt, s[, pos]) (the values, then the
// position after them) and struct.size(fmt). Format options:
//   >  <       big / little endian (default: native, little on x86-64)
//   ![n]       alignment n (a power of 2; default 8), initially 1
//   x          a zero byte
//   b B        signed / unsigned char (1 byte)
//   h H        short (2)       l L   long (8)       T   size_t (8, unsigned)
//   i I [n]    int of n bytes (default 4, at most 32)
//   f d        float (4), double (8)
//   c [n]      n chars (default 1). c0: pack the whole string; unpack a
//              length taken from the previous value
//   s          a zero-terminated string
//   ' '        ignored
// The format is a C string: it ends at its first zero byte.
//
// Integers travel through a 64-bit C integer: bytes past the eighth are
// zero when packing (even for negative numbers) and shifted out when
// unpacking, and the sign mask of an n-byte integer is shifted by
// (8n - 1) mod 64 as x86-64 does. Numbers out of the 64-bit range convert
// as the x86-64 instructions gcc emits do (see toUint64). unpack's position
// is a size_t: a negative one wraps around, as in C.

import { LuaTable } from '../runtime/table.js';
import { str2number51 } from '../runtime/strtod.js';
import type { LuaState } from '../runtime/state.js';
import { LuaFloat, type LuaValue } from '../runtime/value.js';
import { ByteOutput } from './byte-output.js';
import * as ops from '../stdlib/lauxlib.js';
import { argError, checkNumber, checkString, luaError, optInteger, setFuncs, toPtrdiff, type Args } from '../stdlib/lauxlib.js';

/** MAXINTSIZE: the largest integer size. */
const MAXINTSIZE = 32;
/** MAXALIGN on x86-64: the alignment of a double. */
const MAXALIGN = 8;
/** LUAI_MAXCSTACK of lua5.1: the stack slots a C function may use. */
const MAX_CSTACK = 8000;
const INT_MAX = 2147483647;
const TWO32 = 4294967296;
const TWO63 = 9223372036854775808;
const SIZE_MASK = (1n << 64n) - 1n;

const BIG = 0;
const LITTLE = 1;

/** The format being read, with the current endianness and alignment (struct Header). */
class Format {
  /** Index of the next format character. */
  i = 0;
  endian = LITTLE;
  align = 1;
  readonly fmt: string;
  constructor(fmt: string) {
    // luaL_checkstring gives C a string that ends at its first zero byte.
    const nul = fmt.indexOf('\0');
    this.fmt = nul < 0 ? fmt : fmt.slice(0, nul);
  }

  get more(): boolean {
    return this.i < this.fmt.length;
  }

  next(): string {
    return this.fmt.charAt(this.i++);
  }

  /** getnum: a decimal count after an option, or `df` when none follows. */
  num(df: number): number {
    if (!isDigit(this.fmt, this.i)) return df;
    let a = 0;
    do {
      const d = this.fmt.charCodeAt(this.i) - 48;
      if (a > Math.floor(INT_MAX / 10) || a * 10 > INT_MAX - d) luaError('integral size overflow');
      a = a * 10 + d;
      this.i++;
    } while (isDigit(this.fmt, this.i));
    return a;
  }

  /** optsize: the size of option `opt`, reading its count. */
  size(opt: string): number {
    switch (opt) {
      case 'B': case 'b': case 'x': return 1;
      case 'H': case 'h': return 2;
      case 'L': case 'l': case 'T': case 'd': return 8;
      case 'f': return 4;
      case 'c': return this.num(1);
      case 'i': case 'I': {
        const sz = this.num(4);
        if (sz > MAXINTSIZE) luaError(`integral size ${sz} is larger than limit of ${MAXINTSIZE}`);
        return sz;
      }
      default: return 0; // the other options need no alignment
    }
  }

  /** gettoalign: padding before an item of `size` bytes at offset `len`. */
  toAlign(len: number | bigint, opt: string, size: number): number {
    if (size === 0 || opt === 'c') return 0;
    if (size > this.align) size = this.align;
    // len & (size - 1): size is at most 32 here, so the low bits of len suffice.
    const low = typeof len === 'bigint' ? Number(len & 63n) : len % 64;
    return (size - (low & (size - 1))) & (size - 1);
  }

  /** controloptions: spaces, endianness, alignment; anything else is invalid. */
  control(opt: string): void {
    switch (opt) {
      case ' ': return;
      case '>': this.endian = BIG; return;
      case '<': this.endian = LITTLE; return;
      case '!': {
        const a = this.num(MAXALIGN);
        if (!(a > 0 && (a & (a - 1)) === 0)) luaError(`alignment ${a} is not a power of 2`);
        this.align = a;
        return;
      }
      default: argError(1, `invalid format option '${opt}'`);
    }
  }
}

function isDigit(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function isAlnum(opt: string): boolean {
  const c = opt.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A Lua number as a double (5.1 states hold plain numbers; the rest for safety). */
function toDouble(v: LuaValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return (v as LuaFloat).n;
}

/**
 * The 64-bit pattern, as [high 32 bits, low 32 bits], of putinteger's
 * conversion: `(unsigned long)(long)n` for n < 0, `(unsigned long)n`
 * otherwise, as x86-64 computes them. cvttsd2si gives 2^63 for anything out
 * of range or NaN; the unsigned conversion of n >= 2^63 converts n - 2^63 and
 * flips the top bit, so 2^64 and beyond (and +inf) give 0.
 */
function toUint64(n: number): [number, number] {
  let t: number;
  if (n < 0) t = n >= -TWO63 ? Math.trunc(n) : -TWO63;
  else if (n < TWO63) t = Math.trunc(n);
  else if (n < 2 * TWO63) t = n; // integral: doubles this large have no fraction
  else t = 0;
  if (n !== n) t = -TWO63; // NaN
  const hi = Math.floor(t / TWO32); // exact: t is integral and |t| <= 2^64
  return [hi >>> 0, t - hi * TWO32];
}

/** Byte k (0: least significant) of the 64-bit value [hi, lo]; 0 past the eighth. */
function byteOf(hi: number, lo: number, k: number): number {
  if (k < 4) return (lo >>> (8 * k)) & 0xff;
  if (k < 8) return (hi >>> (8 * (k - 4))) & 0xff;
  return 0;
}

/** A pack call's output. */
class Output extends ByteOutput {
  /** `n` bytes of `view`, in memory order (little endian) or reversed. */
  copy(view: DataView, n: number, endian: number): void {
    this.room(n);
    for (let i = 0; i < n; i++) this.bytes[this.length++] = view.getUint8(endian === LITTLE ? i : n - 1 - i);
  }
}

/** struct.pack(fmt, ...): the values packed as `fmt` says. */
function struct_pack(...args: Args): string {
  const f = new Format(checkString(args, 0));
  // The C code pushes a nil above the arguments (a mark before its string
  // buffer): a value missing right after the last argument is that nil, so
  // its error says "got nil". (Values past it are never reached: reading
  // the nil fails.)
  args.push(undefined);
  const out = new Output();
  const scratch = new DataView(new ArrayBuffer(8));
  let arg = 1; // the next value's index in args (Lua argument arg + 1)
  let total = 0;
  while (f.more) {
    ops.charge(1);
    const opt = f.next();
    let size = f.size(opt);
    const pad = f.toAlign(total, opt, size);
    total += pad;
    for (let k = 0; k < pad; k++) out.byte(0);
    switch (opt) {
      case 'b': case 'B': case 'h': case 'H': case 'l': case 'L': case 'T': case 'i': case 'I': {
        const [hi, lo] = toUint64(toDouble(checkNumber(args, arg++)));
        out.room(size);
        for (let k = 0; k < size; k++) out.byte(byteOf(hi, lo, f.endian === LITTLE ? k : size - 1 - k));
        break;
      }
      case 'x':
        out.byte(0);
        break;
      case 'f':
        scratch.setFloat32(0, toDouble(checkNumber(args, arg++)), true);
        out.copy(scratch, 4, f.endian);
        break;
      case 'd':
        scratch.setFloat64(0, toDouble(checkNumber(args, arg++)), true);
        out.copy(scratch, 8, f.endian);
        break;
      case 'c': case 's': {
        const s = checkString(args, arg++);
        if (size === 0) size = s.length;
        // The C code names the argument after the string (its counter has moved on).
        if (s.length < size) argError(arg + 1, 'string too short');
        out.text(s, size);
        if (opt === 's') {
          out.byte(0);
          size++;
        }
        break;
      }
      default:
        f.control(opt);
    }
    total += size;
  }
  return out.result();
}

/**
 * getinteger: `size` bytes at `p` as an integer. The bytes, most significant
 * first, are shifted through a 64-bit value (only the last eight stay);
 * signed ones are sign-extended with a mask shifted by (8 size - 1) mod 64.
 */
function getInteger(data: string, p: number, endian: number, signed: boolean, size: number): number {
  let hi = 0;
  let lo = 0;
  for (let k = 0; k < size; k++) {
    const b = data.charCodeAt(endian === BIG ? p + k : p + size - 1 - k);
    hi = ((hi << 8) | (lo >>> 24)) >>> 0;
    lo = ((lo << 8) | b) >>> 0;
  }
  if (!signed) return hi * TWO32 + lo;
  const shift = (size * 8 - 1) & 63;
  const maskHi = shift >= 32 ? (0xffffffff << (shift - 32)) >>> 0 : 0xffffffff;
  const maskLo = shift >= 32 ? 0 : (0xffffffff << shift) >>> 0;
  if ((hi & maskHi) !== 0 || (lo & maskLo) !== 0) {
    hi = (hi | maskHi) >>> 0;
    lo = (lo | maskLo) >>> 0;
  }
  return (hi | 0) * TWO32 + lo; // one rounding of the exact value
}

/** A double converted to size_t as x86-64 does (see toUint64). */
function toSizeT(n: number): bigint {
  const [hi, lo] = toUint64(n);
  return (BigInt(hi) << 32n) | BigInt(lo);
}

/** struct.unpack(fmt, s[, pos]): the values, then the position after them. */
function struct_unpack(...args: Args): LuaValue[] {
  const f = new Format(checkString(args, 0));
  const data = checkString(args, 1);
  const ld = BigInt(data.length);
  // A lua_Integer used as a size_t: negative positions wrap around.
  let pos = BigInt.asUintN(64, BigInt(toPtrdiff(optInteger(args, 2, 1))));
  if (pos === 0n) argError(3, 'offset must be 1 or greater');
  pos -= 1n;
  const results: LuaValue[] = [];
  while (f.more) {
    ops.charge(1);
    const opt = f.next();
    let size = BigInt(f.size(opt));
    pos = (pos + BigInt(f.toAlign(pos, opt, Number(size)))) & SIZE_MASK;
    if (!(size <= ld && pos <= ld - size)) argError(2, 'data string too short');
    // luaL_checkstack(L, 2): the item and the next position above the arguments and results.
    if (args.length + results.length + 2 > MAX_CSTACK) luaError('stack overflow (too many results)');
    const p = Number(pos); // within the data now
    switch (opt) {
      case 'b': case 'B': case 'h': case 'H': case 'l': case 'L': case 'T': case 'i': case 'I':
        results.push(getInteger(data, p, f.endian, opt >= 'a', Number(size)));
        break;
      case 'x':
        break;
      case 'f': case 'd': {
        const n = Number(size);
        const view = new DataView(new ArrayBuffer(8));
        for (let k = 0; k < n; k++) view.setUint8(k, data.charCodeAt(p + k));
        const little = f.endian === LITTLE;
        results.push(opt === 'f' ? view.getFloat32(0, little) : view.getFloat64(0, little));
        break;
      }
      case 'c': {
        if (size === 0n) {
          // c0: the previous value (a number, or a string convertible to one) is the length.
          const prev = results.length > 0 ? results[results.length - 1] : undefined;
          const n = typeof prev === 'number' ? prev : typeof prev === 'string' ? str2number51(prev) : undefined;
          if (n === undefined) luaError("format 'c0' needs a previous size");
          size = toSizeT(n);
          results.pop();
          if (!(size <= ld && pos <= ld - size)) argError(2, 'data string too short');
        }
        const n = Number(size);
        ops.building(n);
        results.push(data.slice(p, p + n));
        break;
      }
      case 's': {
        const e = data.indexOf('\0', p);
        if (e < 0) luaError('unfinished string in data');
        size = BigInt(e - p + 1);
        ops.building(e - p);
        results.push(data.slice(p, e));
        break;
      }
      default:
        f.control(opt);
    }
    pos = (pos + size) & SIZE_MASK;
  }
  // lua_pushinteger(pos + 1): the size_t read back as a signed 64-bit integer.
  results.push(Number(BigInt.asIntN(64, pos + 1n)));
  return results;
}

/** struct.size(fmt): the bytes `fmt` packs to (no 's' or 'c0' allowed). */
function struct_size(...args: Args): number {
  const f = new Format(checkString(args, 0));
  let pos = 0n;
  while (f.more) {
    ops.charge(1);
    const opt = f.next();
    const size = f.size(opt);
    pos += BigInt(f.toAlign(pos, opt, size));
    if (opt === 's') argError(1, "option 's' has no fixed size");
    else if (opt === 'c' && size === 0) argError(1, "option 'c0' has no fixed size");
    // Unknown letters and digits are skipped here, unlike in pack and unpack.
    if (!isAlnum(opt)) f.control(opt);
    pos += BigInt(size);
  }
  return Number(BigInt.asIntN(64, pos));
}

/** luaopen_struct: the `struct` table, set as a global (luaL_register). */
export function openStruct(L: LuaState): LuaTable {
  const t = new LuaTable();
  setFuncs(t, 'struct.', { pack: struct_pack, unpack: struct_unpack, size: struct_size });
  L.globals.setStr('struct', t);
  L.loaded.setStr('struct', t);
  return t;
}
