// Step-wise execution: a run that advances only when `step` is called, a
// given number of instructions at a time (docs/ARCHITECTURE.md, "Limits").
// The basis of a debugger UI, and of fair scheduling of many scripts in one
// state: each stepper runs its function as a coroutine of its own (its own
// thread: coroutine.running, debug hooks set without a thread) on its own
// machine, with its own run budget, so interleaved steppers never mix their
// coroutines, hooks or limits.
import { Machine } from '../runtime/trampoline.js';
import { PAUSE } from '../runtime/callreq.js';
import type { Coroutine, ResumeResult as CoResult } from '../runtime/coroutine.js';
import type { LuaValue } from '../runtime/value.js';
import type { RunBudget } from '../runtime/limits.js';
import type { Core } from './core.js';
import type { JsValue } from './types.js';
import { LuaError } from './errors.js';

/** Where a stepped run stands after a step. */
export type StepResult =
  /** Stopped at the end of the step's instructions: call `step` again. */
  | { status: 'running' }
  /** Waiting for a JS promise that a JS function it called returned: call `step` again once it settles. */
  | { status: 'waiting' }
  /** It called coroutine.yield (it runs as a coroutine): the values; the next `step` resumes it. */
  | { status: 'yielded'; values: JsValue[] }
  /** Finished: what the function returned. */
  | { status: 'done'; values: JsValue[] }
  /** Ended by an error (a LuaLimitError when one of its limits was hit). */
  | { status: 'error'; error: LuaError };

export class LuaStepper {
  /** The machine of the resume in progress (null between resumes). */
  private m: Machine | null = null;
  private first = true;
  private input: unknown = undefined;
  private isThrow = false;
  /** A promise the run awaits: settled or not yet. */
  private waiting: { settled: boolean } | null = null;
  private ended = false;
  private args: LuaValue[];

  /** @internal (made by `Lua.stepper`) */
  constructor(private readonly core: Core, private readonly co: Coroutine, args: LuaValue[], private readonly run: RunBudget) {
    this.args = args;
  }

  /** Whether the run has ended (done or error). */
  get done(): boolean {
    return this.ended;
  }

  /**
   * Runs on for `instructions` units (default: to the end, a yield or the
   * next await). Instructions are counted as the state's limits count them;
   * library functions and Lua functions they call (a sort comparator)
   * finish before the step can end.
   */
  step(options: { instructions?: number } = {}): StepResult {
    if (this.ended) throw new Error('this stepped run has ended');
    const w = this.waiting;
    if (w !== null) {
      if (!w.settled) return { status: 'waiting' };
      this.waiting = null;
    }
    const n = options.instructions ?? Infinity;
    if (!(n > 0)) throw new RangeError('step: instructions must be positive');
    const run = this.run;
    run.stepLeft = run.used + n;
    if (this.m === null) {
      // A new resume of the coroutine, on a machine that can stop (steps, promises).
      this.m = new Machine(null);
      this.m.awaitable = true;
      this.first = true;
    }
    const input = this.input, isThrow = this.isThrow;
    this.input = undefined;
    this.isThrow = false;
    const core = this.core;
    let r;
    try {
      r = core.step(this.m, core.resumeEntry(this.co, this.args), [], this.first, input, isThrow, run);
    } catch (e) {
      this.ended = true;
      if (e instanceof LuaError) return { status: 'error', error: e };
      throw e;
    } finally {
      this.first = false;
    }
    if (r.done) {
      this.m = null;
      this.args = [];
      let res;
      try {
        // An error ends the run: its to-be-closed variables close now.
        res = core.resumed(this.co, r.value as CoResult, true);
      } catch (e) {
        this.ended = true;
        if (e instanceof LuaError) return { status: 'error', error: e };
        throw e;
      }
      if (!res.done) return { status: 'yielded', values: res.values };
      this.ended = true;
      return { status: 'done', values: res.values };
    }
    if (r.await === PAUSE) return { status: 'running' };
    const state = { settled: false };
    this.waiting = state;
    Promise.resolve(r.await!.promise).then(
      (v) => { state.settled = true; this.input = v; },
      (e: unknown) => { state.settled = true; this.input = e; this.isThrow = true; },
    );
    return { status: 'waiting' };
  }
}
