// Sorted set commands: ZADD and its options, scores, ranks, and the
// ranges by rank, score and lex (the ZRANGE family as Redis 7.0's
// zrangeGenericCommand parses it).
import { bytes, latin1, type RespValue } from '../resp.js';
import { checkTimeout, floatArg, intArg, numArg, option, rangeArg } from './args.js';
import { type Call, type Handler, raw, str } from './keyspace.js';
import { scanArgs, scanReply } from './keys.js';
import { positiveArg } from './lists.js';
import { formatDouble } from './numbers.js';
import { MIN_MAX_FLOAT, MIN_MAX_LEX, NIL, NIL_ARRAY, SYNTAX, WRONGTYPE as WRONGTYPE_REPLY, array, bulk, double, err, fail, int } from './reply.js';
import { type Entry, SortedSet } from './sortedset.js';

function getZset(c: Call, key: string): SortedSet | undefined {
  return c.db.typed(key, 'zset', c.now)?.value;
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
      z = new SortedSet();
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

/** A score range end as zslParseRange reads it: '(' for exclusive, then strtod (leading space, '' as 0, overflow as inf). */
interface ScoreBound { value: number; exclusive: boolean }

function scoreBound(b: Uint8Array): ScoreBound {
  let text = latin1(b);
  const exclusive = text.startsWith('(');
  if (exclusive) text = text.slice(1);
  text = text.replace(/^[ \t\n\v\f\r]+/, '');
  let value: number;
  if (text === '') value = 0;
  else if (/^[+-]?(inf|infinity)$/i.test(text)) value = text.startsWith('-') ? -Infinity : Infinity;
  else if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) value = Number(text);
  else fail(MIN_MAX_FLOAT);
  return { value, exclusive };
}

function aboveMin(s: number, min: ScoreBound): boolean {
  return min.exclusive ? s > min.value : s >= min.value;
}
function belowMax(s: number, max: ScoreBound): boolean {
  return max.exclusive ? s < max.value : s <= max.value;
}

/** A lex range end: '-' and '+' for the ends, '[' inclusive, '(' exclusive. */
type LexBound = { kind: 'min' | 'max' } | { kind: 'value'; value: string; exclusive: boolean };

function lexBound(b: Uint8Array): LexBound {
  const t = str(b);
  if (t === '-') return { kind: 'min' };
  if (t === '+') return { kind: 'max' };
  if (t[0] === '[' || t[0] === '(') return { kind: 'value', value: t.slice(1), exclusive: t[0] === '(' };
  return fail(MIN_MAX_LEX);
}

function lexAboveMin(m: string, min: LexBound): boolean {
  if (min.kind !== 'value') return min.kind === 'min';
  return min.exclusive ? m > min.value : m >= min.value;
}
function lexBelowMax(m: string, max: LexBound): boolean {
  if (max.kind !== 'value') return max.kind === 'max';
  return max.exclusive ? m < max.value : m <= max.value;
}

/** The indexes [start, end] of a rank range after Redis's clamping, or null when empty. */
function rankRange(start: number, end: number, n: number): [number, number] | null {
  if (start < 0) start += n;
  if (end < 0) end += n;
  if (start < 0) start = 0;
  if (start > end || start >= n) return null;
  if (end >= n) end = n - 1;
  return [start, end];
}

/** Entries in a score range, in the range's direction, after LIMIT offset/count (negative count: all; negative offset: none). */
function byScore(entries: readonly Entry[], min: ScoreBound, max: ScoreBound, reverse: boolean, offset: number, count: number): Entry[] {
  const inRange = entries.filter((e) => aboveMin(e.score, min) && belowMax(e.score, max));
  return limit(reverse ? inRange.reverse() : inRange, offset, count);
}

function byLex(entries: readonly Entry[], min: LexBound, max: LexBound, reverse: boolean, offset: number, count: number): Entry[] {
  const inRange = entries.filter((e) => lexAboveMin(e.member, min) && lexBelowMax(e.member, max));
  return limit(reverse ? inRange.reverse() : inRange, offset, count);
}

function limit(list: Entry[], offset: number, count: number): Entry[] {
  if (offset < 0) return [];
  const from = list.slice(offset);
  return count < 0 ? from : from.slice(0, count);
}

/** Members, with scores: flat pairs in RESP2, [member, score] arrays in RESP3. */
function entriesReply(c: Call, list: readonly Entry[], withScores: boolean): RespValue {
  if (!withScores) return array(list.map((e) => bulk(raw(e.member))));
  if (c.resp === 3) return array(list.map((e) => array([bulk(raw(e.member)), double(e.score)])));
  return array(list.flatMap((e) => [bulk(raw(e.member)), double(e.score)]));
}

type RangeType = 'rank' | 'score' | 'lex';

/**
 * The ZRANGE family: `type` and `reverse` are preset by the legacy commands,
 * or chosen by ZRANGE's options. ZRANGESTORE (`store`) takes a destination
 * first, has no WITHSCORES, and replies with the size of what it stored.
 */
const zrange = (presetType?: RangeType, presetReverse?: boolean, store = false): Handler => (c) => {
  const src = store ? 2 : 1;
  let withScores = false;
  let offset = 0;
  let count = -1;
  let limited = false;
  let type = presetType;
  let reverse = presetReverse;
  for (let j = src + 3; j < c.argv.length; j++) {
    const o = option(c.argv[j]!);
    const left = c.argv.length - j - 1;
    if (!store && o === 'withscores') withScores = true;
    else if (o === 'limit' && left >= 2) {
      offset = numArg(c.argv[j + 1]!);
      count = numArg(c.argv[j + 2]!);
      limited = count !== -1;
      j += 2;
    } else if (reverse === undefined && o === 'rev') reverse = true;
    else if (type === undefined && o === 'bylex') type = 'lex';
    else if (type === undefined && o === 'byscore') type = 'score';
    else return SYNTAX;
  }
  reverse ??= false;
  type ??= 'rank';
  if (limited && type === 'rank') return err('ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX');
  if (withScores && type === 'lex') return err('ERR syntax error, WITHSCORES not supported in combination with BYLEX');
  let minArg = c.argv[src + 1]!;
  let maxArg = c.argv[src + 2]!;
  if (reverse && type !== 'rank') [minArg, maxArg] = [maxArg, minArg];
  let select: (entries: readonly Entry[]) => Entry[];
  if (type === 'rank') {
    const start = numArg(minArg);
    const end = numArg(maxArg);
    select = (entries) => {
      const r = rankRange(start, end, entries.length);
      if (r === null) return [];
      const n = entries.length;
      return reverse ? entries.slice(n - 1 - r[1], n - r[0]).reverse() : entries.slice(r[0], r[1] + 1);
    };
  } else if (type === 'score') {
    let min: ScoreBound, max: ScoreBound;
    try {
      min = scoreBound(minArg);
      max = scoreBound(maxArg);
    } catch {
      return MIN_MAX_FLOAT;
    }
    select = (entries) => byScore(entries, min, max, reverse!, offset, count);
  } else {
    const min = lexBound(minArg);
    const max = lexBound(maxArg);
    select = (entries) => byLex(entries, min, max, reverse!, offset, count);
  }
  const z = getZset(c, str(c.argv[src]!));
  const result = z ? select(z.entries()) : [];
  if (store) return storeEntries(c, str(c.argv[1]!), result);
  return entriesReply(c, result, withScores);
};

/** Replaces `dst` with a sorted set of the entries (deleting it when there are none); replies with the count. */
function storeEntries(c: Call, dst: string, entries: readonly Entry[]): RespValue {
  c.db.delete(dst);
  if (entries.length === 0) return int(0);
  const z = new SortedSet();
  for (const e of entries) z.set(e.member, e.score);
  c.db.set(dst, { type: 'zset', value: z });
  return int(z.size);
}

type Op = 'union' | 'inter' | 'diff';

/** An input of ZUNION/ZINTER/ZDIFF: a sorted set, a set (scores 1), or nothing. */
interface Source { scores: Map<string, number> | null; size: number; weight: number }

/**
 * ZUNION, ZINTER, ZDIFF and their STORE forms (zunionInterDiffGenericCommand):
 * numkeys, keys (sorted sets or sets), then WEIGHTS and AGGREGATE (not for
 * DIFF) and WITHSCORES (not when storing). Weighted scores that are NaN
 * (0 * inf) count as 0, and so do sums of inf and -inf.
 */
const zsetOp = (op: Op, store: boolean, cardinality = false): Handler => (c) => {
  const at = store ? 2 : 1;
  const name = str(c.argv[0]!).toLowerCase();
  const setnum = numArg(c.argv[at]!);
  if (setnum < 1) return err(`ERR at least 1 input key is needed for '${name}' command`);
  if (setnum > c.argv.length - (at + 1)) return SYNTAX;
  const sources: Source[] = [];
  for (let i = 0; i < setnum; i++) {
    const v = c.db.lookup(str(c.argv[at + 1 + i]!), c.now);
    if (v === undefined) sources.push({ scores: null, size: 0, weight: 1 });
    else if (v.type === 'zset') sources.push({ scores: new Map(v.value.entries().map((e) => [e.member, e.score])), size: v.value.size, weight: 1 });
    else if (v.type === 'set') sources.push({ scores: new Map([...v.value].map((m) => [m, 1])), size: v.value.size, weight: 1 });
    else return WRONGTYPE_REPLY;
  }
  let aggregate: 'sum' | 'min' | 'max' = 'sum';
  let withScores = false;
  let limit = 0;
  for (let j = at + 1 + setnum; j < c.argv.length;) {
    const o = option(c.argv[j]!);
    const remaining = c.argv.length - j;
    if (cardinality) {
      if (remaining >= 2 && o === 'limit') {
        limit = positiveArg(c.argv[j + 1]!, err("ERR LIMIT can't be negative"));
        j += 2;
      } else return SYNTAX;
    } else if (op !== 'diff' && remaining >= setnum + 1 && o === 'weights') {
      for (let i = 0; i < setnum; i++) sources[i]!.weight = floatArg(c.argv[j + 1 + i]!, err('ERR weight value is not a float'));
      j += setnum + 1;
    } else if (op !== 'diff' && remaining >= 2 && o === 'aggregate') {
      const a = option(c.argv[j + 1]!);
      if (a !== 'sum' && a !== 'min' && a !== 'max') return SYNTAX;
      aggregate = a;
      j += 2;
    } else if (!store && o === 'withscores') {
      withScores = true;
      j += 1;
    } else {
      return SYNTAX;
    }
  }
  const weighted = (s: Source, score: number) => {
    const v = s.weight * score;
    return Number.isNaN(v) ? 0 : v;
  };
  const combine = (a: number, b: number) => {
    if (aggregate === 'min') return a < b ? a : b;
    if (aggregate === 'max') return a > b ? a : b;
    const sum = a + b;
    return Number.isNaN(sum) ? 0 : sum;
  };
  const result = new Map<string, number>();
  if (op === 'diff') {
    const [first, ...rest] = sources;
    for (const [m, s] of first!.scores ?? []) if (!rest.some((r) => r.scores?.has(m))) result.set(m, s);
  } else {
    // Redis walks the inputs from the smallest to the largest.
    const ordered = [...sources].sort((a, b) => a.size - b.size);
    if (op === 'inter') {
      if (ordered.every((s) => s.scores !== null)) {
        const [first, ...rest] = ordered;
        for (const [m, s] of first!.scores!) {
          let score = weighted(first!, s);
          let inAll = true;
          for (const r of rest) {
            const other = r.scores!.get(m);
            if (other === undefined) { inAll = false; break; }
            score = combine(score, weighted(r, other));
          }
          if (inAll) result.set(m, score);
        }
      }
    } else {
      for (const src of ordered) {
        for (const [m, s] of src.scores ?? []) {
          const v = weighted(src, s);
          const old = result.get(m);
          result.set(m, old === undefined ? v : combine(old, v));
        }
      }
    }
  }
  if (cardinality) return int(limit > 0 ? Math.min(limit, result.size) : result.size);
  const z = new SortedSet();
  for (const [m, s] of result) z.set(m, s);
  if (store) return storeEntries(c, str(c.argv[1]!), z.entries());
  return entriesReply(c, z.entries(), withScores);
};

/** ZSCAN: every matching member and its score (as text) in one call, as Redis does for listpack-encoded sets. */
const zscan: Handler = (c) => {
  const { start, match } = scanArgs(c, 2, false);
  const z = getZset(c, str(c.argv[1]!));
  const out: Uint8Array[] = [];
  if (z && start === 0n) for (const e of z.entries()) if (match(e.member)) out.push(raw(e.member), bytes(formatDouble(e.score)));
  return scanReply(out);
};

const zcount: Handler = (c) => {
  const min = scoreBound(c.argv[2]!);
  const max = scoreBound(c.argv[3]!);
  const z = getZset(c, str(c.argv[1]!));
  return int(z ? byScore(z.entries(), min, max, false, 0, -1).length : 0);
};

const zlexcount: Handler = (c) => {
  const min = lexBound(c.argv[2]!);
  const max = lexBound(c.argv[3]!);
  const z = getZset(c, str(c.argv[1]!));
  return int(z ? byLex(z.entries(), min, max, false, 0, -1).length : 0);
};

/** ZREMRANGEBYRANK, ZREMRANGEBYSCORE, ZREMRANGEBYLEX: the range is parsed before the key is looked up. */
const zremrange = (type: RangeType): Handler => (c) => {
  let select: (entries: readonly Entry[]) => Entry[];
  if (type === 'rank') {
    const start = numArg(c.argv[2]!);
    const end = numArg(c.argv[3]!);
    select = (entries) => {
      const r = rankRange(start, end, entries.length);
      return r === null ? [] : entries.slice(r[0], r[1] + 1);
    };
  } else if (type === 'score') {
    const min = scoreBound(c.argv[2]!);
    const max = scoreBound(c.argv[3]!);
    select = (entries) => byScore(entries, min, max, false, 0, -1);
  } else {
    const min = lexBound(c.argv[2]!);
    const max = lexBound(c.argv[3]!);
    select = (entries) => byLex(entries, min, max, false, 0, -1);
  }
  const key = str(c.argv[1]!);
  const z = getZset(c, key);
  if (!z) return int(0);
  const gone = select(z.entries());
  for (const e of gone) z.delete(e.member);
  if (z.size === 0) c.db.delete(key);
  return int(gone.length);
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
  const at = blocking ? 2 : 1;
  if (blocking) checkTimeout(c.argv[1]!);
  const numkeys = rangeArg(c.argv[at]!, 1, 'ERR numkeys should be greater than 0');
  const whereAt = at + numkeys + 1;
  if (whereAt >= c.argv.length) return SYNTAX;
  const where = option(c.argv[whereAt]!);
  if (where !== 'min' && where !== 'max') return SYNTAX;
  let count = -1;
  for (let j = whereAt + 1; j < c.argv.length; j++) {
    if (count === -1 && option(c.argv[j]!) === 'count' && j + 1 < c.argv.length) {
      count = rangeArg(c.argv[++j]!, 1, 'ERR count should be greater than 0');
    } else return SYNTAX;
  }
  if (count === -1) count = 1;
  for (const k of c.argv.slice(at + 1, at + 1 + numkeys)) {
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
  zrandmember,
  bzpopmin: bzpop(false),
  bzpopmax: bzpop(true),
  zmpop: zmpop(false),
  bzmpop: zmpop(true),
  zscan, zrem, zscore,
  zrangestore: zrange(undefined, undefined, true),
  zunion: zsetOp('union', false),
  zinter: zsetOp('inter', false),
  zintercard: zsetOp('inter', false, true),
  zdiff: zsetOp('diff', false),
  zunionstore: zsetOp('union', true),
  zinterstore: zsetOp('inter', true),
  zdiffstore: zsetOp('diff', true), zmscore, zcard, zcount, zlexcount,
  zadd: zadd(false),
  zincrby: zadd(true),
  zrank: zrank(false),
  zrevrank: zrank(true),
  zrange: zrange(),
  zrangebyscore: zrange('score', false),
  zrevrangebyscore: zrange('score', true),
  zrevrange: zrange('rank', true),
  zrangebylex: zrange('lex', false),
  zrevrangebylex: zrange('lex', true),
  zremrangebyrank: zremrange('rank'),
  zremrangebyscore: zremrange('score'),
  zremrangebylex: zremrange('lex'),
  zpopmin: zpop(false),
  zpopmax: zpop(true),
};
