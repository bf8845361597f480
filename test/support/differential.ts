// Differential testing: run one Lua program under Regolith (`bin/regolith
// --lua=X`) and under the reference interpreter (`luaX`), then compare
// stdout, stderr and exit status after normalisation.
//
//   import { differentialTest } from './support/differential.js';
//   differentialTest('prints', 'print(1, "x")');                  // 5.4
//   differentialTest('5.1 unpack', 'print(unpack{1,2})', { dialect: '5.1' });
//
// or, for full control:
//
//   const r = await runDifferential({ file: 'examples/hello.lua' }, { args: ['a'], stdin: 'x\n' });
//   assertSameAsReference(r);
//
// Optional libraries (`libs: ['bit']`) are opened on both sides before the
// script: `bin/regolith --lib=bit`, `luaX -l bit`.
//
// Normalisation (applied to both sides):
//   - the program name at the start of a line (`lua5.4:`, `/usr/bin/lua5.4:`,
//     `regolith:`) becomes `<lua>:`;
//   - the script path (as passed on the command line, and its absolute form)
//     becomes `<script>`;
//   - `stack traceback:` blocks are dropped unless `keepTraceback` is set.
// Tests skip (with a visible message) only when the reference binary is
// missing; a missing bin/regolith is a failure.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import type { Dialect } from '../../src/syntax/ast.js';
import { runProcess, type ProcResult } from '../../scripts/lib/proc.js';
import { missingReference, referenceBinary, repoRoot } from './reference.js';

export type Program = string | { file: string };

export interface DifferentialOptions {
  /** Default 5.4. */
  dialect?: Dialect;
  /** Script arguments (`arg[1]`...). */
  args?: string[];
  /** Bytes for the program's standard input (a byte string); empty when absent. */
  stdin?: string;
  /** Extra environment variables (on top of the current environment, minus LUA_INIT*). */
  env?: Record<string, string>;
  /** Working directory; default: the temporary directory holding an inline program, else the current one. */
  cwd?: string;
  /** Per-process timeout in ms (default 30 000). */
  timeoutMs?: number;
  /** Compare `stack traceback:` blocks too (default: they are dropped). */
  keepTraceback?: boolean;
  /**
   * Optional libraries both sides open before the script, such as 'bit'
   * (LuaBitOp): Regolith gets `--lib=NAME`, the reference `-l NAME`, which
   * needs the C module installed (Debian's lua-bitop for bit).
   */
  libs?: string[];
  /** Command (argv prefix) for the Regolith side; default `node bin/regolith --lua=X`. */
  regolithCommand?: string[];
  /** Command (argv prefix) for the reference side; default the installed `luaX`. */
  referenceCommand?: string[];
}

export interface RunOutput {
  command: string[];
  stdout: string;
  stderr: string;
  status: number | null;
  signal: string | null;
  timedOut: boolean;
  ms: number;
}

export interface Normalised {
  stdout: string;
  stderr: string;
  status: number | null;
  signal: string | null;
}

export type Stream = 'stdout' | 'stderr' | 'status';

export interface Comparison {
  reference: Normalised;
  regolith: Normalised;
  /** Which parts differ, in the order stdout, stderr, status. */
  mismatches: Stream[];
  same: boolean;
}

export interface DifferentialResult extends Comparison {
  dialect: Dialect;
  /** A short description of the program (its file, or its first line). */
  program: string;
  raw: { reference: RunOutput; regolith: RunOutput };
}

export interface NormaliseContext {
  /** Paths of the script as they may appear in messages. */
  scriptPaths: string[];
  keepTraceback?: boolean;
}

/** Placeholders used by the normalisation. */
export const PROGRAM_PLACEHOLDER = '<lua>';
export const SCRIPT_PLACEHOLDER = '<script>';

const PROGNAME_RE = /^(?:[^\s:]*\/)?(?:lua(?:5\.[1-4])?|regolith)(?:\.js)?(?=: )/gm;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function dropTracebacks(s: string): string {
  const out: string[] = [];
  let skipping = false;
  for (const line of s.split('\n')) {
    if (line === 'stack traceback:') { skipping = true; continue; }
    if (skipping && line.startsWith('\t')) continue;
    skipping = false;
    out.push(line);
  }
  return out.join('\n');
}

/** Normalises one stream (see the header comment). */
export function normaliseText(s: string, ctx: NormaliseContext): string {
  let t = s;
  // Longest first, so an absolute path is not half-replaced by a relative one.
  const paths = [...new Set(ctx.scriptPaths.filter((p) => p.length > 0))].sort((a, b) => b.length - a.length);
  for (const p of paths) t = t.replace(new RegExp(escapeRegExp(p), 'g'), SCRIPT_PLACEHOLDER);
  t = t.replace(PROGNAME_RE, PROGRAM_PLACEHOLDER);
  if (!ctx.keepTraceback) t = dropTracebacks(t);
  return t;
}

export function normalise(r: RunOutput, ctx: NormaliseContext): Normalised {
  return { stdout: normaliseText(r.stdout, ctx), stderr: normaliseText(r.stderr, ctx), status: r.status, signal: r.signal };
}

/** Compares two runs (pure; usable with fake results). */
export function compareOutputs(reference: RunOutput, regolith: RunOutput, ctx: NormaliseContext): Comparison {
  const a = normalise(reference, ctx), b = normalise(regolith, ctx);
  const mismatches: Stream[] = [];
  if (a.stdout !== b.stdout) mismatches.push('stdout');
  if (a.stderr !== b.stderr) mismatches.push('stderr');
  if (a.status !== b.status || a.signal !== b.signal) mismatches.push('status');
  return { reference: a, regolith: b, mismatches, same: mismatches.length === 0 };
}

function toRunOutput(command: string[], r: ProcResult): RunOutput {
  return {
    command, stdout: r.stdout, status: r.status, signal: r.signal, timedOut: r.timedOut, ms: r.ms,
    stderr: r.spawnError ? `${r.stderr}[could not start ${command[0]}: ${r.spawnError}]\n` : r.stderr,
  };
}

function baseEnv(extra: Record<string, string> | undefined): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('LUA_INIT')) delete env[k];
  return { ...env, ...extra };
}

/** The default Regolith command for a dialect. */
export function regolithCommand(dialect: Dialect): string[] {
  // Run the executable itself, as users do: its shebang sets node's flags.
  return [join(repoRoot, 'bin', 'regolith'), `--lua=${dialect}`];
}

/** Runs `program` under both implementations and compares the results. */
export async function runDifferential(program: Program, options: DifferentialOptions = {}): Promise<DifferentialResult> {
  const dialect = options.dialect ?? '5.4';
  let refCmd = options.referenceCommand;
  if (!refCmd) {
    const lua = referenceBinary('lua', dialect);
    if (!lua) throw new Error(missingReference('lua', dialect));
    refCmd = [lua, ...(options.libs ?? []).flatMap((l) => ['-l', l])];
  }
  const regCmd = options.regolithCommand ?? [...regolithCommand(dialect), ...(options.libs ?? []).map((l) => `--lib=${l}`)];
  if (!options.regolithCommand && !existsSync(regCmd[0]!)) {
    throw new Error(`${regCmd[0]} does not exist (the execution engine is not there yet)`);
  }
  let tmp: string | null = null;
  let script: string;
  let description: string;
  if (typeof program === 'string') {
    tmp = mkdtempSync(join(tmpdir(), 'rgd-'));
    script = join(tmp, 'prog.lua');
    writeFileSync(script, program, 'latin1');
    description = program.split('\n')[0]!.slice(0, 60);
  } else {
    script = program.file;
    description = program.file;
  }
  try {
    const cwd = options.cwd ?? tmp ?? process.cwd();
    const scriptPaths = [script, resolve(cwd, script)];
    const po = { cwd, env: baseEnv(options.env), timeoutMs: options.timeoutMs ?? 30_000, ...(options.stdin !== undefined ? { stdin: options.stdin } : {}) };
    const args = [script, ...(options.args ?? [])];
    const [ref, reg] = await Promise.all([
      runProcess(refCmd[0]!, [...refCmd.slice(1), ...args], po),
      runProcess(regCmd[0]!, [...regCmd.slice(1), ...args], po),
    ]);
    const raw = { reference: toRunOutput([...refCmd, ...args], ref), regolith: toRunOutput([...regCmd, ...args], reg) };
    const cmp = compareOutputs(raw.reference, raw.regolith, { scriptPaths, keepTraceback: options.keepTraceback ?? false });
    return { dialect, program: description, raw, ...cmp };
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ diffs

function show(line: string): string {
  // Make invisible bytes visible; keep ordinary text readable.
  return /[\x00-\x08\x0b-\x1f\x7f-\xff]|\s$/.test(line) ? JSON.stringify(line) : line;
}

/** Lines of a text; a missing final newline is shown as a marker line. */
function splitLines(s: string): string[] {
  if (s === '') return [];
  const lines = s.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else lines.push('\\ (no newline at end)');
  return lines;
}

/** A line diff (`  ` same, `- ` reference only, `+ ` Regolith only). */
export function lineDiff(reference: string, regolith: string, context = 3): string {
  const a = splitLines(reference), b = splitLines(regolith);
  const n = a.length, m = b.length;
  const ops: string[] = [];
  if (n * m > 4_000_000) {
    // Too big for LCS: show around the first differing line.
    let i = 0;
    while (i < n && i < m && a[i] === b[i]) i++;
    ops.push(`  ... (first difference at line ${i + 1})`);
    for (let k = i; k < Math.min(n, i + 5); k++) ops.push(`- ${show(a[k]!)}`);
    for (let k = i; k < Math.min(m, i + 5); k++) ops.push(`+ ${show(b[k]!)}`);
    return ops.join('\n');
  }
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const all: { tag: ' ' | '-' | '+'; text: string }[] = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { all.push({ tag: ' ', text: a[i]! }); i++; j++; }
    else if (i < n && (j >= m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) { all.push({ tag: '-', text: a[i]! }); i++; }
    else { all.push({ tag: '+', text: b[j]! }); j++; }
  }
  // Keep `context` unchanged lines around changes.
  const keep = all.map((op, k) => op.tag !== ' ' || all.slice(Math.max(0, k - context), k + context + 1).some((o) => o.tag !== ' '));
  let skipped = 0;
  for (let k = 0; k < all.length; k++) {
    if (!keep[k]) { skipped++; continue; }
    if (skipped) { ops.push(`  ... (${skipped} same line${skipped > 1 ? 's' : ''})`); skipped = 0; }
    ops.push(`${all[k]!.tag} ${show(all[k]!.text)}`);
  }
  if (skipped) ops.push(`  ... (${skipped} same line${skipped > 1 ? 's' : ''})`);
  return ops.join('\n');
}

/** A readable report of a differential result. */
export function formatDifferential(r: DifferentialResult | (Comparison & { program?: string; dialect?: Dialect })): string {
  const head = `Regolith differs from the reference${'dialect' in r && r.dialect ? ` (Lua ${r.dialect})` : ''}` +
    `${r.program ? ` for ${JSON.stringify(r.program)}` : ''}: ${r.mismatches.join(', ') || 'nothing'}`;
  const parts = [head, '(- reference, + Regolith; after normalisation)'];
  if ('raw' in r && r.raw.regolith.timedOut) parts.push('Regolith timed out');
  if ('raw' in r && r.raw.reference.timedOut) parts.push('the reference timed out');
  for (const s of r.mismatches) {
    if (s === 'status') {
      const fmt = (x: Normalised) => (x.signal ? `signal ${x.signal}` : `exit status ${x.status}`);
      parts.push(`exit status:\n- ${fmt(r.reference)}\n+ ${fmt(r.regolith)}`);
    } else {
      parts.push(`${s}:\n${lineDiff(r.reference[s], r.regolith[s])}`);
    }
  }
  return parts.join('\n\n');
}

/** node:assert-style check: throws an AssertionError with a readable diff. */
export function assertSameAsReference(r: DifferentialResult | Comparison): void {
  if (r.same) return;
  throw new assert.AssertionError({ message: formatDifferential(r), actual: r.regolith, expected: r.reference, operator: 'differential' });
}

/** `false`, or the skip message when the reference interpreter is missing. */
export function referenceSkip(dialect: Dialect = '5.4'): string | false {
  return referenceBinary('lua', dialect) ? false : missingReference('lua', dialect);
}

/** Registers a node:test test comparing `program` under both implementations. */
export function differentialTest(name: string, program: Program, options: DifferentialOptions = {}): void {
  const dialect = options.dialect ?? '5.4';
  test(name, { skip: options.referenceCommand ? false : referenceSkip(dialect) }, async () => {
    assertSameAsReference(await runDifferential(program, options));
  });
}
