// The differences between Redis 7.0, 7.2 and 7.4 that scripts can see
// (RedisScriptingOptions.version). Only 7.0.15 is installed here to compare
// against (test/redis-scripting.test.ts); these check the behaviours the
// Redis sources and release notes document for 7.2 and 7.4
// (../shared/redis-scripting-notes.md, A.0), and that 7.0 keeps its own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RedisScripting, type RedisScriptingOptions } from '../src/redis/scripting.js';
import { encodeReply, latin1 } from '../src/redis/resp.js';

function redis(version: RedisScriptingOptions['version']) {
  const s = new RedisScripting({ version });
  return (...argv: string[]) => latin1(encodeReply(s.command(argv.map((a) => new TextEncoder().encode(a)), { resp: 2, db: 0 }), 2));
}
const evalOf = (r: ReturnType<typeof redis>, script: string) => r('EVAL', script, '0');

test('numbers passed to redis.call: %.17g in 7.0, shortest (integers as integers) from 7.2', () => {
  const script = 'redis.call("SET", "a", 0.1) redis.call("SET", "b", 1e9) redis.call("SET", "c", 1.5e300) return {redis.call("GET", "a"), redis.call("GET", "b"), redis.call("GET", "c")}';
  assert.equal(evalOf(redis('7.0'), script), '*3\r\n$19\r\n0.10000000000000001\r\n$10\r\n1000000000\r\n$23\r\n1.5000000000000001e+300\r\n');
  for (const v of ['7.2', '7.4'] as const) assert.equal(evalOf(redis(v), script), '*3\r\n$3\r\n0.1\r\n$10\r\n1000000000\r\n$8\r\n1.5e+300\r\n');
});

test('{double=} to a RESP2 client: %.17g in 7.0, shortest from 7.2', () => {
  assert.equal(evalOf(redis('7.0'), 'return {double = 3.14}'), '$18\r\n3.1400000000000001\r\n');
  assert.equal(evalOf(redis('7.2'), 'return {double = 3.14}'), '$4\r\n3.14\r\n');
});

test('7.4 has os.clock and nothing else of os; 7.0 and 7.2 have no os', () => {
  assert.equal(evalOf(redis('7.4'), 'local n = 0 for k in pairs(os) do n = n + 1 end return {n, type(os.clock()), pcall(function() os.x = 1 end)}'), '*4\r\n:1\r\n$6\r\nnumber\r\n$-1\r\n$49\r\nuser_script:1: Attempt to modify a readonly table\r\n');
  assert.match(evalOf(redis('7.2'), 'return os'), /^-ERR user_script:1: Script attempted to access nonexistent global variable 'os'/);
});

test('messages and versions', () => {
  assert.match(evalOf(redis('7.0'), 'return redis.log(9, "x")'), /^-ERR Invalid debug level\. /);
  assert.match(evalOf(redis('7.4'), 'return redis.log(9, "x")'), /^-ERR Invalid log level\. /);
  assert.match(evalOf(redis('7.0'), 'redis.set_repl()'), /^-ERR redis\.set_repl\(\) requires two arguments\. /);
  assert.match(evalOf(redis('7.2'), 'redis.set_repl()'), /^-ERR redis\.set_repl\(\) requires one argument\. /);
  assert.equal(evalOf(redis('7.0'), 'return {redis.REDIS_VERSION, redis.REDIS_VERSION_NUM}'), '*2\r\n$6\r\n7.0.15\r\n:458767\r\n');
  assert.equal(evalOf(redis('7.4'), 'return {redis.REDIS_VERSION, redis.REDIS_VERSION_NUM}'), '*2\r\n$5\r\n7.4.6\r\n:459782\r\n');
});

test("7.4 keeps at most 500 EVAL-ed scripts (the least recently used go); SCRIPT LOAD's stay; 7.0 keeps all", () => {
  for (const version of ['7.0', '7.4'] as const) {
    const r = redis(version);
    const loaded = r('SCRIPT', 'LOAD', 'return "loaded"').split('\r\n')[1]!;
    const first = r('SCRIPT', 'LOAD', 'return 0');
    void first;
    r('EVAL', 'return 0', '0'); // cached by SCRIPT LOAD first: stays
    r('EVAL', 'return -1', '0');
    for (let i = 1; i <= 500; i++) r('EVAL', `return ${i}`, '0');
    const exists = (script: string) => r('SCRIPT', 'EXISTS', sha(script));
    assert.equal(exists('return -1'), version === '7.4' ? '*1\r\n:0\r\n' : '*1\r\n:1\r\n', version);
    assert.equal(exists('return 1'), '*1\r\n:1\r\n');
    assert.equal(r('SCRIPT', 'EXISTS', loaded), '*1\r\n:1\r\n');
    assert.equal(exists('return 0'), '*1\r\n:1\r\n');
  }
});

import { createHash } from 'node:crypto';
function sha(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
