// What coroutines, hooks and limits cost code that uses none of them
// (issue 13): each program runs in a fresh process compiled as usual and
// compiled "plain", without the resumable variants (generator twins) that
// coroutines, debug hooks and the heap stack run, i.e. the code as it would
// be if those features did not exist. Hooks and limits need no such
// experiment: their checks are compiled only into code that runs under them
// (instrumented twins, limit-checking compilations), so the usual code has
// none (the "Cost of limits" section of docs/benchmarks.md measures them on).
// The two ways alternate, the run's own time is measured in the process
// (start-up excluded), the median of the runs is kept, and the outputs
// must be equal. Writes docs/benchmarks-plain.md.
//
//   npm run bench:plain                 full run (5 runs each way)
//   npm run bench:plain -- --runs 3     other run count
//   npm run bench:plain -- --no-write   print only
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { repoRoot, sharedDir } from '../test/support/reference.js';

interface Program {
  name: string;
  cwd: string;
  args: string[];
}

const argv = process.argv.slice(2);
const runsAt = argv.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(argv[runsAt + 1]) : 5;
const WRITE = !argv.includes('--no-write');
const RUNNER = join(repoRoot, 'dist', 'scripts', 'bench-plain-run.js');

function programs(): Program[] {
  const micro = join(repoRoot, 'scripts', 'bench');
  const list: Program[] = ['fib', 'intloop', 'array', 'hash', 'strbuild', 'closures', 'methods']
    .map((name) => ({ name: `micro/${name}`, cwd: micro, args: [`${name}.lua`] }));
  if (sharedDir === null) {
    process.stderr.write('bench-plain: ../shared not found: the shared programs are left out\n');
    return list;
  }
  const small = join(sharedDir, 'bench-programs', 'small');
  for (const [file, ...args] of [['binary-trees.lua', '14'], ['fannkuch-redux.lua', '10'], ['n-body.lua', '500000'], ['spectral-norm.lua', '700'], ['queen.lua', '11'], ['heapsort.lua', '10', '100000'], ['sieve.lua', '3000']] as const) {
    list.push({ name: `small/${file.slice(0, -4)}`, cwd: small, args: [file, ...args] });
  }
  const awfy = join(sharedDir, 'bench-programs', 'awfy');
  for (const [name, size] of [['Richards', '20'], ['DeltaBlue', '12000'], ['Bounce', '1500'], ['List', '1500'], ['Json', '100'], ['NBody', '250000']] as const) {
    list.push({ name: `awfy/${name}`, cwd: awfy, args: ['harness.lua', name, '1', size] });
  }
  return list;
}

/** The harness prints its own timings: masked before outputs are compared. */
function normalize(out: string): string {
  return out.replace(/\d+us/g, 'Nus');
}

function runOnce(p: Program, mode: 'default' | 'plain'): { ms: number; out: string } | { error: string } {
  const r = spawnSync(process.execPath, ['--stack-size=3800', RUNNER, mode, ...p.args], { cwd: p.cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const m = /time-ms ([\d.]+)/.exec(r.stderr);
  if (r.status !== 0 || m === null) return { error: (r.stderr.trim().split('\n')[0] ?? '') || `exit status ${r.status}` };
  return { ms: Number(m[1]), out: normalize(r.stdout) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

interface Row { name: string; usual: number; plain: number; note: string }

function measure(p: Program): Row {
  const times = { default: [] as number[], plain: [] as number[] };
  let reference: string | null = null;
  for (let i = 0; i < RUNS; i++) {
    // Alternate which way goes first, so drifting load hits both alike.
    const order: ('default' | 'plain')[] = i % 2 === 0 ? ['default', 'plain'] : ['plain', 'default'];
    for (const mode of order) {
      const r = runOnce(p, mode);
      if ('error' in r) return { name: p.name, usual: NaN, plain: NaN, note: `${mode}: ${r.error}` };
      if (reference === null) reference = r.out;
      else if (r.out !== reference) return { name: p.name, usual: NaN, plain: NaN, note: `${mode}: output differs` };
      times[mode].push(r.ms);
    }
  }
  return { name: p.name, usual: median(times.default), plain: median(times.plain), note: '' };
}

function main(): void {
  const started = Date.now();
  const rows: Row[] = [];
  for (const p of programs()) {
    const row = measure(p);
    rows.push(row);
    process.stdout.write(`${row.name.padEnd(22)} usual ${row.usual.toFixed(1).padStart(8)} ms  plain ${row.plain.toFixed(1).padStart(8)} ms  ${(row.usual / row.plain).toFixed(3)}× ${row.note}\n`);
  }
  const ok = rows.filter((r) => r.note === '');
  const geo = Math.exp(ok.reduce((s, r) => s + Math.log(r.usual / r.plain), 0) / ok.length);
  const worst = ok.reduce((w, r) => (r.usual / r.plain > w.usual / w.plain ? r : w), ok[0]!);
  process.stdout.write(`geometric mean usual/plain: ${geo.toFixed(3)}× over ${ok.length} programs\n`);
  if (!WRITE) return;
  const head = spawnSync('git', ['log', '-1', '--format=%h %s'], { cwd: repoRoot, encoding: 'utf8' }).stdout.trim();
  const lines = [
    '# Benchmark: the cost of coroutine support to code that uses none',
    '',
    '<!-- GENERATED FILE: do not edit by hand. Regenerate with `npm run bench:plain` (scripts/bench-plain.ts). -->',
    '',
    `Generated on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (took ${((Date.now() - started) / 60000).toFixed(1)} min); Node.js ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; commit ${head.slice(0, 60)}.`,
    '',
    'Each program runs in a fresh process, compiled the usual way and compiled *plain*: without the',
    'resumable variants (generator twins) that coroutines, debug hooks and the heap stack need, that',
    'is, as the code would be if those features did not exist. Hooks and limits compile their checks',
    'only into code that runs under them (instrumented twins, limit-checking compilations), so the',
    'usual code holds none; their cost when on is in docs/benchmarks.md, "Cost of limits".',
    `Times are the run's own (start-up excluded), median of ${RUNS} runs per way, the ways alternating; outputs must be equal.`,
    '',
    `**Usual / plain, geometric mean: ${geo.toFixed(3)}×** over ${ok.length} programs (1.000× = no cost; worst: ${worst.name} ${(worst.usual / worst.plain).toFixed(3)}×).`,
    '',
    '| Program | usual (ms) | plain (ms) | usual / plain | Notes |',
    '|---|--:|--:|--:|---|',
    ...rows.map((r) => `| ${r.name} | ${r.usual.toFixed(1)} | ${r.plain.toFixed(1)} | ${Number.isNaN(r.usual) ? 'n/a' : (r.usual / r.plain).toFixed(3)} | ${r.note} |`),
    '',
  ];
  writeFileSync(join(repoRoot, 'docs', 'benchmarks-plain.md'), lines.join('\n'));
  process.stdout.write('wrote docs/benchmarks-plain.md\n');
}

main();
