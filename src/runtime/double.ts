// The 'double' number model (Lua 5.1, dialect.ts): every number is a double,
// held as a raw JS number. Compiled code does arithmetic on two JS numbers
// inline (codegen's DOUBLE_ARITH); what it cannot do lands here: numeric
// strings, `LuaFloat` boxes made by library code shared with 5.4 (the same
// number), metamethods and errors. Also the numeric `for` loop's set-up and
// the string -> number conversion of arithmetic (strtod.ts).

import { LuaFloat, type LuaValue } from './value.js';
import { str2number51 } from './strtod.js';
import { floatPow, nanOf } from './number.js';
import { callMeta, first, metafield, typeError, type ArithOp } from './ops.js';
import { rtError } from './errors.js';

/** A value as a 5.1 number (luaV_tonumber: numbers, boxes and numeric strings), or undefined. */
export function tonumber51(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (v instanceof LuaFloat) return v.n;
  if (typeof v === 'string') return str2number51(v);
  if (typeof v === 'bigint') return Number(v);
  return undefined;
}

/** luai_num* on two doubles; a NaN result gets x86's sign (nanOf). */
export function arithDoubles(op: ArithOp, a: number, b: number): number {
  let r: number;
  switch (op) {
    case 'add': r = a + b; break;
    case 'sub': r = a - b; break;
    case 'mul': r = a * b; break;
    case 'div': r = a / b; break;
    case 'mod': r = a - Math.floor(a / b) * b; break;
    case 'pow': r = floatPow(a, b); break;
    case 'unm': r = -a; break;
    default: throw new Error(`no ${op} in the double number model`);
  }
  return r === r ? r : nanOf(a, b);
}

type Desc = string | null | undefined;

/** luaV_arith: numbers (and numeric strings) directly, else `__<op>` of either operand, else luaG_aritherror. */
function arithStep(op: ArithOp, a: unknown, b: unknown, da: Desc, db: Desc): { value: number } | { mm: unknown } {
  const x = tonumber51(a), y = tonumber51(b);
  if (x !== undefined && y !== undefined) return { value: arithDoubles(op, x, y) };
  const event = `__${op}`;
  let h = metafield(a, event);
  if (h === undefined) h = metafield(b, event);
  if (h !== undefined) return { mm: h };
  // luaG_aritherror: blame the second operand when the first converts.
  if (x === undefined) typeError(a, 'perform arithmetic on', da);
  typeError(b, 'perform arithmetic on', db);
}

export function arith51(op: ArithOp, a: unknown, b: unknown, da?: string | null, db?: string | null): LuaValue {
  const step = arithStep(op, a, b, da, db);
  if ('value' in step) return step.value;
  return first(callMeta(step.mm, op, a as LuaValue, b as LuaValue));
}

/**
 * OP_FORPREP of 5.1 for values that are not all raw numbers: numeric
 * strings and boxes convert. The loop then runs from `(init - step) + step`,
 * as 5.1's does (it subtracts the step before its first increment).
 */
export function forprep51(a: unknown, b: unknown, c: unknown): [number, number, number, 0] {
  const init = tonumber51(a);
  if (init === undefined) rtError("'for' initial value must be a number");
  const limit = tonumber51(b);
  if (limit === undefined) rtError("'for' limit must be a number");
  const step = tonumber51(c);
  if (step === undefined) rtError("'for' step must be a number");
  return [init - step + step, limit, step, 0];
}
