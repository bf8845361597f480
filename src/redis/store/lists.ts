// List commands. A list is a JS array of byte strings, head first.
import { checkTimeout, intArg, numArg, option, mpopArgs, sameBytes } from './args.js';
import { type Call, type Handler, str } from './keyspace.js';
import {
  NIL, NIL_ARRAY, NO_SUCH_KEY, OK, OUT_OF_RANGE, POSITIVE, SYNTAX,
  array, bulk, bulks, err, fail, int,
} from './reply.js';

function getList(c: Call, key: string): Uint8Array[] | undefined {
  return c.db.typed(key, 'list', c.now)?.value;
}

/** LPUSH, RPUSH, and the X variants that only push onto an existing list. */
const push = (left: boolean, onlyExisting: boolean): Handler => (c) => {
  const key = str(c.argv[1]!);
  let list = getList(c, key);
  if (!list) {
    if (onlyExisting) return int(0);
    list = [];
    c.db.set(key, { type: 'list', value: list });
  }
  for (const v of c.argv.slice(2)) {
    if (left) list.unshift(v);
    else list.push(v);
  }
  return int(list.length);
};

/** A count argument that must be >= 0 (getPositiveLongFromObjectOrReply): `msg` for both non-integers and negatives. */
export function positiveArg(b: Uint8Array, msg = POSITIVE): number {
  const v = intArg(b, msg);
  if (v < 0n) fail(msg);
  return Number(v);
}

/** LPOP and RPOP, with an optional count (then an array reply, or a null array without the key). */
const pop = (left: boolean, name: string): Handler => (c) => {
  if (c.argv.length > 3) return err(`ERR wrong number of arguments for '${name}' command`);
  const hasCount = c.argv.length === 3;
  const count = hasCount ? positiveArg(c.argv[2]!) : 1;
  const key = str(c.argv[1]!);
  const list = getList(c, key);
  if (!list) return hasCount ? NIL_ARRAY : NIL;
  if (hasCount && count === 0) return array([]);
  const taken = left ? list.splice(0, count) : list.splice(Math.max(0, list.length - count)).reverse();
  if (list.length === 0) c.db.delete(key);
  return hasCount ? bulks(taken) : bulk(taken[0]!);
};

const llen: Handler = (c) => int(getList(c, str(c.argv[1]!))?.length ?? 0);

const lrange: Handler = (c) => {
  let start = numArg(c.argv[2]!);
  let end = numArg(c.argv[3]!);
  const list = getList(c, str(c.argv[1]!));
  if (!list) return array([]);
  const n = list.length;
  if (start < 0) start += n;
  if (end < 0) end += n;
  if (start < 0) start = 0;
  if (start > end || start >= n) return array([]);
  if (end >= n) end = n - 1;
  return bulks(list.slice(start, end + 1));
};

/** A list index, negative from the tail, as an array index or -1 when out of range. */
function at(list: Uint8Array[], index: number): number {
  const i = index < 0 ? list.length + index : index;
  return i >= 0 && i < list.length ? i : -1;
}

const lindex: Handler = (c) => {
  const list = getList(c, str(c.argv[1]!));
  if (!list) return NIL;
  const i = at(list, numArg(c.argv[2]!));
  return i < 0 ? NIL : bulk(list[i]!);
};

const lset: Handler = (c) => {
  const list = getList(c, str(c.argv[1]!));
  if (!list) return NO_SUCH_KEY;
  const i = at(list, numArg(c.argv[2]!));
  if (i < 0) return OUT_OF_RANGE;
  list[i] = c.argv[3]!;
  return OK;
};

const lrem: Handler = (c) => {
  const count = numArg(c.argv[2]!);
  const key = str(c.argv[1]!);
  const list = getList(c, key);
  if (!list) return int(0);
  const target = c.argv[3]!;
  let removed = 0;
  if (count >= 0) {
    for (let i = 0; i < list.length && (count === 0 || removed < count);) {
      if (sameBytes(list[i]!, target)) {
        list.splice(i, 1);
        removed++;
      } else i++;
    }
  } else {
    for (let i = list.length - 1; i >= 0 && removed < -count; i--) {
      if (sameBytes(list[i]!, target)) {
        list.splice(i, 1);
        removed++;
      }
    }
  }
  if (list.length === 0) c.db.delete(key);
  return int(removed);
};

const ltrim: Handler = (c) => {
  let start = numArg(c.argv[2]!);
  let end = numArg(c.argv[3]!);
  const key = str(c.argv[1]!);
  const list = getList(c, key);
  if (!list) return OK;
  const n = list.length;
  if (start < 0) start += n;
  if (end < 0) end += n;
  if (start < 0) start = 0;
  if (start > end || start >= n) {
    list.length = 0;
  } else {
    if (end >= n) end = n - 1;
    list.splice(end + 1);
    list.splice(0, start);
  }
  if (list.length === 0) c.db.delete(key);
  return OK;
};

const linsert: Handler = (c) => {
  const where = option(c.argv[2]!);
  if (where !== 'before' && where !== 'after') return SYNTAX;
  const list = getList(c, str(c.argv[1]!));
  if (!list) return int(0);
  const i = list.findIndex((v) => sameBytes(v, c.argv[3]!));
  if (i < 0) return int(-1);
  list.splice(where === 'after' ? i + 1 : i, 0, c.argv[4]!);
  return int(list.length);
};

const lpos: Handler = (c) => {
  let rank = 1;
  let count = -1;
  let maxlen = 0;
  for (let j = 3; j < c.argv.length; j++) {
    const opt = option(c.argv[j]!);
    const more = j + 1 < c.argv.length;
    if (opt === 'rank' && more) {
      const r = intArg(c.argv[++j]!);
      if (r === 0n) {
        return err("ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list");
      }
      // -LONG_MIN overflows back to LONG_MIN in C: from the tail, every match counts.
      rank = r === -(2n ** 63n) ? -1 : Number(r);
    } else if (opt === 'count' && more) {
      count = positiveArg(c.argv[++j]!, err("ERR COUNT can't be negative"));
    } else if (opt === 'maxlen' && more) {
      maxlen = positiveArg(c.argv[++j]!, err("ERR MAXLEN can't be negative"));
    } else {
      return SYNTAX;
    }
  }
  const fromTail = rank < 0;
  if (fromTail) rank = -rank;
  const list = getList(c, str(c.argv[1]!));
  if (!list) return count !== -1 ? array([]) : NIL;
  const found: number[] = [];
  let matches = 0;
  const n = list.length;
  for (let index = 0; index < n && (maxlen === 0 || index < maxlen); index++) {
    const i = fromTail ? n - 1 - index : index;
    if (!sameBytes(list[i]!, c.argv[2]!)) continue;
    matches++;
    if (matches < rank) continue;
    found.push(i);
    if (count === -1 || (count !== 0 && found.length >= count)) break;
  }
  if (count === -1) return found.length === 0 ? NIL : int(found[0]!);
  return array(found.map((i) => int(i)));
};

/** Which end a LEFT/RIGHT argument names: true for the head. */
function side(b: Uint8Array): boolean {
  const o = option(b);
  if (o !== 'left' && o !== 'right') fail(SYNTAX);
  return o === 'left';
}

function move(c: Call, fromLeft: boolean, toLeft: boolean): ReturnType<Handler> {
  const src = str(c.argv[1]!);
  const dst = str(c.argv[2]!);
  const from = getList(c, src);
  if (!from || from.length === 0) return NIL;
  let to = getList(c, dst);
  const value = fromLeft ? from.shift()! : from.pop()!;
  if (!to) {
    to = [];
    c.db.set(dst, { type: 'list', value: to });
  }
  if (toLeft) to.unshift(value);
  else to.push(value);
  if (from.length === 0) c.db.delete(src);
  return bulk(value);
}

const lmove: Handler = (c) => {
  const fromLeft = side(c.argv[3]!);
  const toLeft = side(c.argv[4]!);
  return move(c, fromLeft, toLeft);
};

const rpoplpush: Handler = (c) => move(c, false, true);

// Blocking commands never block here: they act as Redis runs them inside a
// script or MULTI, taking what is there and otherwise replying null at once
// (a null array, except BLMOVE and BRPOPLPUSH: a null bulk string). On a
// real server a client outside MULTI would wait up to the timeout instead,
// and then get a null array from every one of them.

/** BLPOP and BRPOP: [key, value] from the first non-empty list, or a null array. */
const bpop = (left: boolean): Handler => (c) => {
  checkTimeout(c.argv[c.argv.length - 1]!);
  for (const k of c.argv.slice(1, -1)) {
    const key = str(k);
    const list = getList(c, key);
    if (!list || list.length === 0) continue;
    const value = left ? list.shift()! : list.pop()!;
    if (list.length === 0) c.db.delete(key);
    return array([bulk(k), bulk(value)]);
  }
  return NIL_ARRAY;
};

const blmove: Handler = (c) => {
  const fromLeft = side(c.argv[3]!);
  const toLeft = side(c.argv[4]!);
  checkTimeout(c.argv[5]!);
  return move(c, fromLeft, toLeft);
};

const brpoplpush: Handler = (c) => {
  checkTimeout(c.argv[3]!);
  return move(c, false, true);
};

/**
 * LMPOP numkeys key... LEFT|RIGHT [COUNT n] (and BLMPOP, with a timeout
 * first: `at` is where numkeys is): [key, [values]] from the first
 * non-empty list, or a null array.
 */
const lmpop = (blocking: boolean): Handler => (c) => {
  const { keys, side, count } = mpopArgs(c.argv, blocking, ['left', 'right']);
  const left = side === 'left';
  for (const k of keys) {
    const key = str(k);
    const list = getList(c, key);
    if (!list || list.length === 0) continue;
    const taken = left ? list.splice(0, count) : list.splice(Math.max(0, list.length - count)).reverse();
    if (list.length === 0) c.db.delete(key);
    return array([bulk(k), bulks(taken)]);
  }
  return NIL_ARRAY;
};

export const LIST_COMMANDS: Record<string, Handler> = {
  blmove, brpoplpush,
  blpop: bpop(true),
  brpop: bpop(false),
  lmpop: lmpop(false),
  blmpop: lmpop(true),
  llen, lrange, lindex, lset, lrem, ltrim, linsert, lpos, lmove, rpoplpush,
  lpush: push(true, false),
  rpush: push(false, false),
  lpushx: push(true, true),
  rpushx: push(false, true),
  lpop: pop(true, 'lpop'),
  rpop: pop(false, 'rpop'),
};
