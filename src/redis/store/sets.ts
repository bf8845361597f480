// Set commands. Redis 7.0 keeps a set of integers (at most 512) as an
// intset, which iterates in numeric order; any other set is a hash table
// whose order depends on hashing. This store tracks whether a set would
// still be an intset, and then iterates it in numeric order; otherwise in
// insertion order (tests compare those replies sorted).
import { intArg, option } from './args.js';
import { type Call, type Handler, type Value, raw, str } from './keyspace.js';
import { scanArgs, scanReply } from './keys.js';
import { positiveArg } from './lists.js';
import { parseInteger } from './numbers.js';
import { NIL, SYNTAX, WRONGTYPE, array, bulk, err, fail, int, set } from './reply.js';

type SetValue = Extract<Value, { type: 'set' }>;

/** set-max-intset-entries. */
const MAX_INTSET = 512;

function getSet(c: Call, key: string): SetValue | undefined {
  return c.db.typed(key, 'set', c.now);
}

/** An empty set value, an intset until a non-integer or the 513th member arrives. */
function newSet(): SetValue {
  return { type: 'set', value: new Set(), intset: true };
}

/** Adds a member, converting to a hash table as Redis would; true when it was new. */
function addMember(s: SetValue, member: string): boolean {
  if (s.value.has(member)) return false;
  s.value.add(member);
  if (s.intset && (s.value.size > MAX_INTSET || parseInteger(raw(member)) === null)) s.intset = false;
  return true;
}

/** Members in the order Redis would iterate them (see the top of the file). */
function members(s: SetValue): string[] {
  const all = [...s.value];
  if (s.intset) all.sort((a, b) => Number(BigInt(a) - BigInt(b) > 0n) - Number(BigInt(a) - BigInt(b) < 0n));
  return all;
}

function reply(list: string[]): ReturnType<Handler> {
  return set(list.map((m) => bulk(raw(m))));
}

const sadd: Handler = (c) => {
  const key = str(c.argv[1]!);
  let s = getSet(c, key);
  if (!s) {
    s = newSet();
    c.db.set(key, s);
  }
  let n = 0;
  for (const m of c.argv.slice(2)) if (addMember(s, str(m))) n++;
  return int(n);
};

const srem: Handler = (c) => {
  const key = str(c.argv[1]!);
  const s = getSet(c, key);
  if (!s) return int(0);
  let n = 0;
  for (const m of c.argv.slice(2)) if (s.value.delete(str(m))) n++;
  c.db.deleteIfEmpty(key, s);
  return int(n);
};

const smembers: Handler = (c) => {
  const s = getSet(c, str(c.argv[1]!));
  return reply(s ? members(s) : []);
};

const sismember: Handler = (c) => int(getSet(c, str(c.argv[1]!))?.value.has(str(c.argv[2]!)) ? 1 : 0);

const smismember: Handler = (c) => {
  const s = getSet(c, str(c.argv[1]!));
  return array(c.argv.slice(2).map((m) => int(s?.value.has(str(m)) ? 1 : 0)));
};

const scard: Handler = (c) => int(getSet(c, str(c.argv[1]!))?.value.size ?? 0);

/** Picks `n` distinct members at random, in iteration order. */
function pick(c: Call, s: SetValue, n: number): string[] {
  const all = members(s);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(c.random() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, n);
}

const spop: Handler = (c) => {
  if (c.argv.length > 3) return SYNTAX;
  const key = str(c.argv[1]!);
  if (c.argv.length === 3) {
    const count = positiveArg(c.argv[2]!);
    const s = getSet(c, key);
    if (!s || count === 0) return set([]);
    const chosen = count >= s.value.size ? members(s) : pick(c, s, count);
    for (const m of chosen) s.value.delete(m);
    c.db.deleteIfEmpty(key, s);
    return reply(chosen);
  }
  const s = getSet(c, key);
  if (!s) return NIL;
  const [m] = pick(c, s, 1);
  s.value.delete(m!);
  c.db.deleteIfEmpty(key, s);
  return bulk(raw(m!));
};

const srandmember: Handler = (c) => {
  if (c.argv.length > 3) return SYNTAX;
  const key = str(c.argv[1]!);
  if (c.argv.length === 3) {
    const count = intArg(c.argv[2]!);
    const LONG_MAX = 2n ** 63n - 1n;
    if (count < -LONG_MAX) return err(`ERR value is out of range, value must between ${-LONG_MAX} and ${LONG_MAX}`);
    const s = getSet(c, key);
    if (!s || count === 0n) return array([]);
    if (count < 0n) {
      const all = members(s);
      const out: string[] = [];
      for (let i = 0n; i < -count; i++) out.push(all[Math.floor(c.random() * all.length)]!);
      return array(out.map((m) => bulk(raw(m))));
    }
    const n = Number(count);
    return array((n >= s.value.size ? members(s) : pick(c, s, n)).map((m) => bulk(raw(m))));
  }
  const s = getSet(c, key);
  if (!s) return NIL;
  return bulk(raw(pick(c, s, 1)[0]!));
};

/** The sets named by keys, undefined for missing keys; WRONGTYPE when any key holds another type. */
function setsOf(c: Call, keys: readonly Uint8Array[]): (SetValue | undefined)[] {
  return keys.map((k) => getSet(c, str(k)));
}

/** Builds a result set as Redis does (an intset until proven otherwise). */
function build(list: Iterable<string>): SetValue {
  const s = newSet();
  for (const m of list) addMember(s, m);
  return s;
}

function intersect(sets: (SetValue | undefined)[]): SetValue {
  if (sets.some((s) => s === undefined)) return newSet();
  // Redis walks the smallest set, in its own order, testing the others.
  const sorted = [...(sets as SetValue[])].sort((a, b) => a.value.size - b.value.size);
  const [first, ...rest] = sorted;
  return build(members(first!).filter((m) => rest.every((s) => s.value.has(m))));
}

function union(sets: (SetValue | undefined)[]): SetValue {
  const out = newSet();
  for (const s of sets) if (s) for (const m of members(s)) addMember(out, m);
  return out;
}

function difference(sets: (SetValue | undefined)[]): SetValue {
  const [first, ...rest] = sets;
  if (!first) return newSet();
  return build(members(first).filter((m) => !rest.some((s) => s?.value.has(m))));
}

const combine = (op: (sets: (SetValue | undefined)[]) => SetValue, store: boolean): Handler => (c) => {
  const keys = c.argv.slice(store ? 2 : 1);
  const result = op(setsOf(c, keys));
  if (!store) return reply(members(result));
  const dst = str(c.argv[1]!);
  c.db.delete(dst);
  if (result.value.size > 0) c.db.set(dst, result);
  return int(result.value.size);
};

const smove: Handler = (c) => {
  const src = str(c.argv[1]!);
  const dst = str(c.argv[2]!);
  const member = str(c.argv[3]!);
  const from = c.db.lookup(src, c.now);
  const to = c.db.lookup(dst, c.now);
  if (from === undefined) return int(0);
  if (from.type !== 'set' || (to !== undefined && to.type !== 'set')) return WRONGTYPE;
  if (from === to) return int(from.value.has(member) ? 1 : 0);
  if (!from.value.delete(member)) return int(0);
  c.db.deleteIfEmpty(src, from);
  let target = to as SetValue | undefined;
  if (!target) {
    target = newSet();
    c.db.set(dst, target);
  }
  addMember(target, member);
  return int(1);
};

const sintercard: Handler = (c) => {
  const numkeys = intArg(c.argv[1]!, err('ERR numkeys should be greater than 0'));
  if (numkeys <= 0n) return err('ERR numkeys should be greater than 0');
  if (numkeys > BigInt(c.argv.length - 2)) return err("ERR Number of keys can't be greater than number of args");
  const n = Number(numkeys);
  let limit = 0;
  for (let j = 2 + n; j < c.argv.length; j++) {
    if (option(c.argv[j]!) === 'limit' && j + 1 < c.argv.length) {
      limit = positiveArg(c.argv[++j]!, err("ERR LIMIT can't be negative"));
    } else fail(SYNTAX);
  }
  const size = intersect(setsOf(c, c.argv.slice(2, 2 + n))).value.size;
  return int(limit > 0 ? Math.min(limit, size) : size);
};

/** SSCAN: every matching member in one call (what Redis does for intsets). */
const sscan: Handler = (c) => {
  const { start, match } = scanArgs(c, 2, false);
  const s = getSet(c, str(c.argv[1]!));
  return scanReply(s && start === 0n ? members(s).filter(match).map(raw) : []);
};

export const SET_COMMANDS: Record<string, Handler> = {
  sscan, sadd, srem, smembers, sismember, smismember, scard, spop, srandmember, smove, sintercard,
  sinter: combine(intersect, false),
  sunion: combine(union, false),
  sdiff: combine(difference, false),
  sinterstore: combine(intersect, true),
  sunionstore: combine(union, true),
  sdiffstore: combine(difference, true),
};
