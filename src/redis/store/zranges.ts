// The sorted set ranges: by rank, by score and by lex, as Redis 7.0's
// zrangeGenericCommand parses them (ZRANGE with its options, the legacy
// ZRANGEBYSCORE family, ZRANGESTORE), and the counts and removals by range.
import { latin1, type RespValue } from '../resp.js';
import { numArg, option } from './args.js';
import { type Call, type Handler, str } from './keyspace.js';
import { MIN_MAX_FLOAT, MIN_MAX_LEX, SYNTAX, err, fail, int } from './reply.js';
import { type Entry, SortedSet } from './sortedset.js';
import { entriesReply, getZset } from './zsets.js';

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

/** The order of lex bounds: '-' before every string, '+' after. */
function compareBounds(a: LexBound, b: LexBound): number {
  const rank = (x: LexBound) => (x.kind === 'min' ? 0 : x.kind === 'value' ? 1 : 2);
  if (a.kind !== 'value' || b.kind !== 'value') return rank(a) - rank(b);
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

/**
 * Entries in a lex range, as Redis walks them (lex ranges assume equal
 * scores; with different scores, the walk decides): forward, from the
 * first member at or above min, while members stay at or below max;
 * reversed, from the last member at or below max, while they stay at or
 * above min. Then LIMIT offset/count.
 */
function byLex(entries: readonly Entry[], min: LexBound, max: LexBound, reverse: boolean, offset: number, count: number): Entry[] {
  const cmp = compareBounds(min, max);
  const exclusive = (min.kind === 'value' && min.exclusive) || (max.kind === 'value' && max.exclusive);
  const n = entries.length;
  if (cmp > 0 || (cmp === 0 && exclusive) || n === 0) return [];
  if (!lexAboveMin(entries[n - 1]!.member, min) || !lexBelowMax(entries[0]!.member, max)) return [];
  const out: Entry[] = [];
  if (!reverse) {
    let i = entries.findIndex((e) => lexAboveMin(e.member, min));
    for (; i >= 0 && i < n && lexBelowMax(entries[i]!.member, max); i++) out.push(entries[i]!);
  } else {
    let i = n - 1;
    while (i >= 0 && !lexBelowMax(entries[i]!.member, max)) i--;
    for (; i >= 0 && lexAboveMin(entries[i]!.member, min); i--) out.push(entries[i]!);
  }
  return limit(out, offset, count);
}

function limit(list: Entry[], offset: number, count: number): Entry[] {
  if (offset < 0) return [];
  const from = list.slice(offset);
  return count < 0 ? from : from.slice(0, count);
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
export function storeEntries(c: Call, dst: string, entries: readonly Entry[]): RespValue {
  c.db.delete(dst);
  if (entries.length === 0) return int(0);
  const z = new SortedSet(SortedSet.fitsListpack(entries.length, entries.map((e) => e.member)));
  for (const e of entries) z.set(e.member, e.score);
  c.db.set(dst, { type: 'zset', value: z });
  return int(z.size);
}

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

export const ZRANGE_COMMANDS: Record<string, Handler> = {
  zcount, zlexcount,
  zrange: zrange(),
  zrangestore: zrange(undefined, undefined, true),
  zrangebyscore: zrange('score', false),
  zrevrangebyscore: zrange('score', true),
  zrevrange: zrange('rank', true),
  zrangebylex: zrange('lex', false),
  zrevrangebylex: zrange('lex', true),
  zremrangebyrank: zremrange('rank'),
  zremrangebyscore: zremrange('score'),
  zremrangebylex: zremrange('lex'),
};
