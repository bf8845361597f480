// Lua data never changes the generated code. Strings shaped like the code
// generator's internal tokens (frame weight, statement prologue, self-tail-call
// loop, line markers, resumable helper calls) or like JS syntax (comment ends,
// line terminators, template literals, quotes) are compiled in every mode and
// compared with the same program holding a plain string of the same shape:
// outside its string literals the code, and the line maps, must be identical.
// Then the program runs, directly and in a coroutine, and must see the
// strings unchanged.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compile, type CompileOptions } from '../src/compiler/codegen.js';
import { parse } from '../src/syntax/index.js';
import { LuaState, memoryHost, openLibs } from '../src/index.js';
import { Rng } from './support/rng.js';

const FRAGMENTS = [
  '@W@', '@CLR@', '@TOP@', '@TOPEND@', 'yield* $index(', 'yield* $indexG(', 'yield* $arithG(', 'yield* $concatG(',
  '/*@12*/', '/*@3#4*/', '\n/*@5*/', '/*@', '*/', '/*', '//', '\n', '\r', '\r\n', '\xE2\x80\xA8', '\xE2\x80\xA9',
  '</script>', '`', '${', '${1+1}', '\\', '"', "'", '\0', '$D', '$R', '$0', '$D.cl = 9', '__proto__', 'constructor',
  '\x7f', '\xff', ']]', ']=]', 'end', 'return', ' ', 'x',
];

function strings(): string[] {
  const rng = new Rng(20250101);
  const out = [...FRAGMENTS];
  for (let i = 0; i < 150; i++) {
    let s = '';
    for (let n = rng.range(1, 5); n > 0; n--) s += rng.pick(FRAGMENTS);
    out.push(s);
  }
  return out;
}

/** A quoted Lua literal for any byte string (one line). */
function quoted(s: string): string {
  let q = '"';
  for (let i = 0; i < s.length; i++) q += `\\${s.charCodeAt(i).toString().padStart(3, '0')}`;
  return `${q}"`;
}

/** A long-bracket Lua literal (a long string turns \r and \r\n into \n: the caller leaves \r out). */
function long(s: string): string {
  let eq = '';
  while ((s + ']' + eq + ']').indexOf(`]${eq}]`) !== s.length) eq += '=';
  // The first line break right after the opening bracket is skipped.
  return `[${eq}[${s.startsWith('\n') ? '\n' : ''}${s}]${eq}]`;
}

/** Every use of the string: function results, operators, keys, a self tail call, a coroutine, a long string. */
function program(s: string, longText = s.replace(/\r/g, '')): string {
  const Q = quoted(s);
  const L = long(longText);
  return `local S = ${Q}
local L = ${L}
local function ret() return ${Q} end
local function cat(x) return ${Q} .. x .. ${Q} end
local t = {[${Q}] = 1, ${Q}, k = ${Q}}
t[${Q}] = ${Q}
local function loop(n, acc)
  if n == 0 then return acc end
  return loop(n - 1, acc .. ${Q})
end
local r = {ret(), cat("|"), t[S], t[1], t.k, loop(2, ""), L, ${Q} == S,
  select("#", ${Q},
    ${Q})}
local co = coroutine.wrap(function()
  local u = setmetatable({}, {__index = function(_, k) return k .. ${Q} end})
  return ret(), cat(${Q}), t[S], #${Q}, L, loop(1, ${Q}), u[${Q}]
end)
return r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], co()
`;
}

/** The same program with a plain string of the same shape (same line breaks in the long string). */
function neutral(s: string): string {
  return program('a'.repeat(s.length), s.replace(/\r/g, '').replace(/[^\n]/g, 'a'));
}

/** Generated code with the contents of its double-quoted string literals left out. */
function withoutLiterals(code: string): string {
  return code.replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
}

const MODES: [string, CompileOptions][] = [
  ['plain', {}],
  ['clearTemps', { clearTemps: true }],
  ['instrument', { instrument: true }],
  ['instrument+clearTemps', { instrument: true, clearTemps: true }],
  ['debugged', { debugged: true }],
  ['strip', { strip: true }],
];

test('Lua strings never change the code around them, in any compilation mode', () => {
  for (const s of strings()) {
    const a = parse(program(s), { chunkName: '=data' });
    const b = parse(neutral(s), { chunkName: '=data' });
    for (const [mode, options] of MODES) {
      const ca = compile(a, options);
      const cb = compile(b, options);
      const what = `${mode}, string ${JSON.stringify(s)}`;
      // It is valid JS.
      assert.doesNotThrow(() => new Function('$R', ca.code), what);
      // No line terminator but '\n', which buildLineMap counts as V8 does.
      assert.ok(!/[\r\u2028\u2029]/.test(ca.code), what);
      assert.equal(withoutLiterals(ca.code), withoutLiterals(cb.code), what);
      assert.deepEqual(ca.lineMap, cb.lineMap, what);
      assert.deepEqual(ca.callSiteOf, cb.callSiteOf, what);
      assert.deepEqual(ca.callSites, cb.callSites, what);
    }
  }
});

test('Lua strings arrive unchanged, in direct and resumable code', () => {
  const L = new LuaState({ host: memoryHost() });
  openLibs(L);
  for (const s of strings()) {
    const r = L.load(program(s), '=data')() as unknown[];
    const l = s.replace(/\r/g, '');
    const expected = [s, `${s}|${s}`, s, s, s, s + s, l, true, 2, s, s + s + s, s, s.length, l, s + s, s + s];
    assert.deepEqual(r, expected, JSON.stringify(s));
  }
});
