// The numeric `for` loop's preparation with lua5.3's rules (DialectSpec
// `forLoop: '5.3'`; the code generator calls it instead of `forprep` for
// such chunks). lvm.c 5.3 OP_FORPREP / OP_FORLOOP:
//
//   - an integer loop when the initial value and the step are integers (not
//     strings) and the limit converts to an integer (forlimit: a float limit
//     is floored, or ceiled for a negative step; one beyond the integer range
//     is clipped to maxinteger/mininteger, or stops the loop at once);
//   - the index starts at `init - step` and each iteration adds the step and
//     continues while `0 < step ? idx <= limit : limit <= idx`. Integer
//     additions wrap around, so a loop whose limit is near maxinteger never
//     ends; a zero step is allowed (the loop runs forever, or not at all);
//   - otherwise all three values become floats (numeric strings convert),
//     checked in the order limit, step, initial value, with 5.3's messages.
//
// The generated loop is `for (i = start; step > 0 ? i <= lim : i >= lim;
// i += step)` over JS numbers (see helper-record.ts forprep for the kinds):
// its test is exactly 5.3's for any step, including 0 and NaN.

import * as N from './number.js';
import { LuaFloat } from './value.js';
import { rtError } from './errors.js';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAXINT = (1n << 63n) - 1n;
const MININT = -(1n << 63n);

/** An integer loop iterated by count: value number |i| is `start + |i| * step`, wrapping (helper-record.ts forval). */
interface BigFor { start: bigint; step: bigint }

function isIntegerValue(v: unknown): v is number | bigint {
  return (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint';
}

function isSafe(v: bigint): boolean {
  return v >= -BigInt(MAX_SAFE) && v <= BigInt(MAX_SAFE);
}

/** forlimit (lvm.c 5.3): the integer limit, or null when the value is not a number; `stop` when the loop must not run. */
function forLimit(b: unknown, step: bigint): { lim: bigint; stop: boolean } | null {
  if (isIntegerValue(b)) return { lim: BigInt(b), stop: false };
  const n = N.tonumber(b);
  if (n === undefined) return null;
  const i = N.toInteger(n, step < 0n ? 'ceil' : 'floor');
  if (i !== undefined) return { lim: BigInt(i), stop: false };
  const f = typeof n === 'number' ? n : (n as LuaFloat).n;
  // Beyond the integer range (or NaN, which is not greater than 0).
  if (0 < f) return { lim: MAXINT, stop: step < 0n };
  return { lim: MININT, stop: step >= 0n };
}

function forFloat(v: unknown, what: string): number {
  const n = N.tonumber(v);
  if (n === undefined) rtError(`'for' ${what} must be a number`);
  return typeof n === 'number' ? n : typeof n === 'bigint' ? Number(n) : n.n;
}

export function forprepWrap(a: unknown, b: unknown, c: unknown): [number, number, number, 0 | 1 | BigFor] {
  if (isIntegerValue(a) && isIntegerValue(c)) {
    const step = BigInt(c);
    const l = forLimit(b, step);
    if (l !== null) {
      const start = l.stop ? 0n : BigInt(a);
      const lim = l.lim;
      if (isSafe(start) && isSafe(lim) && isSafe(step)) return [Number(start), Number(lim), Number(step), 0];
      return bigLoop(start, lim, step);
    }
  }
  const lim = forFloat(b, 'limit');
  const step = forFloat(c, 'step');
  const init = forFloat(a, 'initial value');
  // The first value is computed as lua5.3 does: (init - step) + step.
  return [init - step + step, lim, step, 1];
}

/**
 * An integer loop with values beyond 2^53, as a count: the iterations until
 * the test fails, or endless when the index wraps around before it fails
 * (after wrapping, the index is below the limit again; a loop that would end
 * after wrapping takes more than 2^53 iterations anyway).
 */
function bigLoop(start: bigint, lim: bigint, step: bigint): [number, number, number, BigFor] {
  const kind = { start, step };
  // The generated test may be fixed by the sign of a constant step: count up for a positive step, down for a negative one.
  const s = step < 0n ? -1 : 1;
  const endless: [number, number, number, BigFor] = [0, s * Infinity, s, kind];
  const none: [number, number, number, BigFor] = [s, 0, s, kind];
  if (step === 0n) return lim <= start ? endless : none;
  if (step > 0n ? start > lim : start < lim) return none;
  const count = step > 0n ? (lim - start) / step : (start - lim) / -step;
  const next = start + (count + 1n) * step;
  if (next > MAXINT || next < MININT) return endless;
  return [0, s * (count > BigInt(MAX_SAFE) ? Infinity : Number(count)), s, kind];
}
