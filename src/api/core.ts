// The machinery behind `Lua` (lua.ts) and the handles: conversions in both
// directions, JS functions as Lua functions, entering the engine for calls,
// errors crossing the boundary, and the async driver.
//
// Hot paths (`invoke`, the host function wrappers, `toLua`, `toJS`) avoid
// closures and allocation beyond the values themselves.

import { LuaState } from '../runtime/state.js';
import { LuaTable } from '../runtime/table.js';
import { LuaFloat, LuaUserdata, LuaThreadBase, luaType, type LuaValue } from '../runtime/value.js';
import { E, enter, leave, type Engine } from '../runtime/engine.js';
import * as ops from '../runtime/ops.js';
import { AwaitRequest, PAUSE, callreq } from '../runtime/callreq.js';
import { LimitExceeded, RunBudget, now, type Budget, type Limits } from '../runtime/limits.js';
import { Machine, currentMachine, type LuaFunction, type MachineResult } from '../runtime/trampoline.js';
import { Coroutine, resume as coResume, resumeG, close as coClose, unwind, type ResumeResult as CoResult } from '../runtime/coroutine.js';
import { API_FUNCTION_PREFIX, isOutOfMemory, HostError, readonlyMessage, adoptError, LuaError as InternalLuaError, hostFunctionNames, rtError, where, type Frame } from '../runtime/errors.js';
import { errorLevels, formatTraceback, levelsFromFrames, describeLevel, globalFunctionName, HOST_ENTRY, type TraceLevel } from '../runtime/traceback.js';
import { closeState, collectorOf } from '../runtime/gc.js';
import { loadBinary } from '../runtime/dump.js';
import { addressOf, tostring as luaTostring } from '../stdlib/base.js';
import { LuaSyntaxError } from '../syntax/errors.js';
import type { Host } from '../host/host.js';
import { LuaTableHandle, LuaFunctionHandle, LuaUserdataHandle, LuaThreadHandle, LuaHandle, type ResumeResult } from './handles.js';
import { LuaError, makeLuaError, makeLimitError, originOf, type ErrorOrigin, type LuaStackFrame } from './errors.js';
import { MultiReturn, type ConvertOptions, type JsValue, type ToJSOptions } from './types.js';
import { bytesToLua, luaToBytes, luaToText, textToLua } from './strings.js';
import { opaqueMetatable, proxyMetatable } from './userdata.js';
import { LuaStepper } from './stepper.js';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MIN_INT64 = -(1n << 63n);
const MAX_INT64 = (1n << 63n) - 1n;
/** lua5.4's LUAI_MAXCCALLS: nested calls through host code. */
const MAX_C_CALLS = 200;
const NEG_ZERO = new LuaFloat(-0);
const EMPTY = ops.EMPTY;

/** A Lua function made from a JS function: `J` is that function. */
export type ApiFunction = LuaFunction & { J?: (...args: never[]) => unknown };

/** Userdata made from one of the embedder's objects: converts back to that object. */
export class JsObjectUserdata extends LuaUserdata {
  declare value: object;
  constructor(value: object, metatable: LuaTable) {
    super(value, metatable);
  }
}

function isThenable(v: object): v is PromiseLike<unknown> {
  try {
    return typeof (v as { then?: unknown }).then === 'function';
  } catch {
    return false;
  }
}

function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/** The message Lua sees for a JS exception. */
function messageOf(e: unknown): string {
  try {
    if (typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string') return (e as { message: string }).message;
    return String(e);
  } catch {
    return 'JS exception';
  }
}

/** How a value is named in a TypeError. */
export function describe(v: unknown): string {
  try {
    if (typeof v === 'symbol') return v.toString();
    if (typeof v === 'function') return `function ${v.name || '(anonymous)'}`;
    if (typeof v === 'object' && v !== null) {
      const proto = Object.getPrototypeOf(v) as { constructor?: { name?: string } } | null;
      const name = proto === null ? 'Object' : (Object.getOwnPropertyDescriptor(proto, 'constructor')?.value as { name?: string } | undefined)?.name;
      return `an instance of ${name || 'an anonymous class'}`;
    }
    return typeof v === 'string' ? JSON.stringify(v) : String(v);
  } catch {
    return 'a value';
  }
}

function isPlainObject(o: object): boolean {
  const p = Object.getPrototypeOf(o);
  return p === Object.prototype || p === null;
}

/** A real Map (not merely an object inheriting from Map.prototype). */
export function isMap(o: object): o is Map<unknown, unknown> {
  if (!(o instanceof Map)) return false;
  try {
    Map.prototype.has.call(o, undefined);
    return true;
  } catch {
    return false;
  }
}

/** Values copied into Lua tables (when not proxied). */
function isCopyable(o: object): boolean {
  return Array.isArray(o) || isPlainObject(o) || isMap(o);
}

function closedError(): Error {
  return new Error('this Lua state is closed');
}

const CLOSED = Symbol('closed');
/** An await ended by the run's signal or deadline. */
const STOPPED = Symbol('stopped');

/** The limit error for a run stopped while it awaited. */
function stopError(B: Budget): unknown {
  try {
    return B.stopped();
  } catch (e) {
    return e;
  }
}

/** A turn of the event loop (time slicing): timers and I/O callbacks run before it resolves. */
function macrotask(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (f: () => void) => void }).setImmediate;
  return new Promise((resolve) => (immediate ?? setTimeout)(resolve));
}

export interface CoreOptions extends ConvertOptions {
  host: Host;
  dialect: '5.4' | '5.3' | '5.1';
  /** The limits of every run; given (even `{}`), the state's chunks are compiled with limit checks. */
  limits?: Limits;
}

export class Core {
  /** Null once closed. */
  state: LuaState | null;
  readonly engine: Engine;
  readonly host: Host;
  /** Conversion defaults. */
  readonly bytes: boolean;
  readonly exact: boolean;
  /** JS function → its Lua function. */
  private readonly functions = new WeakMap<object, LuaFunction>();
  /** The number in the JS name of the next API function (nameFunction): unique within the state. */
  private nextFunctionId = 1;
  /** JS object → its userdata (registered class instance or opaque). */
  private readonly userdata = new WeakMap<object, JsObjectUserdata>();
  /** JS object → its proxy userdata. */
  private readonly proxies = new WeakMap<object, JsObjectUserdata>();
  /** Registered classes: prototype → metatable. */
  readonly classes = new Map<object, LuaTable>();
  /** Prototype → metatable of its instances (registered or opaque), cached. */
  metatables = new WeakMap<object, LuaTable>();
  /** The proxy metatable. */
  proxyMt: LuaTable | null = null;
  /** Async runs in progress (their machines), for close(). */
  private readonly asyncRuns = new Set<Machine>();
  /** Rejecters of the awaits in progress (close() rejects them with CLOSED). */
  private readonly pendingAwaits = new Set<(e: unknown) => void>();
  /** The limits of each run (null: none), unless `withLimits` gives others. */
  limits: Limits | null = null;
  /** Limits given for the runs started inside `withLimits`. */
  private override: Limits | null = null;

  /** Runs `fn`; the runs it starts (sync calls, async runs, steppers) get `limits`. */
  withLimits<T>(limits: Limits, fn: () => T): T {
    if (!this.engine.B.enabled) throw new Error('this Lua state was created without limits: pass `limits` (even {}) to new Lua() so that its code is compiled with limit checks');
    const saved = this.override;
    this.override = limits;
    try {
      return fn();
    } finally {
      this.override = saved;
    }
  }

  /** Time slicing of async runs (`LuaOptions.sliceMs`). */
  sliceMs = Infinity;

  /** A new run's budget: null when the state has no limits (`always`: a stepper's, which needs one). */
  newRun(sliceMs = Infinity, always = false): RunBudget | null {
    const l = this.override ?? this.limits;
    if (l === null && sliceMs === Infinity && !always) return null;
    if (!this.engine.B.enabled) throw new Error('this Lua state was created without limits: pass `limits` (even {}) to new Lua() to use limits, time slicing or steppers');
    return new RunBudget(l ?? {}, sliceMs);
  }

  constructor(options: CoreOptions) {
    this.host = options.host;
    this.state = new LuaState({ host: options.host, dialect: options.dialect });
    this.engine = this.state.engine;
    if (options.limits !== undefined) {
      this.engine.B.enabled = true;
      this.limits = options.limits;
    }
    // Complete tracebacks without touching the process's Error.stackTraceLimit.
    this.engine.traceLimit = 200;
    this.bytes = options.strings === 'bytes';
    this.exact = options.numbers === 'exact';
    this.doubles = this.engine.dialect.numbers === 'double';
  }

  /** The state's numbers are all doubles (5.1): JS numbers cross unchanged both ways. */
  private readonly doubles: boolean;

  /** The state, or an error when closed. */
  get L(): LuaState {
    const L = this.state;
    if (L === null) throw closedError();
    return L;
  }

  check(): void {
    if (this.state === null) throw closedError();
  }

  /** Runs `fn` inside the engine; a Lua error becomes the public LuaError (or a host exception itself). */
  run<T>(fn: () => T): T {
    const L = this.L;
    return L.run(() => {
      try {
        return fn();
      } catch (e) {
        throw this.outError(e);
      }
    });
  }

  // ------------------------------------------------------------- JS → Lua

  toLua(v: unknown): LuaValue {
    switch (typeof v) {
      case 'number':
        // 5.1: every number is a double, the JS number itself.
        if (this.doubles) return v;
        if (Number.isInteger(v)) {
          if (v > MAX_SAFE || v < -MAX_SAFE) return new LuaFloat(v);
          if (v === 0 && 1 / v < 0) return NEG_ZERO;
        }
        return v;
      case 'string': return textToLua(v);
      case 'boolean': case 'undefined': return v;
      case 'bigint':
        if (this.doubles) return Number(v);
        if (v < MIN_INT64 || v > MAX_INT64) throw new RangeError(`${v} is outside the range of Lua integers (64-bit)`);
        return v >= -MAX_SAFE && v <= MAX_SAFE ? Number(v) : v;
      case 'function': return this.functionToLua(v as (...args: never[]) => unknown);
      case 'object': return v === null ? undefined : this.objectToLua(v);
      default: throw new TypeError(`cannot convert ${describe(v)} to a Lua value`);
    }
  }

  private objectToLua(o: object): LuaValue {
    if (o instanceof LuaHandle) {
      if (o.core !== this) throw new TypeError('a handle on a value of another Lua state cannot be used in this one');
      return o.ref as LuaValue;
    }
    if (o instanceof LuaFloat || o instanceof LuaTable || o instanceof LuaUserdata || o instanceof LuaThreadBase) return o;
    if (o instanceof Uint8Array && ArrayBuffer.isView(o)) return bytesToLua(o);
    if (o instanceof MultiReturn) throw new TypeError('Lua.multi(...) is only meaningful as the return value of a JS function called by Lua');
    if (isCopyable(o)) return this.copyToLua(o, null);
    return this.userdataOf(o);
  }

  /** A JS function as a Lua function (the same one for the same JS function). */
  functionToLua(f: (...args: never[]) => unknown): LuaFunction {
    const known = this.functions.get(f);
    if (known !== undefined) return known;
    // Already a Lua function (a closure, a library or API function).
    const lf = f as unknown as ApiFunction;
    if (lf.P !== undefined || lf.J !== undefined || (f.name !== '' && (hostFunctionNames.has(f.name) || f.name.startsWith(API_FUNCTION_PREFIX)))) {
      return lf;
    }
    const w = this.makeFunction(f as (...args: unknown[]) => unknown);
    this.functions.set(f, w);
    return w;
  }

  /**
   * Copies plain objects, arrays and Maps into new tables (iteratively:
   * depth costs no JS stack; shared and cyclic parts stay shared and
   * cyclic). `proxyNested`: instead of copying, nested ones become proxies.
   */
  copyToLua(root: object, memo: Map<object, LuaTable> | null): LuaTable {
    memo ??= new Map();
    const work: { o: object; t: LuaTable; path: string }[] = [];
    const tableFor = (o: object, path: string): LuaTable => {
      let t = memo!.get(o);
      if (t === undefined) {
        t = new LuaTable();
        memo!.set(o, t);
        work.push({ o, t, path });
      }
      return t;
    };
    const value = (v: unknown, path: string): LuaValue => {
      if (typeof v === 'object' && v !== null && isCopyable(v)) return tableFor(v, path);
      try {
        return this.toLua(v);
      } catch (e) {
        if (e instanceof TypeError || e instanceof RangeError) throw new (e.constructor as ErrorConstructor)(`${e.message} (at ${path || 'the top'})`);
        throw e;
      }
    };
    const root_ = tableFor(root, '');
    while (work.length > 0) {
      const { o, t, path } = work.pop()!;
      if (Array.isArray(o)) {
        const n = o.length;
        for (let i = 0; i < n; i++) {
          const p = `${path}[${i}]`;
          const v = value(read(o, i, p), p);
          if (v !== undefined) t.setInt(i + 1, v);
        }
      } else if (isMap(o)) {
        for (const [k, v] of Map.prototype.entries.call(o) as IterableIterator<[unknown, unknown]>) {
          const p = `${path}.get(${describe(k)})`;
          const lk = value(k, p);
          if (lk === undefined) throw new TypeError(`nil cannot be a Lua table key (at ${p})`);
          if (typeof lk === 'number' && Number.isNaN(lk)) throw new TypeError(`NaN cannot be a Lua table key (at ${p})`);
          const lv = value(v, p);
          if (lv !== undefined) t.set(lk, lv);
        }
      } else {
        for (const key of Object.keys(o)) {
          const p = `${path}.${key}`;
          const v = value(read(o, key, p), p);
          if (v !== undefined) t.setStr(textToLua(key), v);
        }
      }
    }
    return root_;
  }

  /** The userdata of one of the embedder's objects: its registered class's, or an opaque one. */
  userdataOf(o: object): JsObjectUserdata {
    let ud = this.userdata.get(o);
    if (ud === undefined) {
      let proto: object | null;
      try {
        proto = Object.getPrototypeOf(o) as object | null;
      } catch {
        proto = null;
      }
      const mt = (proto !== null ? this.metatableOfProto(proto) : null) ?? opaqueMetatable(this, proto);
      ud = new JsObjectUserdata(o, mt);
      this.userdata.set(o, ud);
    }
    return ud;
  }

  /** The metatable for instances with prototype `proto`: the nearest registered class's, else the opaque one. */
  private metatableOfProto(proto: object): LuaTable {
    const cached = this.metatables.get(proto);
    if (cached !== undefined) return cached;
    let mt: LuaTable | undefined;
    try {
      for (let p: object | null = proto; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
        mt = this.classes.get(p);
        if (mt !== undefined) break;
      }
    } catch {
      mt = undefined;
    }
    mt ??= opaqueMetatable(this, proto);
    this.metatables.set(proto, mt);
    return mt;
  }

  /** `lua.proxy(o)`: userdata reaching the object's own properties. */
  proxyOf(o: object): JsObjectUserdata {
    let ud = this.proxies.get(o);
    if (ud === undefined) {
      ud = new JsObjectUserdata(o, this.proxyMt ??= proxyMetatable(this));
      this.proxies.set(o, ud);
    }
    return ud;
  }

  registerClass(proto: object, mt: LuaTable): void {
    this.classes.set(proto, mt);
    // Subclasses' and opaque metatables found before are stale.
    this.metatables = new WeakMap();
  }

  // ------------------------------------------------------------- Lua → JS

  toJS(v: LuaValue, options?: ConvertOptions): JsValue {
    switch (typeof v) {
      case 'number': case 'boolean': case 'undefined': case 'bigint': return v;
      case 'string':
        if (options?.strings !== undefined ? options.strings === 'bytes' : this.bytes) return luaToBytes(v);
        return luaToText(v);
      case 'function': return new LuaFunctionHandle(this, v as LuaFunction);
      default: return this.objectToJS(v, options);
    }
  }

  private objectToJS(v: LuaValue, options?: ConvertOptions): JsValue {
    if (v instanceof LuaFloat) return !this.doubles && (options?.numbers !== undefined ? options.numbers === 'exact' : this.exact) ? v : v.n;
    if (v instanceof LuaTable) return new LuaTableHandle(this, v);
    if (v instanceof JsObjectUserdata) return v.value;
    if (v instanceof Coroutine) return new LuaThreadHandle(this, v);
    if (v === null) return undefined;
    return new LuaUserdataHandle(this, v);
  }

  /** A result in the engine's calling convention as an array of JS values. */
  resultsToJS(r: unknown): JsValue[] {
    if (!Array.isArray(r)) return [this.toJS(r)];
    const n = r.length;
    const out = new Array<JsValue>(n);
    for (let i = 0; i < n; i++) out[i] = this.toJS(r[i]);
    return out;
  }

  bytesOf(v: LuaValue): Uint8Array | undefined {
    return typeof v === 'string' ? luaToBytes(v) : undefined;
  }

  /** `handle.toJS()`: a deep copy into arrays, objects and Maps (iterative; cycles stay cycles). */
  deepCopy(root: LuaTable, options: ToJSOptions): unknown {
    this.check();
    const memo = new Map<LuaTable, unknown>();
    const work: { out: unknown; entries: [LuaValue, LuaValue][] }[] = [];
    const make = (t: LuaTable): unknown => {
      const known = memo.get(t);
      if (known !== undefined) return known;
      const entries: [LuaValue, LuaValue][] = [];
      let allStrings = true;
      let k: LuaValue = undefined;
      for (;;) {
        const e = t.next(k);
        if (e === undefined) break;
        entries.push(e);
        k = e[0];
        if (typeof k !== 'string') allStrings = false;
      }
      const n = entries.length;
      let sequence = n > 0;
      for (let i = 0; i < n && sequence; i++) {
        const key = entries[i]![0];
        sequence = typeof key === 'number' && Number.isInteger(key) && key >= 1 && key <= n;
      }
      const out = n === 0 ? (options.emptyTables === 'array' ? [] : {}) : sequence ? new Array<unknown>(n) : allStrings ? {} : new Map<unknown, unknown>();
      memo.set(t, out);
      work.push({ out, entries });
      return out;
    };
    const value = (v: LuaValue): unknown => (v instanceof LuaTable ? make(v) : this.toJS(v, options));
    const result = make(root);
    while (work.length > 0) {
      const { out, entries } = work.pop()!;
      if (Array.isArray(out)) {
        for (const [k, v] of entries) out[(k as number) - 1] = value(v);
      } else if (out instanceof Map) {
        for (const [k, v] of entries) out.set(value(k), value(v));
      } else {
        const obj = out as Record<string, unknown>;
        for (const [k, v] of entries) {
          const key = luaToText(k as string);
          // An ordinary property, never the prototype.
          if (key === '__proto__') Object.defineProperty(obj, key, { value: value(v), enumerable: true, writable: true, configurable: true });
          else obj[key] = value(v);
        }
      }
    }
    return result;
  }

  // ---------------------------------------------------- JS functions in Lua

  /**
   * A JS function as a Lua function: arguments converted to JS; the result
   * converted back (undefined: no results; Lua.multi: several; a promise:
   * awaited in an async run). Each gets a unique JS name (tracebacks find it
   * in package.loaded by name) and a resumable variant `.G` that can await.
   */
  makeFunction(fn: (...args: unknown[]) => unknown): LuaFunction {
    const core = this;
    const w = function (...args: LuaValue[]): unknown {
      // Written back only when converted (writing into the rest array costs ~20 ns).
      const n = args.length;
      for (let i = 0; i < n; i++) {
        const a = args[i];
        if (typeof a === 'number') continue;
        const b = core.toJS(a);
        if (b !== a) args[i] = b;
      }
      let r: unknown;
      try {
        r = fn(...args);
      } catch (e) {
        throw core.hostError(e);
      }
      if (typeof r !== 'object' || r === null) return r === undefined ? EMPTY : core.toLua(r);
      return core.resultToLua(r);
    } as ApiFunction;
    // The same conversion as `w`, written out again on purpose: a shared
    // helper for it measured 13 -> 21 ns per Lua -> JS call (bench:api).
    const G = function* (...args: LuaValue[]): Generator<unknown, unknown, unknown> {
      const n = args.length;
      for (let i = 0; i < n; i++) {
        const a = args[i];
        if (typeof a === 'number') continue;
        const b = core.toJS(a);
        if (b !== a) args[i] = b;
      }
      let r: unknown;
      try {
        r = fn(...args);
      } catch (e) {
        throw core.hostError(e);
      }
      return yield* core.resultG(r);
    };
    return nameFunction(w, G, fn, this.nextFunctionId++);
  }

  /**
   * A host function's JS result `r` as Lua results, in resumable code: a
   * promise is awaited (in an async run; elsewhere it is an error).
   */
  *resultG(r: unknown): Generator<unknown, unknown, unknown> {
    if (typeof r !== 'object' || r === null) return r === undefined ? EMPTY : this.toLua(r);
    if (isThenable(r)) {
      const m = currentMachine();
      if (m === null || !m.awaitable) return this.cannotAwait(r);
      try {
        r = yield new AwaitRequest(r);
      } catch (e) {
        throw this.hostError(e);
      }
      if (typeof r !== 'object' || r === null) return r === undefined ? EMPTY : this.toLua(r);
    }
    return this.resultToLua(r);
  }

  /** `lua.fn(f, { raw: true })`: receives and returns Lua values as the engine represents them. */
  makeRawFunction(fn: (...args: LuaValue[]) => unknown): LuaFunction {
    const core = this;
    const w = function (...args: LuaValue[]): unknown {
      try {
        return fn(...args);
      } catch (e) {
        throw core.hostError(e);
      }
    } as ApiFunction;
    return nameFunction(w, undefined, fn, this.nextFunctionId++);
  }

  /**
   * A host function from `call`, which gets the raw Lua arguments and returns
   * a JS result (converted back; a promise is awaited in an async run).
   */
  makeGeneric(call: (args: LuaValue[]) => unknown): LuaFunction {
    const core = this;
    const w = function (...args: LuaValue[]): unknown {
      let r: unknown;
      try {
        r = call(args);
      } catch (e) {
        throw core.hostError(e);
      }
      if (typeof r !== 'object' || r === null) return r === undefined ? EMPTY : core.toLua(r);
      return core.resultToLua(r);
    } as ApiFunction;
    const G = function* (...args: LuaValue[]): Generator<unknown, unknown, unknown> {
      let r: unknown;
      try {
        r = call(args);
      } catch (e) {
        throw core.hostError(e);
      }
      return yield* core.resultG(r);
    };
    const f = nameFunction(w, G, call, this.nextFunctionId++);
    // Not made from an embedder's function: no `J`.
    (f as ApiFunction).J = undefined;
    return f;
  }

  /** A JS function's non-primitive result as Lua results. */
  resultToLua(r: object): unknown {
    if (r instanceof MultiReturn) {
      const vs = r.values;
      const n = vs.length;
      if (n === 0) return EMPTY;
      const out = new Array<LuaValue>(n);
      for (let i = 0; i < n; i++) out[i] = this.toLua(vs[i]);
      return out;
    }
    if (!(r instanceof LuaHandle) && isThenable(r)) return this.cannotAwait(r);
    return this.objectToLua(r);
  }

  /** A promise where none can be awaited: a Lua error (and the promise's rejection is handled). */
  cannotAwait(p: PromiseLike<unknown>): never {
    try {
      p.then(undefined, () => {});
    } catch {
      // a thenable whose `then` throws: nothing to handle
    }
    if (E.machines.some((m) => m.awaitable)) throw new InternalLuaError('attempt to yield across a C-call boundary');
    throw new InternalLuaError(`${where(1)}attempt to await a JS promise outside an async run (use doStringAsync or callAsync)`);
  }

  /** What a JS exception thrown by a host function becomes in Lua. */
  hostError(e: unknown): unknown {
    e = adoptError(e);
    if (e instanceof InternalLuaError) return e;
    if (e instanceof LuaError) {
      // A Lua error of this state passing back through a JS function: as it was.
      const origin = originOf(e);
      if (origin !== undefined && origin.owner === this && origin.internal instanceof InternalLuaError) return origin.internal;
      // The embedder raising a Lua value.
      let v: LuaValue;
      try {
        v = this.toLua(e.value);
      } catch {
        v = textToLua(e.message);
      }
      return new HostError(v, e);
    }
    if (isStackOverflow(e)) return e;
    return new HostError(where(1) + textToLua(messageOf(e)), e);
  }

  // ------------------------------------------------------------ JS → Lua calls

  /**
   * Calls Lua value `f` with Lua arguments: the one way in for sync calls.
   * Enters the engine when it is not the running one, counts a C level,
   * puts every counter back however the call ends.
   */
  invoke(f: unknown, args: LuaValue[]): unknown {
    if (this.state === null) throw closedError();
    const e = this.engine;
    // The engine stays the running one after the call ("sticky"): entering
    // costs nothing for the next call. Another engine that was running below
    // this call (a nested run) is put back.
    const prev = E;
    if (prev !== e) enter(e);
    const C = e.C, D = e.D, prot = e.protection, B = e.B;
    const depth = D.n, calls = C.n, plain = prot.plain, machines = e.machines.length, current = e.current, levels = B.lv;
    const protections = prot.n;
    // The outermost call is a run: it gets the limits (nested calls are part of it).
    const outer = calls === 0 && B.enabled ? B.run : null;
    const run = calls === 0 && B.enabled ? this.newRun() : null;
    if (run !== null) B.resume(run);
    let r: unknown;
    C.n = calls + 1;
    prot.plain = false;
    // The JavaScript caller may catch what this call raises: a protected
    // call (to-be-closed variables close as the error passes).
    prot.n = protections + 1;
    try {
      if (calls + 1 >= MAX_C_CALLS) rtError('C stack overflow');
      r = (typeof f === 'function' ? f : ops.callable(f))(...args);
    } catch (err) {
      if (run !== null) this.endRun(outer);
      D.n = depth;
      B.lv = levels;
      C.n = calls;
      prot.plain = plain;
      prot.n = protections;
      e.machines.length = machines;
      e.current = current;
      let out: unknown;
      try {
        out = this.outError(err);
      } finally {
        if (prev !== e && prev !== undefined) leave(prev);
        if (calls === 0) this.flush();
      }
      throw out;
    }
    if (run !== null) this.endRun(outer);
    C.n = calls;
    prot.plain = plain;
    prot.n = protections;
    if (prev !== e && prev !== undefined) leave(prev);
    // The outermost call: what Lua printed goes out now.
    if (calls === 0) this.host.stdout.flush();
    return r;
  }

  /** Whether this state's code is running (a JS function called by Lua is asking). */
  running(): boolean {
    return this.engine.C.n > 0 && E === this.engine;
  }

  /** The arguments of a call from JS, converted in place (written only when changed: cheaper). */
  private convertArgs(args: unknown[]): LuaValue[] {
    const n = args.length;
    for (let i = 0; i < n; i++) {
      const a = args[i];
      // Most arguments are small numbers, which stay as they are.
      if (typeof a === 'number' && (a | 0) === a && (a !== 0 || 1 / a > 0)) continue;
      const b = this.toLua(a);
      if (b !== a) args[i] = b;
    }
    return args as LuaValue[];
  }

  callConverted(f: unknown, args: unknown[]): JsValue[] {
    const r = this.invoke(f, this.convertArgs(args));
    if (!Array.isArray(r)) return [typeof r === 'number' ? r : this.toJS(r)];
    return this.resultsToJS(r);
  }

  call1(f: unknown, args: unknown[]): JsValue {
    const r = this.invoke(f, this.convertArgs(args));
    return this.toJS(Array.isArray(r) ? r[0] : r);
  }

  flush(): void {
    try {
      this.host.stdout.flush();
    } catch {
      // an output error must not hide the error being reported
    }
  }

  // ------------------------------------------------------------------- errors

  /** What leaves the engine for JS: the public LuaError, or a host function's own exception. */
  outError(err: unknown): unknown {
    err = adoptError(err);
    if (err instanceof HostError) return err.hostCause;
    if (err instanceof InternalLuaError) return this.publicError(err);
    if (err instanceof LuaSyntaxError) {
      const msg = luaToText(err.message);
      return makeLuaError(msg, msg, { internal: err, owner: this, traceback: (m) => m, frames: () => [] });
    }
    if (isStackOverflow(err)) return this.publicError(new InternalLuaError('stack overflow'));
    if (err instanceof RangeError && isOutOfMemory(err)) return this.publicError(new InternalLuaError('not enough memory'));
    return err;
  }

  /** The public LuaError of an engine error (one per error: a nested run sees the same object). */
  publicError(err: InternalLuaError, frames?: Frame[] | null): LuaError {
    const cached = (err as { api?: LuaError }).api;
    if (cached !== undefined) return cached;
    const L = this.state!;
    const v = err.value;
    const message = this.errorMessage(v);
    // lua.c's msghandler gives a __tostring result as it is, without a traceback.
    const bare = typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'bigint' && !(v instanceof LuaFloat) && ops.metafield(v, '__tostring') !== undefined && !message.startsWith('(error object is a');
    const levels = (): TraceLevel[] => (frames ? levelsFromFrames(frames) : errorLevels(err) ?? []);
    const origin: ErrorOrigin = {
      internal: err,
      owner: this,
      traceback: (msg) => bare ? msg : luaToText(L.run(() => formatTraceback(L, textToLua(msg), [...levels(), HOST_ENTRY]))),
      frames: () => L.run(() => levels().map((lv) => this.frameOf(L, lv))),
    };
    const pub = err instanceof LimitExceeded
      ? makeLimitError(err.kind, err.limit, err.used, luaToText(v as string), origin)
      : makeLuaError(this.toJS(v), message, origin);
    (err as { api?: LuaError }).api = pub;
    return pub;
  }

  /** lua.c's msghandler: the message for an error value. */
  private errorMessage(v: LuaValue): string {
    if (typeof v === 'string') return luaToText(v);
    if (typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat) return luaToText(luaTostring(v));
    const mm = ops.metafield(v, '__tostring');
    if (mm !== undefined) {
      try {
        const r = ops.first(ops.call(mm, v));
        if (typeof r === 'string') return luaToText(r);
      } catch {
        // fall through
      }
    }
    return `(error object is a ${luaType(v)} value)`;
  }

  private frameOf(L: LuaState, lv: TraceLevel): LuaStackFrame {
    const global = globalFunctionName(L, lv);
    const name = global ?? (lv.name !== '' ? lv.name : null);
    return {
      source: luaToText(lv.kind === 'lua' && lv.chunk ? lv.chunk.displayName : '[C]'),
      line: lv.kind === 'lua' && (lv.line ?? 0) > 0 ? lv.line! : -1,
      functionName: name === null ? null : luaToText(name),
      what: lv.kind === 'C' ? 'C' : lv.proto === 0 ? 'main' : 'Lua',
      description: luaToText(describeLevel(L, lv)),
    };
  }

  // ------------------------------------------------------------------- async

  /**
   * Runs `f(args)` on a machine that may await: a JS function returning a
   * promise suspends it; this driver awaits the promise (the event loop runs
   * on) and resumes the machine with the value or the rejection. Several
   * runs of one state interleave at their awaits, each on its own machine.
   */
  async runAsync(f: unknown, args: LuaValue[], sliceMs = Infinity): Promise<unknown> {
    const r = this.startAsync(f, args, sliceMs);
    return r instanceof Promise ? r : r.value;
  }

  /**
   * An async run whose first stretch runs now: its result at once when it
   * ends there (no await, no pause), else a promise of it. Servers use this
   * (src/redis): most scripts end in their first slice, and a promise per
   * command would cost a turn of the event loop each.
   */
  startAsync(f: unknown, args: LuaValue[], sliceMs = Infinity): { value: unknown } | Promise<unknown> {
    this.check();
    const m = new Machine(null);
    m.awaitable = true;
    const entry = typeof f === 'function' && (f as LuaFunction).G !== undefined ? (f as LuaFunction) : callEntry(f);
    const run = this.newRun(sliceMs === Infinity ? this.sliceMs : sliceMs);
    this.asyncRuns.add(m);
    let r: MachineResult;
    try {
      r = this.step(m, entry, args, true, undefined, false, run);
    } catch (e) {
      this.asyncRuns.delete(m);
      throw e;
    }
    if (r.done) {
      this.asyncRuns.delete(m);
      return { value: r.value };
    }
    return this.continueAsync(m, entry, args, run, r);
  }

  /** The rest of an async run after a stretch that paused or awaited. */
  private async continueAsync(m: Machine, entry: LuaFunction, args: LuaValue[], run: RunBudget | null, r: MachineResult): Promise<unknown> {
    try {
      for (;;) {
        if (r.done) return r.value;
        let input: unknown = undefined;
        let isThrow = false;
        if (r.await === PAUSE) {
          // Time slicing: the event loop gets a turn, then the next slice starts.
          await macrotask();
          run!.sliceAt = now() + run!.sliceMs;
        } else {
          try {
            input = await this.settled(r.await!.promise, run);
          } catch (e) {
            if (e === CLOSED) throw new Error('this Lua state was closed during an async run');
            input = e;
            isThrow = true;
          }
        }
        if (this.state === null) throw new Error('this Lua state was closed during an async run');
        r = this.step(m, entry, args, false, input, isThrow, run);
      }
    } finally {
      this.asyncRuns.delete(m);
    }
  }

  /**
   * One synchronous stretch of a run on machine `m` (as `invoke`): an async
   * run between two awaits, or a stepper's step. `run`: its limits.
   */
  step(m: Machine, entry: LuaFunction, args: LuaValue[], first: boolean, input: unknown, isThrow: boolean, run: RunBudget | null): MachineResult {
    this.check();
    const e = this.engine;
    const prev = E;
    if (prev !== e) enter(e);
    const C = e.C, prot = e.protection, B = e.B;
    const depth = e.D.n, calls = C.n, plain = prot.plain, machines = e.machines.length, current = e.current, levels = B.lv;
    const protections = prot.n;
    const outer = B.run;
    if (run !== null) B.resume(run);
    C.n = calls + 1;
    prot.plain = false;
    prot.n = protections + 1;
    try {
      if (calls + 1 >= MAX_C_CALLS) rtError('C stack overflow');
      if (first) m.push(entry, args);
      // Aborted or out of time during an await: the limit is raised inside the run, where __close handlers see it.
      if (run !== null && input === STOPPED) {
        input = stopError(B);
        isThrow = true;
      }
      return m.run(input, isThrow);
    } catch (err) {
      throw this.outError(err);
    } finally {
      if (run !== null) this.endRun(outer);
      e.D.n = depth;
      B.lv = levels;
      C.n = calls;
      prot.plain = plain;
      prot.n = protections;
      e.machines.length = machines;
      e.current = current;
      if (prev !== e && prev !== undefined) leave(prev);
      if (calls === 0) this.flush();
    }
  }

  /** Ends the current run's stretch and makes `outer` (a run this one was nested in, or none) current again. */
  private endRun(outer: RunBudget | null): void {
    const B = this.engine.B;
    B.suspend();
    if (outer !== null) B.resume(outer);
  }

  /**
   * `p`'s outcome, or a rejection with CLOSED when the state is closed
   * first, or with STOPPED when the run's signal aborts or its time runs out
   * while it waits.
   */
  private settled(p: PromiseLike<unknown>, run: RunBudget | null): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const pending = this.pendingAwaits;
      pending.add(reject);
      const signal = run?.limits.signal;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stop = (): void => { done(); reject(STOPPED); };
      const done = (): void => {
        pending.delete(reject);
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener('abort', stop);
      };
      if (signal !== undefined) {
        if (signal.aborted) { stop(); return; }
        signal.addEventListener('abort', stop, { once: true });
      }
      if (run !== null && run.deadline !== Infinity) timer = setTimeout(stop, Math.max(0, run.deadline - now()));
      try {
        p.then((v) => { done(); resolve(v); }, (e: unknown) => { done(); reject(e); });
      } catch (e) {
        done();
        reject(e);
      }
    });
  }

  /** A stepper for `f(args)` (Lua.stepper): `f` runs as a coroutine of its own. */
  stepper(f: unknown, args: unknown[]): LuaStepper {
    this.check();
    const body = typeof f === 'function' && (f as LuaFunction).G !== undefined ? (f as LuaFunction) : callEntry(f);
    const run = this.newRun(Infinity, true)!;
    const co = this.run(() => new Coroutine(body));
    return new LuaStepper(this, co, this.convertArgs(args), run);
  }

  /** The bottom frame of a stepper's machine: one resume of its coroutine. */
  resumeEntry(co: Coroutine, args: LuaValue[]): LuaFunction {
    return entryFunction(function* luaApiResume(): Generator<unknown, unknown, unknown> { return yield* resumeG(co, args); });
  }


  async callAsync(f: unknown, args: unknown[], sliceMs = Infinity): Promise<JsValue[]> {
    return this.resultsToJS(await this.runAsync(f, this.convertArgs(args), sliceMs));
  }

  // ---------------------------------------------------------------- coroutines

  newCoroutine(f: LuaFunction): LuaThreadHandle {
    return new LuaThreadHandle(this, this.run(() => new Coroutine(f)));
  }

  resume(co: Coroutine, args: unknown[]): ResumeResult {
    const largs = args.map((a) => this.toLua(a));
    const r = this.run(() => coResume(co, largs));
    return this.resumed(co, r);
  }

  async resumeAsync(co: Coroutine, args: unknown[]): Promise<ResumeResult> {
    const largs = args.map((a) => this.toLua(a));
    const entry = { G: function* luaApiResume(): Generator<unknown, unknown, unknown> { return yield* resumeG(co, largs); } };
    const r = (await this.runAsync(entryFunction(entry.G), [])) as CoResult;
    return this.resumed(co, r);
  }

  /**
   * A resume ended (a handle's or a stepper's): its values, or a dead
   * coroutine's error thrown as the public error. `closeOnDeath` (a
   * stepper, whose run the error ends): the coroutine is closed first, as
   * coroutine.wrap closes one, so the to-be-closed variables the error left
   * open run now; an error raised by one of them replaces the error.
   */
  resumed(co: Coroutine, r: CoResult, closeOnDeath = false): ResumeResult {
    if (r.ok) return { done: co.status === 'dead', values: r.values.map((v) => this.toJS(v)) };
    // The error that killed it now (not "cannot resume dead coroutine" later).
    const death = co.status === 'dead' && r.error === co.errorValue;
    let error = r.error;
    let frames = death ? co.deadFrames ?? [] : [];
    let hostCause = death ? co.hostCause : undefined;
    if (death && closeOnDeath) {
      const c = this.run(() => coClose(co));
      if (!c.ok && c.error !== error) {
        error = c.error;
        frames = [];
        hostCause = undefined;
      }
    }
    if (hostCause !== undefined) throw hostCause.hostCause;
    const L = this.L;
    throw L.run(() => this.publicError(new InternalLuaError(error), frames));
  }

  closeCoroutine(co: Coroutine): void {
    this.run(() => {
      if (co.status === 'running' || co.status === 'normal') throw new InternalLuaError(`cannot close a ${co.status} coroutine`);
      const r = coClose(co);
      if (!r.ok) throw new InternalLuaError(r.error);
    });
  }

  // --------------------------------------------------------- tables, values

  tableLookup(t: LuaTable, key: unknown, raw: boolean): LuaValue {
    this.check();
    const k = this.toLua(key);
    if (raw || t.metatable === null) return t.get(k);
    return this.run(() => ops.index(t, k));
  }

  tableGet(t: LuaTable, key: unknown): JsValue {
    return this.toJS(this.tableLookup(t, key, false));
  }

  tableSet(t: LuaTable, key: unknown, value: unknown): void {
    this.check();
    const k = this.toLua(key);
    const v = this.toLua(value);
    this.run(() => ops.setindex(t, k, v));
  }

  tableRawSet(t: LuaTable, key: unknown, value: unknown): void {
    this.check();
    const k = this.toLua(key);
    const v = this.toLua(value);
    this.run(() => {
      if (k === undefined) throw new InternalLuaError('table index is nil');
      if (typeof k === 'number' && Number.isNaN(k)) throw new InternalLuaError('table index is NaN');
      t.set(k, v);
    });
  }

  lengthOf(t: LuaTable): number {
    this.check();
    if (t.metatable === null) return t.length();
    const n = this.run(() => ops.len(t));
    if (typeof n === 'number') return n;
    if (typeof n === 'bigint') return Number(n);
    if (n instanceof LuaFloat) return n.n;
    throw new TypeError(`__len returned a non-number (${luaTypeOf(n)})`);
  }

  next(t: LuaTable, k: LuaValue): [LuaValue, LuaValue] | undefined {
    this.check();
    return t.next(k);
  }

  setMetatable(t: LuaTable | LuaUserdata, mt: unknown): void {
    this.check();
    const m = mt === undefined || mt === null ? null : this.toLua(mt);
    if (m !== null && !(m instanceof LuaTable)) throw new TypeError('a metatable must be a table');
    this.run(() => {
      if (t instanceof LuaTable && t.readonly) rtError(readonlyMessage());
      t.metatable = m;
      collectorOf(this.L).noteMetatable(t, m);
    });
  }

  /** tostring without metamethods ("table: 0x..."). */
  rawName(v: unknown): string {
    const L = this.L;
    return luaToText(L.run(() => `${luaType(v)}: ${addressOf(v as object)}`));
  }

  tostring(v: unknown): string {
    if (this.state === null) return '(closed Lua state)';
    return luaToText(this.run(() => luaTostring(v as LuaValue)));
  }

  // -------------------------------------------------------------- loading

  /** Compiles a chunk (text or binary per `mode`); a syntax error is a LuaError. */
  compile(code: string | Uint8Array, chunkName: string | undefined, mode: 't' | 'b' | 'bt', env: [unknown?]): LuaFunction {
    const L = this.L;
    const source = typeof code === 'string' ? textToLua(code) : bytesToLua(code);
    const name = chunkName === undefined ? source : textToLua(chunkName);
    const envValue = env.length > 0 ? this.toLua(env[0]) : L.globals;
    const binary = source.charCodeAt(0) === 0x1b;
    return this.run(() => {
      if (binary && !mode.includes('b')) throw new InternalLuaError(`attempt to load a binary chunk (mode is '${mode}')`);
      if (!binary && !mode.includes('t')) throw new InternalLuaError(`attempt to load a text chunk (mode is '${mode}')`);
      if (binary) {
        const f = loadBinary(source, name, envValue);
        if (typeof f === 'string') throw new InternalLuaError(f);
        return f;
      }
      return L.compile(source, name, envValue);
    });
  }

  // ---------------------------------------------------------------- closing

  close(): void {
    const L = this.state;
    if (L === null) return;
    if (this.running()) throw new Error('a Lua state cannot be closed by its own code (from a JS function Lua called)');
    try {
      // Pending async runs: close their to-be-closed variables, as lua_close does for the main thread.
      L.run(() => {
        for (const m of this.asyncRuns) {
          while (m.stack.length > 0) {
            const g = m.stack.pop()!;
            try {
              unwind(g);
            } catch {
              // lua_close reports errors in __close as warnings at most
            }
          }
        }
      });
      closeState(L);
    } finally {
      this.asyncRuns.clear();
      for (const reject of this.pendingAwaits) reject(CLOSED);
      this.pendingAwaits.clear();
      this.flush();
      try {
        this.host.stderr.flush();
      } catch {
        // nothing to report to
      }
      this.state = null;
    }
  }
}

function luaTypeOf(v: unknown): string {
  return ops.typeName(v);
}

/** Reads o[key] for a copy; a getter that throws becomes a TypeError naming the property. */
function read(o: object, key: string | number, path: string): unknown {
  try {
    return (o as Record<string | number, unknown>)[key];
  } catch (e) {
    throw new TypeError(`cannot copy ${path} into Lua: reading it threw (${messageOf(e)})`, { cause: e });
  }
}

/** Gives an API function its JS name, unique within its state (and its resumable variant's). */
function nameFunction(w: ApiFunction, G: ((...args: LuaValue[]) => Generator<unknown, unknown, unknown>) | undefined, fn: (...args: never[]) => unknown, id: number): LuaFunction {
  Object.defineProperty(w, 'name', { value: `${API_FUNCTION_PREFIX}${id}` });
  if (G !== undefined) {
    Object.defineProperty(G, 'name', { value: `${API_FUNCTION_PREFIX}${id}G` });
    w.G = G as LuaFunction['G'];
  }
  w.J = fn;
  return w;
}

/** The bottom frame of an async run of something that is not a resumable function: calls it. */
function callEntry(f: unknown): LuaFunction {
  return entryFunction(function* luaApiEntry(...args: LuaValue[]): Generator<unknown, unknown, unknown> {
    return yield callreq(f, args);
  });
}

function entryFunction(G: (...args: LuaValue[]) => Generator<unknown, unknown, unknown>): LuaFunction {
  const f = function luaApiEntry(): unknown {
    throw new Error('internal: an async entry called directly');
  } as LuaFunction;
  f.G = G as LuaFunction['G'];
  return f;
}

