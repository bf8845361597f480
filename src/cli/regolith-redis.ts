// regolith-redis: a RESP server (RESP2 and RESP3) over Regolith's Redis
// scripting, so that redis-cli and Node's Redis clients can run EVAL,
// EVALSHA, SCRIPT and data commands against it. For tests and development.
import { RedisScripting } from '../redis/scripting.js';
import type { RedisExecutor } from '../redis/executor.js';
import { createServer } from './redis-server.js';
import { MemoryStore } from '../redis/store/index.js';

const HELP = `usage: regolith-redis [--port N] [--bind ADDRESS]

A Redis-compatible server (RESP2 and RESP3) whose EVAL, EVALSHA and SCRIPT
run Lua in Regolith, the way redis-server 7.0 does.

It is for tests and development, NOT a production store: data lives only
in memory, with no persistence, replication, authentication or eviction.

  --port N        TCP port to listen on (default 6379; 0 picks a free one)
  --bind ADDRESS  address to listen on (default 127.0.0.1)
  --help          show this help

Once listening it prints "regolith-redis listening on ADDRESS:PORT".
`;

/** The executor of data commands: the in-memory store. */
function defaultExecutor(): RedisExecutor {
  return new MemoryStore();
}

interface Io {
  stdout(s: string): void;
  stderr(s: string): void;
}

const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};

/** Parses the arguments and starts the server; resolves to an exit code only when it does not start. */
export async function main(args: string[], io: Io = processIo): Promise<number | undefined> {
  let port = 6379;
  let bind = '127.0.0.1';
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string | undefined => {
      const eq = a.indexOf('=');
      return eq >= 0 ? a.slice(eq + 1) : args[++i];
    };
    const name = a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    if (name === '--help' || name === '-h') {
      io.stdout(HELP);
      return 0;
    } else if (name === '--port') {
      const v = value();
      if (v === undefined || !/^\d{1,5}$/.test(v) || Number(v) > 65535) {
        io.stderr(`regolith-redis: '--port' needs a port number from 0 to 65535\n`);
        return 2;
      }
      port = Number(v);
    } else if (name === '--bind') {
      const v = value();
      if (v === undefined || v === '') {
        io.stderr(`regolith-redis: '--bind' needs an address\n`);
        return 2;
      }
      bind = v;
    } else {
      io.stderr(`regolith-redis: unknown option '${a}'\n${HELP}`);
      return 2;
    }
  }
  const executor = defaultExecutor();
  const handle = createServer({ scripting: new RedisScripting({ executor }), executor });
  try {
    const actual = await handle.listen(port, bind);
    io.stdout(`regolith-redis listening on ${bind}:${actual}\n`);
  } catch (e) {
    io.stderr(`regolith-redis: cannot listen on ${bind}:${port}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  return undefined;
}
