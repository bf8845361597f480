// ZUNION, ZINTER, ZDIFF, their STORE forms and ZINTERCARD.
import { floatArg, numArg, option } from './args.js';
import type { Handler } from './keyspace.js';
import { str } from './keyspace.js';
import { positiveArg } from './lists.js';
import { SYNTAX, WRONGTYPE, err, int } from './reply.js';
import { SortedSet } from './sortedset.js';
import { storeEntries } from './zranges.js';
import { entriesReply } from './zsets.js';

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
    else return WRONGTYPE;
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
  const z = new SortedSet(SortedSet.fitsListpack(result.size, result.keys()));
  for (const [m, s] of result) z.set(m, s);
  if (store) return storeEntries(c, str(c.argv[1]!), z.entries());
  return entriesReply(c, z.entries(), withScores);
};

export const ZSETOP_COMMANDS: Record<string, Handler> = {
  zunion: zsetOp('union', false),
  zinter: zsetOp('inter', false),
  zintercard: zsetOp('inter', false, true),
  zdiff: zsetOp('diff', false),
  zunionstore: zsetOp('union', true),
  zinterstore: zsetOp('inter', true),
  zdiffstore: zsetOp('diff', true),
};
