// One client's connection state and the commands that live on the
// connection rather than in the data: HELLO, AUTH, SELECT, QUIT, CLIENT
// ID|GETNAME|SETNAME, COMMAND DOCS, a minimal INFO, and PING/ECHO when the
// executor has none. Everything else goes to scripting (EVAL..., SCRIPT), which hands
// the rest to the executor. Browser-safe: the socket side is src/cli/.
//
// Replies and errors are redis-server 7.0.15's (test/redis-protocol.test.ts
// compares them byte for byte), except what legitimately differs: HELLO's
// `id` is this server's own client counter. HELLO reports server "redis",
// version 7.0.15: the version whose behaviour is emulated, the same as the
// scripts' redis.REDIS_VERSION, so that clients choose the right features.
//
// Authentication: like a default redis-server (no requirepass), the user
// `default` accepts any password and every other user name is refused.
import type { RedisExecutor } from './executor.js';
import { bytes, latin1, type RespValue } from './resp.js';
import { parseIntegerNumber } from './store/numbers.js';

/**
 * What the session needs from scripting (RedisScripting has it). A promise
 * lets a long command (a time-sliced script) run while the server keeps
 * answering: other clients wait, then past `busyThresholdMs` get
 * `whileBusy`'s replies (BUSY, SCRIPT KILL), as from Redis.
 */
export interface CommandRunner {
  command(argv: readonly Uint8Array[], client: { resp: 2 | 3; db: number }): RespValue | Promise<RespValue>;
  /**
   * Used instead of `command` when present: runs scripts asynchronously. A
   * plain value for commands that run no script saves the server a pause of
   * the client's socket and an event-loop turn per command.
   */
  commandAsync?(argv: readonly Uint8Array[], client: { resp: 2 | 3; db: number }): RespValue | Promise<RespValue>;
  /** The reply to another client's command while a command runs past the threshold (default: a BUSY error). */
  whileBusy?(argv: readonly Uint8Array[]): RespValue;
  /** Redis's busy-reply-threshold in ms (default: never; other clients just wait). */
  readonly busyThresholdMs?: number;
}

/** Commands a client may run while another's script is busy (Redis's allow_busy flag, among those the session answers). */
const ALLOW_BUSY = new Set(['hello', 'auth', 'quit']);

/** What is shared by all the clients of one server. */
export interface SessionShared {
  runner: CommandRunner;
  /** Used only to ask whether it has PING and ECHO; without it the session answers them. */
  executor?: RedisExecutor;
  /** How many databases SELECT accepts (Redis: `databases`, 16). */
  databases: number;
  /** The Redis version reported by HELLO and INFO. */
  version: string;
}

/** A command's outcome: the reply, and whether the connection closes once it is written (QUIT). */
export interface Outcome {
  reply: RespValue | Promise<RespValue>;
  close?: boolean;
}

const text = (s: string): Uint8Array => bytes(s);
const simple = (s: string): RespValue => ({ type: 'simple', value: text(s) });
const bulk = (b: Uint8Array): RespValue => ({ type: 'bulk', value: b });
const error = (s: string): RespValue => ({ type: 'error', value: text(s) });
const integer = (n: number): RespValue => ({ type: 'integer', value: BigInt(n) });
const OK = simple('OK');
const arity = (name: string): RespValue => error(`ERR wrong number of arguments for '${name}' command`);
const WRONGPASS = error('WRONGPASS invalid username-password pair or user is disabled.');

export class ClientSession {
  resp: 2 | 3 = 2;
  db = 0;
  name: Uint8Array | null = null;

  constructor(private readonly shared: SessionShared, readonly id: number) {}

  /** Runs one complete request (argv is never empty). */
  run(argv: Uint8Array[]): Outcome {
    const name = latin1(argv[0]!).toLowerCase();
    const own = (n: string) => this.shared.executor?.command(n) === undefined;
    switch (name) {
      case 'hello': return { reply: this.hello(argv) };
      case 'auth': return { reply: this.auth(argv) };
      case 'select': return { reply: this.select(argv) };
      case 'quit': return { reply: OK, close: true };
      case 'client': return { reply: this.client(argv) };
      case 'command': return { reply: this.commandCommand(argv) };
      case 'ping': if (own('ping')) return { reply: this.ping(argv) }; break;
      case 'echo': if (own('echo')) return { reply: argv.length === 2 ? bulk(argv[1]!) : arity('echo') }; break;
      // MemoryStore knows INFO's metadata (it has every command's) but does not implement it.
      case 'info': return { reply: this.info() };
    }
    const runner = this.shared.runner;
    const client = { resp: this.resp, db: this.db };
    return { reply: runner.commandAsync !== undefined ? runner.commandAsync(argv, client) : runner.command(argv, client) };
  }

  /** Runs a request that arrives while another client's command is busy past the threshold. */
  runWhileBusy(argv: Uint8Array[]): Outcome {
    if (ALLOW_BUSY.has(latin1(argv[0]!).toLowerCase())) return this.run(argv);
    const runner = this.shared.runner;
    if (runner.whileBusy !== undefined) return { reply: runner.whileBusy(argv) };
    return { reply: error('BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.') };
  }

  /** HELLO [protover [AUTH username password] [SETNAME clientname]]: each option takes effect in order (as in 7.0: `SETNAME a AUTH bob x` sets the name, then fails). */
  private hello(argv: Uint8Array[]): RespValue {
    let resp = this.resp;
    if (argv.length >= 2) {
      const v = parseIntegerNumber(argv[1]!);
      if (v === null || v > 2147483647 || v < -2147483648) return error('ERR Protocol version is not an integer or out of range');
      if (v !== 2 && v !== 3) return error('NOPROTO unsupported protocol version');
      resp = v;
    }
    for (let i = 2; i < argv.length; i++) {
      const option = latin1(argv[i]!);
      const more = argv.length - 1 - i;
      if (option.toLowerCase() === 'auth' && more >= 2) {
        if (latin1(argv[i + 1]!) !== 'default') return WRONGPASS;
        i += 2;
      } else if (option.toLowerCase() === 'setname' && more >= 1) {
        const bad = this.setName(argv[i + 1]!);
        if (bad !== null) return bad;
        i += 1;
      } else {
        return error(`ERR Syntax error in HELLO option '${option}'`);
      }
    }
    this.resp = resp;
    const entries: [string, RespValue][] = [
      ['server', bulk(text('redis'))],
      ['version', bulk(text(this.shared.version))],
      ['proto', integer(this.resp)],
      ['id', integer(this.id)],
      ['mode', bulk(text('standalone'))],
      ['role', bulk(text('master'))],
      ['modules', { type: 'array', items: [] }],
    ];
    return { type: 'map', entries: entries.map(([k, v]) => [bulk(text(k)), v]) };
  }

  /** AUTH [username] password, as a server without requirepass answers it. */
  private auth(argv: Uint8Array[]): RespValue {
    if (argv.length < 2) return arity('auth');
    if (argv.length > 3) return error('ERR syntax error');
    if (argv.length === 2) return error('ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?');
    return latin1(argv[1]!) === 'default' ? OK : WRONGPASS;
  }

  private select(argv: Uint8Array[]): RespValue {
    if (argv.length !== 2) return arity('select');
    const n = parseIntegerNumber(argv[1]!);
    if (n === null || n > 2147483647 || n < -2147483648) return error('ERR value is not an integer or out of range');
    if (n < 0 || n >= this.shared.databases) return error('ERR DB index is out of range');
    this.db = n;
    return OK;
  }

  private ping(argv: Uint8Array[]): RespValue {
    if (argv.length > 2) return arity('ping');
    return argv.length === 2 ? bulk(argv[1]!) : simple('PONG');
  }

  /** CLIENT ID | GETNAME | SETNAME name; other subcommands are not kept here. */
  private client(argv: Uint8Array[]): RespValue {
    if (argv.length < 2) return arity('client');
    const sub = latin1(argv[1]!).toLowerCase();
    switch (sub) {
      case 'id':
        return argv.length === 2 ? integer(this.id) : arity('client|id');
      case 'getname':
        if (argv.length !== 2) return arity('client|getname');
        return this.name === null ? { type: 'null' } : bulk(this.name);
      case 'setname':
        if (argv.length !== 3) return arity('client|setname');
        return this.setName(argv[2]!) ?? OK;
      default:
        return error(`ERR unknown subcommand '${latin1(argv[1]!)}'. Try CLIENT HELP.`);
    }
  }

  /** Sets the client's name ("" clears it); the error when it has bytes outside '!'..'~'. */
  private setName(name: Uint8Array): RespValue | null {
    if (name.some((b) => b < 0x21 || b > 0x7e)) return error('ERR Client names cannot contain spaces, newlines or special characters.');
    this.name = name.length === 0 ? null : name;
    return null;
  }

  /**
   * COMMAND DOCS answers with no documentation (an empty map), which is what
   * redis-cli asks for at start; the rest of COMMAND is not implemented.
   */
  private commandCommand(argv: Uint8Array[]): RespValue {
    if (argv.length >= 2 && latin1(argv[1]!).toLowerCase() === 'docs') return { type: 'map', entries: [] };
    if (argv.length < 2) return error('ERR COMMAND without a subcommand is not implemented by regolith-redis');
    return error(`ERR unknown subcommand '${latin1(argv[1]!)}'. Try COMMAND HELP.`);
  }

  /** A few fields of INFO, enough for clients that check the version or wait for `loading:0` (ioredis). */
  private info(): RespValue {
    const lines = [
      '# Server', `redis_version:${this.shared.version}`, 'redis_mode:standalone', 'executable:regolith-redis', '',
      '# Persistence', 'loading:0', '',
      '# Replication', 'role:master', '',
    ];
    return { type: 'verbatim', format: text('txt'), value: text(lines.join('\r\n')) };
  }
}

