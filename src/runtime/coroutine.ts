// Coroutines: each one owns a Machine (a heap stack of generator frames) on
// which its Lua code runs in resumable mode. `yield` hands a YieldRequest to
// the machine, which returns to `resume` leaving the frames suspended.

import { LuaThreadBase, type LuaValue } from './value.js';
import { Machine, D, setDeepOwner, type LuaFunction, type MachineOwner } from './trampoline.js';
import { LuaError, type Frame } from './errors.js';
import * as ops from './ops.js';
import { CallRequest } from './callreq.js';
import { H, MAIN_THREAD, forgetThread, inheritHook, update as updateDebugMode } from './hooks.js';

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
  /** Dead by an error: its to-be-closed values not yet closed, innermost first (closed by coroutine.close). */
  readonly pendingClose: unknown[] = [];
  constructor(readonly fn: LuaFunction, readonly isMain = false) {
    super();
    this.machine = new Machine(this);
    if (!isMain) inheritHook(this);
  }
  get yieldable(): boolean {
    return !this.isMain;
  }
  get isCurrent(): boolean {
    return current === this;
  }
}

/** The main coroutine (never suspends) and the one currently running. */
export const mainCoroutine = new Coroutine((() => undefined) as LuaFunction, true);
mainCoroutine.status = 'running';
let current: Coroutine = mainCoroutine;

export function running(): Coroutine {
  return current;
}

H.thread = () => (current.isMain ? MAIN_THREAD : current);

/** Another thread runs: debug mode follows its hook. */
function switchTo(co: Coroutine): void {
  current = co;
  updateDebugMode();
}

// Direct-mode code that overflows onto a machine is never yieldable; say
// which coroutine it belongs to so the right error is raised.
setDeepOwner(() => (current.isMain ? null : { yieldable: false }));

export type ResumeResult = { ok: true; values: LuaValue[] } | { ok: false; error: LuaValue };

/** lua_resume. */
export function resume(co: Coroutine, args: LuaValue[]): ResumeResult {
  if (co.status === 'dead') return { ok: false, error: 'cannot resume dead coroutine' };
  if (co.status !== 'suspended') return { ok: false, error: 'cannot resume non-suspended coroutine' };
  // Each nested resume is a C level in lua5.4 (lua_resume).
  if (ops.C.n >= 199) return { ok: false, error: 'C stack overflow' };
  ops.C.n++;
  co.cbase = ops.C.n;
  const prev = current;
  prev.status = 'normal';
  co.status = 'running';
  switchTo(co);
  const depth = D.n;
  try {
    let r;
    if (!co.started) {
      co.started = true;
      const f = co.fn;
      if (f.G === undefined) {
        // A host function as the body: runs to completion, cannot yield.
        const v = f(...args);
        r = { done: true as const, value: v };
      } else {
        co.machine.push(f, args);
        r = co.machine.run(undefined, false);
      }
    } else {
      r = co.machine.run(args, false);
    }
    if (r.done) {
      co.status = 'dead';
      forgetThread(co);
      return { ok: true, values: ops.mv(r.value) };
    }
    co.status = 'suspended';
    return { ok: true, values: r.values };
  } catch (e) {
    co.status = 'dead';
    forgetThread(co);
    co.failed = true;
    co.errorValue = toLuaErrorValue(e);
    if (e instanceof LuaError) co.deadFrames = e.frames;
    return { ok: false, error: co.errorValue };
  } finally {
    ops.C.n--;
    D.n = depth;
    switchTo(prev);
    prev.status = 'running';
  }
}

function toLuaErrorValue(e: unknown): LuaValue {
  if (e instanceof LuaError) return e.value;
  if (e instanceof RangeError) return 'stack overflow';
  if (e instanceof Error) return `internal error: ${e.message}`;
  return e as LuaValue;
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
    const prev = current;
    switchTo(co);
    co.status = 'running';
    // Its __close handlers cannot yield (coroutine.isyieldable compares the C level with this).
    co.cbase = -1;
    try {
      while (stack.length > 0) {
        const g = stack.pop()!;
        try {
          unwind(g);
        } catch (e) {
          failed = true;
          error = toLuaErrorValue(e);
        }
      }
    } finally {
      switchTo(prev);
    }
    co.status = 'dead';
    forgetThread(co);
    return failed ? { ok: false, error } : { ok: true, values: [] };
  }
  if (co.status === 'dead') {
    if (co.failed) {
      co.failed = false;
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
  const prev = current;
  switchTo(co);
  co.status = 'running';
  // Not yieldable (coroutine.isyieldable compares the C level with this).
  co.cbase = -1;
  try {
    for (const v of pending) {
      try {
        ops.call(ops.callable(ops.metafield(v, '__close'), "metamethod 'close'"), v as LuaValue, error);
      } catch (e) {
        error = toLuaErrorValue(e);
      }
    }
  } finally {
    co.status = 'dead';
    switchTo(prev);
  }
  return error;
}

/**
 * Finish a suspended frame early, running its pending `__close` handlers
 * (finally blocks) to completion; the calls they request run directly.
 */
function unwind(g: Generator<unknown, unknown, unknown>): void {
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
      r = g.throw(new LuaError('attempt to yield across a C-call boundary'));
    }
  }
}
