// A stand-in executor for regolith-redis and its tests until the in-memory
// store (src/redis/store/, MemoryStore) is wired in: strings only, with GET,
// SET key value (no options) and DEL, in 16 databases; every other command is
// unknown, with Redis's error text. Not a data store: just enough for scripts
// to call a command.
import type { CommandContext, CommandSpec, RedisExecutor } from '../redis/executor.js';
import { bytes, latin1, type RespValue } from '../redis/resp.js';

const SPECS: Record<string, CommandSpec> = {
  get: { name: 'get', arity: 2, flags: ['readonly', 'fast'], firstKey: 1, lastKey: 1, step: 1 },
  set: { name: 'set', arity: -3, flags: ['write', 'denyoom'], firstKey: 1, lastKey: 1, step: 1 },
  del: { name: 'del', arity: -2, flags: ['write'], firstKey: 1, lastKey: -1, step: 1 },
};

export class StandInExecutor implements RedisExecutor {
  private readonly dbs: Map<string, Uint8Array>[] = Array.from({ length: 16 }, () => new Map());

  command(name: string): CommandSpec | undefined {
    return SPECS[name];
  }

  execute(argv: readonly Uint8Array[], ctx: CommandContext): RespValue {
    const name = latin1(argv[0]!).toLowerCase();
    const spec = SPECS[name];
    if (spec === undefined) return unknownCommand(argv);
    if (spec.arity > 0 ? argv.length !== spec.arity : argv.length < -spec.arity) {
      return { type: 'error', value: bytes(`ERR wrong number of arguments for '${name}' command`) };
    }
    const db = this.dbs[ctx.db]!;
    const key = latin1(argv[1]!);
    switch (name) {
      case 'get': {
        const v = db.get(key);
        return v === undefined ? { type: 'null' } : { type: 'bulk', value: v };
      }
      case 'set':
        if (argv.length !== 3) return { type: 'error', value: bytes('ERR syntax error') };
        db.set(key, argv[2]!);
        return { type: 'simple', value: bytes('OK') };
      default: {
        let n = 0;
        for (const k of argv.slice(1)) if (db.delete(latin1(k))) n++;
        return { type: 'integer', value: BigInt(n) };
      }
    }
  }
}

/** Redis's reply to an unknown command: its name and up to 128 bytes of each of its first arguments, up to 128 in all. */
function unknownCommand(argv: readonly Uint8Array[]): RespValue {
  let args = '';
  for (const a of argv.slice(1)) {
    if (args.length >= 128) break;
    args += `'${latin1(a.subarray(0, 128 - args.length))}' `;
  }
  const text = `ERR unknown command '${latin1(argv[0]!).slice(0, 128)}', with args beginning with: ${args}`;
  // Bytes of the command line shown as they are, except CR and LF (one-line replies).
  return { type: 'error', value: Uint8Array.from(text, (c) => (c === '\r' || c === '\n' ? 32 : c.charCodeAt(0))) };
}
