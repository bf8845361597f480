// Reply constructors and Redis's standard error texts, shared by every
// command family of the in-memory store.
import { bytes, type RespValue } from '../resp.js';
import { formatDouble } from './numbers.js';

export const OK: RespValue = { type: 'simple', value: bytes('OK') };
export const NIL: RespValue = { type: 'null' };
export const NIL_ARRAY: RespValue = { type: 'nullArray' };

export function simple(text: string): RespValue {
  return { type: 'simple', value: bytes(text) };
}
export function int(n: number | bigint): RespValue {
  return { type: 'integer', value: BigInt(n) };
}
export function bulk(value: Uint8Array): RespValue {
  return { type: 'bulk', value };
}
/** A bulk string of ASCII text (numbers, cursors). */
export function bulkText(text: string): RespValue {
  return { type: 'bulk', value: bytes(text) };
}
export function array(items: RespValue[]): RespValue {
  return { type: 'array', items };
}
export function bulks(values: Iterable<Uint8Array>): RespValue {
  const items: RespValue[] = [];
  for (const v of values) items.push(bulk(v));
  return { type: 'array', items };
}
/** A RESP3 set (an array for RESP2 clients). */
export function set(items: RespValue[]): RespValue {
  return { type: 'set', items };
}
/** A RESP3 map (a flat array for RESP2 clients). */
export function map(entries: [RespValue, RespValue][]): RespValue {
  return { type: 'map', entries };
}
/** A score or float reply as Redis 7.0's addReplyDouble: a double in RESP3, a %.17g bulk string in RESP2. */
export function double(d: number): RespValue {
  return { type: 'double', value: bytes(formatDouble(d)) };
}

/** An error reply; `text` starts with its code ('ERR ...', 'WRONGTYPE ...'). */
export function err(text: string): RespValue {
  return { type: 'error', value: bytes(text) };
}

// Redis's shared error replies (server.c createSharedObjects), exact text.
export const WRONGTYPE = err('WRONGTYPE Operation against a key holding the wrong kind of value');
export const NOT_INTEGER = err('ERR value is not an integer or out of range');
export const NOT_FLOAT = err('ERR value is not a valid float');
export const SYNTAX = err('ERR syntax error');
export const NO_SUCH_KEY = err('ERR no such key');
export const OUT_OF_RANGE = err('ERR index out of range');
export const OVERFLOW = err('ERR increment or decrement would overflow');
export const MIN_MAX_FLOAT = err('ERR min or max is not a float');
export const MIN_MAX_LEX = err('ERR min or max not valid string range item');
export const POSITIVE = err('ERR value is out of range, must be positive');

export function arityError(name: string): RespValue {
  return err(`ERR wrong number of arguments for '${name}' command`);
}

/** Thrown by argument parsers and caught by the dispatcher, which replies with it. */
export class ReplyError extends Error {
  constructor(readonly reply: RespValue) {
    super('reply error');
  }
}

/** Stops the command with an error reply. */
export function fail(reply: RespValue): never {
  throw new ReplyError(reply);
}
