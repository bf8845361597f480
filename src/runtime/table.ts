// Lua tables.
//
// Layout (all fields initialised in the constructor, so every LuaTable has one
// hidden class):
//   arr       t[1..n] at arr[0..n-1]. Invariants: arr never ends with nil
//             (undefined), and every positive integer key in `hash` is
//             > arr.length + 1. Hence #t == arr.length, always a border, O(1).
//             A table that has no array part yet shares EMPTY_ARR (below),
//             which must never be written: add elements through setInt.
//   strs      string keys. An object whose prototype chain has no properties
//             (see StrStore), so `t.strs[k]` is a plain own-property lookup and
//             V8 inline-caches constant keys (`t.strs.x`) for struct-like
//             tables. Empty tables share the frozen EMPTY_STRS: READ `strs`
//             directly if you like, but WRITE through set/setStr — except
//             that overwriting a live key with a non-nil value
//             (`t.strs[k] !== undefined && v !== undefined`) may be done
//             directly as `t.strs[k] = v` (no bookkeeping changes then).
//   hash      every other key (other integers, non-integral floats, bigints,
//             booleans, tables, functions, ...) in a Map, created lazily.
//             Large string parts move here too: see "Large string parts".
//             Integral floats are normalised to integers; integral floats
//             outside int64 range (2^63, 1e300) are stored under their
//             (unsafe-integral, hence unambiguous) JS number.
//
// Storing nil in `strs`: we store `undefined` instead of deleting. Measured
// (node 20, 2e7 reads of two constant keys): 7.8ms on a fast-mode object vs
// ~275ms once a single `delete` has happened (V8 turns the object into
// dictionary mode for good); toggling a field nil/non-nil 5e6 times: 4ms
// (store undefined) vs 390ms (delete). Also measured: Object.create(null)
// starts in dictionary mode (262ms vs 7.8ms), hence StrStore below. Dead keys
// are counted and the store is rebuilt without them once they are more than
// half of the keys (and more than 32), so churning tables do not leak.
// The Map deletes its nil'ed keys (no hidden-class concern there).
//
// Large string parts: once a table has STRS_TO_HASH_FROM string keys, its
// string keys move into `hash` for good (`strsInHash`), all but those that
// begin with "__", which stay in `strs` so that metamethod lookups
// (`mt.strs.__index`) need no test. V8 keeps a store that large in
// dictionary mode, where every key must be internalized first: a lookup with
// a freshly made string (string.sub's, a concatenation's) costs a string-table
// probe, and a new key an insertion into the string table. A Map only hashes
// the string. Measured on k-nucleotide's 2.5M-character sequence (node 20,
// counting substrings of length 12 and 18): 380 and 540 ms in a store, 165
// and 320 ms in a Map; hash.lua's loop (50,000 keys): 490 vs 352 ms.
// Generated code's inline paths for computed string keys test `strsInHash`
// first (so a fresh string never probes the store), and the slow paths route
// through getStr/setStr. Inline paths for constant keys (`t.name`, `__index`
// chains) test nothing: such a table's store has a Proxy as its prototype
// (hashedStore), which answers a miss from the hash part, so the common
// case pays nothing for this rare one.
//
// next(): order is array part, string keys, hash keys. Each section is walked
// over a snapshot of its keys (taken when a traversal first reaches it, kept
// until a new key is added to that section) with a cursor, so a traversal by
// repeated next() calls is linear, and clearing fields during a traversal is
// fine, as the manual allows.
//
// Read-only tables (`freeze`, see docs/ARCHITECTURE.md, "Sandbox"): `arr` and
// `strs` are frozen with Object.freeze, so every write to them throws a JS
// TypeError (this module and generated code are strict mode), and `hash` is
// a ReadonlyMap whose mutators throw. Writes to other tables pay nothing:
// no flag is tested on any write path that changes a table. errors.ts turns
// the TypeError into Lua's `attempt to modify a readonly table`. Bookkeeping
// fields of the table object itself (iteration snapshots, counters) stay
// writable, so reads and traversals work as before.
import { LuaFloat } from './value.js';
import type { LuaValue } from './value.js';
import { E } from './engine.js';

export type TableKeyErrorKind = 'nil' | 'nan' | 'next';

const KEY_MESSAGES: Record<TableKeyErrorKind, string> = {
  nil: 'table index is nil',
  nan: 'table index is NaN',
  next: "invalid key to 'next'",
};

/** Marker thrown for `t[nil] = v`, `t[0/0] = v` and an invalid key to next(). */
export class TableKeyError {
  constructor(readonly kind: TableKeyErrorKind) {}
  get message(): string { return KEY_MESSAGES[this.kind]; }
}

export type StrMap = Record<string, LuaValue>;

// A constructor whose instances have an empty, null-prototype prototype: no
// inherited keys ("toString", "__proto__", ...), and fast-mode properties.
const StrStore = function StrStore() {} as unknown as { new (): StrMap };
(StrStore as unknown as { prototype: object }).prototype = Object.create(null);

const EMPTY_STRS: StrMap = Object.freeze(new StrStore());

/**
 * The array part of every table that has none yet (`{}`, records like
 * `{x = 1}`), so that objects do not each pay for an empty array of their
 * own (16 bytes and an allocation): Havlak 3026 -> 2589 ms, Json 507 ->
 * 481, binary-trees 312 -> 295 (docs/ARCHITECTURE.md, Tables).
 *
 * INVARIANT: it stays empty. Whatever adds an element to a table's array
 * part first makes it the table's own (ownArr): setInt here (every other
 * writer of this module only writes a part that is not empty, or goes
 * through setInt), and generated code's inline append, which tests
 * `arr !== $noArr`. It is not frozen because a frozen array has another
 * V8 map, and every site that reads `t.arr` then saw two: the array micro
 * became 25% slower, Storage 9%. test/runtime-empty-array.test.ts checks
 * the invariant after programs that write tables in every way.
 */
export const EMPTY_ARR: LuaValue[] = [];

/** What a write to a read-only table throws where no frozen store does it for us (see errors.ts). */
export class ReadonlyTableError extends TypeError {
  constructor() {
    super('attempt to modify a readonly table');
  }
}

/** The hash part of a read-only table: a Map cannot be frozen, so its mutators throw. */
class ReadonlyMap<K, V> extends Map<K, V> {
  override set(k: K, v: V): this {
    // Map's constructor fills the map through set: allowed until frozen.
    if (this.sealed) throw new ReadonlyTableError();
    return super.set(k, v);
  }
  override delete(): boolean { throw new ReadonlyTableError(); }
  override clear(): void { throw new ReadonlyTableError(); }
  sealed = false;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const TWO63 = 9223372036854775808;

/**
 * A table's rarely needed bookkeeping, allocated when first needed: the count
 * of dead string keys (set on the first `t.k = nil` of a live key), the
 * array part's high-water mark (on its first shrink) and the traversal
 * snapshots (on the first traversal past the array part). Kept out of
 * LuaTable because every slot there is paid by every table: two more slots
 * made binary-trees 24% slower and qt 3% (node 20, medians of 7 runs).
 */
class TableAux {
  /** Keys of strs holding undefined. */
  sdead = 0;
  /** The largest arr.length before a shrink (keys up to it may be passed to next()). */
  arrHigh = 0;
  skeys: string[] | null = null;
  spos = 0;
  sidx: Map<string, number> | null = null;
  hkeys: unknown[] | null = null;
  hpos = 0;
  hidx: Map<unknown, number> | null = null;
}

// Allocation pacing for the collector (src/runtime/gc.ts). Table
// constructors, closures and concatenations count `allocBudget` down; when it
// goes negative the collector decides whether to run. It stays a small integer
// (V8 keeps it unboxed): BUDGET_IDLE while the state has no weak tables or
// finalizers. These variables are the running engine's budget: entering
// another state saves them into the engine being left and loads the other's
// (engine.ts), so the counting itself stays a module-variable decrement.
export const BUDGET_IDLE = 1 << 30;
let allocBudget = BUDGET_IDLE;
let budgetSpent: () => void = () => { allocBudget = BUDGET_IDLE; };
let budgetStart = BUDGET_IDLE;
let spentBefore = 0;

// V8 aborts the process (not a catchable error) when an array grows past
// about 2^27 elements or a Map past 2^24 entries. A table part stops short
// of that with lua5.4's allocation failure, "not enough memory" (errors.ts
// maps this RangeError): a documented size limit where lua5.4 would go on.
/** A table's array part holds fewer elements than this (2^26: 512 MB of slots). */
const MAX_ARRAY_PART = 1 << 26;
/** A table's string part, and its hash part, hold fewer keys than this. */
const MAX_KEYS = (1 << 24) - 1024;

function chargeGrowth(): void {
  if ((allocBudget -= GROWTH_ALLOCS) < 0) budgetSpent();
}

function tooBig(): never {
  throw new RangeError('Invalid array length: a Lua table part has reached its largest size');
}

/** A table's string keys move into its hash part from this many on (a multiple of 1024; see "Large string parts"). */
const STRS_TO_HASH_FROM = 1024;

/** Whether a string key stays in `strs` when the others are in the hash part: it begins with "__". */
function isEventKey(s: string): boolean {
  return s.charCodeAt(0) === 95 && s.charCodeAt(1) === 95;
}

/**
 * The string store of a table whose string keys are in its hash part `h`: its
 * own properties are the "__..." keys, and its prototype is a Proxy through
 * which a read of any other key (a miss in the store) reads `h`, and a write
 * of one writes it. Only generated code writes so, and only over a present
 * key (`t.strs[k] !== undefined` first), so no bookkeeping is due. The Proxy
 * knows the Map, never the table: the collector's twin of a table shares its
 * store, and must not keep the table itself alive (gc.ts).
 */
function hashedStore(h: Map<unknown, LuaValue>): StrMap {
  const view = new Proxy(Object.create(null) as object, {
    get: (_target, k) => typeof k === 'string' && !isEventKey(k) ? h.get(k) : undefined,
    set: (target, k, v, receiver) => {
      if (typeof k === 'string' && !isEventKey(k)) {
        // (a read-only table's ReadonlyMap throws)
        if (v === undefined) h.delete(k);
        else h.set(k, v as LuaValue);
        return true;
      }
      // A new "__..." key: an own property of the store, unless it is frozen.
      if (!Reflect.set(target, k, v, receiver)) throw new ReadonlyTableError();
      return true;
    },
  });
  return Object.create(view) as StrMap;
}

/** Allocations that 1024 more slots of a table part count as (about 8-40 KB). */
const GROWTH_ALLOCS = 128;

/** An engine's allocation budget while another engine runs. */
export interface AllocBudget { left: number; start: number; spentBefore: number; onSpent: (() => void) | null }

export function saveAllocBudget(b: AllocBudget): void {
  b.left = allocBudget;
  b.start = budgetStart;
  b.spentBefore = spentBefore;
  b.onSpent = budgetSpent;
}

export function restoreAllocBudget(b: AllocBudget): void {
  allocBudget = b.left;
  budgetStart = b.start;
  spentBefore = b.spentBefore;
  budgetSpent = b.onSpent ?? idleBudgetSpent;
}

function idleBudgetSpent(): void {
  allocBudget = BUDGET_IDLE;
}

/** Sets the allocation budget and what happens when it is spent. */
export function setAllocBudget(n: number, onSpent: () => void): void {
  spentBefore += budgetStart - allocBudget;
  allocBudget = budgetStart = n;
  budgetSpent = onSpent;
}

/** Drops the allocation budget if `onSpent` is what it calls (its owner is done with it). */
export function releaseAllocBudget(onSpent: () => void): void {
  if (budgetSpent === onSpent) setAllocBudget(BUDGET_IDLE, idleBudgetSpent);
}

/** Whether no allocation budget is set (the collector is idle). */
export function allocBudgetIdle(): boolean {
  return budgetStart === BUDGET_IDLE;
}

/** Allocations counted so far (a running total, for memory estimates while the collector is stopped). */
export function allocationsCounted(): number {
  return spentBefore + budgetStart - allocBudget;
}

/** Counts one allocation (closures, concatenations; tables count themselves). */
export function countAlloc(): void {
  if (--allocBudget < 0) budgetSpent();
}

/** Normalises a float key with an integral value: the integer, or the number itself outside int64. */
function floatKey(n: number): unknown {
  if (n >= -MAX_SAFE && n <= MAX_SAFE) return n === 0 ? 0 : n;
  if (n >= -TWO63 && n < TWO63) return BigInt(n);
  return n;
}

/** A hash-part key back to a Lua value (unsafe integral numbers are floats). */
function denormKey(k: unknown): LuaValue {
  if (typeof k === 'number' && (k > MAX_SAFE || k < -MAX_SAFE) && Number.isFinite(k)) return new LuaFloat(k);
  // Where every number is a double (5.1), a key 2^53 <= |k| < 2^63 is a JS number.
  if (typeof k === 'bigint' && E?.dialect.numbers === 'double') return Number(k);
  return k as LuaValue;
}

export class LuaTable {
  arr: LuaValue[];
  strs: StrMap;
  hash: Map<unknown, LuaValue> | null;
  metatable: LuaTable | null;
  /** Own keys of strs (live + dead). */
  private scount: number;
  /** Dead-key count, array high-water mark and traversal snapshots, once needed. */
  private aux: TableAux | null;
  /**
   * Whether string keys other than "__..." ones are in `hash` (see "Large
   * string parts"). False on the prototype, own only once true: an own field
   * in every table made binary-trees 15% slower (one more slot per table).
   */
  declare strsInHash: boolean;

  constructor(arr?: LuaValue[]) {
    this.arr = arr === undefined ? EMPTY_ARR : arr;
    this.strs = EMPTY_STRS;
    this.hash = null;
    this.metatable = null;
    this.scount = 0;
    this.aux = null;
    if (--allocBudget < 0) budgetSpent();
  }

  /** A fresh string store (for table constructors with string keys, filled by the caller). */
  static newStrs(): StrMap {
    return new StrStore();
  }

  /** A table whose string keys are `strs` (from newStrs), holding `count` keys. */
  static withStrs(strs: StrMap, count: number): LuaTable {
    const t = new LuaTable();
    t.strs = strs;
    t.scount = count;
    return t;
  }

  /**
   * A table whose array part is `values` (t[i] = values[i-1]); takes
   * ownership of the array. Trailing nils are dropped; nils inside are kept
   * (so #t of table.pack(1, nil, 3) is 3).
   */
  static fromArray(values: LuaValue[]): LuaTable {
    // pop, not `length = n`: V8 keeps the capacity on pop (it drops it for
    // length = 0), so `{nil, nil, nil, nil}` has room for four elements, as
    // in lua5.4. Filling it then needs no growth, which would allocate 17 slots.
    while (values.length > 0 && values[values.length - 1] === undefined) values.pop();
    // Charged as setInt charges growth, a part of 1024 slots at a time (a
    // constructor with a long multi-valued item, table.pack of many values).
    if (values.length >= 1024 && (allocBudget -= GROWTH_ALLOCS * (values.length >> 10)) < 0) budgetSpent();
    return new LuaTable(values);
  }

  /** A table whose array part is `values` (as fromArray) and whose string keys are `strs` (from newStrs), `count` of them. */
  static withParts(values: LuaValue[], strs: StrMap, count: number): LuaTable {
    const t = LuaTable.fromArray(values);
    t.strs = strs;
    t.scount = count;
    return t;
  }

  // -------------------------------------------------------------------------
  // Reads

  /** Raw t[k]. */
  get(k: LuaValue): LuaValue {
    if (typeof k === 'string') return this.getStr(k);
    if (typeof k === 'number') {
      const a = this.arr;
      if (k > 0 && k <= a.length) {
        const i = k - 1;
        if ((i | 0) === i) return a[i];
      }
      const h = this.hash;
      if (h === null) return undefined;
      // A JS number beyond 2^53 (5.1's doubles) is kept as LuaFloat keys are.
      return k > MAX_SAFE || k < -MAX_SAFE ? h.get(floatKey(k)) : h.get(k);
    }
    if (k instanceof LuaFloat) return this.getAny(floatKey(k.n));
    const h = this.hash;
    return h === null ? undefined : h.get(k);
  }

  /** Raw t[i] for an integer i given as a JS number (a safe integer). */
  getInt(i: number): LuaValue {
    const a = this.arr;
    if (i > 0 && i <= a.length) return a[i - 1];
    const h = this.hash;
    return h === null ? undefined : h.get(i);
  }

  /** Raw t[s] for a string s. */
  getStr(s: string): LuaValue {
    return this.strsInHash && !isEventKey(s) ? this.hash!.get(s) : this.strs[s];
  }

  private getAny(k: unknown): LuaValue {
    if (typeof k === 'number') return this.getInt(k);
    const h = this.hash;
    return h === null ? undefined : h.get(k);
  }

  // -------------------------------------------------------------------------
  // Writes

  /** Raw t[k] = v. Throws TableKeyError for a nil or NaN key. */
  set(k: LuaValue, v: LuaValue): void {
    if (typeof k === 'string') { this.setStr(k, v); return; }
    if (typeof k === 'number') {
      if (Number.isInteger(k)) {
        // A JS number beyond 2^53 (5.1's doubles) is kept as LuaFloat keys are.
        if (k > MAX_SAFE || k < -MAX_SAFE) this.setHash(floatKey(k), v);
        else this.setInt(k, v);
      } else if (k !== k) throw new TableKeyError('nan');
      else this.setHash(k, v);
      return;
    }
    if (k === undefined) throw new TableKeyError('nil');
    if (k instanceof LuaFloat) {
      const nk = floatKey(k.n);
      if (typeof nk === 'number' && nk >= -MAX_SAFE && nk <= MAX_SAFE) this.setInt(nk, v);
      else this.setHash(nk, v);
      return;
    }
    this.setHash(k, v);
  }

  /** Raw t[i] = v for an integer i given as a JS number (a safe integer). */
  setInt(i: number, v: LuaValue): void {
    const a = this.arr;
    const n = a.length;
    if (i > 0 && i <= n) {
      if (v === undefined && i === n) this.shrink();
      else a[i - 1] = v;
      return;
    }
    if (i === n + 1) {
      // (the hash never holds n+1, so assigning nil here is a no-op, but
      // still a write to a read-only table)
      if (v === undefined) { if (Object.isFrozen(a)) throw new ReadonlyTableError(); }
      else {
        (a === EMPTY_ARR ? this.ownArr() : a).push(v);
        // Every 1024 slots (8 KB): growth counts as allocations (the memory
        // limit and the collector's pacing see it), and the size is checked.
        if ((this.arr.length & 1023) === 0) this.arrayGrew();
        const h = this.hash;
        if (h !== null && h.size !== 0) this.migrate(h);
      }
      return;
    }
    this.setHash(i === 0 ? 0 : i, v);
  }

  /** Raw t[s] = v for a string s. */
  setStr(s: string, v: LuaValue): void {
    if (this.strsInHash && !isEventKey(s)) { this.setHash(s, v); return; }
    const st = this.strs;
    const old = st[s];
    if (v === undefined) {
      if (old !== undefined) {
        st[s] = undefined;
        const dead = ++this.auxState().sdead;
        if (dead > 32 && dead * 2 > this.scount) this.compactStrs();
      } else if (Object.isFrozen(this.arr)) {
        throw new ReadonlyTableError(); // a no-op, but a write to a read-only table
      }
      return;
    }
    if (old === undefined) this.addStr(s, v);
    else st[s] = v;
  }

  /**
   * Raw t[s] = v for a non-nil v where `t.strs[s]` is undefined: the key is
   * absent or dead. Generated code that has just probed the store calls this
   * directly (ops.setindexMiss): a probe with a freshly made string costs V8
   * a string-table lookup, so every probe saved counts on new keys.
   */
  addStr(s: string, v: LuaValue): void {
    if (this.strsInHash && !isEventKey(s)) { this.setHash(s, v); return; }
    let st = this.strs;
    // The store is written before the counters: on a read-only table the
    // write throws and the counters stay right.
    const x = this.aux;
    if (st === EMPTY_STRS) {
      st = this.strs = new StrStore();
    } else if (x !== null && x.sdead !== 0 && s in st) {
      // Resurrecting a dead key: no new key. Without counted dead keys the
      // `in` test is skipped: the only uncounted ones (a constructor's
      // `{x = nil}`, a weak value the collector has detached) then count
      // as new, which overcounts scount and restarts a traversal's
      // snapshot, both harmless.
      st[s] = v;
      x.sdead--;
      return;
    }
    st[s] = v;
    if ((++this.scount & 1023) === 0) this.strsGrew(s);
    if (x !== null) x.skeys = null;
  }

  private setHash(k: unknown, v: LuaValue): void {
    let h = this.hash;
    if (v === undefined) {
      if (h !== null) h.delete(k);
      return;
    }
    if (h === null) h = this.hash = new Map();
    const size = h.size;
    h.set(k, v);
    if (h.size !== size) {
      if ((h.size & 1023) === 0) this.hashGrew(h, k);
      const x = this.aux;
      if (x !== null) x.hkeys = null;
    }
  }

  /**
   * Generated code stored undefined over the live string key `k` of a field
   * (`t.x = nil`): counts the dead key as setStr does. Returns true.
   */
  died(k: string): true {
    // (the store's Proxy has deleted any other key from the hash part)
    if (this.strsInHash && !isEventKey(k)) return true;
    const dead = ++this.auxState().sdead;
    if (dead > 32 && dead * 2 > this.scount) this.compactStrs();
    return true;
  }

  /** Generated code stored a value under a dead string key (as setStr's resurrection). Returns true. */
  revived(): true {
    const x = this.aux;
    if (x !== null && x.sdead > 0) x.sdead--;
    return true;
  }

  /**
   * Generated code appends to a table without metatable or hash part inline
   * (`t.arr.push(v)` for key #t+1 and a non-nil v; a read-only table has a
   * hash part, so it never gets there) and calls this when the array part
   * reached a multiple of 1024 elements, as setInt does. Returns true.
   */
  grown(): true {
    this.arrayGrew();
    return true;
  }

  // A table part reached a multiple of 1024 entries: the growth is charged,
  // and at its largest size the last store is undone and refused.

  private arrayGrew(): void {
    const a = this.arr;
    if (a.length >= MAX_ARRAY_PART) { a.pop(); tooBig(); }
    chargeGrowth();
  }

  private strsGrew(s: string): void {
    if (this.scount >= MAX_KEYS) { this.strs[s] = undefined; this.auxState().sdead++; tooBig(); }
    if (!this.strsInHash && this.scount >= STRS_TO_HASH_FROM) this.moveStrsToHash();
    chargeGrowth();
  }

  /** The string part has grown large: its keys move to the hash part, but for "__..." ones. */
  private moveStrsToHash(): void {
    const old = this.strs;
    const keys = Object.keys(old);
    let h = this.hash;
    if (h === null) h = this.hash = new Map();
    this.strsInHash = true;
    const st = hashedStore(h);
    let n = 0;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const v = old[k];
      if (v === undefined) continue;
      if (isEventKey(k)) { st[k] = v; n++; }
      else h.set(k, v);
    }
    this.strs = st;
    this.scount = n;
    // A traversal in progress was adding keys (undefined behaviour in Lua);
    // its next key is then looked up in the new snapshots.
    const x = this.aux;
    if (x !== null) { x.sdead = 0; x.skeys = null; x.sidx = null; x.hkeys = null; x.hidx = null; }
  }

  private hashGrew(h: Map<unknown, LuaValue>, k: unknown): void {
    if (h.size >= MAX_KEYS) { h.delete(k); tooBig(); }
    chargeGrowth();
  }

  /** Drops the last array slot and any nils before it. */
  private shrink(): void {
    const a = this.arr;
    const x = this.auxState();
    if (a.length > x.arrHigh) x.arrHigh = a.length;
    let n = a.length - 1;
    while (n > 0 && a[n - 1] === undefined) n--;
    a.length = n;
  }

  /** After the array part grew: moves keys n+1, n+2, ... from the hash. */
  private migrate(h: Map<unknown, LuaValue>): void {
    const a = this.arr;
    for (;;) {
      const k = a.length + 1;
      const v = h.get(k);
      if (v === undefined) return;
      h.delete(k);
      a.push(v);
    }
  }

  private compactStrs(): void {
    const old = this.strs;
    const hashed = this.strsInHash;
    const st = hashed ? hashedStore(this.hash!) : new StrStore();
    let n = 0;
    const keys = Object.keys(old);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const v = old[k];
      if (v !== undefined) { st[k] = v; n++; }
    }
    this.strs = n === 0 && !hashed ? EMPTY_STRS : st;
    this.scount = n;
    const x = this.aux;
    if (x !== null) x.sdead = 0;
    // Iteration snapshots stay valid: they are a superset of the live keys.
  }

  // -------------------------------------------------------------------------
  // Read-only tables

  /**
   * Makes the table read-only for good: every later write (of any key, nil
   * included) and setmetatable raise `attempt to modify a readonly table`.
   */
  freeze(): void {
    if (Object.isFrozen(this.arr)) return;
    // An own array part: freezing the shared EMPTY_ARR would freeze every table's.
    this.ownArr();
    // An own store: setStr would replace the shared EMPTY_STRS with a fresh one.
    if (this.strs === EMPTY_STRS) this.strs = new StrStore();
    const h = new ReadonlyMap<unknown, LuaValue>(this.hash ?? []);
    h.sealed = true;
    this.hash = h;
    if (this.strsInHash) {
      // A store that reads the new Map.
      const st = hashedStore(h);
      Object.assign(st, this.strs);
      this.strs = st;
    }
    // The iteration snapshot of the hash holds the old Map's keys, still in order.
    Object.freeze(this.strs);
    Object.freeze(this.arr);
  }

  /**
   * Whether the table is read-only (frozen arrays are ours alone: table
   * constructors make fresh ones). A read-only table has a hash part (the
   * ReadonlyMap), so tables without one answer without Object.isFrozen
   * (setmetatable asks on every call).
   */
  get readonly(): boolean {
    return this.hash !== null && Object.isFrozen(this.arr);
  }

  /**
   * Empties the table and makes `values` its array part, as if it were new
   * (no metatable, no other keys): how Redis's environment gives each script
   * fresh KEYS and ARGV while they sit in its read-only globals.
   */
  resetArray(values: LuaValue[]): void {
    if (this.readonly) throw new ReadonlyTableError();
    this.arr = values;
    this.strs = EMPTY_STRS;
    this.hash = null;
    this.metatable = null;
    this.scount = 0;
    this.aux = null;
    if (this.strsInHash) this.strsInHash = false;
  }

  // -------------------------------------------------------------------------
  // Length and array helpers

  /** The border #t (raw length). */
  length(): number {
    return this.arr.length;
  }

  /**
   * table.insert(t, pos, v) on the raw table, for 1 <= pos <= #t+1 (the
   * caller validates pos): shifts t[pos..#t] up by one.
   */
  insertAt(pos: number, v: LuaValue): void {
    const a = this.arr;
    if (pos === a.length + 1) { this.setInt(pos, v); return; }
    // (pos <= #t here: the array part is not empty, hence not EMPTY_ARR)
    a.splice(pos - 1, 0, v);
    const h = this.hash;
    if (h !== null && h.size !== 0) this.migrate(h);
  }

  /**
   * table.remove(t, pos) on the raw table, for 1 <= pos <= #t (the caller
   * validates pos and handles #t == 0): shifts t[pos+1..#t] down, returns the
   * removed value.
   */
  removeAt(pos: number): LuaValue {
    const a = this.arr;
    if (pos === a.length) {
      const v = a[pos - 1];
      this.shrink();
      return v;
    }
    const v = a.splice(pos - 1, 1)[0];
    const x = this.auxState();
    if (a.length + 1 > x.arrHigh) x.arrHigh = a.length + 1;
    return v;
  }

  /**
   * Forgets the hash-part traversal snapshot, which holds keys strongly (the
   * collector empties and refills the hash of weak tables; order is kept, so
   * a traversal in progress finds its key again).
   */
  dropHashSnapshot(): void {
    const x = this.aux;
    if (x !== null) { x.hkeys = null; x.hidx = null; }
  }

  // -------------------------------------------------------------------------
  // Traversal

  /**
   * Lua's next(t, k): the entry after key k ([key, value]), or undefined at
   * the end. Throws TableKeyError('next') for a key that is not in the table.
   */
  next(k: LuaValue): [LuaValue, LuaValue] | undefined {
    if (k instanceof LuaFloat) k = floatKey(k.n) as LuaValue;
    else if (typeof k === 'number' && (k > MAX_SAFE || k < -MAX_SAFE)) k = floatKey(k) as LuaValue;
    const a = this.arr;
    let i: number;
    if (k === undefined) i = 0;
    else if (typeof k === 'number' && k > 0 && k <= a.length && Number.isInteger(k)) i = k;
    else if (typeof k === 'string') {
      if (this.strsInHash && !isEventKey(k)) return this.nextInHash(k);
      return this.strsFrom(this.strIndex(k) + 1);
    }
    else return this.nextInHash(k);
    for (; i < a.length; i++) {
      const v = a[i];
      if (v !== undefined) return [i + 1, v];
    }
    return this.strsFrom(0);
  }

  /** The array part, made the table's own first if it is the shared EMPTY_ARR. */
  private ownArr(): LuaValue[] {
    let a = this.arr;
    if (a === EMPTY_ARR) a = this.arr = [];
    return a;
  }

  private auxState(): TableAux {
    let x = this.aux;
    if (x === null) x = this.aux = new TableAux();
    return x;
  }

  private strsFrom(pos: number): [LuaValue, LuaValue] | undefined {
    if (this.scount !== 0 || (this.aux !== null && this.aux.skeys !== null)) {
      const it = this.auxState();
      let keys = it.skeys;
      if (keys === null) { keys = it.skeys = Object.keys(this.strs); it.sidx = null; }
      const st = this.strs;
      for (; pos < keys.length; pos++) {
        const key = keys[pos];
        const v = st[key];
        if (v !== undefined) { it.spos = pos; return [key, v]; }
      }
    }
    return this.hashFrom(0);
  }

  private strIndex(k: string): number {
    const it = this.auxState();
    let keys = it.skeys;
    if (keys !== null && keys[it.spos] === k) return it.spos;
    if (keys === null) { keys = it.skeys = Object.keys(this.strs); it.sidx = null; }
    let idx = it.sidx;
    if (idx === null) {
      idx = it.sidx = new Map();
      for (let j = 0; j < keys.length; j++) idx.set(keys[j], j);
    }
    const p = idx.get(k);
    if (p === undefined) throw new TableKeyError('next');
    return p;
  }

  private hashFrom(pos: number): [LuaValue, LuaValue] | undefined {
    const h = this.hash;
    if (h === null) return undefined;
    const it = this.auxState();
    let keys = it.hkeys;
    if (keys === null) {
      if (h.size === 0) return undefined;
      keys = it.hkeys = Array.from(h.keys());
      it.hidx = null;
    }
    for (; pos < keys.length; pos++) {
      const key = keys[pos];
      const v = h.get(key);
      if (v !== undefined) { it.hpos = pos; return [denormKey(key), v]; }
    }
    return undefined;
  }

  private nextInHash(k: unknown): [LuaValue, LuaValue] | undefined {
    const h = this.hash;
    if (h !== null) {
      const it = this.auxState();
      let keys = it.hkeys;
      if (keys !== null && keys[it.hpos] === k) return this.hashFrom(it.hpos + 1);
      if (keys === null) { keys = it.hkeys = Array.from(h.keys()); it.hidx = null; }
      let idx = it.hidx;
      if (idx === null) {
        idx = it.hidx = new Map();
        for (let j = 0; j < keys.length; j++) idx.set(keys[j], j);
      }
      const p = idx.get(k);
      if (p !== undefined) return this.hashFrom(p + 1);
    }
    // A key of the array part that was cleared (and the array shrank) during
    // the traversal: everything after it in the array part is nil.
    if (typeof k === 'number' && Number.isInteger(k) && k > 0 && this.aux !== null && k <= this.aux.arrHigh) return this.strsFrom(0);
    throw new TableKeyError('next');
  }
}

(LuaTable.prototype as { strsInHash: boolean }).strsInHash = false;
