// Generic key commands: DEL, EXISTS, the EXPIRE family, TTL, TYPE, KEYS,
// SCAN, RENAME.
//
// Order: KEYS and SCAN list keys in insertion order (Redis's order follows
// its hash table, so tests compare them sorted). SCAN returns every
// matching key in one call with cursor 0, which its contract allows (COUNT
// is a hint); a cursor other than 0, which this store never hands out,
// ends the iteration at once.
import { intArg, numArg, option } from './args.js';
import { globMatch } from './glob.js';
import { type Call, type Handler, cloneValue, raw, str } from './keyspace.js';
import { dbIndex } from './server.js';
import { NIL, NO_SUCH_KEY, OK, SYNTAX, array, bulk, bulkText, err, fail, int, simple } from './reply.js';
import { applyExpiry } from './strings.js';

const del: Handler = (c) => {
  let n = 0;
  for (const k of c.argv.slice(1)) {
    const key = str(k);
    if (c.db.lookup(key, c.now) !== undefined && c.db.delete(key)) n++;
  }
  return int(n);
};

/** EXISTS and TOUCH: how many of the keys exist, counting repeats. */
const exists: Handler = (c) => {
  let n = 0;
  for (const k of c.argv.slice(1)) if (c.db.lookup(str(k), c.now) !== undefined) n++;
  return int(n);
};

/** EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT with NX, XX, GT, LT (expireGenericCommand). */
const expire = (seconds: boolean, absolute: boolean): Handler => (c) => {
  const key = str(c.argv[1]!);
  let nx = false, xx = false, gt = false, lt = false;
  for (const a of c.argv.slice(3)) {
    const o = option(a);
    if (o === 'nx') nx = true;
    else if (o === 'xx') xx = true;
    else if (o === 'gt') gt = true;
    else if (o === 'lt') lt = true;
    else return err(`ERR Unsupported option ${str(a)}`);
  }
  if (nx && (xx || gt || lt)) return err('ERR NX and XX, GT or LT options at the same time are not compatible');
  if (gt && lt) return err('ERR GT and LT options at the same time are not compatible');
  let when = intArg(c.argv[2]!);
  const invalid = () => err(`ERR invalid expire time in '${str(c.argv[0]!).toLowerCase()}' command`);
  const LLMAX = 2n ** 63n - 1n;
  if (seconds) {
    if (when > LLMAX / 1000n || when < -(2n ** 63n) / 1000n) return invalid();
    when *= 1000n;
  }
  const base = absolute ? 0n : BigInt(c.now);
  if (when > LLMAX - base) return invalid();
  when += base;
  if (c.db.lookup(key, c.now) === undefined) return int(0);
  const current = c.db.expires.get(key);
  if (nx && current !== undefined) return int(0);
  if (xx && current === undefined) return int(0);
  if (gt && (current === undefined || when <= current)) return int(0);
  if (lt && current !== undefined && when >= current) return int(0);
  applyExpiry(c, key, when);
  return int(1);
};

/** TTL, PTTL, EXPIRETIME, PEXPIRETIME: -2 without the key, -1 without expiry; seconds rounded to nearest. */
const ttl = (ms: boolean, absolute: boolean): Handler => (c) => {
  const key = str(c.argv[1]!);
  if (c.db.lookup(key, c.now) === undefined) return int(-2);
  const when = c.db.expires.get(key);
  if (when === undefined) return int(-1);
  let t = absolute ? when : when - BigInt(c.now);
  if (t < 0n) t = 0n;
  return int(ms ? t : (t + 500n) / 1000n);
};

const persist: Handler = (c) => {
  const key = str(c.argv[1]!);
  if (c.db.lookup(key, c.now) === undefined) return int(0);
  return int(c.db.expires.delete(key) ? 1 : 0);
};

const type: Handler = (c) => simple(c.db.lookup(str(c.argv[1]!), c.now)?.type ?? 'none');

const keys: Handler = (c) => {
  const pattern = str(c.argv[1]!);
  const all = pattern === '*';
  return array(c.db.keys(c.now).filter((k) => all || globMatch(pattern, k)).map((k) => bulk(raw(k))));
};

/** The cursor and options of SCAN (`at` = 1) or HSCAN/SSCAN/ZSCAN (`at` = 2, no TYPE), as scanGenericCommand reads them. */
export function scanArgs(c: Call, at: number, allowType: boolean): { start: bigint; match: (k: string) => boolean; typeName?: string } {
  const cursor = str(c.argv[at]!);
  // strtoul: an optional sign (negative values wrap), digits, nothing else; '' reads as 0.
  const digits = /^[+-]?(\d*)$/.exec(cursor);
  if (!digits || (digits[1] === '' && cursor !== '') || BigInt(digits[1] || '0') >= 2n ** 64n) fail(err('ERR invalid cursor'));
  const start = BigInt.asUintN(64, BigInt(cursor.startsWith('-') ? '-' + digits[1] : digits[1] || '0'));
  let pattern: string | undefined;
  let typeName: string | undefined;
  for (let i = at + 1; i < c.argv.length; i += 2) {
    const o = option(c.argv[i]!);
    const hasValue = i + 1 < c.argv.length;
    if (o === 'count' && hasValue) {
      if (numArg(c.argv[i + 1]!) < 1) fail(SYNTAX);
    } else if (o === 'match' && hasValue) {
      pattern = str(c.argv[i + 1]!);
    } else if (o === 'type' && hasValue && allowType) {
      typeName = option(c.argv[i + 1]!);
    } else {
      fail(SYNTAX);
    }
  }
  const p = pattern;
  return { start, match: p === undefined || p === '*' ? () => true : (k) => globMatch(p, k), typeName };
}

/** A SCAN-style reply: cursor 0 (everything in one call) and the elements. */
export function scanReply(items: Uint8Array[]): ReturnType<Handler> {
  return array([bulkText('0'), array(items.map((b) => bulk(b)))]);
}

const scan: Handler = (c) => {
  const { start, match, typeName } = scanArgs(c, 1, true);
  const found = start !== 0n ? [] : c.db.keys(c.now).filter((k) =>
    match(k) && (typeName === undefined || c.db.data.get(k)!.type === typeName));
  return scanReply(found.map(raw));
};

const rename = (onlyNew: boolean): Handler => (c) => {
  const src = str(c.argv[1]!);
  const dst = str(c.argv[2]!);
  const value = c.db.lookup(src, c.now);
  if (value === undefined) return NO_SUCH_KEY;
  if (src === dst) return onlyNew ? int(0) : OK;
  if (onlyNew && c.db.lookup(dst, c.now) !== undefined) return int(0);
  const when = c.db.expires.get(src);
  c.db.delete(src);
  c.db.set(dst, value);
  if (when !== undefined) c.db.expires.set(dst, when);
  return onlyNew ? int(1) : OK;
};

const randomkey: Handler = (c) => {
  const all = c.db.keys(c.now);
  return all.length === 0 ? NIL : bulk(raw(all[Math.floor(c.random() * all.length)]!));
};

const SAME_OBJECT = err('ERR source and destination objects are the same');

/** COPY src dst [DB n] [REPLACE]: a deep copy with the source's expiry. */
const copy: Handler = (c) => {
  let replace = false;
  let target = c.db;
  let targetId = c.ctx.db;
  for (let j = 3; j < c.argv.length; j++) {
    const o = option(c.argv[j]!);
    if (o === 'replace') replace = true;
    else if (o === 'db' && j + 1 < c.argv.length) {
      const id = dbIndex(c.argv[++j]!, c.dbs.length);
      if (typeof id === 'string') return err(id);
      target = c.dbs[id]!;
      targetId = id;
    } else return SYNTAX;
  }
  const src = str(c.argv[1]!);
  const dst = str(c.argv[2]!);
  if (targetId === c.ctx.db && src === dst) return SAME_OBJECT;
  const value = c.db.lookup(src, c.now);
  if (value === undefined) return int(0);
  if (target.lookup(dst, c.now) !== undefined) {
    if (!replace) return int(0);
    target.delete(dst);
  }
  target.set(dst, cloneValue(value));
  const when = c.db.expires.get(src);
  if (when !== undefined) target.expires.set(dst, when);
  return int(1);
};

/** MOVE key db: to another database, with its expiry, unless the key is there already. */
const move: Handler = (c) => {
  const id = dbIndex(c.argv[2]!, c.dbs.length);
  if (typeof id === 'string') return err(id);
  if (id === c.ctx.db) return SAME_OBJECT;
  const key = str(c.argv[1]!);
  const value = c.db.lookup(key, c.now);
  if (value === undefined) return int(0);
  const target = c.dbs[id]!;
  if (target.lookup(key, c.now) !== undefined) return int(0);
  const when = c.db.expires.get(key);
  c.db.delete(key);
  target.set(key, value);
  if (when !== undefined) target.expires.set(key, when);
  return int(1);
};

export const KEY_COMMANDS: Record<string, Handler> = {
  copy, move,
  del, exists, persist, type, keys, scan, randomkey,
  unlink: del,
  touch: exists,
  expire: expire(true, false),
  pexpire: expire(false, false),
  expireat: expire(true, true),
  pexpireat: expire(false, true),
  ttl: ttl(false, false),
  pttl: ttl(true, false),
  expiretime: ttl(false, true),
  pexpiretime: ttl(true, true),
  rename: rename(false),
  renamenx: rename(true),
};
