// Step-wise execution: a run that advances only when `step` is called, a
// given number of instructions at a time (docs/ARCHITECTURE.md, "Limits").
// The basis of a debugger UI, and of fair scheduling of many scripts in one
// state: each stepper has its own machine (its own coroutines) and its own
// run budget, so interleaved steppers never mix their limits.
import { Machine, type LuaFunction } from '../runtime/trampoline.js';
import { PAUSE } from '../runtime/callreq.js';
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
  /** Finished: what the function returned. */
  | { status: 'done'; values: JsValue[] }
  /** Ended by an error (a LuaLimitError when one of its limits was hit). */
  | { status: 'error'; error: LuaError };

export class LuaStepper {
  private readonly m = new Machine(null);
  private first = true;
  private input: unknown = undefined;
  private isThrow = false;
  /** A promise the run awaits: settled or not yet. */
  private waiting: { settled: boolean } | null = null;
  private ended = false;

  /** @internal (made by `Lua.stepper`) */
  constructor(private readonly core: Core, private readonly entry: LuaFunction, private readonly args: LuaValue[], private readonly run: RunBudget) {
    // It can stop: at the end of a step, and on a promise.
    this.m.awaitable = true;
  }

  /** Whether the run has ended (done or error). */
  get done(): boolean {
    return this.ended;
  }

  /**
   * Runs on for `instructions` units (default: to the end, or to the next
   * await). Instructions are counted as the state's limits count them;
   * library functions and Lua functions they call (a sort comparator) finish
   * before the step can end.
   */
  step(options: { instructions?: number } = {}): StepResult {
    if (this.ended) throw new Error('this stepped run has ended');
    const w = this.waiting;
    if (w !== null) {
      if (!w.settled) return { status: 'waiting' };
      this.waiting = null;
    }
    const run = this.run;
    const n = options.instructions ?? Infinity;
    if (!(n > 0)) throw new RangeError('step: instructions must be positive');
    run.stepLeft = run.used + n;
    const input = this.input, isThrow = this.isThrow;
    this.input = undefined;
    this.isThrow = false;
    let r;
    try {
      r = this.core.step(this.m, this.entry, this.args, this.first, input, isThrow, run);
    } catch (e) {
      this.ended = true;
      if (e instanceof LuaError) return { status: 'error', error: e };
      throw e;
    } finally {
      this.first = false;
    }
    if (r.done) {
      this.ended = true;
      return { status: 'done', values: this.core.resultsToJS(r.value) };
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
