// Conformance runner: the official Lua test suites (../shared/lua-tests)
// under Regolith and under the reference interpreters.
//
//   npm run conformance -- 5.4                 (also 5.3, 5.1, all)
//   npm run conformance -- all --mode=run --timeout=120 --jobs=2
//
// Modes:
//   parse  every suite file must parse in its own dialect with Regolith's
//          parse(); the reference column is `luacX -p FILE`.
//   run    every test file runs the way the reference runs it: from inside
//          the suite folder, one fresh interpreter per file; 5.4 and 5.3 in
//          portable mode, `-e "_U=true _soft=true _port=true _nomsg=true" FILE`
//          with LUA_PATH="?;./?.lua;;"; 5.1 as its README says, `FILE` with
//          LUA_PATH="?;./?.lua" from a temporary copy of the folder that has
//          the empty libs/P1 folder. Regolith is `bin/regolith --lua=X`, the
//          reference is `luaX`. See scripts/lib/suite.ts for skipped files.
//
// A file that fails under the reference is reported as such and not counted.
// The exit status is 1 when some file fails under Regolith but passes under
// the reference. Results go to docs/conformance.md (one section per dialect
// and mode; other sections are kept) unless --no-write is given.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Dialect } from '../src/syntax/ast.js';
import { parse, LuaSyntaxError } from '../src/syntax/index.js';
import { skipPrefix } from '../src/cli/args.js';
import { referenceBinary, repoRoot } from '../test/support/reference.js';
import { mapLimit, runProcess, type ProcResult } from './lib/proc.js';
import { ALL_DIALECTS, prelude, requireShared, runDescription, runPlan, suiteDir, suiteEnv, suiteFiles, suiteFolders } from './lib/suite.js';
import { cell, updateSections } from './lib/docsections.js';
import { exceptionsFor, preparePatchedSuite, type HostException, type PatchedSuite } from './lib/exceptions.js';

type Mode = 'parse' | 'run';

/** The mode used when no --mode is given. */
export const DEFAULT_MODE: Mode = 'run';
const DEFAULT_TIMEOUT_S = 120;
const DOC = join(repoRoot, 'docs', 'conformance.md');
const REGOLITH = join(repoRoot, 'bin', 'regolith');
/** all.lua runs every file in turn: its timeout is this many times the per-file one. */
const DRIVER_TIMEOUT_FACTOR = 10;

interface Args {
  dialects: Dialect[];
  mode: Mode;
  timeoutS: number;
  jobs: number;
  only: Set<string> | null;
  write: boolean;
  /** An executable used instead of `node bin/regolith` (it gets the same arguments). */
  regolith: string | null;
  argv: string[];
}

function usage(msg?: string): never {
  if (msg) console.error(`conformance: ${msg}`);
  console.error('usage: npm run conformance -- [5.4|5.3|5.1|all]... [--mode=parse|run] [--timeout=SECONDS] [--jobs=N]\n' +
    '                                  [--only=file.lua,...] [--no-write] [--regolith=EXECUTABLE]\n' +
    `  default: 5.4, --mode=${DEFAULT_MODE}, --timeout=${DEFAULT_TIMEOUT_S}, --jobs=1; writes docs/conformance.md`);
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  const a: Args = { dialects: [], mode: DEFAULT_MODE, timeoutS: DEFAULT_TIMEOUT_S, jobs: 1, only: null, write: true, regolith: null, argv };
  for (const s of argv) {
    if (s === 'all') a.dialects.push(...ALL_DIALECTS);
    else if ((ALL_DIALECTS as readonly string[]).includes(s)) a.dialects.push(s as Dialect);
    else if (s.startsWith('--mode=')) {
      const m = s.slice(7);
      if (m !== 'parse' && m !== 'run') usage(`bad mode '${m}'`);
      a.mode = m;
    } else if (s.startsWith('--timeout=')) {
      a.timeoutS = Number(s.slice(10));
      if (!(a.timeoutS > 0)) usage('bad --timeout');
    } else if (s.startsWith('--jobs=')) {
      a.jobs = Number(s.slice(7));
      if (!Number.isInteger(a.jobs) || a.jobs < 1) usage('bad --jobs');
    } else if (s.startsWith('--only=')) a.only = new Set(s.slice(7).split(',').filter(Boolean));
    else if (s === '--no-write') a.write = false;
    else if (s.startsWith('--regolith=')) a.regolith = s.slice(11);
    else if (s === '-h' || s === '--help') usage();
    else usage(`unknown argument '${s}'`);
  }
  if (a.dialects.length === 0) a.dialects.push('5.4');
  a.dialects = [...new Set(a.dialects)];
  return a;
}

type Outcome = 'pass' | 'fail' | 'skip' | 'missing';

interface Side { outcome: Outcome; ms: number; error: string }

interface Row {
  file: string;
  /** Regolith on the unpatched file. */
  regolith: Side;
  reference: Side;
  /** Regolith with the documented exceptions applied (only for files that have some). */
  patched?: Side;
  /** How many documented exceptions the file (or, for all.lua, the suite) has. */
  exceptions: number;
  /** Counted verdict; 'pass-exc' passes only with the documented exceptions applied. */
  verdict: 'pass' | 'pass-exc' | 'fail' | 'ref-fail' | 'skip';
  note: string;
}

function firstLine(s: string): string {
  return s.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? '';
}

/** The error of an interpreter's stderr (`lua5.4: file:1: msg` gives `file:1: msg`), else its first line. */
function errorLine(stderr: string): string {
  const prog = /^(?:\S*\/)?(?:lua(?:5\.\d)?|regolith)(?:\.js)?: (.*)$/m.exec(stderr);
  return prog ? prog[1]!.trim() : firstLine(stderr);
}

function describeFailure(r: ProcResult, timeoutS: number): string {
  if (r.spawnError) return `cannot run: ${r.spawnError}`;
  if (r.timedOut) return `timeout after ${timeoutS} s`;
  const line = errorLine(r.stderr);
  if (r.signal) return `killed by ${r.signal}${line ? `: ${line}` : ''}`;
  return line || `exit status ${r.status}`;
}

function sideFromProc(r: ProcResult, timeoutS: number): Side {
  const ok = r.status === 0 && !r.timedOut && !r.spawnError;
  return { outcome: ok ? 'pass' : 'fail', ms: r.ms, error: ok ? '' : describeFailure(r, timeoutS) };
}

function verdictOf(regolith: Side, reference: Side, patched?: Side): Row['verdict'] {
  if (reference.outcome === 'fail') return 'ref-fail';
  if (regolith.outcome === 'skip') return 'skip';
  if (regolith.outcome === 'pass') return 'pass';
  return patched?.outcome === 'pass' ? 'pass-exc' : 'fail';
}

// ------------------------------------------------------------------ parse

function parseWithRegolith(dir: string, file: string, dialect: Dialect): Side {
  const bytes = readFileSync(join(dir, file), 'latin1');
  const start = process.hrtime.bigint();
  try {
    parse(skipPrefix(bytes, dialect).source, { chunkName: `@${file}`, dialect });
    return { outcome: 'pass', ms: Number(process.hrtime.bigint() - start) / 1e6, error: '' };
  } catch (e) {
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (e instanceof LuaSyntaxError) return { outcome: 'fail', ms, error: e.message };
    return { outcome: 'fail', ms, error: `internal error: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}` };
  }
}

async function parseMode(dialect: Dialect, dir: string, files: string[], a: Args): Promise<Row[]> {
  const luac = referenceBinary('luac', dialect);
  return mapLimit(files, a.jobs, async (file) => {
    const regolith = parseWithRegolith(dir, file, dialect);
    let reference: Side;
    if (!luac) reference = { outcome: 'missing', ms: 0, error: `luac${dialect} not installed` };
    else reference = sideFromProc(await runProcess(luac, ['-p', file], { cwd: dir, timeoutMs: a.timeoutS * 1000 }), a.timeoutS);
    const row: Row = { file, regolith, reference, exceptions: 0, verdict: verdictOf(regolith, reference), note: '' };
    report(dialect, 'parse', row);
    return row;
  });
}

// -------------------------------------------------------------------- run

/** all.lua passes only when it gets to its last line. */
const DRIVER_DONE = 'final OK !!!';

/** The last file all.lua announced (`***** FILE 'x.lua'*****`), i.e. how far it got. */
function driverProgress(stdout: string): string | null {
  const all = [...stdout.matchAll(/\*{5} FILE '([^']+)'\*{5}/g)];
  return all.length ? all[all.length - 1]![1]! : null;
}

/** `marksFiles`: the driver announces each file (5.1's all.lua does not). */
function driverSide(r: ProcResult, timeoutS: number, marksFiles: boolean): Side {
  const side = sideFromProc(r, timeoutS);
  if (side.outcome === 'pass' && !r.stdout.includes(DRIVER_DONE)) {
    // e.g. 5.3's all.lua stops at once, with a message, when _VERSION is not "Lua 5.3".
    const said = firstLine(r.stderr.replace(/^\.+$/gm, ''));
    return { ...side, outcome: 'fail', error: `exited without printing '${DRIVER_DONE}'${said ? ` (stderr: ${said})` : ''}` };
  }
  if (side.outcome === 'fail' && marksFiles) {
    const at = driverProgress(r.stdout);
    return { ...side, error: `${at ? `stopped in ${at}` : 'stopped before the first file'}: ${side.error}` };
  }
  return side;
}

async function runMode(dialect: Dialect, dir: string, files: string[], a: Args): Promise<Row[]> {
  const lua = referenceBinary('lua', dialect);
  const haveRegolith = a.regolith !== null || existsSync(REGOLITH);
  if (!haveRegolith) console.log(`note: ${REGOLITH} does not exist yet; every file counts as failing under Regolith`);
  // bin/regolith is run as an executable: its shebang sets node's flags.
  const [cmd, pre]: [string, string[]] = a.regolith !== null ? [a.regolith, []] : [REGOLITH, []];
  const env = suiteEnv(dialect);
  const allExceptions = exceptionsFor(dialect);
  const folders = suiteFolders(dialect);
  // A suite that needs folders of its own (5.1's libs/P1) runs from a fresh
  // copy for every process, so that no run sees what another left there;
  // the others run in place, and in one patched copy for the exceptions.
  const patchedSuite: PatchedSuite | null = allExceptions.length && !folders.length ? preparePatchedSuite(dialect, dir) : null;
  const within = async (exceptions: readonly HostException[] | null, fn: (cwd: string) => Promise<Side>): Promise<Side> => {
    if (!folders.length) return fn(exceptions ? patchedSuite!.dir : dir);
    const copy = preparePatchedSuite(dialect, dir, exceptions ?? [], folders);
    try {
      return await fn(copy.dir);
    } finally {
      copy.remove();
    }
  };
  try {
    return await mapLimit(files, a.jobs, async (file) => {
      const plan = runPlan(file, dialect);
      let row: Row;
      if (plan.kind === 'skip') {
        const skipped: Side = { outcome: 'skip', ms: 0, error: '' };
        row = { file, regolith: skipped, reference: skipped, exceptions: 0, verdict: 'skip', note: plan.reason };
      } else {
        const driver = plan.driver === true;
        const timeoutS = driver ? a.timeoutS * DRIVER_TIMEOUT_FACTOR : a.timeoutS;
        const timeoutMs = timeoutS * 1000;
        const judge = (r: ProcResult) => (driver ? driverSide(r, timeoutS, prelude(dialect) !== null) : sideFromProc(r, timeoutS));
        const exceptions: readonly HostException[] = driver ? allExceptions : exceptionsFor(dialect, file);
        const runRegolith = async (patch: readonly HostException[] | null): Promise<Side> => haveRegolith
          ? within(patch, async (cwd) => judge(await runProcess(cmd, [...pre, `--lua=${dialect}`, ...plan.args], { cwd, env, timeoutMs })))
          : { outcome: 'fail', ms: 0, error: 'bin/regolith does not exist yet' };
        // One after the other: some files write fixed paths inside the folder.
        const reference: Side = lua
          ? await within(null, async (cwd) => judge(await runProcess(lua, plan.args, { cwd, env, timeoutMs })))
          : { outcome: 'missing', ms: 0, error: `lua${dialect} not installed` };
        const regolith = await runRegolith(null);
        const patched = exceptions.length && regolith.outcome !== 'pass' ? await runRegolith(exceptions) : undefined;
        const notes = [plan.note ?? ''];
        if (exceptions.length && regolith.outcome === 'pass') notes.push(`passes without its ${exceptions.length} documented exception(s): remove them`);
        row = { file, regolith, reference, exceptions: exceptions.length, verdict: verdictOf(regolith, reference, patched), note: notes.filter(Boolean).join('; ') };
        if (patched) row.patched = patched;
      }
      report(dialect, 'run', row);
      return row;
    });
  } finally {
    patchedSuite?.remove();
  }
}

// ---------------------------------------------------------------- output

function fmtMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

function label(s: Side): string {
  return { pass: 'pass', fail: 'FAIL', skip: 'skip', missing: 'n/a' }[s.outcome];
}

function verdictText(r: Row): string {
  if (r.verdict === 'pass-exc') return `pass (${r.exceptions} documented exception${r.exceptions > 1 ? 's' : ''})`;
  return { pass: 'pass', fail: 'FAIL', 'ref-fail': 'fails under reference', skip: 'skipped' }[r.verdict];
}

function report(dialect: Dialect, mode: Mode, r: Row): void {
  const verdict = verdictText(r);
  const times = r.regolith.outcome === 'skip' ? '' :
    `regolith ${label(r.regolith).padEnd(4)} ${fmtMs(r.regolith.ms).padStart(9)}   reference ${label(r.reference).padEnd(4)} ${fmtMs(r.reference.ms).padStart(9)}`;
  console.log(`${dialect} ${mode} ${r.file.padEnd(16)} ${verdict.padEnd(22)} ${times}`);
  if (r.regolith.outcome === 'fail') console.log(`    regolith: ${r.regolith.error}`);
  if (r.patched) console.log(`    regolith with ${r.exceptions} documented exception(s): ${r.patched.outcome === 'pass' ? 'pass' : r.patched.error}`);
  if (r.reference.outcome === 'fail') console.log(`    reference: ${r.reference.error}`);
  if (r.verdict === 'skip') console.log(`    (${r.note})`);
}

interface Totals { passed: number; withExceptions: number; failed: number; refFailed: number; skipped: number }

function totals(rows: Row[]): Totals {
  const t: Totals = { passed: 0, withExceptions: 0, failed: 0, refFailed: 0, skipped: 0 };
  for (const r of rows) {
    if (r.verdict === 'pass') t.passed++;
    else if (r.verdict === 'pass-exc') { t.passed++; t.withExceptions++; }
    else if (r.verdict === 'fail') t.failed++;
    else if (r.verdict === 'ref-fail') t.refFailed++;
    else t.skipped++;
  }
  return t;
}

function summary(t: Totals): string {
  const extra = [t.refFailed ? `${t.refFailed} failing under the reference not counted` : '', t.skipped ? `${t.skipped} skipped` : '']
    .filter(Boolean).join(', ');
  const exc = t.withExceptions ? ` (${t.withExceptions} of them with documented exceptions)` : '';
  return `${t.passed} passed${exc}, ${t.failed} failed${extra ? ` (${extra})` : ''}`;
}

function referenceVersion(dialect: Dialect): string {
  const lua = referenceBinary('lua', dialect);
  if (!lua) return `lua${dialect} not installed`;
  const r = spawnSync(lua, ['-v'], { encoding: 'utf8' });
  return firstLine(r.stdout || r.stderr).replace(/\s+Copyright.*$/, '');
}

/** `commit abc1234` (plus a note when src/ has uncommitted changes), or '' outside git. */
function revision(): string {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' });
  if (head.status !== 0) return '';
  const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src'], { cwd: repoRoot, encoding: 'utf8' });
  const n = dirty.status === 0 ? dirty.stdout.split('\n').filter(Boolean).length : 0;
  return `commit ${head.stdout.trim()}${n ? ` plus uncommitted changes in src/ (${n} file${n > 1 ? 's' : ''})` : ''}; `;
}

function sectionBody(dialect: Dialect, mode: Mode, rows: Row[], a: Args): string {
  const t = totals(rows);
  const ref = mode === 'parse' ? `luac${dialect} -p` : `lua${dialect}`;
  const how = mode === 'parse'
    ? `Each file is parsed in the ${dialect} dialect with Regolith's \`parse()\`; the reference column is \`${ref} FILE\`.`
    : `${runDescription(dialect)} Timeout ${a.timeoutS} s per file; Regolith is \`bin/regolith --lua=${dialect}\`, the reference is \`${ref}\`.`;
  const cmd = `npm run conformance -- ${dialect} --mode=${mode}${a.timeoutS !== DEFAULT_TIMEOUT_S ? ` --timeout=${a.timeoutS}` : ''}`;
  const lines = [
    `## Lua ${dialect} — ${mode} mode`,
    '',
    `Generated by \`${cmd}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC ` +
      `(${revision()}dialect ${dialect}; reference ${referenceVersion(dialect)}; Node.js ${process.version}).`,
    how,
    '',
    `**${summary(t)}**`,
    '',
  ];
  const exc = mode === 'run' ? exceptionsFor(dialect) : [];
  if (mode === 'run') {
    lines.push(
      'The Regolith column is the file as it is; where a file has [documented exceptions](#' + anchor(exceptionsHeading(dialect)) + '), ' +
        'the "With exceptions" column is Regolith on a copy of the suite folder with those lines replaced, and the file counts as ' +
        `passing only if that copy passes. all.lua (timeout ${a.timeoutS * DRIVER_TIMEOUT_FACTOR} s) ` +
        `passes when it prints \`${DRIVER_DONE}\`; with exceptions it runs on the patched copy of every file.`,
      '');
  }
  lines.push(
    mode === 'run' ? '| File | Result | Regolith | Time | With exceptions | Time | Reference | Time | Notes |' : '| File | Result | Regolith | Time | Reference | Time | Notes |',
    mode === 'run' ? '|---|---|---|--:|---|--:|---|--:|---|' : '|---|---|---|--:|---|--:|---|');
  const time = (s: Side | undefined) => (!s || s.outcome === 'skip' || s.outcome === 'missing' || s.ms === 0 ? '' : fmtMs(s.ms));
  for (const r of rows) {
    const verdict = r.verdict === 'fail' ? '**FAIL**' : verdictText(r);
    const notes = [r.note, r.regolith.error ? `Regolith: ${r.regolith.error}` : '',
      r.patched?.error ? `with exceptions: ${r.patched.error}` : '', r.reference.error ? `reference: ${r.reference.error}` : '']
      .filter(Boolean).join('; ');
    const patched = r.patched ? `${label(r.patched)} (${r.exceptions})` : '';
    const mid = mode === 'run' ? ` ${patched} | ${time(r.patched)} |` : '';
    lines.push(`| ${r.file} | ${verdict} | ${label(r.regolith)} | ${time(r.regolith)} |${mid} ${label(r.reference)} | ${time(r.reference)} | ${cell(notes)} |`);
  }
  if (mode === 'run') lines.push('', ...exceptionsSection(dialect, exc));
  return lines.join('\n') + '\n';
}

function exceptionsHeading(dialect: Dialect): string {
  return `Documented exceptions (Lua ${dialect})`;
}

/** GitHub's anchor for a heading. */
function anchor(heading: string): string {
  return heading.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}

/** The list of documented exceptions (scripts/lib/exceptions.ts), each with its reason. */
function exceptionsSection(dialect: Dialect, exc: readonly HostException[]): string[] {
  const out = [`### ${exceptionsHeading(dialect)}`, ''];
  if (exc.length === 0) return [...out, 'None.'];
  out.push('Assertions that cannot hold under a JavaScript host, from `scripts/lib/exceptions.ts`. Each line is replaced by the ' +
    'one shown (same line count); everything else in the file still has to pass.', '');
  for (const e of exc) {
    out.push(`- **${e.file}:${e.line}**`,
      `  - original: \`${e.original.trim()}\``,
      `  - replaced by: \`${e.replacement.trim()}\``,
      `  - reason: ${e.reason}`);
  }
  return out;
}

const HEADER = `# Conformance with the official Lua test suites

<!-- GENERATED FILE: do not edit by hand. Regenerate with \`npm run conformance -- all\`
     (run mode, the default) and \`npm run conformance -- all --mode=parse\`. -->

This file is generated by \`scripts/conformance.ts\` (\`npm run conformance -- all\` for
run mode, \`npm run conformance -- all --mode=parse\` for parse mode); each section says
when it was generated and by which command. The suites are the PUC-Rio test suites at
\`../shared/lua-tests/<version>/\`; every top-level \`.lua\` file is one row.

- **parse** mode: each file must parse in its own dialect with Regolith's front end
  (compared with \`luacX -p\`).
- **run** mode: each file runs in its own interpreter, like the reference runs it: 5.4 and
  5.3 in portable mode (\`all.lua\` with \`_U=true\`); 5.1, which has no such mode, the way its
  README says (\`LUA_PATH="?;./?.lua"\`, with an empty \`libs/P1\` folder next to the files, in
  a temporary copy of the suite folder). \`all.lua\` itself, the driver that runs every file
  in one interpreter, is run too (\`-e "_U=true" all.lua\`; 5.1: \`all.lua\`). Helper
  modules (\`bwcoercion.lua\`, \`tracegc.lua\`, \`checktable.lua\`) are not run on their own;
  \`heavy.lua\` is skipped (it needs several GB of memory and \`all.lua\` never runs it);
  \`big.lua\` runs inside \`coroutine.wrap\` with \`_soft=false\`, as \`all.lua\` runs it.
- Files that fail under the reference interpreter are shown but not counted.
- A few assertions cannot hold under a JavaScript host; they are listed with the reason in
  each run section ("Documented exceptions"), and a file that passes only with them
  replaced is reported as "pass (N documented exceptions)", next to its unpatched result.
`;

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  requireShared();
  const sections: { key: string; body: string }[] = [];
  let grand: Totals = { passed: 0, withExceptions: 0, failed: 0, refFailed: 0, skipped: 0 };
  for (const dialect of a.dialects) {
    const dir = suiteDir(dialect);
    if (!dir) {
      console.error(`error: ../shared/lua-tests/${dialect} not found`);
      process.exitCode = 2;
      continue;
    }
    let files = suiteFiles(dialect);
    if (a.only) files = files.filter((f) => a.only!.has(f));
    console.log(`== Lua ${dialect}, ${a.mode} mode: ${files.length} files in ${dir}`);
    const rows = a.mode === 'parse' ? await parseMode(dialect, dir, files, a) : await runMode(dialect, dir, files, a);
    const t = totals(rows);
    console.log(`Lua ${dialect} ${a.mode}: ${summary(t)}`);
    grand = { passed: grand.passed + t.passed, withExceptions: grand.withExceptions + t.withExceptions, failed: grand.failed + t.failed, refFailed: grand.refFailed + t.refFailed, skipped: grand.skipped + t.skipped };
    if (!a.only && !a.regolith) sections.push({ key: `${dialect}-${a.mode}`, body: sectionBody(dialect, a.mode, rows, a) });
  }
  if (a.write && sections.length) {
    const order = ALL_DIALECTS.flatMap((d) => [`${d}-parse`, `${d}-run`]);
    updateSections(DOC, HEADER, order, sections);
    console.log(`wrote ${DOC}`);
  } else if (a.only || a.regolith) console.log('(--only or --regolith given: docs/conformance.md not written)');
  console.log(`${grand.passed} passed, ${grand.failed} failed`);
  if (grand.failed > 0) process.exitCode = 1;
}

await main();
