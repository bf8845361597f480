// Minimal runtime for the representation micro-benchmarks (docs/repr-bench.md).
// This is a STAND-IN for what Regolith's real runtime would provide: only the
// paths the benchmark programs exercise are implemented faithfully; the rest
// throws.  Fast paths are what matter here; slow paths exist so that the
// generated code has the same shape (call to an out-of-line helper) as the
// real thing.

export const MAX = 9007199254740991;
export const LIMIT = 7000; // call-depth limit used by the depth-counter variants

// ---------------------------------------------------------------------------
// Values
// Representation A: integer = JS number with Number.isInteger (or bigint when
// outside the safe range), float = raw JS number when non-integral (incl.
// NaN/±Inf), LuaFloat box when integral-valued (3.0, -0.0).
// Representation B: integer = raw JS number, EVERY float = LuaFloat box.
export class LuaFloat {
  constructor(n) { this.n = n; }
}
export const mkfloat = (r) => (Number.isInteger(r) ? new LuaFloat(r) : r);

// Three flavours of string-keyed storage, selected per variant.
// 'strs'     : Object.create(null)  (V8 puts these in dictionary mode)
// 'strsfast' : instance of a class whose prototype has a null prototype
//              (fast hidden-class properties, no inherited keys)
// 'map'      : Map<string, value>
export function StrsFast() {}
StrsFast.prototype = Object.create(null); // no Object.prototype keys inherited

export class LuaTable {
  strs = Object.create(null);
  arr = [];
  hash = new Map();
  metatable = null;
}
export class LuaTableF { // 'strsfast' flavour; identical except strs
  strs = new StrsFast();
  arr = [];
  hash = new Map();
  metatable = null;
}

// ---------------------------------------------------------------------------
// Representation A arithmetic helpers (the "helper" variants call these; the
// "inline" variants inline the fast path and call the *Slow ones).
function tofloat(x) {
  if (typeof x === 'number') return x;
  if (x instanceof LuaFloat) return x.n;
  if (typeof x === 'bigint') return Number(x);
  throw new Error('attempt to perform arithmetic on a ' + typeof x + ' value');
}
function toint64(x) { // integer operand -> bigint (for the wrap-around path)
  return typeof x === 'bigint' ? x : BigInt(x);
}
function normInt(b) { // bigint result -> canonical integer representation
  const w = BigInt.asIntN(64, b);
  return w >= -9007199254740991n && w <= 9007199254740991n ? Number(w) : w;
}
const isInt = (x) => typeof x === 'bigint' || (typeof x === 'number' && Number.isInteger(x));

// Both operands are numbers, the raw result is integral: either int overflow
// or float op giving an integral value.
export function addNum(a, b) {
  if (Number.isInteger(a) && Number.isInteger(b)) return normInt(BigInt(a) + BigInt(b));
  return new LuaFloat(a + b);
}
export function subNum(a, b) {
  if (Number.isInteger(a) && Number.isInteger(b)) return normInt(BigInt(a) - BigInt(b));
  return new LuaFloat(a - b);
}
export function mulNum(a, b) {
  if (Number.isInteger(a) && Number.isInteger(b)) return normInt(BigInt(a) * BigInt(b));
  return new LuaFloat(a * b);
}
// Generic slow paths (LuaFloat / bigint operands; metamethods & string
// coercion would go here too).
export function arithAdd(a, b) {
  if (isInt(a) && isInt(b)) return normInt(toint64(a) + toint64(b));
  return mkfloat(tofloat(a) + tofloat(b));
}
export function arithSub(a, b) {
  if (isInt(a) && isInt(b)) return normInt(toint64(a) - toint64(b));
  return mkfloat(tofloat(a) - tofloat(b));
}
export function arithMul(a, b) {
  if (isInt(a) && isInt(b)) return normInt(toint64(a) * toint64(b));
  return mkfloat(tofloat(a) * tofloat(b));
}
export function arithDiv(a, b) { return mkfloat(tofloat(a) / tofloat(b)); }
export function arithMod(a, b) {
  if (isInt(a) && isInt(b)) {
    const x = toint64(a), y = toint64(b);
    if (y === 0n) throw new Error("attempt to perform 'n%%0'");
    let r = x % y;
    if (r !== 0n && (r < 0n) !== (y < 0n)) r += y;
    return normInt(r);
  }
  const x = tofloat(a), y = tofloat(b);
  let r = x % y;
  if (r !== 0 && (r < 0) !== (y < 0)) r += y;
  return mkfloat(r);
}
export function arithUnm(a) {
  if (isInt(a)) return normInt(-toint64(a));
  return mkfloat(-tofloat(a));
}
export function ltSlow(a, b) { return tofloat(a) < tofloat(b); } // (approx.; fine here)
export function leSlow(a, b) { return tofloat(a) <= tofloat(b); }

// helper-function versions (variant "A-helper")
export function add(a, b) {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isInteger(r)) {
      if (Number.isInteger(a) && Number.isInteger(b)) {
        if (r <= MAX && r >= -MAX) return r;
        return addNum(a, b);
      }
      return new LuaFloat(r);
    }
    return r;
  }
  return arithAdd(a, b);
}
export function sub(a, b) {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (Number.isInteger(r)) {
      if (Number.isInteger(a) && Number.isInteger(b)) {
        if (r <= MAX && r >= -MAX) return r;
        return subNum(a, b);
      }
      return new LuaFloat(r);
    }
    return r;
  }
  return arithSub(a, b);
}
export function mul(a, b) {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (Number.isInteger(r)) {
      if (Number.isInteger(a) && Number.isInteger(b)) {
        if (r <= MAX && r >= -MAX) return r + 0; // +0 turns -0 into 0
        return mulNum(a, b);
      }
      return new LuaFloat(r);
    }
    return r;
  }
  return arithMul(a, b);
}
export function div(a, b) {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a / b;
    return Number.isInteger(r) ? new LuaFloat(r) : r;
  }
  return arithDiv(a, b);
}
export function mod(a, b) {
  if (typeof a === 'number' && typeof b === 'number' && Number.isInteger(a) && Number.isInteger(b) && b !== 0) {
    const r = a % b;
    return r !== 0 && (r < 0) !== (b < 0) ? r + b : r + 0;
  }
  return arithMod(a, b);
}
export function unm(a) {
  if (typeof a === 'number') return 0 - a;
  return arithUnm(a);
}
export function lt(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  return ltSlow(a, b);
}
export function le(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return a <= b;
  return leSlow(a, b);
}

// ---------------------------------------------------------------------------
// Representation B (every float boxed).  Raw numbers are integers only.
function tofloatB(x) {
  if (x instanceof LuaFloat) return x.n;
  if (typeof x === 'number') return x;
  if (typeof x === 'bigint') return Number(x);
  throw new Error('attempt to perform arithmetic on a ' + typeof x + ' value');
}
export const addIntB = (a, b) => normInt(toint64(a) + toint64(b));
export const subIntB = (a, b) => normInt(toint64(a) - toint64(b));
export const mulIntB = (a, b) => normInt(toint64(a) * toint64(b));
export function arithAddB(a, b) {
  if (isInt(a) && isInt(b)) return normInt(toint64(a) + toint64(b));
  return new LuaFloat(tofloatB(a) + tofloatB(b));
}
export function arithSubB(a, b) {
  if (isInt(a) && isInt(b)) return normInt(toint64(a) - toint64(b));
  return new LuaFloat(tofloatB(a) - tofloatB(b));
}
export function arithMulB(a, b) {
  if (isInt(a) && isInt(b)) return normInt(toint64(a) * toint64(b));
  return new LuaFloat(tofloatB(a) * tofloatB(b));
}
export function arithDivB(a, b) { return new LuaFloat(tofloatB(a) / tofloatB(b)); }
export function arithUnmB(a) {
  if (isInt(a)) return normInt(-toint64(a));
  return new LuaFloat(-tofloatB(a));
}
export function ltSlowB(a, b) { return tofloatB(a) < tofloatB(b); }
export function addB(a, b) {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    return r <= MAX && r >= -MAX ? r : addIntB(a, b);
  }
  if (a instanceof LuaFloat && b instanceof LuaFloat) return new LuaFloat(a.n + b.n);
  return arithAddB(a, b);
}
export function subB(a, b) {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    return r <= MAX && r >= -MAX ? r : subIntB(a, b);
  }
  if (a instanceof LuaFloat && b instanceof LuaFloat) return new LuaFloat(a.n - b.n);
  return arithSubB(a, b);
}
export function mulB(a, b) {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    return r <= MAX && r >= -MAX ? r + 0 : mulIntB(a, b);
  }
  if (a instanceof LuaFloat && b instanceof LuaFloat) return new LuaFloat(a.n * b.n);
  return arithMulB(a, b);
}
export function divB(a, b) {
  if (a instanceof LuaFloat && b instanceof LuaFloat) return new LuaFloat(a.n / b.n);
  return arithDivB(a, b);
}
export function unmB(a) {
  if (typeof a === 'number') return 0 - a;
  if (a instanceof LuaFloat) return new LuaFloat(-a.n);
  return arithUnmB(a);
}
export function ltB(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (a instanceof LuaFloat && b instanceof LuaFloat) return a.n < b.n;
  return ltSlowB(a, b);
}

// ---------------------------------------------------------------------------
// Tables.  index*/newindex* are the out-of-line slow paths taken when the
// inline fast path misses (absent key -> __index chain, non-table, ...).
function metaStrs(mt, name) { return mt.strs[name]; }
function metaMap(mt, name) { return mt.hash.get(name); }

function makeIndex(rawget, meta) {
  return function index(t, k) {
    for (let loop = 0; loop < 2000; loop++) {
      if (!(t instanceof LuaTable || t instanceof LuaTableF)) throw new Error('attempt to index a ' + typeof t + ' value');
      const v = rawget(t, k);
      if (v !== undefined) return v;
      const mt = t.metatable;
      if (mt === null) return undefined;
      const h = meta(mt, '__index');
      if (h === undefined) return undefined;
      if (typeof h === 'function') { const r = h(t, k); return Array.isArray(r) ? r[0] : r; }
      t = h;
    }
    throw new Error("'__index' chain too long; possible loop");
  };
}
function rawgetStrs(t, k) {
  if (typeof k === 'string') return t.strs[k];
  if (typeof k === 'number' && Number.isInteger(k) && k >= 1 && k <= t.arr.length) return t.arr[k - 1];
  return t.hash.get(k);
}
function rawgetMap(t, k) {
  if (typeof k === 'number' && Number.isInteger(k) && k >= 1 && k <= t.arr.length) return t.arr[k - 1];
  return t.hash.get(k);
}
export const index = makeIndex(rawgetStrs, metaStrs);
export const indexM = makeIndex(rawgetMap, metaMap);

function makeNewindex(rawset, meta) {
  return function newindex(t, k, v) {
    if (!(t instanceof LuaTable || t instanceof LuaTableF)) throw new Error('attempt to index a ' + typeof t + ' value');
    const mt = t.metatable;
    if (mt !== null) {
      const h = meta(mt, '__newindex');
      if (h !== undefined) throw new Error('__newindex not implemented in stand-in');
    }
    rawset(t, k, v);
  };
}
function rawsetStrs(t, k, v) {
  if (typeof k === 'string') { if (v === undefined) delete t.strs[k]; else t.strs[k] = v; return; }
  if (typeof k === 'number' && Number.isInteger(k) && k >= 1 && k <= t.arr.length + 1) { t.arr[k - 1] = v; return; }
  t.hash.set(k, v);
}
function rawsetMap(t, k, v) {
  if (typeof k === 'number' && Number.isInteger(k) && k >= 1 && k <= t.arr.length + 1) { t.arr[k - 1] = v; return; }
  if (v === undefined) t.hash.delete(k); else t.hash.set(k, v);
}
export const newindex = makeNewindex(rawsetStrs, metaStrs);
export const newindexM = makeNewindex(rawsetMap, metaMap);

export function lenSlow(t) { return t.arr.length; }

// ---------------------------------------------------------------------------
// Calls
export const R = { n: 0, v1: undefined, v2: undefined, v3: undefined }; // register convention
export const S = { D: 0 };                                              // depth counter as object field
export function deep() { throw new Error('stack overflow'); }

function callMeta(f) {
  if ((f instanceof LuaTable || f instanceof LuaTableF) && f.metatable !== null) {
    const h = f.metatable.strs['__call'] ?? f.metatable.hash.get('__call');
    if (typeof h === 'function') return h;
  }
  throw new Error('attempt to call a ' + typeof f + ' value');
}
export function callSlow(f, ...args) { return callMeta(f)(f, ...args); }

// Builtins in the three return conventions.
export function setmetatable(t, mt) { t.metatable = mt; return t; }
export function setmetatableReg1(t, mt) { t.metatable = mt; R.n = 1; return t; }
export function setmetatableRegAll(t, mt) { t.metatable = mt; R.n = 1; R.v1 = t; }
export function sqrtA(x) { // representation A
  const r = Math.sqrt(typeof x === 'number' ? x : tofloat(x));
  return Number.isInteger(r) ? new LuaFloat(r) : r;
}
export function sqrtB(x) { return new LuaFloat(Math.sqrt(tofloatB(x))); }

// ---------------------------------------------------------------------------
// Output
function fmtFloat(n) {
  if (Number.isInteger(n)) return (Object.is(n, -0) ? '-0' : String(n)) + '.0';
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  if (Number.isNaN(n)) return 'nan';
  return String(Number(n.toPrecision(14)));
}
export function tostr(v) {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : fmtFloat(v);
  if (v instanceof LuaFloat) return fmtFloat(v.n);
  if (typeof v === 'bigint') return String(v);
  if (v === undefined) return 'nil';
  return String(v);
}
export function print(...vs) { process.stdout.write(vs.map(tostr).join('\t') + '\n'); }
export function fmt9(v) { return (v instanceof LuaFloat ? v.n : Number(v)).toFixed(9); }
export function reportTime(ms) { process.stderr.write('TIME ' + ms.toFixed(3) + '\n'); }

export function forlimSlow(x) {
  if (x instanceof LuaFloat) return Math.floor(x.n);
  if (typeof x === 'number') return Math.floor(x);
  throw new Error("'for' limit must be a number");
}
