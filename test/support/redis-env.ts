// What Regolith's Redis environment runs with in the differential tests.
import type { RedisExecutor } from '../../src/redis/executor.js';
import type { LibraryOpener } from '../../src/redis/environment.js';
import { MemoryStore } from '../../src/redis/store/index.js';

/** The executor for redis.call: the in-memory store. */
export function testExecutor(): RedisExecutor {
  return new MemoryStore();
}

/** Libraries beyond Redis's own (none: cjson, cmsgpack and struct are part of the environment). */
export function testLibraries(): Record<string, LibraryOpener> {
  return {};
}
