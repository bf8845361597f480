// Reading command arguments: option names, integers and floats, with
// Redis's error replies when they are not what the command needs.
import { latin1, type RespValue } from '../resp.js';
import { parseLongDouble } from './longdouble.js';
import { parseDouble, parseInteger } from './numbers.js';
import { err, fail, NOT_FLOAT, NOT_INTEGER, SYNTAX } from './reply.js';

/** An argument as lowercase ASCII text, for comparing with option names. */
export function option(b: Uint8Array): string {
  return latin1(b).toLowerCase();
}

/** An integer argument (string2ll), or `error` (default: not an integer or out of range). */
export function intArg(b: Uint8Array, error: RespValue = NOT_INTEGER): bigint {
  const v = parseInteger(b);
  return v === null ? fail(error) : v;
}

/** An integer argument that must fit in a JS number (indexes, counts); int64 range checked first. */
export function numArg(b: Uint8Array, error: RespValue = NOT_INTEGER): number {
  return Number(intArg(b, error));
}

/** A double argument (strtod), or `error` (default: not a valid float). */
export function floatArg(b: Uint8Array, error: RespValue = NOT_FLOAT): number {
  const v = parseDouble(b);
  return v === null ? fail(error) : v;
}

/** Two byte strings are equal. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Checks a blocking command's timeout in seconds (getTimeoutFromObjectOrReply):
 * a long double, times 1000, rounded up, as a C long long. Redis 7.0 casts
 * without a range check, so infinite and huge timeouts come out negative.
 * The store never blocks (see lists.ts), so the value itself is not needed.
 */
export function checkTimeout(b: Uint8Array): void {
  const v = parseLongDouble(b);
  if (v === null) fail(err('ERR timeout is not a float or out of range'));
  const negative = err('ERR timeout is negative');
  if (v === 'inf') fail(negative);
  // ceil(v * 1000), exactly: a positive value rounds up, a negative one toward zero.
  let ms: bigint;
  if (v.e >= 0) ms = (v.m << BigInt(v.e)) * 1000n;
  else {
    const shift = BigInt(-v.e);
    const n = v.m * 1000n;
    ms = n >> shift;
    if (!v.neg && ms << shift !== n) ms += 1n;
  }
  if (v.neg) ms = -ms;
  if (ms < 0n || ms >= 2n ** 63n) fail(negative);
}

/** A count that must be in [min, LONG_MAX] (getRangeLongFromObjectOrReply with a message): `msg` otherwise. */
export function rangeArg(b: Uint8Array, min: number, msg: string): number {
  const v = intArg(b, err(msg));
  if (v < BigInt(min)) fail(err(msg));
  return Number(v);
}

/**
 * The arguments of LMPOP and ZMPOP, and of BLMPOP and BZMPOP (a timeout
 * first): `numkeys key... WHERE [COUNT n]`, where WHERE is one of `sides`
 * (lowercase). Syntax errors are raised (fail) in Redis's order: the side
 * before the count.
 */
export function mpopArgs(argv: readonly Uint8Array[], blocking: boolean, sides: readonly string[]): { keys: Uint8Array[]; side: string; count: number } {
  const at = blocking ? 2 : 1;
  if (blocking) checkTimeout(argv[1]!);
  const numkeys = rangeArg(argv[at]!, 1, 'ERR numkeys should be greater than 0');
  const whereAt = at + numkeys + 1;
  if (whereAt >= argv.length) fail(SYNTAX);
  const side = option(argv[whereAt]!);
  if (!sides.includes(side)) fail(SYNTAX);
  let count = -1;
  for (let j = whereAt + 1; j < argv.length; j++) {
    if (count === -1 && option(argv[j]!) === 'count' && j + 1 < argv.length) {
      count = rangeArg(argv[++j]!, 1, 'ERR count should be greater than 0');
    } else fail(SYNTAX);
  }
  return { keys: argv.slice(at + 1, at + 1 + numkeys), side, count: count === -1 ? 1 : count };
}
