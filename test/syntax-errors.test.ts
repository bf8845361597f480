// Syntax errors, byte for byte against the reference compilers.
//
// Programs: the hand-written corpus in test/corpus/malformed/, generated
// programs at the nesting and size limits, and seeded mutations of the
// official test suites (windows of lines with tokens deleted, duplicated,
// swapped or replaced, stray symbols inserted, truncation at a token).
// Each program is checked with `luacX -p` live, in its own file (chunk name
// `@mN.lua`), and Regolith's parse() must agree: accept what luac accepts,
// and reject the rest with the very same message. check() must agree too:
// no diagnostics for what luac accepts, else a first diagnostic with luac's
// message, found by the recovering parser itself (not its fallback).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dialect } from '../src/syntax/ast.js';
import { collectDiagnostics, parse, LuaSyntaxError } from '../src/syntax/index.js';
import { missingReference, referenceBinary, repoRoot, sharedDir } from './support/reference.js';
import { Rng } from './support/rng.js';

const DIALECTS: Dialect[] = ['5.4', '5.3', '5.1'];
const SEED = Number(process.env.SYNTAX_SEED ?? 0x5eed1234) >>> 0;
const MUTATIONS_PER_DIALECT = Number(process.env.SYNTAX_MUTATIONS ?? 300);

interface Case { id: string; source: string }

// ------------------------------------------------------------------ corpus

const SEP = '--8<--';

function loadCorpus(): Case[] {
  const dir = join(repoRoot, 'test', 'corpus', 'malformed');
  const cases: Case[] = [];
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith('.lua')) continue;
    const text = readFileSync(join(dir, f), 'latin1');
    const lines = text.split('\n');
    let cur: string[] | null = null;
    let title = '';
    const flush = () => {
      if (cur !== null) cases.push({ id: `${f} #${title}`, source: cur.join('\n') });
    };
    for (const line of lines) {
      if (line.startsWith(SEP)) {
        flush();
        cur = [];
        title = line.slice(SEP.length).trim();
      } else if (cur !== null) {
        cur.push(line);
      }
    }
    // the file's final newline ends the last program's last line
    if (cur !== null && cur.length && cur[cur.length - 1] === '') cur.pop();
    flush();
  }
  return cases;
}

// ---------------------------------------------------------- generated cases

const names = (n: number, p = 'a') => Array.from({ length: n }, (_, i) => `${p}${i}`);
const GENERATORS: Record<string, (n: number) => string> = {
  paren: (n) => 'x = ' + '('.repeat(n) + '1' + ')'.repeat(n),
  do: (n) => 'do '.repeat(n) + 'end '.repeat(n),
  func: (n) => 'return ' + 'function() return '.repeat(n) + '1' + ' end'.repeat(n),
  localfunc: (n) => 'local function f() '.repeat(n) + ' end'.repeat(n),
  unm: (n) => 'x = ' + '- '.repeat(n) + '1',
  not: (n) => 'x = ' + 'not '.repeat(n) + 'x',
  pow: (n) => 'x = 1' + ' ^ 1'.repeat(n),
  concat: (n) => 'x = a' + ' .. a'.repeat(n),
  assign: (n) => Array(n).fill('a').join(',') + ' = 1',
  assignNested: (n) => 'local a; ' + 'do '.repeat(30) + Array(n).fill('a').join(',') + ' = 1' + ' end'.repeat(30),
  assignExtra: (n) => 'local a; a = ' + Array(n).fill('1').join(', '),
  args: (n) => 'f(' + Array(n).fill('1').join(', ') + ')',
  methodArgs: (n) => 'a.b:c(' + Array(n).fill('x').join(', ') + ')',
  returns: (n) => 'return ' + Array(n).fill('{}').join(', '),
  returnsCall: (n) => 'return ' + Array(n).fill('x').join(', ') + ', f()',
  localsExtra: (n) => 'local a, b = ' + Array(n).fill('"s"').join(', '),
  localsNil: (n) => `local ${names(150).join(', ')}; local ${names(n, 'b').join(', ')} = ...`,
  manyLocalsCall: (n) => `local ${names(180).join(', ')}; f(${Array(n).fill('1').join(', ')})`,
  manyLocalsFor: (n) => `local ${names(190).join(', ')}; for ${names(Math.min(n, 60), 'k').join(', ')} in f(${Array(n).fill('1').join(', ')}) do end`,
  forNum: (n) => `local ${names(Math.min(n, 199)).join(', ')}; for i = 1, 2, 3 do end`,
  localFunctions: (n) => `local ${names(Math.min(n, 199)).join(', ')}; local function f() end; f(1, 2, 3)`,
  labels: (n) => names(n, '::l').map((s) => s + '::').join(' '),
  table: (n) => 'x = ' + '{'.repeat(n) + '}'.repeat(n),
  ifbreak: (n) => 'while 1 do ' + 'if x then '.repeat(n) + 'break' + ' end'.repeat(n) + ' end',
  call: (n) => 'x = ' + 'f('.repeat(n) + ')'.repeat(n),
  index: (n) => 'x = a' + '[a'.repeat(n) + ']'.repeat(n),
  repeat: (n) => 'repeat '.repeat(n) + 'until 1 '.repeat(n),
  whiles: (n) => 'while 1 do '.repeat(n) + 'end '.repeat(n),
  locals: (n) => names(n).map((s) => `local ${s}`).join('\n'),
  localsOneStat: (n) => `local ${names(n).join(', ')} = 1`,
  localsInFunction: (n) => 'x = 1\nfunction f()\n' + names(n).map((s) => `local ${s}`).join(' ') + ' end',
  localsThenFor: (n) => names(n).map((s) => `local ${s}`).join('\n') + ' for i = 1, 2 do end',
  localsThenForIn: (n) => names(n).map((s) => `local ${s}`).join('\n') + ' for k, v in x do end',
  params: (n) => `function f(${names(n).join(', ')}) end`,
  varargParams: (n) => `function f(${names(n).join(', ')}, ...) end`,
  upvalues: (n) => names(n).map((s) => `local ${s}`).join('\n') + '\nfunction f()\n return ' + names(n).join(',') + ' end',
  upvaluesNested: (n) => 'local function g()\n' + names(n).map((s) => `local ${s} = {}`).join('\n') +
    '\nfunction f()\n return function() return ' + names(n).map((s) => `${s}[1]`).join(' + ') + ' end end end',
  blocksOfLocals: (n) => 'do ' + names(n).map((s) => `local ${s}`).join(' ') + ' end do ' + names(n).map((s) => `local ${s}`).join(' ') + ' end',
};
const SIZES = [1, 50, 59, 60, 61, 62, 97, 98, 99, 100, 101, 148, 149, 150, 196, 197, 198, 199, 200, 201, 202, 254, 255, 256, 300];

function generatedCases(): Case[] {
  const cases: Case[] = [];
  for (const [g, gen] of Object.entries(GENERATORS)) {
    for (const n of SIZES) cases.push({ id: `generated ${g}(${n})`, source: gen(n) });
  }
  return cases;
}

// --------------------------------------------------------------- mutations

/** A crude tokenizer that never fails: [start, end) of each token. */
function roughTokens(s: string): [number, number][] {
  const out: [number, number][] = [];
  const n = s.length;
  let i = 0;
  const longBracket = (at: number): number => {
    // returns the end of a long bracket starting at `at` ('['), or -1
    let j = at + 1;
    let lvl = 0;
    while (s[j] === '=') { j++; lvl++; }
    if (s[j] !== '[') return -1;
    const close = ']' + '='.repeat(lvl) + ']';
    const e = s.indexOf(close, j + 1);
    return e < 0 ? n : e + close.length;
  };
  while (i < n) {
    const c = s[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') { i++; continue; }
    if (c === '-' && s[i + 1] === '-') {
      if (s[i + 2] === '[') { const e = longBracket(i + 2); if (e >= 0) { i = e; continue; } }
      while (i < n && s[i] !== '\n') i++;
      continue;
    }
    const start = i;
    if (/[A-Za-z_]/.test(c)) { while (i < n && /[A-Za-z0-9_]/.test(s[i]!)) i++; }
    else if (/[0-9]/.test(c)) { while (i < n && /[0-9A-Za-z_.]/.test(s[i]!)) i++; }
    else if (c === '"' || c === "'") {
      i++;
      while (i < n && s[i] !== c && s[i] !== '\n') { if (s[i] === '\\') i++; i++; }
      i++;
    } else if (c === '[' && longBracket(i) >= 0) { i = longBracket(i); }
    else {
      const three = s.slice(i, i + 3), two = s.slice(i, i + 2);
      if (three === '...') i += 3;
      else if (['==', '~=', '<=', '>=', '//', '..', '::', '<<', '>>'].includes(two)) i += 2;
      else i++;
    }
    out.push([start, Math.min(i, n)]);
  }
  return out;
}

const STRAYS = ['=', '(', ')', '{', '}', '[', ']', ',', ';', ':', '::', '.', '..', '...', '+', '-', '*', '/', '//', '%', '^', '#',
  '&', '|', '~', '<<', '>>', '==', '~=', '<', '>', 'end', 'do', 'then', 'else', 'elseif', 'if', 'while', 'for', 'function',
  'local', 'return', 'break', 'goto', 'until', 'repeat', 'in', 'and', 'or', 'not', 'nil', 'true', 'x', '1', '0x', '"s"', '"',
  "'", '[[', ']]', '[=', '@', '$', '!', '?', '\\', '<const>', '<close>', '::l::', 'goto l', '\n', '1e', '3x', '\x01', '\xff'];

function mutate(src: string, rng: Rng): string {
  const toks = roughTokens(src);
  if (toks.length === 0) return rng.pick(STRAYS) + src;
  const k = rng.int(toks.length);
  const [a, b] = toks[k]!;
  switch (rng.int(6)) {
    case 0: return src.slice(0, a) + src.slice(b); // delete
    case 1: return src.slice(0, b) + ' ' + src.slice(a, b) + src.slice(b); // duplicate
    case 2: { // swap with the next token
      if (k + 1 >= toks.length) return src.slice(0, a);
      const [c, d] = toks[k + 1]!;
      return src.slice(0, a) + src.slice(c, d) + src.slice(b, c) + src.slice(a, b) + src.slice(d);
    }
    case 3: return src.slice(0, rng.int(2) ? b : a); // truncate at a token boundary
    case 4: return src.slice(0, a) + rng.pick(STRAYS) + ' ' + src.slice(a); // insert
    default: return src.slice(0, a) + rng.pick(STRAYS) + src.slice(b); // replace
  }
}

function suiteFiles(dialect: Dialect): { name: string; text: string }[] {
  if (sharedDir === null) return [];
  const dir = join(sharedDir, 'lua-tests', dialect);
  return readdirSync(dir).filter((f) => f.endsWith('.lua')).sort()
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'latin1') }));
}

function mutationCases(dialect: Dialect, count: number): Case[] {
  const files = suiteFiles(dialect);
  if (files.length === 0) return [];
  const rng = new Rng(SEED ^ Math.imul(dialect.charCodeAt(2), 0x9e3779b1));
  const cases: Case[] = [];
  for (let i = 0; i < count; i++) {
    const f = rng.pick(files);
    let src: string;
    let what: string;
    if (i % 10 === 0) {
      src = f.text;
      what = 'whole';
    } else {
      const lines = f.text.split('\n');
      const from = rng.int(lines.length);
      const len = 1 + rng.int(40);
      src = lines.slice(from, from + len).join('\n');
      what = `lines ${from + 1}+${len}`;
    }
    const nmut = i % 7 === 0 ? 0 : 1 + rng.int(2);
    for (let m = 0; m < nmut; m++) src = mutate(src, rng);
    if (src.charCodeAt(0) === 0x1b) src = ' ' + src; // not a binary chunk
    cases.push({ id: `mutation ${i} of ${dialect}/${f.name} (${what}, ${nmut} edits)`, source: src });
  }
  return cases;
}

// --------------------------------------------------------------- reference

/** Runs `luac -p` on every case (in parallel); null = accepted, else the message. */
async function referenceVerdicts(bin: string, dir: string, cases: Case[]): Promise<(string | null)[]> {
  const results: (string | null)[] = new Array(cases.length).fill(null);
  cases.forEach((c, i) => writeFileSync(join(dir, `m${i}.lua`), c.source, 'latin1'));
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const i = next++;
      results[i] = await new Promise<string | null>((resolve) => {
        execFile(bin, ['-p', `m${i}.lua`], { cwd: dir, encoding: 'latin1', maxBuffer: 1 << 24 }, (err, _out, errText) => {
          if (!err) { resolve(null); return; }
          let msg = String(errText);
          if (msg.endsWith('\n')) msg = msg.slice(0, -1);
          const prefix = `${bin}: `;
          resolve(msg.startsWith(prefix) ? msg.slice(prefix.length) : `UNEXPECTED luac output: ${msg}`);
        });
      });
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  return results;
}

function ours(c: Case, i: number, dialect: Dialect): string | null {
  try {
    parse(c.source, { chunkName: `@m${i}.lua`, dialect, skipShebang: true });
    return null;
  } catch (e) {
    if (e instanceof LuaSyntaxError) return e.message;
    return `INTERNAL ERROR: ${e instanceof Error ? e.stack : String(e)}`;
  }
}

/** check()'s verdict: null when it finds nothing, else its first message (flagged when recovery disagreed or failed). */
function oursCheck(c: Case, i: number, dialect: Dialect): string | null {
  const r = collectDiagnostics(c.source, { chunkName: `@m${i}.lua`, dialect, skipShebang: true });
  if (r.internalError !== null) return `INTERNAL ERROR in recovery: ${r.internalError instanceof Error ? r.internalError.stack : String(r.internalError)}`;
  if (!r.agreed) return `RECOVERY DISAGREES: ${r.diagnostics[0]?.message}`;
  return r.diagnostics.length === 0 ? null : r.diagnostics[0]!.message;
}

const show = (s: string | null) => (s === null ? '(accepted)' : JSON.stringify(s));

const corpus = loadCorpus();
const generated = generatedCases();

test('the hand-written corpus is large enough', () => {
  assert.ok(corpus.length >= 150, `only ${corpus.length} hand-written programs`);
});

for (const dialect of DIALECTS) {
  test(`syntax errors match luac${dialect} -p byte for byte`, { timeout: 120_000 }, async (t) => {
    const bin = referenceBinary('luac', dialect);
    if (bin === null) { t.skip(missingReference('luac', dialect)); return; }
    const mutations = mutationCases(dialect, MUTATIONS_PER_DIALECT);
    if (mutations.length === 0) t.diagnostic(`../shared is missing: no suite mutations for ${dialect}`);
    const cases = [...corpus, ...generated, ...mutations];
    const dir = mkdtempSync(join(tmpdir(), `regolith-syntax-${dialect}-`));
    try {
      const refs = await referenceVerdicts(bin, dir, cases);
      const failures: string[] = [];
      let rejected = 0;
      cases.forEach((c, i) => {
        const want = refs[i]!;
        const got = ours(c, i, dialect);
        const checked = oursCheck(c, i, dialect);
        if (want !== null) rejected++;
        if (got !== want) {
          failures.push(`${c.id}\n  source:   ${JSON.stringify(c.source.length > 300 ? c.source.slice(0, 300) + '...' : c.source)}\n  luac:     ${show(want)}\n  regolith: ${show(got)}`);
        }
        if (checked !== want) {
          failures.push(`${c.id}\n  source:   ${JSON.stringify(c.source.length > 300 ? c.source.slice(0, 300) + '...' : c.source)}\n  luac:     ${show(want)}\n  check():  ${show(checked)}`);
        }
      });
      t.diagnostic(`${cases.length} programs (${corpus.length} hand-written, ${generated.length} generated, ${mutations.length} mutations); luac${dialect} rejects ${rejected}`);
      assert.ok(cases.length >= 300);
      if (failures.length) {
        assert.fail(`${failures.length} of ${cases.length} programs differ from luac${dialect}:\n\n${failures.slice(0, 40).join('\n\n')}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
