// What Regolith's Redis environment runs with in the differential tests.
import type { RedisExecutor } from '../../src/redis/executor.js';
import type { LibraryOpener } from '../../src/redis/environment.js';

/** The executor for redis.call (the in-memory store once it lands; a minimal stand-in until then). */
export function testExecutor(): RedisExecutor {
  const specs: Record<string, { arity: number; flags: string[] }> = {
    get: { arity: 2, flags: ['readonly', 'fast'] },
    set: { arity: -3, flags: ['write', 'denyoom'] },
    eval: { arity: -3, flags: ['noscript', 'skip_monitor', 'may_replicate', 'no_mandatory_keys', 'stale'] },
    multi: { arity: 1, flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'] },
  };
  return {
    command: (name) => {
      const s = specs[name];
      return s === undefined ? undefined : { name, arity: s.arity, flags: s.flags, firstKey: 1, lastKey: 1, step: 1 };
    },
    execute: () => ({ type: 'null' }),
  };
}

/** cjson, cmsgpack and struct, once they land. */
export function testLibraries(): Record<string, LibraryOpener> {
  return {};
}
