// regolith-redis's protocol side against a real redis-server 7.0.15: raw
// request bytes (malformed, quoted, pipelined, byte at a time, giant lengths)
// go to both servers, each case on a fresh connection, and the exact reply
// bytes and whether the server closed the connection must be equal. HELLO's
// `id` field is masked: it is each server's own client counter.
//
// The regolith server runs in this process (createServer on port 0) over a
// stand-in executor (GET/SET/DEL) until the in-memory store is wired in; one
// test spawns bin/regolith-redis and talks to it with redis-cli.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createServer, type RedisServerHandle } from '../src/cli/redis-server.js';
import { MemoryStore } from '../src/redis/store/index.js';
import { RequestParser, type Request, type RequestLimits, DEFAULT_REQUEST_LIMITS } from '../src/redis/request.js';
import { RedisScripting } from '../src/redis/scripting.js';
import { bytes, type RespValue } from '../src/redis/resp.js';
import type { CommandRunner } from '../src/redis/session.js';
import { repoRoot } from './support/reference.js';
import { redisSkip, startRedis, type RedisServer } from './support/redis.js';

const skip = redisSkip();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const latin1Bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

interface Received {
  /** The reply bytes, as latin1 text. */
  text: string;
  closed: boolean;
}

/**
 * Sends `pieces` on a fresh connection (waiting `gapMs` between them) and
 * collects what comes back until the server closes the connection or stays
 * quiet for `quietMs`.
 */
function exchange(port: number, pieces: Uint8Array[], gapMs = 0, quietMs = 300): Promise<Received> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const chunks: Buffer[] = [];
    let closed = false;
    let timer: NodeJS.Timeout | undefined;
    let sending = true;
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text: Buffer.concat(chunks).toString('latin1'), closed });
    };
    const quiet = () => {
      clearTimeout(timer);
      if (!sending) timer = setTimeout(done, quietMs);
    };
    socket.on('data', (d: Buffer) => { chunks.push(d); quiet(); });
    socket.on('error', () => {}); // a reset after the server closed
    socket.on('close', () => { closed = true; done(); });
    socket.connect(port, '127.0.0.1', async () => {
      socket.setNoDelay(true);
      for (const p of pieces) {
        if (socket.destroyed) break;
        socket.write(p);
        if (gapMs > 0) await sleep(gapMs);
      }
      sending = false;
      quiet();
    });
  });
}

/** HELLO's id is each server's own counter. */
function maskId(r: Received): Received {
  return { ...r, text: r.text.replace(/\$2\r\nid\r\n:\d+\r\n/g, '$2\r\nid\r\n:ID\r\n') };
}

// Each case: a name and the raw bytes a client sends (as latin1 text).
const MALFORMED: [string, string][] = [
  ['multibulk length not a number', '*abc\r\n'],
  ["argument without '$'", '*1\r\nx\r\n'],
  ['bulk length not a number', '*1\r\n$x\r\n'],
  ['*0 is an empty request', '*0\r\nPING\r\n'],
  ['*-1 is an empty request', '*-1\r\nPING\r\n'],
  ['*-5 is an empty request', '*-5\r\nPING\r\n'],
  ['*-0', '*-0\r\nPING\r\n'],
  ['multibulk length with a leading zero', '*01\r\n'],
  ['multibulk length with a plus sign', '*+1\r\n'],
  ['empty multibulk length', '*\r\n'],
  ['multibulk length followed by a space', '*1 \r\n'],
  ['multibulk length 2^31-1 (accepted, nothing allocated)', '*2147483647\r\n'],
  ['multibulk length 2^31', '*2147483648\r\n'],
  ['multibulk length beyond 64 bits', '*99999999999999999999\r\n'],
  ['bulk length with a leading zero', '*1\r\n$01\r\n'],
  ['bulk length -1', '*1\r\n$-1\r\n'],
  ['bulk length -0', '*1\r\n$-0\r\n'],
  ['empty bulk length', '*1\r\n$\r\n'],
  ['bulk length followed by a space', '*1\r\n$4 \r\n'],
  ['bulk length at proto-max-bulk-len (waits)', '*1\r\n$536870912\r\n'],
  ['bulk length over proto-max-bulk-len', '*1\r\n$536870913\r\n'],
  ['bulk length 2^31-1', '*1\r\n$2147483647\r\n'],
  ['bulk length 2^63-1', '*1\r\n$9223372036854775807\r\n'],
  ['empty command name', '*1\r\n$0\r\n\r\n'],
  ['NUL in the multibulk length line hides its end', '*1\0\r\n$4\r\nPING\r\n'],
  ['NUL as the header byte', '*1\r\n\0\r\n'],
  ['the byte after CR is not checked', '*1\rX$4\r\nPING\r\n'],
  ['the byte after a bulk header CR is not checked', '*1\r\n$4\rXPING\r\n'],
  ['the two bytes after a bulk are not checked', '*1\r\n$4\r\nPINGxyPING\r\n'],
  ['CR as the header byte', '*2\r\n\r\n'],
  ['LF as the header byte', '*2\r\n\n\r\n'],
  ['byte 0xff as the header byte', '*1\r\n\xff\r\n'],
  ['bulk followed by CR CR LF', '*1\r\n$4\r\nPING\r\r\nPING\r\n'],
  ['binary bulk', '*2\r\n$4\r\nECHO\r\n$5\r\na\0b\r\xff\r\n'],
  ['pipelined requests then an error, then more', '*1\r\n$4\r\nPING\r\n*1\r\n$4\r\nPING\r\n*x\r\n*1\r\n$4\r\nPING\r\n'],
  ['an incomplete request waits', '*2\r\n$4\r\nECHO\r\n$3\r\nabc\r\n*1\r\n$4\r\nPING'],
  ['inline line of exactly 64 KB without an end (waits)', 'x'.repeat(65536)],
  ['inline line over 64 KB', 'x'.repeat(65537)],
  ['inline line with a NUL, then 70000 bytes', 'ECHO a\0b\r\n' + 'x'.repeat(70000)],
  ['multibulk length over 64 KB', '*' + '1'.repeat(65537)],
  ['bulk length over 64 KB', '*1\r\n$' + '1'.repeat(65536)],
  ['bulk length of 30000 digits', '*1\r\n$' + '1'.repeat(30000) + '\r\n'],
  ['64 KB limit counts from the current request', '*1\r\n$4\r\nPING\r\n*1\r\n$' + '1'.repeat(65530)],
  ['long inline line with its end', 'ECHO ' + 'x'.repeat(70000) + '\r\n'],
];

const INLINE: [string, string][] = [
  ['double-quote escapes', 'ECHO "a\\x41\\n\\r\\t\\b\\a\\\\\\"\\q\\xZZ\\x4"\r\n'],
  ['single quotes', "ECHO 'a\\'b\\n\"'\r\n"],
  ['unterminated double quote', 'ECHO "abc\r\n'],
  ['unterminated single quote', "ECHO 'abc\r\n"],
  ['closing quote followed by a letter', 'ECHO "abc"d\r\n'],
  ['closing single quote followed by a letter', "ECHO 'abc'd\r\n"],
  ['quote in the middle of a word', 'ECHO a"b c"\r\n'],
  ['escaped backslash at the end of a quoted word', 'ECHO "a\\\\"\r\n'],
  ['backslash before the end of the line', 'ECHO "a\\\r\n'],
  ['empty lines are skipped', '\r\n\n  \r\nPING\n'],
  ['a line without LF waits', 'PING\r'],
  ['NUL in an inline line hides its end', 'ECHO a\0b\r\n'],
  ['NUL inside quotes', 'ECHO "a\0b"\r\n'],
  ['vertical tab: skipped between words, kept inside one', '\x0bECHO\x0ba\r\nECHO \x0ba\r\n'],
  ['form feed inside a word', 'ECHO a\x0cb\r\n'],
  ['closing quote followed by a vertical tab', 'ECHO "a"\x0b\r\n'],
  ['tabs and several spaces', 'ECHO\t  \t"x y"  \r\n'],
  ['empty quoted words', 'ECHO ""\r\nECHO \'\'\r\n'],
  ['bytes above 127', 'ECHO \xe9\xff\r\n'],
  ['lowercase command', 'ping\r\necho hi\r\n'],
];

const CONNECTION: [string, string][] = [
  ['HELLO', 'HELLO\r\n'],
  ['HELLO 3, PING, EVAL, HELLO 2', 'HELLO 3\r\nPING\r\nEVAL "return {1,2.5,true,false}" 0\r\nHELLO 2\r\nEVAL "return {1,2.5,true,false}" 0\r\n'],
  ['HELLO errors', 'HELLO 4\r\nHELLO x\r\nHELLO 1\r\nHELLO -1\r\nHELLO 3000000000000000000000\r\nHELLO 3 foo\r\nHELLO 4 foo\r\nHELLO 3 AUTH default\r\nhello 3 setname\r\nHELLO SETNAME x\r\n'],
  ['HELLO AUTH', 'HELLO 3 AUTH default x\r\nHELLO 3 AUTH bob x\r\nHELLO 3 AUTH Default x\r\nHELLO 2 auth default x\r\n'],
  ['HELLO SETNAME', 'HELLO 3 SETNAME "a b"\r\nHELLO 2 SETNAME abc\r\nCLIENT GETNAME\r\nHELLO 2 SETNAME abc SETNAME def\r\nCLIENT GETNAME\r\nHELLO 2 SETNAME \"\"\r\nCLIENT GETNAME\r\n'],
  ['HELLO options are applied in order', 'HELLO 3 SETNAME x AUTH bob\r\nCLIENT GETNAME\r\nHELLO 3 SETNAME n1 AUTH bob x\r\nCLIENT GETNAME\r\nHELLO 3 AUTH bob x SETNAME "a b"\r\nHELLO 3 SETNAME "a b" AUTH bob x\r\nHELLO 3 SETNAME a SETNAME "a b"\r\nCLIENT GETNAME\r\n'],
  ['HELLO 3 then client commands in RESP3', 'HELLO 3\r\nCLIENT GETNAME\r\nCLIENT SETNAME n\r\nCLIENT GETNAME\r\nSELECT 99\r\n'],
  ['CLIENT', 'CLIENT\r\nCLIENT FOO\r\nCLIENT GETNAME x\r\nCLIENT ID x\r\nCLIENT SETNAME\r\nCLIENT SETNAME a b\r\nCLIENT SETNAME a\x01\r\nCLIENT SETNAME ~!\r\nCLIENT GETNAME\r\nCLIENT SETNAME ""\r\nCLIENT GETNAME\r\n'],
  ['AUTH', 'AUTH\r\nAUTH x\r\nAUTH default x\r\nAUTH bob x\r\nAUTH a b c\r\n'],
  ['SELECT', 'SELECT 16\r\nSELECT -1\r\nSELECT abc\r\nSELECT\r\nSELECT 1 2\r\nSELECT 01\r\nSELECT " 1"\r\nSELECT 1.0\r\nSELECT 15\r\nSELECT 0\r\n'],
  ['SELECT keeps keys apart', 'SELECT 3\r\nSET proto:sel v3\r\nSELECT 4\r\nGET proto:sel\r\nEVAL "return redis.call(\'GET\', KEYS[1])" 1 proto:sel\r\nSELECT 3\r\nEVAL "return redis.call(\'GET\', KEYS[1])" 1 proto:sel\r\nDEL proto:sel\r\n'],
  ['PING and ECHO', 'PING\r\nPING a\r\nPING a b\r\nPING ""\r\nECHO\r\nECHO a b\r\nECHO x\r\n'],
  ['QUIT', 'QUIT\r\nPING\r\n'],
  ['QUIT with arguments', 'QUIT x\r\nPING\r\n'],
  ['QUIT multibulk, then a request', '*1\r\n$4\r\nQUIT\r\n*1\r\n$4\r\nPING\r\n'],
  ['COMMAND DOCS of an unknown command', 'COMMAND DOCS nosuch\r\nCOMMAND FOO\r\n'],
  ['unknown command', 'FOO a b\r\nFOO\r\n'],
  ['EVAL in RESP3 after HELLO 3', 'HELLO 3\r\nEVAL "redis.setresp(3); return {double=1.5}" 0\r\nEVAL "redis.setresp(3); return {map={a=1}}" 0\r\nEVAL "return redis.call(\'GET\', \'proto:none\')" 0\r\nEVAL "redis.setresp(3); return redis.call(\'GET\', \'proto:none\')" 0\r\nEVAL "return {err=\'x\'}" 0\r\nEVAL "return nil" 0\r\n'],
  ['SCRIPT then EVALSHA', 'SCRIPT LOAD "return ARGV[1]"\r\nEVALSHA 098e0f0d1448c0a81dafe820f66d460eb09263da 0 x\r\nEVAL "return ARGV[1]" 0 y\r\n'],
];

describe('regolith-redis protocol vs redis-server', { skip, concurrency: true }, () => {
  let real: RedisServer;
  let ours: RedisServerHandle;
  let ourPort = 0;

  before(async () => {
    real = await startRedis();
    const executor = new MemoryStore();
    ours = createServer({ scripting: new RedisScripting({ executor }), executor });
    ourPort = await ours.listen(0);
  });
  after(async () => {
    await ours?.close();
    await real?.stop();
  });

  /** Sends the same bytes to both servers; their replies and closing must match. */
  async function same(input: string | Uint8Array[], gapMs = 0): Promise<Received> {
    const pieces = typeof input === 'string' ? [latin1Bytes(input)] : input;
    const [theirs, mine] = await Promise.all([exchange(real.port, pieces, gapMs), exchange(ourPort, pieces, gapMs)]);
    assert.deepEqual(maskId(mine), maskId(theirs));
    return theirs;
  }

  for (const [name, input] of [...MALFORMED, ...INLINE, ...CONNECTION]) {
    it(name, async () => { await same(input); });
  }

  it('closes after a protocol error with the error as the last reply', async () => {
    const r = await same('PING\r\n*1\r\n$x\r\nPING\r\n');
    assert.equal(r.text, '+PONG\r\n-ERR Protocol error: invalid bulk length\r\n');
    assert.equal(r.closed, true);
  });

  it('pipelined requests of all kinds in one packet', async () => {
    const input = '*1\r\n$4\r\nPING\r\nECHO "a b"\r\n' +
      '*3\r\n$4\r\nEVAL\r\n$8\r\nreturn 1\r\n$1\r\n0\r\n'.repeat(50) +
      'SET proto:pipe 1\r\nGET proto:pipe\r\nEVAL "return redis.call(\'DEL\', KEYS[1])" 1 proto:pipe\r\n';
    const r = await same(input);
    assert.equal(r.text.split(':1\r\n').length, 52);
  });

  it('requests sent a byte at a time', async () => {
    const input = '*1\r\n$4\r\nPING\r\nECHO "a\\x41 b"\r\n*3\r\n$4\r\nEVAL\r\n$8\r\nreturn 1\r\n$1\r\n0\r\nHELLO 3\r\n' +
      '*3\r\n$4\r\nEVAL\r\n$25\r\nreturn {1, {double=2.5}}\r\n$1\r\n0\r\n*1\r\n$';
    const pieces = [...latin1Bytes(input)].map((b) => Uint8Array.of(b));
    await same(pieces, 2);
  });

  it('a request split across packets at every kind of boundary', async () => {
    await same(['*3\r\n$4\r', '\nEVAL\r\n$8\r\nret', 'urn 1\r\n$1\r\n0', '\r\nECH', 'O "x', '"\r\n'].map(latin1Bytes), 20);
  });

  it('a giant declared bulk length allocates nothing and waits', async () => {
    const before = process.memoryUsage().arrayBuffers;
    const r = await same(['*2\r\n$4\r\nECHO\r\n$536870912\r\n', 'x'.repeat(1 << 20)].map(latin1Bytes), 20);
    assert.deepEqual(r, { text: '', closed: false });
    assert.ok(process.memoryUsage().arrayBuffers - before < 64 * 1024 * 1024, 'the server allocated for the declared length');
  });

  it('a client that disconnects mid-request leaves nothing done', async () => {
    for (const port of [real.port, ourPort]) {
      const script = "redis.call('SET', KEYS[1], 'v') return 1";
      const partial = `*4\r\n$4\r\nEVAL\r\n$${script.length}\r\n${script}\r\n$1\r\n1\r\n$10\r\nproto:dis`;
      await exchange(port, [latin1Bytes(partial)], 0, 100);
    }
    await same('GET proto:disc\r\nGET proto:dis\r\n');
    const r = await same('GET proto:disc\r\n');
    assert.equal(r.text, '$-1\r\n');
  });
});

describe('the request parser', () => {
  /** Everything the parser gives for `input` fed in the given pieces, up to the first error. */
  function parseAll(pieces: Uint8Array[], limits: RequestLimits = DEFAULT_REQUEST_LIMITS): Request[] {
    const p = new RequestParser(limits);
    const out: Request[] = [];
    for (const piece of pieces) {
      p.feed(piece);
      for (let r = p.next(); r !== null; r = p.next()) out.push(r);
    }
    return out;
  }

  const INPUTS = [
    '*1\r\n$4\r\nPING\r\nECHO "a b" \'c\'\r\n*0\r\n\r\n*2\r\n$4\r\nECHO\r\n$0\r\n\r\n',
    '*2\r\n$3\r\nGET\r\n$5\r\na\r\nbc\r\nPING\nPING\r\n*1\r\n$x\r\n',
    'ECHO "unbalanced\r\n',
    '*1\r\n$4\r\nPINGxy*-1\r\n*1\r\n$1\r\na\r\n',
  ];

  it('gives the same requests however the input is split', () => {
    for (const input of INPUTS) {
      const whole = parseAll([latin1Bytes(input)]);
      assert.ok(whole.length > 0);
      for (let cut = 1; cut < input.length; cut++) {
        assert.deepEqual(parseAll([latin1Bytes(input.slice(0, cut)), latin1Bytes(input.slice(cut))]), whole, `cut at ${cut} of ${JSON.stringify(input)}`);
      }
      assert.deepEqual(parseAll([...latin1Bytes(input)].map((b) => Uint8Array.of(b))), whole);
    }
  });

  it('allocates for the bytes received, not for declared lengths', () => {
    const p = new RequestParser();
    p.feed(latin1Bytes('*2147483647\r\n$536870912\r\n'));
    assert.equal(p.next(), null);
    for (let i = 0; i < 100; i++) p.feed(new Uint8Array(10_000));
    assert.equal(p.next(), null);
    assert.ok(p.capacity < 4 * 1_000_000, `capacity ${p.capacity}`);
  });

  it('gives back the room of a big request once it is read', () => {
    const p = new RequestParser();
    p.feed(latin1Bytes('*1\r\n$3000000\r\n'));
    p.feed(new Uint8Array(3_000_002));
    assert.equal(p.next()?.kind, 'command');
    p.feed(latin1Bytes('PING\r\n'));
    assert.ok(p.capacity < 1_000_000, `capacity ${p.capacity}`);
  });

  it('a byte-at-a-time 60 KB inline line costs linear time', () => {
    const p = new RequestParser();
    const start = Date.now();
    for (let i = 0; i < 60_000; i++) {
      p.feed(Uint8Array.of(0x61));
      assert.equal(p.next(), null);
    }
    p.feed(latin1Bytes('\r\n'));
    const r = p.next();
    assert.equal(r?.kind === 'command' && r.argv[0]!.length, 60_000);
    assert.ok(Date.now() - start < 5000);
  });

  it('limits are configurable', () => {
    const limits = { maxInline: 10, maxBulk: 3, maxMultibulk: 2, maxQueryBuffer: 100 };
    const one = (s: string) => parseAll([latin1Bytes(s)], limits);
    assert.deepEqual(one('*1\r\n$4\r\n'), [{ kind: 'error', message: 'ERR Protocol error: invalid bulk length' }]);
    assert.deepEqual(one('*3\r\n'), [{ kind: 'error', message: 'ERR Protocol error: invalid multibulk length' }]);
    assert.deepEqual(one('PING PING PING'), [{ kind: 'error', message: 'ERR Protocol error: too big inline request' }]);
    assert.deepEqual(one('*2\r\n$3\r\nabc\r\n' + '$3\r\nab'), []);
    // Held arguments and unread bytes count toward the query buffer limit.
    const big = { ...limits, maxBulk: 1000, maxInline: 1000 };
    assert.deepEqual(parseAll([latin1Bytes('*2\r\n$60\r\n' + 'x'.repeat(60) + '\r\n$60\r\n' + 'x'.repeat(45))], big), [{ kind: 'close' }]);
  });
});

describe('the server structure', () => {
  /** A runner whose `slow` command takes 600 ms (a promise); every other command answers its own name at once. */
  function slowRunner(order: string[], extra: Partial<CommandRunner> = {}): CommandRunner {
    return {
      ...extra,
      command(argv): RespValue | Promise<RespValue> {
        const name = Buffer.from(argv[0]!).toString('latin1');
        order.push(name);
        const reply: RespValue = { type: 'bulk', value: bytes(name) };
        return name === 'slow' ? sleep(600).then(() => { order.push('slow done'); return reply; }) : reply;
      },
    };
  }

  it('a command in progress holds back every client (a script is atomic)', async () => {
    const order: string[] = [];
    const server = createServer({ scripting: slowRunner(order) });
    const port = await server.listen(0);
    try {
      const first = exchange(port, [latin1Bytes('slow\r\nafter\r\n')], 0, 1000);
      await sleep(50);
      const other = await exchange(port, [latin1Bytes('quick\r\n')], 0, 1000);
      assert.equal(other.text, '$5\r\nquick\r\n');
      assert.equal((await first).text, '$4\r\nslow\r\n$5\r\nafter\r\n');
      assert.deepEqual(order, ['slow', 'slow done', 'quick', 'after']);
    } finally {
      await server.close();
    }
  });

  it('past the busy threshold other clients get the busy reply; HELLO still runs', async () => {
    const order: string[] = [];
    const whileBusy = (argv: readonly Uint8Array[]): RespValue => ({ type: 'error', value: bytes(`BUSY test ${Buffer.from(argv[0]!).toString('latin1')}`) });
    const server = createServer({ scripting: slowRunner(order, { whileBusy, busyThresholdMs: 100 }) });
    const port = await server.listen(0);
    try {
      const first = exchange(port, [latin1Bytes('slow\r\nafter\r\n')], 0, 1000);
      await sleep(30);
      const other = await exchange(port, [latin1Bytes('quick\r\nHELLO 3 SETNAME x\r\nPING\r\n')], 0, 150);
      assert.deepEqual(order, ['slow'], 'answered after the threshold, before slow ends');
      assert.match(other.text, /^-BUSY test quick\r\n%7\r\n.*\r\n-BUSY test PING\r\n$/s);
      assert.equal((await first).text, '$4\r\nslow\r\n$5\r\nafter\r\n');
      assert.deepEqual(order, ['slow', 'slow done', 'after']);
    } finally {
      await server.close();
    }
  });

  it('INFO gives the version and loading:0 (RESP2 bulk, RESP3 verbatim)', async () => {
    const executor = new MemoryStore();
    const server = createServer({ scripting: new RedisScripting({ executor }), executor });
    const port = await server.listen(0);
    try {
      const r = await exchange(port, [latin1Bytes('INFO\r\nHELLO 3\r\nINFO\r\n')], 0, 200);
      const body = '# Server\r\nredis_version:7.0.15\r\nredis_mode:standalone\r\nexecutable:regolith-redis\r\n\r\n' +
        '# Persistence\r\nloading:0\r\n\r\n# Replication\r\nrole:master\r\n';
      assert.ok(r.text.startsWith(`$${body.length}\r\n${body}\r\n%7\r\n`), JSON.stringify(r.text));
      assert.ok(r.text.endsWith(`=${body.length + 4}\r\ntxt:${body}\r\n`), JSON.stringify(r.text));
    } finally {
      await server.close();
    }
  });

  it("stops reading a client that does not read its replies", { timeout: 30_000 }, async () => {
    let runs = 0;
    const big = new Uint8Array(1 << 20);
    const runner: CommandRunner = { command: () => { runs++; return { type: 'bulk', value: big }; } };
    const server = createServer({ scripting: runner, maxPendingOutput: 256 * 1024 });
    const port = await server.listen(0);
    const socket = new Socket();
    try {
      await new Promise<void>((resolve) => socket.connect(port, '127.0.0.1', resolve));
      socket.pause();
      socket.write(latin1Bytes('GETBIG\r\n'.repeat(200)));
      await sleep(500);
      assert.ok(runs < 60, `${runs} replies of 1 MB were produced for a client that reads none`);
      // Reading again lets every reply through, in order.
      let received = 0;
      const all = new Promise<void>((resolve) => socket.on('data', (d: Buffer) => { received += d.length; if (received >= 200 * ((1 << 20) + 12)) resolve(); }));
      socket.resume();
      await all;
      assert.equal(runs, 200);
    } finally {
      socket.destroy();
      await server.close();
    }
  });
});

describe('bin/regolith-redis with redis-cli', { skip: skip || (spawnSync('sh', ['-c', 'command -v redis-cli']).status === 0 ? false : 'redis-cli is not installed (apt-get install redis-tools)') }, () => {
  let real: RedisServer;
  let child: ChildProcess;
  let port = 0;

  before(async () => {
    real = await startRedis();
    child = spawn(process.execPath, [join(repoRoot, 'bin', 'regolith-redis'), '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    port = await new Promise<number>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on [^:]+:(\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.once('exit', (code) => reject(new Error(`regolith-redis exited with ${code}: ${out}`)));
    });
  });
  after(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await real?.stop();
  });

  function cli(p: number, args: string[], stdin = ''): { status: number | null; stdout: string; stderr: string } {
    const r = spawnSync('redis-cli', ['-p', String(p), ...args], { input: stdin, encoding: 'latin1', timeout: 20_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  const RUNS: [string, string[], string?][] = [
    ['EVAL returning an array', ['EVAL', "return {1, 'two', {3}}", '0']],
    ['EVAL with keys and arguments', ['EVAL', "redis.call('SET', KEYS[1], ARGV[1]) return redis.call('GET', KEYS[1])", '1', 'cli:k', 'hello']],
    ['EVAL error', ['EVAL', "return redis.error_reply('boom')", '0']],
    ['EVAL runtime error', ['EVAL', 'return nil + 1', '0']],
    ['RESP3 (-3) EVAL', ['-3', 'EVAL', "redis.setresp(3) return {double=0.5}", '0']],
    ['RESP3 (-3) HELLO fields but the id', ['-3', 'HELLO', '3', 'SETNAME', 'x']],
    ['commands from stdin (redis-cli asks COMMAND DOCS first)', [], 'PING\nECHO "a b"\nEVAL "return 7" 0\nSELECT 20\nDEL cli:k\n'],
  ];

  for (const [name, args, stdin] of RUNS) {
    it(name, () => {
      const theirs = cli(real.port, args, stdin);
      const mine = cli(port, args, stdin);
      // redis-cli prints HELLO's map as `key value` lines; the id is each server's own.
      const noId = (s: string) => s.replace(/^id \d+$/m, 'id ID');
      assert.deepEqual({ ...mine, stdout: noId(mine.stdout) }, { ...theirs, stdout: noId(theirs.stdout) });
    });
  }
});
