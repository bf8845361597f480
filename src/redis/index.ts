// regolith/redis: Redis's Lua scripting environment (EVAL, EVALSHA, SCRIPT,
// FUNCTION, FCALL) exactly as redis-server 7.0's, over an executor of
// commands: in memory (MemoryStore) or your own.
export { LocalRedis, RedisReplyError, type LocalRedisOptions, type RedisReply } from './local-redis.js';
export { RedisScripting, type RedisScriptingOptions, type ClientState } from './scripting.js';
export type { RedisExecutor, CommandSpec, CommandContext } from './executor.js';
export { RespReader, encodeReply, encodeCommand, type RespValue } from './resp.js';
export { MemoryStore, type MemoryStoreOptions } from './store/index.js';
