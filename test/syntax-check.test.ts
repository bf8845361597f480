// check(): every recoverable diagnostic, with positions, never an exception.
//
// - Programs with several independent errors: check() reports each of them,
//   with the message luac5.4 -p gives for that error alone (the program with
//   the other bad lines replaced by a valid one), and nothing else.
// - Positions: lines, UTF-16 and byte columns, ends, offsets, with multi-byte
//   UTF-8 text, given as bytes or as JS text.
// - Robustness: seeded random bytes, token soups, truncated and mutated
//   suite files: check() never throws, its first diagnostic is parse()'s
//   error found by recovery itself, diagnostics come in source order at
//   distinct places, at most 100.
// - Every file of the official suites gives no diagnostics; dialects.
// (That the first diagnostic is luac's message over the malformed corpus is
// checked with parse() in syntax-errors.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dialect } from '../src/syntax/ast.js';
import { check, collectDiagnostics, parse, LuaSyntaxError } from '../src/syntax/index.js';
import type { Diagnostic } from '../src/syntax/index.js';
import * as api from '../src/index.js';
import { toLuaString } from '../src/runtime/bytes.js';
import { missingReference, referenceBinary, sharedDir } from './support/reference.js';
import { Rng } from './support/rng.js';

const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.message}`);

// ------------------------------------------------------------ several errors

test('several errors in one program, each with its range', () => {
  const src = [
    'x = = 1', //                      1
    'local ok = 1', //                 2
    'if ok = 2 then', //               3
    '  print(ok)', //                  4
    '  y = = 3', //                    5
    'end', //                          6
    's = "abc', //                     7
    'n = 3x + "\\q"', //               8
    'function f(a b) return a end', // 9
    'print(ok) +', //                  10
  ].join('\n');
  assert.deepEqual(brief(check(src, { chunkName: '=t' })), [
    "1:5-1:6 t:1: unexpected symbol near '='",
    "3:7-3:8 t:3: 'then' expected near '='",
    "5:7-5:8 t:5: unexpected symbol near '='",
    "7:5-7:9 t:7: unfinished string near '\"abc'",
    "8:5-8:7 t:8: malformed number near '3x'",
    "8:11-8:13 t:8: invalid escape sequence near '\"\\q'",
    "9:14-9:15 t:9: ')' expected near 'b'",
    "10:11-10:12 t:10: unexpected symbol near '+'",
  ]);
});

test('constructs left open by an error keep their body and their end', () => {
  const m = (src: string, dialect: Dialect = '5.4') => check(src, { chunkName: '=t', dialect }).map((d) => d.message);
  // the body of a loop whose header failed is still checked; its 'end' closes it
  assert.deepEqual(m('while x = 1 do\n  y = = 2\nend\nz = = 3'),
    ["t:1: 'do' expected near '='", "t:2: unexpected symbol near '='", "t:4: unexpected symbol near '='"]);
  assert.deepEqual(m('for i = 1 do\n  break\nend\nlocal function f() break end'),
    ["t:1: ',' expected near 'do'", 't:4: break outside loop at line 4']);
  // ...also in 5.1, where break is checked on the spot
  assert.deepEqual(m('for i = 1 do\n  break\nend\nbreak', '5.1'), ["t:1: ',' expected near 'do'", "t:4: no loop to break near '<eof>'"]);
  // a function whose parameter list failed: its body is a function's ('...' is allowed, return ends it)
  assert.deepEqual(m('function f(a b)\n  return ...\nend\nx = = 1'), ["t:1: ')' expected near 'b'", "t:4: unexpected symbol near '='"]);
  // an anonymous function inside a table
  assert.deepEqual(m('local t = {\n  f = function(a b) return a end,\n  g = 2,\n}\nx = = 1'),
    ["t:2: ')' expected near 'b'", "t:5: unexpected symbol near '='"]);
  // missing 'then': the if's body and its else/elseif still belong to it
  assert.deepEqual(m('if x\n  y = 1\nelseif z = 2 then\n  w = = 3\nelse\nend\nv = = 4'),
    ["t:2: 'then' expected near 'y'", "t:3: 'then' expected near '='", "t:4: unexpected symbol near '='", "t:7: unexpected symbol near '='"]);
  // a missing end is reported once, at the end
  assert.deepEqual(m('do\n  x = = 1\n'), ["t:2: unexpected symbol near '='", "t:3: 'end' expected (to close 'do' at line 1) near <eof>"]);
  // stray closers at the top level
  assert.deepEqual(m('x = 1 end\nelseif y then\nz = = 2\nend\nuntil w\n'),
    ["t:1: <eof> expected near 'end'", "t:2: <eof> expected near 'elseif'", "t:3: unexpected symbol near '='", "t:5: <eof> expected near 'until'"]);
  // closers that do not fit what is open
  assert.deepEqual(m('while x = 1 do\n  y()\nuntil z\nrepeat\n  f(a b)\nend'), [
    "t:1: 'do' expected near '='", "t:3: 'end' expected (to close 'while' at line 1) near 'until'",
    "t:5: ')' expected near 'b'", "t:6: 'until' expected (to close 'repeat' at line 4) near 'end'"]);
  // an unclosed parenthesis: the next line starting with a name starts the next statement
  assert.deepEqual(m('print(a, b\ny = = 2'), ["t:2: ')' expected (to close '(' at line 1) near 'y'", "t:2: unexpected symbol near '='"]);
  // but in a table, lines are fields: a missing comma
  assert.deepEqual(m('local t = {\n  a = 1\n  b = 2,\n  c = function() return 3 end,\n}\nx = = 1'),
    ["t:3: '}' expected (to close '{' at line 1) near 'b'", "t:6: unexpected symbol near '='"]);
});

test('errors that do not disturb the parse are reported where they are found, and parsing goes on', () => {
  const src = [
    'local c <const> = 1; c = 2',
    'local a <close>, b <close> = 1, 2',
    'local t <foo> = 1',
    '::l:: ::l::',
    'local function k() return ... end',
    'f() = 1',
    'local function g() goto nowhere end',
    'x = = 1',
  ].join('\n');
  assert.deepEqual(check(src, { chunkName: '=t' }).map((d) => d.message), [
    "t:1: attempt to assign to const variable 'c'",
    't:2: multiple to-be-closed variables in local list',
    "t:3: unknown attribute 'foo'",
    "t:5: label 'l' already defined on line 4", // (where luac detects it)
    "t:5: cannot use '...' outside a vararg function near '...'",
    "t:6: syntax error near '='",
    "t:8: no visible label 'nowhere' for <goto> at line 7",
    "t:8: unexpected symbol near '='",
  ]);
});

test('no cascades: one error per token, at most maxDiagnostics, each limit error once', () => {
  // an error at the same token as the previous one is dropped
  assert.deepEqual(check('x = "abc', { chunkName: '=t' }).map((d) => d.message), ["t:1: unfinished string near <eof>"]);
  assert.deepEqual(check('x = 1 "abc', { chunkName: '=t' }).map((d) => d.message), ["t:1: unfinished string near <eof>"]);
  const many = 'x = = 1\n'.repeat(500);
  assert.equal(check(many).length, 100);
  assert.equal(check(many, { maxDiagnostics: 7 }).length, 7);
  assert.equal(check(many, { maxDiagnostics: 1000 }).length, 500);
  // 300 locals: the limit is reported once
  const locals = Array.from({ length: 300 }, (_, i) => `local a${i}`).join('\n') + '\nx = = 1';
  assert.deepEqual(check(locals, { chunkName: '=t' }).map((d) => d.message), [
    "t:202: too many local variables (limit is 200) in main function near 'local'",
    "t:301: unexpected symbol near '='",
  ]);
  // the nesting limit ends the check (there is no sensible way on)
  const deep = 'x = ' + '('.repeat(100000) + '1' + ')'.repeat(100000) + '\ny = = 2';
  assert.deepEqual(check(deep, { chunkName: '=t' }).map((d) => d.message), ['C stack overflow']);
  assert.deepEqual(check(deep, { chunkName: '=t', dialect: '5.1' }).map((d) => d.message), ['t:1: chunk has too many syntax levels']);
});

// ------------------------------------------------- independent errors vs luac

/** Single-line statements, each a syntax error of its own that ends on its line ('@@': a name unique to the line). */
const BAD_LINES = [
  'x = = 1', 'local = 2', 'f(,)', 'f() = 1', 'x, = 1', 't = {1, 2,, 3}', 'print("a" "b")', 'x = 0x', 'y = 3x',
  's = "abc', 'z = "\\q"', "w = '\\xZZ'", 'v = "\\u{110000000}"', 'u = "\\300"', 'local q = @', 'for i = 1 do end',
  'while true do x = end', 'local function (a) end', 'local c9 <const> = 1; c9 = 2', 'local function g() goto nowhere end',
  '::@@:: ::@@:: ok = 1', 'local function h() break end', 'local function k() return ... end', 'local t9 <foo> = 1',
  'local a9 <close>, b9 <close> = 1, 2', 'if x then y() end end', 'if x y() end', 'function f(a b) end', 'a.b:c = 1',
  'for k, v inn t do end', 'local x = {a = 1 b = 2}', 'x = f(a, b c)', 'goto = 1', 'local 1 = 2', 'return = 1',
  'elseif x then y() end', 'until x', 'x = 1 ; = 2', 'local function f(...) return ... end end', 'repeat x = = 1 until y',
  'do local x = ) end', 'if a then b = else c = 1 end', 'x = function(a,) end', 'x = {[1] 2}', 'f:g(1) = 2',
  'f{1,,2}', 'x = a.1', 'while do end', '$', 'else x = 1 end', 'local function f() x = 1 end end',
];
/** The same, over several lines (blocks whose header or body fails). */
const BAD_BLOCKS = [
  'if x = 1 then\n  y()\nend', 'while true do\n  x = = 1\nend', 'function f(a b)\n  return a\nend', 'for i = 1 do\n  print(i)\nend',
  'local t = {\n  a = 1,\n  b = ,\n}', 'repeat\n  x = = 1\nuntil y', 'do\n  local x <const> = 1\n  x = 2\nend',
  'local function g()\n  goto l\nend', 'print(a,\n  b c)', 'if x then\n  y()\nelse\n  z = = 1\nend', 'local s = [[\nabc]] .. = 1',
  'f(function()\n  x = = 1\nend)', 'while x = 1 do\n  break\nend', 'if x\n  y = 1\nend', 'local t = {\n  f = function(a b) return a end,\n}',
  'for k, v in pairs(t) do\n  if k then\n    v = = 1\n  end\nend', 'local function h(...)\n  return ...\nend end',
];
const GOOD_LINES = ['local ok = 1', 'print(ok)', 'do local y = 2 end', 'ok = ok + 1', '-- a comment', '', 'if ok then ok = 2 end'];

test('independent errors: each is reported with the message luac5.4 -p gives for it alone', { timeout: 120_000 }, async (t) => {
  const bin = referenceBinary('luac', '5.4');
  if (bin === null) { t.skip(missingReference('luac', '5.4')); return; }
  const rng = new Rng(Number(process.env.CHECK_SEED ?? 0xc0ffee) >>> 0);
  interface Prog { lines: string[]; bad: number[] }
  const progs: Prog[] = [];
  for (let i = 0; i < 120; i++) {
    const lines: string[] = [];
    const bad: number[] = [];
    const n = 3 + rng.int(12);
    for (let j = 0; j < n; j++) {
      if (rng.chance(0.4)) {
        const b = rng.chance(0.7) ? rng.pick(BAD_LINES) : rng.pick(BAD_BLOCKS);
        bad.push(lines.length);
        lines.push(b.replaceAll('@@', `l${j}`));
      } else {
        lines.push(rng.pick(GOOD_LINES));
      }
    }
    progs.push({ lines, bad });
  }
  // every bad line alone, in place (the others replaced by a valid line)
  const files: string[] = [];
  for (const p of progs) {
    // (a bad piece over several lines is replaced by as many valid lines)
    const filler = (l: string) => l.split('\n').map(() => 'local ok = 1').join('\n');
    for (const b of p.bad) files.push(p.lines.map((l, j) => (j === b || !p.bad.includes(j) ? l : filler(l))).join('\n') + '\n');
  }
  const dir = mkdtempSync(join(tmpdir(), 'regolith-check-'));
  try {
    const refs = await luacAll(bin, dir, files);
    const failures: string[] = [];
    let k = 0;
    let errors = 0;
    for (const p of progs) {
      const src = p.lines.join('\n') + '\n';
      const want: string[] = [];
      for (let i = 0; i < p.bad.length; i++) want.push(refs[k++]!);
      errors += want.length;
      const got = check(src, { chunkName: '@m.lua' }).map((d) => d.message);
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        failures.push(`${JSON.stringify(src)}\n  luac, each alone: ${JSON.stringify(want)}\n  check():          ${JSON.stringify(got)}`);
      }
    }
    t.diagnostic(`${progs.length} programs, ${errors} errors`);
    if (failures.length) assert.fail(`${failures.length} of ${progs.length} programs:\n\n${failures.slice(0, 10).join('\n\n')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** luac5.4 -p's message for each source (all are errors), file name m.lua. */
async function luacAll(bin: string, dir: string, sources: string[]): Promise<string[]> {
  const out: string[] = new Array<string>(sources.length).fill('');
  let next = 0;
  const worker = async (w: number) => {
    const sub = join(dir, `w${w}`);
    while (next < sources.length) {
      const i = next++;
      // one directory per worker, the file always named m.lua (as in the chunk name)
      await new Promise<void>((resolve) => {
        mkdirSync(sub, { recursive: true });
        writeFileSync(join(sub, 'm.lua'), sources[i]!, 'latin1');
        execFile(bin, ['-p', 'm.lua'], { cwd: sub, encoding: 'latin1' }, (err, _o, errText) => {
          const msg = String(errText).replace(/\n$/, '');
          out[i] = err ? msg.replace(`${bin}: `, '') : '(accepted)';
          resolve();
        });
      });
    }
  };
  await Promise.all(Array.from({ length: 4 }, (_, w) => worker(w)));
  return out;
}

// ------------------------------------------------------------------ positions

test('positions: UTF-16 and byte columns differ after multi-byte characters', () => {
  // 'é' is 2 bytes (1 UTF-16 unit), '日本' 6 bytes (2 units), '𝔘' 4 bytes (2 units)
  const text = 'local s = "é日本" x = = 1\r\nlocal 𝔘 = 2\n\nt = {"𝔘𝔘", = }';
  const expect = [
    { message: "t:1: unexpected symbol near '='", line: 1, column: 21, byteColumn: 26, endLine: 1, endColumn: 22, endByteColumn: 27 },
    // the offending token is the first byte of '𝔘': the range covers the character
    { message: "t:2: <name> expected near '<\\240>'", line: 2, column: 7, byteColumn: 7, endLine: 2, endColumn: 9, endByteColumn: 8 },
    { message: "t:4: unexpected symbol near '='", line: 4, column: 14, byteColumn: 18, endLine: 4, endColumn: 15, endByteColumn: 19 },
  ];
  const pick = (d: Diagnostic) => ({
    message: d.message, line: d.line, column: d.column, byteColumn: d.byteColumn,
    endLine: d.endLine, endColumn: d.endColumn, endByteColumn: d.endByteColumn,
  });
  // as JS text: offsets index the text
  const dt = check(text, { text: true, chunkName: '=t' });
  assert.deepEqual(dt.map(pick), expect);
  assert.deepEqual(dt.map((d) => text.slice(d.offset, d.endOffset)), ['=', '𝔘', '=']);
  // as bytes: the same lines and columns (the bytes decoded as UTF-8); offsets index the bytes
  const bytes = toLuaString(text);
  const db = check(bytes, { chunkName: '=t' });
  assert.deepEqual(db.map(pick), expect);
  assert.deepEqual(db.map((d) => bytes.slice(d.offset, d.endOffset)), ['=', '\xf0', '=']);
  for (const d of db) assert.equal(d.severity, 'error');
});

test('positions: reason, near, multi-line tokens, escapes, end of source', () => {
  const src = 'x = [[a\nb]] = 1\ny = "ok\\z\n   \\q"\nz = ';
  const [a, b, c] = check(src, { chunkName: '=t' });
  assert.deepEqual(a, {
    severity: 'error', message: "t:2: unexpected symbol near '='", reason: 'unexpected symbol', near: "'='",
    line: 2, column: 5, byteColumn: 5, endLine: 2, endColumn: 6, endByteColumn: 6, offset: 12, endOffset: 13,
  });
  // the bad escape itself (after a \z that spans a line)
  assert.deepEqual([b!.message, b!.line, b!.column, b!.endLine, b!.endColumn], [`t:4: invalid escape sequence near '"ok\\q'`, 4, 4, 4, 6]);
  // <eof>: an empty range at the end
  assert.deepEqual([c!.message, c!.near, c!.line, c!.column, c!.endColumn, c!.offset, c!.endOffset], ['t:5: unexpected symbol near <eof>', '<eof>', 5, 5, 5, src.length, src.length]);
  // a token that spans lines: its range, while the message has the line luac reports (where it ends)
  const [d] = check('x = 1 [[a\nb]]', { chunkName: '=t' });
  assert.deepEqual([d!.message, d!.line, d!.column, d!.endLine, d!.endColumn], ["t:2: unexpected symbol near '[[a\nb]]'", 1, 7, 2, 4]);
  // CR LF, LF CR and CR line breaks count like the reference's
  assert.deepEqual(check('a = 1\r\nb = 2\n\rc = 3\rd = = 4', { chunkName: '=t' }).map((e) => [e.message, e.line, e.column]),
    [["t:4: unexpected symbol near '='", 4, 5]]);
});

test('positions after a skipped first line and BOM map back to the source as given', () => {
  for (const [src, at] of [['#!/usr/bin/lua\nx = = 1', 19], ['\xef\xbb\xbf#!lua\nx = = 1', 13], ['\xef\xbb\xbfx = = 1', 7]] as const) {
    const [d] = check(src, { chunkName: '=t', skipShebang: true });
    assert.equal(d!.offset, at, JSON.stringify(src));
    assert.equal(src[d!.offset], '=');
  }
  const [e] = check('#!/usr/bin/lua\nx = = 1', { chunkName: '=t', skipShebang: true });
  assert.deepEqual([e!.message, e!.line, e!.column], ["t:2: unexpected symbol near '='", 2, 5]);
});

test('text input: messages and chunk names are text', () => {
  const [d] = check('x = "日本\ny = 1', { text: true, chunkName: '=ファイル' });
  assert.equal(d!.message, `ファイル:1: unfinished string near '"日本'`);
  assert.equal(d!.near, `'"日本'`);
  const [e] = check('x = = "é"', { text: true });
  assert.equal(e!.message, `[string "x = = "é""]:1: unexpected symbol near '='`);
});

test('a single edit to a valid program gives few diagnostics (no cascades)', (t) => {
  if (sharedDir === null) { t.skip('../shared (the official Lua test suites) is missing; skipping'); return; }
  const rng = new Rng(0xed17);
  const files = luaFiles(join(sharedDir, 'lua-tests', '5.4')).map((p) => readFileSync(p, 'latin1').split('\n'));
  const strays = ['=', '(', ')', '{', '}', '[', ']', ',', ';', ':', '.', '..', '+', 'end', 'do', 'then', 'else', 'if', 'while',
    'function', 'local', 'return', 'x', '1', '"', 'until'];
  const counts: number[] = [];
  for (let i = 0; i < 3000 && counts.length < 400; i++) {
    const lines = rng.pick(files);
    const from = rng.int(lines.length);
    let src = lines.slice(from, from + 1 + rng.int(60)).join('\n');
    if (check(src).length > 0) continue; // a window that is not a valid chunk by itself
    const words = [...src.matchAll(/[A-Za-z_][A-Za-z0-9_]*|\S/g)];
    if (words.length === 0) continue;
    const w = rng.pick(words);
    const a = w.index, b = a + w[0].length;
    switch (rng.int(3)) {
      case 0: src = src.slice(0, a) + src.slice(b); break; // delete a token
      case 1: src = src.slice(0, a) + rng.pick(strays) + ' ' + src.slice(a); break; // insert one
      default: src = src.slice(0, a) + rng.pick(strays) + src.slice(b); // replace one
    }
    const n = check(src).length;
    if (n > 0) counts.push(n);
  }
  const mean = counts.reduce((x, y) => x + y, 0) / counts.length;
  const atMost2 = counts.filter((n) => n <= 2).length / counts.length;
  t.diagnostic(`${counts.length} edited programs: ${mean.toFixed(2)} diagnostics on average, ${(100 * atMost2).toFixed(0)}% with at most 2, at most ${Math.max(...counts)}`);
  assert.ok(counts.length >= 100);
  assert.ok(mean <= 1.6, `mean ${mean}`);
  assert.ok(atMost2 >= 0.85, `only ${atMost2} with at most 2`);
  assert.ok(Math.max(...counts) <= 10);
});

// ---------------------------------------------------------------- robustness

function luaFiles(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...luaFiles(p));
    else if (f.endsWith('.lua')) out.push(p);
  }
  return out;
}

const SOUP = ['end', 'function', 'local', 'if', 'then', 'else', 'elseif', 'do', 'while', 'for', 'in', 'repeat', 'until',
  'return', 'break', 'goto', '::', '(', ')', '{', '}', '[', ']', '=', '==', ',', ';', '.', '..', '...', ':', '+', '-', '#',
  'x', 'y', '1', '0x', '3x', '"s"', '"', "'", '[[', ']]', '[=', '--', '--[[', '\\', '\n', '@', '<const>', '\xff', '\xc3\xa9'];

/** The invariants of check()'s answer for `src`. */
function checkInvariants(src: string, dialect: Dialect, text: boolean): string | null {
  let r: ReturnType<typeof collectDiagnostics>;
  try {
    r = collectDiagnostics(src, { chunkName: '=t', dialect, text });
  } catch (e) {
    return `threw ${e instanceof Error ? e.stack : String(e)}`;
  }
  if (r.internalError !== null) return `internal error ${r.internalError instanceof Error ? r.internalError.stack : String(r.internalError)}`;
  if (!r.agreed) return 'recovery disagrees with parse()';
  const ds = r.diagnostics;
  let first: string | null = null;
  try { parse(text ? toLuaString(src) : src, { chunkName: '=t', dialect }); } catch (e) { first = e instanceof LuaSyntaxError ? e.message : 'parse threw'; }
  if ((first === null) !== (ds.length === 0)) return `parse: ${first}, check: ${ds.length} diagnostics`;
  if (ds.length > 100) return `${ds.length} diagnostics`;
  for (let i = 0; i < ds.length; i++) {
    const d = ds[i]!;
    if (!(d.line >= 1 && d.column >= 1 && d.byteColumn >= d.column && d.endByteColumn >= 1)) return `bad position ${JSON.stringify(d)}`;
    if (d.endOffset < d.offset || d.endLine < d.line || (d.endLine === d.line && d.endColumn < d.column)) return `bad range ${JSON.stringify(d)}`;
    if (d.endOffset > src.length) return `range past the end ${JSON.stringify(d)}`;
    if (i > 0 && d.offset < ds[i - 1]!.offset) return `out of order: ${JSON.stringify(ds[i - 1])} then ${JSON.stringify(d)}`;
  }
  return null;
}

test('a label dropped by recovery is not found by a later goto', () => {
  // Recovery rolled the label list back but not its by-name index, so the
  // goto found an entry that was gone and threw (check()'s fuzz found it).
  const r = collectDiagnostics('repeat::l2::elseif n goto l2', { chunkName: '=t', dialect: '5.4' });
  assert.equal(r.internalError, null);
  assert.deepEqual(r.diagnostics.map((d) => d.message), [
    "t:1: 'until' expected near 'elseif'",
    "t:1: 'then' expected near 'goto'",
    "t:1: 'until' expected near <eof>",
  ]);
});

test('check() never throws: random bytes, token soups, truncated and mutated suite files (seeded, a few seconds)', () => {
  const rng = new Rng(Number(process.env.CHECK_SEED ?? 0x5eed) >>> 0);
  const files = sharedDir === null ? [] : luaFiles(join(sharedDir, 'lua-tests', '5.4')).map((p) => readFileSync(p, 'latin1'));
  const dialects: Dialect[] = ['5.4', '5.3', '5.1'];
  const failures: string[] = [];
  const t0 = performance.now();
  let n = 0;
  let total = 0;
  while (performance.now() - t0 < 4000 && n < 4000) {
    let src: string;
    const kind = n % 5;
    if (kind === 0 || files.length === 0) {
      src = '';
      const len = rng.int(300);
      for (let i = 0; i < len; i++) src += String.fromCharCode(rng.int(256));
    } else if (kind === 1) {
      const parts: string[] = [];
      const len = rng.int(80);
      for (let i = 0; i < len; i++) parts.push(rng.pick(SOUP));
      src = parts.join(rng.chance(0.5) ? ' ' : '');
    } else {
      const f = rng.pick(files);
      const at = rng.int(f.length);
      src = f.slice(Math.max(0, at - 3000), at + rng.int(3000));
      if (kind === 2) src = src.slice(0, rng.int(src.length + 1));
      else {
        for (let m = 1 + rng.int(kind === 4 ? 20 : 3); m > 0; m--) {
          const p = rng.int(src.length + 1);
          src = src.slice(0, p) + (rng.chance(0.7) ? rng.pick(SOUP) : '') + src.slice(p + rng.int(4));
        }
      }
    }
    const text = n % 11 === 0;
    if (text) src = src.replace(/[\x80-\xff]/g, (c) => String.fromCodePoint(c.charCodeAt(0) * 97 + 0x400));
    const bad = checkInvariants(src, rng.pick(dialects), text);
    total += bad === null ? 0 : 1;
    if (bad !== null && failures.length < 5) failures.push(`${JSON.stringify(src.slice(0, 400))}\n  ${bad}`);
    n++;
  }
  assert.ok(n >= 200, `only ${n} inputs in the time allowed`);
  if (failures.length) assert.fail(`${total} of ${n} inputs:\n\n${failures.join('\n\n')}`);
});

test('check() never throws: huge and deeply nested input, deep JS recursion', () => {
  const inputs = [
    'x = ' + '{'.repeat(200000), 'function '.repeat(100000), 'x = ' + 'function() '.repeat(50000),
    'if x then '.repeat(50000), 'end '.repeat(50000), '\0'.repeat(300000), 'x = "' + 'a'.repeat(300000),
    ('do ' + 'f(function() x = = 1 ').repeat(80), 'local t = {' + '1, '.repeat(50000) + '= }',
  ];
  for (const src of inputs) {
    for (const dialect of ['5.4', '5.3', '5.1'] as Dialect[]) {
      const r = collectDiagnostics(src, { dialect });
      assert.equal(r.internalError, null, src.slice(0, 40));
      assert.ok(r.agreed && r.diagnostics.length >= 1 && r.diagnostics.length <= 100, src.slice(0, 40));
    }
  }
  // called with little JS stack left: still an answer (at least parse()'s error)
  const deep = (k: number): Diagnostic[] => (k === 0 ? check('x = = 1\n' + 'do '.repeat(150) + 'end '.repeat(150) + 'y = = 2') : deep(k - 1));
  let depth = 1000;
  for (;;) {
    let ds: Diagnostic[];
    try { ds = deep(depth); } catch { break; } // our own recursion ran out: done
    assert.ok(ds.length >= 1);
    depth *= 2;
  }
});

test('valid programs give no diagnostics: every file of the official suites', (t) => {
  if (sharedDir === null) { t.skip('../shared (the official Lua test suites) is missing; skipping'); return; }
  for (const dialect of ['5.4', '5.3', '5.1'] as Dialect[]) {
    const files = luaFiles(join(sharedDir, 'lua-tests', dialect));
    assert.ok(files.length > 10);
    for (const p of files) {
      const src = readFileSync(p, 'latin1');
      assert.deepEqual(check(src, { chunkName: `@${p}`, dialect, skipShebang: true }), [], p);
    }
  }
});

// ------------------------------------------------------------------- dialects

test('the dialect option is respected', () => {
  const m = (src: string, dialect: Dialect) => check(src, { chunkName: '=t', dialect }).map((d) => d.message);
  assert.deepEqual(m('goto = 1\nlocal goto = 2', '5.1'), []);
  assert.deepEqual(m('goto = 1\nx = = 2', '5.4'), ["t:1: <name> expected near '='", "t:2: unexpected symbol near '='"]);
  assert.deepEqual(m('local x <const> = 1\ny = 1 // 2\nz = = 3', '5.3'), ["t:1: unexpected symbol near '<'", "t:3: unexpected symbol near '='"]);
  assert.deepEqual(m('y = 1 // 2\nz = 1 & 2\nw = = 3', '5.1'),
    ["t:1: unexpected symbol near '/'", "t:2: unexpected symbol near '&'", "t:3: unexpected symbol near '='"]);
  assert.deepEqual(m('x = "\\q" .. "\\300"\nf\n(g)', '5.1'),
    ["t:1: escape sequence too large near '\"'", "t:3: ambiguous syntax (function call x new statement) near '('"]);
  assert.deepEqual(m('::a:: x = = 1', '5.1'), ["t:1: unexpected symbol near ':'"]);
});

// ------------------------------------------------------------------------ API

test('the public API: check, its types, and parse typed as returning the AST', () => {
  const ds: api.Diagnostic[] = api.check('x = = 1', { text: true } satisfies api.CheckOptions);
  assert.equal(ds.length, 1);
  const chunk: api.Chunk = api.parse('local x = 1', { dialect: '5.4' satisfies api.Dialect } satisfies api.ParseOptions);
  const same: api.ast.Chunk = chunk;
  assert.equal(same.dialect, '5.4');
  const first: api.ast.Stat | undefined = chunk.main.body.body[0];
  assert.equal(first?.kind, 'Local');
  assert.equal(api.check('local x = 1').length, 0);
});
