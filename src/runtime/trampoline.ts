// The trampoline that runs resumable (generator) code.
//
// Direct-mode code calls Lua functions as plain JS calls, counting depth in
// `D.n`. When the count passes `D.limit` (what the JS stack can safely hold),
// the callee continues in its resumable variant on a `Machine`: a heap stack
// of generator frames. Each call in resumable code is yielded to the machine,
// which pushes the callee's generator; so depth is bounded by memory (and by
// the Lua limit `LUAI_MAXSTACK`), tail calls replace frames, and a whole
// stack can be suspended — which is how coroutines work.

import { yieldAcrossMessage } from './dialect.js';
import { AwaitRequest, CallRequest, PAUSE, YieldRequest } from './callreq.js';
import { callChain, mv } from './ops.js';
import { LuaError, rtError, machineFrames, type Frame as StackFrame } from './errors.js';
import type { LuaValue } from './value.js';
import type { CallSite } from '../compiler/codegen.js';
import { HOST_FRAME, FrameRec, callLine, fire, frameOf } from './hooks.js';
import { E } from './engine.js';
import { keepNames } from './names.js';
import { lazyG, resumableOf } from './resumable.js';


/**
 * "stack overflow": with all of the stack recorded, however deep, so that a
 * message handler's traceback shows its outermost levels too (lua's
 * traceback prints the first and the last levels of a deep stack).
 */
function overflow(): never {
  const p = E.protection;
  const whole = p.whole;
  p.whole = p.overflow = true;
  try {
    rtError('stack overflow');
  } finally {
    p.whole = whole;
    p.overflow = false;
  }
}

/**
 * `catchesErrors`: a library function that catches the errors of what it
 * calls (pcall, xpcall); `callsHandler`: and gives them to a message
 * handler (xpcall). `cBoundary`: a library function that lua5.1 calls
 * as a C function, which no coroutine can yield across (5.1's pcall and
 * xpcall): its resumable variant is only there so that a machine that can
 * pause or await does so inside it too; on a machine that cannot, resumable
 * code calls it directly (`cdirect`), and a yield finds it
 * (Machine.insideCBoundary).
 */
export type LuaFunction = ((...args: LuaValue[]) => unknown) & {
  G?: (...args: LuaValue[]) => Frame; P?: unknown; catchesErrors?: boolean; callsHandler?: boolean; cBoundary?: boolean;
};
export type Frame = Generator<unknown, unknown, unknown>;

/**
 * How a run of a machine ends: its bottom frame returned (`done`), or it is
 * suspended on a yield (`values`) or, when awaitable, on a JS promise (`await`).
 */
export type MachineResult = { done: true; value: unknown } | { done: false; values: LuaValue[]; await?: AwaitRequest };

/** The coroutine whose machine is running (null: the main thread). */
export interface MachineOwner {
  /** May this machine suspend on a yield request? */
  readonly yieldable: boolean;
}

export class Machine {
  readonly stack: Frame[] = [];
  /** The Lua function of each frame (debug levels); parallel to `stack`. */
  readonly fns: LuaFunction[] = [];
  /** Frame records of instrumented frames (debug mode), by stack index. */
  readonly recs: (import('./hooks.js').FrameRec | undefined)[] = [];
  /** Index of a frame entered by a tail call, while it starts. */
  tailAt = -1;
  /** The callers removed by the tail calls that led to the frame at `tailAt` (see FrameRec.tails). */
  tailCount = 0;
  /** A library function whose call or return hook is running (not yet or no longer on the JS stack). */
  hookedHost: FrameRec | null = null;
  /** Running its top frame: that frame is on the JS stack (otherwise all its frames are suspended). */
  active = false;
  /** The line each suspended frame waits at (its last call request), -1 when unknown. */
  readonly lines: number[] = [];
  /** How each frame's caller named it (CallRequest.desc), for debug levels; index `stack.length`: a library call in progress. */
  readonly descs: (string | null | undefined)[] = [];
  /** Each frame's boxed request waiting for a Lua callee (CallRequest.box). */
  readonly waiting: (CallRequest | null)[] = [];
  /**
   * May this machine stop on an AwaitRequest (src/api's async runs, and
   * coroutines resumed from resumable code inside one)? Set by whoever runs it.
   */
  awaitable = false;
  constructor(readonly owner: MachineOwner | null) {}

  push(f: LuaFunction, args: LuaValue[]): void {
    const n = this.stack.length;
    this.fns[n] = f;
    // A library function with a resumable variant (pcall, yield...): its
    // call hook fires now, its return hook when the frame completes.
    const host = E.hooks.on && f.P === undefined;
    this.recs[n] = host ? HOST_FRAME : undefined;
    if (host) this.fireHostCall(f, args, this.tailAt === n ? 'tail call' : 'call');
    this.stack.push(frameOf(f, args));
  }

  /** The call hook of library function `f`, not yet on the stack: a level of its own meanwhile (as in callHostHooked). */
  private fireHostCall(f: LuaFunction, args: LuaValue[], event: 'call' | 'tail call'): void {
    const rec = new FrameRec(f, null, false);
    this.hookedHost = rec;
    try {
      fire(event, rec, args, 1);
    } finally {
      this.hookedHost = null;
    }
  }

  run(input: unknown, isThrow: boolean): MachineResult {
    const machines = E.machines;
    machines.push(this);
    try {
      return this.luaMachineRun(input, isThrow);
    } finally {
      machines.pop();
    }
  }

  /**
   * Is a frame of this machine a C boundary (5.1's pcall or xpcall)? A
   * coroutine's yield from above one fails, as lua5.1's lua_yield does
   * when C calls lie between it and the resume.
   */
  insideCBoundary(): boolean {
    const fns = this.fns;
    for (let i = this.stack.length - 1; i >= 0; i--) if (fns[i]?.cBoundary === true) return true;
    return false;
  }

  /** A popped frame's function must not stay reachable from the machine (a collected coroutine's wrapper, say). */
  private forget(i: number): void {
    (this.fns as (LuaFunction | undefined)[])[i] = undefined;
  }

  /** Pops a frame that raised an error; true when the stack is then empty (the error leaves the machine). */
  private popFailed(): boolean {
    const stack = this.stack;
    stack.pop();
    this.recs[stack.length] = undefined;
    this.forget(stack.length);
    if (stack.length === 0) return true;
    // The caller gets the error, not a result.
    this.waiting[stack.length - 1] = null;
    return false;
  }

  /** What frame `i` is resumed with when its callee returns `v`. */
  private deliver(i: number, v: unknown): unknown {
    const w = this.waiting[i];
    if (w === null || w === undefined) return v;
    this.waiting[i] = null;
    w.result = v;
    return w;
  }

  /**
   * Carries out a call request of the top frame: a Lua callee (or a library
   * function with a resumable variant) becomes the new top frame; any other
   * library function runs now. Returns the value to send to the top frame.
   */
  private call(req: CallRequest): unknown {
    const stack = this.stack;
    // The requesting frame waits at this line (levels of suspended frames).
    // (A metamethod requested by a runtime helper: the line its Lua frame noted in D.cl.)
    this.lines[stack.length - 1] = req.line >= 0 ? req.line : E.D.cl;
    // An instrumented caller is at the call's line while it waits (lua's
    // savedpc is the call instruction): getinfo's currentline, and the line
    // later line events compare with (lua's oldpc after a return).
    const rec = this.recs[stack.length - 1];
    if (rec !== undefined && rec !== HOST_FRAME && req.line >= 0) callLine(rec, req.line);
    let f = req.f as LuaFunction;
    let args = req.args;
    // __call: call the handler with the object prepended (and so on, down a chain of them).
    if (typeof f !== 'function') {
      const chain = callChain(f, req.desc);
      f = chain.fn as LuaFunction;
      args = [...chain.extra, ...args];
    }
    const G = f.G;
    if (G === undefined) {
      this.descs[stack.length] = req.desc;
      // From an instrumented frame too: a hook set by this call sees its return.
      const v = E.hooks.on || this.recs[stack.length - 1] !== undefined ? callHostHooked(this, f, args) : f(...args);
      if (!req.box) return v;
      req.result = v;
      return req;
    }
    // (lua5.4 gives "stack overflow" near 200000 C-less levels, lua5.1 at 20000: dialect.ts.)
    if (stack.length >= E.dialect.maxCallDepth) overflow();
    // A depth limit counts this machine's frames above the direct-mode levels below it.
    const B = E.B;
    if (stack.length + B.lv >= B.lvMax) B.levels(stack.length + B.lv + 1);
    // Set before a tail call replaces the requester (its caller's entry stays).
    this.waiting[stack.length - 1] = req.box ? req : null;
    // A library function in tail position runs as an ordinary call, as in lua.
    if (req.tail && f.P !== undefined) {
      this.tailCount = ((this.recs[stack.length - 1] as { tails?: number } | undefined)?.tails ?? 0) + 1;
      stack.pop();
    }
    // Debug mode, or a function of a debugged chunk: its instrumented twin.
    if (E.hooks.on || (f.P as { debugged?: boolean } | undefined)?.debugged === true) {
      this.tailAt = req.tail && f.P !== undefined ? stack.length : -1;
      this.descs[stack.length] = req.desc;
      this.push(f, args);
    } else {
      this.fns[stack.length] = f;
      this.descs[stack.length] = req.desc;
      // No record: one left at this index by an instrumented frame is stale.
      this.recs[stack.length] = undefined;
      // (called as a plain function: see resumableOf)
      stack.push((G === lazyG ? resumableOf(f) : G)(...args));
    }
    return undefined;
  }

  /**
   * Run until the stack empties (its bottom frame's result) or a yield
   * reaches a yieldable machine. `input` is sent into the top frame, as a
   * value or (isThrow) an exception.
   */
  private luaMachineRun(input: unknown, isThrow: boolean): MachineResult {
    const stack = this.stack;
    let value = input;
    let thrown = isThrow;
    // Direct-mode frames that an error unwinds (a metamethod, a sort
    // comparator run by a frame of this machine) never take their depth and
    // levels back: an error caught here puts them back as they were.
    const D = E.D, B = E.B, depth = D.n, levels = B.lv;
    for (;;) {
      const g = stack[stack.length - 1];
      let r: IteratorResult<unknown, unknown> | undefined;
      this.active = true;
      try {
        r = thrown ? g.throw(value) : g.next(value);
      } catch (e) {
        D.n = depth;
        B.lv = levels;
        this.active = false;
        if (this.popFailed()) throw e;
        value = e;
        thrown = true;
        continue;
      }
      this.active = false;
      // Delivered: holding on to it would keep the last result alive (a
      // collection during the next call must be able to free it).
      value = undefined;
      if (r.done) {
        const rec = E.hooks.on ? this.recs[stack.length - 1] : undefined;
        if (rec !== undefined) {
          try {
            // The returned values sit above the active locals (lua's ftransfer).
            if (rec === HOST_FRAME) fire('return', null);
            else {
              fire('return', rec, mv(r.value), rec.n + 1);
              // 5.1: one 'tail return' for each caller its tail calls removed.
              if (E.dialect.tailReturns) for (let k = 0; k < rec.tails; k++) fire('tail return', rec);
            }
          } catch (e) {
            if (this.popFailed()) throw e;
            value = e;
            thrown = true;
            continue;
          }
        }
        stack.pop();
        // A finished frame's record holds its locals.
        this.recs[stack.length] = undefined;
        this.forget(stack.length);
        if (stack.length === 0) return { done: true, value: r.value };
        value = this.deliver(stack.length - 1, r.value);
        r = undefined;
        thrown = false;
        continue;
      }
      // Neither the result object nor the request may stay in this frame's
      // registers while the next frame runs: they hold the call's arguments.
      let req = r.value;
      r = undefined;
      thrown = false;
      if (req instanceof CallRequest) {
        try {
          value = this.call(req);
        } catch (e) {
          D.n = depth;
          B.lv = levels;
          value = e;
          thrown = true;
        }
        req = undefined;
        continue;
      }
      if (req instanceof YieldRequest) {
        if (this.owner !== null && this.owner.yieldable) return { done: false, values: req.values };
        value = new LuaError(yieldAcrossMessage(E.dialect, this.owner === null));
        thrown = true;
        continue;
      }
      if (req instanceof AwaitRequest) {
        if (this.awaitable) return { done: false, values: [], await: req };
        value = new LuaError(yieldAcrossMessage(E.dialect, false));
        thrown = true;
        continue;
      }
      value = new Error('internal: bad request from resumable code');
      thrown = true;
    }
  }
}

/**
 * Entered from direct-mode code whose depth passed D.limit: run `f` on a
 * fresh machine (not yieldable: the direct frames below cannot suspend).
 */
export function deep(f: LuaFunction, args: LuaValue[], weight: number): unknown {
  try {
    const m = new Machine(currentOwnerForDeep());
    m.push(f, args);
    const r = m.run(undefined, false);
    if (!r.done) throw new Error('internal: deep machine suspended');
    return r.value;
  } finally {
    E.D.n -= weight;
  }
}

/** Direct-mode code that overflows onto a machine is never yieldable; inside a coroutine, say so (the error differs). */
function currentOwnerForDeep(): MachineOwner | null {
  return E.current.isMain ? null : NOT_YIELDABLE;
}
const NOT_YIELDABLE: MachineOwner = { yieldable: false };

/** Run any Lua function to completion on a fresh machine (used for resumable-only entry points). */
export function runResumable(f: LuaFunction, args: LuaValue[], owner: MachineOwner | null): unknown {
  const m = new Machine(owner);
  m.push(f, args);
  const r = m.run(undefined, false);
  if (!r.done) throw new Error('internal: machine suspended');
  return r.value;
}

/**
 * A to-be-closed variable is being closed because of error `e`. When the
 * error will end the running coroutine, lua5.4 does not close the variable
 * now: lua_resume returns, and the dead coroutine keeps it for
 * coroutine.close (or wrap's lua_closethread), which calls its __close
 * where it cannot yield, with the error so far. A coroutine never closed
 * never runs it. Returns whether `v` was left so (in the coroutine's
 * `pendingClose`, innermost first: the order the unwinding reaches them).
 *
 * The error ends the coroutine when nothing between the raise and the
 * coroutine's resume catches it: no pcall or xpcall frame on the machines
 * run since that resume (the coroutine's own, and those that direct-mode
 * code deep in recursion moved to), and no protected call of direct-mode
 * code (a pcall in a sort comparator, load's reader...) begun since it
 * (Engine.protection.n). This holds for the variables of direct-mode frames
 * too (a gsub callback's, a __tostring's): lua unwinds them with the rest.
 * A limit that was hit ends the whole run: its handlers run now.
 */
export function deferCloseOnError(v: unknown, e: unknown): boolean {
  const co = E.current;
  // pbase is -1 unless a resume of `co` is running (so not while
  // coroutine.close runs its handlers on it, which lua protects).
  if (co.pbase !== E.protection.n || (e instanceof LuaError && e.uncatchable)) return false;
  const machines = E.machines;
  for (let k = co.mbase; k < machines.length; k++) {
    const m = machines[k]!, fns = m.fns;
    for (let i = m.stack.length - 1; i >= 0; i--) if (fns[i]?.catchesErrors === true) return false;
  }
  co.pendingClose.push(v);
  return true;
}


/**
 * Resumable 5.1 code calls a C boundary (pcall, xpcall: `cBoundary`) the
 * way it calls library functions without a resumable variant, directly,
 * unless the machine running it can pause or await: the resumable variant
 * would buy nothing, and would cost its callee the direct variant. (The
 * boundaries' resumable variants ask the same when a request reaches them.)
 */
export function cdirect(): boolean {
  const machines = E.machines;
  return machines[machines.length - 1]?.awaitable !== true;
}

/**
 * Resumable code whose limit check asked for a pause (time slicing, the end
 * of a step): the machine stops, as for an await, when it can (an async run
 * or a stepper drives it); otherwise the code runs on and asks again at the
 * next check.
 */
export function* pause(): Generator<AwaitRequest, void, unknown> {
  const m = currentMachine();
  if (m === null || !m.awaitable) return;
  E.B.pauseDue = false;
  yield PAUSE;
}

/** The machine running now (innermost) in the running engine. */
export function currentMachine(): Machine | null {
  const machines = E.machines;
  return machines[machines.length - 1] ?? null;
}

/**
 * A library function called by instrumented code: call and return hooks
 * around it. While they run, the function is a level of its own (getinfo(2)
 * in the hook), whose "C temporaries" are its arguments, then its results.
 */
function callHostHooked(m: Machine, f: LuaFunction, args: LuaValue[]): unknown {
  const rec = new FrameRec(f, null, false);
  m.hookedHost = rec;
  try {
    fire('call', rec, args, 1);
  } finally {
    m.hookedHost = null;
  }
  const v = f(...args);
  m.hookedHost = rec;
  try {
    fire('return', rec, mv(v), 1);
  } finally {
    m.hookedHost = null;
  }
  return v;
}

// Errors raised on a machine keep their frames (naming, thread base), as do all in debug mode.
machineFrames.keepAtRaise = () => E.hooks.on || E.machines.length > 0;

/** Debug levels: the suspended frames of the k-th running machine from the innermost, innermost first. */
machineFrames.of = (k: number, limit: number) => {
  const m = E.machines[E.machines.length - 1 - k];
  if (m === undefined) return { frames: [] as StackFrame[], threadBase: false };
  const threadBase = m.owner !== null && m.owner.yieldable;
  const t = m.stack.length - 1;
  // The running frame: its function, record, and how its caller named it.
  const running = m.active && t >= 0 ? { fn: m.fns[t], rec: m.recs[t], calledAs: siteOf(m.descs[t]) } : undefined;
  const out: StackFrame[] = [];
  const hh = m.hookedHost;
  if (hh !== null) out.push({ kind: 'host', fnName: (hh.fn as LuaFunction).name, fn: hh.fn, rec: hh });
  // (Not push(...): a machine may hold 200,000 frames.)
  for (const f of machineStack(m, m.stack.length - (m.active ? 2 : 1), limit - out.length)) out.push(f);
  return { frames: out, threadBase, running };
};

machineFrames.catcherAtRaise = () => {
  const machines = E.machines;
  for (let k = machines.length - 1; k >= 0; k--) {
    const m = machines[k]!;
    const fns = m.fns;
    for (let i = m.stack.length - 1; i >= 0; i--) {
      const f = fns[i];
      if (f?.catchesErrors === true) return f.callsHandler === true ? 'handler' : 'value';
    }
    // A coroutine's errors end at its resume.
    if (m.owner !== null && m.owner.yieldable) return 'value';
  }
  return null;
};

/**
 * Frames `top` down to 0 of machine `m` (at most `limit`), innermost first,
 * as debug levels see them: suspended frames (and, for a suspended
 * coroutine, all of its frames).
 */
export function machineStack(m: Machine, top: number, limit: number): StackFrame[] {
  const out: StackFrame[] = [];
  for (let i = top; i >= 0 && out.length < limit; i--) {
    const f = m.fns[i] as (LuaFunction & { P?: { chunk?: unknown; proto: { index: number } } }) | undefined;
    const rec = m.recs[i];
    if (f === undefined || f.P === undefined) {
      out.push({ kind: 'host', fnName: f?.name ?? null, fn: f });
      continue;
    }
    // Closing its to-be-closed variables after an error: lua has unwound it already.
    if (rec !== undefined && rec.gone) continue;
    const callSite = siteOf(m.descs[i + 1]);
    const stripped = (f.P as { stripped?: boolean }).stripped === true;
    // Instrumented frames know their line; others wait at their last call.
    const line = stripped ? -1 : rec !== undefined ? rec.line : m.lines[i] ?? -1;
    out.push({ kind: 'lua', chunk: f.P.chunk as StackFrame['chunk'], line, fnName: `$f${f.P.proto.index}`, fn: f, rec, proto: f.P.proto.index, callSite });
  }
  return out;
}

/** A call site from the description a call request carries ("local 'f'", "method 'm'"). */
function siteOf(desc: string | null | undefined): CallSite | undefined {
  if (!desc) return undefined;
  const m = /^(global|local|method|field|upvalue|constant|for iterator|metamethod) '(.*)'$/s.exec(desc);
  return m === null ? undefined : { namewhat: m[1] as CallSite['namewhat'], name: m[2]! };
}

// Tracebacks know that below these the caller is not on the JS stack (traceback.ts).
keepNames({ deep, runResumable, run: Machine.prototype.run, luaMachineRun: (Machine.prototype as unknown as { luaMachineRun: Function }).luaMachineRun });
