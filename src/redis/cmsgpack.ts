// cmsgpack: MessagePack for Lua 5.1 as Redis 7.0 ships it (lua-cmsgpack
// 0.4.0 by Salvatore Sanfilippo, deps/lua/src/lua_cmsgpack.c), written
// from its documented and observed behaviour; test/redis-cmsgpack.test.ts
// compares every case with a real redis-server 7.0.15.
//
// For a 5.1 state, whose numbers are doubles:
// - pack(v1, ...) encodes each value and returns the concatenation.
//   Integral doubles within int64 take the smallest integer format, other
//   numbers float32 (0xca) when that is exact, else float64 (0xcb). Strings
//   use fixstr/str8/str16/str32; no bin types. A table whose keys are exactly
//   1..n is an array, any other table a map. Tables nested 16 deep are
//   encoded as nil, so cycles end. Other values (functions...) are nil.
// - unpack(s) decodes every value of the stream; unpack_one(s[, offset]) and
//   unpack_limit(s, limit[, offset]) decode one / `limit` values from byte
//   `offset` (0-based) and return first the offset after them (-1 once the
//   input is used up). unpack_limit(s, 0) and unpack_limit(s, 0, 0) are
//   unpack(s).
//
// The C code keeps values on the Lua stack, whose size LUAI_MAXCSTACK
// (8000 slots) bounds. Its errors ("stack overflow (...)") are part of the
// behaviour: a stream of 8000 values, or nesting about 4000 deep, fails in
// unpack; so does packing a table among 4000 arguments. The encoder and
// decoder below count those slots exactly as the C code uses them.
//
// Map key order follows the table traversal order, which in Regolith is not
// lua5.1's (the hash layout differs): a map of several keys has the same
// entries as the server's, possibly in another order.

import { LuaError } from '../runtime/errors.js';
import { LuaTable } from '../runtime/table.js';
import type { LuaState } from '../runtime/state.js';
import { LuaFloat, type LuaValue } from '../runtime/value.js';
import { ByteOutput } from './byte-output.js';
import * as ops from '../stdlib/lauxlib.js';
import {
  argError, checkInteger, checkString, luaError, optInteger, setFuncs, toCInt, toPtrdiff, type Args,
} from '../stdlib/lauxlib.js';

/** LUACMSGPACK_MAX_NESTING: tables at this depth are encoded as nil. */
const MAX_NESTING = 16;
/** LUAI_MAXCSTACK of lua5.1: the stack slots a C function may use. */
const MAX_CSTACK = 8000;
const TWO32 = 4294967296;

/** lua_checkstack failing: `space` more slots on top of `top` would pass LUAI_MAXCSTACK. */
function checkStack(top: number, space: number, what: string): void {
  if (top + space > MAX_CSTACK) luaError(`stack overflow (${what})`);
}

/** A Lua number as a double (5.1 states hold plain numbers; the rest for safety). */
function toDouble(v: LuaValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return (v as LuaFloat).n;
}

// ------------------------------------------------------------------ encoding

/** A pack call's output: a byte buffer with MessagePack's headers. */
class Output extends ByteOutput {
  /** A type byte followed by `n` as a big-endian unsigned integer of `size` bytes (1, 2 or 4). */
  header(type: number, size: number, n: number): void {
    this.room(1 + size);
    const o = this.length;
    this.bytes[o] = type;
    if (size === 1) this.bytes[o + 1] = n;
    else if (size === 2) this.view.setUint16(o + 1, n);
    else this.view.setUint32(o + 1, n);
    this.length += 1 + size;
  }

  /** A type byte followed by 8 bytes: the int64 `n` (an integral double within range), big-endian. */
  int64(type: number, n: number): void {
    this.room(9);
    const o = this.length;
    const hi = Math.floor(n / TWO32); // exact: n is integral and |n| <= 2^63
    this.bytes[o] = type;
    this.view.setUint32(o + 1, hi >>> 0);
    this.view.setUint32(o + 5, n - hi * TWO32);
    this.length += 9;
  }
}

/** mp_encode_int: the smallest MessagePack integer for `n`, an integral double within int64. */
function encodeInt(out: Output, n: number): void {
  if (n >= 0) {
    if (n <= 127) out.byte(n); // positive fixint
    else if (n <= 0xff) out.header(0xcc, 1, n);
    else if (n <= 0xffff) out.header(0xcd, 2, n);
    else if (n <= 0xffffffff) out.header(0xce, 4, n);
    else out.int64(0xcf, n);
  } else {
    if (n >= -32) out.byte(n & 0xff); // negative fixint
    else if (n >= -128) out.header(0xd0, 1, n & 0xff);
    else if (n >= -32768) out.header(0xd1, 2, n & 0xffff);
    else if (n >= -2147483648) out.header(0xd2, 4, n >>> 0);
    else out.int64(0xd3, n);
  }
}

/** mp_encode_lua_number: integers when the double converts to int64 and back unchanged, else a float. */
function encodeNumber(out: Output, n: number): void {
  // (int64_t)n == n: integral and in [-2^63, 2^63) (the C cast of anything
  // else gives INT64_MIN, equal only to -2^63 itself); -0 is the integer 0.
  if (Number.isInteger(n) && n >= -9223372036854775808 && n < 9223372036854775808) {
    encodeInt(out, n + 0);
    return;
  }
  const f = Math.fround(n);
  if (f === n) { // the float keeps the value exactly (infinities included; NaN never)
    out.room(5);
    out.bytes[out.length] = 0xca;
    out.view.setFloat32(out.length + 1, f);
    out.length += 5;
  } else {
    out.room(9);
    out.bytes[out.length] = 0xcb;
    out.view.setFloat64(out.length + 1, n); // NaN keeps its bits (sign included)
    out.length += 9;
  }
}

/** mp_encode_bytes: a string with a fixstr, str8, str16 or str32 header. */
function encodeString(out: Output, s: string): void {
  const n = s.length;
  if (n < 32) out.byte(0xa0 | n);
  else if (n <= 0xff) out.header(0xd9, 1, n);
  else if (n <= 0xffff) out.header(0xda, 2, n);
  else out.header(0xdb, 4, n >>> 0);
  out.text(s);
}

/**
 * table_is_an_array: every key is a number that is a positive integer fitting
 * a C int, and the largest equals the count (so the keys are exactly 1..n).
 * Returns n, or -1 for a map.
 */
function arrayLength(t: LuaTable, top: number): number {
  checkStack(top, 2, 'in function table_is_an_array');
  let count = 0;
  let max = 0;
  for (let e = t.next(undefined); e !== undefined; e = t.next(e[0])) {
    ops.charge(1);
    const k = e[0];
    if (typeof k !== 'number' || !(k > 0) || !Number.isInteger(k) || k > 2147483647) return -1;
    if (k > max) max = k;
    count++;
  }
  return max === count ? count : -1;
}

/**
 * mp_encode_lua_type for the value `v` at stack slot `top` (the slots in use
 * with `v` pushed), `level` tables deep.
 */
function encodeValue(out: Output, v: LuaValue, level: number, top: number): void {
  ops.charge(1);
  if (typeof v === 'string') encodeString(out, v);
  else if (typeof v === 'boolean') out.byte(v ? 0xc3 : 0xc2);
  else if (typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat) encodeNumber(out, toDouble(v));
  else if (v instanceof LuaTable && level < MAX_NESTING) encodeTable(out, v, level, top);
  else out.byte(0xc0); // nil, tables too deep, and every other type
}

function encodeTable(out: Output, t: LuaTable, level: number, top: number): void {
  const n = arrayLength(t, top);
  if (n >= 0) {
    // mp_encode_lua_table_as_array: t[1..n], each pushed above the table.
    if (n <= 15) out.byte(0x90 | n);
    else if (n <= 0xffff) out.header(0xdc, 2, n);
    else out.header(0xdd, 4, n);
    checkStack(top, 1, 'in function mp_encode_lua_table_as_array');
    for (let i = 1; i <= n; i++) encodeValue(out, t.get(i), level + 1, top + 1);
    return;
  }
  // mp_encode_lua_table_as_map: count the entries, then each key and value
  // (the key copied above the key and value that lua_next pushed).
  checkStack(top, 3, 'in function mp_encode_lua_table_as_map');
  let count = 0;
  for (let e = t.next(undefined); e !== undefined; e = t.next(e[0])) count++;
  ops.charge(count);
  if (count <= 15) out.byte(0x80 | count);
  else if (count <= 0xffff) out.header(0xde, 2, count);
  else out.header(0xdf, 4, count);
  for (let e = t.next(undefined); e !== undefined; e = t.next(e[0])) {
    encodeValue(out, e[0], level + 1, top + 3);
    encodeValue(out, e[1], level + 1, top + 2);
  }
}

/** cmsgpack.pack(v1, ...): the values encoded one after another. */
function cmsgpack_pack(...args: Args): string {
  const nargs = args.length;
  if (nargs === 0) argError(0, 'MessagePack pack needs input.');
  // lua_checkstack(L, nargs) with the arguments already on the stack.
  if (nargs + nargs > MAX_CSTACK) argError(0, 'Too many arguments for MessagePack pack.');
  const out = new Output();
  for (let i = 0; i < nargs; i++) {
    // Argument i is copied to the top, above the i results so far.
    const top = nargs + i;
    checkStack(top, 1, 'in function mp_check');
    encodeValue(out, args[i], 0, top + 1);
  }
  return out.result();
}

// ------------------------------------------------------------------ decoding

/** The C code's cursor errors, raised by mp_unpack_full. */
const MISSING = 'Missing bytes in input.';
const BAD_FORMAT = 'Bad data format in input.';

/** One unpack call's input (read in place: no copy of it per call) and cursor. */
class Input {
  /** Scratch bytes for reading floats. */
  private readonly scratch = new DataView(new ArrayBuffer(8));
  constructor(readonly s: string, public pos: number) {}

  get left(): number {
    return this.s.length - this.pos;
  }

  /** mp_cur_need: `n` bytes must remain, else the input is truncated. */
  need(n: number): void {
    if (this.left < n) luaError(MISSING);
  }

  u8(p: number): number {
    return this.s.charCodeAt(p);
  }

  /** Big-endian unsigned integers of 2 and 4 bytes at `p`. */
  u16(p: number): number {
    return (this.s.charCodeAt(p) << 8) | this.s.charCodeAt(p + 1);
  }

  u32(p: number): number {
    return this.u16(p) * 65536 + this.u16(p + 2);
  }

  /** `n` bytes at `p` in the scratch view. */
  private load(p: number, n: number): DataView {
    for (let i = 0; i < n; i++) this.scratch.setUint8(i, this.s.charCodeAt(p + i));
    return this.scratch;
  }

  f32(p: number): number {
    return this.load(p, 4).getFloat32(0);
  }

  f64(p: number): number {
    return this.load(p, 8).getFloat64(0);
  }

  /** A string of `n` bytes after a header of `h` bytes. */
  string(h: number, n: number): string {
    this.need(h + n);
    const start = this.pos + h;
    this.pos = start + n;
    ops.building(n);
    return this.s.slice(start, start + n);
  }
}

/**
 * A table being filled: one level of mp_decode_to_lua_array or
 * mp_decode_to_lua_hash. The decoder keeps these in a list of its own
 * instead of recursing, so that nesting as deep as the Lua stack allows
 * (about 4000 levels) needs no deep JS stack.
 */
class Filling {
  /** Elements (arrays) or pairs (maps) stored so far. */
  private done = 0;
  /** A map's key, waiting for its value. */
  private key: LuaValue = undefined;
  private haveKey = false;

  /** `top`: the stack slots in use below the table. */
  constructor(readonly t: LuaTable, readonly n: number, private readonly map: boolean, private readonly top: number) {}

  /**
   * The stack slots in use while the next item is decoded: arrays push the
   * table and the index; maps the table, then the key too for the value.
   */
  itemTop(): number {
    return this.map && !this.haveKey ? this.top + 1 : this.top + 2;
  }

  /** Takes the next decoded item; true once the table is complete. */
  add(v: LuaValue): boolean {
    if (!this.map) {
      this.done++;
      if (v !== undefined) this.t.setInt(this.done, v); // nil elements leave holes
      return this.done === this.n;
    }
    if (!this.haveKey) {
      this.key = v;
      this.haveKey = true;
      return false;
    }
    const k = this.key;
    // lua_settable's errors, raised inside the C function: no position.
    if (k === undefined) throw new LuaError('table index is nil');
    if (k !== k) throw new LuaError('table index is NaN');
    this.t.set(k, v);
    this.key = undefined;
    this.haveKey = false;
    return ++this.done === this.n;
  }
}

/**
 * mp_decode_to_lua_type: the value at the cursor, to be pushed on a stack
 * with `top` slots in use.
 */
function decodeValue(c: Input, top: number): LuaValue {
  const filling: Filling[] = [];
  for (;;) {
    let v = decodeItem(c, top);
    if (v instanceof Filling) {
      if (v.n > 0) {
        filling.push(v);
        top = v.itemTop();
        continue;
      }
      v = v.t;
    }
    // A complete value: store it in the innermost table, and each table
    // that this completes in the one around it.
    for (;;) {
      const f = filling[filling.length - 1];
      if (f === undefined) return v;
      if (!f.add(v)) {
        top = f.itemTop();
        break;
      }
      v = f.t;
      filling.pop();
    }
  }
}

/**
 * One item at the cursor: a value, or, for an array or map header, the new
 * table to fill (with the checks the C code makes before its elements).
 */
function decodeItem(c: Input, top: number): LuaValue | Filling {
  c.need(1);
  checkStack(top, 1, 'too many return values at once; use unpack_one or unpack_limit instead.');
  ops.charge(1);
  const p = c.pos;
  const type = c.u8(p);
  switch (type) {
    case 0xc0: c.pos++; return undefined;
    case 0xc2: c.pos++; return false;
    case 0xc3: c.pos++; return true;
    case 0xcc: c.need(2); c.pos += 2; return c.u8(p + 1);
    case 0xcd: c.need(3); c.pos += 3; return c.u16(p + 1);
    case 0xce: c.need(5); c.pos += 5; return c.u32(p + 1);
    // uint64 and int64 both become a signed 64-bit integer, then a double
    // (so 0xcf ff..ff is -1): one rounding of the exact value.
    case 0xcf: case 0xd3: c.need(9); c.pos += 9; return (c.u32(p + 1) | 0) * TWO32 + c.u32(p + 5);
    case 0xd0: c.need(2); c.pos += 2; return (c.u8(p + 1) << 24) >> 24;
    case 0xd1: c.need(3); c.pos += 3; return (c.u16(p + 1) << 16) >> 16;
    case 0xd2: c.need(5); c.pos += 5; return c.u32(p + 1) | 0;
    case 0xca: c.need(5); c.pos += 5; return c.f32(p + 1);
    case 0xcb: c.need(9); c.pos += 9; return c.f64(p + 1);
    case 0xd9: c.need(2); return c.string(2, c.u8(p + 1));
    case 0xda: c.need(3); return c.string(3, c.u16(p + 1));
    case 0xdb: c.need(5); return c.string(5, c.u32(p + 1));
    case 0xdc: c.need(3); c.pos += 3; return newArray(c.u16(p + 1), top);
    case 0xdd: c.need(5); c.pos += 5; return newArray(c.u32(p + 1), top);
    case 0xde: c.need(3); c.pos += 3; return new Filling(new LuaTable(), c.u16(p + 1), true, top);
    case 0xdf: c.need(5); c.pos += 5; return new Filling(new LuaTable(), c.u32(p + 1), true, top);
  }
  if (type < 0x80) { c.pos++; return type; } // positive fixint
  if (type >= 0xe0) { c.pos++; return type - 256; } // negative fixint
  if (type >= 0xa0 && type <= 0xbf) return c.string(1, type & 0x1f); // fixstr
  if (type >= 0x90 && type <= 0x9f) { c.pos++; return newArray(type & 0xf, top); }
  if (type >= 0x80 && type <= 0x8f) { c.pos++; return new Filling(new LuaTable(), type & 0xf, true, top); }
  // 0xc1, bin, ext and fixext: not decoded by 0.4.0.
  return luaError(BAD_FORMAT);
}

/** mp_decode_to_lua_array's start: the table, and room for the index above it. */
function newArray(n: number, top: number): Filling {
  const t = new LuaTable();
  checkStack(top + 1, 1, 'in function mp_decode_to_lua_array');
  return new Filling(t, n, false, top);
}

/**
 * mp_unpack_full: up to `limit` values from byte `offset` on (limit 0 and
 * offset 0: all of them, without the next offset). `top` is the stack slots
 * the arguments left in use.
 */
function unpackFull(args: Args, limit: number, offset: number, top: number): LuaValue[] {
  const s = checkString(args, 0);
  const len = s.length;
  const decodeAll = limit === 0 && offset === 0;
  // The message shows the input length where the limit belongs (as the C code does).
  if (offset < 0 || limit < 0) luaError(`Invalid request to unpack with offset of ${toCInt(offset)} and limit of ${toCInt(len)}.`);
  if (offset > len) luaError(`Start offset ${toCInt(offset)} greater than input length ${len}.`);
  const c = new Input(s, offset);
  const results: LuaValue[] = [];
  for (let count = 0; c.left > 0 && (decodeAll || count < limit); count++) {
    results.push(decodeValue(c, top + count));
  }
  if (decodeAll) return results;
  checkStack(top + results.length, 1, 'in function mp_unpack_full');
  results.unshift(c.left === 0 ? -1 : c.pos);
  return results;
}

/** cmsgpack.unpack(s): every value of the stream. */
function cmsgpack_unpack(...args: Args): LuaValue[] {
  return unpackFull(args, 0, 0, args.length);
}

/** cmsgpack.unpack_one(s[, offset]): the next offset and one value. */
function cmsgpack_unpack_one(...args: Args): LuaValue[] {
  const offset = toPtrdiff(optInteger(args, 1, 0));
  return unpackFull(args, 1, offset, 1);
}

/** cmsgpack.unpack_limit(s, limit[, offset]): the next offset and up to `limit` values. */
function cmsgpack_unpack_limit(...args: Args): LuaValue[] {
  const limit = toPtrdiff(checkInteger(args, 1));
  const offset = toPtrdiff(optInteger(args, 2, 0));
  return unpackFull(args, limit, offset, 1);
}

/** luaopen_cmsgpack: the `cmsgpack` table, also set as a global. */
export function openCmsgpack(L: LuaState): LuaTable {
  const t = new LuaTable();
  setFuncs(t, 'cmsgpack.', {
    pack: cmsgpack_pack,
    unpack: cmsgpack_unpack,
    unpack_one: cmsgpack_unpack_one,
    unpack_limit: cmsgpack_unpack_limit,
  });
  t.setStr('_NAME', 'cmsgpack');
  t.setStr('_VERSION', 'lua-cmsgpack 0.4.0');
  t.setStr('_COPYRIGHT', 'Copyright (C) 2012, Salvatore Sanfilippo');
  t.setStr('_DESCRIPTION', 'MessagePack C implementation for Lua');
  L.globals.setStr('cmsgpack', t);
  return t;
}
