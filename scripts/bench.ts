// Execution benchmark: Regolith (`node bin/regolith FILE args`) against the
// reference lua5.4 on the same programs, in the same run, alternating, with
// LuaJIT and wasmoon as peers, peak memory, start-up, and the goals of issue 13.
//
//   npm run bench                          full run, 3 runs each; writes docs/benchmarks.md
//   npm run bench -- --runs 5              more runs per side
//   npm run bench -- --filter 'awfy|fib'   only programs whose group/name matches
//   npm run bench -- --only=fib,Richards   only these programs (name or group/name, exact)
//   npm run bench -- --quick               smoke mode: smaller sizes, 1 run
//   npm run bench -- --timeout 120         per-process timeout in seconds (default 60)
//   npm run bench -- --list                list the programs and exit
//   npm run bench -- --no-snapshot         run dist/ in place (see below)
//   npm run bench -- --no-limits           skip the runs with limits (the "Cost of limits" section)
//   npm run bench -- --node-option=--stack-size=3900   extra node option for Regolith (repeatable)
//   npm run bench -- --no-dialects         skip the dialect columns (see below)
//   npm run bench -- --dialects=5.3        only these dialect columns (5.3, 5.1; default both)
//   npm run bench -- --no-peers            skip the peer columns (LuaJIT, wasmoon; see below)
//   npm run bench -- --no-startup          skip the start-up section
//   npm run bench -- --out=FILE            write the document to FILE instead of docs/benchmarks.md
//
// Needs lua5.4 (and lua5.3, lua5.1 for the dialect columns), luajit for its
// peer columns, and GNU time (/usr/bin/time, Debian package `time`) for peak
// memory; whatever is missing is announced and its columns stay empty.
//
// Programs: the microbenchmarks in scripts/bench/*.lua, every program of
// ../shared/bench-programs/small/ and of ../shared/bench-programs/awfy/
// (run from inside their folder) at the sizes recommended by
// ../shared/README.md (lua5.4 takes ~0.3-1.5 s). Each program is run `runs`
// times per side; the sides alternate (lua5.4 first on even runs, Regolith
// first on odd ones) so that drifting machine load hits both alike. The time
// of a side is the median wall time of its runs (process start-up included).
//
// Regolith's stdout must equal lua5.4's (after removing timings the program
// itself prints, for awfy and scimark); otherwise the program is FAIL, and a
// non-zero exit is ERROR, a timeout TIMEOUT. Their ratios are listed but kept
// out of the geometric means. Programs that lua5.4 itself cannot run are
// skipped with a note. A failing program is never repeated. The exit status
// is 0 whatever the programs do (this is a report); 2 when the harness itself
// cannot work (no lua5.4, no build, bad options).
//
// Peers: each program also runs under `luajit` (JIT on), `luajit -joff` (its
// interpreter) and wasmoon (C Lua 5.4 compiled to WebAssembly, an npm
// devDependency, run as `node dist/scripts/wasmoon-run.js FILE ARGS`, which
// behaves as lua.c: see scripts/wasmoon-run.ts), taking turns with lua5.4 and
// Regolith in the same runs. Their output is compared with lua5.4's, without
// normalising: LuaJIT is Lua 5.1, so programs with 5.3+ syntax fail under it
// and some print numbers differently ("output differs"; still timed). Only
// programs with matching output count in a peer's geometric mean. wasmoon's
// time, like Regolith's, includes Node.js's start-up.
//
// Peak memory: every process runs under `/usr/bin/time -f %M -o FILE`, which
// reports its maximum resident set size; the tables show the median over the
// runs. GNU time only forks and waits, adding about a millisecond to every side
// (the timed start-up runs are not under it: there a millisecond matters).
//
// Start-up: `node -e 0`, `bin/regolith -e "print(1)"` (the snapshot), `lua5.4
// -e "print(1)"` and `luajit -e "print(1)"`, 20 runs each taking turns, median.
//
// Goals: the document opens with issue 13's goals as a checklist, each with
// its figure from this run and met / missed / not measured (a partial run
// cannot show the 26-program mean). "The 26 shared programs" are those that
// ../shared/README.md gives sizes for (SHARED_26_SMALL and awfy/).
//
// Dialect columns: each program is also run as `bin/regolith --lua=5.3` against
// lua5.3 and as `bin/regolith --lua=5.1` against lua5.1, in the same way
// (alternating, outputs compared with that reference's). Programs the older
// reference cannot run (5.3+ syntax such as `//` or `&`, `goto`, missing
// libraries) are detected by running it and are skipped in that column. The
// references run with an empty LUA_CPATH (no C modules, as in Regolith).
// Limits are measured in 5.4 mode only.
//
// Several people rebuild dist/ while a long run is going on, so by default
// Regolith runs from a snapshot of bin/regolith + dist/src + package.json
// copied to a temporary directory at start-up: every program sees the same
// engine. --no-snapshot runs `node bin/regolith` in place.
//
// docs/benchmarks.md is (re)written by full runs only; runs with --quick,
// --filter, --only, --no-dialects, --no-peers or --no-startup print their
// table but leave the file alone unless --write (or --out) is given
// (--no-write suppresses writing for any run).
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus, tmpdir, availableParallelism, platform, release, arch, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { runMeasured, runProcess, type ProcResult } from './lib/proc.js';
import { suiteEnv } from './lib/suite.js';
import type { Dialect } from '../src/syntax/ast.js';
import { cell } from './lib/docsections.js';
import { MICRO } from './lib/micro-bench.js';
import { referenceBinary, repoRoot, sharedDir } from '../test/support/reference.js';

type Group = 'micro' | 'small' | 'awfy';
const GROUP_TITLE: Record<Group, string> = {
  micro: 'microbenchmarks (scripts/bench/)',
  small: 'shared: bench-programs/small',
  awfy: 'shared: bench-programs/awfy',
};

interface Bench {
  group: Group;
  name: string;
  /** Working directory of both interpreters. */
  cwd: string;
  /** Script (relative to cwd) and its arguments, full size. */
  args: string[];
  /** Arguments for --quick; null: not run in quick mode (the reason is `quickSkip`). */
  quick?: string[] | null;
  quickSkip?: string;
  /** Key of a generated input file fed to stdin (see `inputs`). */
  stdin?: 'fasta';
  /** Applied to both outputs before comparing (drop self-reported timings). */
  normalize?: (s: string) => string;
  /** For time-bound programs: a score (higher = faster) read from stdout; ratio = lua score / Regolith score. */
  score?: (s: string) => number | null;
  /** Overrides of the run count and timeout for this program. */
  runs?: number;
  minTimeoutMs?: number;
  /** Why the program is run the way it is (shown in the notes). */
  how?: string;
  /** Set when the program cannot be run at all (e.g. ../shared missing). */
  missing?: string;
}

type Status = 'ok' | 'FAIL' | 'ERROR' | 'TIMEOUT' | 'SKIP';

/** One comparison: Regolith in one dialect against that dialect's reference. */
interface Pair {
  status: Status;
  luaTimes: number[];
  regTimes: number[];
  lua: number | null;
  reg: number | null;
  ratio: number | null;
  /** Ratio is a lower bound (Regolith timed out). */
  ratioAtLeast?: boolean;
  /** Maximum resident set size of each run in KiB (GNU time; empty when it is not installed). */
  luaRss: number[];
  regRss: number[];
  /** Regolith with generous limits on the run (scripts/bench-limited.ts): times, median, time / Regolith's. */
  limTimes: number[];
  lim: number | null;
  limCost: number | null;
  notes: string[];
}

interface Result extends Pair {
  bench: Bench;
  args: string[];
  /** The dialect columns (absent: not run, e.g. --no-dialects or the program was not run at all). */
  dialects: Map<Dialect, Pair>;
  /** The peer columns (absent: not run, e.g. --no-peers, the peer is not installed, or the program was not run). */
  peers: Map<PeerId, PeerRun>;
}

/**
 * The peers: other Lua implementations timed against lua5.4 on the same
 * programs in the same runs. LuaJIT is Lua 5.1 (it cannot run 5.3+ syntax
 * and prints some numbers differently); wasmoon is C Lua 5.4 compiled to
 * WebAssembly, run in Node by scripts/wasmoon-run.ts.
 */
type PeerId = 'luajit' | 'luajit-joff' | 'wasmoon';
const PEER_IDS: readonly PeerId[] = ['luajit', 'luajit-joff', 'wasmoon'];
const PEER_TITLE: Record<PeerId, string> = { luajit: 'luajit', 'luajit-joff': 'luajit -joff', wasmoon: 'wasmoon' };

/** An installed peer: how to run `FILE ARGS` with it. */
interface Peer {
  id: PeerId;
  argv: (args: readonly string[]) => [cmd: string, argv: string[]];
}

/**
 * `differs`: it ran, but its stdout is not lua5.4's (LuaJIT prints integral
 * floats and overflowing integers differently); it is still timed on every
 * run, since the work done is the same, but kept out of the means.
 */
type PeerStatus = 'ok' | 'differs' | 'error' | 'timeout';

interface PeerRun {
  status: PeerStatus;
  times: number[];
  rss: number[];
  /** Median time (ms). */
  time: number | null;
  /** time / lua5.4's median time (scimark: lua5.4's score / its score). */
  ratio: number | null;
  /** Its SciMark score (time-bound programs only). */
  score: number | null;
  /** Why the status is not ok. */
  note: string | null;
}

/** The dialects of the extra columns, in column order. */
const DIALECT_COLUMNS: readonly Dialect[] = ['5.3', '5.1'];

function emptyPair(): Pair {
  return { status: 'SKIP', luaTimes: [], regTimes: [], lua: null, reg: null, ratio: null, luaRss: [], regRss: [], limTimes: [], lim: null, limCost: null, notes: [] };
}

interface Options {
  runs: number | null;
  filter: RegExp | null;
  quick: boolean;
  timeoutMs: number;
  write: boolean | null;
  list: boolean;
  snapshot: boolean;
  /** Also run each program with limits (the "Cost of limits" section). */
  limits: boolean;
  /** Dialect columns to run (Regolith --lua=X against luaX). */
  dialects: Dialect[];
  /** Only these programs (name or group/name). */
  only: Set<string> | null;
  /** Run the peer columns (LuaJIT, wasmoon). */
  peers: boolean;
  /** Run the start-up section. */
  startup: boolean;
  /** Where to write the document instead of docs/benchmarks.md (implies --write). */
  out: string | null;
  nodeOptions: string[];
  argv: string[];
}

const DEFAULT_RUNS = 3;
const DEFAULT_TIMEOUT_S = 60;
/** Output kept per stream: fasta 1000000 writes ~10 MB. */
const MAX_OUTPUT = 64 << 20;
const FASTA_INPUT_N = { full: 500000, quick: 50000 };

function usage(msg?: string): never {
  if (msg) console.error(`error: ${msg}`);
  console.error('usage: npm run bench -- [--runs N] [--filter REGEX] [--only=NAME,...] [--quick] [--timeout SECONDS] [--write|--no-write]\n' +
    '                       [--no-snapshot] [--no-limits] [--no-dialects|--dialects=5.3,5.1] [--no-peers] [--no-startup] [--out=FILE] [--node-option=OPT]... [--list]');
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    runs: null, filter: null, quick: false, timeoutMs: DEFAULT_TIMEOUT_S * 1000, write: null, list: false, snapshot: true, limits: true,
    dialects: [...DIALECT_COLUMNS], only: null, peers: true, startup: true, out: null, nodeOptions: [], argv,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf('=');
    const key = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const value = (): string => {
      if (eq > 0 && key !== a) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) usage(`${key} needs a value`);
      return v;
    };
    switch (key) {
      case '--runs': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1) usage('--runs needs a positive integer');
        o.runs = n;
        break;
      }
      case '--filter':
        try { o.filter = new RegExp(value(), 'i'); } catch (e) { usage(`bad --filter: ${(e as Error).message}`); }
        break;
      case '--timeout': {
        const s = Number(value());
        if (!(s > 0)) usage('--timeout needs a positive number of seconds');
        o.timeoutMs = s * 1000;
        break;
      }
      case '--quick': o.quick = true; break;
      case '--write': o.write = true; break;
      case '--no-write': o.write = false; break;
      case '--list': o.list = true; break;
      case '--no-snapshot': o.snapshot = false; break;
      case '--no-limits': o.limits = false; break;
      case '--no-dialects': o.dialects = []; break;
      case '--no-peers': o.peers = false; break;
      case '--no-startup': o.startup = false; break;
      case '--out': o.out = value(); o.write = true; break;
      case '--dialects': {
        const ds = value().split(',').filter(Boolean);
        for (const d of ds) if (!(DIALECT_COLUMNS as readonly string[]).includes(d)) usage(`--dialects: '${d}' is not one of ${DIALECT_COLUMNS.join(', ')}`);
        o.dialects = DIALECT_COLUMNS.filter((d) => ds.includes(d));
        break;
      }
      case '--only': o.only = new Set(value().split(',').filter(Boolean)); break;
      case '--node-option': o.nodeOptions.push(value()); break;
      case '--help': case '-h': usage();
      // falls through (usage exits)
      default: usage(`unknown option ${a}`);
    }
  }
  return o;
}

// ---------------------------------------------------------------------------
// The programs

const benchDir = join(repoRoot, 'scripts', 'bench');
const smallDir = sharedDir ? join(sharedDir, 'bench-programs', 'small') : null;
const awfyDir = sharedDir ? join(sharedDir, 'bench-programs', 'awfy') : null;

/** qt prints, after each phase, the time spent (os.clock) and the memory in use (collectgarbage "count"). */
const qtNormalize = (s: string): string => s.replace(/^(\w+)\t\S+ sec\t\S+ sec\t-?\d+M$/gm, '$1\t# sec\t# sec\t#M');

/** small/: README sizes (full) and smaller ones for --quick. */
const SMALL: { name: string; file: string; args: string[]; quick: string[] | null; stdin?: 'fasta'; how?: string; normalize?: (s: string) => string }[] = [
  { name: 'ack', file: 'ack.lua', args: ['3', '10'], quick: ['3', '7'] },
  { name: 'binary-trees', file: 'binary-trees.lua', args: ['14'], quick: ['10'] },
  { name: 'fannkuch-redux', file: 'fannkuch-redux.lua', args: ['10'], quick: ['8'] },
  { name: 'fasta', file: 'fasta.lua', args: ['1000000'], quick: ['100000'] },
  { name: 'fixpoint-fact', file: 'fixpoint-fact.lua', args: ['2000'], quick: ['500'] },
  { name: 'heapsort', file: 'heapsort.lua', args: ['10', '100000'], quick: ['2', '20000'] },
  {
    name: 'k-nucleotide', file: 'k-nucleotide.lua', args: [], quick: [], stdin: 'fasta',
    how: `stdin: output of \`lua5.4 fasta.lua ${FASTA_INPUT_N.full}\` (${FASTA_INPUT_N.quick} with --quick)`,
  },
  { name: 'mandel', file: 'mandel.lua', args: [], quick: ['64'] },
  { name: 'n-body', file: 'n-body.lua', args: ['500000'], quick: ['50000'] },
  { name: 'qt', file: 'qt.lua', args: [], quick: [], normalize: qtNormalize, how: 'takes no size argument; the times and memory it prints are masked' },
  { name: 'queen', file: 'queen.lua', args: ['11'], quick: ['8'] },
  {
    name: 'regex-dna', file: 'regex-dna.lua', args: [], quick: [], stdin: 'fasta',
    how: `stdin: output of \`lua5.4 fasta.lua ${FASTA_INPUT_N.full}\` (${FASTA_INPUT_N.quick} with --quick)`,
  },
  { name: 'sieve', file: 'sieve.lua', args: ['3000'], quick: ['300'] },
  { name: 'spectral-norm', file: 'spectral-norm.lua', args: ['700'], quick: ['100'] },
];

/** awfy: README sizes (ITERATIONS INNER) and smaller ones for --quick. */
/** Mandelbrot and NBody only verify some sizes (inner 1 is one of them); Havlak has no size below 1 1 (~5 s). */
const AWFY: [name: string, full: string, quick: string | null][] = [
  ['Bounce', '1 1500', '1 150'],
  ['CD', '1 100', '1 10'],
  ['DeltaBlue', '1 12000', '1 1200'],
  ['Havlak', '1 1', null],
  ['Json', '1 100', '1 10'],
  ['List', '1 1500', '1 150'],
  ['Mandelbrot', '1 750', '3 1'],
  ['NBody', '1 250000', '3 1'],
  ['Permute', '1 1000', '1 100'],
  ['Queens', '1 1500', '1 150'],
  ['Richards', '1 30', '1 3'],
  ['Sieve', '1 3000', '1 300'],
  ['Storage', '1 500', '1 50'],
  ['Towers', '1 500', '1 50'],
];

/** The awfy harness prints its own timings ("runtime: 1234us"); they differ from run to run. */
const awfyNormalize = (s: string): string => s.replace(/\d+us\b/g, '#us');
/** scimark prints MFlops figures; only the layout and problem sizes must agree. */
const scimarkNormalize = (s: string): string => s.replace(/ *-?\d+\.\d+/g, ' #');
const scimarkScore = (s: string): number | null => {
  const m = /^SciMark\s+(\d+(?:\.\d+)?)/m.exec(s);
  return m ? Number(m[1]) : null;
};

function allBenches(): Bench[] {
  const out: Bench[] = [];
  for (const m of MICRO) {
    out.push({ group: 'micro', name: m.name, cwd: benchDir, args: [`${m.name}.lua`], quick: [`${m.name}.lua`, ...m.quick] });
  }
  const extra = existsSync(benchDir) ? readdirSync(benchDir).filter((f) => f.endsWith('.lua') && !MICRO.some((m) => `${m.name}.lua` === f)) : [];
  for (const f of extra.sort()) {
    out.push({ group: 'micro', name: f.slice(0, -4), cwd: benchDir, args: [f], quick: [f], how: 'not in the MICRO list of bench.ts: run with its defaults' });
  }
  const noShared = 'the shared material (../shared/bench-programs) was not found next to the repository root';
  for (const s of SMALL) {
    out.push({
      group: 'small', name: s.name, cwd: smallDir ?? '', args: [s.file, ...s.args],
      quick: s.quick && [s.file, ...s.quick],
      ...(s.stdin ? { stdin: s.stdin } : {}), ...(s.how ? { how: s.how } : {}), ...(s.normalize ? { normalize: s.normalize } : {}),
      ...(smallDir ? {} : { missing: noShared }),
    });
  }
  out.push({
    group: 'small', name: 'scimark', cwd: smallDir ?? '', args: ['scimark.lua'], quick: null,
    quickSkip: 'time-bound (each kernel repeats until it has run for 2 s): full runs only',
    normalize: scimarkNormalize, score: scimarkScore, runs: 1, minTimeoutMs: 180_000,
    how: 'time-bound: runs until each kernel has taken 2 s, so one run per side; ratio = lua5.4 SciMark score / Regolith score (not wall time); time limit at least 180 s',
    ...(smallDir ? {} : { missing: noShared }),
  });
  // Programs in small/ that this list does not know about still run (with their defaults).
  if (smallDir && existsSync(smallDir)) {
    const known = new Set([...SMALL.map((s) => s.file), 'scimark.lua', 'runbenchmarks.lua']);
    for (const f of readdirSync(smallDir).filter((f) => f.endsWith('.lua') && !known.has(f)).sort()) {
      out.push({ group: 'small', name: f.slice(0, -4), cwd: smallDir, args: [f], quick: [f], how: 'not in the SMALL list of bench.ts: run without arguments' });
    }
  }
  for (const [name, full, quick] of AWFY) {
    out.push({
      group: 'awfy', name, cwd: awfyDir ?? '', args: ['harness.lua', name, ...full.split(' ')],
      quick: quick === null ? null : ['harness.lua', name, ...quick.split(' ')], normalize: awfyNormalize,
      ...(quick === null ? { quickSkip: 'no smaller verified size than 1 1 (lua5.4 ~5 s): full runs only' } : {}),
      ...(awfyDir ? {} : { missing: noShared }),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Running

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function geomean(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  return Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
}

/** The first informative line of an error output (skipping tracebacks). */
function errorLine(p: ProcResult): string {
  if (p.spawnError) return `could not start: ${p.spawnError}`;
  const lines = p.stderr.split('\n').map((l) => l.trim()).filter((l) => l && !/^stack traceback:/.test(l));
  let first = lines[0] ?? '';
  // A crash of Node.js itself starts with the source location; the error is further down.
  if (/^(node:|file:\/\/|\/\S+\.js:\d+)/.test(first)) first = lines.find((l) => /^(\w*Error\b|\[\w+\])/.test(l)) ?? first;
  const what = p.signal ? `killed by ${p.signal}` : `exit status ${p.status}`;
  return first ? `${first} (${what})` : what;
}

/** Where two outputs first differ, shortly. */
function firstDifference(want: string, got: string): string {
  const a = want.split('\n'), b = got.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      const show = (s: string | undefined) => (s === undefined ? '<end of output>' : JSON.stringify(s.length > 60 ? s.slice(0, 60) + '…' : s));
      return `line ${i + 1}: expected ${show(a[i])}, got ${show(b[i])}`;
    }
  }
  return 'outputs differ';
}

interface Runner {
  engine: string;
  loadBefore: number[];
  lua: string;
  /** The references of the dialect columns that are installed. */
  refs: Map<Dialect, string>;
  node: string;
  regolith: string;
  env: NodeJS.ProcessEnv;
  inputs: Map<string, { data: string } | { error: string }>;
  opts: Options;
  /** GNU time, to measure each process's peak memory; null when not installed. */
  timeBin: string | null;
  /** Where GNU time writes its report (one process at a time). */
  rssFile: string;
  /** The installed peers (none with --no-peers). */
  peers: Peer[];
  /** Why a peer column is empty (not installed). */
  peerMissing: Map<PeerId, string>;
  /** LuaJIT, if installed (the peers and the start-up section). */
  luajit: string | null;
}

function fmtS(ms: number | null): string {
  return ms === null ? '-' : (ms / 1000).toFixed(ms >= 10_000 ? 1 : ms >= 1000 ? 2 : 3);
}

function fmtRatio(r: Pair): string {
  if (r.ratio === null) return '-';
  const v = r.ratio >= 100 ? r.ratio.toFixed(0) : r.ratio >= 10 ? r.ratio.toFixed(1) : r.ratio.toFixed(2);
  const s = (r.ratioAtLeast ? '>' : '') + v;
  return r.status === 'ok' ? s : `(${s})`;
}

async function runBench(b: Bench, R: Runner): Promise<Result> {
  const args = (R.opts.quick ? b.quick : b.args) ?? b.args;
  const res: Result = { bench: b, args, ...emptyPair(), dialects: new Map(), peers: new Map() };
  if (b.how) res.notes.push(b.how);
  if (b.missing) { res.notes.unshift(b.missing); return res; }
  if (R.opts.quick && b.quick === null) { res.notes.unshift(b.quickSkip ?? 'not run in quick mode'); return res; }
  let stdin: string | undefined;
  if (b.stdin) {
    const inp = R.inputs.get(b.stdin);
    if (!inp || 'error' in inp) { res.notes.unshift(`input not available: ${inp && 'error' in inp ? inp.error : 'not generated'}`); return res; }
    stdin = inp.data;
  }
  await runPair(res, b, R, '5.4', args, stdin, res.peers);
  for (const d of R.opts.dialects) {
    const pair = emptyPair();
    const lua = R.refs.get(d);
    if (lua) await runPair(pair, b, R, d, args, stdin, null);
    else pair.notes.push(`lua${d} is not installed`);
    res.dialects.set(d, pair);
  }
  return res;
}

/** One side of a comparison: runs its program once; false when it must not run again. */
interface Side {
  run: () => Promise<boolean>;
  active: boolean;
}

/**
 * Runs Regolith in `dialect` against that dialect's reference on one
 * program, filling `res`. The 5.4 pair runs Regolith without --lua (its
 * default) and, when asked, with limits as well, and the peers (filling
 * `peerRuns`).
 *
 * Run 0 is always the reference first: its output is the one to match. Then
 * the sides alternate: in even runs the reference comes first and the others
 * in order, in odd runs the order is reversed, so that drifting machine load
 * hits all alike. A side that fails stops (a failing program is not
 * repeated); the reference failing stops them all.
 */
async function runPair(res: Pair, b: Bench, R: Runner, dialect: Dialect, args: string[], stdin: string | undefined, peerRuns: Map<PeerId, PeerRun> | null): Promise<void> {
  const ref = dialect === '5.4' ? R.lua : R.refs.get(dialect)!;
  const refName = `lua${dialect}`;
  const regArgs = dialect === '5.4' ? args : [`--lua=${dialect}`, ...args];
  const withLimits = dialect === '5.4' && R.opts.limits;
  const timeoutMs = Math.max(R.opts.timeoutMs, b.minTimeoutMs ?? 0);
  const runs = b.runs ?? R.opts.runs ?? (R.opts.quick ? 1 : DEFAULT_RUNS);
  const norm = b.normalize ?? ((s: string) => s);
  const run = (cmd: string, argv: string[]) =>
    runMeasured(R.timeBin, R.rssFile, cmd, argv, { cwd: b.cwd, env: R.env, timeoutMs, maxOutput: MAX_OUTPUT, ...(stdin !== undefined ? { stdin } : {}) });

  let expected: string | null = null;
  let luaScore: number | null = null, regScore: number | null = null;
  const runLua = async (): Promise<boolean> => {
    const p = await run(ref, args);
    if (p.timedOut || p.status !== 0) {
      if (expected === null) {
        res.notes.unshift(`skipped: ${refName} ${p.timedOut ? `timed out after ${fmtS(timeoutMs)} s` : `fails: ${errorLine(p)}`}`);
        return false;
      }
      res.notes.push(`${refName} failed on a later run: ${errorLine(p)}`);
      return false;
    }
    if (expected === null) {
      expected = norm(p.stdout);
      if (b.score) luaScore = b.score(p.stdout);
    }
    res.luaTimes.push(p.ms);
    if (p.maxRssKb !== null) res.luaRss.push(p.maxRssKb);
    return true;
  };
  /** False when Regolith failed (the status is then set). */
  const runReg = async (): Promise<boolean> => {
    const p = await run(...regolithArgv(R, regArgs));
    res.regTimes.push(p.ms);
    if (p.maxRssKb !== null) res.regRss.push(p.maxRssKb);
    if (p.timedOut) {
      res.status = 'TIMEOUT';
      res.ratioAtLeast = true;
      res.notes.unshift(`Regolith timed out after ${fmtS(timeoutMs)} s`);
      return false;
    }
    if (p.status !== 0 || p.spawnError) {
      res.status = 'ERROR';
      res.notes.unshift(errorLine(p));
      return false;
    }
    const got = norm(p.stdout);
    if (expected !== null && got !== expected) {
      res.status = 'FAIL';
      res.notes.unshift(`stdout differs from ${refName}'s: ${firstDifference(expected, got)}`);
      return false;
    }
    if (b.score) {
      regScore = b.score(p.stdout);
      if (regScore === null || !(regScore > 0)) {
        res.status = 'FAIL';
        res.notes.unshift('no SciMark score in the output');
        return false;
      }
    }
    return true;
  };
  /** Regolith with limits: only while Regolith itself runs correctly. */
  const runLimited = async (): Promise<boolean> => {
    if (res.status !== 'ok') return false;
    const p = await run(...limitedArgv(R, regArgs));
    res.limTimes.push(p.ms);
    if (p.timedOut || p.status !== 0 || p.spawnError || (expected !== null && norm(p.stdout) !== expected)) {
      res.notes.push(`with limits: ${p.timedOut ? 'timed out' : p.status !== 0 || p.spawnError ? errorLine(p) : 'stdout differs'}`);
      return false;
    }
    return true;
  };
  const runPeer = (peer: Peer, pr: PeerRun) => async (): Promise<boolean> => {
    const p = await run(...peer.argv(args));
    if (p.timedOut) {
      pr.status = 'timeout';
      pr.note = `timed out after ${fmtS(timeoutMs)} s`;
      return false;
    }
    if (p.status !== 0 || p.spawnError) {
      pr.status = 'error';
      pr.note = `cannot run it: ${errorLine(p)}`;
      return false;
    }
    pr.times.push(p.ms);
    if (p.maxRssKb !== null) pr.rss.push(p.maxRssKb);
    if (b.score && pr.score === null) pr.score = b.score(p.stdout);
    const got = norm(p.stdout);
    if (expected !== null && got !== expected && pr.status === 'ok') {
      pr.status = 'differs';
      pr.note = `output differs from lua5.4's: ${firstDifference(expected, got)}`;
    }
    return true;
  };

  if (!(await runLua())) return;
  res.status = 'ok';
  const lua: Side = { run: runLua, active: true };
  const reg: Side = { run: runReg, active: true };
  const others: Side[] = [reg];
  const limited: Side = { run: runLimited, active: withLimits };
  if (withLimits) others.push(limited);
  for (const peer of peerRuns ? R.peers : []) {
    const pr: PeerRun = { status: 'ok', times: [], rss: [], time: null, ratio: null, score: null, note: null };
    peerRuns!.set(peer.id, pr);
    others.push({ run: runPeer(peer, pr), active: true });
  }
  runs: for (let r = 0; r < runs; r++) {
    const order = r % 2 === 0 ? [...(r > 0 ? [lua] : []), ...others] : [...others].reverse().concat(lua);
    for (const side of order) {
      if (!side.active) continue;
      side.active = await side.run();
      if (!lua.active) break runs;
    }
    if (!others.some((s) => s.active)) break;
  }

  res.lua = median(res.luaTimes);
  res.reg = res.regTimes.length ? median(res.regTimes) : null;
  if (limited.active && res.limTimes.length && res.reg) {
    res.lim = median(res.limTimes);
    res.limCost = res.lim / res.reg;
  }
  if (b.score) {
    if (luaScore !== null && regScore !== null) res.ratio = luaScore / regScore;
    if (luaScore !== null) res.notes.push(`SciMark score: ${refName} ${luaScore}${regScore !== null ? `, Regolith ${regScore}` : ''}`);
  } else if (res.reg !== null && res.lua) {
    res.ratio = res.reg / res.lua;
  }
  for (const pr of peerRuns?.values() ?? []) {
    pr.time = pr.times.length ? median(pr.times) : null;
    if (b.score) pr.ratio = luaScore !== null && pr.score ? luaScore / pr.score : null;
    else pr.ratio = pr.time !== null && res.lua ? pr.time / res.lua : null;
  }
  if (res.status !== 'ok' && res.regTimes.length === 1 && runs > 1) res.notes.push('not repeated after the failure');
}

async function generateInputs(R: Runner, benches: Bench[]): Promise<void> {
  if (!benches.some((b) => b.stdin === 'fasta' && !b.missing)) return;
  const n = R.opts.quick ? FASTA_INPUT_N.quick : FASTA_INPUT_N.full;
  const p = await runProcess(R.lua, ['fasta.lua', String(n)], { cwd: smallDir!, env: R.env, timeoutMs: 120_000, maxOutput: MAX_OUTPUT });
  if (p.timedOut || p.status !== 0) {
    R.inputs.set('fasta', { error: `\`lua5.4 fasta.lua ${n}\` failed: ${p.timedOut ? 'timed out' : errorLine(p)}` });
    return;
  }
  // Kept in a temporary file too, so a failing program can be rerun by hand while the bench runs.
  const dir = mkdtempSync(join(tmpdir(), 'regolith-bench-'));
  const file = join(dir, `fasta${n}.txt`);
  writeFileSync(file, p.stdout, 'latin1');
  R.inputs.set('fasta', { data: readFileSync(file, 'latin1') });
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  console.log(`input: ${file} (lua5.4 fasta.lua ${n}, ${p.stdout.length} bytes)`);
}

/**
 * The command running Regolith: bin/regolith itself (its shebang sets
 * node's flags, as when a user runs it), or node with --node-option flags.
 */
function regolithArgv(R: Runner, args: string[]): [string, string[]] {
  return R.opts.nodeOptions.length > 0 ? [R.node, [...R.opts.nodeOptions, R.regolith, ...args]] : [R.regolith, args];
}

/** The command running Regolith with limits: the same bundle through scripts/bench-limited.ts, with bin/regolith's node flags. */
function limitedArgv(R: Runner, args: string[]): [string, string[]] {
  const flags = R.opts.nodeOptions.length > 0 ? R.opts.nodeOptions : ['--stack-size=3800'];
  return [R.node, [...flags, join(R.regolith, '..', '..', 'dist', 'scripts', 'bench-limited.js'), ...args]];
}

/** Copies what `node bin/regolith` loads into a temporary directory; returns the copy of bin/regolith. */
function snapshotRegolith(): string {
  const dir = mkdtempSync(join(tmpdir(), 'regolith-bench-engine-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'dist'));
  copyFileSync(join(repoRoot, 'package.json'), join(dir, 'package.json'));
  // bin/package.json makes bin/regolith CommonJS; the bundle's code cache is used only next to its bundle.
  for (const f of ['regolith', 'package.json']) copyFileSync(join(repoRoot, 'bin', f), join(dir, 'bin', f));
  cpSync(join(repoRoot, 'dist', 'src'), join(dir, 'dist', 'src'), { recursive: true });
  for (const f of ['regolith.cjs', 'regolith.cjs.cache']) copyFileSync(join(repoRoot, 'dist', f), join(dir, 'dist', f));
  mkdirSync(join(dir, 'dist', 'scripts'));
  copyFileSync(join(repoRoot, 'dist', 'scripts', 'bench-limited.js'), join(dir, 'dist', 'scripts', 'bench-limited.js'));
  // The wasmoon runner too; it finds the wasmoon package through a link to node_modules.
  const runner = join(repoRoot, 'dist', 'scripts', 'wasmoon-run.js');
  if (existsSync(runner)) copyFileSync(runner, join(dir, 'dist', 'scripts', 'wasmoon-run.js'));
  if (existsSync(join(repoRoot, 'node_modules'))) symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  return join(dir, 'bin', 'regolith');
}

/** The engine's version: HEAD and whether src/ has uncommitted changes. */
function engineVersion(): string {
  const git = (...a: string[]) => spawnSync('git', a, { cwd: repoRoot, encoding: 'utf8' });
  const head = git('log', '-1', '--format=%h %s');
  if (head.status !== 0) return 'unknown (not a git checkout)';
  const dirty = git('status', '--porcelain', '--', 'src').stdout.trim();
  const subject = head.stdout.trim().replace(/^(\S+) (.{0,60}).*$/, '$1 "$2"');
  return `commit ${subject}${dirty ? `, plus uncommitted changes in src/ (${dirty.split('\n').length} files)` : ''}`;
}

// ---------------------------------------------------------------------------
// Peers, memory and start-up

/** GNU time, if installed and working: it measures each process's peak memory. */
function findGnuTime(): string | null {
  const bin = '/usr/bin/time';
  if (!existsSync(bin)) return null;
  // Busybox's time has no -o: make sure this one is GNU's.
  const r = spawnSync(bin, ['-f', '%M', '-o', '/dev/null', 'true']);
  return r.status === 0 ? bin : null;
}

/** The path of a command on PATH, or null. */
function onPath(name: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** The wasmoon runner next to the Regolith being measured (the snapshot has its own copy). */
function wasmoonRunner(R: Pick<Runner, 'regolith'>): string {
  return join(R.regolith, '..', '..', 'dist', 'scripts', 'wasmoon-run.js');
}

/** The peers that can run here, and why the others cannot. */
function findPeers(R: Pick<Runner, 'regolith' | 'node' | 'luajit'>): { peers: Peer[]; missing: Map<PeerId, string> } {
  const peers: Peer[] = [];
  const missing = new Map<PeerId, string>();
  const luajit = R.luajit;
  if (luajit) {
    peers.push({ id: 'luajit', argv: (args) => [luajit, [...args]] });
    peers.push({ id: 'luajit-joff', argv: (args) => [luajit, ['-joff', ...args]] });
  } else {
    for (const id of ['luajit', 'luajit-joff'] as const) missing.set(id, 'luajit is not installed (apt-get install luajit)');
  }
  const runner = wasmoonRunner(R);
  if (!existsSync(join(repoRoot, 'node_modules', 'wasmoon', 'package.json'))) missing.set('wasmoon', 'the wasmoon package is not installed (npm install)');
  else if (!existsSync(runner)) missing.set('wasmoon', `${relative(repoRoot, runner)} is missing (build first)`);
  else peers.push({ id: 'wasmoon', argv: (args) => [R.node, [runner, ...args]] });
  return { peers, missing };
}

/** Start-up: each command runs this many times, round-robin. */
const STARTUP_RUNS = 20;

/** One command of the start-up section. */
interface StartupRow {
  label: string;
  cmd: [string, string[]];
  /** Its stdout when it works. */
  expect: string;
  times: number[];
  rss: number[];
  /** Set when the command failed (it is then not run again). */
  error: string | null;
  /** Its environment, when not the runner's. */
  env?: NodeJS.ProcessEnv;
}

/** Extra runs of each start-up command under GNU time, for its peak memory. */
const STARTUP_MEMORY_RUNS = 3;

/**
 * Times the bare start-up of Node, Regolith, lua5.4 and LuaJIT: each command
 * runs STARTUP_RUNS times, the commands taking turns (the order rotates each
 * round) so that load changes hit all alike. The timed runs are not under GNU
 * time: its own fork and exec (a millisecond or more) would be a visible part
 * of a 1 ms lua5.4 start and would pull Regolith / Node towards 1. Memory
 * comes from a few extra runs under it.
 */
async function measureStartup(R: Runner): Promise<StartupRow[]> {
  const row = (label: string, cmd: [string, string[]], expect: string): StartupRow => ({ label, cmd, expect, times: [], rss: [], error: null });
  const rows = [
    row('node -e 0', [R.node, ['-e', '0']], ''),
    row('bin/regolith -e "print(1)"', regolithArgv(R, ['-e', 'print(1)']), '1\n'),
    row('lua5.4 -e "print(1)"', [R.lua, ['-e', 'print(1)']], '1\n'),
  ];
  if (R.luajit) rows.push(row('luajit -e "print(1)"', [R.luajit, ['-e', 'print(1)']], '1\n'));
  // For information: what Node's start-up costs with the certificates the
  // environment names (the runs above go without them: see where the runner's `env` is made).
  const certs = process.env.NODE_EXTRA_CA_CERTS;
  if (certs) rows.push({ ...row(`node -e 0 with NODE_EXTRA_CA_CERTS=${certs}`, [R.node, ['-e', '0']], ''), env: { ...R.env, NODE_EXTRA_CA_CERTS: certs } });
  const memoryRuns = R.timeBin ? STARTUP_MEMORY_RUNS : 0;
  for (let i = 0; i < STARTUP_RUNS + memoryRuns; i++) {
    const timed = i < STARTUP_RUNS;
    for (let k = 0; k < rows.length; k++) {
      const r = rows[(i + k) % rows.length]!;
      if (r.error !== null) continue;
      const p = await runMeasured(timed ? null : R.timeBin, R.rssFile, ...r.cmd, { cwd: repoRoot, env: r.env ?? R.env, timeoutMs: 30_000 });
      if (p.timedOut || p.status !== 0 || p.spawnError || p.stdout !== r.expect) {
        r.error = p.timedOut ? 'timed out' : p.status !== 0 || p.spawnError ? errorLine(p) : `printed ${JSON.stringify(p.stdout.slice(0, 40))}`;
        continue;
      }
      if (timed) r.times.push(p.ms);
      if (p.maxRssKb !== null) r.rss.push(p.maxRssKb);
    }
  }
  return rows;
}

/** Regolith's start-up / Node's, from the start-up rows; null when either failed. */
function startupRatio(rows: readonly StartupRow[]): number | null {
  const [node, reg] = [rows[0], rows[1]];
  if (!node?.times.length || !reg?.times.length || node.error || reg.error) return null;
  return median(reg.times) / median(node.times);
}

/** Geometric mean of Regolith's peak memory / lua5.4's, over the programs that ran correctly; null when not measured. */
function memoryRatio(results: readonly Result[]): { mean: number; used: number } | null {
  const rs = results.filter((r) => isOk(r) && r.luaRss.length && r.regRss.length);
  const mean = geomean(rs.map((r) => median(r.regRss) / median(r.luaRss)));
  return mean === null ? null : { mean, used: rs.length };
}

function wasmoonVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'wasmoon', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function fmtMiB(kbs: readonly number[]): string {
  return kbs.length ? (median(kbs) / 1024).toFixed(1) : '-';
}

function fmtMs(ms: number): string {
  return ms.toFixed(ms >= 100 ? 0 : 1);
}

// ---------------------------------------------------------------------------
// The goals of issue 13, checked against the run's figures

/**
 * "The 26 shared programs" of issue 13: those that ../shared/README.md gives
 * sizes for (12 of small/ and the 14 of awfy/). small/'s k-nucleotide,
 * regex-dna and scimark are run too but are not among them.
 */
const SHARED_26_SMALL = new Set(['ack', 'binary-trees', 'fannkuch-redux', 'fasta', 'fixpoint-fact', 'heapsort', 'mandel', 'n-body', 'qt', 'queen', 'sieve', 'spectral-norm']);

function isShared26(r: Result): boolean {
  return r.bench.group === 'awfy' || (r.bench.group === 'small' && SHARED_26_SMALL.has(r.bench.name));
}

/** The numeric kernels that issue 13 wants within 3× of LuaJIT with its JIT. */
const NUMERIC_KERNELS: readonly string[] = ['small/n-body', 'small/spectral-norm', 'small/mandel', 'awfy/Mandelbrot', 'awfy/NBody'];

const GOALS = { sharedMean: 0.6, maxRatio: 1.2, vsLuajit: 3, startup: 1.2, micro: 1.0 } as const;

type Verdict = 'met' | 'missed' | 'not measured';

interface Goal {
  goal: string;
  figure: string;
  verdict: Verdict;
  /** What stands in the way when the goal is missed (see BLOCKERS). */
  blockers?: string[];
}

/**
 * What blocks each goal of issue 13 while it is missed, for the report
 * (docs/ARCHITECTURE.md, "Known costs and gaps", has the measurements).
 * Kept here, next to the goals, so that the generated report says it; a
 * change that moves a blocker updates its text.
 */
const BLOCKERS = {
  sharedMean: [
    'Fixed costs weigh on the programs that run 0.2–0.3 s (most of awfy/): Node\'s own start-up (about 19 ms per process against lua5.4\'s 2 ms, see [Start-up](#start-up)), and compiling each program cold (about 30 ms for an awfy program: parsing, code generation and V8\'s compilation of the generated JS, the compiler itself running unoptimised).',
    'The programs bound by memory and V8\'s data structures (below) pull the mean up as well.',
  ],
  kernels: [
    'Numbers read from table fields (n-body\'s bodies, spectral-norm\'s vectors, mandel\'s and Mandelbrot\'s loop state through upvalues) are not known statically to be floats: each operation keeps its type tests and overflow checks, and integral floats are boxed (`LuaFloat`). LuaJIT\'s trace compiler specialises on the types it observes and unboxes them; doing so here needs type speculation with a way back (deoptimisation) in the generated code.',
  ],
  startup: [
    'Node\'s own start-up is most of it. The rest (about 9 ms) is Node loading a main script file, which `node -e` skips, reading and deserialising the bundle\'s code cache, running its top level, opening the libraries and compiling the chunk (docs/ARCHITECTURE.md, "Startup"). A user-land V8 start-up snapshot (`node --snapshot-blob`) was measured slower: 32.7 ms against 30.5 ms, as even an empty one starts 4 ms later than Node\'s built-in snapshot and its functions are compiled again on first call.',
  ],
} as const;

/** Why a program is still above the goals' ratios (the microbenchmarks and the shared programs). */
const PROGRAM_BLOCKERS: Record<string, string> = {
  array: 'V8 gives a growing array a new backing store in fresh large-object pages once past about 128 KB, and the page faults are most of the time (pure JS: 12M pushes into arrays of 200,000 take 230 ms, 74 ms preallocated); lua5.4\'s realloc reuses its memory.',
  hash: 'a table of thousands of string keys keeps them in a `Map`, whose lookup of an existing key costs about 40 ns here, more than lua5.4\'s; a dictionary-mode object is a little faster for such keys but far slower for fresh strings (k-nucleotide).',
  qt: 'memory-bound walks of table fields (`E[i].color` over the edge list, `q.color` over the quadtree) and the collector (about 14% of the time), which scans the live quadtree.',
  'k-nucleotide': 'every `string.sub` result is a fresh JS string: V8 hashes it and, on a hit, compares its characters with the key\'s; lua5.4 interns short strings when it makes them, after which a lookup compares pointers.',
};

const fmtX = (x: number): string => `${x.toFixed(2)}×`;
const ran = (r: Result): boolean => r.status !== 'SKIP';
const isOk = (r: Result): boolean => r.status === 'ok' && r.ratio !== null && r.ratio > 0;

function sharedMeanGoal(results: readonly Result[]): Goal {
  const goal = `geometric mean over the 26 shared programs ≤ ${GOALS.sharedMean}× lua5.4`;
  const rs = results.filter(isShared26);
  const ok = rs.filter(isOk);
  const mean = geomean(ok.map((r) => r.ratio!));
  const figure = `${mean === null ? 'n/a' : fmtX(mean)} over ${ok.length} of 26`;
  if (rs.some((r) => ran(r) && !isOk(r))) return { goal, figure: `${figure}; incorrect: ${rs.filter((r) => ran(r) && !isOk(r)).map((r) => r.bench.name).join(', ')}`, verdict: 'missed' };
  if (ok.length < 26 || mean === null) return { goal, figure: `${figure} (the others were not run)`, verdict: 'not measured' };
  return { goal, figure, verdict: mean <= GOALS.sharedMean ? 'met' : 'missed', blockers: [...BLOCKERS.sharedMean] };
}

/** The blockers of the programs above a goal's ratio. */
function programBlockers(names: readonly string[]): string[] {
  return names.map((n) => `${n}: ${PROGRAM_BLOCKERS[n] ?? 'not analysed yet.'}`);
}

/** The first items of a list, and how many more: a goal's figure stays one readable line. */
function listSome(items: readonly string[], max = 10): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

function maxRatioGoal(results: readonly Result[]): Goal {
  const goal = `no program above ${GOALS.maxRatio}× lua5.4, every output correct`;
  const rs = results.filter(ran);
  if (!rs.length) return { goal, figure: 'no program run', verdict: 'not measured' };
  const bad = rs.filter((r) => !isOk(r));
  const above = rs.filter((r) => isOk(r) && r.ratio! > GOALS.maxRatio).sort((a, b) => b.ratio! - a.ratio!);
  const worst = rs.filter(isOk).sort((a, b) => b.ratio! - a.ratio!)[0];
  const parts = [worst ? `highest ${fmtX(worst.ratio!)} (${worst.bench.name})` : 'no program ran correctly'];
  if (above.length) parts.push(`${above.length} above: ${listSome(above.map((r) => `${r.bench.name} ${fmtX(r.ratio!)}`))}`);
  if (bad.length) parts.push(`${bad.length} incorrect: ${listSome(bad.map((r) => `${r.bench.name} (${STATUS_TEXT[r.status]})`))}`);
  return { goal, figure: `${parts.join('; ')}; over ${rs.length} programs`, verdict: above.length || bad.length ? 'missed' : 'met', blockers: programBlockers(above.map((r) => r.bench.name)) };
}

function kernelGoal(results: readonly Result[]): Goal {
  const goal = `numeric kernels (${NUMERIC_KERNELS.map((k) => k.split('/')[1]).join(', ')}) within ${GOALS.vsLuajit}× of LuaJIT with its JIT`;
  const figures: string[] = [];
  let measured = 0, over = 0;
  for (const key of NUMERIC_KERNELS) {
    const r = results.find((x) => `${x.bench.group}/${x.bench.name}` === key);
    const name = key.split('/')[1]!;
    const jit = r?.peers.get('luajit');
    if (!r || !ran(r)) { figures.push(`${name}: not run`); continue; }
    if (!isOk(r) || r.reg === null) { figures.push(`${name}: Regolith ${STATUS_TEXT[r.status]}`); over++; measured++; continue; }
    if (!jit || jit.time === null || jit.status === 'error' || jit.status === 'timeout') { figures.push(`${name}: no LuaJIT time`); continue; }
    const x = r.reg / jit.time;
    measured++;
    if (x > GOALS.vsLuajit) over++;
    // LuaJIT prints some numbers differently (mandel's header): its time still counts.
    figures.push(`${name} ${fmtX(x)}${jit.status === 'differs' ? ' (LuaJIT output differs)' : ''}`);
  }
  const verdict: Verdict = over ? 'missed' : measured < NUMERIC_KERNELS.length ? 'not measured' : 'met';
  return { goal, figure: `Regolith time / luajit time: ${figures.join(', ')}`, verdict, blockers: [...BLOCKERS.kernels] };
}

function startupGoal(rows: readonly StartupRow[] | null): Goal {
  const goal = `\`bin/regolith -e "print(1)"\` ≤ ${GOALS.startup}× \`node -e 0\``;
  const x = rows ? startupRatio(rows) : null;
  if (x === null) return { goal, figure: rows ? 'a start-up command failed' : 'not run (--no-startup)', verdict: 'not measured' };
  return { goal, figure: `${fmtX(x)} (median of ${STARTUP_RUNS} runs each)`, verdict: x <= GOALS.startup ? 'met' : 'missed', blockers: [...BLOCKERS.startup] };
}

function microGoal(results: readonly Result[]): Goal {
  const goal = `every microbenchmark below ${GOALS.micro.toFixed(1)}× lua5.4`;
  const rs = results.filter((r) => r.bench.group === 'micro' && ran(r));
  if (!rs.length) return { goal, figure: 'no microbenchmark run', verdict: 'not measured' };
  const failing = rs.filter((r) => !isOk(r) || r.ratio! >= GOALS.micro);
  const worst = rs.filter(isOk).sort((a, b) => b.ratio! - a.ratio!)[0];
  const list = failing.map((r) => `${r.bench.name} ${isOk(r) ? fmtX(r.ratio!) : STATUS_TEXT[r.status]}`).join(', ');
  const figure = `${worst ? `highest ${fmtX(worst.ratio!)} (${worst.bench.name})` : 'none ran correctly'} over ${rs.length}${failing.length ? `; not below: ${list}` : ''}`;
  return { goal, figure, verdict: failing.length ? 'missed' : 'met', blockers: programBlockers(failing.filter(isOk).map((r) => r.bench.name)) };
}

function goals(results: readonly Result[], startup: readonly StartupRow[] | null): Goal[] {
  return [sharedMeanGoal(results), maxRatioGoal(results), kernelGoal(results), startupGoal(startup), microGoal(results)];
}

function goalsSection(results: readonly Result[], startup: readonly StartupRow[] | null, o: Options): string[] {
  const L: string[] = ['## Goals of issue 13', ''];
  L.push('Checked against this run\'s figures (whole process, as above).' + (o.quick || o.filter || o.only ? ' **Partial run**: the figures are not the full benchmark\'s.' : ''));
  L.push('');
  const all = goals(results, startup);
  for (const g of all) L.push(`- [${g.verdict === 'met' ? 'x' : ' '}] ${g.goal}: ${g.figure} — **${g.verdict}**`);
  L.push('');
  const missed = all.filter((g) => g.verdict === 'missed' && g.blockers?.length);
  if (missed.length) {
    L.push('What blocks the goals missed (measurements in docs/ARCHITECTURE.md, "Known costs and gaps"):');
    L.push('');
    for (const g of missed) {
      L.push(`- ${g.goal}:`);
      for (const b of g.blockers!) L.push(`  - ${b}`);
    }
    L.push('');
  }
  L.push(`The 26 shared programs are those \`../shared/README.md\` gives sizes for: small/ ${[...SHARED_26_SMALL].join(', ')}, and the 14 of awfy/.`);
  L.push('');
  return L;
}

function startupSection(rows: readonly StartupRow[], R: Runner): string[] {
  const L: string[] = ['## Start-up', ''];
  L.push(`Median wall time of ${STARTUP_RUNS} runs of each command, taking turns, from the repository root (not under GNU time)${R.timeBin ? `; peak memory: median of ${STARTUP_MEMORY_RUNS} more runs under it` : ''}.`);
  L.push('');
  L.push('| Command | Time (ms) | vs `node -e 0` | Peak memory (MiB) |');
  L.push('|---|--:|--:|--:|');
  const node = rows[0]?.times.length ? median(rows[0].times) : null;
  for (const r of rows) {
    const t = r.times.length ? median(r.times) : null;
    L.push(`| \`${r.label}\` | ${r.error ? `failed: ${cell(r.error, 100)}` : t === null ? '-' : fmtMs(t)} | ${t !== null && node ? fmtX(t / node) : '-'} | ${fmtMiB(r.rss)} |`);
  }
  L.push('');
  const g = startupGoal(rows);
  L.push(`Regolith / \`node -e 0\`: **${g.figure}**; the goal of issue 13 is at most ${GOALS.startup}×: **${g.verdict}**.`);
  L.push('');
  L.push('Every command runs with `NODE_EXTRA_CA_CERTS` empty. `bin/regolith` empties it itself (its first line; Lua code and child');
  L.push('processes still see the value): Node parses the certificates it names before it runs any JavaScript, and the');
  L.push('interpreter makes no TLS connection.' + (rows.some((r) => r.env) ? ' The last row shows what that costs `node -e 0` with the value this environment has.' : ''));
  L.push('');
  return L;
}

/** The mean of one implementation's ratios: Regolith (null) or a peer. */
interface ImplSummary {
  mean: number | null;
  used: number;
  total: number;
  /** Regolith's mean over the programs of `used` that it also ran correctly, and their number. */
  regSame: number | null;
  regSameUsed: number;
}

function implSummary(results: readonly Result[], peer: PeerId | null): ImplSummary {
  if (peer === null) {
    const ok = results.filter(isOk);
    return { mean: geomean(ok.map((r) => r.ratio!)), used: ok.length, total: results.filter(ran).length, regSame: null, regSameUsed: 0 };
  }
  const withPeer = results.filter((r) => r.peers.has(peer));
  const ok = withPeer.filter((r) => { const p = r.peers.get(peer)!; return p.status === 'ok' && p.ratio !== null && p.ratio > 0; });
  const both = ok.filter(isOk);
  return {
    mean: geomean(ok.map((r) => r.peers.get(peer)!.ratio!)), used: ok.length, total: withPeer.length,
    regSame: geomean(both.map((r) => r.ratio!)), regSameUsed: both.length,
  };
}

function implMeans(results: readonly Result[], R: Runner): string[] {
  const L: string[] = [];
  L.push('| Implementation | all programs | Regolith on the same programs | the 26 shared programs |');
  L.push('|---|--:|--:|--:|');
  const shared = results.filter(isShared26);
  const text = (s: { mean: number | null; used: number; total: number }) => (s.total ? `${s.mean === null ? 'n/a' : fmtX(s.mean)} (${s.used} of ${s.total})` : '-');
  L.push(`| Regolith | ${text(implSummary(results, null))} | | ${text(implSummary(shared, null))} |`);
  for (const id of PEER_IDS) {
    if (R.peerMissing.has(id)) { L.push(`| ${PEER_TITLE[id]} | not run: ${R.peerMissing.get(id)} | | |`); continue; }
    const all = implSummary(results, id);
    const same = all.regSame === null ? '-' : `${fmtX(all.regSame)}${all.regSameUsed < all.used ? ` (${all.regSameUsed} of them)` : ''}`;
    L.push(`| ${PEER_TITLE[id]} | ${text(all)} | ${same} | ${text(implSummary(shared, id))} |`);
  }
  L.push('');
  return L;
}

function peerCells(pr: PeerRun | undefined): [time: string, ratio: string] {
  if (!pr) return ['', ''];
  const time = pr.status === 'timeout' ? (pr.time === null ? 'timeout' : `>${fmtS(pr.time)}`) : fmtS(pr.time);
  if (pr.ratio === null) return [time, pr.status === 'error' ? 'n/a' : '-'];
  const v = pr.ratio >= 10 ? pr.ratio.toFixed(1) : pr.ratio.toFixed(2);
  return [time, pr.status === 'ok' ? v : `(${v})`];
}

/** The notes of a program's peers; luajit's and luajit -joff's merged when they say the same. */
function peerNotes(r: Result): string {
  const notes: string[] = [];
  const jit = r.peers.get('luajit')?.note, joff = r.peers.get('luajit-joff')?.note;
  if (jit && jit === joff) notes.push(`luajit, luajit -joff: ${jit}`);
  else {
    if (jit) notes.push(`luajit: ${jit}`);
    if (joff) notes.push(`luajit -joff: ${joff}`);
  }
  const w = r.peers.get('wasmoon')?.note;
  if (w) notes.push(`wasmoon: ${w}`);
  return notes.join('; ');
}

function peersSection(results: readonly Result[], R: Runner): string[] {
  const L: string[] = ['## Peers: LuaJIT and wasmoon', ''];
  L.push('The same programs under `luajit` (LuaJIT with its JIT), `luajit -joff` (its interpreter) and wasmoon (C Lua 5.4');
  L.push('compiled to WebAssembly, run in Node.js by `scripts/wasmoon-run.ts`), in the same runs, taking turns with lua5.4 and');
  L.push('Regolith. Ratio = its time / lua5.4\'s (Regolith\'s ratio repeated for comparison). wasmoon\'s time includes');
  L.push('Node.js\'s start-up and loading and initialising its WebAssembly module, as Regolith\'s includes Node.js\'s.');
  L.push('LuaJIT is Lua 5.1: it cannot run programs that use 5.3+ syntax or libraries, and prints some numbers differently');
  L.push('(integral floats, integer overflow); such programs are marked and kept out of its mean, with their times in');
  L.push('parentheses when it ran. Outputs are compared as for Regolith, without further normalising.');
  L.push('');
  const missing = [...R.peerMissing].map(([id, why]) => `${PEER_TITLE[id]}: ${why}`);
  if (missing.length) { L.push(`Not run: ${missing.join('; ')}.`); L.push(''); }
  const ids = PEER_IDS.filter((id) => !R.peerMissing.has(id));
  L.push(`| Program | lua5.4 (s) | Regolith |${ids.map((id) => ` ${PEER_TITLE[id]} (s) | ratio |`).join('')}${R.timeBin ? `${ids.map((id) => ` ${PEER_TITLE[id]} MiB |`).join('')}` : ''} Notes |`);
  L.push(`|---|--:|--:|${ids.map(() => '--:|--:|').join('')}${R.timeBin ? ids.map(() => '--:|').join('') : ''}---|`);
  for (const r of results) {
    if (!r.peers.size) continue;
    const cols = ids.map((id) => { const [t, x] = peerCells(r.peers.get(id)); return ` ${t} | ${x} |`; }).join('');
    const mem = R.timeBin ? ids.map((id) => ` ${fmtMiB(r.peers.get(id)?.rss ?? [])} |`).join('') : '';
    L.push(`| ${r.bench.group}/${r.bench.name} | ${fmtS(r.lua)} | ${fmtRatio(r)} |${cols}${mem} ${cell(peerNotes(r), 300)} |`);
  }
  L.push('');
  return L;
}

// ---------------------------------------------------------------------------
// Reporting

const STATUS_TEXT: Record<Status, string> = { ok: 'ok', FAIL: 'FAIL', ERROR: 'ERROR', TIMEOUT: 'TIMEOUT', SKIP: 'skipped' };

/** The peers of one program, under its progress line: time, ratio and status. */
function peerProgressLine(r: Result): string {
  const parts = [...r.peers].map(([id, p]) => {
    const [t, x] = peerCells(p);
    return `${PEER_TITLE[id]} ${t} s ${x}${p.status === 'ok' ? '' : ` ${p.status}`}`;
  });
  const mem = r.luaRss.length || r.regRss.length ? ` | MiB lua5.4 ${fmtMiB(r.luaRss)} Regolith ${fmtMiB(r.regRss)}` : '';
  return `${''.padEnd(24)} ${parts.join(' | ')}${mem}`;
}

function progressLine(r: Pair, label: string): string {
  const name = label.padEnd(24);
  const t = `${fmtS(r.lua).padStart(7)} ${(r.status === 'TIMEOUT' ? '>' : '') + fmtS(r.reg)}`.padEnd(18);
  const note = r.status === 'ok' ? '' : `  ${r.notes[0] ?? ''}`;
  return `${name} ${t} ${fmtRatio(r).padStart(8)}  ${STATUS_TEXT[r.status].padEnd(7)}${note.length > 150 ? note.slice(0, 149) + '…' : note}`;
}

interface Summary { label: string; mean: number | null; used: number; total: number }

function summarize(label: string, rs: readonly Pair[]): Summary {
  const ok = rs.filter((r) => r.status === 'ok' && r.ratio !== null && r.ratio > 0);
  return { label, mean: geomean(ok.map((r) => r.ratio!)), used: ok.length, total: rs.filter((r) => r.status !== 'SKIP').length };
}

/** The dialect column `d` of every program that has one. */
function dialectPairs(results: Result[], d: Dialect): Pair[] {
  return results.flatMap((r) => { const p = r.dialects.get(d); return p ? [p] : []; });
}

function summaries(results: Result[]): Summary[] {
  const make = (label: string, rs: Result[]): Summary => {
    const ok = rs.filter((r) => r.status === 'ok' && r.ratio !== null && r.ratio > 0);
    return { label, mean: geomean(ok.map((r) => r.ratio!)), used: ok.length, total: rs.filter((r) => r.status !== 'SKIP').length };
  };
  const micro = results.filter((r) => r.bench.group === 'micro');
  const small = results.filter((r) => r.bench.group === 'small');
  const awfy = results.filter((r) => r.bench.group === 'awfy');
  return [
    make('microbenchmarks', micro),
    make('shared bench programs (small + awfy)', [...small, ...awfy]),
    make('  of which small/', small),
    make('  of which awfy/', awfy),
    make('overall', results),
  ];
}

/** Geometric mean of (Regolith with limits) / (Regolith) over the programs where both ran correctly. */
function limitsCost(rs: Result[]): { mean: number | null; used: number } {
  const ok = rs.filter((r) => r.status === 'ok' && r.limCost !== null);
  return { mean: geomean(ok.map((r) => r.limCost!)), used: ok.length };
}

function summaryText(s: Summary): string {
  if (!s.total) return 'no programs run';
  const m = s.mean === null ? 'n/a (no program ran correctly)' : `${s.mean.toFixed(2)}×`;
  return `${m} over ${s.used} of ${s.total} programs`;
}

function luaVersion(lua: string): string {
  const r = spawnSync(lua, ['-v'], { encoding: 'utf8' });
  // "Lua 5.4.4  Copyright (C) ...", "LuaJIT 2.1.0-beta3 -- Copyright (C) ...": the name and version only.
  return (r.stdout || r.stderr).split(/\s{2,}| -- |\n/)[0]!.trim() || 'unknown';
}

function machine(): string {
  const c = cpus();
  const model = c[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  return `${availableParallelism()} cores (${model}), ${platform()} ${release()} ${arch()}`;
}

/** The "Dialects" section: one table, every program, a group of columns per dialect. */
function dialectSection(results: Result[], dialects: readonly Dialect[]): string[] {
  const L: string[] = ['## Dialects', ''];
  L.push('Regolith with `--lua=X` against the reference luaX, on the same programs and arguments. Ratios as above.');
  L.push('');
  L.push(`| Program |${dialects.map((d) => ` lua${d} (s) | --lua=${d} (s) | Ratio | Output |`).join('')} Notes |`);
  L.push(`|---|${dialects.map(() => '--:|--:|--:|---|').join('')}---|`);
  for (const r of results) {
    if (!r.dialects.size) continue;
    const notes: string[] = [];
    const cols = dialects.map((d) => {
      const p = r.dialects.get(d);
      if (!p) return ' | | | |';
      if (p.notes.length) notes.push(`${d}: ${p.notes.join('; ')}`);
      const status = p.status === 'ok' ? 'ok' : p.status === 'SKIP' ? 'skipped' : `**${STATUS_TEXT[p.status]}**`;
      return ` ${fmtS(p.lua)} | ${(p.status === 'TIMEOUT' ? '>' : '') + fmtS(p.reg)} | ${fmtRatio(p)} | ${status} |`;
    });
    L.push(`| ${r.bench.group}/${r.bench.name} |${cols.join('')} ${cell(notes.join('; '), 300)} |`);
  }
  L.push('');
  return L;
}

function markdown(results: Result[], startup: StartupRow[] | null, o: Options, R: Runner, started: Date, elapsedMs: number): string {
  const cmd = `npm run bench${o.argv.length ? ' -- ' + o.argv.join(' ') : ''}`;
  const date = started.toISOString().replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC');
  const runs = o.runs ?? (o.quick ? 1 : DEFAULT_RUNS);
  const L: string[] = [];
  L.push('# Benchmarks: Regolith vs lua5.4');
  L.push('');
  L.push('<!-- GENERATED FILE: do not edit by hand. Regenerate with `npm run bench` (scripts/bench.ts). -->');
  L.push('');
  L.push(`Generated by \`${cmd}\` on ${date} (took ${elapsedMs >= 60_000 ? `${(elapsedMs / 60000).toFixed(1)} min` : `${(elapsedMs / 1000).toFixed(0)} s`}).`);
  L.push('');
  const how = `${o.nodeOptions.length ? `node ${o.nodeOptions.join(' ')} ` : ''}bin/regolith FILE ARGS`;
  L.push(`- Regolith: \`${how}\`, Node.js ${process.version}; ${R.engine}${o.snapshot ? ' (dist/ snapshot taken at start)' : ''}`);
  L.push(`- Reference: \`${R.lua}\` (${luaVersion(R.lua)})`);
  if (o.peers) {
    const peers = PEER_IDS.map((id) => (R.peerMissing.has(id) ? `${PEER_TITLE[id]}: ${R.peerMissing.get(id)}` : id === 'wasmoon' ? `wasmoon ${wasmoonVersion()} (\`node dist/scripts/wasmoon-run.js FILE ARGS\`)` : `\`${R.luajit} ${id === 'luajit-joff' ? '-joff ' : ''}FILE ARGS\``));
    if (R.luajit) peers.push(`LuaJIT: ${luaVersion(R.luajit)}`);
    L.push(`- Peers (see [Peers](#peers-luajit-and-wasmoon)): ${peers.join('; ')}`);
  }
  L.push('- Environment: every process runs with `NODE_EXTRA_CA_CERTS` empty, as `bin/regolith` runs itself (see [Start-up](#start-up))');
  L.push(`- Peak memory: ${R.timeBin ? `maximum resident set size of each process (\`${R.timeBin} -f %M\`), median over the runs, in MiB` : '**not measured**: GNU time (/usr/bin/time, Debian package `time`) is not installed'}`);
  if (o.dialects.length) {
    const cols = o.dialects.map((d) => (R.refs.has(d) ? `\`bin/regolith --lua=${d}\` vs \`${R.refs.get(d)}\` (${luaVersion(R.refs.get(d)!)})` : `--lua=${d}: lua${d} not installed`));
    L.push(`- Dialects (see [Dialects](#dialects)): ${cols.join('; ')}`);
  }
  const la = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' ');
  L.push(`- Machine: ${machine()}; load average ${la(R.loadBefore)} at start, ${la(loadavg())} at the end`);
  L.push(`- ${runs} run${runs === 1 ? '' : 's'} per program and side${o.quick ? ', quick mode (smaller sizes)' : ''}${o.filter ? `, filter \`${o.filter.source}\`` : ''}; time limit ${fmtS(o.timeoutMs)} s per process`);
  L.push('');
  L.push(...goalsSection(results, startup, o));
  L.push('## Geometric mean of Regolith time / lua5.4 time');
  L.push('');
  L.push('Over the programs whose output matched lua5.4\'s (lower is better; 1.00× = as fast as lua5.4):');
  L.push('');
  for (const s of summaries(results)) L.push(`${s.label.startsWith('  ') ? '  - ' : '- '}${s.label.trim()}: **${summaryText(s)}**`);
  const mem = memoryRatio(results);
  if (mem) L.push(`- peak memory, Regolith / lua5.4: **${fmtX(mem.mean)}** (geometric mean over ${mem.used} programs)`);
  L.push('');
  if (o.peers) {
    L.push('The peers, over the programs each ran with output matching lua5.4\'s (in parentheses: that number of the programs it ran):');
    L.push('');
    L.push(...implMeans(results, R));
  }
  if (o.dialects.length) {
    L.push('In the other dialects, over the programs that the older reference runs and whose output matched its own:');
    L.push('');
    for (const d of o.dialects) L.push(`- Regolith \`--lua=${d}\` / lua${d}: **${summaryText(summarize('', dialectPairs(results, d)))}**`);
    L.push('');
  }
  if (o.limits) {
    const c = limitsCost(results);
    const withLimits = geomean(results.filter((r) => r.status === 'ok' && r.lim !== null && r.lua).map((r) => r.lim! / r.lua!));
    L.push('## Cost of limits');
    L.push('');
    L.push('Each program also runs with generous limits on the whole run (every kind: instructions, time, memory,');
    L.push('call depth, string size, an AbortSignal and an interrupt callback; `scripts/bench-limited.ts`), alternating');
    L.push('with the runs without. Without limits, Regolith compiles no checks.');
    L.push('');
    L.push(`- with limits / without, geometric mean: **${c.mean === null ? 'n/a' : `${c.mean.toFixed(3)}×`}** over ${c.used} programs`);
    L.push(`- with limits / lua5.4, geometric mean: **${withLimits === null ? 'n/a' : `${withLimits.toFixed(2)}×`}**`);
    L.push('');
  }
  for (const g of ['micro', 'small', 'awfy'] as Group[]) {
    const rs = results.filter((r) => r.bench.group === g);
    if (!rs.length) continue;
    L.push(`## ${GROUP_TITLE[g]}`);
    L.push('');
    const lim = o.limits;
    L.push(`| Program | Arguments | lua5.4 (s) | Regolith (s) | Ratio | Output | lua5.4 MiB | Regolith MiB |${lim ? ' with limits (s) | limits cost |' : ''} Notes |`);
    L.push(`|---|---|--:|--:|--:|---|--:|--:|${lim ? '--:|--:|' : ''}---|`);
    for (const r of rs) {
      const status = r.status === 'ok' ? 'ok' : `**${STATUS_TEXT[r.status]}**`;
      const reg = (r.status === 'TIMEOUT' ? '>' : '') + fmtS(r.reg);
      const stdinNote = r.bench.stdin ? ' < input' : '';
      const limCols = lim ? ` ${fmtS(r.lim)} | ${r.limCost === null ? '-' : `${r.limCost.toFixed(2)}×`} |` : '';
      L.push(`| ${r.bench.name} | \`${cell(r.args.join(' '), 60)}${stdinNote}\` | ${fmtS(r.lua)} | ${reg} | ${fmtRatio(r)} | ${status} | ${fmtMiB(r.luaRss)} | ${fmtMiB(r.regRss)} |${limCols} ${cell(r.notes.join('; '), 300)} |`);
    }
    L.push('');
  }
  if (o.peers) L.push(...peersSection(results, R));
  if (startup) L.push(...startupSection(startup, R));
  if (o.dialects.length) L.push(...dialectSection(results, o.dialects));
  L.push('## Legend');
  L.push('');
  L.push('- **Times** are the median wall time of the runs, in seconds, process start-up included (Node.js start-up and');
  L.push('  compiling the Lua program for Regolith). The interpreters take turns on the same program.');
  L.push('- **Ratio** = Regolith time / lua5.4 time (for scimark: lua5.4 score / Regolith score). Below 1 Regolith is faster.');
  L.push('  A ratio in parentheses belongs to a program that did not run correctly: it is not in the geometric means.');
  L.push('- **Output**: `ok` when Regolith\'s stdout equals lua5.4\'s (awfy, qt and scimark: after masking the');
  L.push('  timings, memory figures and scores they print); **FAIL** when it differs; **ERROR** when Regolith exits with an error; **TIMEOUT** when it');
  L.push('  exceeds the time limit; *skipped* when lua5.4 itself cannot run the program or its input is missing.');
  L.push('  A failing program is not repeated.');
  L.push('- **MiB**: peak memory, the maximum resident set size of the process as GNU time reports it (`%M`), median over');
  L.push('  the runs. Every program run is under `/usr/bin/time -o FILE`, which adds its own fork and exec (about a millisecond,');
  L.push('  more on a loaded machine) to every side alike; the timed start-up runs are not.');
  L.push('- **Peers**: luajit, luajit -joff and wasmoon, timed like lua5.4 (see [Peers](#peers-luajit-and-wasmoon)).');
  L.push('- **Dialects**: the same, with `bin/regolith --lua=X` against luaX (its output is the one to match); a program');
  L.push('  that luaX cannot run (newer syntax or libraries; no C modules) is skipped in that column.');
  L.push('- Sizes are those of `../shared/README.md` (lua5.4 takes about 0.3-1.5 s); the microbenchmarks are');
  L.push('  `scripts/bench/*.lua`, sized likewise. The machine may be shared, so expect a few percent of noise.');
  return L.join('\n') + '\n';
}

// ---------------------------------------------------------------------------

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  let benches = allBenches();
  if (o.filter) benches = benches.filter((b) => o.filter!.test(`${b.group}/${b.name}`));
  if (o.only) {
    const unknown = [...o.only].filter((n) => !benches.some((b) => b.name === n || `${b.group}/${b.name}` === n));
    if (unknown.length) usage(`--only: no program named ${unknown.join(', ')} (see --list)`);
    benches = benches.filter((b) => o.only!.has(b.name) || o.only!.has(`${b.group}/${b.name}`));
  }
  if (o.list) {
    for (const b of benches) console.log(`${`${b.group}/${b.name}`.padEnd(24)} ${(b.args).join(' ')}${b.stdin ? ' < input' : ''}${b.missing ? `   (${b.missing})` : ''}`);
    return;
  }
  if (!benches.length) usage('no program matches the filter');

  const lua = referenceBinary('lua', '5.4');
  if (!lua) { console.error('error: lua5.4 is not installed (apt-get install lua5.4); the benchmark compares against it.'); process.exit(2); }
  if (!existsSync(join(repoRoot, 'dist', 'src', 'cli', 'regolith.js'))) {
    console.error('error: dist/src/cli/regolith.js is missing: build first (`npx tsc -p .`, or use `npm run bench`).');
    process.exit(2);
  }
  const engine = engineVersion();
  const regolith = o.snapshot ? snapshotRegolith() : join(repoRoot, 'bin', 'regolith');
  if (!sharedDir) {
    console.error('warning: ../shared (the shared bench programs) was not found next to the repository root;\n' +
      '         only the microbenchmarks can run; the shared programs are listed as skipped.');
  }
  const refs = new Map<Dialect, string>();
  for (const d of o.dialects) {
    const ref = referenceBinary('lua', d);
    if (ref) refs.set(d, ref);
    else console.error(`warning: lua${d} is not installed: its column stays empty (--no-dialects to leave it out).`);
  }
  // No C modules for the references either: Regolith cannot load any, and
  // lua5.1 would find LuaBitOp (`require 'bit'`, used by awfy and scimark
  // under 5.1) in Debian's /usr/lib/x86_64-linux-gnu/lua/5.1.
  // Every process runs without NODE_EXTRA_CA_CERTS, as bin/regolith runs
  // itself (see its first line): Node would parse the certificates before
  // anything else, which is no work of the engine's (36 ms for the system
  // bundle, twice Node's own start-up), and the other Node processes
  // (wasmoon, the runs with limits, `node -e 0`) are then compared like with
  // like. The start-up section shows `node -e 0` with it too.
  const env = { ...suiteEnv(), LUA_CPATH: '', LUA_CPATH_5_3: '', LUA_CPATH_5_4: '', NODE_EXTRA_CA_CERTS: '' };
  const timeBin = findGnuTime();
  if (!timeBin) console.error('warning: GNU time (/usr/bin/time, Debian package `time`) is not installed: peak memory is not measured.');
  const luajit = onPath('luajit');
  const base = { regolith, node: process.execPath, luajit };
  const { peers, missing: peerMissing } = o.peers ? findPeers(base) : { peers: [], missing: new Map<PeerId, string>() };
  for (const why of new Set(peerMissing.values())) console.error(`warning: ${why}: its peer column stays empty (--no-peers to leave the peers out).`);
  const scratch = mkdtempSync(join(tmpdir(), 'regolith-bench-rss-'));
  process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
  const R: Runner = {
    engine, loadBefore: loadavg(), lua, refs, ...base, env, inputs: new Map(), opts: o,
    timeBin, rssFile: join(scratch, 'rss.txt'), peers, peerMissing,
  };

  // A quick sanity check, so that a broken build is obvious at once.
  const hello = join(repoRoot, 'examples', 'hello.lua');
  if (existsSync(hello)) {
    const p = await runProcess(...regolithArgv(R, [relative(repoRoot, hello)]), { cwd: repoRoot, env: R.env, timeoutMs: 30_000 });
    if (p.status !== 0 || p.timedOut) console.log(`warning: Regolith cannot run examples/hello.lua (${p.timedOut ? 'timeout' : errorLine(p)}); expect every program to fail.`);
  }

  const started = new Date();
  const t0 = Date.now();
  let startup: StartupRow[] | null = null;
  if (o.startup) {
    startup = await measureStartup(R);
    console.log(`start-up, median of ${STARTUP_RUNS} runs: ${startup.map((r) => `${r.label} ${r.error ? `failed (${r.error})` : `${fmtMs(median(r.times))} ms`}`).join(', ')}`);
    const g = startupGoal(startup);
    console.log(`  Regolith / node -e 0: ${g.figure} (goal ≤ ${GOALS.startup}×: ${g.verdict})`);
  }
  await generateInputs(R, benches);
  const runs = o.runs ?? (o.quick ? 1 : DEFAULT_RUNS);
  console.log(`engine: ${engine}${o.snapshot ? ` (snapshot of dist/ in ${join(regolith, '..', '..')})` : ''}`);
  console.log(`Regolith vs ${lua} — ${benches.length} programs, ${runs} run(s) each side${o.quick ? ', quick mode' : ''}; times in s (median wall time)`);
  if (refs.size) console.log(`dialect columns: ${[...refs].map(([d, ref]) => `--lua=${d} vs ${ref}`).join(', ')} (the lines below each program)`);
  console.log(`${'program'.padEnd(24)} ${'lua5.4'.padStart(7)} ${'Regolith'.padEnd(10)} ${'ratio'.padStart(8)}  status`);
  const results: Result[] = [];
  for (const b of benches) {
    const r = await runBench(b, R);
    results.push(r);
    console.log(progressLine(r, `${b.group}/${b.name}`));
    if (r.peers.size) console.log(peerProgressLine(r));
    for (const [d, p] of r.dialects) console.log(progressLine(p, `  --lua=${d}`));
  }
  const elapsed = Date.now() - t0;

  console.log('');
  console.log('Geometric mean of Regolith/lua5.4 time ratios (programs with correct output only):');
  for (const s of summaries(results)) console.log(`  ${s.label.padEnd(40)} ${summaryText(s)}`);
  for (const d of o.dialects) console.log(`  ${`Regolith --lua=${d} / lua${d}`.padEnd(40)} ${summaryText(summarize('', dialectPairs(results, d)))}`);
  if (o.peers) {
    for (const id of PEER_IDS) {
      if (peerMissing.has(id)) continue;
      const m = implSummary(results, id);
      console.log(`  ${`${PEER_TITLE[id]} / lua5.4`.padEnd(40)} ${summaryText({ label: '', ...m })}`);
    }
  }
  const mem = memoryRatio(results);
  if (mem) console.log(`  ${'peak memory, Regolith / lua5.4'.padEnd(40)} ${fmtX(mem.mean)} over ${mem.used} programs`);
  console.log('\nGoals of issue 13:');
  for (const g of goals(results, startup)) console.log(`  [${g.verdict === 'met' ? 'x' : ' '}] ${g.goal}: ${g.figure} — ${g.verdict}`);
  const bad = results.filter((r) => r.status !== 'ok' && r.status !== 'SKIP');
  if (bad.length) console.log(`\n${bad.length} program(s) did not run correctly under Regolith: ${bad.map((r) => `${r.bench.name} (${r.status})`).join(', ')}`);
  for (const d of o.dialects) {
    const badD = results.filter((r) => { const p = r.dialects.get(d); return p && p.status !== 'ok' && p.status !== 'SKIP'; });
    if (badD.length) console.log(`${badD.length} program(s) did not run correctly under Regolith --lua=${d}: ${badD.map((r) => `${r.bench.name} (${r.dialects.get(d)!.status})`).join(', ')}`);
  }
  const skipped = results.filter((r) => r.status === 'SKIP');
  if (skipped.length) console.log(`${skipped.length} skipped: ${skipped.map((r) => `${r.bench.name} (${r.notes[0] ?? ''})`).join('; ')}`);

  // A docs/benchmarks.md without the dialect columns would drop them: also a partial run.
  const partial = o.quick || o.filter !== null || o.only !== null || o.dialects.length < DIALECT_COLUMNS.length || !o.peers || !o.startup;
  const write = o.write ?? !partial;
  const out = o.out ?? join(repoRoot, 'docs', 'benchmarks.md');
  if (write) {
    writeFileSync(out, markdown(results, startup, o, R, started, elapsed));
    console.log(`\nwrote ${relative(process.cwd(), out) || out}`);
  } else {
    console.log(`\n${relative(process.cwd(), out)} not written (${o.write === false ? '--no-write' : 'partial run: --quick/--filter/--only/--no-dialects/--no-peers/--no-startup'}; pass --write to write it)`);
  }
}

main().catch((e: unknown) => {
  console.error('bench: internal error:', e instanceof Error ? e.stack ?? e.message : e);
  process.exit(2);
});
