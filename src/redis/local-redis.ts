// LocalRedis: Redis's scripting environment and an executor in process,
// with replies as JavaScript values. For testing Redis scripts without a
// server:
//
//   const redis = new LocalRedis();
//   redis.call('SET', 'hits', '10');
//   redis.eval("return redis.call('INCRBY', KEYS[1], ARGV[1])", ['hits'], [5]); // 15
//
// Replies follow RESP2 by default (as a client that never sent HELLO 3).
import type { RespValue } from './resp.js';
import { RedisScripting, type ClientState, type RedisScriptingOptions } from './scripting.js';
import { sha1hex } from './sha1.js';
import { bytesToLua, luaToBytes } from '../api/strings.js';

/** A reply as a JS value: bulk and status strings as text, integers as numbers (bigint beyond 2^53), arrays as arrays. */
export type RedisReply = string | number | bigint | boolean | null | Uint8Array | RedisReply[] | Map<RedisReply, RedisReply> | Set<RedisReply>;

/** An error reply (`-ERR ...`, `-WRONGTYPE ...`), thrown. */
export class RedisReplyError extends Error {
  /** The first word of the error, e.g. 'ERR', 'WRONGTYPE', 'NOSCRIPT'. */
  readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = 'RedisReplyError';
    this.code = message.split(' ', 1)[0] ?? '';
  }
}

export interface LocalRedisOptions extends RedisScriptingOptions {
  /** The client's protocol (HELLO 3 gives maps, sets, doubles, booleans and nulls). Default 2. */
  resp?: 2 | 3;
  /** Bulk strings as Uint8Array instead of UTF-8 decoded text. */
  bytes?: boolean;
}

type Arg = string | number | bigint | Uint8Array;

export class LocalRedis {
  readonly scripting: RedisScripting;
  private readonly client: ClientState;
  private readonly bytes: boolean;

  constructor(options: LocalRedisOptions = {}) {
    this.scripting = new RedisScripting(options);
    this.client = { resp: options.resp ?? 2, db: 0 };
    this.bytes = options.bytes === true;
  }

  /** Any command; error replies are thrown as RedisReplyError. */
  call(...args: Arg[]): RedisReply {
    return this.reply(this.raw(args.map(toBytes)));
  }

  /** The reply as the server's RespValue, errors included (nothing is thrown for them). */
  raw(argv: Uint8Array[]): RespValue {
    return this.scripting.command(argv, this.client);
  }

  /** EVAL: a script with its KEYS and ARGV. */
  eval(script: string, keys: readonly Arg[] = [], args: readonly Arg[] = []): RedisReply {
    return this.call('EVAL', script, keys.length, ...keys, ...args);
  }

  /** EVALSHA of a script loaded before (SCRIPT LOAD, or an EVAL of it). */
  evalsha(sha: string, keys: readonly Arg[] = [], args: readonly Arg[] = []): RedisReply {
    return this.call('EVALSHA', sha, keys.length, ...keys, ...args);
  }

  /** SCRIPT LOAD: the script's sha1. */
  scriptLoad(script: string): string {
    return this.call('SCRIPT', 'LOAD', script) as string;
  }

  /** The sha1 EVALSHA knows a script by. */
  static sha1(script: string | Uint8Array): string {
    return sha1hex(bytesToLua(typeof script === 'string' ? new TextEncoder().encode(script) : script));
  }

  /** FUNCTION LOAD [REPLACE]: the library's name. */
  functionLoad(code: string, options: { replace?: boolean } = {}): string {
    return (options.replace === true ? this.call('FUNCTION', 'LOAD', 'REPLACE', code) : this.call('FUNCTION', 'LOAD', code)) as string;
  }

  /** FCALL: a function of a loaded library. */
  fcall(name: string, keys: readonly Arg[] = [], args: readonly Arg[] = []): RedisReply {
    return this.call('FCALL', name, keys.length, ...keys, ...args);
  }

  private reply(r: RespValue): RedisReply {
    switch (r.type) {
      case 'error': throw new RedisReplyError(new TextDecoder().decode(r.value));
      case 'bulk': return this.bytes ? r.value : new TextDecoder().decode(r.value);
      case 'simple': return new TextDecoder().decode(r.value);
      case 'integer': return r.value >= BigInt(Number.MIN_SAFE_INTEGER) && r.value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(r.value) : r.value;
      case 'null': case 'nullArray': return null;
      case 'array': case 'push': return r.items.map((i) => this.replyOrError(i));
      case 'set': return new Set(r.items.map((i) => this.replyOrError(i)));
      case 'map': return new Map(r.entries.map(([k, v]) => [this.replyOrError(k), this.replyOrError(v)]));
      case 'double': return Number(new TextDecoder().decode(r.value).replace(/^(-?)inf$/, '$1Infinity'));
      case 'boolean': return r.value;
      case 'bigNumber': return BigInt(new TextDecoder().decode(r.value));
      case 'verbatim': return this.bytes ? r.value : new TextDecoder().decode(r.value);
    }
  }

  /** Inside an array an error reply is a value (a RedisReplyError object), as clients give it. */
  private replyOrError(r: RespValue): RedisReply {
    if (r.type === 'error') return new RedisReplyError(new TextDecoder().decode(r.value)) as unknown as RedisReply;
    return this.reply(r);
  }
}

function toBytes(a: Arg): Uint8Array {
  if (a instanceof Uint8Array) return a;
  if (typeof a === 'string') return new TextEncoder().encode(a);
  return luaToBytes(String(a));
}
