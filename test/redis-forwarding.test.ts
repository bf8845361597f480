// The forwarding executor (src/redis/forwarding.ts): the differential cases
// of test/redis/scripting-cases.ts again, with every command of the scripts
// forwarded through node-redis to a second real redis-server. The reference
// server runs the scripts itself; both servers start empty and see the same
// commands in the same order, so their data stays the same, and the reply
// bytes must be equal, from a RESP2 and from a RESP3 client.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { repoRoot } from './support/reference.js';
import { after, before, describe, test } from 'node:test';
import { RedisScripting } from '../src/redis/scripting.js';
import { ForwardingExecutor } from '../src/redis/forwarding.js';
import { LocalRedis, RedisReplyError } from '../src/redis/local-redis.js';
import { encodeReply, latin1, type RespValue } from '../src/redis/resp.js';
import { redisSkip, startRedis, type RedisConnection, type RedisServer } from './support/redis.js';
import { testLibraries } from './support/redis-env.js';
import * as cases from './redis/scripting-cases.js';
import { CaseReplies, comparable, showArgv, showBytes as show } from './redis/scripting-cases.js';

const skip = redisSkip();
const groups = cases.GROUPS;

/**
 * Where forwarding cannot match a real server, by design: the target server
 * sees a script's commands one by one, so the time it expires keys by is not
 * frozen at the script's start (docs/redis-server.md, "Forwarding"). These
 * cases must give the documented reply instead.
 */
const DIFFERENCES = new Map<string, string>([
  ['time is frozen in a script', ':0\r\n'],
]);


describe('Redis scripting with the forwarding executor: the same reply bytes as redis-server', { skip }, () => {
  let reference: RedisServer;
  let target: RedisServer;
  let resp2: RedisConnection;
  let resp3: RedisConnection;
  let executor: ForwardingExecutor;
  let scripting: RedisScripting;
  // Each side's replies, for arguments made from them, per client.
  const replies = { 2: { real: new CaseReplies(), mine: new CaseReplies() }, 3: { real: new CaseReplies(), mine: new CaseReplies() } };

  before(async () => {
    reference = await startRedis();
    target = await startRedis();
    resp2 = await reference.connect();
    resp3 = await reference.connect();
    await resp3.command('HELLO', '3');
    executor = new ForwardingExecutor({ url: `redis://127.0.0.1:${target.port}` });
    scripting = new RedisScripting({ executor, libraries: testLibraries() });
  });
  after(async () => {
    executor?.close();
    resp2?.close();
    resp3?.close();
    await reference?.stop();
    await target?.stop();
  });

  for (const [group, list] of groups) {
    test(group, async () => {
      for (const c of list) {
        for (const [conn, resp] of [[resp2, 2], [resp3, 3]] as const) {
          const { value: realValue, raw: real } = await conn.command(...replies[resp].real.argv(c));
          replies[resp].real.record(c, realValue);
          let reply: RespValue;
          try {
            reply = scripting.command(replies[resp].mine.argv(c), { resp, db: 0 });
          } catch (e) {
            assert.fail(`${c.name}, RESP${resp}: Regolith threw ${(e as Error).stack}\nredis-server replied ${show(real)}`);
          }
          replies[resp].mine.record(c, reply);
          const mine = encodeReply(reply, resp);
          const expected = DIFFERENCES.get(c.name) ?? comparable(c, real);
          assert.equal(comparable(c, mine), expected, `${c.name}, RESP${resp} client, ${showArgv(c)}:\n  redis-server ${show(real)}\n  Regolith     ${show(mine)}`);
        }
      }
    });
  }
});

describe('the forwarding executor', { skip }, () => {
  let target: RedisServer;
  before(async () => {
    target = await startRedis();
  });
  after(async () => {
    await target?.stop();
  });

  test('redis.call waits inside pcall, sort comparators and gsub callbacks', () => {
    const executor = new ForwardingExecutor({ url: `redis://127.0.0.1:${target.port}` });
    try {
      const redis = new LocalRedis({ executor });
      redis.call('SET', 'n', '3');
      const script = `
        local ok, v = pcall(redis.call, 'INCR', 'n')
        local t = {3, 1, 2}
        table.sort(t, function(a, b) return tonumber(redis.call('GET', 'n')) > 0 and a < b end)
        local s = string.gsub('ab', '%a', function(c) return redis.call('ECHO', c .. c) end)
        return {v, t[1], t[3], s}`;
      assert.deepEqual(redis.eval(script), [4, 1, 3, 'aabb']);
    } finally {
      executor.close();
    }
  });

  test("the README's forwarding example works as written", async () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const block = /```ts\n(import \{ LocalRedis \} from 'regolith\/redis';\nimport \{ ForwardingExecutor \}[^`]*)```/.exec(readme);
    assert.ok(block, 'README.md has no forwarding example');
    const dist = (p: string) => JSON.stringify(pathToFileURL(join(repoRoot, 'dist', 'src', 'redis', p)).href);
    const js = block[1]!
      .replace("'regolith/redis/forwarding'", dist('forwarding.js'))
      .replace("'regolith/redis'", dist('index.js'))
      .replace('redis://127.0.0.1:6379', `redis://127.0.0.1:${target.port}`);
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', js], { encoding: 'utf8' });
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    const conn = await target.connect();
    try {
      assert.equal(latin1((await conn.command('GET', 'hits')).raw), '$1\r\n1\r\n');
    } finally {
      conn.close();
    }
  });

  test('SELECT in a script moves only that script', () => {
    const executor = new ForwardingExecutor({ url: `redis://127.0.0.1:${target.port}` });
    try {
      const redis = new LocalRedis({ executor });
      redis.call('SET', 'where', 'db0');
      assert.equal(redis.eval("redis.call('SELECT', 2) redis.call('SET', 'where', 'db2') return redis.call('GET', 'where')"), 'db2');
      assert.equal(redis.call('GET', 'where'), 'db0');
    } finally {
      executor.close();
    }
  });

  test('an unreachable server gives error replies, not exceptions', async () => {
    const { freePort } = await import('./support/redis.js');
    const port = await freePort();
    const executor = new ForwardingExecutor({ url: `redis://127.0.0.1:${port}`, clientOptions: { socket: { reconnectStrategy: false } }, timeoutMs: 5000 });
    try {
      const redis = new LocalRedis({ executor });
      assert.throws(() => redis.call('GET', 'x'), (e: unknown) => e instanceof RedisReplyError && /^ERR forwarding failed: /.test(e.message));
    } finally {
      executor.close();
    }
  });
});
