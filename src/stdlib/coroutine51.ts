// The coroutine functions of Lua 5.1 (lbaselib.c of 5.1.5, where they are
// part of the base library): create and wrap take Lua functions only;
// running gives nil on the main thread and the thread alone otherwise;
// resuming a running or normal coroutine says so; wrap adds the position
// to string and number errors; yield outside a coroutine is a yield across
// a C-call boundary. No isyieldable, no close.

import { LuaTable } from '../runtime/table.js';
import { LuaError, where } from '../runtime/errors.js';
import { Coroutine, resume, resumeG, running, type ResumeResult } from '../runtime/coroutine.js';
import { YieldRequest } from '../runtime/callreq.js';
import { E } from '../runtime/engine.js';
import { currentMachine, type LuaFunction } from '../runtime/trampoline.js';
import { LuaFloat } from '../runtime/value.js';
import * as N from '../runtime/number.js';
import type { LuaState } from '../runtime/state.js';
import { argError, registerHostFunction, setFuncs, type Args } from './lauxlib.js';
import { openCoroutine } from './coroutine.js';

/** A Lua function (not a library or host function). */
function luaFunction(args: Args): LuaFunction {
  const f = args[0];
  if (typeof f !== 'function' || (f as { P?: unknown }).P === undefined) argError(1, 'Lua function expected');
  return f as LuaFunction;
}

function co51_create(...args: Args): Coroutine {
  return new Coroutine(luaFunction(args));
}

/** auxresume's check: only a suspended coroutine can be resumed. */
function notResumable(co: Coroutine): string | null {
  return co.status === 'running' || co.status === 'normal' ? `cannot resume ${co.status} coroutine` : null;
}

function co51_resume(...args: Args): unknown {
  const co = args[0];
  if (!(co instanceof Coroutine)) return argError(1, 'coroutine expected');
  const no = notResumable(co);
  if (no !== null) return [false, no];
  const r = resume(co, args.slice(1));
  return r.ok ? [true, ...r.values] : [false, r.error];
}
(co51_resume as { G?: unknown }).G = function* co51_resumeG(...args: Args): Generator<unknown, unknown, unknown> {
  const co = args[0];
  if (!(co instanceof Coroutine)) return argError(1, 'coroutine expected');
  const no = notResumable(co);
  if (no !== null) return [false, no];
  const r = yield* resumeG(co, args.slice(1));
  return r.ok ? [true, ...r.values] : [false, r.error];
};

function wrapResult51(r: ResumeResult): unknown {
  if (r.ok) return r.values;
  let e = r.error;
  // lua_isstring: numbers get the position too.
  if (typeof e === 'string') e = where(1) + e;
  else if (typeof e === 'number' || e instanceof LuaFloat) e = where(1) + N.tostringNumber(e);
  throw new LuaError(e);
}

function co51_wrap(...args: Args): unknown {
  return wrapped51(new Coroutine(luaFunction(args)));
}

/** coroutine.wrap's function: a thin closure around one named library function (see coroutine.ts's wrapped). */
function wrapped51(co: Coroutine): unknown {
  const f = function (...wargs: Args): unknown {
    return co51_wrapped(co, wargs);
  };
  (f as { G?: unknown }).G = function* (...wargs: Args): Generator<unknown, unknown, unknown> {
    return yield* co51_wrappedG(co, wargs);
  };
  return f;
}

function co51_wrapped(co: Coroutine, wargs: Args): unknown {
  const no = notResumable(co);
  return wrapResult51(no !== null ? { ok: false, error: no } as ResumeResult : resume(co, wargs));
}

function* co51_wrappedG(co: Coroutine, wargs: Args): Generator<unknown, unknown, unknown> {
  const no = notResumable(co);
  return wrapResult51(no !== null ? { ok: false, error: no } as ResumeResult : yield* resumeG(co, wargs));
}

registerHostFunction(co51_wrapped);
registerHostFunction(co51_wrappedG);

function co51_running(): unknown {
  const co = running();
  return co === E.main ? undefined : co;
}

function co51_yield(...args: Args): never {
  void args;
  throw new LuaError('attempt to yield across metamethod/C-call boundary');
}
(co51_yield as { G?: unknown }).G = function* co51_yieldG(...args: Args): Generator<YieldRequest, unknown, unknown> {
  // pcall and xpcall are frames of the machine when it can pause inside
  // them (an async run): they are still C calls to lua5.1.
  if (currentMachine()?.insideCBoundary() === true) co51_yield();
  return yield new YieldRequest(args);
};

function co51_status(...args: Args): string {
  const co = args[0];
  if (!(co instanceof Coroutine)) return argError(1, 'coroutine expected');
  return co.status;
}

export function openCoroutine51(L: LuaState): void {
  openCoroutine(L);
  const t = L.loaded.getStr('coroutine') as LuaTable;
  for (const k of ['isyieldable', 'close']) t.setStr(k, undefined);
  setFuncs(t, 'coroutine.', {
    create: co51_create, resume: co51_resume, wrap: co51_wrap, running: co51_running, yield: co51_yield,
    status: co51_status,
  });
}

