// Resource limits of a run: instructions, wall-clock time, an AbortSignal,
// an interrupt callback, call depth, string size and memory (see
// docs/ARCHITECTURE.md, "Limits").
//
// A state created with limits compiles its chunks with checks: every loop
// iteration and every function entry counts its statements down in `$B.n`
// (`if (--$B.n < 0) $B.tick()`), and direct-mode frames count their levels
// in `$B.lv`. States without limits compile no checks and pay nothing. The
// libraries charge the work they do (pattern-matching steps, bytes built,
// elements moved or compared) to the same counter through `charge`, so a
// long library call is stopped as surely as a Lua loop.
//
// `tick` runs when the countdown ends: it checks every limit and refills the
// countdown with the next slice. Time, the signal and the interrupt are
// looked at once per slice (CHECK_SLICE units), which keeps the clock out of
// the loops.
//
// A limit that is hit raises `LimitExceeded`. Lua code cannot catch it:
// pcall, xpcall, coroutine.resume and error handlers pass it on (errorValue
// rethrows it), while `__close` handlers still run, under a small grace
// budget. Only the boundary of the run (the embedding API) turns it into
// the public LuaLimitError.

import { LimitExceeded, LuaError, type LimitKind } from './errors.js';
import { allocationsCounted, setAllocBudget, allocBudgetIdle, releaseAllocBudget } from './table.js';

export { LimitExceeded, type LimitKind };

/** The limits of a run (all optional; absent: unlimited). */
export interface Limits {
  /**
   * Lua "instructions": every statement executed counts one, charged a loop
   * iteration or a function call at a time; library functions charge the
   * work they do (about one unit per element or pattern step, one per 64
   * bytes built).
   */
  instructions?: number;
  /** Wall-clock milliseconds from the start of the run (awaits included). */
  timeoutMs?: number;
  /** Stops the run when aborted (also during an await of an async run). */
  signal?: AbortSignal;
  /** Called at safe points (about every 4,000 units); returning true stops the run. */
  interrupt?: () => boolean | void;
  /** Bytes of memory the state may hold, as the engine accounts it (see "Limits" in docs/ARCHITECTURE.md). */
  memory?: number;
  /** Lua call levels. */
  depth?: number;
  /** The longest string, in bytes, that the run may build. */
  stringSize?: number;
  /**
   * How a memory limit fails: 'limit' (default), an uncatchable
   * LuaLimitError; 'lua', lua5.4's own allocation failure, the catchable
   * Lua error "not enough memory".
   */
  memoryError?: 'limit' | 'lua';
}

/** Never-reached countdown: states without an active limit tick once per 2^30 units. */
export const IDLE = 1 << 30;
/** Units between looks at the clock, the signal and the interrupt. */
const CHECK_SLICE = 4096;
/** Units a `__close` handler may run after a limit was hit. */
const GRACE = 10000;
/** Levels a `__close` handler may add after the depth limit was hit. */
const GRACE_LEVELS = 50;

// `performance` is looked up at each call: in Node, reading the global loads
// perf_hooks, which a run without a time limit never needs (start-up time).
export const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** One run's limits and what it has used: several async runs of a state interleave, each with its own. */
export class RunBudget {
  /** Units spent before the current slice. */
  used = 0;
  readonly deadline: number;
  /** The limit that was hit: later checks raise it again (past the grace budget). */
  tripped: LimitExceeded | null = null;
  /** Units after which a tripped run's `__close` handlers are stopped too. */
  graceEnd = Infinity;
  /** Time slicing: the machine gives the event loop back at this time (async runs with sliceMs). */
  sliceAt = Infinity;
  /** Stepping: units left in the current step (`Infinity`: not stepped). */
  stepLeft = Infinity;
  constructor(readonly limits: Limits, readonly sliceMs = Infinity) {
    this.deadline = limits.timeoutMs === undefined ? Infinity : now() + limits.timeoutMs;
    if (sliceMs !== Infinity) this.sliceAt = now() + sliceMs;
  }
}

/** The engine's countdown, bound into compiled code as `$B`. */
export class Budget {
  /** Units left in the current slice. */
  n = IDLE;
  /** Call levels of direct-mode frames. */
  lv = 0;
  /** Levels allowed (a frame entering past it ticks). */
  lvMax = IDLE;
  /** Whether this state compiles checks into its chunks (it was created with limits). */
  enabled = false;
  /** The run whose limits apply now. */
  run: RunBudget | null = null;
  /** The size the current slice started at. */
  private slice = IDLE;
  /** Set by `tick` when a paused machine should give the event loop back or end its step. */
  pauseDue = false;
  /** Inline concatenation builds strings up to this length; longer ones go through `built` (ops.concat). */
  smax = STRING_MAX;
  /** The longest string the current run may build. */
  private strMax = STRING_MAX;
  /** The state's memory as the engine accounts it (see `Memory`). */
  readonly memory = new Memory();
  /** Bytes the current run may still charge before the memory is measured (a countdown like `n`). */
  private memLeft = Infinity;

  /** Units spent by the current run so far. */
  spent(): number {
    const r = this.run;
    return r === null ? 0 : r.used + this.slice - this.n;
  }

  /** Makes `run` the current run (at the start of a run or of one of its synchronous stretches). */
  resume(run: RunBudget): void {
    this.run = run;
    this.pauseDue = false;
    const l = run.limits;
    this.lvMax = l.depth === undefined ? IDLE : l.depth + (run.tripped !== null ? GRACE_LEVELS : 0);
    this.strMax = Math.min(l.stringSize ?? STRING_MAX, STRING_MAX);
    // With a memory limit, strings past a few hundred bytes are charged.
    this.smax = l.memory !== undefined ? Math.min(this.strMax, 256) : this.strMax;
    if (l.memory !== undefined) {
      this.memory.start();
      this.memLeft = l.memory - this.memory.estimate();
      // Objects are counted by the allocation counter (tables, closures): look at it every few thousand.
      if (allocBudgetIdle()) setAllocBudget(ALLOC_POLL, this.poll);
    } else {
      this.memLeft = Infinity;
    }
    this.refill();
  }

  /** The allocation counter's callback while a memory-limited run is current. */
  private readonly poll = (): void => this.allocPoll();

  /** The allocation counter passed its poll: charge what it counted. */
  private allocPoll(): void {
    setAllocBudget(ALLOC_POLL, this.poll);
    if (this.run === null || this.run.limits.memory === undefined) return;
    this.chargeMemory(0);
  }

  /**
   * Charges `bytes` of memory that Lua code made the state hold (a string
   * built, a table part grown), plus the objects the allocation counter
   * counted since the last charge. Past the memory limit, the state's
   * memory is measured (after a full collection, where the host can force
   * one); still past it, the limit is raised.
   */
  chargeMemory(bytes: number): void {
    const m = this.memory;
    const objects = m.objectBytes();
    m.charged += bytes + objects;
    if ((this.memLeft -= bytes + objects) >= 0) return;
    const r = this.run;
    if (r === null || r.limits.memory === undefined) { this.memLeft = Infinity; return; }
    const limit = r.limits.memory;
    const held = m.measure();
    // Measuring costs a full collection: near the limit, the next one waits
    // for an eighth of it more (a run may pass its limit by that much).
    this.memLeft = Math.max(limit - held, limit / 8);
    if (held <= limit) return;
    if (r.limits.memoryError === 'lua') {
      // lua5.4's allocator failing: an ordinary, catchable error; the charge that failed is not kept.
      m.charged = Math.max(0, m.charged - bytes);
      this.memLeft += bytes;
      throw new LuaError('not enough memory');
    }
    this.exceed('memory', limit, held);
  }

  /** An object of about `bytes` bytes that the allocation counter does not count (a coroutine). */
  object(bytes: number): void {
    if (this.memLeft !== Infinity) this.chargeMemory(bytes);
  }

  /**
   * Library work building a string of `bytes` bytes: the string-size limit,
   * the memory it will hold, the steps it takes (one per 64 bytes).
   */
  built(bytes: number): void {
    this.growing(bytes, bytes);
  }

  /** A string being built piece by piece is `total` bytes long, `added` of them new. */
  growing(total: number, added: number): void {
    if (total > this.strMax) this.tooLong(total);
    if (added >= LARGE_STRING) this.memory.room(added);
    if (this.memLeft !== Infinity) this.chargeMemory(added + 16);
    if ((this.n -= added >> 6) < 0) this.tick();
  }

  /** Saves what the current run used; no run is current afterwards. */
  suspend(): void {
    const r = this.run;
    if (r !== null) r.used += this.slice - this.n;
    this.run = null;
    // Between runs the allocation counter goes back to the collector's pace (idle).
    releaseAllocBudget(this.poll);
    this.lvMax = IDLE;
    this.smax = this.strMax = STRING_MAX;
    this.memLeft = Infinity;
    this.n = this.slice = IDLE;
  }

  /** Charges `units` of library work (string building, pattern steps...). */
  charge(units: number): void {
    if ((this.n -= units) < 0) this.tick();
  }

  /**
   * The countdown ran out or a frame passed the level limit: check every
   * limit, raise the one that was hit, start the next slice. Returns whether
   * a pausable machine should stop now (time slicing, stepping).
   */
  tick(): boolean {
    const r = this.run;
    if (r === null) {
      if (this.lv > this.lvMax) this.lvMax = IDLE;
      this.n = this.slice = IDLE;
      return false;
    }
    r.used += this.slice - this.n;
    this.n = this.slice = 0;
    const l = r.limits;
    if (r.tripped !== null) {
      // In a __close handler after a limit was hit: the grace budget is spent.
      if (r.used >= r.graceEnd || this.lv > this.lvMax) throw r.tripped;
    } else {
      if (this.lv > this.lvMax) this.exceed('depth', l.depth!, this.lv);
      if (l.instructions !== undefined && r.used >= l.instructions) this.exceed('instructions', l.instructions, r.used);
      const t = r.deadline !== Infinity || r.sliceAt !== Infinity ? now() : 0;
      if (t >= r.deadline) this.exceed('time', l.timeoutMs!, Math.round(t - r.deadline + l.timeoutMs!));
      if (l.signal?.aborted === true) this.exceed('signal', 0, r.used);
      if (l.interrupt !== undefined && l.interrupt() === true) this.exceed('interrupt', 0, r.used);
      if (t >= r.sliceAt) this.pauseDue = true;
    }
    if (r.used >= r.stepLeft) this.pauseDue = true;
    this.refill();
    return this.pauseDue;
  }

  /** Starts the next slice: up to the next check, the instruction limit or the end of the step. */
  private refill(): void {
    const r = this.run!;
    const l = r.limits;
    let size = l.timeoutMs !== undefined || l.signal !== undefined || l.interrupt !== undefined || r.sliceAt !== Infinity ? CHECK_SLICE : IDLE;
    if (r.tripped !== null) size = Math.min(size, r.graceEnd - r.used);
    else if (l.instructions !== undefined) size = Math.min(size, l.instructions - r.used);
    if (r.stepLeft !== Infinity) size = Math.min(size, r.stepLeft - r.used);
    this.n = this.slice = Math.max(size, 1);
  }

  /** Raises a limit; the run's `__close` handlers then run on the grace budget. */
  exceed(kind: LimitKind, limit: number, used: number): never {
    const r = this.run!;
    r.used = this.spent();
    this.n = this.slice = 0;
    const err = new LimitExceeded(kind, limit, used);
    r.tripped = err;
    r.graceEnd = r.used + GRACE;
    if (r.limits.depth !== undefined) this.lvMax = r.limits.depth + GRACE_LEVELS;
    this.refill();
    throw err;
  }

  /** A string longer than the run's limit, or than V8 can make (lua5.4's "not enough memory"). */
  private tooLong(bytes: number): never {
    const l = this.run?.limits.stringSize;
    if (l !== undefined && bytes > l) this.exceed('string', l, bytes);
    throw new LuaError('not enough memory');
  }

  /** The run's signal aborted or its time ran out while it awaited a promise (an async run). */
  stopped(): never {
    const r = this.run!;
    const l = r.limits;
    if (l.signal?.aborted === true) this.exceed('signal', 0, this.spent());
    this.exceed('time', l.timeoutMs ?? 0, Math.round(now() - r.deadline + (l.timeoutMs ?? 0)));
  }

  /** A machine frame would be level `n`, past the level limit. */
  levels(n: number): void {
    const r = this.run;
    if (r === null) return;
    if (r.tripped !== null) throw r.tripped;
    this.exceed('depth', r.limits.depth!, n);
  }

}

/** Longer strings than V8 can make are refused as lua5.4 refuses its own: "not enough memory" (ops.ts). */
export const STRING_MAX = (1 << 29) - 24;
/** Strings from this size on are checked against the room left in the host's heap. */
const LARGE_STRING = 1 << 20;

/** Counted allocations between looks at the allocation counter while a memory limit is set. */
const ALLOC_POLL = 4096;
/** What a counted allocation (a table, a closure, a coroutine) holds, roughly, in bytes. */
const BYTES_PER_OBJECT = 96;

/**
 * A state's memory as the engine accounts it (docs/ARCHITECTURE.md,
 * "Limits"): what Lua code charges (strings it builds, table parts it
 * grows, objects it allocates), re-based when measured. JavaScript gives no
 * per-object sizes or liveness, so measuring forces a full collection (where
 * the host can: Node) and takes the heap's growth since the state's first
 * limited run, never more than the charges: what the state could hold. A
 * host that cannot collect on demand (a browser) keeps the charges, which
 * only grow during a run: an upper bound, started afresh by each run.
 */
export class Memory {
  /** Bytes held at the last measurement. */
  held = 0;
  /** Bytes charged since. */
  charged = 0;
  /** The host's collection and heap size (set by the state from its host). */
  host: { collect?: () => void; heapUsed(): number; heapLimit?(): number } | undefined = undefined;
  /** The heap size this state's holdings are measured against (the lowest seen). */
  private baseline = -1;
  /** The allocation counter at the last charge. */
  private allocs = 0;

  /** A memory-limited run starts: the first one fixes the baseline. */
  start(): void {
    this.allocs = allocationsCounted();
    if (this.host?.collect === undefined) {
      // Nothing can tell what earlier runs left alive: each run is charged from zero.
      this.held = this.charged = 0;
      return;
    }
    if (this.baseline < 0) this.baseline = this.host.heapUsed();
  }

  /** The current estimate, in bytes. */
  estimate(): number {
    return this.held + this.charged;
  }

  /** Bytes of the objects counted since the last call. */
  objectBytes(): number {
    const now = allocationsCounted();
    const n = now - this.allocs;
    this.allocs = now;
    return n > 0 ? n * BYTES_PER_OBJECT : 0;
  }

  /**
   * A string of `bytes` bytes is about to be made: when the host's heap
   * would come within a fifth of its limit (past which V8 aborts the
   * process), collect, and refuse it as lua5.4's allocator would.
   */
  room(bytes: number): void {
    const h = this.host;
    if (h?.heapLimit === undefined) return;
    const limit = h.heapLimit() * 0.8;
    if (h.heapUsed() + bytes <= limit) return;
    h.collect?.();
    if (h.heapUsed() + bytes > limit) throw new LuaError('not enough memory');
  }

  /** Re-bases the estimate on a measurement (after a full collection, when the host can force one). */
  measure(): number {
    const h = this.host;
    if (h?.collect === undefined) return this.estimate();
    h.collect();
    const heap = h.heapUsed();
    if (heap < this.baseline) this.baseline = heap;
    this.held = Math.min(this.estimate(), heap - this.baseline);
    this.charged = 0;
    return this.held;
  }
}
