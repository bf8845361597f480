// Requests that resumable (generator) code yields to the trampoline.
import type { LuaValue } from './value.js';

/** Call `f` with `args`; the trampoline sends back its result (a value or an array). */
export class CallRequest {
  constructor(
    readonly f: unknown,
    public args: LuaValue[],
    readonly desc: string | null | undefined,
    /** A proper tail call: the requesting frame is replaced by the callee. */
    readonly tail: boolean,
    /** The line of the call in the requesting Lua frame (-1: not a call written in Lua). */
    readonly line = -1,
    /**
     * Made by generated code: the trampoline resumes the requester with this
     * request, its `result` set, and `$take` empties it. A generator keeps the
     * value it was resumed with reachable until it next yields, so sending
     * the result itself would keep it alive for the collector (a dropped
     * result, a temporary long overwritten).
     */
    readonly box = false,
  ) {}
  result: unknown = undefined;
}

/** coroutine.yield: suspend the coroutine, handing `values` to its resumer. */
export class YieldRequest {
  constructor(readonly values: LuaValue[]) {}
}

/**
 * A host function of the embedding API waits for a JS promise (src/api): an
 * awaitable machine (an async run, or a coroutine resumed inside one) stops
 * and hands it to whoever runs it; the async driver resumes it with the
 * settled value, or throws the rejection into it.
 */
export class AwaitRequest {
  constructor(readonly promise: PromiseLike<unknown>) {}
}

/**
 * A machine stopping between two steps of Lua code (limits.ts: time slicing,
 * stepping): an await whose driver gives the event loop a turn, or ends the
 * step, then resumes the machine with nothing.
 */
export const PAUSE = new AwaitRequest({ then: () => { throw new Error('internal: a pause awaited as a promise'); } });

export function callreq(f: unknown, args: LuaValue[], desc?: string | null, line = -1): CallRequest {
  return new CallRequest(f, args, desc, false, line);
}

/** Generated code's call: resumed with the request itself (see `box`). */
export function callreqBoxed(f: unknown, args: LuaValue[], desc?: string | null, line = -1): CallRequest {
  return new CallRequest(f, args, desc, false, line, true);
}

/** The result of a boxed request, which no longer holds it. */
export function take(req: CallRequest): unknown {
  const v = req.result;
  req.result = undefined;
  req.args = NO_ARGS;
  return v;
}

const NO_ARGS: LuaValue[] = [];

export function tailreq(f: unknown, args: LuaValue[], desc?: string | null, line = -1): CallRequest {
  return new CallRequest(f, args, desc, true, line);
}
