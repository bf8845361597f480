// The table library (ltablib.c of Lua 5.4): concat, insert, move, pack,
// remove, sort, unpack.
//
// As in 5.4, elements are read and written with metamethods (lua_geti /
// lua_seti: __index, __newindex) and lengths come from luaL_len (__len);
// arguments that are not tables are accepted when their metatable has the
// metamethods needed (checktab). Tables whose behaviour is raw (no metatable,
// or one without __index/__newindex/__len) take fast paths on the array part.
//
// table.sort is ltablib's quicksort: same pivot choices (median of three, the
// middle element; a "randomized" pivot only after a badly unbalanced
// partition, chosen deterministically here), same sequence of reads, writes
// and comparator calls, and the same "invalid order function" detection.

import { LuaTable } from '../runtime/table.js';
import { E } from '../runtime/engine.js';
import { LuaError, readonlyLibraryError } from '../runtime/errors.js';
import * as ops from './lauxlib.js';
import * as N from '../runtime/number.js';
import { LuaFloat, luaType, mkInt, type LuaInteger, type LuaValue } from '../runtime/value.js';
import type { LuaState } from '../runtime/state.js';
import {
  argError, checkInteger, checkString, luaError, optInteger, setFuncs, typeError, type Args,
} from './lauxlib.js';
import { StrBuf } from './strbuf.js';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const INT_MAX = 2147483647;
/** lua_checkstack's limit as seen by a top-level call (LUAI_MAXSTACK minus the stack in use). */
const MAX_UNPACK = 999979;
/** The longest string V8 can build. */
const MAX_STRING = (1 << 29) - 24;

const TAB_R = 1;
const TAB_W = 2;
const TAB_L = 4;

// ------------------------------------------------------------ helpers

/** A table whose element reads, writes and length are raw (no relevant metamethods). */
function isRaw(t: unknown): t is LuaTable {
  if (!(t instanceof LuaTable)) return false;
  const mt = t.metatable;
  if (mt === null) return true;
  const s = mt.strs;
  return s.__index === undefined && s.__newindex === undefined && s.__len === undefined;
}

/** checktab: a table, or a value whose metatable has the needed metamethods. */
function checkTab(args: Args, i: number, what: number): void {
  const v = args[i];
  if (v instanceof LuaTable) return;
  const mt = ops.getmetatable(v);
  if (mt !== null &&
      (!(what & TAB_R) || mt.getStr('__index') !== undefined) &&
      (!(what & TAB_W) || mt.getStr('__newindex') !== undefined) &&
      (!(what & TAB_L) || mt.getStr('__len') !== undefined)) return;
  typeError(args, i, 'table');
}

/** luaL_len: the length (with __len) as an integer. */
function auxLen(t: unknown): LuaInteger {
  if (t instanceof LuaTable && t.metatable === null) return t.arr.length;
  const v = ops.len(t);
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  const n = N.tointeger(v);
  if (n === undefined) luaError('object length is not an integer');
  return n;
}

/** lua_geti. */
function geti(t: unknown, i: LuaInteger): LuaValue {
  if (t instanceof LuaTable && t.metatable === null) return typeof i === 'number' ? t.getInt(i) : t.get(i);
  return ops.index(t, i);
}

/** lua_seti. */
function seti(t: unknown, i: LuaInteger, v: LuaValue): void {
  ops.charge(1); // table.move, insert and remove move elements one by one
  if (t instanceof LuaTable && t.metatable === null) {
    if (typeof i === 'number') t.setInt(i, v);
    else t.set(i, v);
    return;
  }
  ops.setindex(t, i, v);
}

/** Integer i + d with wrap-around (luaL_intop). */
function iadd(i: LuaInteger, d: number): LuaInteger {
  if (typeof i === 'number') {
    const r = i + d;
    if (r >= -MAX_SAFE && r <= MAX_SAFE) return r;
  }
  return mkInt(BigInt(i) + BigInt(d));
}

function usub(a: LuaInteger, b: LuaInteger): bigint {
  return BigInt.asUintN(64, BigInt(a) - BigInt(b));
}

function u64(a: LuaInteger): bigint {
  return BigInt.asUintN(64, BigInt(a));
}

// ------------------------------------------------------------ insert / remove

function tab_insert(...args: Args): unknown {
  const t = args[0];
  checkTab(args, 0, TAB_R | TAB_W | TAB_L);
  if (isRaw(t)) {
    const e = t.arr.length + 1; // first empty element
    switch (args.length) {
      case 2:
        t.setInt(e, args[1]);
        return ops.EMPTY;
      case 3: {
        const pos = checkInteger(args, 1);
        if (!(typeof pos === 'number' && pos >= 1 && pos <= e)) argError(2, 'position out of bounds');
        // (checkInteger and argError run no Lua code, so t is unchanged)
        ops.charge((e - pos) >> 3);
        t.insertAt(pos, args[2]);
        return ops.EMPTY;
      }
      default:
        return luaError("wrong number of arguments to 'insert'");
    }
  }
  const e = iadd(auxLen(t), 1);
  let pos: LuaInteger;
  switch (args.length) {
    case 2:
      pos = e;
      break;
    case 3: {
      pos = checkInteger(args, 1);
      if (!(usub(pos, 1) < u64(e))) argError(2, 'position out of bounds');
      for (let i = e; i > pos; i = iadd(i, -1)) seti(t, i, geti(t, iadd(i, -1)));
      break;
    }
    default:
      return luaError("wrong number of arguments to 'insert'");
  }
  seti(t, pos, args[args.length - 1]);
  return ops.EMPTY;
}

function tab_remove(...args: Args): LuaValue {
  const t = args[0];
  checkTab(args, 0, TAB_R | TAB_W | TAB_L);
  if (isRaw(t)) {
    const size = t.arr.length;
    const pos = optInteger(args, 1, size);
    if (pos !== size && !(typeof pos === 'number' && pos >= 1 && pos <= size + 1)) {
      argError(1, 'position out of bounds'); // (sic: lua5.4.4 blames argument #1)
    }
    if (size === 0 || pos === size + 1) {
      // t[pos] (t[0] or t[#t+1]), then t[pos] = nil
      const v = t.get(pos);
      // (lua5.4 stores the nil anyway: a write, refused by a read-only table)
      if (v !== undefined || t.readonly) t.set(pos, undefined);
      return v;
    }
    ops.charge((size - (pos as number)) >> 3);
    return t.removeAt(pos as number);
  }
  const size = auxLen(t);
  let pos = optInteger(args, 1, size);
  if (pos !== size && !(usub(pos, 1) <= u64(size))) argError(1, 'position out of bounds');
  const v = geti(t, pos);
  for (; pos < size; pos = iadd(pos, 1)) seti(t, pos, geti(t, iadd(pos, 1)));
  seti(t, pos, undefined);
  return v;
}

// ------------------------------------------------------------ move

function tab_move(...args: Args): LuaValue {
  const a1 = args[0];
  const f = checkInteger(args, 1);
  const e = checkInteger(args, 2);
  const t = checkInteger(args, 3);
  const tt = args[4] !== undefined ? 4 : 0; // destination table
  checkTab(args, 0, TAB_R);
  checkTab(args, tt, TAB_W);
  const dest = args[tt];
  if (e >= f) {
    if (typeof f === 'number' && typeof e === 'number' && typeof t === 'number') {
      // with safe integers neither check below can fail
      const n = e - f + 1;
      if (t + n <= MAX_SAFE && e + 1 <= MAX_SAFE) {
        const forward = t > e || t <= f || (tt !== 0 && !ops.eq(a1, dest));
        if (forward) {
          for (let i = 0; i < n; i++) seti(dest, t + i, geti(a1, f + i));
        } else {
          for (let i = n - 1; i >= 0; i--) seti(dest, t + i, geti(a1, f + i));
        }
        return dest;
      }
    }
    const F = BigInt(f), E = BigInt(e), T = BigInt(t);
    const MAXI = (1n << 63n) - 1n;
    if (!(F > 0n || E < MAXI + F)) argError(3, 'too many elements to move');
    const n = E - F + 1n; // number of elements to move
    if (!(T <= MAXI - n + 1n)) argError(4, 'destination wrap around');
    if (T > E || T <= F || (tt !== 0 && !ops.eq(a1, dest))) {
      for (let i = 0n; i < n; i++) seti(dest, mkInt(T + i), geti(a1, mkInt(F + i)));
    } else {
      for (let i = n - 1n; i >= 0n; i--) seti(dest, mkInt(T + i), geti(a1, mkInt(F + i)));
    }
  }
  return dest;
}

// ------------------------------------------------------------ concat

function invalidConcatValue(v: LuaValue, i: LuaInteger): never {
  return luaError(`invalid value (${luaType(v)}) at index ${String(i)} in table for 'concat'`);
}

function tooLarge(): never {
  throw new LuaError('not enough memory');
}

function tab_concat(...args: Args): LuaValue {
  const t = args[0];
  checkTab(args, 0, TAB_R | TAB_L);
  const len = auxLen(t);
  const sep = args[1] === undefined ? '' : checkString(args, 1);
  let i = optInteger(args, 2, 1);
  const last = optInteger(args, 3, len);
  if (!(i <= last)) return '';
  if (isRaw(t) && typeof i === 'number' && typeof last === 'number' && last < MAX_SAFE) {
    // A plain table: the pieces (which the table holds anyway) go in one
    // array joined once, the fastest way V8 has (no rope of millions of
    // cons cells, each byte copied once).
    const arr = t.arr;
    const lim = Math.min(last, arr.length);
    const pieces: string[] = [];
    let length = 0;
    for (; i <= last; i++) {
      const v = i >= 1 && i <= lim ? arr[i - 1] : t.getInt(i);
      let s: string;
      if (typeof v === 'string') s = v;
      else if (typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat) s = N.tostringNumber(v);
      else return invalidConcatValue(v, i);
      length += s.length + sep.length;
      if (length > MAX_STRING + sep.length) tooLarge();
      pieces.push(s);
      if ((pieces.length & 1023) === 0) ops.charge(1024);
    }
    ops.building(Math.max(0, length - sep.length));
    return pieces.join(sep);
  }
  // Pieces are joined in groups (StrBuf): a rope of millions of pieces
  // costs several times the result's size before it is flattened.
  const out = new StrBuf();
  for (;;) {
    const v = geti(t, i);
    let s: string;
    if (typeof v === 'string') s = v;
    else if (typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat) s = N.tostringNumber(v);
    else return invalidConcatValue(v, i);
    if (out.length + s.length + sep.length > MAX_STRING) tooLarge();
    out.add(s);
    if (i === last || !(i < last)) break;
    if (sep !== '') out.add(sep);
    i = iadd(i, 1);
  }
  return out.toString();
}

// ------------------------------------------------------------ pack / unpack

function tab_pack(...args: Args): LuaTable {
  const n = args.length;
  const t = LuaTable.fromArray(args); // takes ownership of the (fresh) rest array
  t.setStr('n', n);
  return t;
}

function tab_unpack(...args: Args): unknown {
  const t = args[0];
  const i = optInteger(args, 1, 1);
  const e = args[2] === undefined ? auxLen(t) : checkInteger(args, 2);
  if (i > e) return ops.EMPTY;
  const n = typeof i === 'number' && typeof e === 'number' ? e - i : Number(BigInt(e) - BigInt(i));
  if (n >= MAX_UNPACK) luaError('too many results to unpack');
  if (n === 0) return geti(t, i);
  const count = n + 1;
  ops.charge(count);
  if (isRaw(t) && typeof i === 'number' && typeof e === 'number') {
    const arr = t.arr;
    if (i >= 1 && e <= arr.length) return arr.slice(i - 1, e);
    const out = new Array<LuaValue>(count);
    for (let k = 0; k < count; k++) out[k] = t.getInt(i + k);
    return out;
  }
  const out = new Array<LuaValue>(count);
  let k = i;
  for (let j = 0; j < count; j++, k = iadd(k, 1)) out[j] = geti(t, k);
  return out;
}

// ------------------------------------------------------------ sort

/** Deterministic replacement for l_randomizePivot (which mixes clock() and time()). */
function randomizePivot(): number {
  const r = E.sortRandom = (Math.imul(E.sortRandom, 1103515245) + 12345) >>> 0;
  return r === 0 ? 1 : r;
}

/** lua5.4's limit of nested C calls (see ops.call). */
const LUAI_MAXCCALLS = 200;

function orderError(): never {
  return luaError('invalid order function for sorting');
}

/** sort_comp: a < b with the comparator (or the `<` operator). */
function sortComp(f: unknown, a: LuaValue, b: LuaValue): boolean {
  ops.charge(1);
  if (f === undefined) {
    if (typeof a === 'number' && typeof b === 'number') return a < b;
    if (typeof a === 'string' && typeof b === 'string') return a < b;
    return ops.lt(a, b);
  }
  // The call is a C level (lua_call in lua5.4): tab_sort counts it.
  return truthy((f as (x: LuaValue, y: LuaValue) => unknown)(a, b));
}

/** The first of a call's results as a condition. */
function truthy(r: unknown): boolean {
  const v = Array.isArray(r) ? r[0] : r;
  return v !== undefined && v !== false && v !== null;
}

function sget(t: unknown, i: number): LuaValue {
  return t instanceof LuaTable && t.metatable === null ? t.getInt(i) : ops.index(t, i);
}

function sset(t: unknown, i: number, v: LuaValue): void {
  if (t instanceof LuaTable && t.metatable === null) t.setInt(i, v);
  else ops.setindex(t, i, v);
}

/** partition, with a[up - 1] == P on entry; returns the final position of the pivot. */
function partition(t: unknown, f: unknown, lo: number, up: number, P: LuaValue): number {
  let i = lo; // incremented before first use
  let j = up - 1; // decremented before first use
  for (;;) {
    let ai: LuaValue, aj: LuaValue;
    // repeat ++i while a[i] < P
    while (sortComp(f, (ai = sget(t, ++i)), P)) {
      if (i === up - 1) orderError(); // a[i] < P but a[up - 1] == P
    }
    // repeat --j while P < a[j]
    while (sortComp(f, P, (aj = sget(t, --j)))) {
      if (j < i) orderError(); // j < i but a[j] > P
    }
    if (j < i) {
      // swap the pivot (a[up - 1]) with a[i]
      sset(t, up - 1, ai);
      sset(t, i, P);
      return i;
    }
    sset(t, i, aj);
    sset(t, j, ai);
  }
}

function choosePivot(lo: number, up: number, rnd: number): number {
  const r4 = Math.floor((up - lo) / 4); // range/4
  return (rnd % (r4 * 2)) + (lo + r4);
}

function auxsort(t: unknown, f: unknown, lo: number, up: number, rnd: number): void {
  while (lo < up) {
    // sort elements lo, p and up
    {
      const alo = sget(t, lo), aup = sget(t, up);
      if (sortComp(f, aup, alo)) { sset(t, lo, aup); sset(t, up, alo); }
    }
    if (up - lo === 1) break; // only 2 elements
    let p: number;
    if (up - lo < 100 || rnd === 0) p = Math.floor((lo + up) / 2);
    else p = choosePivot(lo, up, rnd);
    {
      const ap = sget(t, p), alo = sget(t, lo);
      if (sortComp(f, ap, alo)) { sset(t, p, alo); sset(t, lo, ap); }
      else {
        const aup = sget(t, up);
        if (sortComp(f, aup, ap)) { sset(t, p, aup); sset(t, up, ap); }
      }
    }
    if (up - lo === 2) break; // only 3 elements
    const P = sget(t, p); // the pivot
    sset(t, p, sget(t, up - 1));
    sset(t, up - 1, P);
    p = partition(t, f, lo, up, P);
    let n: number;
    if (p - lo < up - p) {
      auxsort(t, f, lo, p - 1, rnd); // the lower interval is shorter
      n = p - lo;
      lo = p + 1;
    } else {
      auxsort(t, f, p + 1, up, rnd);
      n = up - p;
      up = p - 1;
    }
    if (Math.floor((up - lo) / 128) > n) rnd = randomizePivot(); // too unbalanced
  }
}

/**
 * The same algorithm on a JS array of numbers only or strings only, compared
 * with `<` (no Lua code can run, so the array can be used directly).
 * a[k - 1] is element k.
 */
function auxsortArray(a: LuaValue[], lo: number, up: number, rnd: number): void {
  while (lo < up) {
    ops.charge(up - lo); // a partition pass
    {
      const alo = a[lo - 1] as number, aup = a[up - 1] as number;
      if (aup < alo) { a[lo - 1] = aup; a[up - 1] = alo; }
    }
    if (up - lo === 1) break;
    let p: number;
    if (up - lo < 100 || rnd === 0) p = Math.floor((lo + up) / 2);
    else p = choosePivot(lo, up, rnd);
    {
      const ap = a[p - 1] as number, alo = a[lo - 1] as number;
      if (ap < alo) { a[p - 1] = alo; a[lo - 1] = ap; }
      else {
        const aup = a[up - 1] as number;
        if (aup < ap) { a[p - 1] = aup; a[up - 1] = ap; }
      }
    }
    if (up - lo === 2) break;
    const P = a[p - 1] as number;
    a[p - 1] = a[up - 2];
    a[up - 2] = P;
    // partition
    let i = lo, j = up - 1;
    for (;;) {
      let ai: number, aj: number;
      while ((ai = a[i++] as number) < P) { // a[i] is element i + 1 (pre-incremented index)
        if (i === up - 1) orderError();
      }
      while (P < (aj = a[(--j) - 1] as number)) {
        if (j < i) orderError();
      }
      if (j < i) {
        a[up - 2] = ai;
        a[i - 1] = P;
        break;
      }
      a[i - 1] = aj;
      a[j - 1] = ai;
    }
    p = i;
    let n: number;
    if (p - lo < up - p) {
      auxsortArray(a, lo, p - 1, rnd);
      n = p - lo;
      lo = p + 1;
    } else {
      auxsortArray(a, p + 1, up, rnd);
      n = up - p;
      up = p - 1;
    }
    if (Math.floor((up - lo) / 128) > n) rnd = randomizePivot();
  }
}

/** Whether every element of a is a JS number, or every one a string. */
function homogeneous(a: LuaValue[]): boolean {
  const n = a.length;
  const kind = typeof a[0];
  if (kind !== 'number' && kind !== 'string') return false;
  for (let k = 1; k < n; k++) if (typeof a[k] !== kind) return false;
  return true;
}

function tab_sort(...args: Args): unknown {
  const t = args[0];
  checkTab(args, 0, TAB_R | TAB_W | TAB_L);
  const n = auxLen(t);
  if (n > 1) {
    if (!(n < INT_MAX)) argError(1, 'array too big');
    const f = args[1];
    if (f !== undefined && typeof f !== 'function') typeError(args, 1, 'function');
    const up = n as number;
    // Before the comparator runs (lua5.4 checks nothing: it has no read-only tables).
    if (t instanceof LuaTable && t.readonly) readonlyLibraryError();
    if (f === undefined && isRaw(t) && t.arr.length === up && homogeneous(t.arr)) {
      auxsortArray(t.arr, 1, up, 0);
    } else if (f === undefined) {
      auxsort(t, f, 1, up, 0);
    } else if (!isRaw(t)) {
      // Each comparator call is a C level in lua5.4 (lua_call from
      // sort_comp): a comparator that sorts again ends in "C stack overflow".
      auxsort(t, (a: LuaValue, b: LuaValue) => ops.call(f, a, b), 1, up, 0);
    } else {
      // The same, counted once for the whole sort: with no metamethods,
      // only the comparator runs Lua code while it lasts. At the limit,
      // ops.call raises the error (before calling anything).
      const C = E.C;
      if (C.n >= LUAI_MAXCCALLS - 1) ops.call(f);
      C.n++;
      try {
        auxsort(t, f, 1, up, 0);
      } finally {
        C.n--;
      }
    }
  }
  return ops.EMPTY;
}

// ------------------------------------------------------------ the library

export function openTable(L: LuaState): void {
  const t = new LuaTable();
  setFuncs(t, 'table.', {
    concat: tab_concat, insert: tab_insert, move: tab_move, pack: tab_pack,
    remove: tab_remove, sort: tab_sort, unpack: tab_unpack,
  });
  L.globals.setStr('table', t);
  L.loaded.setStr('table', t);
}
