// Busy scripts, against a real redis-server: past the busy threshold, other
// clients get BUSY; SCRIPT KILL stops a script that has not written, and
// is refused (UNKILLABLE) once it has. Regolith's side runs the script as
// the RESP server does (commandAsync) and answers the other client's
// commands with whileBusy, as the server does while a script runs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { RedisScripting } from '../src/redis/scripting.js';
import { encodeReply, latin1 } from '../src/redis/resp.js';
import { redisSkip, startRedis, type RedisConnection, type RedisServer } from './support/redis.js';

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
