// The differential-testing helper itself: normalisation, comparison, diffs,
// and real runs with the reference interpreter on both sides (so this does
// not need bin/regolith).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { Dialect } from '../src/syntax/ast.js';
import { referenceBinary, repoRoot } from './support/reference.js';
import {
  assertSameAsReference, compareOutputs, formatDifferential, lineDiff, normaliseText, referenceSkip,
  runDifferential, type RunOutput,
} from './support/differential.js';

function fake(stdout: string, stderr = '', status: number | null = 0): RunOutput {
  return { command: ['fake'], stdout, stderr, status, signal: null, timedOut: false, ms: 1 };
}

const hasBash = spawnSync('bash', ['-c', 'true']).status === 0;

/** The reference binary started with argv[0] = `regolith`, so its messages say `regolith:`. */
function disguised(dialect: Dialect, ...extra: string[]): string[] {
  return ['bash', '-c', 'exec -a regolith "$0" "$@"', referenceBinary('lua', dialect)!, ...extra];
}

describe('normalisation', () => {
  const ctx = { scriptPaths: ['t.lua', '/tmp/x/t.lua'] };

  test('program names at line starts become <lua>', () => {
    assert.equal(normaliseText('lua5.4: boom\n', ctx), '<lua>: boom\n');
    assert.equal(normaliseText('/usr/bin/lua5.1: boom\n', ctx), '<lua>: boom\n');
    assert.equal(normaliseText('regolith: boom\nx\nlua: y\n', ctx), '<lua>: boom\nx\n<lua>: y\n');
    // Not at the start of a line, or not followed by ': ': untouched.
    assert.equal(normaliseText('say lua5.4: hi\nlua5.4x: no\n', ctx), 'say lua5.4: hi\nlua5.4x: no\n');
  });

  test('script paths become <script>, absolute form first', () => {
    assert.equal(normaliseText('lua5.4: /tmp/x/t.lua:3: oops\n', ctx), '<lua>: <script>:3: oops\n');
    assert.equal(normaliseText('t.lua:1: a\n', ctx), '<script>:1: a\n');
  });

  test('tracebacks are dropped unless kept', () => {
    const err = 'lua5.4: t.lua:1: boom\nstack traceback:\n\t[C]: in function \'error\'\n\tt.lua:1: in main chunk\n\t[C]: in ?\n';
    assert.equal(normaliseText(err, ctx), '<lua>: <script>:1: boom\n');
    assert.match(normaliseText(err, { ...ctx, keepTraceback: true }), /stack traceback:\n\t\[C\]: in function 'error'\n\t<script>:1: in main chunk/);
  });
});

describe('comparison with injected results', () => {
  const ctx = { scriptPaths: ['/tmp/p.lua'] };

  test('outputs equal after normalisation are the same', () => {
    const c = compareOutputs(fake('1\n', 'lua5.4: /tmp/p.lua:1: x\n', 1), fake('1\n', 'regolith: /tmp/p.lua:1: x\n', 1), ctx);
    assert.equal(c.same, true);
    assert.deepEqual(c.mismatches, []);
    assertSameAsReference(c);
  });

  test('each kind of difference is reported, with a readable diff', () => {
    const c = compareOutputs(fake('a\nb\nc\n', '', 0), fake('a\nB\nc\nd\n', 'regolith: oops\n', 2), ctx);
    assert.equal(c.same, false);
    assert.deepEqual(c.mismatches, ['stdout', 'stderr', 'status']);
    const text = formatDifferential({ ...c, program: 'print(1)', dialect: '5.4' });
    assert.match(text, /Regolith differs from the reference \(Lua 5\.4\) for "print\(1\)": stdout, stderr, status/);
    assert.match(text, /stdout:\n {2}a\n- b\n\+ B\n {2}c\n\+ d\n\nstderr/);
    assert.match(text, /stderr:\n\+ <lua>: oops\n\nexit/);
    assert.match(text, /exit status:\n- exit status 0\n\+ exit status 2/);
    assert.throws(() => assertSameAsReference(c), (e: unknown) => e instanceof assert.AssertionError && /\+ B/.test(e.message));
  });

  test('signals count as a status difference', () => {
    const killed = { ...fake(''), status: null, signal: 'SIGKILL' };
    const c = compareOutputs(fake(''), killed, ctx);
    assert.deepEqual(c.mismatches, ['status']);
    assert.match(formatDifferential(c), /\+ signal SIGKILL/);
  });

  test('lineDiff shows context and elides long equal runs, and escapes invisible bytes', () => {
    const a = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n');
    const b = a.replace('l10', 'L10');
    const d = lineDiff(a, b);
    assert.match(d, /\.\.\. \(7 same lines\)\n {2}l7\n {2}l8\n {2}l9\n- l10\n\+ L10\n {2}l11/);
    assert.match(lineDiff('x\x01\n', 'x\n'), /- "x\\u0001"\n\+ x/);
    assert.equal(lineDiff('a\n', 'a'), '  a\n+ \\ (no newline at end)');
  });
});

describe('real runs (reference on both sides)', () => {
  for (const dialect of ['5.4', '5.3', '5.1'] as const) {
    test(`identical programs agree (Lua ${dialect})`, { skip: referenceSkip(dialect) || (!hasBash && 'bash is missing') }, async () => {
      const program = 'print(arg[1], arg[2], io.read("*l"), os.getenv("RG_X"))\nio.stderr:write("to stderr\\n")\nerror("boom")\n';
      const r = await runDifferential(program, {
        dialect, args: ['a1', 'a2'], stdin: 'line\n', env: { RG_X: 'envval' }, regolithCommand: disguised(dialect),
      });
      assertSameAsReference(r);
      assert.equal(r.reference.stdout, 'a1\ta2\tline\tenvval\n');
      assert.equal(r.reference.stderr, 'to stderr\n<lua>: <script>:3: boom\n');
      assert.equal(r.reference.status, 1);
      // The raw outputs really did differ in program name.
      assert.match(r.raw.regolith.stderr, /^regolith: /m);
      assert.match(r.raw.reference.stderr, /^\S*lua5\.\d: /m);
    });
  }

  test('exit status is compared', { skip: referenceSkip('5.4') || (!hasBash && 'bash is missing') }, async () => {
    const r = await runDifferential('os.exit(3)', { regolithCommand: disguised('5.4') });
    assert.equal(r.same, true);
    assert.equal(r.reference.status, 3);
  });

  test('differences are found and shown', { skip: referenceSkip('5.4') || (!hasBash && 'bash is missing') }, async () => {
    // The "Regolith" side runs an extra chunk first, and different code.
    const r = await runDifferential('print("hello")', { regolithCommand: disguised('5.4', '-e', 'print("extra")') });
    assert.equal(r.same, false);
    assert.deepEqual(r.mismatches, ['stdout']);
    assert.match(formatDifferential(r), /stdout:\n\+ extra\n {2}hello/);
  });

  test('a program file and a working directory', { skip: referenceSkip('5.4') || (!hasBash && 'bash is missing') }, async () => {
    const r = await runDifferential({ file: 'examples/hello.lua' }, { cwd: repoRoot, regolithCommand: disguised('5.4') });
    assertSameAsReference(r);
    assert.match(r.reference.stdout, /hello/i);
  });

  test('timeouts are reported', { skip: referenceSkip('5.4') || (!hasBash && 'bash is missing') }, async () => {
    const r = await runDifferential('while true do end', { regolithCommand: disguised('5.4'), timeoutMs: 300, referenceCommand: ['true'] });
    assert.equal(r.raw.regolith.timedOut, true);
    assert.deepEqual(r.mismatches, ['status']);
    assert.match(formatDifferential(r), /Regolith timed out/);
  });
});
