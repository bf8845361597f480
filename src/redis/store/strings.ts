// String commands: GET, SET and its options, the INCR family, ranges.
import { bytes, concat } from '../resp.js';
import { intArg, option } from './args.js';
import { type Call, type Handler, raw, str } from './keyspace.js';
import { addLongDouble, formatLongDouble, parseLongDouble } from './longdouble.js';
import { fitsInt64, parseInteger } from './numbers.js';
import {
  NIL, NOT_FLOAT, NOT_INTEGER, OK, OVERFLOW, SYNTAX,
  arityError, array, bulk, bulkText, err, fail, int,
} from './reply.js';

/** proto-max-bulk-len: the largest string value (512 MB). */
export const MAX_STRING = 512 * 1024 * 1024;
const TOO_BIG = err('ERR string exceeds maximum allowed size (proto-max-bulk-len)');

/** The string at a key, or undefined; WRONGTYPE for other types. */
function getString(c: Call, key: string): Uint8Array | undefined {
  return c.db.typed(key, 'string', c.now)?.value;
}

/** Stores a string value; the expiry is dropped unless keepTtl. */
function setString(c: Call, key: string, value: Uint8Array, keepTtl = false): void {
  c.db.set(key, { type: 'string', value }, keepTtl);
}

export interface ExpiryOptions {
  /** Absolute time in ms, or undefined when no expiry option was given. */
  at?: bigint;
  persist: boolean;
  keepTtl: boolean;
  nx: boolean;
  xx: boolean;
  get: boolean;
}

/**
 * The options of SET (`forSet`) or GETEX, as Redis's
 * parseExtendedStringArgumentsOrReply: each option is refused (syntax
 * error) when it conflicts with one already seen; the time is checked after
 * every option was read: not an integer, <= 0, or overflowing once in ms.
 */
export function parseExpiryOptions(c: Call, from: number, forSet: boolean, name: string): ExpiryOptions {
  const o: ExpiryOptions = { persist: false, keepTtl: false, nx: false, xx: false, get: false };
  let unit: 'ex' | 'px' | 'exat' | 'pxat' | undefined;
  let time: Uint8Array | undefined;
  const argv = c.argv;
  for (let j = from; j < argv.length; j++) {
    const opt = option(argv[j]!);
    const hasNext = j + 1 < argv.length;
    const timed = unit !== undefined;
    if (opt === 'nx' && !o.xx && forSet) o.nx = true;
    else if (opt === 'xx' && !o.nx && forSet) o.xx = true;
    else if (opt === 'get' && forSet) o.get = true;
    else if (opt === 'keepttl' && !o.persist && !timed && forSet) o.keepTtl = true;
    else if (opt === 'persist' && !forSet && !timed && !o.keepTtl) o.persist = true;
    else if ((opt === 'ex' || opt === 'px' || opt === 'exat' || opt === 'pxat') && !o.keepTtl && !o.persist
      && (unit === undefined || unit === opt) && hasNext) {
      unit = opt;
      time = argv[++j]!;
    } else fail(SYNTAX);
  }
  if (unit !== undefined) o.at = expireTime(c, time!, unit, name);
  return o;
}

/** An absolute expiry time in ms from a relative or absolute seconds/ms argument (getExpireMillisecondsOrReply). */
export function expireTime(c: Call, arg: Uint8Array, unit: 'ex' | 'px' | 'exat' | 'pxat', name: string): bigint {
  const invalid = () => fail(err(`ERR invalid expire time in '${name}' command`));
  let ms = intArg(arg);
  const seconds = unit === 'ex' || unit === 'exat';
  if (ms <= 0n || (seconds && ms > (2n ** 63n - 1n) / 1000n)) invalid();
  if (seconds) ms *= 1000n;
  if (unit === 'ex' || unit === 'px') ms = BigInt.asIntN(64, ms + BigInt(c.now)); // wraps like C on overflow
  if (ms <= 0n) invalid();
  return ms;
}

/** Sets or replaces a key's expiry; a time already past deletes the key (Redis's checkAlreadyExpired). */
export function applyExpiry(c: Call, key: string, at: bigint): void {
  if (at <= c.now) c.db.delete(key);
  else c.db.expires.set(key, at);
}

const set: Handler = (c) => {
  const key = str(c.argv[1]!);
  const o = parseExpiryOptions(c, 3, true, 'set');
  let old: Uint8Array | undefined;
  if (o.get) old = getString(c, key);
  const found = c.db.lookup(key, c.now) !== undefined;
  if ((o.nx && found) || (o.xx && !found)) return o.get && old !== undefined ? bulk(old) : NIL;
  setString(c, key, c.argv[2]!, o.keepTtl);
  if (o.at !== undefined) applyExpiry(c, key, o.at);
  if (o.get) return old === undefined ? NIL : bulk(old);
  return OK;
};

const setex = (unit: 'ex' | 'px', name: string): Handler => (c) => {
  const key = str(c.argv[1]!);
  const at = expireTime(c, c.argv[2]!, unit, name);
  setString(c, key, c.argv[3]!);
  applyExpiry(c, key, at);
  return OK;
};

const get: Handler = (c) => {
  const v = getString(c, str(c.argv[1]!));
  return v === undefined ? NIL : bulk(v);
};

const getex: Handler = (c) => {
  const key = str(c.argv[1]!);
  const o = parseExpiryOptions(c, 2, false, 'getex');
  const v = getString(c, key);
  if (v === undefined) return NIL;
  if (o.at !== undefined) applyExpiry(c, key, o.at);
  else if (o.persist) c.db.expires.delete(key);
  return bulk(v);
};

const getdel: Handler = (c) => {
  const key = str(c.argv[1]!);
  const v = getString(c, key);
  if (v === undefined) return NIL;
  c.db.delete(key);
  return bulk(v);
};

const getset: Handler = (c) => {
  const key = str(c.argv[1]!);
  const old = getString(c, key);
  setString(c, key, c.argv[2]!);
  return old === undefined ? NIL : bulk(old);
};

const setnx: Handler = (c) => {
  const key = str(c.argv[1]!);
  if (c.db.lookup(key, c.now) !== undefined) return int(0);
  setString(c, key, c.argv[2]!);
  return int(1);
};

const mget: Handler = (c) => array(c.argv.slice(1).map((k) => {
  const v = c.db.lookup(str(k), c.now);
  return v?.type === 'string' ? bulk(v.value) : NIL;
}));

const mset = (onlyNew: boolean): Handler => (c) => {
  if (c.argv.length % 2 === 0) return arityError(onlyNew ? 'msetnx' : 'mset');
  if (onlyNew) {
    for (let i = 1; i < c.argv.length; i += 2) if (c.db.lookup(str(c.argv[i]!), c.now) !== undefined) return int(0);
  }
  for (let i = 1; i < c.argv.length; i += 2) setString(c, str(c.argv[i]!), c.argv[i + 1]!);
  return onlyNew ? int(1) : OK;
};

const append: Handler = (c) => {
  const key = str(c.argv[1]!);
  const old = getString(c, key);
  const add = c.argv[2]!;
  if (old === undefined) {
    setString(c, key, add);
    return int(add.length);
  }
  if (old.length + add.length > MAX_STRING) return TOO_BIG;
  const value = concat([old, add]);
  setString(c, key, value, true);
  return int(value.length);
};

const strlen: Handler = (c) => int(getString(c, str(c.argv[1]!))?.length ?? 0);

/** INCR, DECR, INCRBY, DECRBY: `by` reads the increment (parsed before the key is looked up). */
const incrBy = (by: (c: Call) => bigint): Handler => (c) => {
  const delta = by(c);
  const key = str(c.argv[1]!);
  const old = getString(c, key);
  let value = 0n;
  if (old !== undefined) {
    const v = parseInteger(old);
    if (v === null) return NOT_INTEGER;
    value = v;
  }
  const result = value + delta;
  if (!fitsInt64(result)) return OVERFLOW;
  setString(c, key, raw(result.toString()), true);
  return int(result);
};

const decrby: Handler = (c) => {
  const delta = intArg(c.argv[2]!);
  if (delta === -(2n ** 63n)) return err('ERR decrement would overflow');
  return incrBy(() => -delta)(c);
};

const incrbyfloat: Handler = (c) => {
  const key = str(c.argv[1]!);
  const old = getString(c, key);
  const value = old === undefined ? { neg: false, m: 0n, e: 0 } : parseLongDouble(old);
  if (value === null) return NOT_FLOAT;
  const incr = parseLongDouble(c.argv[2]!);
  if (incr === null) return NOT_FLOAT;
  const sum = value === 'inf' || incr === 'inf' ? null : addLongDouble(value, incr);
  if (sum === null) return err('ERR increment would produce NaN or Infinity');
  const text = bytes(formatLongDouble(sum));
  setString(c, key, text, true);
  return bulk(text);
};

/** A range [start, end] of a sequence of length n, as GETRANGE and LRANGE clamp it, or null when empty. */
export function clampRange(start: number, end: number, n: number): [number, number] | null {
  if (start < 0) start += n;
  if (end < 0) end += n;
  if (start < 0) start = 0;
  if (end < 0) end = 0;
  if (end >= n) end = n - 1;
  return start > end || n === 0 ? null : [start, end];
}

const getrange: Handler = (c) => {
  const start = Number(intArg(c.argv[2]!));
  const end = Number(intArg(c.argv[3]!));
  const v = getString(c, str(c.argv[1]!)) ?? new Uint8Array(0);
  if (start < 0 && end < 0 && start > end) return bulkText('');
  const r = clampRange(start, end, v.length);
  return bulk(r === null ? new Uint8Array(0) : v.slice(r[0], r[1] + 1));
};

const setrange: Handler = (c) => {
  const key = str(c.argv[1]!);
  const offset = intArg(c.argv[2]!);
  const add = c.argv[3]!;
  if (offset < 0n) return err('ERR offset is out of range');
  const old = getString(c, key);
  if (old === undefined && add.length === 0) return int(0);
  if (add.length === 0) return int(old!.length);
  if (offset + BigInt(add.length) > BigInt(MAX_STRING)) return TOO_BIG;
  const at = Number(offset);
  const base = old ?? new Uint8Array(0);
  const value = new Uint8Array(Math.max(base.length, at + add.length));
  value.set(base);
  value.set(add, at);
  setString(c, key, value, true);
  return int(value.length);
};

export const STRING_COMMANDS: Record<string, Handler> = {
  get, set, setnx, getset, getdel, getex, mget, append, strlen, getrange, setrange, incrbyfloat, decrby,
  substr: getrange,
  setex: setex('ex', 'setex'),
  psetex: setex('px', 'psetex'),
  mset: mset(false),
  msetnx: mset(true),
  incr: incrBy(() => 1n),
  decr: incrBy(() => -1n),
  incrby: incrBy((c) => intArg(c.argv[2]!)),
};

