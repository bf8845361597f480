// Busy scripts, against a real redis-server: past the busy threshold, other
// clients get BUSY; SCRIPT KILL stops a script that has not written, and
// is refused (UNKILLABLE) once it has. Regolith's side runs the script as
// the RESP server does (commandAsync) and answers the other client's
// commands with whileBusy, as the server does while a script runs; the
// loops inside pcall go through Regolith's RESP server itself.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServer } from '../src/cli/redis-server.js';
import { RedisScripting } from '../src/redis/scripting.js';
import { MemoryStore } from '../src/redis/store/index.js';
import { encodeCommand, encodeReply, latin1 } from '../src/redis/resp.js';
import { RedisConnection, redisSkip, startRedis, type RedisServer } from './support/redis.js';

const THRESHOLD_MS = 100;
const enc = (argv: string[]) => argv.map((a) => new TextEncoder().encode(a));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Redis busy scripts: BUSY, SCRIPT KILL and UNKILLABLE as redis-server', { skip: redisSkip() }, () => {
  let server: RedisServer;
  let a: RedisConnection;
  let b: RedisConnection;
  before(async () => {
    server = await startRedis(['--busy-reply-threshold', String(THRESHOLD_MS)]);
    a = await server.connect();
    b = await server.connect();
  });
  after(async () => {
    a?.close();
    b?.close();
    await server?.stop();
  });

  test('a looping script: BUSY for others, the wrong KILL, then SCRIPT KILL', async () => {
    const script = ['EVAL', 'local i = 0\nwhile true do i = i + 1 end', '0'];
    const others = [['GET', 'x'], ['FUNCTION', 'KILL'], ['SCRIPT', 'KILL']];
    // The real server.
    a.sendRaw(new TextEncoder().encode(`*3\r\n$4\r\nEVAL\r\n$${script[1]!.length}\r\n${script[1]}\r\n$1\r\n0\r\n`));
    await sleep(3 * THRESHOLD_MS);
    const real: string[] = [];
    for (const argv of others) real.push(latin1((await b.command(...argv)).raw));
    real.push(latin1((await a.reply()).raw));
    // Regolith.
    const scripting = new RedisScripting({ busyThresholdMs: THRESHOLD_MS });
    const running = scripting.commandAsync(enc(script), { resp: 2, db: 0 });
    await sleep(3 * THRESHOLD_MS);
    assert.ok((scripting.busy?.elapsedMs ?? 0) >= THRESHOLD_MS, 'the script runs past the threshold while the event loop turns');
    const ours = others.map((argv) => latin1(encodeReply(scripting.whileBusy(enc(argv)))));
    ours.push(latin1(encodeReply(await running)));
    assert.deepEqual(ours, real);
  });

  // The loop runs inside pcall (xpcall): the run pauses there too, so the
  // RESP server answers other clients. Redis raises the kill error again at
  // every line, so that pcall cannot swallow it: the script ends with it on
  // the line after the pcall (written on the loop's line, where Regolith,
  // which ends the script at once, reports it). Both servers get the same
  // requests from two clients.
  for (const body of [
    'pcall(function()\nlocal i = 0 while true do i = i + 1 end end) return 1',
    'xpcall(function()\nlocal i = 0 while true do i = i + 1 end end, function(e) return e end) return 1',
  ]) {
    test(`a loop inside ${body.slice(0, body.indexOf('('))}: the server answers BUSY, SCRIPT KILL stops it`, async () => {
      const busyAndKilled = async (port: number): Promise<string[]> => {
        const [c1, c2] = [await RedisConnection.open(port), await RedisConnection.open(port)];
        try {
          c1.sendRaw(encodeCommand(['EVAL', body, '0']));
          await sleep(3 * THRESHOLD_MS);
          const replies: string[] = [];
          for (const argv of [['GET', 'x'], ['SCRIPT', 'KILL']]) replies.push(latin1((await c2.command(...argv)).raw));
          replies.push(latin1((await c1.reply()).raw));
          return replies;
        } finally {
          c1.close();
          c2.close();
        }
      };
      const real = await busyAndKilled(server.port);
      // A backstop: without pauses inside pcall the run would hold the event loop until this limit.
      const executor = new MemoryStore();
      const ours = createServer({ scripting: new RedisScripting({ executor, busyThresholdMs: THRESHOLD_MS, limits: { timeoutMs: 5000 } }), executor });
      try {
        assert.deepEqual(await busyAndKilled(await ours.listen(0)), real);
      } finally {
        await ours.close();
      }
    });
  }

  test('a script that wrote cannot be killed', async () => {
    // Some seconds of work after a write (redis-server: about 2 s), then a result.
    const script = ['EVAL', 'redis.call("SET", "w", "1")\nlocal i = 0\nwhile i < 300000000 do i = i + 1 end\nreturn i', '0'];
    a.sendRaw(new TextEncoder().encode(`*3\r\n$4\r\nEVAL\r\n$${script[1]!.length}\r\n${script[1]}\r\n$1\r\n0\r\n`));
    await sleep(3 * THRESHOLD_MS);
    const real = [latin1((await b.command('SCRIPT', 'KILL')).raw), latin1((await a.reply()).raw)];
    const scripting = new RedisScripting({ busyThresholdMs: THRESHOLD_MS });
    const running = scripting.commandAsync(enc(script), { resp: 2, db: 0 });
    await sleep(3 * THRESHOLD_MS);
    assert.ok(scripting.busy !== null, 'still running');
    const ours = [latin1(encodeReply(scripting.whileBusy(enc(['SCRIPT', 'KILL'])))), latin1(encodeReply(await running))];
    assert.deepEqual(ours, real);
  });

  test('nothing running: NOTBUSY', async () => {
    const scripting = new RedisScripting();
    for (const argv of [['SCRIPT', 'KILL'], ['FUNCTION', 'KILL']]) {
      assert.equal(latin1(encodeReply(scripting.command(enc(argv), { resp: 2, db: 0 }))), latin1((await b.command(...argv)).raw));
    }
  });
});
