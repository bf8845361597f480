// Server and connection commands: PING, ECHO, TIME, DBSIZE, FLUSHDB,
// FLUSHALL, SELECT, SWAPDB.
import { intArg, option } from './args.js';
import type { Handler } from './keyspace.js';
import { OK, SYNTAX, array, arityError, bulk, bulkText, err, int, simple } from './reply.js';

const INT_MAX = 2n ** 31n - 1n;

const ping: Handler = (c) => {
  if (c.argv.length > 2) return arityError('ping');
  return c.argv.length === 2 ? bulk(c.argv[1]!) : simple('PONG');
};

const echo: Handler = (c) => bulk(c.argv[1]!);

/** Unix time as [seconds, microseconds], from the command's clock (milliseconds). */
const time: Handler = (c) => {
  const ms = Math.floor(c.now);
  return array([bulkText(String(Math.floor(ms / 1000))), bulkText(String((ms % 1000) * 1000))]);
};

const dbsize: Handler = (c) => int(c.db.keys(c.now).length);

/** FLUSHDB and FLUSHALL take an optional ASYNC or SYNC, which makes no difference here. */
const flush = (all: boolean): Handler => (c) => {
  if (c.argv.length > 2) return SYNTAX;
  if (c.argv.length === 2 && option(c.argv[1]!) !== 'async' && option(c.argv[1]!) !== 'sync') return SYNTAX;
  for (const db of all ? c.dbs : [c.db]) db.clear();
  return OK;
};

/** A database index argument (getIntFromObjectOrReply): `notInt` when it is not a C int. */
export function dbIndex(b: Uint8Array, count: number, notInt?: string): number | string {
  const v = notInt === undefined ? intArg(b) : intArg(b, err(notInt));
  if (v > INT_MAX || v < -INT_MAX - 1n) return notInt ?? `ERR value is out of range, value must between ${-INT_MAX - 1n} and ${INT_MAX}`;
  if (v < 0n || v >= BigInt(count)) return 'ERR DB index is out of range';
  return Number(v);
}

/** SELECT changes the caller's context (ctx.db), which the caller keeps for its next commands. */
const select: Handler = (c) => {
  const id = dbIndex(c.argv[1]!, c.dbs.length);
  if (typeof id === 'string') return err(id);
  c.ctx.db = id;
  return OK;
};

const swapdb: Handler = (c) => {
  const a = dbIndex(c.argv[1]!, c.dbs.length, 'ERR invalid first DB index');
  if (typeof a === 'string') return err(a);
  const b = dbIndex(c.argv[2]!, c.dbs.length, 'ERR invalid second DB index');
  if (typeof b === 'string') return err(b);
  [c.dbs[a], c.dbs[b]] = [c.dbs[b]!, c.dbs[a]!];
  return OK;
};

export const SERVER_COMMANDS: Record<string, Handler> = {
  ping, echo, time, dbsize, select, swapdb,
  flushdb: flush(false),
  flushall: flush(true),
};
