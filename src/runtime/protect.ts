// Protected calls from host code (lua's luaD_pcall): the one place that
// knows what a caught error leaves behind. Direct-mode Lua frames add their
// weight to the depth counter on entry and remove it on return, so frames
// that an error unwound never removed theirs: the boundary puts the counter
// back. (LuaState.run and the embedding API's calls are the boundaries into
// a state; this is the boundary inside one, for pcall, xpcall, message
// handlers and finalizers.)

import { E } from './engine.js';
import * as ops from './ops.js';
import { rethrowUncatchable } from './errors.js';
import type { LuaValue } from './value.js';

/** What a protected call caught. */
export class Caught {
  constructor(readonly error: unknown) {}
}

/**
 * Calls Lua value `f` with `args` from host code; returns its results as the
 * callee returned them, or a `Caught` holding the error. `plain`: nothing
 * will read the JS stack of an error raised below (pcall: the error's value
 * is all that survives), so raising one skips capturing it; xpcall's
 * handler may want a traceback.
 */
export function protectedCall(f: unknown, args: LuaValue[], plain: boolean): unknown {
  const e = E;
  const protection = e.protection;
  const depth = e.D.n, levels = e.B.lv;
  const savedPlain = protection.plain, savedWhole = protection.whole;
  protection.plain = plain;
  // Something catches errors raised below: no whole-stack capture for lua.c.
  protection.whole = false;
  protection.n++;
  try {
    return ops.call(f, ...args);
  } catch (err) {
    e.D.n = depth;
    e.B.lv = levels;
    // A limit that was hit ends the run: no protected call stops it.
    rethrowUncatchable(err);
    return new Caught(err);
  } finally {
    protection.n--;
    protection.plain = savedPlain;
    protection.whole = savedWhole;
  }
}
