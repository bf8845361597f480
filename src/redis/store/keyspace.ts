// The keyspace: numbered databases of typed values, with expiry times.
// Keys are binary; they are kept as Latin-1 JS strings (one char per byte),
// so that JS string comparison is Redis's memcmp order.
//
// Expiry is lazy, as Redis does on access: a key whose time has passed is
// deleted when a command looks it up. Time comes from the command's
// context (CommandContext.now), read once per command as Redis does.
import type { CommandContext } from '../executor.js';
import { bytesToLua } from '../../api/strings.js';
import type { RespValue } from '../resp.js';
import { SortedSet } from './sortedset.js';
import { fail, WRONGTYPE } from './reply.js';

export type Value =
  | { type: 'string'; value: Uint8Array }
  | { type: 'hash'; value: Map<string, Uint8Array> }
  | { type: 'list'; value: Uint8Array[] }
  /** `intset`: Redis would still hold it as an intset (integers only, at most 512), which iterates in numeric order. */
  | { type: 'set'; value: Set<string>; intset: boolean }
  | { type: 'zset'; value: SortedSet };

export type TypeName = Value['type'];

/** A key's bytes as the Latin-1 string the keyspace uses. */
export function str(b: Uint8Array): string {
  return bytesToLua(b);
}

/** The bytes of a Latin-1 key string. */
export function raw(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

/** A deep copy of a value (COPY). */
export function cloneValue(v: Value): Value {
  switch (v.type) {
    case 'string': return { type: 'string', value: v.value };
    case 'hash': return { type: 'hash', value: new Map(v.value) };
    case 'list': return { type: 'list', value: [...v.value] };
    case 'set': return { type: 'set', value: new Set(v.value), intset: v.intset };
    case 'zset': return { type: 'zset', value: v.value.clone() };
  }
}

export class Database {
  readonly data = new Map<string, Value>();
  /** Absolute expiry times in Unix milliseconds (int64, as Redis keeps them; compared with numbers directly). */
  readonly expires = new Map<string, bigint>();

  /** The value of a live key, deleting it first if it has expired (Redis: now > when). */
  lookup(key: string, now: number): Value | undefined {
    const when = this.expires.get(key);
    if (when !== undefined && now > when) {
      this.data.delete(key);
      this.expires.delete(key);
      return undefined;
    }
    return this.data.get(key);
  }

  /** The value of a live key of the given type, undefined when absent; WRONGTYPE otherwise. */
  typed<T extends TypeName>(key: string, type: T, now: number): Extract<Value, { type: T }> | undefined {
    const v = this.lookup(key, now);
    if (v === undefined) return undefined;
    if (v.type !== type) fail(WRONGTYPE);
    return v as Extract<Value, { type: T }>;
  }

  /** Sets a key's value; its expiry is removed unless keepTtl. */
  set(key: string, value: Value, keepTtl = false): void {
    this.data.set(key, value);
    if (!keepTtl) this.expires.delete(key);
  }

  delete(key: string): boolean {
    this.expires.delete(key);
    return this.data.delete(key);
  }

  /** Deletes a container key left empty by a command, as Redis does. */
  deleteIfEmpty(key: string, v: Value): void {
    const size = v.type === 'string' ? 1 : v.type === 'list' ? v.value.length : v.value.size;
    if (size === 0) this.delete(key);
  }

  /** Every live key (expired ones are deleted on the way). */
  keys(now: number): string[] {
    const out: string[] = [];
    for (const k of [...this.data.keys()]) if (this.lookup(k, now) !== undefined) out.push(k);
    return out;
  }

  clear(): void {
    this.data.clear();
    this.expires.clear();
  }
}

/** Everything a command runs with. */
export interface Call {
  /** The command name (argv[0], as sent) and its arguments. */
  argv: readonly Uint8Array[];
  db: Database;
  /** The command's time in milliseconds (read once from ctx.now()). */
  now: number;
  resp: 2 | 3;
  ctx: CommandContext;
  /** Every database (SELECT, FLUSHALL, SWAPDB...). */
  dbs: Database[];
  /** A random number in [0, 1) for SPOP, SRANDMEMBER, RANDOMKEY. */
  random(): number;
}

export type Handler = (c: Call) => RespValue;
