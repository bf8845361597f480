// The in-memory executor (src/redis/store) against a real redis-server:
// each case is a sequence of commands run on the server and on a fresh
// MemoryStore, in RESP2 and again in RESP3 (HELLO 3), comparing the exact
// reply bytes. Modifiers on a step (see test/support/redis-store-cases.ts)
// compare replies whose order depends on Redis's hash tables sorted, replies
// that depend on the passing of real time within a tolerance, and random
// picks by their size only.
//
// The store's clock is the real clock here (both sides expire keys in real
// time); clock-driven expiry is also tested on the store alone at the end.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CommandContext } from '../src/redis/executor.js';
import { RespReader, bytes, encodeReply, latin1, type RespValue } from '../src/redis/resp.js';
import { MemoryStore } from '../src/redis/store/index.js';
import { formatDouble } from '../src/redis/store/numbers.js';
import { CASES, type Step, parseStep } from './support/redis-store-cases.js';
import { redisSkip, startRedis, type RedisConnection, type RedisServer } from './support/redis.js';

const skip = redisSkip();

/** A reply as a client reads it from its bytes (so that RESP3 types read as RESP2 ones under RESP2). */
function asReceived(bytes: Uint8Array): RespValue {
  const reader = new RespReader();
  reader.feed(bytes);
  return reader.next()!.value;
}

/** A reply with its top-level elements (or, for SCAN, the key list; for `pairs`, field-value pairs) in byte order. */
function sortedReply(v: RespValue, scan: boolean, pairs = false): RespValue {
  const byBytes = (a: RespValue, b: RespValue) => {
    const x = latin1(encodeReply(a, 3));
    const y = latin1(encodeReply(b, 3));
    return x < y ? -1 : x > y ? 1 : 0;
  };
  if (scan && v.type === 'array' && v.items.length === 2) return { type: 'array', items: [v.items[0]!, sortedReply(v.items[1]!, false)] };
  if (pairs && v.type === 'array') {
    const list: [RespValue, RespValue][] = [];
    for (let i = 0; i < v.items.length; i += 2) list.push([v.items[i]!, v.items[i + 1]!]);
    return { ...v, items: list.sort((a, b) => byBytes(a[0], b[0])).flat() };
  }
  if (v.type === 'array' || v.type === 'set') return { ...v, items: [...v.items].sort(byBytes) };
  if (v.type === 'map') return { ...v, entries: [...v.entries].sort((a, b) => byBytes(a[0], b[0])) };
  return v;
}

function show(b: Uint8Array): string {
  return JSON.stringify(latin1(b));
}

/** Why the two replies to one step differ, or null when they match as the step requires. */
function compare(step: Step, real: { value: RespValue; raw: Uint8Array }, reply: RespValue, resp: 2 | 3): string | null {
  const mineRaw = encodeReply(reply, resp);
  const mine = asReceived(mineRaw);
  if (step.approx !== undefined) {
    if (real.value.type === 'integer' && mine.type === 'integer') {
      const d = real.value.value - mine.value;
      return (d < 0n ? -d : d) <= BigInt(step.approx) ? null : `more than ${step.approx} apart: ${show(real.raw)} vs ${show(mineRaw)}`;
    }
  }
  if (step.ttl && real.value.type === 'integer' && mine.type === 'integer' && real.value.value !== mine.value) {
    const [a, b] = [real.value.value, mine.value];
    return a > 0n && b > 0n && (a - b === 1n || b - a === 1n) ? null : `TTL ${a} vs ${b}`;
  }
  if (step.size) {
    const size = (v: RespValue) => (v.type === 'array' || v.type === 'set' ? `${v.type}:${v.items.length}` : v.type);
    return size(real.value) === size(mine) ? null : `size ${size(real.value)} vs ${size(mine)}`;
  }
  let want = real.raw;
  let got = mineRaw;
  if (step.sorted || step.scan || step.pairs) {
    want = encodeReply(sortedReply(real.value, step.scan, step.pairs), resp);
    got = encodeReply(sortedReply(mine, step.scan, step.pairs), resp);
  }
  return latin1(want) === latin1(got) ? null : `redis ${show(want)}\n    store ${show(got)}`;
}

/** A command's reply as EXEC gives it (its bytes without EXEC's one-element header). */
async function inMulti(conn: RedisConnection, argv: (string | Uint8Array)[]): Promise<{ value: RespValue; raw: Uint8Array }> {
  await conn.command('MULTI');
  await conn.command(...argv);
  const exec = await conn.command('EXEC');
  assert.ok(exec.value.type === 'array' && exec.value.items.length === 1, `EXEC of ${argv.join(' ')}`);
  return { value: exec.value.items[0]!, raw: exec.raw.subarray(4) };
}

describe('MemoryStore against redis-server', { skip }, () => {
  let server: RedisServer;
  const conns: Record<2 | 3, RedisConnection> = {} as Record<2 | 3, RedisConnection>;
  let total = 0;

  before(async () => {
    server = await startRedis();
    conns[2] = await server.connect();
    conns[3] = await server.connect();
    await conns[3].command('HELLO', '3');
  });
  after(async () => {
    conns[2]?.close();
    conns[3]?.close();
    await server?.stop();
    console.log(`# ${total} command replies compared`);
  });

  for (const [name, source] of Object.entries(CASES)) {
    it(name, async () => {
      const problems: string[] = [];
      for (const resp of [2, 3] as const) {
        const conn = conns[resp];
        await conn.command('SELECT', '0');
        await conn.command('FLUSHALL');
        const store = new MemoryStore();
        const ctx: CommandContext = { resp, db: 0, now: () => Date.now() };
        for (const text of source) {
          const step = parseStep(text);
          if (step.sleep !== undefined) {
            await new Promise((r) => setTimeout(r, step.sleep));
            continue;
          }
          const real = step.multi ? await inMulti(conn, step.argv) : await conn.command(...step.argv);
          const mine = store.execute(step.argv.map((a) => (typeof a === 'string' ? bytes(a) : a)), ctx);
          total++;
          const why = compare(step, real, mine instanceof Promise ? await mine : mine, resp);
          if (why) problems.push(`RESP${resp} ${step.label}\n    ${why}`);
        }
      }
      assert.equal(problems.length, 0, problems.join('\n'));
    });
  }
});

describe('MemoryStore with its own clock', () => {
  const at = (t: number) => {
    let now = t;
    const ctx: CommandContext = { resp: 2, db: 0, now: () => now };
    return { ctx, set: (t2: number) => { now = t2; } };
  };
  const run = (s: MemoryStore, ctx: CommandContext, ...args: string[]) => latin1(encodeReply(s.execute(args.map(bytes), ctx) as RespValue, ctx.resp));

  it('expires keys lazily when the clock passes their time (now > when)', () => {
    const s = new MemoryStore();
    const clock = at(1_000_000);
    assert.equal(run(s, clock.ctx, 'SET', 'k', 'v', 'PX', '1500'), '+OK\r\n');
    assert.equal(run(s, clock.ctx, 'TTL', 'k'), ':2\r\n'); // 1500 ms rounds to 2 s
    assert.equal(run(s, clock.ctx, 'PTTL', 'k'), ':1500\r\n');
    clock.set(1_000_999);
    assert.equal(run(s, clock.ctx, 'TTL', 'k'), ':1\r\n'); // 501 ms
    clock.set(1_001_001);
    assert.equal(run(s, clock.ctx, 'TTL', 'k'), ':0\r\n'); // 499 ms
    clock.set(1_001_500);
    assert.equal(run(s, clock.ctx, 'GET', 'k'), '$1\r\nv\r\n'); // at its time, still there
    clock.set(1_001_501);
    assert.equal(run(s, clock.ctx, 'GET', 'k'), '$-1\r\n');
    assert.equal(run(s, clock.ctx, 'DBSIZE'), ':0\r\n');
  });

  it('computes relative expiry from the context clock and EXPIRETIME from absolute times', () => {
    const s = new MemoryStore();
    const clock = at(5_000_250);
    run(s, clock.ctx, 'SET', 'k', 'v', 'EX', '10');
    assert.equal(run(s, clock.ctx, 'PEXPIRETIME', 'k'), ':5010250\r\n');
    assert.equal(run(s, clock.ctx, 'EXPIRETIME', 'k'), ':5010\r\n');
    assert.equal(run(s, clock.ctx, 'TIME'), '*2\r\n$4\r\n5000\r\n$6\r\n250000\r\n');
    clock.set(5_010_251);
    assert.equal(run(s, clock.ctx, 'EXISTS', 'k'), ':0\r\n');
  });

  it('SELECT changes the context database', () => {
    const s = new MemoryStore();
    const clock = at(0);
    run(s, clock.ctx, 'SET', 'k', 'zero');
    assert.equal(run(s, clock.ctx, 'SELECT', '3'), '+OK\r\n');
    assert.equal(clock.ctx.db, 3);
    assert.equal(run(s, clock.ctx, 'GET', 'k'), '$-1\r\n');
  });

  it('formats doubles as %.17g, ties to even', () => {
    assert.equal(formatDouble(1125899906842624.25), '1125899906842624.2');
    assert.equal(formatDouble(1125899906842624.75), '1125899906842624.8');
    assert.equal(formatDouble(0.1), '0.10000000000000001');
    assert.equal(formatDouble(1e20), '1e+20');
    assert.equal(formatDouble(1e-5), '1.0000000000000001e-05');
    assert.equal(formatDouble(123456789), '123456789');
  });

  it('names commands it does not implement', () => {
    const s = new MemoryStore();
    assert.equal(run(s, at(0).ctx, 'XADD', 's', '*', 'f', 'v'), "-ERR command 'xadd' is not supported by the in-memory store\r\n");
  });
});
