// Source as long as you like makes neither deeper generated JS nor bigger
// frames. lua5.4 compiles chains of suffixes (`t.a[1]:m()(x)...`), of
// left-associative operators and of `elseif` clauses of any length, and
// functions and table constructors of any size; the generated JS must not
// nest as deep as they are long (V8 parses and compiles nested code
// recursively: a stack overflow), nor hold a temporary per statement or item
// (V8 aborts the process on generators with a few hundred thousand
// registers). Each shape is compiled at two sizes, in every mode: the
// nesting depth of the JS and the number of temporaries its functions
// declare must not grow with the size.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compile, type CompileOptions } from '../src/compiler/codegen.js';
import { parse } from '../src/syntax/index.js';
import { LuaState, memoryHost, openLibs } from '../src/index.js';

const MODES: CompileOptions[] = [{}, { instrument: true }, { clearTemps: true }, { debugged: true, instrument: true }];

/** Deepest nesting of brackets in generated code, string literals and comments aside. */
function depth(code: string): number {
  let d = 0, max = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"') {
      for (i++; code[i] !== '"'; i++) if (code[i] === '\\') i++;
    } else if (c === '/' && code[i + 1] === '*') {
      i = code.indexOf('*/', i + 2) + 1;
    } else if (c === '(' || c === '[' || c === '{') {
      if (++d > max) max = d;
    } else if (c === ')' || c === ']' || c === '}') {
      d--;
    }
  }
  return max;
}

/** The most temporaries a function of the chunk declares. */
function temporaries(code: string): number {
  let max = 0;
  for (const m of code.matchAll(/^let ((?:\$\d+, )*\$\d+);$/gm)) max = Math.max(max, m[1].split(', ').length);
  return max;
}

function shape(source: (n: number) => string, small = 100, large = 1000): void {
  for (const options of MODES) {
    const a = compile(parse(source(small), { chunkName: '=a' }), options).code;
    const b = compile(parse(source(large), { chunkName: '=b' }), options).code;
    assert.equal(depth(b), depth(a), `nesting grows with the size (${JSON.stringify(options)})`);
    assert.equal(temporaries(b), temporaries(a), `temporaries grow with the size (${JSON.stringify(options)})`);
  }
}

const rep = (s: string, n: number): string => s.repeat(n);
const list = (n: number, f: (i: number) => string): string => Array.from({ length: n }, (_, i) => f(i + 1)).join('');

test('chains of suffixes', () => {
  shape((n) => `local t = ... return t${rep('.a', n)}`);
  shape((n) => `local t = ... return t${rep('[t.k + 1]', n)}`);
  shape((n) => `local t = ... return t${rep(':m(1, t.x)', n)}`);
  shape((n) => `local f = ... return f${rep('()', n)}`);
  shape((n) => `local f = ... f${rep('("s"){}', n)}`);
  shape((n) => `return g${rep('.a[1]:m(x)(y)', n)} + 1`);
  shape((n) => `local t = ... t${rep('.a', n)}, t${rep('[1]', n)} = 1, 2`);
  shape((n) => `local t = ... function t${rep('.a', n)}:m() return self end`);
});

test('chains of operators', () => {
  shape((n) => `local x = ... return x${rep(' + x', n)}`);
  shape((n) => `return g${rep(' * g', n)}`);
  shape((n) => `local x = ... return x${rep(' and x', n)} or x`);
  shape((n) => `local x = ... return x${rep(' == x', n)}`);
});

test('elseif chains', () => {
  shape((n) => `local x = ... ${list(n, (i) => `${i === 1 ? 'if' : 'elseif'} x == ${i} then return g.f(x + ${i}) `)} else return 0 end`);
  shape((n) => `local x = ... ${list(n, (i) => `${i === 1 ? 'if' : 'elseif'} x.y[${i}] then x = x + ${i} `)} end`);
});

test('long functions and table constructors', () => {
  shape((n) => `local x = 0 ${rep('x = x + 1 g.y = g.y .. x ', n)} return x`);
  shape((n) => `local x = ... ${list(n, (i) => `for i = 1, x do local t <close> = nil x = x + i end `)}`, 50, 500);
  shape((n) => `local x = ... return {${rep('x + 1, f(x), [x .. "k"] = x.y, k = x * 2, ', n)} f()}`);
  shape((n) => `local x = ... return {${list(n, (i) => `k${i} = x + ${i}, `)}}`);
});

test('chains nested in the keys and arguments of chains', () => {
  // About 200 levels are valid Lua, each with a chain of any length: below
  // some depth chains are flat, so that their lengths do not multiply.
  const nested: ((levels: number, length: number) => string)[] = [
    (l, n) => `local t = ... return ${rep('t[', l)}1${rep(`]${rep('.a', n)}`, l)}`,
    (l, n) => `local t = ... return ${rep('t:m(', l)}1${rep(`)${rep('[2]', n)}`, l)}`,
    (l, n) => `local t = ... return ${rep(`t.a${rep(' + t.b', n)} + t[`, l)}1${rep(']()', l)}`,
    (l, n) => `local t = ... return ${rep(`{t${rep('.a', n)}, `, l)}1${rep('}', l)}`,
  ];
  for (const source of nested) {
    for (const options of MODES) {
      const a = depth(compile(parse(source(60, 1), { chunkName: '=a' }), options).code);
      const b = depth(compile(parse(source(60, 62), { chunkName: '=b' }), options).code);
      assert.ok(b <= a + 200, `nesting ${b} for chains of 62 against ${a} for chains of 1 (${JSON.stringify(options)})`);
    }
  }
});

test('a long chunk of each shape runs', () => {
  const L = new LuaState({ host: memoryHost() });
  L.run(() => openLibs(L));
  const run = (src: string, ...args: unknown[]): unknown => L.load(src, '=deep')(...(args as []));
  const o = L.run(() => L.compile('local o = setmetatable({}, {__index = function (t) return t end, __call = function (t) return t end}) o.n = 1 return o', '=o')());
  const N = 20000;
  assert.equal(run(`local t = ... return t${rep('.a[1]:m()()', N / 4)} == t`, o), true);
  assert.equal(run(`local x = ... ${list(N, (i) => `${i === 1 ? 'if' : 'elseif'} x == ${i} then return ${i * 2} `)} end`, N), 2 * N);
  assert.equal(run(`local x = ... ${rep('x = x + 1 ', N)} return x`, 1), N + 1);
  assert.equal(run(`local x = ... return #{${rep('x + 1, ', N)}}`, 1), N);
});
