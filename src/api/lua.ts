// `Lua`: the embedding API's entry point (see README.md, "Embedding", and
// docs/ARCHITECTURE.md, "API contract").
import type { Dialect, Chunk } from '../syntax/ast.js';
import { parse } from '../syntax/index.js';
import { fileSource } from '../syntax/index.js';
import { LuaTable } from '../runtime/table.js';
import { LuaFloat, mkFloat, type LuaValue } from '../runtime/value.js';
import * as ops from '../runtime/ops.js';
import type { LuaState } from '../runtime/state.js';
import type { Host } from '../host/host.js';
import { openBase } from '../stdlib/base.js';
import { openCoroutine } from '../stdlib/coroutine.js';
import { openTable } from '../stdlib/table.js';
import { openMath } from '../stdlib/math.js';
import { openOs } from '../stdlib/os.js';
import { openString } from '../stdlib/string.js';
import { openPackage } from '../stdlib/package.js';
import { openIo } from '../stdlib/io.js';
import { openDebug } from '../stdlib/debug.js';
import { openBit32 } from '../stdlib/bit32.js';
import { openUtf8 } from '../stdlib/utf8.js';
import { Core } from './core.js';
import { LuaFunctionHandle, LuaTableHandle, LuaThreadHandle, LuaUserdataHandle } from './handles.js';
import { classMetatable, type ClassOptions } from './userdata.js';
import { callbackStream, defaultHost, stdinReader, type StdinSource } from './host.js';
import { MultiReturn, LIB_NAMES, type ConvertOptions, type JsValue, type LibName } from './types.js';
import { bytesToLua, luaToText, textToLua } from './strings.js';
import { LuaError } from './errors.js';
import type { Limits } from '../runtime/limits.js';
import type { LuaStepper } from './stepper.js';
import { addModuleSearcher, fileSystemFrom, type FileSystemOption, type ModuleSource } from './files.js';
import { fileSystemOf, readWholeFile } from '../host/fs.js';
import { applyPick, freezeLibraries, resolveLibs, restrictPackage, type FreezeOptions, type LibSelection } from './sandbox.js';

export interface LuaOptions extends ConvertOptions {
  /** The Lua dialect: '5.4' (default), '5.3' or '5.1'. */
  dialect?: Dialect;
  /**
   * Standard libraries to open: 'all' (default: bin/regolith's set), 'safe'
   * (`SAFE_LIBS`, for untrusted code: no files, processes, debug or
   * binary chunks, libraries frozen), 'none', a list of names, or a
   * `LibSelection` down to single functions:
   * `{ os: ['time', 'clock'], string: true, base: { except: ['dofile'] } }`.
   */
  libs?: 'all' | 'safe' | 'none' | readonly LibName[] | LibSelection;
  /**
   * Read-only tables (writes raise `attempt to modify a readonly table`):
   * `true` or `{ libraries: true }` freezes the library tables and the
   * string metatable, `globals` the globals table. Default: the libraries
   * with 'safe' (a selection with `sandbox: true`), nothing otherwise.
   * `lua.freeze(t)` freezes any table.
   */
  freeze?: boolean | FreezeOptions;
  /** Where `print` and `io.write` go (each write, as bytes). Default: the host's standard output. */
  stdout?: (bytes: Uint8Array) => void;
  /** Where `io.stderr` and warnings go. Default: the host's standard error. */
  stderr?: (bytes: Uint8Array) => void;
  /** Standard input for `io.read` (text is UTF-8 encoded; a function is called until it returns null or ''). */
  stdin?: StdinSource;
  /**
   * Everything the engine needs from its environment (files, processes,
   * streams; see src/host/host.ts). Default: the platform's (Node's process
   * streams, a browser's console; the full Node host once 'regolith/node' is
   * imported). `stdout`, `stderr` and `stdin` override its streams.
   */
  host?: Host;
  /**
   * The limits of every run (each call from JS into Lua, sync or async, is a
   * run with a fresh budget). Given at all (even `{}`), the state's code is
   * compiled with limit checks, so that runs can be limited later
   * (`lua.limits`, `withLimits`, a chunk's `limits`), time-sliced and
   * stepped; a state created without it pays nothing for limits.
   */
  limits?: Limits;
  /** Async runs give the event loop a turn every `sliceMs` milliseconds (needs `limits`). */
  sliceMs?: number;
  /**
   * The files Lua sees (io, os.remove/rename/tmpname, dofile, loadfile,
   * require): 'none', an object of path → contents (an in-memory file
   * system, see src/host/memfs.ts), or a FileSystem (regolith/node's
   * `nodeFileSystem({ root })`). Default: the host's.
   */
  fs?: FileSystemOption;
  /** Modules `require` finds before any file: name → Lua source, or a loader `(lua, name) => value`. */
  modules?: Record<string, ModuleSource<Lua>>;
}

export interface RunOptions {
  /** This run's limits, instead of the state's (`LuaOptions.limits`, which must have been given). */
  limits?: Limits;
  /** Async runs: give the event loop a turn every `sliceMs` milliseconds. */
  sliceMs?: number;
}

export interface ChunkOptions extends RunOptions {
  /** The chunk name as `load` takes it: '@file.lua', '=name', or (default) the source itself. */
  chunkName?: string;
  /** The chunk's `_ENV` (a table handle, or a plain object copied into a new table; `null`: nil); default: the globals. */
  env?: unknown;
}

export interface LoadOptions extends ChunkOptions {
  /** 't' (text), 'b' (binary chunks from string.dump) or 'bt' (default). */
  mode?: 't' | 'b' | 'bt';
}

function globalNames(L: LuaState): string[] {
  const keys: string[] = [];
  for (let e = L.globals.next(undefined); e !== undefined; e = L.globals.next(e[0])) if (typeof e[0] === 'string') keys.push(e[0]);
  return keys;
}

// (base also takes the sandbox flag: its load and collectgarbage restrictions)
const OPENERS: Record<LibName, (L: LuaState, sandbox: boolean) => unknown> = {
  base: openBase, coroutine: openCoroutine, table: openTable, math: openMath, os: openOs,
  string: openString, package: openPackage, io: openIo, debug: openDebug, utf8: openUtf8, bit32: openBit32,
};

/** Access to globals by dotted path: `lua.global.get('string.format')`. */
export class GlobalAccess {
  constructor(private readonly core: Core) {}

  /** The value at `path` ('a.b.c': `a.b.c`, metamethods honoured); undefined when a step is nil. */
  get<T = JsValue>(path: string): T {
    const core = this.core;
    const keys = splitPath(path);
    return core.toJS(core.run(() => {
      let v: LuaValue = core.L.globals;
      for (const k of keys) {
        if (v === undefined) return undefined;
        v = ops.index(v, k);
      }
      return v;
    })) as T;
  }

  /** Sets `path` to `value`; missing (nil) tables on the way are created. */
  set(path: string, value: unknown): void {
    const core = this.core;
    const keys = splitPath(path);
    const v = core.toLua(value);
    core.run(() => {
      let t: LuaValue = core.L.globals;
      for (let i = 0; i < keys.length - 1; i++) {
        let next = ops.index(t, keys[i]);
        if (next === undefined) {
          next = new LuaTable();
          ops.setindex(t, keys[i], next);
        }
        t = next;
      }
      ops.setindex(t, keys[keys.length - 1], v);
    });
  }

  /** Whether the value at `path` is not nil. */
  has(path: string): boolean {
    return this.get(path) !== undefined;
  }
}

function splitPath(path: string): string[] {
  if (path === '') throw new TypeError('an empty global path');
  return path.split('.').map(textToLua);
}

/**
 * A Lua state for JavaScript: run code, exchange values, call functions
 * both ways, await JS promises from Lua.
 *
 *     const lua = new Lua();
 *     lua.global.set('greet', (name: string) => `hello, ${name}`);
 *     lua.doString('print(greet("world"))');
 */
export class Lua {
  private readonly core: Core;
  /** Globals by dotted path. */
  readonly global: GlobalAccess;
  /** The dialect this state speaks. */
  readonly dialect: Dialect;

  constructor(options: LuaOptions = {}) {
    let host = options.host ?? defaultHost();
    if (options.stdout !== undefined || options.stderr !== undefined || options.stdin !== undefined) {
      host = { ...host };
      if (options.stdout !== undefined) host.stdout = callbackStream(options.stdout);
      if (options.stderr !== undefined) host.stderr = callbackStream(options.stderr);
      if (options.stdin !== undefined) {
        host.readStdin = stdinReader(options.stdin);
        host.readStdinSome = undefined;
      }
    }
    if (options.fs !== undefined) host = { ...host, fs: fileSystemFrom(options.fs) };
    this.dialect = options.dialect ?? '5.4';
    this.core = new Core({ host, dialect: this.dialect, strings: options.strings, numbers: options.numbers, limits: options.limits });
    if (options.sliceMs !== undefined) this.core.sliceMs = options.sliceMs;
    this.global = new GlobalAccess(this.core);
    const L = this.core.L;
    const libs = resolveLibs(options.libs ?? 'all');
    // Only the libraries the dialect has (5.1 has no utf8; its coroutine table is part of base, selectable on its own here).
    const has = L.engine.dialect.libraries;
    const names = LIB_NAMES.filter((n) => libs[n] !== undefined && libs[n] !== false && (has.includes(n) || n === 'coroutine'));
    const sandbox = libs.sandbox === true;
    for (const n of names) {
      const before = new Set(n === 'base' ? globalNames(L) : []);
      OPENERS[n](L, sandbox);
      applyPick(L, n, libs[n]!, before);
    }
    if (sandbox) restrictPackage(L);
    if (options.modules !== undefined) addModuleSearcher(L, this.core, this, options.modules);
    const freeze = options.freeze ?? sandbox;
    if (freeze === true || (typeof freeze === 'object' && freeze.libraries === true)) freezeLibraries(L, names);
    if (typeof freeze === 'object' && freeze.globals === true) L.globals.freeze();
  }

  /**
   * Makes a table read-only for good: any later write to it (from Lua, a
   * library function, rawset, setmetatable or a handle) raises `attempt to
   * modify a readonly table`. Tables it holds are not frozen. Returns `t`.
   */
  freeze(t: LuaTableHandle): LuaTableHandle {
    this.core.check();
    if (!(t instanceof LuaTableHandle) || t.core !== this.core) throw new TypeError('freeze takes a table handle of this state');
    t.ref.freeze();
    return t;
  }

  /** Whether a table is read-only (see `freeze`). */
  isFrozen(t: LuaTableHandle): boolean {
    return t.ref.readonly;
  }

  /** Several results from a JS function called by Lua: `return Lua.multi(a, b)`. */
  static multi(...values: unknown[]): MultiReturn {
    return new MultiReturn(values);
  }

  /** A Lua float even when integral (`Lua.float(3)` is 3.0; a plain `3` goes in as an integer). */
  static float(n: number): number | LuaFloat {
    return mkFloat(n);
  }

  /** `Lua.float` as a method. */
  float(n: number): number | LuaFloat {
    return mkFloat(n);
  }

  /** The low-level state (src/runtime/state.ts), for code that works with the engine's own values. */
  get state(): LuaState {
    return this.core.L;
  }

  /** The globals table. */
  get globals(): LuaTableHandle {
    return new LuaTableHandle(this.core, this.core.L.globals);
  }

  get closed(): boolean {
    return this.core.state === null;
  }

  /** Compiles a chunk: a function handle; a syntax error is thrown as LuaError. */
  load(code: string | Uint8Array, options: LoadOptions = {}): LuaFunctionHandle {
    const env: [unknown?] = options.env !== undefined ? [options.env] : [];
    return new LuaFunctionHandle(this.core, this.core.compile(code, options.chunkName, options.mode ?? 'bt', env));
  }

  /** Runs a chunk; every value it returns. Lua errors are thrown as LuaError (a limit that was hit: LuaLimitError). */
  doString(code: string | Uint8Array, options: ChunkOptions = {}): JsValue[] {
    const f = this.load(code, options);
    return options.limits !== undefined ? this.withLimits(options.limits, () => f.call()) : f.call();
  }

  /** Runs a chunk in an async run (JS functions it calls may return promises, which are awaited). */
  async doStringAsync(code: string | Uint8Array, options: ChunkOptions = {}): Promise<JsValue[]> {
    const f = this.load(code, options);
    const start = (): Promise<JsValue[]> => this.core.callAsync(f.ref, [], options.sliceMs);
    return options.limits !== undefined ? this.withLimits(options.limits, start) : start();
  }

  /** The limits of each run (null: none). Settable when the state was created with `limits`. */
  get limits(): Limits | null {
    return this.core.limits;
  }

  set limits(limits: Limits | null) {
    if (limits !== null && !this.core.engine.B.enabled) this.core.withLimits(limits, () => undefined);
    this.core.limits = limits;
  }

  /**
   * Runs `fn`; every run it starts (calls, `doString`, async runs and
   * steppers started before it returns) has `limits` instead of the state's.
   */
  withLimits<T>(limits: Limits, fn: () => T): T {
    return this.core.withLimits(limits, fn);
  }

  /**
   * A stepped run of `fn(...args)` (a function handle, a JS function, or the
   * global at a dotted path): it advances only when `step` is called. Needs
   * a state created with `limits`.
   *
   *     const s = lua.stepper(lua.load('for i = 1, 1e9 do end'));
   *     while (s.step({ instructions: 10_000 }).status === 'running') await nextFrame();
   */
  stepper(fn: LuaFunctionHandle | string | ((...args: never[]) => unknown), ...args: unknown[]): LuaStepper {
    return this.core.stepper(this.callee(fn), args);
  }

  /** Runs a file read through the host (chunk name '@path'); a first '#' line is skipped, as lua does. */
  doFile(path: string): JsValue[] {
    return this.loadFile(path).call();
  }

  async doFileAsync(path: string): Promise<JsValue[]> {
    return this.loadFile(path).callAsync();
  }

  /** Compiles a file read through the host; a file that cannot be read is a LuaError (`cannot open ...`). */
  loadFile(path: string): LuaFunctionHandle {
    const core = this.core;
    const r = readWholeFile(fileSystemOf(core.L.host), textToLua(path));
    if (!r.ok) throw new LuaError(luaToText(r.error));
    const source = fileSource(r.data, this.dialect);
    return new LuaFunctionHandle(core, core.compile(bytesOf(source), `@${path}`, 'bt', []));
  }

  /** Calls a function (a handle, a JS function, or the global at a dotted path); every result. */
  call(fn: LuaFunctionHandle | string | ((...args: never[]) => unknown), ...args: unknown[]): JsValue[] {
    return this.core.callConverted(this.callee(fn), args);
  }

  async callAsync(fn: LuaFunctionHandle | string | ((...args: never[]) => unknown), ...args: unknown[]): Promise<JsValue[]> {
    return this.core.callAsync(this.callee(fn), args);
  }

  private callee(fn: LuaFunctionHandle | string | ((...args: never[]) => unknown)): unknown {
    if (typeof fn === 'string') {
      const f = this.global.get(fn);
      if (f === undefined) throw new TypeError(`global '${fn}' is nil`);
      return this.core.toLua(f);
    }
    return this.core.toLua(fn);
  }

  /**
   * A JS function as a Lua function. With `raw: true` it receives the engine's
   * own values (integers beyond 2^53 as bigint, byte strings, LuaTable...) and
   * returns one in its calling convention (a value, or an array for zero or
   * several): no conversion, no awaiting; the fastest way for Lua to call JS.
   */
  fn(f: (...args: never[]) => unknown, options: { raw?: boolean } = {}): LuaFunctionHandle {
    const core = this.core;
    core.check();
    const lf = options.raw === true ? core.makeRawFunction(f as (...args: LuaValue[]) => unknown) : core.functionToLua(f);
    return new LuaFunctionHandle(core, lf);
  }

  /** A new table, filled from a plain object, array or Map (copied). */
  newTable(init?: object): LuaTableHandle {
    const core = this.core;
    core.check();
    return new LuaTableHandle(core, init === undefined ? new LuaTable() : core.copyToLua(init, null));
  }

  /**
   * A proxy for a plain object, array or Map (or any object): a userdata
   * whose fields are the object's own properties (an array's elements, from
   * 1; a Map's entries), live, read and written in place. Nested plain
   * objects, arrays and Maps read through it are proxies too. Nothing
   * inherited is reachable.
   */
  proxy(obj: object): LuaUserdataHandle {
    const core = this.core;
    core.check();
    if (typeof obj !== 'object' || obj === null) throw new TypeError('lua.proxy takes an object');
    return new LuaUserdataHandle(core, core.proxyOf(obj));
  }

  /**
   * Instances of `cls` (and its subclasses) become userdata with methods,
   * properties and metamethods (see ClassOptions). Register classes before
   * passing their instances.
   */
  registerClass<T extends object>(cls: abstract new (...args: never[]) => T, options: ClassOptions<T> = {}): void {
    const core = this.core;
    core.check();
    if (typeof cls !== 'function' || typeof cls.prototype !== 'object' || cls.prototype === null) throw new TypeError('registerClass takes a class');
    core.registerClass(cls.prototype as object, classMetatable(core, cls, options as ClassOptions));
  }

  /** A new coroutine running `fn` (a function handle or a JS function). */
  coroutine(fn: LuaFunctionHandle | ((...args: never[]) => unknown)): LuaThreadHandle {
    const f = this.core.toLua(fn);
    if (typeof f !== 'function') throw new TypeError('a coroutine needs a function');
    return this.core.newCoroutine(f as never);
  }

  /** The syntax tree of a chunk (throws LuaSyntaxError); see src/syntax/ast.ts. */
  parse(source: string | Uint8Array, options: { dialect?: Dialect; chunkName?: string } = {}): Chunk {
    const bytes = typeof source === 'string' ? textToLua(source) : bytesToLua(source);
    return parse(bytes, { dialect: options.dialect ?? this.dialect, chunkName: options.chunkName !== undefined ? textToLua(options.chunkName) : undefined });
  }

  /**
   * Closes the state, as lua_close: the pending to-be-closed variables of
   * async runs in progress are closed (those runs then reject), `__gc`
   * finalizers run, output is flushed. Any later use throws. Idempotent.
   */
  close(): void {
    this.core.close();
  }

  [Symbol.dispose](): void {
    this.close();
  }
}

function bytesOf(s: string | Uint8Array): Uint8Array {
  if (typeof s !== 'string') return s;
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
