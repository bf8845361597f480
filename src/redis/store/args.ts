// Reading command arguments: option names, integers and floats, with
// Redis's error replies when they are not what the command needs.
import { latin1, type RespValue } from '../resp.js';
import { parseDouble, parseInteger } from './numbers.js';
import { fail, NOT_FLOAT, NOT_INTEGER } from './reply.js';

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
