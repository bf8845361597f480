// Debug hooks and inspectable frames ("debug mode").
//
// Ordinary compiled code keeps no frame state and calls no hooks. While a
// hook is set (and for good after debug.upvaluejoin, or once a chunk that
// mentions getlocal, setlocal or sethook is loaded), the engine is in debug mode:
//   - D.limit is lowered below any depth, so every direct-mode Lua call goes
//     to `deep`, which runs the callee on a Machine (the trampoline);
//   - the Machine runs each Lua function's *instrumented* variant: the
//     resumable (generator) code of the same function compiled with
//     `instrument`, which keeps a FrameRec (current line, accessors for its
//     active locals, varargs) and reports every statement to `line` below;
//   - the Machine fires call and return hooks around every call.
// Code already running in direct mode when debug mode starts goes on
// uninstrumented until it returns (lua5.4 would report its lines too).
// Instrumented variants are compiled lazily, per chunk, from the chunk's
// source; a closure's instrumented twin shares its upvalue cells.

import type { LuaValue } from './value.js';
import type { LuaFunction, Frame } from './trampoline.js';
import { E, type Hook } from './engine.js';
import { keepNames } from './names.js';
import { resumableOf } from './resumable.js';
export type { Hook };

/** Accessor pair for one active local of an instrumented frame. */
export type LocalSlot = [name: string, get: () => LuaValue, set: (v: LuaValue) => void];

/** The inspectable state of one running instrumented Lua function. */
export class FrameRec {
  /** Current line (-1 before the first statement). */
  line = -1;
  /** Active locals: slots[0..n-1]. */
  slots: LocalSlot[] = [];
  n = 0;
  /** Set by a backward jump: the next statement reports its line even if unchanged. */
  back = false;
  /** Unwinding after an error (closing its to-be-closed variables). */
  gone = false;
  /**
   * Values transferred by the call or return whose hook is running
   * (getinfo's ftransfer/ntransfer): slots ftransfer.. of getlocal.
   */
  transfer: LuaValue[] | null = null;
  ftransfer = 0;
  /**
   * Lua temporaries: values an expression holds while it calls a function
   * (slots n+1.. of getlocal). A line or count hook also sees slot n+1, a
   * register lua reserves for the statement, as a temporary.
   */
  readonly temps: LuaValue[] = [];
  /** A line or count hook of this frame is running. */
  hooked = false;
  /** Loaded from a stripped binary chunk: no line information for hooks. */
  readonly stripped: boolean;
  /** Callers removed by tail calls on the way to this frame (tailReturns dialects). */
  tails = 0;
  constructor(readonly fn: LuaFunction | null, readonly va: LuaValue[] | null, readonly tail: boolean) {
    this.stripped = (fn?.P as { stripped?: boolean } | undefined)?.stripped === true;
  }
}

/** The record of a library function's resumable frame (no locals; return hooks only). */
export const HOST_FRAME = new FrameRec(null, null, false);


/** Keys for per-thread hooks: a coroutine object, or MAIN for the main thread. */
export const MAIN_THREAD = {};

/** The running thread's key: the running coroutine, or MAIN_THREAD. */
export function runningThreadKey(): object {
  const co = E.current;
  return co.isMain ? MAIN_THREAD : co;
}

/** Wiring set once at start-up by loader.ts (it would be an import cycle): no state. */
export const H = {
  /** Calls a Lua function from the host (ops.call). */
  call: null as ((f: LuaValue, ...args: LuaValue[]) => unknown) | null,
  /** Compiles the instrumented twin of a closure (loader.ts). */
  instrument: null as ((f: LuaFunction) => LuaFunction) | null,
};

/**
 * Debug mode follows the running thread: a hook left on a suspended coroutine
 * must not make the rest of the program pay for it. Called when a hook
 * changes and whenever another thread starts or stops running.
 */
export function update(): void {
  const hs = E.hooks;
  const on = hs.forced || (hs.live.size > 0 && hs.live.has(runningThreadKey()));
  if (on === hs.on) return;
  hs.on = on;
  if (on) {
    hs.savedLimit = hs.D.limit;
    hs.D.limit = -1e9;
  } else {
    hs.D.limit = hs.savedLimit;
  }
}

export function setHook(thread: object, hook: Hook | null): void {
  const hs = E.hooks;
  if (hook === null) {
    hs.byThread.delete(thread);
    hs.live.delete(thread);
  } else {
    hs.byThread.set(thread, hook);
    hs.live.add(thread);
  }
  update();
}

export function getHook(thread: object): Hook | undefined {
  return E.hooks.byThread.get(thread);
}

/** A dead coroutine's hook can never fire again (and must not keep debug mode on). */
export function forgetThread(thread: object): void {
  if (E.hooks.live.delete(thread)) update();
}

/** A new coroutine starts with its creator's hook (lua_newthread). */
export function inheritHook(child: object): void {
  const h = E.hooks.byThread.get(runningThreadKey());
  if (h !== undefined) setHook(child, { ...h, left: h.count });
}

/** Debug mode for good (debug.upvaluejoin, chunks using getlocal/setlocal/sethook). */
export function forceDebugMode(): void {
  E.hooks.forced = true;
  update();
}

/** The generator to run for `f`: its instrumented variant in debug mode. */
export function frameOf(f: LuaFunction, args: LuaValue[]): Frame {
  const info = f.P as { debugged?: boolean } | undefined;
  if (info === undefined || (!E.hooks.on && info.debugged !== true)) return resumableOf(f)(...args);
  return resumableOf(instrumented(f))(...args);
}

export function instrumented(f: LuaFunction): LuaFunction {
  const self = f as LuaFunction & { I?: LuaFunction };
  if (self.I === undefined) self.I = H.instrument!(f);
  return self.I;
}

/** Fire `event` for the running thread's hook, if its mask asks for it. */
export function fire(event: 'call' | 'tail call' | 'return' | 'tail return', rec: FrameRec | null = null, transfer: LuaValue[] | null = null, first = 1): void {
  if (E.hooks.inHook) return;
  const h = E.hooks.byThread.get(runningThreadKey());
  if (h === undefined) return;
  const want = event === 'return' || event === 'tail return' ? 'r' : 'c';
  if (!h.mask.includes(want)) return;
  if (rec === null) {
    runHook(h, event, undefined);
    return;
  }
  rec.transfer = transfer;
  rec.ftransfer = first;
  try {
    runHook(h, event, undefined);
  } finally {
    rec.transfer = null;
    rec.ftransfer = 0;
  }
}

function runHook(h: Hook, event: string, line: number | undefined): void {
  const hs = E.hooks;
  hs.inHook = true;
  try {
    if (line === undefined) H.call!(h.fn, event);
    else H.call!(h.fn, event, line);
  } finally {
    hs.inHook = false;
  }
}

// ------------------------------------------------- called by instrumented code

/** Start of an instrumented function: its frame record, registered with the machine. */
export function enter(va: LuaValue[] | null): FrameRec {
  // The innermost running machine (the trampoline registers itself with the engine).
  const m = E.machines[E.machines.length - 1];
  const top = m ? m.stack.length - 1 : -1;
  const rec = new FrameRec(m ? m.fns[top] ?? null : null, va, m ? m.tailAt === top : false);
  if (rec.tail) rec.tails = m!.tailCount;
  if (m) m.recs[top] = rec;
  return rec;
}

/** Once its parameters are registered: the call hook, which sees them as the transferred values. */
export function called(rec: FrameRec, nparams: number): void {
  rec.n = nparams;
  if (!E.hooks.on || E.hooks.inHook) return;
  const params: LuaValue[] = [];
  for (let i = 0; i < nparams; i++) params.push(rec.slots[i]![1]());
  fire(rec.tail && !E.dialect.tailReturns ? 'tail call' : 'call', rec, params, 1);
}

/** A statement at `line` with `nact` active locals: line and count events. */
export function line(rec: FrameRec, ln: number, nact: number, cost = 1): void {
  rec.n = nact;
  // Without line information lua5.4 reports a line (nil) only on entry and
  // after a jump back (luaG_traceexec).
  const changed = rec.stripped ? rec.line === -1 || rec.back : rec.line !== ln || rec.back;
  rec.line = ln;
  rec.back = false;
  if (!E.hooks.on || E.hooks.inHook) return;
  const h = E.hooks.byThread.get(runningThreadKey());
  if (h === undefined) return;
  // Count events approximate lua's instruction count: one per statement,
  // plus `cost - 1` for statements known to run several (a numeric for's set-up).
  rec.hooked = true;
  try {
    if (h.count > 0) {
      h.left -= cost;
      while (h.left <= 0) {
        h.left += h.count;
        runHook(h, 'count', undefined);
      }
    }
    if (changed && h.mask.includes('l')) runHook(h, 'line', rec.stripped ? undefined : ln);
  } finally {
    rec.hooked = false;
  }
}

/**
 * A call at `ln` from an instrumented frame. lua's call instruction carries
 * the line where the called expression starts, so a call on another line than
 * the statement's (an argument spanning lines, `f(\n g())`) is a line event,
 * and while it waits the frame's current line is the call's (getinfo, and the
 * line the next statement compares with: lua's oldpc after a return).
 */
export function callLine(rec: FrameRec, ln: number): void {
  if (rec.stripped || rec.line === ln) return;
  rec.line = ln;
  if (!E.hooks.on || E.hooks.inHook) return;
  const h = E.hooks.byThread.get(runningThreadKey());
  if (h === undefined || !h.mask.includes('l')) return;
  rec.hooked = true;
  try {
    runHook(h, 'line', ln);
  } finally {
    rec.hooked = false;
  }
}

// Tracebacks recognise a hook's level by its caller (traceback.ts).
keepNames({ runHook });
