// The engine object: everything mutable that the runtime, compiled code and
// the libraries share for one Lua state (lua's global_State plus the parts of
// lua_State we keep per state). Two states in one process share none of it.
//
// Compiled chunks get their engine's records bound into `$R` when they are
// built (`$D`, `$H`), so generated code reaches them as free variables. The
// runtime's slow paths (metatables of strings, the C-call count, hooks, the
// running coroutine) read `E`, the engine of the state whose code is running.
// `E` is not shared state: it is a register, like V8's current isolate. Every
// way into a state (LuaState.run and everything built on it: the embedding
// API, the CLI) sets it and puts the previous one back, so a JS function
// called by state A that runs state B's code sees B, then A again.

import type { LuaTable } from './table.js';
import type { LuaValue } from './value.js';
import { saveAllocBudget, restoreAllocBudget, BUDGET_IDLE, type AllocBudget } from './table.js';
import type { Machine } from './trampoline.js';
import type { Coroutine } from './coroutine.js';
import type { ChunkInfo } from './errors.js';
import type { Collector } from './gc.js';
import { Budget } from './limits.js';
import { LUA54, type DialectSpec } from './dialect.js';

/** What V8's --stack-size gives the JS stack, halved, in 64-byte units (see `Depth`). */
function stackUnits(): number {
  let kb = 984; // V8's default --stack-size
  const proc = (globalThis as { process?: { execArgv?: string[]; env?: Record<string, string | undefined> } }).process;
  const flags = [...(proc?.execArgv ?? []), ...(proc?.env?.NODE_OPTIONS ?? '').split(/\s+/)];
  for (const f of flags) {
    const m = /^--stack[-_]size=(\d+)$/.exec(f);
    if (m) kb = Number(m[1]);
  }
  return Math.floor((kb * 1024 * 0.5) / 64);
}
const STACK_UNITS = stackUnits();

/**
 * Stack use of direct-mode code, in units of 64 bytes (each compiled function
 * adds its frame's weight on entry and removes it on return), and the point
 * where calls switch to the heap stack. `cl`: the line resumable code noted
 * before a runtime helper that may call a metamethod.
 */
export interface Depth { n: number; limit: number; cl: number }

/** Metatables of the non-table types (set by the string library, debug.setmetatable). */
export type TypeMetatables = Record<'nil' | 'boolean' | 'number' | 'string' | 'function' | 'thread', LuaTable | null>;

/** A hook as set by debug.sethook for one thread. */
export interface Hook {
  fn: LuaValue;
  mask: string;
  count: number;
  /** Statements left until the next count event. */
  left: number;
}

/** Debug hooks and debug mode of one engine (the functions acting on them are in hooks.ts). */
export class HookState {
  /** Debug mode: instrumented code runs, hooks fire. */
  on = false;
  /** Inside a hook: hooks do not fire (lua's allowhook). */
  inHook = false;
  /** Hooks by thread (a dead coroutine keeps its hook for gethook, weakly). */
  readonly byThread = new WeakMap<object, Hook>();
  /** Threads with a hook that may still run: debug mode is on while one of them runs. */
  readonly live = new Set<object>();
  /** Debug mode for good (debug.upvaluejoin). */
  forced = false;
  /** D.limit while debug mode lowers it. */
  savedLimit = 0;
  constructor(readonly D: { limit: number }) {}
}

export class Engine {
  /** The state's dialect (dialect.ts): what the runtime's slow paths and libraries follow. */
  dialect: DialectSpec = LUA54;
  /** Direct-mode stack accounting, bound into compiled code as `$D`. */
  readonly D: Depth = { n: 0, limit: STACK_UNITS, cl: -1 };
  /** Resource limits: the countdown and level count compiled code checks (limits.ts), bound as `$B`. */
  readonly B = new Budget();
  /**
   * Compile without resumable variants (CompileOptions.plain): set only by
   * scripts/bench-plain.ts, to measure what they cost code that never uses them.
   */
  plainCode = false;
  /** Nesting of calls made from host code: lua5.4's C-stack count (LUAI_MAXCCALLS). */
  readonly C = { n: 0 };
  readonly typeMetatables: TypeMetatables = {
    nil: null, boolean: null, number: null, string: null, function: null, thread: null,
  };
  /**
   * What the innermost protected call of direct-mode code does with an
   * error: `plain` while it is a pcall (no JS stack needs capturing).
   */
  readonly protection = {
    plain: false,
    /**
     * Set by a host's top-level protected call whose traceback counts every
     * level (lua.c's message handler: "...(skipping 149982 levels)"), cleared
     * by xpcall: an error raised with nothing else to catch it records the
     * whole stack, at a cost proportional to its depth.
     */
    whole: false,
    /**
     * A stack overflow is being raised (trampoline.ts, with `whole` set): a
     * message handler's traceback shows its outermost levels, so the whole
     * stack is recorded even when an xpcall of resumable code catches it.
     */
    overflow: false,
    /**
     * How many protected calls made from host code are running (protect.ts's
     * protectedCall: pcall and xpcall of direct-mode code, message handlers,
     * finalizers, load's reader; and calls from the embedding API, whose
     * JavaScript may catch). A coroutine compares it with its count at
     * resume to tell whether an error will end it (deferCloseOnError).
     */
    n: 0,
  };
  /** Debug hooks and debug mode (hooks.ts). */
  readonly hooks = new HookState(this.D);
  /** The main coroutine and the one running now (coroutine.ts sets them up). */
  main!: Coroutine;
  current!: Coroutine;
  /** The value coroutine.running() gives for the main thread. */
  mainThread: Coroutine | null = null;
  /** Machines running now, outermost first (for debug levels). */
  readonly machines: Machine[] = [];
  /** Errors whose message handler (xpcall) is running, innermost last. */
  readonly handlerErrors: unknown[] = [];
  /** Compiled chunks, by the number in their source URL; held weakly (chunks are collectable). */
  readonly chunks = new Map<number, WeakRef<ChunkInfo>>();
  private nextChunk = 0;
  /** Registry size at which dead entries are swept (synchronously: finalization callbacks wait for the job to end). */
  private sweepAt = CHUNK_SWEEP_MIN;
  /** Between jobs, entries of collected chunks go as the collector reports them. */
  private readonly chunkCleanup = new FinalizationRegistry<number>((n) => {
    if (this.chunks.get(n)?.deref() === undefined) this.chunks.delete(n);
  });
  /** The host's WeakRef checkpoint (HostCollector.checkpoint), if it has one. */
  checkpoint: (() => void) | undefined = undefined;
  /** Distinguishes this engine's chunks in stack traces from other states' chunks. */
  readonly id = Math.random().toString(36).slice(2, 10);
  /** Fake addresses of reference values (tostring, %p). */
  readonly addresses = new WeakMap<object, number>();
  nextAddress = 1;
  /**
   * Error.stackTraceLimit for errors raised by this engine's code when it is
   * larger than the process's (0: the process's). The embedding API raises it
   * so that tracebacks are complete without changing the embedder's setting.
   */
  traceLimit = 0;
  /**
   * How a write to a read-only table is reported: its message, and whether a
   * library function (rawset, setmetatable, table.insert...) adds its
   * caller's position, as luaL_error does. Redis's environment
   * (src/redis) reports `Attempt to modify a readonly table`, with no
   * position from library functions (its check is in lua_rawset itself).
   */
  readonlyStyle = { message: 'attempt to modify a readonly table', libraryPosition: true };
  /**
   * Binary chunks are compiled as source text, so that `\27Lua...` is a
   * syntax error: how Redis's Lua refuses bytecode (src/redis). 5.1 only.
   */
  binaryAsText = false;
  /** table.sort's pivot randomisation state. */
  sortRandom = 0x2545f491;
  /** The collector (gc.ts), created on first use. */
  collector: Collector | null = null;
  /**
   * Closure caches of chunk instances (DialectSpec `closureCache`, lua5.3's
   * p->cache: one slot per prototype), weak across collections (gc.ts).
   */
  closureCaches = new Set<WeakRef<(object | undefined)[]>>();
  /** The size of closureCaches after its last sweep of dead entries. */
  closureCachesSwept = 0;

  /** A closure cache for a new instance of a chunk with `n` prototypes. */
  newClosureCache(n: number): (object | undefined)[] {
    const c = new Array<object | undefined>(n).fill(undefined);
    const caches = this.closureCaches;
    if (caches.size >= 2 * this.closureCachesSwept + 64) {
      for (const r of caches) if (r.deref() === undefined) caches.delete(r);
      this.closureCachesSwept = caches.size;
    }
    caches.add(new WeakRef(c));
    return c;
  }
  /** The allocation budget while this engine is not the running one (table.ts keeps the live copy). */
  budget: AllocBudget = { left: BUDGET_IDLE, start: BUDGET_IDLE, spentBefore: 0, onSpent: null };

  /** Registers a compiled chunk; returns the source URL that names it in stack traces. */
  registerChunk(info: ChunkInfo): string {
    if (this.chunks.size >= this.sweepAt) this.sweepChunks();
    const n = this.nextChunk++;
    this.chunks.set(n, new WeakRef(info));
    this.chunkCleanup.register(info, n);
    return `${CHUNK_URL_PREFIX}${this.id}/${n}`;
  }

  /**
   * Drops the entries of collected chunks. A long synchronous run (a `load`
   * loop) would otherwise keep every chunk's line map: V8 holds WeakRef
   * targets created during a job until it ends, unless the host can end that
   * hold early (then they go at the next collection, and a later sweep drops
   * their entries). Amortised: the next sweep waits until the registry doubles.
   */
  private sweepChunks(): void {
    for (const [n, ref] of this.chunks) if (ref.deref() === undefined) this.chunks.delete(n);
    this.checkpoint?.();
    this.sweepAt = Math.max(CHUNK_SWEEP_MIN, 2 * this.chunks.size);
  }

  /** The chunk named by a source URL, if it is one of this engine's and still alive. */
  chunkOf(url: string): ChunkInfo | undefined {
    const rest = url.slice(CHUNK_URL_PREFIX.length);
    const slash = rest.indexOf('/');
    if (slash < 0 || rest.slice(0, slash) !== this.id) return undefined;
    return this.chunks.get(Number(rest.slice(slash + 1)))?.deref();
  }
}

export const CHUNK_URL_PREFIX = 'regolith-chunk:';
const CHUNK_SWEEP_MIN = 1024;

/** The engine of the state whose code is running (see the head of this file). */
export let E: Engine = undefined as unknown as Engine;

/** Makes `e` the running engine; returns the one to put back with `leave`. */
export function enter(e: Engine): Engine {
  const prev = E;
  if (prev !== e) {
    if (prev !== undefined) saveAllocBudget(prev.budget);
    E = e;
    restoreAllocBudget(e.budget);
  }
  return prev;
}

/** Puts back the engine `enter` returned. */
export function leave(prev: Engine): void {
  if (prev === E) return;
  saveAllocBudget(E.budget);
  E = prev;
  if (prev !== undefined) restoreAllocBudget(prev.budget);
}

/**
 * The saved levels of an engine's counters at a protected boundary: after an
 * error unwinds JS frames that never ran their epilogues, `restore` puts the
 * counters back (the one copy of lua's luaD_pcall bookkeeping).
 */
export interface Mark { d: number; c: number; lv: number; plain: boolean; machines: number }

export function mark(e: Engine): Mark {
  return { d: e.D.n, c: e.C.n, lv: e.B.lv, plain: e.protection.plain, machines: e.machines.length };
}

export function restore(e: Engine, m: Mark): void {
  e.D.n = m.d;
  e.C.n = m.c;
  e.B.lv = m.lv;
  e.protection.plain = m.plain;
  e.machines.length = m.machines;
}
