// Who executes Redis commands for scripts (`redis.call`) and for the
// RESP server: an executor maps a command and its arguments to a reply.
// Two implementations: the in-memory store (src/redis/store/) and
// forwarding to a real Redis through a client the embedder passes in.
import type { RespValue } from './resp.js';

/** A command's metadata, as redis-server's COMMAND INFO gives it. */
export interface CommandSpec {
  /** Lowercase name ('get'); subcommands are their own specs ('script|load'). */
  name: string;
  /** Redis arity: N means exactly N arguments counting the name; -N means at least N. */
  arity: number;
  /** Redis's command flags, lowercase: 'write', 'readonly', 'denyoom', 'noscript', 'fast', 'stale', 'loading', 'allow_busy', ... */
  flags: readonly string[];
  /** Key positions: first key, last key (negative: from the end), step; 0, 0, 0 for none. */
  firstKey: number;
  lastKey: number;
  step: number;
}

/** What a command runs with. */
export interface CommandContext {
  /** The protocol of the calling client (a script's is 2 until redis.setresp(3)). */
  resp: 2 | 3;
  /** The selected database. */
  db: number;
  /** The time in milliseconds that commands see (frozen while a script runs, as in Redis 7). */
  now(): number;
}

export interface RedisExecutor {
  /** The metadata of a command by lowercase name, or undefined when there is no such command. */
  command(name: string): CommandSpec | undefined;
  /**
   * Runs one command: argv[0] is its name in any case, the rest its
   * arguments, all binary-safe. Errors are replies ({ type: 'error' }), with
   * Redis's text: `ERR unknown command ...`, `ERR wrong number of arguments
   * for 'get' command`, `WRONGTYPE ...`.
   */
  execute(argv: readonly Uint8Array[], ctx: CommandContext): RespValue | Promise<RespValue>;
}
