// Fuzzing the front end: random bytes, token soups, generated programs,
// mutated and truncated suite files, and very deep nesting, in all three
// dialects. parse() may return or throw LuaSyntaxError; anything else
// escaping (TypeError, RangeError from stack overflow, ...) or a hang is a
// bug. Each input is generated from its own seed, so any failure can be
// regenerated from (seed, dialect, category, index) alone.
//
// Knobs (environment): FUZZ_SEED (default 20240611), FUZZ_SCALE (multiplies
// the counts; default 1 = 102,000+ inputs), FUZZ_TIMEOUT_S (watchdog per
// dialect; default 100).
//
// The work runs in worker threads (one per dialect) so that a parser hang
// can be detected and reported with its input; the deep-nesting inputs run
// once more on the main thread, which has the ordinary (smaller) stack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, isMainThread, workerData, parentPort } from 'node:worker_threads';
import type { Dialect } from '../src/syntax/ast.js';
import { parse, LuaSyntaxError } from '../src/syntax/index.js';
import { sharedDir } from './support/reference.js';
import { Rng } from './support/rng.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20240611) >>> 0;
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const WATCHDOG_S = Number(process.env.FUZZ_TIMEOUT_S ?? 100);
const DIALECTS: Dialect[] = ['5.4', '5.3', '5.1'];

type Category = 'bytes' | 'tokens' | 'grammar' | 'mutate' | 'truncate' | 'deep';
const CATEGORIES: Category[] = ['bytes', 'tokens', 'grammar', 'mutate', 'truncate', 'deep'];
const BASE_COUNTS: Record<Category, number> = { bytes: 9000, tokens: 9000, grammar: 8000, mutate: 7000, truncate: 1000, deep: 0 };

// ------------------------------------------------------------ generators

const KEYWORDS = ['and', 'break', 'do', 'else', 'elseif', 'end', 'false', 'for', 'function', 'goto', 'if', 'in',
  'local', 'nil', 'not', 'or', 'repeat', 'return', 'then', 'true', 'until', 'while'];
const OPERATORS = ['+', '-', '*', '/', '%', '^', '#', '&', '~', '|', '<<', '>>', '//', '==', '~=', '<=', '>=', '<', '>',
  '=', '(', ')', '{', '}', '[', ']', '::', ';', ':', ',', '.', '..', '...'];
const NAMES = ['a', 'b', 'x', 'y', 'f', 't', '_', '_ENV', 'self', 'print', 'longer_name_123', 'arg', 'T'];
const NUMBERS = ['0', '1', '42', '3.14', '.5', '5.', '0x10', '0xA.8p1', '0x.1p-2', '1e10', '1E-3', '1e', '0x', '3..2',
  '9007199254740993', '1e309', '0xffffffffffffffffff', '9223372036854775807', '9223372036854775808', '0x7fffffffffffffff',
  '1.5e+', '08', '0x1P+4', '1_000', '0b101', '2LL', '3i'];
const STRINGS = ['"a"', "'b'", '""', '"\\n"', '"\\x41"', '"\\xZZ"', '"\\u{48}"', '"\\u{7FFFFFFF}"', '"\\u{80000000}"', '"\\u{}"',
  '"\\z   \n  x"', '"\\999"', '"\\255"', '"\\256"', '"\\q"', '"unterminated', '"line\nbreak"', '"\\\n"', '[[long]]', '[==[x]==]',
  '[=[ ]] ]=]', '[=', '[==x', '"\\', "'\\''", '"\\065\\066"', '"\\r\\n"', '[[\n\n]]', '"\x00"', '"\xff\xfe"'];
const COMMENTS = ['-- c\n', '--[[ c ]]', '--[==[ c ]==]', '--[==[ open', '--[[ x\n y ]]', '--', '--[ not long\n', '#!shebang\n'];
const ATTRIBS = ['<const>', '<close>', '<foo>', '< const >', '<'];
const SPACE = [' ', ' ', ' ', '\n', '\r', '\r\n', '\n\r', '\t', '\v', '\f'];
const ODD = ['$', '@', '`', '!', '?', '\\', '\x00', '\xff', '\x80', '\x1b', 'é', '\x7f'];
const FRAGMENTS = ['local function f(', 'function a.b:c(', 'for i = 1, 2 do', 'for k, v in pairs(t) do', 'goto l', '::l::',
  'return', '...', 'local x <const> = 1', 'local t <close> = nil', 'end', 'until false', 'elseif x then', 'break',
  'x = function(...) return ... end', 'f{}', 'f""', 'a.b.c[d]:e(f)', 'setmetatable({}, {__index = t})'];

function tokenSoup(r: Rng): string {
  const n = r.range(1, r.chance(0.1) ? 300 : 40);
  let s = '';
  for (let i = 0; i < n; i++) {
    const k = r.int(100);
    const tok = k < 22 ? r.pick(KEYWORDS) : k < 47 ? r.pick(OPERATORS) : k < 62 ? r.pick(NAMES) : k < 70 ? r.pick(NUMBERS)
      : k < 77 ? r.pick(STRINGS) : k < 80 ? r.pick(COMMENTS) : k < 83 ? r.pick(ATTRIBS) : k < 86 ? r.pick(ODD) : r.pick(FRAGMENTS);
    s += tok;
    s += r.chance(0.8) ? r.pick(SPACE) : '';
  }
  return s;
}

function randomBytes(r: Rng): string {
  const n = r.chance(0.05) ? r.range(0, 2000) : r.range(0, 64);
  const printable = r.chance(0.6);
  let s = '';
  for (let i = 0; i < n; i++) {
    s += String.fromCharCode(printable && r.chance(0.95) ? r.range(9, 126) : r.int(256));
  }
  return s;
}

/** A generator of mostly valid programs; exercises scoping, goto, attribs, etc. */
function program(r: Rng, dialect: Dialect): string {
  const locals: string[] = [];
  const labels: string[] = [];
  let budget = r.range(5, 120);
  const name = () => (locals.length && r.chance(0.6) ? r.pick(locals) : r.pick(NAMES));
  const exp = (d: number): string => {
    budget--;
    if (d > 6 || budget < 0) return r.pick([...NUMBERS.slice(0, 10), '"s"', 'nil', 'true', name()]);
    switch (r.int(13)) {
      case 0: return `${exp(d + 1)} ${r.pick(['+', '-', '*', '/', '%', '^', '..', '==', '~=', '<', '<=', 'and', 'or', '//', '&', '|', '~', '<<', '>>'])} ${exp(d + 1)}`;
      case 1: return `${r.pick(['-', 'not ', '#', '~'])}${exp(d + 1)}`;
      case 2: return `(${exp(d + 1)})`;
      case 3: return `{${Array.from({ length: r.int(4) }, () => r.pick(['', '[1]=', 'k=', '["k"]='])).map((k) => k + exp(d + 1)).join(r.pick([',', ';']))}}`;
      case 4: return `function(${r.pick(['', 'a', 'a, b', '...', 'a, ...'])}) ${block(d + 1)} end`;
      case 5: return `${name()}(${exp(d + 1)})`;
      case 6: return `${name()}.${r.pick(NAMES)}`;
      case 7: return `${name()}[${exp(d + 1)}]`;
      case 8: return `${name()}:${r.pick(NAMES)}(${exp(d + 1)})`;
      case 9: return '...';
      default: return r.chance(0.5) ? name() : r.pick(NUMBERS.slice(0, 11));
    }
  };
  const stat = (d: number): string => {
    budget--;
    if (d > 5 || budget < 0) return `${name()} = ${exp(d + 1)}`;
    switch (r.int(16)) {
      case 0: { const v = r.pick(['a', 'b', 'x', 'y', 'z']); const s = `local ${v}${dialect === '5.4' && r.chance(0.3) ? ' ' + r.pick(ATTRIBS.slice(0, 3)) : ''} = ${exp(d + 1)}`; locals.push(v); return s; }
      case 1: return `if ${exp(d + 1)} then ${block(d + 1)}${r.chance(0.3) ? ` elseif ${exp(d + 1)} then ${block(d + 1)}` : ''}${r.chance(0.3) ? ` else ${block(d + 1)}` : ''} end`;
      case 2: return `while ${exp(d + 1)} do ${block(d + 1)} end`;
      case 3: return `repeat ${block(d + 1)} until ${exp(d + 1)}`;
      case 4: return `for i = ${exp(d + 1)}, ${exp(d + 1)}${r.chance(0.3) ? ', ' + exp(d + 1) : ''} do ${block(d + 1)} end`;
      case 5: return `for k, v in ${exp(d + 1)} do ${block(d + 1)} end`;
      case 6: return `do ${block(d + 1)} end`;
      case 7: return `local function ${r.pick(NAMES)}(${r.pick(['', 'a', '...'])}) ${block(d + 1)} end`;
      case 8: return `function ${r.pick(['f', 'a.b', 'a.b:c', 't.x.y'])}(${r.pick(['', 'a, b', '...'])}) ${block(d + 1)} end`;
      case 9: { const l = r.pick(['l1', 'l2', 'continue']); labels.push(l); return `::${l}::`; }
      case 10: return `goto ${labels.length && r.chance(0.7) ? r.pick(labels) : r.pick(['l1', 'l2', 'continue'])}`;
      case 11: return 'break';
      case 12: return `${name()}, ${name()} = ${exp(d + 1)}, ${exp(d + 1)}`;
      case 13: return `${name()}(${exp(d + 1)})`;
      case 14: return `${name()}:${r.pick(NAMES)}${r.pick(['"s"', '{}', '()'])}`;
      default: return `${name()} = ${exp(d + 1)}`;
    }
  };
  const block = (d: number): string => {
    const depth = locals.length;
    const n = r.range(0, 4);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(stat(d) + (r.chance(0.2) ? ';' : ''));
    if (r.chance(0.15)) parts.push(`return${r.chance(0.7) ? ' ' + exp(d + 1) : ''}`);
    locals.length = depth;
    return parts.join(r.pick(['\n', ' ', '\n\n']));
  };
  let src = block(0);
  // Sometimes break it a little.
  if (r.chance(0.4)) src = mutate(r, src, r.range(1, 2));
  return src;
}

function mutate(r: Rng, s: string, times: number): string {
  for (let k = 0; k < times; k++) {
    const p = s.length ? r.int(s.length) : 0;
    const len = r.range(1, 16);
    switch (r.int(8)) {
      case 0: s = s.slice(0, p) + s.slice(p + len); break;                                   // delete
      case 1: s = s.slice(0, p) + tokenSoup(r).slice(0, 20) + s.slice(p); break;            // insert tokens
      case 2: s = s.slice(0, p) + String.fromCharCode(r.int(256)) + s.slice(p + 1); break;   // replace a byte
      case 3: s = s.slice(0, p) + s.slice(p, p + len).repeat(r.range(2, 5)) + s.slice(p); break; // duplicate
      case 4: s = s.slice(0, p); break;                                                       // truncate
      case 5: { const q = r.int(s.length + 1); s = s.slice(0, p) + s.slice(q, q + len) + s.slice(p); break; } // copy
      case 6: s = s.slice(0, p) + r.pick([...KEYWORDS, ...OPERATORS, ...STRINGS, ...COMMENTS]) + s.slice(p); break;
      default: s = s.slice(0, p) + r.pick(['(', ')', '{', '}', '[', ']', '"', "'", '[[', ']]', '\n', 'end', '--']) + s.slice(p);
    }
  }
  return s;
}

/** Deep and huge inputs (N = 100,000 unless noted). */
function deepInputs(): string[] {
  const N = 100_000;
  const rep = (s: string, n = N) => s.repeat(n);
  return [
    rep('('),
    'x = ' + rep('(') + '1' + rep(')'),
    'return ' + rep('(') + '1',
    'return ' + rep('{') + rep('}'),
    'x = ' + rep('{'),
    rep('function f() ') + rep('end '),
    'return ' + rep('function() return ') + '1' + rep(' end'),
    rep('if x then ') + rep('end '),
    rep('if x then ') + 'x = 1',
    rep('do ') + rep('end '),
    rep('while x do ') + rep('end '),
    rep('repeat ') + rep('until x '),
    rep('for i = 1, 2 do ') + rep('end '),
    rep('for k, v in x do '),
    rep('local function f() '),
    'x = ' + rep('-') + '1',
    'x = ' + rep('not ') + 'x',
    'x = ' + rep('~') + '1',
    'x = ' + rep('#') + 't',
    'x = 1' + rep(' .. 1'),
    'x = 2' + rep(' ^ 2'),
    'x = 1' + rep(' + 1'),
    'x = a' + rep(' or b and c == d'),
    'x = a' + rep('.b'),
    'x = a' + rep('[1]'),
    'f' + rep('()'),
    'x = a' + rep(':m()'),
    'f' + rep('{}'),
    'f' + rep('""'),
    'x = "' + rep('a', 1_000_000) + '"',
    'x = "' + rep('\\65', N) + '"',
    'x = [' + rep('=') + '[x]' + rep('=') + ']',
    'x = [' + rep('=') + '[x',
    '--[' + rep('=') + '[x',
    'local ' + rep('a, ') + 'a',
    'local ' + rep('a = 1 local '),
    'x = {' + rep('1, ') + '}',
    'x = {' + rep('k = 1, ') + '}',
    'f(' + rep('1, ') + '1)',
    rep('a, ') + 'a = 1',
    rep('goto a; '),
    rep('::a:: ', 3),
    rep(';'),
    rep('x = 1 '),
    rep('local x <const> = 1 ', 300),
    'return ' + rep('x', 1_000_000),
    rep('0', 1_000_000),
    '0x' + rep('f', 1_000_000),
    '1e' + rep('9', 100_000),
    rep('\n', 1_000_000) + 'x = = 1',
    rep('--\n'),
    // Mixed nesting of every construct.
    (() => { let s = ''; const r = Rng.mixed(SEED, 77); for (let i = 0; i < N / 4; i++) s += r.pick(['(', '{', 'function() ', 'if x then ', 'do ', 'while x do ', '{[', 'return f(']); return 'x = ' + s; })(),
  ];
}

/** The suite files, all dialects (cross-dialect parsing is interesting too). */
function suiteSources(): string[] {
  if (!sharedDir) return [];
  const out: string[] = [];
  for (const d of DIALECTS) {
    const dir = join(sharedDir, 'lua-tests', d);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.lua')) out.push(readFileSync(join(dir, f), 'latin1'));
  }
  return out;
}

let suiteCache: string[] | null = null;
let deepCache: string[] | null = null;

function counts(): Record<Category, number> {
  const c = { ...BASE_COUNTS };
  for (const k of CATEGORIES) c[k] = Math.round(c[k] * SCALE);
  if (!suiteCache?.length) { c.tokens += c.mutate + c.truncate; c.mutate = 0; c.truncate = 0; }
  c.deep = deepCache!.length;
  return c;
}

/** The input number `i` of a category for a dialect: a pure function of its arguments. */
function generate(cat: Category, dialect: Dialect, i: number): string {
  const r = Rng.mixed(SEED, CATEGORIES.indexOf(cat), DIALECTS.indexOf(dialect), i);
  switch (cat) {
    case 'bytes': return randomBytes(r);
    case 'tokens': return tokenSoup(r);
    case 'grammar': return program(r, dialect);
    case 'mutate': {
      const src = r.pick(suiteCache!);
      let start = r.int(src.length);
      const nl = src.lastIndexOf('\n', start);
      start = nl < 0 ? 0 : nl + 1;
      const window = src.slice(start, start + r.range(100, 3000));
      return mutate(r, window, r.range(0, 3));
    }
    case 'truncate': {
      const src = r.pick(suiteCache!);
      return src.slice(0, r.int(src.length + 1));
    }
    case 'deep': return deepCache![i]!;
  }
}

// -------------------------------------------------------------- checking

interface Failure { dialect: Dialect; category: Category; index: number; key: string; input: string; minimal: string; stack: string }

function chunkNameFor(i: number): string | undefined {
  return i % 3 === 0 ? undefined : i % 3 === 1 ? '=fuzz' : '@fuzz.lua';
}

/** null when fine; else a key identifying the kind of failure. */
function tryParse(input: string, dialect: Dialect, chunkName: string | undefined): { key: string; stack: string } | null {
  try {
    parse(input, chunkName === undefined ? { dialect } : { dialect, chunkName });
    return null;
  } catch (e) {
    if (e instanceof LuaSyntaxError) {
      if (typeof e.message !== 'string' || e.message.length === 0 || !Number.isFinite(e.line)) {
        return { key: 'LuaSyntaxError with an empty message or a bad line', stack: String(e.stack) };
      }
      return null;
    }
    const err = e as Error;
    const name = err?.constructor?.name ?? typeof e;
    return { key: `${name}: ${String(err?.message ?? e).split('\n')[0]!.slice(0, 100)}`, stack: String(err?.stack ?? e).split('\n').slice(0, 6).join('\n') };
  }
}

/** Delta-debugging-style shrinking while the failure keeps its key (bounded in time). */
function minimise(input: string, dialect: Dialect, chunkName: string | undefined, key: string): string {
  const deadline = Date.now() + 4000;
  let cur = input;
  let chunk = Math.max(1, cur.length >> 1);
  while (chunk >= 1 && Date.now() < deadline) {
    let progressed = false;
    for (let p = 0; p < cur.length && Date.now() < deadline;) {
      const cand = cur.slice(0, p) + cur.slice(p + chunk);
      const f = tryParse(cand, dialect, chunkName);
      if (f && f.key === key) { cur = cand; progressed = true; } else p += chunk;
    }
    if (!progressed) chunk >>= 1;
  }
  return cur;
}

interface WorkerResult { dialect: Dialect; total: number; perCategory: Record<string, number>; failures: Failure[]; slow: string[] }

function runDialect(dialect: Dialect, progress: Int32Array | null): WorkerResult {
  suiteCache ??= suiteSources();
  deepCache ??= deepInputs();
  const c = counts();
  const failures: Failure[] = [];
  const seenKeys = new Set<string>();
  const slow: string[] = [];
  let total = 0;
  const perCategory: Record<string, number> = {};
  for (const [ci, cat] of CATEGORIES.entries()) {
    for (let i = 0; i < c[cat]; i++) {
      if (progress) { Atomics.store(progress, 0, ci); Atomics.store(progress, 1, i); }
      const input = generate(cat, dialect, i);
      const cn = chunkNameFor(i);
      const t0 = Date.now();
      const f = tryParse(input, dialect, cn);
      const dt = Date.now() - t0;
      if (dt > 2000) slow.push(`${cat} #${i} (${input.length} bytes, starts ${JSON.stringify(input.slice(0, 30))}): ${dt} ms`);
      total++;
      if (f) {
        const fresh = !seenKeys.has(f.key);
        seenKeys.add(f.key);
        if (fresh && failures.length < 8) {
          if (progress) Atomics.store(progress, 0, -1); // minimising
          failures.push({ dialect, category: cat, index: i, key: f.key, input, minimal: minimise(input, dialect, cn, f.key), stack: f.stack });
        }
      }
    }
    perCategory[cat] = c[cat];
  }
  return { dialect, total, perCategory, failures, slow };
}

function show(s: string): string {
  return s.length > 300 ? `${JSON.stringify(s.slice(0, 300))}... (${s.length} bytes)` : JSON.stringify(s);
}

function describeFailures(fs: Failure[]): string {
  return fs.map((f) => `[${f.dialect} ${f.category} #${f.index}] ${f.key}\n  minimal input: ${show(f.minimal)}\n  original: ${show(f.input)}\n  ${f.stack.replace(/\n/g, '\n  ')}`).join('\n\n');
}

// ------------------------------------------------------------------ main

if (!isMainThread && workerData?.fuzzDialect) {
  const { fuzzDialect, progress } = workerData as { fuzzDialect: Dialect; progress: SharedArrayBuffer };
  parentPort!.postMessage(runDialect(fuzzDialect, new Int32Array(progress)));
} else if (isMainThread) {
  if (!sharedDir) console.log('# fuzz: ../shared is absent; suite-file mutations are replaced by token soups');

  const results = new Map<Dialect, WorkerResult>();

  test('fuzz: parse() throws nothing but LuaSyntaxError (all dialects, in workers)', { timeout: (WATCHDOG_S + 30) * 1000 }, async (t) => {
    const runs = DIALECTS.map((dialect) => new Promise<WorkerResult | { hang: string }>((resolve, reject) => {
      const progress = new SharedArrayBuffer(8);
      // ~1 MB of stack, close to the main thread's default, so that stack
      // overflows show up as they would outside a worker.
      const w = new Worker(new URL(import.meta.url), { workerData: { fuzzDialect: dialect, progress }, resourceLimits: { stackSizeMb: 1 } });
      const timer = setTimeout(() => {
        const p = new Int32Array(progress);
        void w.terminate();
        if (Atomics.load(p, 0) < 0) {
          resolve({ hang: `[${dialect}] the watchdog (${WATCHDOG_S} s) fired while minimising a failing input (the parser is very slow on it); rerun with a larger FUZZ_TIMEOUT_S to see it` });
          return;
        }
        const cat = CATEGORIES[Atomics.load(p, 0)]!, i = Atomics.load(p, 1);
        suiteCache ??= suiteSources();
        deepCache ??= deepInputs();
        const input = generate(cat, dialect, i);
        resolve({ hang: `[${dialect} ${cat} #${i}] parse() did not return within the ${WATCHDOG_S} s watchdog; input: ${show(input)}` });
      }, WATCHDOG_S * 1000);
      w.once('message', (m: WorkerResult) => { clearTimeout(timer); void w.terminate(); resolve(m); });
      w.once('error', (e) => { clearTimeout(timer); reject(e); });
    }));
    const settled = await Promise.all(runs);
    const problems: string[] = [];
    let total = 0;
    for (const r of settled) {
      if ('hang' in r) { problems.push(r.hang); continue; }
      results.set(r.dialect, r);
      total += r.total;
      t.diagnostic(`${r.dialect}: ${r.total} inputs (${Object.entries(r.perCategory).map(([k, v]) => `${k} ${v}`).join(', ')})`);
      for (const s of r.slow) t.diagnostic(`${r.dialect} slow input: ${s}`);
      if (r.failures.length) problems.push(describeFailures(r.failures));
    }
    t.diagnostic(`total: ${total} inputs, seed ${SEED}`);
    if (problems.length) assert.fail(`parse() let something other than LuaSyntaxError escape:\n\n${problems.join('\n\n')}`);
    if (SCALE >= 1) assert.ok(total >= 100_000, `only ${total} inputs`);
  });

  test('fuzz: deep nesting returns or raises LuaSyntaxError on the main thread', async (t) => {
    deepCache ??= deepInputs();
    for (const d of DIALECTS) {
      if (!results.has(d)) { t.skip(`the worker run for ${d} did not complete`); return; }
    }
    const failures: string[] = [];
    for (const d of DIALECTS) {
      for (const [i, input] of deepCache.entries()) {
        const f = tryParse(input, d, '=deep');
        if (f) failures.push(`[${d} deep #${i}] ${f.key}; input starts ${show(input.slice(0, 60))} (${input.length} bytes)`);
      }
    }
    assert.deepEqual(failures, []);
  });
}
