// Arithmetic and bitwise operators that convert numeric strings in the VM
// itself (DialectSpec `stringArith: 'convert'`, `stringBitwise`): lua5.3's
// lvm.c, where an operand that is a string makes the arithmetic float
// (`tonumber` gives a lua_Number: `"10" + 1` is 11.0, `-"2"` is -2.0) and
// bitwise operators take strings with an exact integer value (`"3" | 0`).
// The string metatable has no arithmetic metamethods in that dialect.
//
// The code generator calls these instead of ops.arith/arithG for chunks of
// such a dialect (a compile-time choice: 5.4 code never comes here). They
// are the slow paths only: two raw numbers never reach them except for
// bitwise operators, which always do.

import { isNumber, type LuaValue, type LuaNumber } from './value.js';
import * as N from './number.js';
import * as ops from './ops.js';
import { rtError } from './errors.js';
import { callreq, type CallRequest } from './callreq.js';
import type { ArithOp } from './ops.js';

type Desc = string | null | undefined;

const BITWISE = new Set<ArithOp>(['band', 'bor', 'bxor', 'shl', 'shr', 'bnot']);

/** luaV_tonumber_ as a float: numbers and numeric strings; undefined otherwise. */
function toFloatNum(v: unknown): LuaNumber | undefined {
  const n = N.tonumber(v);
  return n === undefined ? undefined : N.toFloat(n);
}

/** luaV_tointeger (mode exact) on numbers and numeric strings. */
function toInt(v: unknown): LuaNumber | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  return N.tointeger(v);
}

/** luaG_opinterror: blame the first operand that is not a number (numeric strings count as numbers). */
function opError(a: unknown, b: unknown, da: Desc, db: Desc, what: string): never {
  if (N.tonumber(a) === undefined) ops.typeError(a, what, da);
  ops.typeError(b, what, db);
}

function withDesc(desc: Desc): string {
  return desc ? ` (${desc})` : '';
}

function step(op: ArithOp, a: unknown, b: unknown, da: Desc, db: Desc): { value: LuaValue } | { mm: unknown } {
  const bitwise = BITWISE.has(op);
  if (bitwise) {
    const ia = toInt(a), ib = toInt(b);
    if (ia !== undefined && ib !== undefined) return { value: ops.numArith(op, ia, ib) };
  } else if (isNumber(a) && isNumber(b)) {
    return { value: ops.numArith(op, a, b) };
  } else {
    const fa = toFloatNum(a), fb = toFloatNum(b);
    if (fa !== undefined && fb !== undefined) return { value: ops.numArith(op, fa, fb) };
  }
  const event = `__${op}`;
  let h = ops.metafield(a, event);
  if (h === undefined) h = ops.metafield(b, event);
  if (h !== undefined) return { mm: h };
  if (!bitwise) opError(a, b, da, db, 'perform arithmetic on');
  if (N.tonumber(a) !== undefined && N.tonumber(b) !== undefined) {
    // luaG_tointerror: blame the first operand without an integer value.
    rtError(`number${withDesc(N.tointeger(a) === undefined ? da : db)} has no integer representation`);
  }
  opError(a, b, da, db, 'perform bitwise operation on');
}

export function arithCvt(op: ArithOp, a: unknown, b: unknown, da?: Desc, db?: Desc): LuaValue {
  const s = step(op, a, b, da, db);
  if ('value' in s) return s.value;
  return ops.first(ops.callMeta(s.mm, op, a as LuaValue, b as LuaValue));
}

export function* arithCvtG(op: ArithOp, a: unknown, b: unknown, da?: Desc, db?: Desc): Generator<CallRequest, LuaValue, unknown> {
  const s = step(op, a, b, da, db);
  if ('value' in s) return s.value;
  const desc = `metamethod '${op}'`;
  if (typeof s.mm !== 'function') ops.callable(s.mm, desc);
  return ops.first(yield callreq(s.mm, [a as LuaValue, b as LuaValue], desc));
}
