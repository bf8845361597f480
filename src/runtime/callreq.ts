// Requests that resumable (generator) code yields to the trampoline.
import type { LuaValue } from './value.js';

/** Call `f` with `args`; the trampoline sends back its result (a value or an array). */
export class CallRequest {
  constructor(
    readonly f: unknown,
    readonly args: LuaValue[],
    readonly desc: string | null | undefined,
    /** A proper tail call: the requesting frame is replaced by the callee. */
    readonly tail: boolean,
    /** The line of the call in the requesting Lua frame (-1: not a call written in Lua). */
    readonly line = -1,
    /** A call statement: its results are dropped, not sent back to the requester. */
    readonly drop = false,
  ) {}
}

/** coroutine.yield: suspend the coroutine, handing `values` to its resumer. */
export class YieldRequest {
  constructor(readonly values: LuaValue[]) {}
}

export function callreq(f: unknown, args: LuaValue[], desc?: string | null, line = -1): CallRequest {
  return new CallRequest(f, args, desc, false, line);
}

export function callstat(f: unknown, args: LuaValue[], desc?: string | null, line = -1): CallRequest {
  return new CallRequest(f, args, desc, false, line, true);
}

export function tailreq(f: unknown, args: LuaValue[], desc?: string | null, line = -1): CallRequest {
  return new CallRequest(f, args, desc, true, line);
}
