// The slow paths of Lua operations: everything the generated code's inline
// fast paths do not handle — metamethods, coercions, boxed numbers, errors.
//
// Each operation that can call a metamethod exists twice: a direct version
// for direct-mode code, and a generator version (suffix G) for resumable
// code, which yields metamethod calls to the trampoline so that they can
// yield in turn (coroutine.yield inside __index works, as in lua5.4).

import { LuaTable, countAlloc } from './table.js';
import { LuaFloat, LuaUserdata, isNumber, luaType, mkFloat, type LuaValue, type LuaNumber } from './value.js';
import * as N from './number.js';
import { rtError } from './errors.js';
import { CallRequest, callreq } from './callreq.js';
import { E } from './engine.js';
import { keepNames } from './names.js';

// ---------------------------------------------------------- multiple values

/** Zero results. Shared and frozen: result arrays are never mutated. */
export const EMPTY: LuaValue[] = Object.freeze([]) as unknown as LuaValue[];

export function first(r: unknown): LuaValue {
  return Array.isArray(r) ? r[0] : r;
}

export function nth(r: unknown, i: number): LuaValue {
  return Array.isArray(r) ? r[i] : i === 0 ? r : undefined;
}

/** A result as an array of values. */
export function mv(r: unknown): LuaValue[] {
  return Array.isArray(r) ? r : [r];
}

export function append(fixed: LuaValue[], r: unknown): LuaValue[] {
  if (Array.isArray(r)) {
    for (let i = 0; i < r.length; i++) fixed.push(r[i]);
  } else {
    fixed.push(r);
  }
  return fixed;
}

// ------------------------------------------------------------- metatables

export function getmetatable(v: unknown): LuaTable | null {
  if (v instanceof LuaTable) return v.metatable;
  if (typeof v === 'string') return E.typeMetatables.string;
  if (v instanceof LuaUserdata) return v.metatable;
  return E.typeMetatables[luaType(v) as keyof typeof E.typeMetatables] ?? null;
}

export function metafield(v: unknown, event: string): LuaValue {
  const mt = getmetatable(v);
  return mt === null ? undefined : mt.getStr(event);
}

/** luaT_objtypename: the type name, or the metatable's `__name` when it is a string. */
export function typeName(v: unknown): string {
  // (5.1 names only the basic type.)
  if ((v instanceof LuaTable || v instanceof LuaUserdata) && E.dialect.messages !== '5.1') {
    const mt = v.metatable;
    if (mt !== null) {
      const name = mt.getStr('__name');
      if (typeof name === 'string') return name;
    }
  }
  return luaType(v);
}

function withDesc(desc: string | undefined | null): string {
  return desc ? ` (${desc})` : '';
}

export function typeError(v: unknown, op: string, desc?: string | null): never {
  if (E.dialect.messages === '5.1') rtError(typeError51(v, op, desc));
  rtError(`attempt to ${op} a ${typeName(v)} value${withDesc(desc)}`);
}

/**
 * luaG_typeerror of 5.1: "attempt to call global 'f' (a nil value)". 5.1
 * names only globals, locals, upvalues, fields and methods (getobjname), and
 * uses the basic type name (no `__name`).
 */
function typeError51(v: unknown, op: string, desc?: string | null): string {
  const named = desc && /^(global|local|upvalue|field|method) '/.test(desc);
  return named ? `attempt to ${op} ${desc} (a ${luaType(v)} value)` : `attempt to ${op} a ${luaType(v)} value`;
}

export function truthy(v: unknown): boolean {
  return v !== undefined && v !== false && v !== null;
}

// ------------------------------------------------------------------- calls

/**
 * Most `__call` handlers followed for one call: lua5.4 follows any number,
 * each adding an argument, until its stack (LUAI_MAXSTACK slots) is full.
 */
const MAX_CALL_HOPS = 1_000_000;

/**
 * The values a call of `f` goes through before reaching a function: `f`,
 * its `__call` handler, that one's, and so on (luaD_tryfuncTM, in a loop).
 * The function is called with them, last first, before the arguments. An
 * error names the value in the call's slot (`desc`), where lua5.4 retries
 * each handler.
 */
export function callChain(f: unknown, desc?: string | null): { fn: (...args: LuaValue[]) => unknown; extra: LuaValue[] } {
  const extra: LuaValue[] = [];
  let g = f;
  if (!E.dialect.callChains) {
    // 5.3 (luaD_tryfuncTM): one `__call` handler, which must be a function;
    // a metamethod or for iterator the VM calls has no name in the message.
    if (desc?.startsWith('metamethod ') || desc?.startsWith('for iterator ')) desc = null;
    const h = metafield(f, '__call');
    if (typeof h !== 'function') typeError(f, 'call', desc);
    return { fn: h as (...args: LuaValue[]) => unknown, extra: [f as LuaValue] };
  }
  while (typeof g !== 'function') {
    const h = metafield(g, '__call');
    if (h === undefined) typeError(g, 'call', desc);
    if (extra.length === MAX_CALL_HOPS) rtError('stack overflow');
    extra.push(g as LuaValue);
    g = h;
  }
  return { fn: g as (...args: LuaValue[]) => unknown, extra: extra.reverse() };
}

/** Turn a non-function into something callable through `__call`, or fail. */
export function callable(f: unknown, desc?: string | null): (...args: LuaValue[]) => unknown {
  if (typeof f === 'function') return f as (...args: LuaValue[]) => unknown;
  const h = metafield(f, '__call');
  if (typeof h === 'function') {
    // This extra frame is not a Lua function: account for its stack use too.
    return (...args: LuaValue[]) => {
      const D = E.D;
      D.n += 4;
      const r = h(f, ...args);
      D.n -= 4;
      return r;
    };
  }
  const { fn, extra } = callChain(f, desc);
  // The extra arguments are on the JS stack too.
  const weight = 4 + (extra.length >> 3);
  return (...args: LuaValue[]) => {
    const D = E.D;
    D.n += weight;
    const r = fn(...extra, ...args);
    D.n -= weight;
    return r;
  };
}

/**
 * `callable` for compiled calls, which look up the function before
 * evaluating the arguments: a value without a usable `__call` fails only
 * when called, so errors (and side effects) of the arguments come first, as
 * in lua5.4.
 */
export function callableAtCall(f: unknown, desc?: string | null): (...args: LuaValue[]) => unknown {
  if (typeof metafield(f, '__call') === 'function') return callable(f, desc);
  return (...args: LuaValue[]) => callable(f, desc)(...args);
}

/** Call any Lua value with arguments (direct mode). */
/**
 * Nesting of calls made from host code (library functions, metamethods
 * invoked by the runtime): lua5.4's C-stack count, limited to
 * LUAI_MAXCCALLS (200) levels.
 */
const LUAI_MAXCCALLS = 200;

/** Call metamethod `h` of event `name`; a non-callable one is reported as lua5.4 does ("metamethod 'add'"). */
export function callMeta(h: unknown, name: string, ...args: LuaValue[]): unknown {
  return call(typeof h === 'function' ? h : callable(h, `metamethod '${name}'`), ...args);
}

/**
 * A request to call metamethod `h` from resumable code, checked here, in the
 * running Lua frame, so that an error gets that frame's position.
 */
function metareq(h: unknown, args: LuaValue[], desc: string): CallRequest {
  if (typeof h !== 'function') callable(h, desc);
  return callreq(h, args, desc);
}

/** Call any Lua value with arguments from host code (direct mode). */
export function call(f: unknown, ...args: LuaValue[]): unknown {
  const C = E.C;
  if (++C.n >= LUAI_MAXCCALLS) {
    C.n--;
    rtError('C stack overflow');
  }
  try {
    return (typeof f === 'function' ? f : callable(f))(...args);
  } finally {
    C.n--;
  }
}

// ------------------------------------------------------------------- index

/** Links of `__index` chains of tables that `indexStr` follows inline; longer chains go the general way (dialect.ts `tagLoop`). */
const INLINE_TAG_LOOP = 100;

/** The next step of an `__index` lookup: a value, or a metamethod to call. */
function indexStep(o: unknown, k: LuaValue, desc: string | null | undefined): { done: true; value: LuaValue } | { done: false; next: unknown } {
  let h: LuaValue;
  if (o instanceof LuaTable) {
    const v = o.get(k);
    if (v !== undefined) return { done: true, value: v };
    const mt = o.metatable;
    if (mt === null) return { done: true, value: undefined };
    h = mt.getStr('__index');
    if (h === undefined) return { done: true, value: undefined };
  } else {
    h = metafield(o, '__index');
    if (h === undefined) typeError(o, 'index', desc);
  }
  return { done: false, next: h };
}

export function index(o: unknown, k: LuaValue, desc?: string | null): LuaValue {
  // Plain tables first, without allocating a step record.
  if (o instanceof LuaTable) {
    const v = o.get(k);
    if (v !== undefined || o.metatable === null) return v;
  }
  return indexChain(o, k, desc, 0);
}

/**
 * `o[k]` from generated code whose inline probe of a table's string store
 * for a string key found nothing: goes straight to the metatable. Probing
 * again would cost V8 a string-table lookup each time for a freshly made
 * key (string.sub's results in k-nucleotide, say).
 */
export function indexMiss(o: unknown, k: LuaValue, desc?: string | null): LuaValue {
  if (!(o instanceof LuaTable)) return indexChain(o, k, desc, 0);
  // (with the string keys in the hash part, the probe did not look there)
  const v = typeof k !== 'string' ? o.get(k) : o.strsInHash ? o.getStr(k) : undefined;
  if (v !== undefined) return v;
  const mt = o.metatable;
  if (mt === null) return undefined;
  const h = mt.strs.__index;
  if (h === undefined) return undefined;
  if (typeof h === 'function') return first(call(h, o, k));
  return indexChain(h, k, null, 1);
}

/** The `__index` chain from `o`, its `loop`-th step. */
function indexChain(o: unknown, k: LuaValue, desc: string | null | undefined, loop: number): LuaValue {
  const tags = E.dialect.tagLoop;
  for (; loop < tags.limit; loop++) {
    const step = indexStep(o, k, loop === 0 ? desc : null);
    if (step.done) return step.value;
    const h = step.next;
    if (typeof h === 'function') return first(call(h, o as LuaValue, k));
    o = h;
  }
  rtError(tags.index);
}

/**
 * `o.k` for a constant string key, after the inline own-field check failed:
 * follows `__index` chains of tables directly (the method lookup of every
 * OOP-style call), and falls back to `index` for anything else.
 */
export function indexStr(o: unknown, k: string, desc?: string | null): LuaValue {
  if (o instanceof LuaTable) {
    let t: LuaTable = o;
    for (let loop = 0; loop < INLINE_TAG_LOOP; loop++) {
      const v = t.strs[k];
      if (v !== undefined) return v;
      const mt = t.metatable;
      if (mt === null) return undefined;
      const h = mt.strs.__index;
      if (h === undefined) return undefined;
      if (!(h instanceof LuaTable)) return index(t, k, t === o ? desc : null);
      t = h;
    }
  }
  return index(o, k, desc);
}

/**
 * `o[k] = v` from generated code whose inline probe of a table's string store
 * for a string key and a non-nil value found nothing: with no `__newindex`
 * to consult, the key is added without probing the store again (indexMiss
 * says why that matters).
 */
export function setindexMiss(o: unknown, k: LuaValue, v: LuaValue, desc?: string | null): void {
  if (v !== undefined && typeof k === 'string' && o instanceof LuaTable) {
    const mt = o.metatable;
    if (mt === null || mt.strs.__newindex === undefined) {
      // (with the string keys in the hash part, the probe did not look there)
      if (o.strsInHash) o.setStr(k, v);
      else o.addStr(k, v);
      return;
    }
  }
  setindex(o, k, v, desc);
}

/** `o.k = v` for a constant string key (plain tables inline, the rest through setindex). */
export function setindexStr(o: unknown, k: string, v: LuaValue, desc?: string | null): void {
  if (o instanceof LuaTable) {
    const mt = o.metatable;
    // No __newindex, or the key is present (then __newindex is not consulted).
    if (mt === null || mt.strs.__newindex === undefined || o.strs[k] !== undefined) {
      o.setStr(k, v);
      return;
    }
  }
  setindex(o, k, v, desc);
}

export function* indexG(o: unknown, k: LuaValue, desc?: string | null): Generator<CallRequest, LuaValue, unknown> {
  const tags = E.dialect.tagLoop;
  for (let loop = 0; loop < tags.limit; loop++) {
    const step = indexStep(o, k, loop === 0 ? desc : null);
    if (step.done) return step.value;
    const h = step.next;
    if (typeof h === 'function') return first(yield callreq(h, [o as LuaValue, k], "metamethod 'index'"));
    o = h;
  }
  rtError(tags.index);
}

function checkKey(k: LuaValue): void {
  if (k === undefined) rtError('table index is nil');
  if (typeof k === 'number' && k !== k) rtError('table index is NaN');
}

function newindexStep(o: unknown, k: LuaValue, v: LuaValue, desc: string | null | undefined): unknown {
  let h: LuaValue;
  if (o instanceof LuaTable) {
    const mt = o.metatable;
    if (mt === null || (h = mt.getStr('__newindex')) === undefined || o.get(k) !== undefined) {
      checkKey(k);
      o.set(k, v);
      return undefined;
    }
  } else {
    h = metafield(o, '__newindex');
    if (h === undefined) typeError(o, 'index', desc);
  }
  return h;
}

export function setindex(o: unknown, k: LuaValue, v: LuaValue, desc?: string | null): void {
  if (o instanceof LuaTable && o.metatable === null) {
    checkKey(k);
    o.set(k, v);
    return;
  }
  const tags = E.dialect.tagLoop;
  for (let loop = 0; loop < tags.limit; loop++) {
    const h = newindexStep(o, k, v, loop === 0 ? desc : null);
    if (h === undefined) return;
    if (typeof h === 'function') {
      call(h, o as LuaValue, k, v);
      return;
    }
    o = h;
  }
  rtError(tags.newindex);
}

export function* setindexG(o: unknown, k: LuaValue, v: LuaValue, desc?: string | null): Generator<CallRequest, void, unknown> {
  const tags = E.dialect.tagLoop;
  for (let loop = 0; loop < tags.limit; loop++) {
    const h = newindexStep(o, k, v, loop === 0 ? desc : null);
    if (h === undefined) return;
    if (typeof h === 'function') {
      yield callreq(h, [o as LuaValue, k, v], "metamethod 'newindex'");
      return;
    }
    o = h;
  }
  rtError(tags.newindex);
}

// -------------------------------------------------------------- arithmetic

export type ArithOp = 'add' | 'sub' | 'mul' | 'div' | 'mod' | 'pow' | 'idiv' | 'unm'
  | 'band' | 'bor' | 'bxor' | 'shl' | 'shr' | 'bnot';

const BITWISE = new Set<ArithOp>(['band', 'bor', 'bxor', 'shl', 'shr', 'bnot']);

/** Arithmetic on two numbers (any representation); errors become Lua errors. */
export function numArith(op: ArithOp, a: LuaNumber, b: LuaNumber): LuaValue {
  try {
    switch (op) {
      case 'add': return N.numAdd(a, b);
      case 'sub': return N.numSub(a, b);
      case 'mul': return N.numMul(a, b);
      case 'div': return N.numDiv(a, b);
      case 'pow': return N.numPow(a, b);
      case 'mod': return N.numMod(a, b);
      case 'idiv': return N.numIdiv(a, b);
      case 'unm': return N.numUnm(a);
      case 'band': return N.numBand(a, b);
      case 'bor': return N.numBor(a, b);
      case 'bxor': return N.numBxor(a, b);
      case 'shl': return N.numShl(a, b);
      case 'shr': return N.numShr(a, b);
      case 'bnot': return N.numBnot(a);
    }
  } catch (e) {
    if (e instanceof N.LuaArithError) rtError(e.message);
    throw e;
  }
}

/** luaG_opinterror: blame the first operand that is not a number. */
function opError(a: unknown, b: unknown, da: Desc, db: Desc, what: string): never {
  if (!isNumber(a)) typeError(a, what, da);
  typeError(b, what, db);
}

type Desc = string | null | undefined;

/**
 * Resolve an arithmetic operation (lvm.c + luaT_trybinTM): a value, or a
 * metamethod to call with (a, b). In 5.4, strings take part in arithmetic
 * only through the string metatable's metamethods (stdlib/string), while
 * bitwise operators convert strings in the VM itself.
 */
function arithStep(op: ArithOp, a: unknown, b: unknown, da: Desc, db: Desc): { value: LuaValue } | { mm: unknown } {
  const bitwise = BITWISE.has(op);
  if (!bitwise) {
    if (isNumber(a) && isNumber(b)) return { value: numArith(op, a, b) };
  } else {
    const ia = bitwiseOperand(a), ib = bitwiseOperand(b);
    if (ia !== undefined && ib !== undefined) return { value: numArith(op, ia, ib) };
  }
  const event = `__${op}`;
  let h = metafield(a, event);
  if (h === undefined) h = metafield(b, event);
  if (h !== undefined) return { mm: h };
  if (!bitwise) opError(a, b, da, db, 'perform arithmetic on');
  if (isNumber(a) && isNumber(b)) {
    // luaG_tointerror: blame the first operand without an integer value.
    const bad = N.toInteger(a) === undefined ? da : db;
    rtError(`number${withDesc(bad)} has no integer representation`);
  }
  opError(a, b, da, db, 'perform bitwise operation on');
}

/** luaV_tointegerns ("no string") for bitwise operands: numbers with an exact integer value. */
function bitwiseOperand(v: unknown): LuaNumber | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  return isNumber(v) ? N.toInteger(v) : undefined;
}

/** A JS number or a float box as a double; undefined for anything else (bigints among them). */
function asDouble(v: unknown): number | undefined {
  return typeof v === 'number' ? v : v instanceof LuaFloat ? v.n : undefined;
}

/**
 * `+ - * /` with an integral float (a box) and a float or a small integer:
 * the double operation, as the generated code's inline path does for
 * unboxed operands (a JS-number integer is below 2^53, so it converts
 * exactly). Undefined when that does not apply. Code whose floats come from
 * table fields (awfy CD, n-body) meets boxes here at every integral value.
 */
function boxedFloatArith(op: ArithOp, a: unknown, b: unknown): LuaValue | undefined {
  if (!(a instanceof LuaFloat) && !(b instanceof LuaFloat)) return undefined;
  const x = asDouble(a), y = asDouble(b);
  if (x === undefined || y === undefined) return undefined;
  switch (op) {
    case 'add': return mkFloat(x + y);
    case 'sub': return mkFloat(x - y);
    case 'mul': return mkFloat(x * y);
    case 'div': return mkFloat(x / y);
    default: return undefined;
  }
}

export function arith(op: ArithOp, a: unknown, b: unknown, da?: string | null, db?: string | null): LuaValue {
  const f = boxedFloatArith(op, a, b);
  if (f !== undefined) return f;
  // Boxed floats and big integers: straight to the numeric operation.
  if (isNumber(a) && isNumber(b) && !BITWISE.has(op)) return numArith(op, a, b);
  const step = arithStep(op, a, b, da, db);
  if ('value' in step) return step.value;
  return first(callMeta(step.mm, op, a as LuaValue, b as LuaValue));
}

export function* arithG(op: ArithOp, a: unknown, b: unknown, da?: string | null, db?: string | null): Generator<CallRequest, LuaValue, unknown> {
  const f = boxedFloatArith(op, a, b);
  if (f !== undefined) return f;
  const step = arithStep(op, a, b, da, db);
  if ('value' in step) return step.value;
  return first(yield metareq(step.mm, [a as LuaValue, b as LuaValue], `metamethod '${op}'`));
}

// ------------------------------------------------------------------ concat

export function tostringBasic(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (isNumber(v)) return N.tostringNumber(v);
  return undefined;
}

function concatStep(a: unknown, b: unknown, da: string | null | undefined, db: string | null | undefined): { value: string } | { mm: unknown } {
  const sa = tostringBasic(a);
  const sb = tostringBasic(b);
  if (sa !== undefined && sb !== undefined) {
    E.B.built(sa.length + sb.length);
    return { value: sa + sb };
  }
  let h = metafield(a, '__concat');
  if (h === undefined) h = metafield(b, '__concat');
  if (h !== undefined) return { mm: h };
  if (sa === undefined) typeError(a, 'concatenate', da);
  typeError(b, 'concatenate', db);
}

export function concat(a: unknown, b: unknown, da?: string | null, db?: string | null): LuaValue {
  const step = concatStep(a, b, da, db);
  if ('value' in step) { countAlloc(); return step.value; }
  return first(callMeta(step.mm, 'concat', a as LuaValue, b as LuaValue));
}

export function* concatG(a: unknown, b: unknown, da?: string | null, db?: string | null): Generator<CallRequest, LuaValue, unknown> {
  const step = concatStep(a, b, da, db);
  if ('value' in step) { countAlloc(); return step.value; }
  return first(yield metareq(step.mm, [a as LuaValue, b as LuaValue], "metamethod 'concat'"));
}

// ------------------------------------------------------------- comparison

/** Equality after `a !== b`: numbers across representations, then `__eq`. */
function eqStep(a: unknown, b: unknown): { value: boolean } | { mm: unknown } {
  if (isNumber(a) && isNumber(b)) return { value: N.numEq(a, b) };
  const ta = a instanceof LuaTable, tb = b instanceof LuaTable;
  const ua = a instanceof LuaUserdata, ub = b instanceof LuaUserdata;
  if (!((ta && tb) || (ua && ub))) return { value: false };
  if (E.dialect.eqSameHandler) {
    // 5.1's get_compTM: one metatable, or the same handler in both.
    const ma = (a as LuaTable | LuaUserdata).metatable, mb = (b as LuaTable | LuaUserdata).metatable;
    const h1 = ma === null ? undefined : ma.getStr('__eq');
    if (h1 === undefined) return { value: false };
    if (ma === mb) return { mm: h1 };
    const h2 = mb === null ? undefined : mb.getStr('__eq');
    return h2 !== undefined && (h1 === h2 || (isNumber(h1) && isNumber(h2) && N.numEq(h1, h2))) ? { mm: h1 } : { value: false };
  }
  // (a, b: tables or userdata here; named loads of __eq rather than getStr's megamorphic keyed one)
  let h = (a as LuaTable | LuaUserdata).metatable?.strs.__eq;
  if (h === undefined) h = (b as LuaTable | LuaUserdata).metatable?.strs.__eq;
  if (h === undefined) return { value: false };
  return { mm: h };
}

/**
 * Whether `a == b` is `a === b` (called once that failed): a string, boolean,
 * nil or function on either side (=== compares strings by content), or two
 * unboxed numbers (integral floats, -0.0 included, are boxed). Generated code
 * calls eq for every `a == b` that is not identical (`a === b || $eq(a, b)`),
 * mostly with such values: this spares them eqStep's record.
 */
function eqByIdentity(a: unknown, b: unknown): boolean {
  const ta = typeof a, tb = typeof b;
  return ta === 'string' || tb === 'string' || ta === 'undefined' || tb === 'undefined' ||
    ta === 'boolean' || tb === 'boolean' || ta === 'function' || tb === 'function' ||
    (ta === 'number' && tb === 'number');
}

/** `a == b` when one operand is a float box and the other a float or a small integer; undefined otherwise. */
function boxedFloatEq(a: unknown, b: unknown): boolean | undefined {
  if (!(a instanceof LuaFloat) && !(b instanceof LuaFloat)) return undefined;
  const x = asDouble(a), y = asDouble(b);
  return x === undefined || y === undefined ? undefined : x === y;
}

export function eq(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // (Strings, nil, booleans and functions first: unequal strings come here often.)
  if (eqByIdentity(a, b)) return false;
  const f = boxedFloatEq(a, b);
  if (f !== undefined) return f;
  const step = eqStep(a, b);
  if ('value' in step) return step.value;
  return truthy(first(callMeta(step.mm, 'eq', a as LuaValue, b as LuaValue)));
}

export function* eqG(a: unknown, b: unknown): Generator<CallRequest, boolean, unknown> {
  if (a === b) return true;
  // (Strings, nil, booleans and functions first: unequal strings come here often.)
  if (eqByIdentity(a, b)) return false;
  const f = boxedFloatEq(a, b);
  if (f !== undefined) return f;
  const step = eqStep(a, b);
  if ('value' in step) return step.value;
  return truthy(first(yield metareq(step.mm, [a as LuaValue, b as LuaValue], "metamethod 'eq'")));
}

function orderError(a: unknown, b: unknown): never {
  const t1 = typeName(a), t2 = typeName(b);
  if (t1 === t2) rtError(`attempt to compare two ${t1} values`);
  rtError(`attempt to compare ${t1} with ${t2}`);
}

/**
 * An order comparison: a value, or a metamethod to call with (x, y) whose
 * truth (negated when `negate`) is the result. Without `__le`, `a <= b` is
 * `not (b < a)` through `__lt` (LUA_COMPAT_LT_LE, on in lua5.4).
 */
function orderStep(a: unknown, b: unknown, event: '__lt' | '__le'):
  { value: boolean } | { mm: unknown; x: unknown; y: unknown; negate: boolean } {
  if (E.dialect.eqSameHandler) return orderStep51(a, b, event);
  if (isNumber(a) && isNumber(b)) return { value: event === '__lt' ? N.numLt(a, b) : N.numLe(a, b) };
  if (typeof a === 'string' && typeof b === 'string') return { value: event === '__lt' ? a < b : a <= b };
  let h = metafield(a, event);
  if (h === undefined) h = metafield(b, event);
  if (h !== undefined) return { mm: h, x: a, y: b, negate: false };
  if (event === '__le') {
    h = metafield(b, '__lt');
    if (h === undefined) h = metafield(a, '__lt');
    if (h !== undefined) return { mm: h, x: b, y: a, negate: true };
  }
  orderError(a, b);
}

/**
 * 5.1's lessthan/lessequal: operands of one type; tables and userdata use a
 * metamethod only when both operands have the same one (call_orderTM).
 */
function orderStep51(a: unknown, b: unknown, event: '__lt' | '__le'):
  { value: boolean } | { mm: unknown; x: unknown; y: unknown; negate: boolean } {
  if (isNumber(a) && isNumber(b)) return { value: event === '__lt' ? N.numLt(a, b) : N.numLe(a, b) };
  if (luaType(a) !== luaType(b)) orderError(a, b);
  if (typeof a === 'string' && typeof b === 'string') return { value: event === '__lt' ? a < b : a <= b };
  const h = sameHandler(a, b, event);
  if (h !== undefined) return { mm: h, x: a, y: b, negate: false };
  if (event === '__le') {
    const l = sameHandler(b, a, '__lt');
    if (l !== undefined) return { mm: l, x: b, y: a, negate: true };
  }
  orderError(a, b);
}

/** The metamethod both operands have, the same value (5.1); undefined otherwise. */
function sameHandler(a: unknown, b: unknown, event: string): LuaValue {
  const h = metafield(a, event);
  if (h === undefined) return undefined;
  const h2 = metafield(b, event);
  return h === h2 || (isNumber(h) && isNumber(h2) && N.numEq(h, h2)) ? h : undefined;
}

/**
 * `a < b` or `a <= b` when one operand is a float box and the other a float
 * or a small integer (exact on doubles); undefined otherwise.
 */
function boxedFloatOrder(a: unknown, b: unknown, le: boolean): boolean | undefined {
  if (!(a instanceof LuaFloat) && !(b instanceof LuaFloat)) return undefined;
  const x = asDouble(a), y = asDouble(b);
  if (x === undefined || y === undefined) return undefined;
  return le ? x <= y : x < y;
}

export function lt(a: unknown, b: unknown): boolean {
  // Strings first: generated code inlines only numbers, and orderStep
  // answers with a record (sorting 200,000 strings: see the commit).
  if (typeof a === 'string' && typeof b === 'string') return a < b;
  const f = boxedFloatOrder(a, b, false);
  if (f !== undefined) return f;
  const step = orderStep(a, b, '__lt');
  if ('value' in step) return step.value;
  return truthy(first(callMeta(step.mm, 'lt', step.x as LuaValue, step.y as LuaValue))) !== step.negate;
}

export function* ltG(a: unknown, b: unknown): Generator<CallRequest, boolean, unknown> {
  if (typeof a === 'string' && typeof b === 'string') return a < b;
  const f = boxedFloatOrder(a, b, false);
  if (f !== undefined) return f;
  const step = orderStep(a, b, '__lt');
  if ('value' in step) return step.value;
  return truthy(first(yield metareq(step.mm, [step.x as LuaValue, step.y as LuaValue], "metamethod 'lt'"))) !== step.negate;
}

export function le(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a <= b;
  const f = boxedFloatOrder(a, b, true);
  if (f !== undefined) return f;
  const step = orderStep(a, b, '__le');
  if ('value' in step) return step.value;
  return truthy(first(callMeta(step.mm, step.negate ? 'lt' : 'le', step.x as LuaValue, step.y as LuaValue))) !== step.negate;
}

export function* leG(a: unknown, b: unknown): Generator<CallRequest, boolean, unknown> {
  if (typeof a === 'string' && typeof b === 'string') return a <= b;
  const f = boxedFloatOrder(a, b, true);
  if (f !== undefined) return f;
  const step = orderStep(a, b, '__le');
  if ('value' in step) return step.value;
  return truthy(first(yield metareq(step.mm, [step.x as LuaValue, step.y as LuaValue], `metamethod '${step.negate ? 'lt' : 'le'}'`))) !== step.negate;
}

// ------------------------------------------------------------------ length

function lenStep(v: unknown, desc: string | null | undefined): { value: LuaValue } | { mm: unknown } {
  if (typeof v === 'string') return { value: v.length };
  // 5.1: a table's length is its border, whatever its metatable says.
  if (v instanceof LuaTable && !E.dialect.lenOfTables) return { value: v.length() };
  const h = metafield(v, '__len');
  if (h !== undefined) return { mm: h };
  if (v instanceof LuaTable) return { value: v.length() };
  typeError(v, 'get length of', desc);
}

export function len(v: unknown, desc?: string | null): LuaValue {
  if (v instanceof LuaTable && v.metatable === null) return v.length();
  const step = lenStep(v, desc);
  if ('value' in step) return step.value;
  return first(callMeta(step.mm, 'len', v as LuaValue, v as LuaValue));
}

export function* lenG(v: unknown, desc?: string | null): Generator<CallRequest, LuaValue, unknown> {
  const step = lenStep(v, desc);
  if ('value' in step) return step.value;
  return first(yield metareq(step.mm, [v as LuaValue, v as LuaValue], "metamethod 'len'"));
}

// ---------------------------------------------------------- table literals

export function tableArray(values: LuaValue[]): LuaTable {
  return LuaTable.fromArray(values);
}

/**
 * The value of a constructor's keyed item whose key may be nil or NaN:
 * lua5.4 checks the key when it stores the item, after evaluating the value
 * and before the items that follow.
 */
export function keyed(k: LuaValue, v: LuaValue): LuaValue {
  checkKey(k);
  return v;
}

/**
 * A table constructor with keyed items or a multi-valued last item, encoded
 * as a flat list: 0 v (positional), 2 k v (keyed), 1 r (expanded result).
 */
export function tableBuild(items: unknown[]): LuaTable {
  // Like lua5.4's constructor code: the array part is sized for the
  // positional items, which are stored 50 at a time (LFIELDS_PER_FLUSH) and
  // at the end, nils included, so `{nil, 2, [k] = v}` has length 2 as
  // `{nil, 2}` has; keyed items are stored as they come, so a keyed store to
  // a positional index before that index is flushed is overwritten by it
  // (`{[1] = 'a', 'b'}` has t[1] == 'b').
  const values: LuaValue[] = [];
  const keyed: { k: LuaValue; v: LuaValue; flushed: number }[] = [];
  let flushed = 0;
  for (let i = 0; i < items.length;) {
    if (values.length - flushed === 50) flushed = values.length;
    const tag = items[i];
    if (tag === 0) {
      values.push(items[i + 1] as LuaValue);
      i += 2;
    } else if (tag === 2) {
      const k = items[i + 1] as LuaValue;
      checkKey(k);
      keyed.push({ k, v: items[i + 2] as LuaValue, flushed });
      i += 3;
    } else {
      for (const v of mv(items[i + 1])) values.push(v);
      i += 2;
    }
  }
  const count = values.length;
  const t = LuaTable.fromArray(values);
  for (const { k, v, flushed } of keyed) {
    const index = listIndex(k);
    if (index > flushed && index <= count) continue;
    t.set(k, v);
  }
  return t;
}

/** The positional index key `k` stands for (2.0 is 2), or 0 when it is not an integer. */
function listIndex(k: LuaValue): number {
  const n = typeof k === 'number' ? k : k instanceof LuaFloat ? k.n : 0;
  return Number.isInteger(n) ? n : 0;
}

export { LuaFloat };

// Tracebacks name the metamethod a level was called for by these callers (traceback.ts).
keepNames({ index, indexMiss, indexG, setindex, setindexMiss, setindexG, concat, concatG, eq, eqG, lt, ltG, le, leG, len, lenG, arith, arithG });
