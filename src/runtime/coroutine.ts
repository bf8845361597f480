// Coroutines: each one owns a Machine (a heap stack of generator frames) on
// which its Lua code runs in resumable mode. `yield` hands a YieldRequest to
// the machine, which returns to `resume` leaving the frames suspended.

import { yieldAcrossMessage } from './dialect.js';
import { LuaThreadBase, type LuaValue } from './value.js';
import { Machine, currentMachine, type LuaFunction, type MachineOwner } from './trampoline.js';
import { E, type Engine } from './engine.js';
import { HostError, LuaError, adoptError, errorValue, rethrowUncatchable, type Frame } from './errors.js';
import * as ops from './ops.js';
import { CallRequest, type AwaitRequest } from './callreq.js';
import { forgetThread, inheritHook, update as updateDebugMode } from './hooks.js';

export type CoStatus = 'suspended' | 'running' | 'normal' | 'dead';

export class Coroutine extends LuaThreadBase implements MachineOwner {
  status: CoStatus = 'suspended';
  readonly machine: Machine;
  started = false;
  /** The error that killed it (for coroutine.close). */
  errorValue: LuaValue = undefined;
  /** C-call depth when it was last resumed: deeper means inside a host call, where it cannot yield. */
  cbase = 0;
  failed = false;
  /** Dead by an error: its frames at the raise, which lua5.4 keeps for debug.traceback(co). */
  deadFrames: Frame[] | null = null;
  /** Dead by an exception of an API host function: that error (coroutine.wrap propagates its JS exception). */
  hostCause: HostError | undefined = undefined;
  /** Dead by an error: its to-be-closed values not yet closed, innermost first (closed by coroutine.close). */
  readonly pendingClose: unknown[] = [];
  /** 5.1: the thread's global table when setfenv(0, t) changed it (stdlib/fenv.ts); a new thread inherits its creator's. */
  globals51: LuaValue = undefined;
  /** 5.1: the functions running on this thread that keep a frame (stdlib/fenv.ts). */
  fenvFrames: LuaValue[] | undefined = undefined;
  /**
   * While a resume of it runs: Engine.protection.n and the number of running
   * machines when it began (an error reaching neither a protected call begun
   * since nor a pcall frame on a machine from `mbase` up ends the coroutine:
   * deferCloseOnError). -1 otherwise.
   */
  pbase = -1;
  mbase = 0;
  constructor(readonly fn: LuaFunction, readonly isMain = false) {
    super();
    this.machine = new Machine(this);
    if (!isMain) {
      this.globals51 = E.current?.globals51;
      inheritHook(this);
      // A coroutine and its machine's stacks: about a kilobyte (memory limits).
      E.B.object(1024);
    }
  }
  get yieldable(): boolean {
    return !this.isMain;
  }
}

/** Gives a new engine its main coroutine (never suspends), which is the running one. */
export function initCoroutines(e: Engine): void {
  const main = new Coroutine((() => undefined) as LuaFunction, true);
  main.status = 'running';
  e.main = main;
  e.current = main;
}

/** The running coroutine of the running engine. */
export function running(): Coroutine {
  return E.current;
}

/** The main coroutine of the running engine. */
export function mainCoroutine(): Coroutine {
  return E.main;
}

/** Another thread runs: debug mode follows its hook. */
function switchTo(co: Coroutine): void {
  E.current = co;
  updateDebugMode();
}

export type ResumeResult = { ok: true; values: LuaValue[] } | { ok: false; error: LuaValue };

/** A resume that stopped because the coroutine awaits a JS promise (an async run, src/api). */
interface ResumeAwait { ok: 'await'; request: AwaitRequest }

/** lua_resume. */
export function resume(co: Coroutine, args: LuaValue[]): ResumeResult {
  return resumeStep(co, args, false, false, false) as ResumeResult;
}

/**
 * coroutine.resume from resumable code: as `resume`, but when the machine
 * running the caller may await (an async run), so may the coroutine: an
 * await inside it stops it (status "normal": it can be neither resumed nor
 * closed meanwhile), passes up to that machine, and the coroutine continues
 * with what the await gave.
 */
export function* resumeG(co: Coroutine, args: LuaValue[]): Generator<AwaitRequest, ResumeResult, unknown> {
  const outer = currentMachine();
  let step = resumeStep(co, args, false, false, outer !== null && outer.awaitable);
  while (step.ok === 'await') {
    let input: unknown;
    let isThrow = false;
    try {
      input = yield step.request;
    } catch (e) {
      input = e;
      isThrow = true;
    }
    step = resumeStep(co, input, isThrow, true, true);
  }
  return step;
}

/**
 * One run of `co`'s machine: started or resumed with `input` (the resume's
 * arguments, or after an await its value or, `isThrow`, its rejection).
 */
function resumeStep(co: Coroutine, input: unknown, isThrow: boolean, continuing: boolean, awaitable: boolean): ResumeResult | ResumeAwait {
  if (!continuing) {
    if (co.status === 'dead') return { ok: false, error: 'cannot resume dead coroutine' };
    // (5.1 says which: "cannot resume normal coroutine".)
    if (co.status !== 'suspended') return { ok: false, error: E.dialect.messages === '5.1' ? `cannot resume ${co.status} coroutine` : 'cannot resume non-suspended coroutine' };
  }
  // Each nested resume is a C level in lua5.4 (lua_resume).
  const e = E;
  if (e.C.n >= 199) {
    if (!continuing) return { ok: false, error: 'C stack overflow' };
  }
  e.C.n++;
  co.cbase = e.C.n;
  const prev = e.current;
  prev.status = 'normal';
  co.status = 'running';
  switchTo(co);
  const depth = e.D.n, levels = e.B.lv;
  co.machine.awaitable = awaitable;
  co.hostCause = undefined;
  co.pbase = e.protection.n;
  co.mbase = e.machines.length;
  try {
    let r;
    if (!co.started) {
      co.started = true;
      const f = co.fn;
      const args = input as LuaValue[];
      if (f.G === undefined) {
        // A host function as the body: runs to completion, cannot yield.
        const v = f(...args);
        r = { done: true as const, value: v };
      } else {
        co.machine.push(f, args);
        r = co.machine.run(undefined, false);
      }
    } else {
      r = co.machine.run(input, isThrow);
    }
    if (r.done) {
      co.status = 'dead';
      forgetThread(co);
      return { ok: true, values: ops.mv(r.value) };
    }
    if (r.await !== undefined) {
      co.status = 'normal';
      return { ok: 'await', request: r.await };
    }
    co.status = 'suspended';
    return { ok: true, values: r.values };
  } catch (thrown) {
    const e = adoptError(thrown);
    co.status = 'dead';
    forgetThread(co);
    co.failed = true;
    co.errorValue = toLuaErrorValue(e);
    // A limit that was hit ends the run, not just the coroutine.
    rethrowUncatchable(e);
    if (e instanceof LuaError) co.deadFrames = e.frames;
    if (e instanceof HostError) co.hostCause = e;
    return { ok: false, error: co.errorValue };
  } finally {
    co.pbase = -1;
    e.C.n--;
    e.D.n = depth;
    e.B.lv = levels;
    switchTo(prev);
    prev.status = 'running';
  }
}

function toLuaErrorValue(e: unknown): LuaValue {
  return errorValue(e);
}

/**
 * coroutine.close: run pending to-be-closed variables of a suspended
 * coroutine (by unwinding its frames), or report how a dead one ended.
 */
export function close(co: Coroutine): ResumeResult {
  if (co.status === 'suspended') {
    const stack = co.machine.stack;
    let error: LuaValue = undefined;
    let failed = false;
    const prev = E.current;
    switchTo(co);
    co.status = 'running';
    // Its __close handlers cannot yield (coroutine.isyieldable compares the C level with this).
    co.cbase = -1;
    let limit: unknown = null;
    try {
      while (stack.length > 0) {
        const g = stack.pop()!;
        try {
          unwind(g);
        } catch (e) {
          failed = true;
          error = toLuaErrorValue(e);
          // A limit that was hit: the other handlers still run (on its grace budget), then it goes on.
          if (e instanceof LuaError && e.uncatchable) limit ??= e;
        }
      }
    } finally {
      switchTo(prev);
    }
    co.status = 'dead';
    forgetThread(co);
    if (limit !== null) throw limit;
    return failed ? { ok: false, error } : { ok: true, values: [] };
  }
  if (co.status === 'dead') {
    if (co.failed) {
      co.failed = false;
      // lua_closethread empties its stack: debug.traceback and getinfo see no levels any more.
      co.deadFrames = null;
      return { ok: false, error: closePending(co, co.errorValue) };
    }
    return { ok: true, values: [] };
  }
  throw new LuaError(`cannot close a ${co.status} coroutine`);
}

/**
 * lua_closethread on a coroutine an error ended: call the __close of the
 * variables it left open, innermost first, on the coroutine (which cannot
 * yield there), each with the error so far; an error in one replaces it.
 */
function closePending(co: Coroutine, error: LuaValue): LuaValue {
  if (co.pendingClose.length === 0) return error;
  const pending = co.pendingClose.splice(0);
  const prev = E.current;
  switchTo(co);
  co.status = 'running';
  // Not yieldable (coroutine.isyieldable compares the C level with this).
  co.cbase = -1;
  let limit: unknown = null;
  try {
    for (const v of pending) {
      try {
        ops.call(ops.callable(ops.metafield(v, '__close'), "metamethod 'close'"), v as LuaValue, error);
      } catch (e) {
        error = toLuaErrorValue(e);
        if (e instanceof LuaError && e.uncatchable) limit ??= e;
      }
    }
  } finally {
    co.status = 'dead';
    switchTo(prev);
  }
  if (limit !== null) throw limit;
  return error;
}

/**
 * Finish a suspended frame early, running its pending `__close` handlers
 * (finally blocks) to completion; the calls they request run directly.
 */
export function unwind(g: Generator<unknown, unknown, unknown>): void {
  let r = g.return(undefined);
  while (!r.done) {
    const req = r.value;
    if (req instanceof CallRequest) {
      let result: unknown;
      try {
        result = ops.call(req.f, ...req.args);
      } catch (e) {
        r = g.throw(e);
        continue;
      }
      if (req.box) {
        req.result = result;
        r = g.next(req);
      } else {
        r = g.next(result);
      }
    } else {
      r = g.throw(new LuaError(yieldAcrossMessage(E.dialect, false)));
    }
  }
}
