// The coroutine library (lcorolib.c).
import { yieldAcrossMessage } from '../runtime/dialect.js';
import { LuaTable } from '../runtime/table.js';
import { HostError, LuaError, where } from '../runtime/errors.js';
import * as ops from '../runtime/ops.js';
import { YieldRequest } from '../runtime/callreq.js';
import { Coroutine, close, resume, resumeG, running, type ResumeResult } from '../runtime/coroutine.js';
import { E } from '../runtime/engine.js';
import type { LuaFunction } from '../runtime/trampoline.js';
import type { LuaValue } from '../runtime/value.js';
import type { LuaState } from '../runtime/state.js';
import { argError, checkAny, expectedError, luaError, registerHostFunction, setFuncs, typeError, type Args } from './lauxlib.js';

function checkCo(args: Args, i: number): Coroutine {
  const co = args[i];
  if (!(co instanceof Coroutine)) {
    if (E.dialect.messages === '5.1') argError(i + 1, 'coroutine expected');
    expectedError(args, i, 'thread');
  }
  return co;
}

function newCoroutine(args: Args): Coroutine {
  const f = args[0];
  // 5.1 runs only Lua functions as coroutines.
  if (E.dialect.messages === '5.1' && (typeof f !== 'function' || (f as LuaFunction).P === undefined)) argError(1, 'Lua function expected');
  if (typeof f !== 'function') typeError(args, 0, 'function');
  return new Coroutine(f as LuaFunction);
}

function co_create(...args: Args): Coroutine {
  return newCoroutine(args);
}

function co_resume(...args: Args): unknown {
  const co = checkCo(args, 0);
  const r = resume(co, args.slice(1));
  return r.ok ? [true, ...r.values] : [false, r.error];
}
// From resumable code: an await inside the coroutine (an async run, src/api) passes through.
(co_resume as { G?: unknown }).G = function* co_resumeG(...args: Args): Generator<unknown, unknown, unknown> {
  const co = checkCo(args, 0);
  const r = yield* resumeG(co, args.slice(1));
  return r.ok ? [true, ...r.values] : [false, r.error];
};

function co_wrap(...args: Args): unknown {
  return wrapped(newCoroutine(args));
}

/**
 * coroutine.wrap's function, made on every call, is a thin closure around
 * one library function named once (registered below): tracebacks and
 * error positions see that function's frame. (Naming each closure costs a
 * defineProperty or a computed key per call, about 300 ns.)
 */
function wrapped(co: Coroutine) {
  const f = function (...wargs: Args): unknown {
    return co_wrapped(co, wargs);
  };
  // From resumable code: an await inside the coroutine (an async run, src/api) passes through.
  (f as { G?: unknown }).G = function* (...wargs: Args): Generator<unknown, unknown, unknown> {
    return yield* co_wrappedG(co, wargs);
  };
  return f;
}

function co_wrapped(co: Coroutine, wargs: Args): unknown {
  return wrapResult(co, resume(co, wargs));
}

function* co_wrappedG(co: Coroutine, wargs: Args): Generator<unknown, unknown, unknown> {
  return wrapResult(co, yield* resumeG(co, wargs));
}

registerHostFunction(co_wrapped);
registerHostFunction(co_wrappedG);

function wrapResult(co: Coroutine, r: ResumeResult): unknown {
  if (r.ok) return r.values;
  let e = r.error;
  // A host function's exception that killed it now (not a later "cannot resume dead coroutine").
  let cause = co.status === 'dead' && e === co.errorValue ? co.hostCause : undefined;
  if (co.status === 'dead') {
    // Close its pending variables (lua_closethread) before propagating.
    const c = close(co);
    if (!c.ok) {
      // A __close that failed replaces the error (and its JS exception).
      if (c.error !== e) cause = undefined;
      e = c.error;
    }
  }
  if (typeof e === 'string') e = where(1) + e;
  // A host function's JS exception goes on as itself (src/api).
  throw cause !== undefined ? new HostError(e, cause.hostCause) : new LuaError(e);
}

function co_yield(...args: Args): never {
  void args;
  // lua_yieldk raises these without a position (the running function is C).
  throw new LuaError(yieldAcrossMessage(E.dialect, running().isMain));
}
(co_yield as { G?: unknown }).G = function* co_yieldG(...args: Args): Generator<YieldRequest, unknown, unknown> {
  return yield new YieldRequest(args);
};

function co_status(...args: Args): string {
  const co = checkCo(args, 0);
  return co.status;
}

function co_running(): unknown {
  const co = running();
  return [co === E.main ? mainThreadValue() : co, co === E.main];
}

function mainThreadValue(): Coroutine {
  return E.mainThread ?? E.main;
}

function co_isyieldable(...args: Args): boolean {
  // 5.3's takes no argument (DialectSpec coroutineClose: the 5.4 library).
  const co = args.length > 0 && E.dialect.coroutineClose ? checkCo(args, 0) : running();
  // Running inside a library function's call back into Lua: not yieldable.
  return co.yieldable && (co !== running() || E.C.n === co.cbase);
}

function co_close(...args: Args): unknown {
  const co = checkCo(args, 0);
  if (co.status === 'running' || co.status === 'normal') luaError(`cannot close a ${co.status} coroutine`);
  const r = close(co);
  return r.ok ? true : [false, r.error];
}


export function openCoroutine(L: LuaState): void {
  const t = new LuaTable();
  setFuncs(t, 'coroutine.', {
    create: co_create, resume: co_resume, yield: co_yield, status: co_status, wrap: co_wrap,
    running: co_running, isyieldable: co_isyieldable,
  });
  if (L.engine.dialect.coroutineClose) setFuncs(t, 'coroutine.', { close: co_close });
  L.globals.setStr('coroutine', t);
  L.loaded.setStr('coroutine', t);
}

export { checkAny, ops, type LuaValue };
