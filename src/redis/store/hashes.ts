// Hash commands. Fields keep insertion order, as Redis's listpack encoding
// does for small hashes (up to 128 fields of up to 64 bytes); larger
// hashes are in hash-table order on a real server, which tests compare sorted.
import { bytes } from '../resp.js';
import { intArg, option } from './args.js';
import { type Call, type Handler, raw, str } from './keyspace.js';
import { scanArgs, scanReply } from './keys.js';
import { addLongDouble, formatLongDouble, parseLongDouble } from './longdouble.js';
import { fitsInt64, parseInteger } from './numbers.js';
import { NIL, NOT_FLOAT, OK, OVERFLOW, SYNTAX, array, arityError, bulk, err, int, map } from './reply.js';

/** The hash at argv[1], or undefined; WRONGTYPE for other types. */
function getHash(c: Call): Map<string, Uint8Array> | undefined {
  return c.db.typed(str(c.argv[1]!), 'hash', c.now)?.value;
}

/** The hash at argv[1], created empty when absent. */
function hashForWrite(c: Call): Map<string, Uint8Array> {
  const existing = getHash(c);
  if (existing) return existing;
  const value = new Map<string, Uint8Array>();
  c.db.set(str(c.argv[1]!), { type: 'hash', value });
  return value;
}

const hset = (name: 'hset' | 'hmset'): Handler => (c) => {
  if (c.argv.length % 2 === 1) return arityError(name);
  const h = hashForWrite(c);
  let added = 0;
  for (let i = 2; i < c.argv.length; i += 2) {
    const f = str(c.argv[i]!);
    if (!h.has(f)) added++;
    h.set(f, c.argv[i + 1]!);
  }
  return name === 'hset' ? int(added) : OK;
};

const hsetnx: Handler = (c) => {
  const h = hashForWrite(c);
  const f = str(c.argv[2]!);
  if (h.has(f)) return int(0);
  h.set(f, c.argv[3]!);
  return int(1);
};

const hget: Handler = (c) => {
  const v = getHash(c)?.get(str(c.argv[2]!));
  return v === undefined ? NIL : bulk(v);
};

const hmget: Handler = (c) => {
  const h = getHash(c);
  return array(c.argv.slice(2).map((f) => {
    const v = h?.get(str(f));
    return v === undefined ? NIL : bulk(v);
  }));
};

const hgetall: Handler = (c) => map([...(getHash(c) ?? [])].map(([f, v]) => [bulk(raw(f)), bulk(v)]));
const hkeys: Handler = (c) => array([...(getHash(c)?.keys() ?? [])].map((f) => bulk(raw(f))));
const hvals: Handler = (c) => array([...(getHash(c)?.values() ?? [])].map((v) => bulk(v)));
const hlen: Handler = (c) => int(getHash(c)?.size ?? 0);
const hexists: Handler = (c) => int(getHash(c)?.has(str(c.argv[2]!)) ? 1 : 0);
const hstrlen: Handler = (c) => int(getHash(c)?.get(str(c.argv[2]!))?.length ?? 0);

const hdel: Handler = (c) => {
  const h = getHash(c);
  if (!h) return int(0);
  let n = 0;
  for (const f of c.argv.slice(2)) if (h.delete(str(f))) n++;
  if (h.size === 0) c.db.delete(str(c.argv[1]!));
  return int(n);
};

const hincrby: Handler = (c) => {
  const delta = intArg(c.argv[3]!);
  const h = hashForWrite(c);
  const f = str(c.argv[2]!);
  const old = h.get(f);
  let value = 0n;
  if (old !== undefined) {
    const v = parseInteger(old);
    if (v === null) return err('ERR hash value is not an integer');
    value = v;
  }
  const result = value + delta;
  if (!fitsInt64(result)) return OVERFLOW;
  h.set(f, raw(result.toString()));
  return int(result);
};

const hincrbyfloat: Handler = (c) => {
  const incr = parseLongDouble(c.argv[3]!);
  if (incr === null) return NOT_FLOAT;
  if (incr === 'inf') return err('ERR value is NaN or Infinity');
  const h = hashForWrite(c);
  const f = str(c.argv[2]!);
  const old = h.get(f);
  const value = old === undefined ? { neg: false, m: 0n, e: 0 } : parseLongDouble(old);
  if (value === null) return err('ERR hash value is not a float');
  const sum = value === 'inf' ? null : addLongDouble(value, incr);
  if (sum === null) return err('ERR increment would produce NaN or Infinity');
  const text = bytes(formatLongDouble(sum));
  h.set(f, text);
  return bulk(text);
};

/** HSCAN: every matching field and its value in one call (what Redis does for listpack-encoded hashes). */
const hscan: Handler = (c) => {
  const { start, match } = scanArgs(c, 2, false);
  const h = getHash(c);
  const out: Uint8Array[] = [];
  if (h && start === 0n) for (const [f, v] of h) if (match(f)) out.push(raw(f), v);
  return scanReply(out);
};

/** HRANDFIELD key [count [WITHVALUES]]: count >= size gives every field in order; negative counts may repeat. */
const hrandfield: Handler = (c) => {
  if (c.argv.length === 2) {
    const h = getHash(c);
    if (!h) return NIL;
    const fields = [...h.keys()];
    return bulk(raw(fields[Math.floor(c.random() * fields.length)]!));
  }
  const count = intArg(c.argv[2]!);
  const LONG_MAX = 2n ** 63n - 1n;
  if (count < -LONG_MAX) return err(`ERR value is out of range, value must between ${-LONG_MAX} and ${LONG_MAX}`);
  let withValues = false;
  if (c.argv.length === 4 && option(c.argv[3]!) === 'withvalues') withValues = true;
  else if (c.argv.length >= 4) return SYNTAX;
  const h = getHash(c);
  if (!h || count === 0n) return array([]);
  const all = [...h];
  let chosen: [string, Uint8Array][];
  if (count < 0n) {
    chosen = [];
    for (let i = 0n; i < -count; i++) chosen.push(all[Math.floor(c.random() * all.length)]!);
  } else if (count >= BigInt(all.length)) {
    chosen = all;
  } else {
    for (let i = all.length - 1; i > 0; i--) {
      const j = Math.floor(c.random() * (i + 1));
      [all[i], all[j]] = [all[j]!, all[i]!];
    }
    chosen = all.slice(0, Number(count));
  }
  if (!withValues) return array(chosen.map(([f]) => bulk(raw(f))));
  if (c.resp === 3) return array(chosen.map(([f, v]) => array([bulk(raw(f)), bulk(v)])));
  return array(chosen.flatMap(([f, v]) => [bulk(raw(f)), bulk(v)]));
};

export const HASH_COMMANDS: Record<string, Handler> = {
  hrandfield, hscan, hsetnx, hget, hmget, hgetall, hkeys, hvals, hlen, hexists, hstrlen, hdel, hincrby, hincrbyfloat,
  hset: hset('hset'),
  hmset: hset('hmset'),
};
