// Garbage-collection semantics on a garbage-collected host: weak tables,
// __gc finalizers and collectgarbage (see docs/ARCHITECTURE.md, "Garbage
// collection").
//
// Lua objects are plain JavaScript objects, so only the host's collector knows
// what is reachable: the engine cannot enumerate JS stack frames. A full
// collection therefore borrows it:
//   1. every weak part of every weak table (a key or value that is a table,
//      function, userdata or thread) is moved out of the table into a WeakRef
//      (weak keys of 'k' tables keep their value in a WeakMap, which is an
//      ephemeron table); objects marked for finalization are held only
//      through a WeakRef, plus a "twin": a shallow copy that shares their
//      contents (array, string store, hash, metatable);
//   2. the host runs a full collection (HostCollector.collect);
//   3. surviving entries are put back in their tables, in their old order;
//      a marked object whose WeakRef died is resurrected as its twin, which
//      nobody can tell apart from it (nothing else referenced it), and its
//      finalizer is called, latest marked first.
// Between collections weak tables are ordinary tables, so the generated code
// and the table fast paths are untouched.
import { LuaTable, BUDGET_IDLE, allocationsCounted, setAllocBudget } from './table.js';
import { LuaThreadBase, LuaUserdata, type LuaValue } from './value.js';
import { E } from './engine.js';
import { Caught, protectedCall } from './protect.js';
import * as ops from './ops.js';
import { LuaError, errorValue } from './errors.js';
import type { LuaState } from './state.js';
import { keepNames } from './names.js';

export type GcMode = 'incremental' | 'generational';

/** A key or value that a weak table holds weakly (strings are values, as in Lua). */
function collectable(v: unknown): v is object {
  return typeof v === 'function' || v instanceof LuaTable || v instanceof LuaUserdata || v instanceof LuaThreadBase;
}

const WEAK_KEYS = 1;
const WEAK_VALUES = 2;

/**
 * The weakness of a table, from its metatable's __mode as lgc.c reads it (0:
 * strong). A read-only table is strong: its entries cannot be cleared.
 */
function weakMode(t: LuaTable): number {
  const mt = t.metatable;
  if (mt === null) return 0;
  const mode = mt.strs.__mode; // a named load (per-site cache), where getStr's keyed one is megamorphic
  if (typeof mode !== 'string' || t.readonly) return 0;
  const nul = mode.indexOf('\0');
  const m = nul < 0 ? mode : mode.slice(0, nul);
  return (m.includes('k') ? WEAK_KEYS : 0) | (m.includes('v') ? WEAK_VALUES : 0);
}

/** An object marked for finalization, during a collection. */
interface FinRecord {
  ref: WeakRef<object>;
  /** Shares the object's contents; becomes the object if the object dies. */
  twin: object;
  dead: boolean;
}

/** A hash-part entry of a weak table, during a collection. */
interface HashItem {
  key: unknown;
  keyRef: WeakRef<object> | null;
  /** A weak key that is marked for finalization: kept until it is really freed, as in Lua. */
  keyFin: FinRecord | null;
  value: unknown;
  valueRef: WeakRef<object> | null;
  /** The value is in the table's ephemeron map under the key. */
  inEphemeron: boolean;
}

/** The weak parts of one table, during a collection. */
interface DetachedTable {
  ref: WeakRef<LuaTable>;
  /** Array-part slots: index, WeakRef, index, WeakRef, ... */
  arr: (number | WeakRef<object>)[] | null;
  /** String-key slots: key, WeakRef, ... */
  strs: (string | WeakRef<object>)[] | null;
  /** The whole hash part, in order (it is emptied during the collection). */
  hash: HashItem[] | null;
  ephemerons: WeakMap<object, unknown> | null;
}

interface Detached {
  fins: FinRecord[];
  tables: DetachedTable[];
  /** Closure caches and their entries, held weakly during the collection. */
  caches: [(object | undefined)[], (WeakRef<object> | undefined)[]][];
}

/** A copy of a table or userdata sharing its contents (same hidden class for tables). */
function twinOf(o: object): object {
  const twin = o instanceof LuaTable ? new LuaTable() : Object.create(Object.getPrototypeOf(o) as object) as object;
  return Object.assign(twin, o);
}

function detachEntry(k: unknown, v: unknown, mode: number, fins: WeakMap<object, FinRecord>, d: DetachedTable, ephemerons: boolean): HashItem {
  const item: HashItem = { key: k, keyRef: null, keyFin: null, value: v, valueRef: null, inEphemeron: false };
  if ((mode & WEAK_KEYS) !== 0 && collectable(k)) {
    item.key = undefined;
    const rec = fins.get(k);
    if (rec !== undefined) item.keyFin = rec;
    else {
      item.keyRef = new WeakRef(k);
      // (5.1 has no ephemerons: the value of a weak key stays a strong
      // reference, which keeps the key too when it leads back to it.)
      if ((mode & WEAK_VALUES) === 0 && collectable(v) && ephemerons) {
        if (d.ephemerons === null) d.ephemerons = new WeakMap();
        d.ephemerons.set(k, v);
        item.value = undefined;
        item.inEphemeron = true;
      }
    }
  }
  if ((mode & WEAK_VALUES) !== 0 && collectable(v)) {
    item.value = undefined;
    item.valueRef = new WeakRef(v);
  }
  return item;
}

function hasWeakEntry(h: Map<unknown, LuaValue>, mode: number): boolean {
  for (const [k, v] of h) {
    if (((mode & WEAK_KEYS) !== 0 && collectable(k)) || ((mode & WEAK_VALUES) !== 0 && collectable(v))) return true;
  }
  return false;
}

/** Moves the weak parts of `t` out of it; null if it has none. */
function detachTable(t: LuaTable, mode: number, fins: WeakMap<object, FinRecord>, ephemerons: boolean): DetachedTable | null {
  const d: DetachedTable = { ref: new WeakRef(t), arr: null, strs: null, hash: null, ephemerons: null };
  if ((mode & WEAK_VALUES) !== 0) {
    const a = t.arr;
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (!collectable(v)) continue;
      (d.arr ??= []).push(i, new WeakRef(v));
      a[i] = undefined;
    }
    const st = t.strs;
    for (const k in st) {
      const v = st[k];
      if (!collectable(v)) continue;
      (d.strs ??= []).push(k, new WeakRef(v));
      st[k] = undefined;
    }
  }
  const h = t.hash;
  if (h !== null && h.size !== 0 && hasWeakEntry(h, mode)) {
    t.dropHashSnapshot();
    const items: HashItem[] = [];
    for (const [k, v] of h) items.push(detachEntry(k, v, mode, fins, d, ephemerons));
    h.clear();
    d.hash = items;
  }
  return d.arr === null && d.strs === null && d.hash === null ? null : d;
}

function reattachArray(t: LuaTable, slots: (number | WeakRef<object>)[]): void {
  const a = t.arr;
  const dead: number[] = [];
  for (let j = 0; j < slots.length; j += 2) {
    const i = slots[j] as number;
    const v = (slots[j + 1] as WeakRef<object>).deref();
    if (v !== undefined) a[i] = v;
    else dead.push(i);
  }
  // Highest first, through setInt, so that the array part shrinks as it must.
  for (let j = dead.length - 1; j >= 0; j--) {
    const i = dead[j]!;
    if (i >= a.length) continue;
    a[i] = true;
    t.setInt(i + 1, undefined);
  }
}

function reattachStrs(t: LuaTable, slots: (string | WeakRef<object>)[]): void {
  const dead: string[] = [];
  for (let j = 0; j < slots.length; j += 2) {
    const k = slots[j] as string;
    const v = (slots[j + 1] as WeakRef<object>).deref();
    if (v !== undefined) t.strs[k] = v;
    else dead.push(k);
  }
  // Through setStr for the dead-key bookkeeping (which may rebuild the store).
  for (const k of dead) {
    if (!(k in t.strs)) continue;
    t.strs[k] = true;
    t.setStr(k, undefined);
  }
}

function reattachHash(h: Map<unknown, LuaValue>, items: HashItem[], eph: WeakMap<object, unknown> | null): void {
  for (const item of items) {
    let key = item.key;
    if (item.keyRef !== null) {
      key = item.keyRef.deref();
      if (key === undefined) continue;
    } else if (item.keyFin !== null) {
      key = item.keyFin.dead ? item.keyFin.twin : item.keyFin.ref.deref();
    }
    let value = item.value;
    if (item.valueRef !== null) {
      value = item.valueRef.deref();
      if (value === undefined) continue;
    } else if (item.inEphemeron) {
      value = eph!.get(key as object);
    }
    h.set(key, value);
  }
}

function reattachTable(d: DetachedTable): void {
  const t = d.ref.deref();
  if (t === undefined) return;
  if (d.arr !== null) reattachArray(t, d.arr);
  if (d.strs !== null) reattachStrs(t, d.strs);
  if (d.hash !== null && t.hash !== null) reattachHash(t.hash, d.hash, d.ephemerons);
}

// Allocation pacing. The smallest budget, in counted allocations (tables,
// closures, concatenations of non-strings) between automatic collections at
// the default pause; it grows with the heap, as Lua's pause does.
const MIN_BUDGET = 1 << 18;
const BYTES_PER_ALLOCATION = 16;
/** What a counted allocation (a table, a closure) occupies, roughly, for "count" while stopped. */
const BYTES_PER_OBJECT = 128;

/** The running engine's budget ran out: its collector (armed: it has weak tables or finalizers) runs. */
function onBudgetSpent(): void {
  setAllocBudget(BUDGET_IDLE, onBudgetSpent);
  const c = E.collector;
  if (c === null || !c.armed) return;
  c.autoCollect();
  // Without work it is disarmed; a new weak table or finalizer re-arms it.
  if (c.hasWork()) setAllocBudget(c.budget(), onBudgetSpent);
  else c.armed = false;
}

/** C's (int) cast of a Lua integer, then the division by 4 into a byte (setgcparam). */
function int32(n: number | bigint): number {
  return Number(BigInt.asIntN(32, BigInt(n)));
}

function gcParam(n: number | bigint): number {
  const int = Number(BigInt.asIntN(32, BigInt(n)));
  return Math.trunc(int / 4) & 0xff;
}

/** The collector state of one Lua state. */
export class Collector {
  mode: GcMode = 'incremental';
  /** collectgarbage "stop"/"restart" (automatic collections only). */
  running = true;
  /** Inside a finalizer, collectgarbage fails (lua_gc returns -1). */
  inFinalizer = false;
  private collecting = false;
  private closing = false;
  /** gcpause and gcstepmul as lua5.4 stores them (a quarter, in a byte). */
  private pauseParam = 200 / 4;
  private stepmulParam = 100 / 4;
  private readonly weakTables = new Set<WeakRef<LuaTable>>();
  private readonly weakMembers = new WeakSet<LuaTable>();
  /** Objects found dead whose finalizers have not run yet (an error in an earlier one stopped the run, 5.3). */
  private readonly pendingFin: object[] = [];
  /** Objects marked for finalization, in marking order (strongly held). */
  private readonly finobj = new Set<object>();

  constructor(private readonly L: LuaState) {
    this.intParams = L.engine.dialect.gcParams === 'int';
    if (this.intParams) { this.pauseParam = 200; this.stepmulParam = 200; }
  }

  /** setmetatable's part (lua_setmetatable: luaC_checkfinalizer, and weak tables). */
  noteMetatable(o: LuaTable | LuaUserdata, mt: LuaTable | null): void {
    if (mt === null) return;
    // (Tables have finalizers since 5.2: gcOfTables.)
    if (mt.strs.__gc !== undefined && !this.closing && !this.finobj.has(o) && (o instanceof LuaUserdata || this.L.engine.dialect.gcOfTables)) {
      this.finobj.add(o);
      this.arm();
    }
    // weakMode first: setmetatable on every new object (class instances) then
    // costs a lookup of __mode, not a hash of the object for weakMembers.
    if (o instanceof LuaTable && weakMode(o) !== 0 && !this.weakMembers.has(o)) {
      this.weakMembers.add(o);
      this.weakTables.add(new WeakRef(o));
      this.arm();
    }
  }

  /**
   * Lua 5.1's userdata: finalized by whatever __gc their metatable has when
   * they are collected (5.1 looks it up then, not at setmetatable).
   */
  markForFinalization(o: LuaUserdata): void {
    if (this.closing || this.finobj.has(o)) return;
    this.finobj.add(o);
    this.arm();
  }

  hasWork(): boolean {
    return !this.closing && (this.finobj.size !== 0 || this.weakTables.size !== 0);
  }

  /** Allocations until the next automatic collection. */
  budget(): number {
    const heap = this.L.host.gc?.heapUsed() ?? 0;
    const base = Math.max(MIN_BUDGET, heap / BYTES_PER_ALLOCATION);
    return Math.min(BUDGET_IDLE - 1, Math.max(1024, Math.floor(base * this.pause() / 200)));
  }

  autoCollect(): void {
    if (this.running && !this.inFinalizer) this.fullCollect();
  }

  /** Has weak tables or finalizers: gets automatic collections. */
  armed = false;

  private arm(): void {
    if (this.armed) return;
    this.armed = true;
    setAllocBudget(this.budget(), onBudgetSpent);
  }

  pause(): number { return this.intParams ? this.pauseParam : this.pauseParam * 4; }
  stepmul(): number { return this.intParams ? this.stepmulParam : this.stepmulParam * 4; }
  setPause(n: number | bigint): void { this.pauseParam = this.intParams ? int32(n) : gcParam(n); }
  setStepmul(n: number | bigint): void { this.stepmulParam = this.intParams ? Math.max(40, int32(n)) : gcParam(n); }
  /** The parameters as lua5.3 keeps them (DialectSpec gcParams 'int'): ints, the step multiplier at least 40, 200 by default. */
  private readonly intParams: boolean;

  /**
   * collectgarbage "stop": the host's collector cannot be stopped, so while
   * ours is, "count" estimates what the heap would hold without collections
   * (the heap at the stop plus the allocations counted since).
   */
  private stoppedAt: { heap: number; allocations: number } | null = null;

  stop(): void {
    this.running = false;
    this.stoppedAt = { heap: this.L.host.gc?.heapUsed() ?? 0, allocations: allocationsCounted() };
  }

  restart(): void {
    this.running = true;
    this.stoppedAt = null;
  }

  /** KB in use (collectgarbage "count"). */
  count(): number {
    // A memory-limited run sees the memory it is charged for (runtime/limits.ts).
    const B = this.L.engine.B;
    if (B.run?.limits.memory !== undefined) {
      B.chargeMemory(0);
      return B.memory.estimate() / 1024;
    }
    const heap = this.L.host.gc?.heapUsed() ?? 0;
    const s = this.stoppedAt;
    if (s === null) return heap / 1024;
    return (s.heap + (allocationsCounted() - s.allocations) * BYTES_PER_OBJECT) / 1024;
  }

  /** A full collection, then the finalizers of the objects found dead. */
  fullCollect(): void {
    const collect = this.L.host.gc?.collect;
    if (this.collecting || this.closing || collect === undefined) return;
    this.collecting = true;
    const estimateBefore = this.count() * 1024;
    let due: object[];
    try {
      // detach() returns before the host collects, so that no frame of ours
      // still holds an object in a register.
      // A forced V8 collection costs milliseconds; without weak tables or
      // finalizers nothing Lua can observe depends on it (but "count").
      const observed = this.hasWork();
      const work = this.detach();
      if (observed) collect();
      due = this.reattach(work);
    } finally {
      this.collecting = false;
    }
    // Latest marked first, after those an error left pending (5.3's tobefnz list).
    const pending = this.pendingFin;
    for (let i = due.length - 1; i >= 0; i--) pending.push(due[i]!);
    while (pending.length > 0) this.finalize(pending.shift()!);
    // A collection while stopped starts the estimate afresh. The host heap
    // also grows by what we do not count (compiled code, feedback), so the
    // estimate never rises through a collection, and falls when objects
    // were allocated since the last one (some of them must have died).
    const s = this.stoppedAt;
    if (s !== null) {
      const before = estimateBefore;
      const now = allocationsCounted();
      const heap = this.L.host.gc?.heapUsed() ?? 0;
      this.stoppedAt = { heap: Math.min(heap, now > s.allocations ? before - 1024 : before), allocations: now };
    }
  }

  /** lua_close: every object still marked is finalized, latest marked first. */
  close(): void {
    if (this.closing) return;
    this.closing = true;
    this.armed = false;
    const all = [...this.finobj];
    this.finobj.clear();
    for (const o of this.pendingFin.splice(0)) this.finalize(o);
    for (let i = all.length - 1; i >= 0; i--) this.finalize(all[i]!);
  }

  private detach(): Detached {
    const fins: FinRecord[] = [];
    const finIndex = new WeakMap<object, FinRecord>();
    for (const o of this.finobj) {
      const rec: FinRecord = { ref: new WeakRef(o), twin: twinOf(o), dead: false };
      fins.push(rec);
      finIndex.set(o, rec);
    }
    this.finobj.clear();
    const tables: DetachedTable[] = [];
    for (const ref of this.weakTables) {
      const t = ref.deref();
      if (t === undefined) { this.weakTables.delete(ref); continue; }
      const mode = weakMode(t);
      if (mode === 0) continue;
      const d = detachTable(t, mode, finIndex, this.L.engine.dialect.ephemerons);
      if (d !== null) tables.push(d);
    }
    // lua5.3 clears a prototype's closure cache when the closure is otherwise dead.
    const caches: Detached['caches'] = [];
    for (const ref of this.L.engine.closureCaches) {
      const c = ref.deref();
      if (c === undefined) { this.L.engine.closureCaches.delete(ref); continue; }
      if (!c.some((f) => f !== undefined)) continue;
      caches.push([c, c.map((f) => (f === undefined ? undefined : new WeakRef(f)))]);
      c.fill(undefined);
    }
    return { fins, tables, caches };
  }

  /** Puts back what survived; returns the twins of the objects to finalize, in marking order. */
  private reattach(work: Detached): object[] {
    const due: object[] = [];
    for (const rec of work.fins) {
      const o = rec.ref.deref();
      if (o !== undefined) this.finobj.add(o);
      else { rec.dead = true; due.push(rec.twin); }
    }
    for (const d of work.tables) reattachTable(d);
    for (const [c, refs] of work.caches) for (let i = 0; i < refs.length; i++) c[i] = refs[i]?.deref();
    return due;
  }

  /** GCTM: calls the object's current __gc; an error becomes a warning. */
  private finalize(o: object): void {
    const mt = (o as LuaTable | LuaUserdata).metatable;
    const tm = mt === null ? undefined : mt.getStr('__gc');
    if (tm === undefined) return;
    // lua5.3 calls a finalizer only when it is a function (GCTM: ttisfunction).
    if (typeof tm !== 'function' && this.L.engine.dialect.gcErrors === 'propagate') return;
    const outer = this.inFinalizer;
    this.inFinalizer = true;
    try {
      const r = protectedCall(callFinalizer, [tm, o as LuaValue], true);
      if (r instanceof Caught) {
        const err = errorValue(r.error);
        if (this.L.engine.dialect.gcErrors === 'propagate') {
          // lua5.3 (GCTM): the error goes on from whatever ran the collector,
          // except while the state closes; the other finalizers wait.
          if (!this.closing) {
            const e = new LuaError(`error in __gc metamethod (${typeof err === 'string' ? err : 'no message'})`);
            e.bypassesHandler = true;
            throw e;
          }
        } else {
          this.warn(`error in __gc (${typeof err === 'string' ? err : 'error object is not a string'})`);
        }
      }
    } finally {
      this.inFinalizer = outer;
    }
  }

  private warn(msg: string): void {
    if (this.L.warnings) this.L.host.stderr.write(`Lua warning: ${msg}\n`);
  }
}

/** The collector of a state (created on first use). */
/** Its name marks the finalizer's level as metamethod '__gc' (traceback.ts). */
function callFinalizer(tm: LuaValue, o: object): void {
  // (protectedCall's ops.call counts the C level.)
  ops.callable(tm, "metamethod '__gc'")(o as LuaValue);
}

export function collectorOf(L: LuaState): Collector {
  return (L.engine.collector ??= new Collector(L));
}

/** lua_close's finalizers: call when the state is closed (end of the program, os.exit(c, true)). */
export function closeState(L: LuaState): void {
  const c = L.engine.collector;
  if (c !== null) L.run(() => c.close());
}

// Tracebacks name a finalizer's level '__gc' by its caller (traceback.ts).
keepNames({ callFinalizer });
