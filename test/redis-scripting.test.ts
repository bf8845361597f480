// Redis's scripting environment (src/redis) against a real redis-server:
// every case of test/redis/scripting-cases.ts is sent to both, from a RESP2
// client and from a RESP3 client (HELLO 3), and the reply bytes must be
// equal. Cases run in order: state that Redis keeps between scripts
// (rand48, the script cache) is compared too.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { RedisScripting } from '../src/redis/scripting.js';
import { encodeReply, latin1, type RespValue } from '../src/redis/resp.js';
import { redisSkip, startRedis, type RedisConnection, type RedisServer } from './support/redis.js';
import { testExecutor, testLibraries } from './support/redis-env.js';
import * as cases from './redis/scripting-cases.js';
import { CaseReplies, comparable, showArgv, showBytes as show } from './redis/scripting-cases.js';

const skip = redisSkip();
const groups = cases.GROUPS;


describe('Redis scripting: the same reply bytes as redis-server', { skip }, () => {
  let server: RedisServer;
  let resp2: RedisConnection;
  let resp3: RedisConnection;
  const scripting = new RedisScripting({ executor: testExecutor(), libraries: testLibraries() });
  // Each side's replies, for arguments made from them, per client.
  const replies = { 2: { real: new CaseReplies(), mine: new CaseReplies() }, 3: { real: new CaseReplies(), mine: new CaseReplies() } };

  before(async () => {
    server = await startRedis();
    resp2 = await server.connect();
    resp3 = await server.connect();
    await resp3.command('HELLO', '3');
  });
  after(async () => {
    resp2?.close();
    resp3?.close();
    await server?.stop();
  });

  test('there are several hundred cases', () => {
    const n = groups.reduce((s, [, c]) => s + c.length, 0);
    assert.ok(n >= 200, `only ${n} cases`);
  });

  for (const [group, list] of groups) {
    describe(group, () => {
      for (const c of list) {
        test(c.name, async () => {
          for (const [conn, resp] of [[resp2, 2], [resp3, 3]] as const) {
            const { value: realValue, raw: real } = await conn.command(...replies[resp].real.argv(c));
            replies[resp].real.record(c, realValue);
            let reply: RespValue;
            try {
              reply = scripting.command(replies[resp].mine.argv(c), { resp, db: 0 });
            } catch (e) {
              assert.fail(`RESP${resp}: Regolith threw ${(e as Error).stack}\nredis-server replied ${show(real)}`);
            }
            replies[resp].mine.record(c, reply);
            const mine = encodeReply(reply, resp);
            assert.equal(comparable(c, mine), comparable(c, real), `RESP${resp} client, ${showArgv(c)}:\n  redis-server ${show(real)}\n  Regolith     ${show(mine)}`);
          }
        });
      }
    });
  }
});

// The RESP server runs scripts as time-sliced async runs (so that it can
// answer BUSY and SCRIPT KILL meanwhile), where errors are reported from
// the error's frames rather than by the handler: the same cases again, on
// a server of their own, through that path.
describe('Redis scripting, async path (the RESP server\'s): the same reply bytes', { skip }, () => {
  let server: RedisServer;
  let conn: RedisConnection;
  const scripting = new RedisScripting({ executor: testExecutor(), libraries: testLibraries() });
  const replies = { real: new CaseReplies(), mine: new CaseReplies() };
  before(async () => {
    server = await startRedis();
    conn = await server.connect();
  });
  after(async () => {
    conn?.close();
    await server?.stop();
  });
  for (const [group, list] of groups) {
    test(group, async () => {
      for (const c of list) {
        const { value: realValue, raw: real } = await conn.command(...replies.real.argv(c));
        replies.real.record(c, realValue);
        const reply = await scripting.commandAsync(replies.mine.argv(c), { resp: 2, db: 0 });
        replies.mine.record(c, reply);
        const mine = encodeReply(reply, 2);
        assert.equal(comparable(c, mine), comparable(c, real), `${c.name}: ${showArgv(c)}:\n  redis-server ${show(real)}\n  Regolith     ${show(mine)}`);
      }
    });
  }
});

// redis-server 7.0.15 crashes on these (a segmentation fault in
// luaCallFunction); Redis fixed it in 2025 (redis PR #14163) by reporting
// such an error as "ERR unknown error". Regolith follows the fixed server.
describe('Redis scripting: errors that crash redis-server 7.0.15', () => {
  const scripting = new RedisScripting({ executor: testExecutor(), libraries: testLibraries() });
  const enc = new TextEncoder();
  const run = (script: string) => latin1(encodeReply(scripting.command(['EVAL', script, '0'].map((a) => enc.encode(a)), { resp: 2, db: 0 }), 2));
  test('error({}) replies ERR unknown error, with the position', () => {
    assert.equal(run('error({})'), `-ERR unknown error script: ${sha('error({})')}, on @user_script:1.\r\n`);
  });
  test('error({foo = "bar"}) likewise', () => {
    assert.equal(run('error({foo = "bar"})'), `-ERR unknown error script: ${sha('error({foo = "bar"})')}, on @user_script:1.\r\n`);
  });
});

function sha(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
