// Live handles on Lua values: tables, functions, userdata and coroutines as
// JavaScript sees them. A handle is a thin object over the Lua value; two
// handles on the same value are `equals`, not `===`.
import type { LuaTable } from '../runtime/table.js';
import type { LuaUserdata, LuaValue } from '../runtime/value.js';
import type { Coroutine } from '../runtime/coroutine.js';
import type { LuaFunction } from '../runtime/trampoline.js';
import type { Core } from './core.js';
import type { ConvertOptions, JsValue, ToJSOptions } from './types.js';

/** What every handle has. */
export abstract class LuaHandle {
  /** @internal */
  readonly core: Core;
  /** The Lua value itself, in the engine's representation (for the low-level API, `LuaState`). */
  readonly ref: unknown;
  abstract readonly kind: 'table' | 'function' | 'userdata' | 'thread';

  constructor(core: Core, ref: unknown) {
    this.core = core;
    this.ref = ref;
  }

  /** Whether `other` is a handle on the same Lua value (Lua's raw equality). */
  equals(other: unknown): boolean {
    return other instanceof LuaHandle && other.ref === this.ref;
  }

  /** What Lua's `tostring` gives for the value (honours `__tostring` and `__name`). */
  toString(): string {
    return this.core.tostring(this.ref);
  }

  /** How Node's console shows a handle. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `${this.constructor.name} <${this.core.state === null ? `${this.kind} of a closed state` : this.core.rawName(this.ref)}>`;
  }
}

/** A Lua table, live: reads and writes go to the table itself. */
export class LuaTableHandle extends LuaHandle {
  readonly kind = 'table' as const;
  declare readonly ref: LuaTable;

  /** `t[key]`, honouring `__index` (as `lua_gettable`). */
  get<T = JsValue>(key: unknown): T {
    return this.core.tableGet(this.ref, key) as T;
  }

  /** `t[key] = value`, honouring `__newindex` (as `lua_settable`). `undefined` removes the key. */
  set(key: unknown, value: unknown): this {
    this.core.tableSet(this.ref, key, value);
    return this;
  }

  /** Whether `t[key]` is not nil (honours `__index`). */
  has(key: unknown): boolean {
    return this.core.tableLookup(this.ref, key, false) !== undefined;
  }

  /** `t[key]` without metamethods. */
  rawget<T = JsValue>(key: unknown): T {
    return this.core.toJS(this.core.tableLookup(this.ref, key, true)) as T;
  }

  /** `t[key] = value` without metamethods. */
  rawset(key: unknown, value: unknown): this {
    this.core.tableRawSet(this.ref, key, value);
    return this;
  }

  /** A string value as its exact bytes (undefined when `t[key]` is not a string); honours `__index`. */
  getBytes(key: unknown): Uint8Array | undefined {
    return this.core.bytesOf(this.core.tableLookup(this.ref, key, false));
  }

  /** `#t`, honouring `__len` (as `luaL_len`). */
  length(): number {
    return this.core.lengthOf(this.ref);
  }

  /** `#t` without metamethods (a border of the table). */
  rawLength(): number {
    this.core.check();
    return this.ref.length();
  }

  /** The entries as Lua's `next` gives them (raw, in table order); assigning existing keys meanwhile is allowed. */
  *entries(options?: ConvertOptions): Generator<[JsValue, JsValue], void, undefined> {
    const core = this.core;
    let k: LuaValue = undefined;
    for (;;) {
      const e = core.next(this.ref, k);
      if (e === undefined) return;
      k = e[0];
      yield [core.toJS(e[0], options), core.toJS(e[1], options)];
    }
  }

  *keys(): Generator<JsValue, void, undefined> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): Generator<JsValue, void, undefined> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): Generator<[JsValue, JsValue], void, undefined> {
    return this.entries();
  }

  /** The metatable (raw: `__metatable` is ignored), or undefined. */
  getMetatable(): LuaTableHandle | undefined {
    this.core.check();
    const mt = this.ref.metatable;
    return mt === null ? undefined : new LuaTableHandle(this.core, mt);
  }

  /** Sets the metatable (a table handle or a plain object, copied); undefined removes it. */
  setMetatable(mt: LuaTableHandle | Record<string, unknown> | undefined): this {
    this.core.setMetatable(this.ref, mt);
    return this;
  }

  /**
   * A deep copy as plain JS data: a sequence (keys 1..n) becomes an array,
   * a table with only string keys an object, any other table a Map.
   * Functions stay handles. Shared and cyclic tables stay shared and cyclic.
   * Raw: metatables are not consulted.
   */
  toJS(options?: ToJSOptions): unknown {
    return this.core.deepCopy(this.ref, options ?? {});
  }
}

/**
 * A Lua function. `call` returns every result; `call1` the first. Handles are
 * not JS functions themselves; `asFunction()` gives one.
 */
export class LuaFunctionHandle<A extends unknown[] = unknown[], R extends unknown[] = JsValue[]> extends LuaHandle {
  readonly kind = 'function' as const;
  declare readonly ref: LuaFunction;

  /** Calls it; every result, converted. Lua errors are thrown as LuaError. */
  call(...args: A): R {
    return this.core.callConverted(this.ref, args) as R;
  }

  /** Calls it; the first result (undefined when there is none). */
  call1(...args: A): R[0] {
    return this.core.call1(this.ref, args) as R[0];
  }

  /**
   * The fast path: arguments already in the engine's representation (numbers,
   * byte strings, `handle.ref` values...), the raw result in the engine's
   * calling convention (one value, or an array for zero or several).
   */
  callRaw(...args: LuaValue[]): unknown {
    return this.core.invoke(this.ref, args);
  }

  /**
   * `callAsync` raw (arguments and results in the engine's representation,
   * as `callRaw`), and without a promise when it needs none: the result is
   * `{ value }` when the run ends in its first slice without awaiting,
   * else a promise of the raw result.
   */
  callRawAsync(...args: LuaValue[]): { value: unknown } | Promise<unknown> {
    return this.core.startAsync(this.ref, args);
  }

  /**
   * Calls it in an async run: JS functions it calls may return promises,
   * which are awaited (see README, "Async").
   */
  callAsync(...args: A): Promise<R> {
    return this.core.callAsync(this.ref, args) as Promise<R>;
  }

  /** The same handle with a call signature (unchecked: a promise to TypeScript). */
  typed<A2 extends unknown[], R2 extends unknown[] = JsValue[]>(): LuaFunctionHandle<A2, R2> {
    return this as unknown as LuaFunctionHandle<A2, R2>;
  }

  /** A JS function calling this one and returning its first result. */
  asFunction(): (...args: A) => R[0] {
    return (...args: A) => this.call1(...args);
  }

  /** A new coroutine running this function. */
  coroutine(): LuaThreadHandle {
    return this.core.newCoroutine(this.ref);
  }

  /** The JS function this Lua function was made from, if it was. */
  get jsFunction(): ((...args: never[]) => unknown) | undefined {
    return (this.ref as { J?: (...args: never[]) => unknown }).J;
  }
}

/** A userdata that is not one of the embedder's objects (an io file, a light userdata...). */
export class LuaUserdataHandle extends LuaHandle {
  readonly kind = 'userdata' as const;

  getMetatable(): LuaTableHandle | undefined {
    this.core.check();
    const mt = (this.ref as LuaUserdata).metatable;
    return mt === undefined || mt === null ? undefined : new LuaTableHandle(this.core, mt);
  }
}

/** The result of resuming a coroutine. */
export interface ResumeResult<T = JsValue> {
  /** The coroutine finished (`values` are what its function returned) rather than yielded. */
  done: boolean;
  values: T[];
}

/**
 * A Lua coroutine. `for (const v of co)` resumes it until it is dead,
 * giving the first value of each yield (`resume` gives them all); an error
 * in it is thrown as LuaError. `for await` does the same with `resumeAsync`.
 */
export class LuaThreadHandle extends LuaHandle {
  readonly kind = 'thread' as const;
  declare readonly ref: Coroutine;

  /** coroutine.status: 'suspended' | 'running' | 'normal' | 'dead'. */
  get status(): string {
    return this.ref.status;
  }

  /** coroutine.resume: the values it yields or returns; an error is thrown as LuaError. */
  resume(...args: unknown[]): ResumeResult {
    return this.core.resume(this.ref, args);
  }

  /** `resume` in an async run: JS functions called by the coroutine may return promises, which are awaited. */
  resumeAsync(...args: unknown[]): Promise<ResumeResult> {
    return this.core.resumeAsync(this.ref, args);
  }

  /** coroutine.close: closes its pending to-be-closed variables; an error there is thrown as LuaError. */
  close(): void {
    this.core.closeCoroutine(this.ref);
  }

  *[Symbol.iterator](): Generator<JsValue, void, undefined> {
    for (;;) {
      if (this.ref.status === 'dead') return;
      const r = this.resume();
      if (r.done) return;
      yield r.values[0];
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<JsValue, void, undefined> {
    for (;;) {
      if (this.ref.status === 'dead') return;
      const r = await this.resumeAsync();
      if (r.done) return;
      yield r.values[0];
    }
  }
}
