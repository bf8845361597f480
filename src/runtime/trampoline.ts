// The trampoline that runs resumable (generator) code.
//
// Direct-mode code calls Lua functions as plain JS calls, counting depth in
// `D.n`. When the count passes `D.limit` (what the JS stack can safely hold),
// the callee continues in its resumable variant on a `Machine`: a heap stack
// of generator frames. Each call in resumable code is yielded to the machine,
// which pushes the callee's generator; so depth is bounded by memory (and by
// the Lua limit `LUAI_MAXSTACK`), tail calls replace frames, and a whole
// stack can be suspended — which is how coroutines work.

import { CallRequest, YieldRequest } from './callreq.js';
import { metafield, typeError } from './ops.js';
import { LuaError, rtError } from './errors.js';
import type { LuaValue } from './value.js';

/**
 * Stack use of direct-mode code, in units of 64 bytes (each function adds its
 * frame's weight on entry and removes it on return), and the point where
 * calls switch to the heap stack: half the JS stack V8 was given.
 */
export const D = { n: 0, limit: stackUnits() };

function stackUnits(): number {
  let kb = 984; // V8's default --stack-size
  const flags = [...(globalThis.process?.execArgv ?? []), ...(globalThis.process?.env?.NODE_OPTIONS ?? '').split(/\s+/)];
  for (const f of flags) {
    const m = /^--stack[-_]size=(\d+)$/.exec(f);
    if (m) kb = Number(m[1]);
  }
  return Math.floor((kb * 1024 * 0.5) / 64);
}

/** Total Lua call depth allowed (lua5.4 gives "stack overflow" near 200000 C-less levels). */
export const MAX_LUA_DEPTH = 220000;

export type LuaFunction = ((...args: LuaValue[]) => unknown) & { G?: (...args: LuaValue[]) => Frame; P?: unknown };
export type Frame = Generator<unknown, unknown, unknown>;

export type MachineResult = { done: true; value: unknown } | { done: false; values: LuaValue[] };

/** The coroutine whose machine is running (null: the main thread). */
export interface MachineOwner {
  /** May this machine suspend on a yield request? */
  readonly yieldable: boolean;
}

export class Machine {
  readonly stack: Frame[] = [];
  constructor(readonly owner: MachineOwner | null) {}

  /**
   * Run until the stack empties (its bottom frame's result) or a yield
   * reaches a yieldable machine. `input` is sent into the top frame, as a
   * value or (isThrow) an exception.
   */
  run(input: unknown, isThrow: boolean): MachineResult {
    const stack = this.stack;
    let value = input;
    let thrown = isThrow;
    for (;;) {
      const g = stack[stack.length - 1];
      let r: IteratorResult<unknown, unknown>;
      try {
        r = thrown ? g.throw(value) : g.next(value);
      } catch (e) {
        stack.pop();
        if (stack.length === 0) throw e;
        value = e;
        thrown = true;
        continue;
      }
      if (r.done) {
        stack.pop();
        if (stack.length === 0) return { done: true, value: r.value };
        value = r.value;
        thrown = false;
        continue;
      }
      const req = r.value;
      thrown = false;
      if (req instanceof CallRequest) {
        try {
          let f = req.f as LuaFunction;
          let args = req.args;
          // __call: call the handler with the object prepended.
          for (let hops = 0; typeof f !== 'function'; hops++) {
            const h = metafield(f, '__call');
            if (h === undefined || hops > 100) typeError(f, 'call', hops === 0 ? req.desc : null);
            args = [f as unknown as LuaValue, ...args];
            f = h as LuaFunction;
          }
          const G = f.G;
          if (G !== undefined) {
            if (stack.length >= MAX_LUA_DEPTH) rtError('stack overflow');
            if (req.tail) stack.pop();
            stack.push(G(...args));
            value = undefined;
          } else {
            value = f(...args);
          }
        } catch (e) {
          value = e;
          thrown = true;
        }
        continue;
      }
      if (req instanceof YieldRequest) {
        if (this.owner !== null && this.owner.yieldable) return { done: false, values: req.values };
        value = new LuaError(this.owner === null ? 'attempt to yield from outside a coroutine' : 'attempt to yield across a C-call boundary');
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
    m.stack.push(f.G!(...args));
    const r = m.run(undefined, false);
    if (!r.done) throw new Error('internal: deep machine suspended');
    return r.value;
  } finally {
    D.n -= weight;
  }
}

/** Set by the coroutine library: a non-yieldable owner describing where we are. */
let ownerForDeep: () => MachineOwner | null = () => null;
export function setDeepOwner(fn: () => MachineOwner | null): void {
  ownerForDeep = fn;
}
function currentOwnerForDeep(): MachineOwner | null {
  return ownerForDeep();
}

/** Run any Lua function to completion on a fresh machine (used for resumable-only entry points). */
export function runResumable(f: LuaFunction, args: LuaValue[], owner: MachineOwner | null): unknown {
  const m = new Machine(owner);
  m.stack.push(f.G!(...args));
  const r = m.run(undefined, false);
  if (!r.done) throw new Error('internal: machine suspended');
  return r.value;
}
