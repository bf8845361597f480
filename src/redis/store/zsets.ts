// Sorted set commands: ZADD and its options, scores and ranks, pops,
// random members, ZSCAN. The range commands are in zranges.ts, ZUNION,
// ZINTER and ZDIFF in zsetops.ts.
import { bytes, type RespValue } from '../resp.js';
import { checkTimeout, floatArg, intArg, option, mpopArgs } from './args.js';
import { type Call, type Handler, raw, str } from './keyspace.js';
import { scanArgs, scanReply } from './keys.js';
import { positiveArg } from './lists.js';
import { formatDouble } from './numbers.js';
import { NIL, NIL_ARRAY, SYNTAX, array, bulk, double, err, int } from './reply.js';
import { type Entry, SortedSet } from './sortedset.js';

export function getZset(c: Call, key: string): SortedSet | undefined {
  return c.db.typed(key, 'zset', c.now)?.value;
}

/** Members, with scores: flat pairs in RESP2, [member, score] arrays in RESP3. */
export function entriesReply(c: Call, list: readonly Entry[], withScores: boolean): RespValue {
  if (!withScores) return array(list.map((e) => bulk(raw(e.member))));
  if (c.resp === 3) return array(list.map((e) => array([bulk(raw(e.member)), double(e.score)])));
  return array(list.flatMap((e) => [bulk(raw(e.member)), double(e.score)]));
}

const NAN_SCORE = err('ERR resulting score is not a number (NaN)');

/** ZADD and ZINCRBY (which is ZADD INCR with one pair). */
const zadd = (incrOnly: boolean): Handler => (c) => {
  let nx = false, xx = false, gt = false, lt = false, ch = false, incr = incrOnly;
  let idx = 2;
  for (; idx < c.argv.length; idx++) {
    const o = option(c.argv[idx]!);
    if (o === 'nx') nx = true;
    else if (o === 'xx') xx = true;
    else if (o === 'ch') ch = true;
    else if (o === 'incr') incr = true;
    else if (o === 'gt') gt = true;
    else if (o === 'lt') lt = true;
    else break;
  }
  const rest = c.argv.length - idx;
  if (rest % 2 !== 0 || rest === 0) return SYNTAX;
  if (nx && xx) return err('ERR XX and NX options at the same time are not compatible');
  if ((gt && nx) || (lt && nx) || (gt && lt)) return err('ERR GT, LT, and/or NX options at the same time are not compatible');
  if (incr && rest > 2) return err('ERR INCR option supports a single increment-element pair');
  const scores: number[] = [];
  for (let j = idx; j < c.argv.length; j += 2) scores.push(floatArg(c.argv[j]!));
  const key = str(c.argv[1]!);
  let z = getZset(c, key);
  let added = 0, updated = 0, processed = 0;
  let last = 0;
  if (z || !xx) {
    if (!z) {
      // Redis 7.0 starts a skiplist when the first member is too long for a listpack.
      z = new SortedSet(SortedSet.fitsListpack(1, [str(c.argv[idx + 1]!)]));
      c.db.set(key, { type: 'zset', value: z });
    }
    for (let j = 0; j < scores.length; j++) {
      const member = str(c.argv[idx + 1 + 2 * j]!);
      let score = scores[j]!;
      const current = z.score(member);
      if (current !== undefined) {
        if (nx) continue;
        if (incr) {
          score += current;
          if (Number.isNaN(score)) return NAN_SCORE;
        }
        if ((lt && score >= current) || (gt && score <= current)) continue;
        if (score !== current) {
          z.set(member, score);
          updated++;
        }
      } else {
        if (xx) continue;
        z.set(member, score);
        added++;
      }
      processed++;
      last = score;
    }
  }
  if (incr) return processed > 0 ? double(last) : NIL;
  return int(ch ? added + updated : added);
};

const zrem: Handler = (c) => {
  const key = str(c.argv[1]!);
  const z = getZset(c, key);
  if (!z) return int(0);
  let n = 0;
  for (const m of c.argv.slice(2)) if (z.delete(str(m))) n++;
  if (z.size === 0) c.db.delete(key);
  return int(n);
};

const zscore: Handler = (c) => {
  const s = getZset(c, str(c.argv[1]!))?.score(str(c.argv[2]!));
  return s === undefined ? NIL : double(s);
};

const zmscore: Handler = (c) => {
  const z = getZset(c, str(c.argv[1]!));
  return array(c.argv.slice(2).map((m) => {
    const s = z?.score(str(m));
    return s === undefined ? NIL : double(s);
  }));
};

const zcard: Handler = (c) => int(getZset(c, str(c.argv[1]!))?.size ?? 0);

const zrank = (reverse: boolean): Handler => (c) => {
  const z = getZset(c, str(c.argv[1]!));
  const r = z?.rank(str(c.argv[2]!));
  return r === undefined ? NIL : int(reverse ? z!.size - 1 - r : r);
};

/** ZSCAN: every matching member and its score (as text) in one call, as Redis does for listpack-encoded sets. */
const zscan: Handler = (c) => {
  const { start, match } = scanArgs(c, 2, false);
  const z = getZset(c, str(c.argv[1]!));
  const out: Uint8Array[] = [];
  if (z && start === 0n) for (const e of z.entries()) if (match(e.member)) out.push(raw(e.member), bytes(formatDouble(e.score)));
  return scanReply(out);
};

/** ZPOPMIN and ZPOPMAX: RESP3 nests [member, score] pairs only when a count was given. */
const zpop = (max: boolean): Handler => (c) => {
  if (c.argv.length > 3) return SYNTAX;
  const hasCount = c.argv.length === 3;
  const count = hasCount ? positiveArg(c.argv[2]!) : 1;
  if (hasCount && count === 0) return array([]);
  const key = str(c.argv[1]!);
  const z = getZset(c, key);
  if (!z) return array([]);
  const entries = z.entries();
  const taken = max ? entries.slice(Math.max(0, entries.length - count)).reverse() : entries.slice(0, count);
  for (const e of taken) z.delete(e.member);
  if (z.size === 0) c.db.delete(key);
  if (c.resp === 3 && hasCount) return entriesReply(c, taken, true);
  return array(taken.flatMap((e) => [bulk(raw(e.member)), double(e.score)]));
};

/** Takes up to `count` entries from the low (or high) end of a sorted set, deleting the key when emptied. */
function popEntries(c: Call, key: string, z: SortedSet, max: boolean, count: number): Entry[] {
  const entries = z.entries();
  const taken = max ? entries.slice(Math.max(0, entries.length - count)).reverse() : entries.slice(0, count);
  for (const e of taken) z.delete(e.member);
  if (z.size === 0) c.db.delete(key);
  return taken;
}

/** BZPOPMIN and BZPOPMAX, without blocking (see lists.ts): [key, member, score] or a null array. */
const bzpop = (max: boolean): Handler => (c) => {
  checkTimeout(c.argv[c.argv.length - 1]!);
  for (const k of c.argv.slice(1, -1)) {
    const key = str(k);
    const z = getZset(c, key);
    if (!z || z.size === 0) continue;
    const [e] = popEntries(c, key, z, max, 1);
    return array([bulk(k), bulk(raw(e!.member)), double(e!.score)]);
  }
  return NIL_ARRAY;
};

/** ZMPOP numkeys key... MIN|MAX [COUNT n] (and BZMPOP, timeout first): [key, [[member, score]...]] or a null array. */
const zmpop = (blocking: boolean): Handler => (c) => {
  const { keys, side: where, count } = mpopArgs(c.argv, blocking, ['min', 'max']);
  for (const k of keys) {
    const key = str(k);
    const z = getZset(c, key);
    if (!z || z.size === 0) continue;
    const taken = popEntries(c, key, z, where === 'max', count);
    return array([bulk(k), array(taken.map((e) => array([bulk(raw(e.member)), double(e.score)])))]);
  }
  return NIL_ARRAY;
};

/** ZRANDMEMBER key [count [WITHSCORES]]: count >= size gives every member in order; negative counts may repeat. */
const zrandmember: Handler = (c) => {
  if (c.argv.length === 2) {
    const z = getZset(c, str(c.argv[1]!));
    if (!z) return NIL;
    const all = z.entries();
    return bulk(raw(all[Math.floor(c.random() * all.length)]!.member));
  }
  const count = intArg(c.argv[2]!);
  const LONG_MAX = 2n ** 63n - 1n;
  if (count < -LONG_MAX) return err(`ERR value is out of range, value must between ${-LONG_MAX} and ${LONG_MAX}`);
  let withScores = false;
  if (c.argv.length === 4 && option(c.argv[3]!) === 'withscores') withScores = true;
  else if (c.argv.length >= 4) return SYNTAX;
  const z = getZset(c, str(c.argv[1]!));
  if (!z || count === 0n) return array([]);
  const all = z.entries();
  let chosen: Entry[];
  if (count < 0n) {
    chosen = [];
    for (let i = 0n; i < -count; i++) chosen.push(all[Math.floor(c.random() * all.length)]!);
  } else if (count >= BigInt(all.length)) {
    chosen = [...all].reverse(); // Redis walks the whole set from the highest score

  } else {
    const pool = [...all];
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(c.random() * (i + 1));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    chosen = pool.slice(0, Number(count));
  }
  return entriesReply(c, chosen, withScores);
};

export const ZSET_COMMANDS: Record<string, Handler> = {
  zrandmember, zscan, zrem, zscore, zmscore, zcard,
  bzpopmin: bzpop(false),
  bzpopmax: bzpop(true),
  zmpop: zmpop(false),
  bzmpop: zmpop(true),
  zadd: zadd(false),
  zincrby: zadd(true),
  zrank: zrank(false),
  zrevrank: zrank(true),
  zpopmin: zpop(false),
  zpopmax: zpop(true),
};
