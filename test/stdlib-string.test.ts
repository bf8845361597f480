// src/stdlib/string.ts, lstrlib-pattern.ts, string-format.ts, string-pack.ts:
// unit tests calling the library directly (no compiler needed). The
// differential programs in test/lua/string/ check the same code against lua5.4.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { LuaError } from '../src/runtime/errors.js';
import { LuaTable } from '../src/runtime/table.js';
import { LuaFloat } from '../src/runtime/value.js';
import * as ops from '../src/runtime/ops.js';
import { MatchState, PatternError, matchClass, noSpecials, patternFind } from '../src/stdlib/lstrlib-pattern.js';
import {
  checkFormat, fixedDigits, formatFloat, formatInt, hexFloatDigits, parseSpec, quoteNumber, quoteString,
} from '../src/stdlib/string-format.js';
import { str_pack, str_packsize, str_unpack } from '../src/stdlib/string-pack.js';
import { stringFunctions as S } from '../src/stdlib/string.js';
import { LuaState as RealState } from '../src/runtime/state.js';
import { memoryHost } from '../src/host/host.js';
import { enter } from '../src/runtime/engine.js';

// Library functions called directly run as the code of one state.
enter(new RealState({ host: memoryHost() }).engine);
import { StrBuf, fromByteCodes } from '../src/stdlib/strbuf.js';

type Fn = (...args: unknown[]) => unknown;
const call = (f: Fn, ...args: unknown[]): unknown[] => ops.mv(f(...args));

function luaErr(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof LuaError) return String(e.value);
    if (e instanceof PatternError) return e.message;
    throw e;
  }
  assert.fail('expected a Lua error');
}

describe('patterns', () => {
  test('character classes (C locale)', () => {
    assert.equal(matchClass(65, 97), true); // A in %a
    assert.equal(matchClass(65, 65), false); // A not in %A
    assert.equal(matchClass(0xc0, 97), false); // no locale letters
    assert.equal(matchClass(32, 115), true);
    assert.equal(matchClass(11, 115), true); // \v is space
    assert.equal(matchClass(95, 112), true); // _ is punct
    assert.equal(matchClass(127, 99), true);
    assert.equal(matchClass(0, 122), true); // %z
    assert.equal(matchClass(46, 46), true); // %. is literal
  });

  test('find and match', () => {
    const f = (s: string, p: string, init = 0) => patternFind(s, p, init, true);
    assert.deepEqual(f('hello', 'l+'), { start: 2, end: 4, captures: [] });
    assert.deepEqual(f('hello', '(h)(e)'), { start: 0, end: 2, captures: ['h', 'e'] });
    assert.deepEqual(f('hello', '()ll()'), { start: 2, end: 4, captures: [3, 5] });
    assert.equal(f('hello', '^e'), null);
    assert.deepEqual(f('hello', 'o$'), { start: 4, end: 5, captures: [] });
    assert.deepEqual(f('f(a(b)c)d', '%b()'), { start: 1, end: 8, captures: [] });
    assert.deepEqual(f('THE (quick) fox', '%f[%a]%a+', 4), { start: 5, end: 10, captures: [] });
    assert.deepEqual(f('abab', '(ab)%1'), { start: 0, end: 4, captures: ['ab'] });
    assert.deepEqual(patternFind('key=val', '(%w+)=(%w+)', 0, false)?.captures, ['key', 'val']);
    assert.deepEqual(patternFind('abc', 'x*', 0, false)?.captures, ['']);
    assert.deepEqual(f('a]b', '[]]'), { start: 1, end: 2, captures: [] });
    assert.deepEqual(f('a-b', '[%a-]+'), { start: 0, end: 3, captures: [] });
    assert.deepEqual(f('<a><b>', '<.->'), { start: 0, end: 3, captures: [] });
    assert.deepEqual(f('<a><b>', '<.*>'), { start: 0, end: 6, captures: [] });
  });

  test('lstrlib error messages', () => {
    const e = (p: string, s = 'abc') => luaErr(() => patternFind(s, p, 0, true));
    assert.equal(e('%'), "malformed pattern (ends with '%')");
    assert.equal(e('[a'), "malformed pattern (missing ']')");
    assert.equal(e('%b'), "malformed pattern (missing arguments to '%b')");
    assert.equal(e('%fa'), "missing '[' after '%f' in pattern");
    assert.equal(e('(a)%2'), 'invalid capture index %2');
    assert.equal(e('%0'), 'invalid capture index %0');
    assert.equal(e('a)'), 'invalid pattern capture');
    assert.equal(e('(()'), 'unfinished capture');
    assert.equal(e('()'.repeat(33)), 'too many captures');
    assert.equal(e('a?'.repeat(300), 'a'.repeat(300)), 'pattern too complex');
  });

  test('bounded recursion: long subjects do not overflow the JS stack', () => {
    const s = 'a'.repeat(200000);
    assert.deepEqual(patternFind(s, 'a*$', 0, true), { start: 0, end: 200000, captures: [] });
    assert.deepEqual(patternFind(s, '.-$', 0, true), { start: 0, end: 200000, captures: [] });
    assert.deepEqual(patternFind(s, '(a+)b', 199990, true), null);
    assert.equal(luaErr(() => patternFind(s, '.?'.repeat(250), 0, true)), 'pattern too complex');
  });

  test('noSpecials and MatchState reuse', () => {
    assert.equal(noSpecials('abc'), true);
    assert.equal(noSpecials('a.c'), false);
    assert.equal(noSpecials('a)c'), true);
    const ms = new MatchState('xyz', 'y');
    ms.reset();
    assert.equal(ms.match(1, 0), 2);
    ms.reset();
    assert.equal(ms.match(0, 0), -1);
  });
});

describe('library functions', () => {
  test('sub, byte, char, rep, reverse, upper, lower, len', () => {
    assert.equal(S.sub('hello', 2, 3), 'el');
    assert.equal(S.sub('hello', -3), 'llo');
    assert.equal(S.sub('hello', 0, 100), 'hello');
    assert.equal(S.sub('hello', 4, 2), '');
    assert.deepEqual(call(S.byte as Fn, 'ABC', 1, -1), [65, 66, 67]);
    assert.deepEqual(call(S.byte as Fn, 'ABC', 10), []);
    assert.equal(S.char(72, 105), 'Hi');
    assert.equal(S.rep('ab', 3, ','), 'ab,ab,ab');
    assert.equal(S.rep('x', 0), '');
    assert.equal(S.reverse('abc'), 'cba');
    assert.equal(S.upper('a\xe0z'), 'A\xe0Z');
    assert.equal(S.lower('A\xc0Z'), 'a\xc0z');
    assert.equal(S.len('a\0b'), 3);
    assert.match(luaErr(() => S.rep('x', 2 ** 40)), /resulting string too large$/);
    assert.match(luaErr(() => S.rep('x', 10n ** 18n)), /resulting string too large$/);
    assert.match(luaErr(() => S.rep('x', 1e9)), /resulting string too large$/);
  });

  test('find, match, gmatch, gsub', () => {
    assert.deepEqual(call(S.find as Fn, 'a.b', '.', 1, true), [2, 2]);
    assert.deepEqual(call(S.find as Fn, 'hello', 'l(l)'), [3, 4, 'l']);
    assert.deepEqual(call(S.match as Fn, 'hello', '(h)(e)'), ['h', 'e']);
    assert.equal(S.match('hello', 'xyz'), undefined);
    const it = S.gmatch('a1b2', '%a(%d)') as Fn;
    assert.equal(it(), '1');
    assert.equal(it(), '2');
    assert.deepEqual(call(it), []);
    assert.deepEqual(call(S.gsub as Fn, 'hello world', 'o', '0'), ['hell0 w0rld', 2]);
    assert.deepEqual(call(S.gsub as Fn, 'abc', '', '-'), ['-a-b-c-', 4]);
    assert.deepEqual(call(S.gsub as Fn, 'abc', '%w', '%0%0', 2), ['aabbc', 2]);
    assert.deepEqual(call(S.gsub as Fn, 'abc', '(b)', (c: string) => c.toUpperCase()), ['aBc', 1]);
    const t = new LuaTable();
    t.setStr('a', 'X');
    t.setStr('b', false);
    assert.deepEqual(call(S.gsub as Fn, 'abc', '%w', t), ['Xbc', 3]);
    assert.match(luaErr(() => S.gsub('abc', 'b', '%')), /invalid use of '%' in replacement string$/);
    assert.match(luaErr(() => S.gsub('abc', 'b', () => new LuaTable())), /invalid replacement value \(a table\)$/);
  });

  test('format', () => {
    assert.equal(S.format('%5.2f|%d|%s', 3.14159, 42, 'x'), ' 3.14|42|x');
    assert.equal(S.format('%x|%X|%o', -1, 255, 8), 'ffffffffffffffff|FF|10');
    assert.equal(S.format('%d', -(2n ** 63n)), '-9223372036854775808');
    assert.equal(S.format('%q', -(2n ** 63n)), '0x8000000000000000');
    assert.equal(S.format('%q', new LuaFloat(1)), '0x1p+0');
    assert.equal(S.format('%q', 'a\n\x001\x7f'), '"a\\\n\\0001\\127"');
    assert.equal(S.format('%.3f', new LuaFloat(2 ** 60)), '1152921504606846976.000');
    assert.equal(S.format('%g', 1e20), '1e+20');
    assert.equal(S.format('%a', 1.5), '0x1.8p+0');
    assert.match(luaErr(() => S.format('%10.3q', 'x')), /specifier '%q' cannot have modifiers$/);
    assert.match(luaErr(() => S.format('%#d', 1)), /invalid conversion specification: '%#d'$/);
    assert.match(luaErr(() => S.format('%y', 1)), /invalid conversion '%y' to 'format'$/);
    assert.match(luaErr(() => S.format('%d', 1.5)), /number has no integer representation\)$/);
  });
});

describe('printf conversions', () => {
  test('integers', () => {
    const fi = (form: string, n: number | bigint) => formatInt(parseSpec(form), form.charAt(form.length - 1), n);
    assert.equal(fi('%5d', 42), '   42');
    assert.equal(fi('%-5d', -42), '-42  ');
    assert.equal(fi('%05d', -42), '-0042');
    assert.equal(fi('%+d', 0), '+0');
    assert.equal(fi('%.0d', 0), '');
    assert.equal(fi('%#.0o', 0), '0');
    assert.equal(fi('%#x', 0), '0');
    assert.equal(fi('%#010x', 255), '0x000000ff');
    assert.equal(fi('%08.3d', 5), '     005');
    assert.equal(fi('%u', -1), '18446744073709551615');
  });

  test('floats', () => {
    const ff = (form: string, x: number) => formatFloat(parseSpec(form), form.charAt(form.length - 1), x);
    assert.equal(ff('%.0f', 0.5), '0');
    assert.equal(ff('%.0f', 1.5), '2');
    assert.equal(ff('%.0f', 2.5), '2');
    assert.equal(ff('%#.0f', 3), '3.');
    assert.equal(ff('%.2f', 0.125), '0.12');
    assert.equal(ff('%5.1f', 2.25), '  2.2');
    assert.equal(ff('%010.3f', -3.14159), '-00003.142');
    assert.equal(ff('%012f', Infinity), '         inf');
    assert.equal(ff('%E', -Infinity), '-INF');
    assert.equal(ff('%+.1e', 12345), '+1.2e+04');
    assert.equal(ff('%#g', 1), '1.00000');
    assert.equal(ff('%012a', 1.5), '0x00001.8p+0');
    assert.equal(fixedDigits(1e22, 0, false), '10000000000000000000000');
    assert.equal(hexFloatDigits(5e-324, -1, false, false), '0x0.0000000000001p-1022');
    assert.equal(hexFloatDigits(1.5, 0, false, false), '0x2p+0');
    assert.equal(hexFloatDigits(2.5, 0, false, false), '0x1p+1');
    assert.equal(hexFloatDigits(1.99, 1, false, false), '0x2.0p+0');
  });

  test('checkformat and %q helpers', () => {
    assert.equal(checkFormat('%5.3d', '-+ 0', true), true);
    assert.equal(checkFormat('%123d', '-+ 0', true), false);
    assert.equal(checkFormat('%.3c', '-', false), false);
    assert.equal(checkFormat('%05s', '-', true), false);
    assert.equal(checkFormat('%00005d', '-+ 0', true), true);
    assert.equal(quoteString('"\\\r'), '"\\"\\\\\\13"');
    assert.equal(quoteString('\x001'), '"\\0001"');
    assert.equal(quoteNumber(Infinity), '1e9999');
    assert.equal(quoteNumber(-Infinity), '-1e9999');
    assert.equal(quoteNumber(NaN), '(0/0)');
    assert.equal(quoteNumber(new LuaFloat(-0)), '-0x0p+0');
  });
});

describe('pack', () => {
  const bytes = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

  test('integers and endianness', () => {
    assert.deepEqual(bytes(str_pack('<i4', -2)), [0xfe, 0xff, 0xff, 0xff]);
    assert.deepEqual(bytes(str_pack('>i2', 1)), [0, 1]);
    assert.deepEqual(bytes(str_pack('i9', -1)), Array(9).fill(0xff));
    assert.deepEqual(bytes(str_pack('<j', -(2n ** 63n))), [0, 0, 0, 0, 0, 0, 0, 0x80]);
    assert.deepEqual(ops.mv(str_unpack('<i3', '\xff\xff\x7f')), [8388607, 4]);
    assert.deepEqual(ops.mv(str_unpack('J', '\xff'.repeat(8))), [-1, 9]);
    assert.deepEqual(ops.mv(str_unpack('I9', '\xff'.repeat(8) + '\0')), [-1, 10]);
    assert.match(luaErr(() => str_pack('b', 128)), /integer overflow\)$/);
    assert.match(luaErr(() => str_pack('B', -1)), /unsigned overflow\)$/);
    assert.match(luaErr(() => str_unpack('i9', '\0'.repeat(8) + '\x01')), /9-byte integer does not fit into Lua Integer$/);
    assert.match(luaErr(() => str_pack('i17', 1)), /integral size \(17\) out of limits \[1,16\]$/);
  });

  test('floats, strings, alignment, sizes', () => {
    assert.deepEqual(bytes(str_pack('<d', 1.5)), [0, 0, 0, 0, 0, 0, 0xf8, 0x3f]);
    assert.deepEqual(bytes(str_pack('>f', 1.5)), [0x3f, 0xc0, 0, 0]);
    assert.deepEqual(bytes(str_pack('!<bi4', 1, 2)), [1, 0, 0, 0, 2, 0, 0, 0]);
    assert.equal(str_pack('z', 'hi'), 'hi\0');
    assert.equal(str_pack('s1', 'hi'), '\x02hi');
    assert.equal(str_pack('c4', 'hi'), 'hi\0\0');
    assert.deepEqual(ops.mv(str_unpack('zs1', 'ab\0\x02cd')), ['ab', 'cd', 7]);
    assert.equal(str_packsize('!8bd'), 16);
    assert.equal(str_packsize('i3i16'), 19);
    assert.match(luaErr(() => str_packsize('s')), /variable-length format\)$/);
    assert.match(luaErr(() => str_unpack('i4', 'abc')), /data string too short\)$/);
    assert.match(luaErr(() => str_pack('y')), /invalid format option 'y'$/);
    assert.match(luaErr(() => str_pack('!4i3', 1)), /format asks for alignment not power of 2\)$/);
  });
});

describe('StrBuf (results of many pieces)', () => {
  const build = (pieces: number, piece: (i: number) => string): { buf: string; expected: string } => {
    const b = new StrBuf();
    const all: string[] = [];
    for (let i = 0; i < pieces; i++) {
      const s = piece(i);
      b.add(s);
      all.push(s);
    }
    assert.equal(b.length, all.reduce((n, s) => n + s.length, 0));
    return { buf: b.toString(), expected: all.join('') };
  };
  test('keeps the pieces in order across the sizes where they are grouped', () => {
    for (const n of [0, 1, 63, 64, 65, 4095, 4096, 4097, 4096 * 3 + 70, 300_000]) {
      const { buf, expected } = build(n, (i) => (i % 5 === 0 ? '' : String(i)));
      assert.equal(buf, expected, `${n} pieces`);
    }
  });
  test('fromByteCodes builds any length', () => {
    for (const n of [0, 1, 8191, 8192, 8193, 100_000]) {
      const codes = new Uint8Array(n).map((_, i) => (i * 31) & 0xff);
      const s = fromByteCodes(codes);
      assert.equal(s.length, n);
      for (let i = 0; i < n; i += 4099) assert.equal(s.charCodeAt(i), codes[i]);
      if (n > 0) assert.equal(s.charCodeAt(n - 1), codes[n - 1]);
    }
  });
});
