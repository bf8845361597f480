// The table library of Lua 5.1 (ltablib.c of 5.1.5): concat, foreach,
// foreachi, getn, insert, maxn, remove, setn, sort. Tables only, read and
// written raw (lua_rawgeti/lua_rawseti), lengths from the border (no
// __len); positions are C ints. sort is 5.1's quicksort, with its own
// detection of invalid order functions.

import { LuaTable } from '../runtime/table.js';
import { LuaError, readonlyLibraryError } from '../runtime/errors.js';
import * as N from '../runtime/number.js';
import { LuaFloat, luaType, type LuaValue } from '../runtime/value.js';
import type { LuaState } from '../runtime/state.js';
import * as ops from './lauxlib.js';
import { checkInt, checkTable, luaError, optInt, optString, setFuncs, typeError, type Args } from './lauxlib.js';
import { StrBuf } from './strbuf.js';

/** The longest string V8 can build. */
const MAX_STRING = (1 << 29) - 24;

function checkFunction(args: Args, i: number): void {
  if (typeof args[i] !== 'function') typeError(args, i, 'function');
}

function tab51_getn(...args: Args): number {
  return checkTable(args, 0).length();
}

function tab51_setn(...args: Args): never {
  checkTable(args, 0);
  return luaError("'setn' is obsolete");
}

function tab51_maxn(...args: Args): number {
  const t = checkTable(args, 0);
  let max = 0;
  for (let e = t.next(undefined); e !== undefined; e = t.next(e[0])) {
    const k = e[0];
    const v = typeof k === 'number' ? k : k instanceof LuaFloat ? k.n : typeof k === 'bigint' ? Number(k) : undefined;
    if (v !== undefined && v > max) max = v;
  }
  return max;
}

function tab51_foreachi(...args: Args): unknown {
  const t = checkTable(args, 0);
  const n = t.length();
  checkFunction(args, 1);
  const f = args[1];
  for (let i = 1; i <= n; i++) {
    const r = ops.first(ops.call(f, i, t.get(i)));
    if (r !== undefined) return r;
  }
  return ops.EMPTY;
}

function tab51_foreach(...args: Args): unknown {
  const t = checkTable(args, 0);
  checkFunction(args, 1);
  const f = args[1];
  for (let e = t.next(undefined); e !== undefined; e = t.next(e[0])) {
    const r = ops.first(ops.call(f, e[0], e[1]));
    if (r !== undefined) return r;
  }
  return ops.EMPTY;
}

function rawset(t: LuaTable, i: number, v: LuaValue): void {
  if (t.readonly) readonlyLibraryError();
  t.set(i, v);
}

function tab51_insert(...args: Args): unknown {
  const t = checkTable(args, 0);
  let e = t.length() + 1;
  let pos: number;
  switch (args.length) {
    case 2:
      pos = e;
      break;
    case 3:
      pos = checkInt(args, 1);
      if (pos > e) e = pos;
      ops.charge(e - pos);
      for (let i = e; i > pos; i--) rawset(t, i, t.get(i - 1));
      break;
    default:
      return luaError("wrong number of arguments to 'insert'");
  }
  rawset(t, pos, args[args.length - 1]);
  return ops.EMPTY;
}

function tab51_remove(...args: Args): unknown {
  const t = checkTable(args, 0);
  const e = t.length();
  let pos = optInt(args, 1, e);
  if (!(1 <= pos && pos <= e)) return ops.EMPTY;
  const v = t.get(pos);
  ops.charge(e - pos);
  for (; pos < e; pos++) rawset(t, pos, t.get(pos + 1));
  rawset(t, e, undefined);
  return v;
}

function tab51_concat(...args: Args): string {
  const sep = optString(args, 1, '');
  const t = checkTable(args, 0);
  let i = optInt(args, 2, 1);
  const last = args[3] === undefined ? t.length() : checkInt(args, 3);
  const out = new StrBuf();
  const field = (k: number): void => {
    const v = t.get(k);
    let s: string;
    if (typeof v === 'string') s = v;
    else if (typeof v === 'number' || v instanceof LuaFloat || typeof v === 'bigint') s = N.tostringNumber(v);
    else luaError(`invalid value (${luaType(v)}) at index ${k} in table for 'concat'`);
    if (out.length + s.length + sep.length > MAX_STRING) throw new LuaError('not enough memory');
    out.add(s);
  };
  for (; i < last; i++) {
    field(i);
    if (sep !== '') out.add(sep);
  }
  if (i === last) field(i);
  const r = out.toString();
  ops.building(r.length);
  return r;
}

// ------------------------------------------------------------ sort

/** sort_comp: a < b by the comparator, or by `<` (metamethods included). */
function sortComp(f: LuaValue, a: LuaValue, b: LuaValue): boolean {
  ops.charge(1);
  if (f === undefined) {
    if (typeof a === 'number' && typeof b === 'number') return a < b;
    if (typeof a === 'string' && typeof b === 'string') return a < b;
    return ops.lt(a, b);
  }
  return ops.truthy(ops.first(ops.call(f, a, b)));
}

function orderError(): never {
  return luaError('invalid order function for sorting');
}

/** auxsort of 5.1. */
function auxsort(t: LuaTable, f: LuaValue, l: number, u: number): void {
  while (l < u) {
    let i: number, j: number;
    {
      const al = t.get(l), au = t.get(u);
      if (sortComp(f, au, al)) { rawset(t, l, au); rawset(t, u, al); }
    }
    if (u - l === 1) break;
    i = Math.floor((l + u) / 2);
    {
      const ai = t.get(i), al = t.get(l);
      if (sortComp(f, ai, al)) { rawset(t, i, al); rawset(t, l, ai); }
      else {
        const au = t.get(u);
        if (sortComp(f, au, ai)) { rawset(t, i, au); rawset(t, u, ai); }
      }
    }
    if (u - l === 2) break;
    const P = t.get(i);
    {
      const au1 = t.get(u - 1);
      rawset(t, i, au1);
      rawset(t, u - 1, P);
    }
    i = l;
    j = u - 1;
    for (;;) {
      let ai: LuaValue, aj: LuaValue;
      while (sortComp(f, (ai = t.get(++i)), P)) {
        if (i > u) orderError();
      }
      while (sortComp(f, P, (aj = t.get(--j)))) {
        if (j < l) orderError();
      }
      if (j < i) break;
      rawset(t, i, aj);
      rawset(t, j, ai);
    }
    {
      const au1 = t.get(u - 1), ai = t.get(i);
      rawset(t, u - 1, ai);
      rawset(t, i, au1);
    }
    if (i - l < u - i) {
      j = l; i = i - 1; l = i + 2;
    } else {
      j = i + 1; i = u; u = j - 2;
    }
    auxsort(t, f, j, i);
  }
}

function tab51_sort(...args: Args): unknown {
  const t = checkTable(args, 0);
  const n = t.length();
  if (args[1] !== undefined) checkFunction(args, 1);
  if (n > 1 && t.readonly) readonlyLibraryError();
  auxsort(t, args[1], 1, n);
  return ops.EMPTY;
}

// ------------------------------------------------------------ the library

export function openTable51(L: LuaState): void {
  const t = new LuaTable();
  setFuncs(t, 'table.', {
    concat: tab51_concat, foreach: tab51_foreach, foreachi: tab51_foreachi, getn: tab51_getn,
    insert: tab51_insert, maxn: tab51_maxn, remove: tab51_remove, setn: tab51_setn, sort: tab51_sort,
  });
  L.globals.setStr('table', t);
  L.loaded.setStr('table', t);
}
