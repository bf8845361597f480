// MemoryStore: a RedisExecutor that keeps the data in memory, for running
// Redis scripts in tests and in the RESP server without a real Redis.
//
// A command is checked as redis-server's processCommand checks it: unknown
// commands and subcommands, then arity (from the COMMAND table of
// ../commands.ts); then it runs on the selected database with the time read
// once from ctx.now(). Commands Redis has but this store does not implement
// get an error reply saying so.
import { COMMAND_SPECS, commandSpec, hasSubcommands } from '../commands.js';
import type { CommandContext, CommandSpec, RedisExecutor } from '../executor.js';
import type { RespValue } from '../resp.js';
import { BIT_COMMANDS } from './bitmaps.js';
import { HASH_COMMANDS } from './hashes.js';
import { type Call, Database, type Handler, raw, str } from './keyspace.js';
import { KEY_COMMANDS } from './keys.js';
import { LIST_COMMANDS } from './lists.js';
import { ReplyError, arityError, err } from './reply.js';
import { SERVER_COMMANDS } from './server.js';
import { SET_COMMANDS } from './sets.js';
import { STRING_COMMANDS } from './strings.js';
import { ZRANGE_COMMANDS } from './zranges.js';
import { ZSETOP_COMMANDS } from './zsetops.js';
import { ZSET_COMMANDS } from './zsets.js';

/** Every implemented command by lowercase name. */
const HANDLERS: Readonly<Record<string, Handler>> = Object.freeze({
  ...STRING_COMMANDS, ...KEY_COMMANDS, ...HASH_COMMANDS, ...LIST_COMMANDS,
  ...SET_COMMANDS, ...ZSET_COMMANDS, ...ZRANGE_COMMANDS, ...ZSETOP_COMMANDS, ...SERVER_COMMANDS, ...BIT_COMMANDS,
});

export interface MemoryStoreOptions {
  /** How many databases SELECT can choose from (redis: databases, 16). */
  databases?: number;
  /** Randomness for SPOP, SRANDMEMBER and RANDOMKEY: a number in [0, 1); Math.random by default. */
  random?: () => number;
}

/** The names of the commands MemoryStore implements (lowercase). */
export function memoryStoreCommands(): string[] {
  return Object.keys(HANDLERS).sort();
}

/** Text for an error message as Redis's '%.Ns' prints it: cut at a NUL byte and after `max` bytes. */
function cText(b: Uint8Array, max: number): string {
  const nul = b.indexOf(0);
  return str(b.subarray(0, Math.min(nul < 0 ? b.length : nul, Math.max(0, max))));
}

/** An error reply of Latin-1 text with CR and LF turned into spaces, as addReplyErrorFormat does. */
function formattedError(text: string): RespValue {
  return { type: 'error', value: raw(text.replace(/[\r\n]/g, ' ')) };
}

/** ERR unknown command 'x', with args beginning with: 'a' 'b' (the args cut at 128 bytes in all). */
function unknownCommand(argv: readonly Uint8Array[]): RespValue {
  let args = '';
  for (let i = 1; i < argv.length && args.length < 128; i++) args += `'${cText(argv[i]!, 128 - args.length)}' `;
  return formattedError(`ERR unknown command '${cText(argv[0]!, 128)}', with args beginning with: ${args}`);
}

export class MemoryStore implements RedisExecutor {
  private readonly dbs: Database[] = [];
  private readonly random: () => number;

  constructor(options: MemoryStoreOptions = {}) {
    const count = options.databases ?? 16;
    for (let i = 0; i < count; i++) this.dbs.push(new Database());
    this.random = options.random ?? Math.random;
  }

  command(name: string): CommandSpec | undefined {
    return commandSpec(name);
  }

  /** The spec a command line runs as (a subcommand's for containers), or the error reply Redis gives. */
  private resolve(argv: readonly Uint8Array[]): CommandSpec | RespValue {
    if (argv.length === 0) return err('ERR empty command');
    const name = str(argv[0]!).toLowerCase();
    const base = COMMAND_SPECS[name];
    if (base === undefined || !Object.prototype.hasOwnProperty.call(COMMAND_SPECS, name) || name.includes('|')) {
      return unknownCommand(argv);
    }
    let spec = base;
    if (argv.length >= 2 && hasSubcommands(name)) {
      const sub = commandSpec(`${name}|${str(argv[1]!).toLowerCase()}`);
      if (sub === undefined) {
        return formattedError(`ERR unknown subcommand '${cText(argv[1]!, 128)}'. Try ${name.toUpperCase()} HELP.`);
      }
      spec = sub;
    }
    const n = argv.length;
    if ((spec.arity > 0 && spec.arity !== n) || n < -spec.arity) return arityError(spec.name);
    return spec;
  }

  execute(argv: readonly Uint8Array[], ctx: CommandContext): RespValue {
    const spec = this.resolve(argv);
    if (!('name' in spec)) return spec;
    const handler = Object.prototype.hasOwnProperty.call(HANDLERS, spec.name) ? HANDLERS[spec.name] : undefined;
    if (handler === undefined) return err(`ERR command '${spec.name}' is not supported by the in-memory store`);
    const db = this.dbs[ctx.db];
    if (db === undefined) return err('ERR DB index is out of range');
    const call: Call = { argv, db, now: ctx.now(), resp: ctx.resp, ctx, dbs: this.dbs, random: this.random };
    try {
      return handler(call);
    } catch (e) {
      if (e instanceof ReplyError) return e.reply;
      throw e;
    }
  }
}
