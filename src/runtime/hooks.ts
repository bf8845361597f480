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
import { D, currentMachine, type LuaFunction, type Frame } from './trampoline.js';

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
  constructor(readonly fn: LuaFunction | null, readonly va: LuaValue[] | null, readonly tail: boolean) {
    this.stripped = (fn?.P as { stripped?: boolean } | undefined)?.stripped === true;
  }
}

/** The record of a library function's resumable frame (no locals; return hooks only). */
export const HOST_FRAME = new FrameRec(null, null, false);

/** A hook as set by debug.sethook for one thread. */
export interface Hook {
  fn: LuaValue;
  mask: string;
  count: number;
  /** Statements left until the next count event. */
  left: number;
}

/** Keys for per-thread hooks: a coroutine object, or MAIN for the main thread. */
export const MAIN_THREAD = {};

/** Hooks by thread (a dead coroutine keeps its hook for gethook, weakly). */
const hooks = new WeakMap<object, Hook>();
/** Threads with a hook that may still run: debug mode is on while one of them runs. */
const live = new Set<object>();
let forced = false;
let savedLimit = 0;

/** Debug-mode switches, read by the trampoline and by instrumented code. */
export const H = {
  on: false,
  /** Inside a hook: hooks do not fire (lua's allowhook). */
  inHook: false,
  /** The running thread's key (set by the coroutine library). */
  thread: (() => MAIN_THREAD) as () => object,
  /** Calls a Lua function from the host (ops.call), set at start-up to avoid an import cycle. */
  call: null as ((f: LuaValue, ...args: LuaValue[]) => unknown) | null,
  /** Compiles the instrumented twin of a closure (runtime.ts). */
  instrument: null as ((f: LuaFunction) => LuaFunction) | null,
};

/**
 * Debug mode follows the running thread: a hook left on a suspended coroutine
 * must not make the rest of the program pay for it. Called when a hook
 * changes and whenever another thread starts or stops running.
 */
export function update(): void {
  const on = forced || (live.size > 0 && live.has(H.thread()));
  if (on === H.on) return;
  H.on = on;
  if (on) {
    savedLimit = D.limit;
    D.limit = -1e9;
  } else {
    D.limit = savedLimit;
  }
}

export function setHook(thread: object, hook: Hook | null): void {
  if (hook === null) {
    hooks.delete(thread);
    live.delete(thread);
  } else {
    hooks.set(thread, hook);
    live.add(thread);
  }
  update();
}

export function getHook(thread: object): Hook | undefined {
  return hooks.get(thread);
}

/** A dead coroutine's hook can never fire again (and must not keep debug mode on). */
export function forgetThread(thread: object): void {
  if (live.delete(thread)) update();
}

/** A new coroutine starts with its creator's hook (lua_newthread). */
export function inheritHook(child: object): void {
  const h = hooks.get(H.thread());
  if (h !== undefined) setHook(child, { ...h, left: h.count });
}

/** Debug mode for good (debug.upvaluejoin, chunks using getlocal/setlocal/sethook). */
export function forceDebugMode(): void {
  forced = true;
  update();
}

/** The generator to run for `f`: its instrumented variant in debug mode. */
export function frameOf(f: LuaFunction, args: LuaValue[]): Frame {
  const info = f.P as { debugged?: boolean } | undefined;
  if (info === undefined || (!H.on && info.debugged !== true)) return f.G!(...args);
  return instrumented(f).G!(...args);
}

export function instrumented(f: LuaFunction): LuaFunction {
  const self = f as LuaFunction & { I?: LuaFunction };
  if (self.I === undefined) self.I = H.instrument!(f);
  return self.I;
}

/** Fire `event` for the running thread's hook, if its mask asks for it. */
export function fire(event: 'call' | 'tail call' | 'return', rec: FrameRec | null = null, transfer: LuaValue[] | null = null, first = 1): void {
  if (H.inHook) return;
  const h = hooks.get(H.thread());
  if (h === undefined) return;
  const want = event === 'return' ? 'r' : 'c';
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
  H.inHook = true;
  try {
    if (line === undefined) H.call!(h.fn, event);
    else H.call!(h.fn, event, line);
  } finally {
    H.inHook = false;
  }
}

// ------------------------------------------------- called by instrumented code

/** Start of an instrumented function: its frame record, registered with the machine. */
export function enter(va: LuaValue[] | null): FrameRec {
  const m = currentMachine();
  const top = m ? m.stack.length - 1 : -1;
  const rec = new FrameRec(m ? m.fns[top] ?? null : null, va, m ? m.tailAt === top : false);
  if (m) m.recs[top] = rec;
  return rec;
}

/** Once its parameters are registered: the call hook, which sees them as the transferred values. */
export function called(rec: FrameRec, nparams: number): void {
  rec.n = nparams;
  if (!H.on || H.inHook) return;
  const params: LuaValue[] = [];
  for (let i = 0; i < nparams; i++) params.push(rec.slots[i]![1]());
  fire(rec.tail ? 'tail call' : 'call', rec, params, 1);
}

/** A statement at `line` with `nact` active locals: line and count events. */
export function line(rec: FrameRec, ln: number, nact: number, cost = 1): void {
  rec.n = nact;
  // Without line information lua5.4 reports a line (nil) only on entry and
  // after a jump back (luaG_traceexec).
  const changed = rec.stripped ? rec.line === -1 || rec.back : rec.line !== ln || rec.back;
  rec.line = ln;
  rec.back = false;
  if (!H.on || H.inHook) return;
  const h = hooks.get(H.thread());
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
  if (!H.on || H.inHook) return;
  const h = hooks.get(H.thread());
  if (h === undefined || !h.mask.includes('l')) return;
  rec.hooked = true;
  try {
    runHook(h, 'line', ln);
  } finally {
    rec.hooked = false;
  }
}
