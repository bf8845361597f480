import { LocalRedis, RedisReplyError } from 'regolith/redis';

// A rate limiter: at most ARGV[2] calls per ARGV[1] milliseconds for a key.
const limiter = `
  local n = redis.call('INCR', KEYS[1])
  if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
  return n <= tonumber(ARGV[2]) and 1 or 0`;

// Redis 7.0's scripting over an in-memory store, with a clock the test drives.
let now = 1_700_000_000_000;
const redis = new LocalRedis({ clock: () => now });
const sha = redis.scriptLoad(limiter);
const allowed = () => redis.evalsha(sha, ['rate:alice'], [1000, 2]);
console.log([allowed(), allowed(), allowed()], redis.call('PTTL', 'rate:alice'));
now += 1001; // the window has passed: the key expired
console.log(allowed());

// Error replies are Redis's, byte for byte, thrown as RedisReplyError.
try {
  redis.eval('return redis.call("HSET", KEYS[1], "f", "v")', ['rate:alice']);
} catch (e) {
  if (e instanceof RedisReplyError) console.log(e.code, '|', e.message);
}
