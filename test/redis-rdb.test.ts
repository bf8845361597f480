// The RDB pieces of FUNCTION DUMP and RESTORE (src/redis/rdb.ts) on their
// own, and what of FUNCTION RESTORE the differential cases cannot show.
// Their bytes against redis-server 7.0.15 are checked by the differential
// cases (test/redis/scripting-cases.ts, "function dump and restore"); the
// fixed vectors here were taken from that server.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RdbReader, RdbWriter, crc64, lzfCompress, lzfDecompress, withFooter, checkFooter } from '../src/redis/rdb.js';
import { RedisScripting } from '../src/redis/scripting.js';
import { latin1, encodeReply } from '../src/redis/resp.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** Deterministic bytes over an alphabet of `size` symbols (small: many matches for LZF). */
function sample(n: number, size: number, seed: number): Uint8Array {
  let x = seed;
  return Uint8Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return (x >> 16) % size;
  });
}

describe('CRC-64 (Jones, reflected)', () => {
  test('the check value of "123456789"', () => {
    assert.equal(hex(crc64(bytes('123456789'))), 'cad9b8c414d9c6e9'); // 0xe9c6d914c4b8d9ca, little-endian
  });
  test('an empty dump is the version and its CRC, as redis-server 7.0.15 gives it', () => {
    assert.equal(hex(withFooter(new Uint8Array())), '0a005d9b5c400f7fa2da');
  });
  test('checkFooter: versions up to 10, the CRC of all before it', () => {
    const p = withFooter(bytes('abc'));
    assert.equal(checkFooter(p), 10);
    p[0]! ^= 1;
    assert.equal(checkFooter(p), null);
    assert.equal(checkFooter(new Uint8Array(10)), 0); // zeros: version 0, and the CRC of zeros is 0
    assert.equal(checkFooter(new Uint8Array(9)), null);
  });
});

describe('RDB lengths and strings', () => {
  const lengthBytes = (n: number) => {
    const w = new RdbWriter();
    w.length(n);
    return hex(w.finish());
  };
  test('lengths take their shortest form', () => {
    assert.equal(lengthBytes(0), '00');
    assert.equal(lengthBytes(63), '3f');
    assert.equal(lengthBytes(64), '4040');
    assert.equal(lengthBytes(16383), '7fff');
    assert.equal(lengthBytes(16384), '8000004000');
    assert.equal(lengthBytes(0xffffffff), '80ffffffff');
    assert.equal(lengthBytes(0x100000000), '810000000100000000');
  });
  test('lengths read back', () => {
    for (const n of [0, 1, 63, 64, 300, 16383, 16384, 70000, 0xffffffff, 0x100000000, 2 ** 40]) {
      const w = new RdbWriter();
      w.length(n);
      assert.deepEqual(new RdbReader(w.finish()).length(), { value: n, encoded: false }, String(n));
    }
  });
  test('short canonical decimals are stored as integers, and read back as text', () => {
    const cases: [string, string][] = [
      ['0', 'c000'], ['-1', 'c0ff'], ['127', 'c07f'], ['128', 'c18000'], ['-32768', 'c10080'], ['32767', 'c1ff7f'],
      ['32768', 'c200800000'], ['2147483647', 'c2ffffff7f'], ['-2147483648', 'c200000080'],
    ];
    for (const [text, expected] of cases) {
      const w = new RdbWriter();
      w.string(bytes(text));
      const out = w.finish();
      assert.equal(hex(out), expected, text);
      assert.equal(latin1(new RdbReader(out).string()!), text);
    }
  });
  test('other strings are stored as they are', () => {
    for (const text of ['007', '+1', '-0', ' 1', '2147483648', '-2147483649', '12345678901', 'abc', '']) {
      const w = new RdbWriter();
      w.string(bytes(text));
      assert.equal(hex(w.finish()), hex(Uint8Array.of(text.length, ...bytes(text))), text);
    }
  });
  test('a string longer than 20 bytes is LZF-compressed when that saves 4 bytes', () => {
    const w = new RdbWriter();
    w.string(bytes('a'.repeat(21)));
    // Two literals, then 19 bytes from one back (position 0 is never referred to).
    assert.equal(hex(w.finish()), 'c30615' + '016161' + 'e00a00');
    const plain = new RdbWriter();
    plain.string(bytes('a'.repeat(21)), false);
    assert.equal(hex(plain.finish()), '15' + '61'.repeat(21));
  });
  test('reads fail cleanly on short or unknown input', () => {
    assert.equal(new RdbReader(Uint8Array.of(0x05, 0x61)).string(), null);
    assert.equal(new RdbReader(Uint8Array.of(0x82)).length(), null);
    assert.equal(new RdbReader(Uint8Array.of(0xc4)).string(), null);
    assert.equal(new RdbReader(Uint8Array.of(0x40)).length(), null);
    assert.equal(new RdbReader(Uint8Array.of(0xc2, 1, 2)).string(), null);
  });
});

describe('LZF', () => {
  test('a library as redis-server 7.0.15 compressed it', () => {
    const code = bytes(`#!lua name=a\nredis.register_function("f", function() return 1 end)\n-- ${'a'.repeat(95)}`);
    const expected = '1f23216c7561206e616d653d610a72656469732e72656769737465725f66756e630974696f6e282266222c20e0000d13292072657475726e203120656e64290a2d2d2061e05300016161';
    assert.equal(hex(lzfCompress(code, code.length - 4)!), expected);
  });
  test('compression and decompression round trip', () => {
    for (const size of [2, 4, 26, 256]) {
      for (const n of [1, 2, 3, 4, 5, 17, 18, 19, 20, 21, 33, 64, 265, 300, 1000, 9000, 20000]) {
        const input = sample(n, size, n * 31 + size);
        const packed = lzfCompress(input, n + Math.ceil(n / 32) + 4)!;
        assert.ok(packed !== null, `${n} bytes over ${size}`);
        assert.deepEqual(lzfDecompress(packed, n), input, `${n} bytes over ${size}`);
      }
    }
  });
  test('compression gives up when the output would not fit', () => {
    const input = sample(100, 256, 7);
    assert.equal(lzfCompress(input, 96), null);
    assert.equal(lzfCompress(new Uint8Array(), 10), null);
  });
  test('decompression must give exactly the length; with length 0 anything gives ""', () => {
    const packed = lzfCompress(bytes('abcabcabcabcabc'), 100)!;
    assert.equal(lzfDecompress(packed, 14), null);
    assert.equal(lzfDecompress(packed, 16), null);
    assert.deepEqual(lzfDecompress(Uint8Array.of(0x00, 0x61), 0), new Uint8Array());
    assert.deepEqual(lzfDecompress(new Uint8Array(), 0), new Uint8Array());
    assert.equal(lzfDecompress(new Uint8Array(), 5), null);
    assert.equal(lzfDecompress(Uint8Array.of(0x01, 0x61, 0x20, 0x05), 5), null); // a reference before the start
    assert.deepEqual(lzfDecompress(Uint8Array.of(0x00, 0x61, 0x40, 0x00), 5), bytes('aaaaa')); // one byte, repeated
  });
});

describe('FUNCTION DUMP and RESTORE in Regolith', () => {
  const enc = new TextEncoder();
  const call = (s: RedisScripting, ...argv: (string | Uint8Array)[]) =>
    s.command(argv.map((a) => (typeof a === 'string' ? enc.encode(a) : a)), { resp: 2, db: 0 });
  const text = (s: RedisScripting, ...argv: (string | Uint8Array)[]) => latin1(encodeReply(call(s, ...argv), 2));

  test('a dump restores into another environment', () => {
    const a = new RedisScripting();
    const b = new RedisScripting();
    assert.equal(text(a, 'FUNCTION', 'LOAD', '#!lua name=one\nredis.register_function("f1", function(k, a) return "one " .. a[1] end)'), '$3\r\none\r\n');
    assert.equal(text(a, 'FUNCTION', 'LOAD', '#!lua name=two\nredis.register_function{function_name="f2", callback=function() return 2 end, flags={"no-writes"}}'), '$3\r\ntwo\r\n');
    const dump = call(a, 'FUNCTION', 'DUMP');
    assert.equal(dump.type, 'bulk');
    assert.equal(text(b, 'FUNCTION', 'RESTORE', (dump as { value: Uint8Array }).value), '+OK\r\n');
    assert.equal(text(b, 'FCALL', 'f1', '0', 'x'), '$5\r\none x\r\n');
    assert.equal(text(b, 'FCALL_RO', 'f2', '0'), ':2\r\n');
    assert.equal(text(b, 'FUNCTION', 'LIST', 'WITHCODE'), text(a, 'FUNCTION', 'LIST', 'WITHCODE'));
  });

  // redis-server 7.0.15 (checked by hand, as a loop of a second is too slow
  // for the differential cases): FUNCTION LOAD of such code fails after 500
  // ms, FUNCTION RESTORE of it runs to the end and replies OK.
  test('RESTORE runs library code without FUNCTION LOAD\'s 500 ms deadline', () => {
    const s = new RedisScripting();
    const code = '#!lua name=slow\nlocal i = 0 while i < 4e8 do i = i + 1 end redis.register_function("slowf", function() return 1 end)';
    assert.equal(text(s, 'FUNCTION', 'LOAD', code), '-ERR Error registering functions: ERR FUNCTION LOAD timeout\r\n');
    const w = new RdbWriter();
    w.byte(245);
    w.string(enc.encode(code));
    assert.equal(text(s, 'FUNCTION', 'RESTORE', withFooter(w.finish())), '+OK\r\n');
    assert.equal(text(s, 'FCALL', 'slowf', '0'), ':1\r\n');
  });

  test("Regolith's own limits stop library code in LOAD and RESTORE with an error reply", () => {
    const s = new RedisScripting({ limits: { instructions: 100_000 } });
    const code = '#!lua name=busy\nlocal i = 0 while i < 1e7 do i = i + 1 end redis.register_function("busyf", function() return 1 end)';
    const w = new RdbWriter();
    w.byte(245);
    w.string(enc.encode(code));
    const stopped = /^-ERR Error registering functions: ERR Script stopped by Regolith's instructions limit: /;
    assert.match(text(s, 'FUNCTION', 'LOAD', code), stopped);
    assert.match(text(s, 'FUNCTION', 'RESTORE', withFooter(w.finish())), stopped);
    assert.equal(text(s, 'FUNCTION', 'STATS'), text(new RedisScripting(), 'FUNCTION', 'STATS'));
  });
});
