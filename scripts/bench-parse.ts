// Parse-speed benchmark: Regolith's parse() over every file of the official
// test suites (each in its own dialect), next to `luacX -p` on the same files
// in the same run.
//
//   npm run bench:parse                 (-- --reps=N, default 10)
//
// Regolith is timed in-process (the first, cold pass separately; then the
// median and best of the warm passes). luacX -p is run once per repetition
// on all the files of a dialect in one invocation; its wall time includes
// process start-up, which is shown separately (`luac5.4 -p` of an empty file).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dialect } from '../src/syntax/ast.js';
import { parse, LuaSyntaxError } from '../src/syntax/index.js';
import { skipPrefix } from '../src/cli/args.js';
import { referenceBinary } from '../test/support/reference.js';
import { ALL_DIALECTS, requireShared, suiteDir, suiteFiles } from './lib/suite.js';

interface Suite { dialect: Dialect; dir: string; files: string[]; sources: string[]; bytes: number }

function now(): number { return Number(process.hrtime.bigint()) / 1e6; }

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function parseAll(s: Suite): { ms: number; errors: string[] } {
  const errors: string[] = [];
  const t0 = now();
  for (let i = 0; i < s.sources.length; i++) {
    try {
      parse(s.sources[i]!, { chunkName: `@${s.files[i]}`, dialect: s.dialect });
    } catch (e) {
      errors.push(e instanceof LuaSyntaxError ? e.message : `${s.files[i]}: internal error: ${String(e)}`);
    }
  }
  return { ms: now() - t0, errors };
}

function timeLuac(luac: string, args: string[], cwd: string, reps: number): { times: number[]; error: string | null } {
  const times: number[] = [];
  let error: string | null = null;
  for (let r = 0; r < reps; r++) {
    const t0 = now();
    const p = spawnSync(luac, ['-p', ...args], { cwd, encoding: 'latin1' });
    times.push(now() - t0);
    if (p.signal === 'SIGABRT' && args.length > 1 && /double free/.test(p.stderr)) {
      // luac 5.4.4 (Debian) aborts in combine() *after* loading every file
      // when given several files; the parse work is complete by then.
      error = `aborted with "double free" after loading all ${args.length} files (a luac 5.4.4 bug with several files; timing kept)`;
    } else if (p.status !== 0) {
      error = (p.stderr || `exit status ${p.status}`).trim().split('\n')[0]!;
    }
  }
  return { times, error };
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)).padStart(7);
const mbs = (bytes: number, ms: number) => (ms > 0 ? (bytes / 1e6 / (ms / 1000)).toFixed(1) : '-').padStart(7);

function main(): void {
  let reps = 10;
  for (const a of process.argv.slice(2)) {
    if (a.startsWith('--reps=') && Number(a.slice(7)) >= 1) reps = Math.floor(Number(a.slice(7)));
    else { console.error('usage: npm run bench:parse -- [--reps=N]'); process.exit(2); }
  }
  requireShared();
  const suites: Suite[] = [];
  for (const dialect of ALL_DIALECTS) {
    const dir = suiteDir(dialect);
    if (!dir) { console.error(`warning: ../shared/lua-tests/${dialect} not found; skipped`); continue; }
    const files = suiteFiles(dialect);
    const sources = files.map((f) => skipPrefix(readFileSync(join(dir, f), 'latin1'), dialect).source);
    suites.push({ dialect, dir, files, sources, bytes: sources.reduce((n, s) => n + s.length, 0) });
  }

  // Regolith: one cold pass over everything, then `reps` warm passes.
  const cold = new Map<Dialect, number>();
  const warm = new Map<Dialect, number[]>(suites.map((s) => [s.dialect, []]));
  const errors = new Map<Dialect, string[]>();
  for (const s of suites) {
    const r = parseAll(s);
    cold.set(s.dialect, r.ms);
    errors.set(s.dialect, r.errors);
  }
  // Reference: start-up cost (an empty file), then all files of a dialect
  // in one luac run. Interleaved with Regolith's warm passes so that both
  // see the same machine load.
  const tmp = mkdtempSync(join(tmpdir(), 'bench-parse-'));
  writeFileSync(join(tmp, 'empty.lua'), '');
  const luacTimes = new Map<Dialect, { times: number[]; error: string | null; startup: number[] } | null>();
  for (const s of suites) {
    luacTimes.set(s.dialect, referenceBinary('luac', s.dialect) ? { times: [], error: null, startup: [] } : null);
  }
  for (let r = 0; r < reps; r++) {
    for (const s of suites) {
      warm.get(s.dialect)!.push(parseAll(s).ms);
      const l = luacTimes.get(s.dialect);
      if (!l) continue;
      const luac = referenceBinary('luac', s.dialect)!;
      l.startup.push(...timeLuac(luac, [join(tmp, 'empty.lua')], tmp, 1).times);
      const t = timeLuac(luac, s.files, s.dir, 1);
      l.times.push(...t.times);
      l.error ??= t.error;
    }
  }
  rmSync(tmp, { recursive: true, force: true });

  console.log(`Parse speed over the official test suites (${reps} repetitions; times in ms; Node.js ${process.version})`);
  console.log('');
  console.log('dialect files    bytes |   cold  median    best    MB/s | luac -p median    best    MB/s  start-up | ratio (median, best)');
  console.log('------- ----- -------- | ------------------------------- | ---------------------------------------- | -----------');
  const notes: string[] = [];
  for (const s of suites) {
    const w = warm.get(s.dialect)!;
    const med = median(w), best = Math.min(...w);
    const l = luacTimes.get(s.dialect);
    const left = `${s.dialect.padEnd(7)} ${String(s.files.length).padStart(5)} ${String(s.bytes).padStart(8)} | ${fmt(cold.get(s.dialect)!)} ${fmt(med)} ${fmt(best)} ${mbs(s.bytes, med)} |`;
    if (!l) { console.log(`${left} luac${s.dialect} not installed`); continue; }
    const lmed = median(l.times), lbest = Math.min(...l.times);
    console.log(`${left}        ${fmt(lmed)} ${fmt(lbest)} ${mbs(s.bytes, lmed)}   ${fmt(median(l.startup))} | ${(med / lmed).toFixed(2).padStart(5)} ${(best / lbest).toFixed(2).padStart(5)}`);
    if (l.error) notes.push(`note: luac${s.dialect} ${l.error}`);
  }
  console.log('');
  for (const n of notes) console.log(n);
  console.log('ratio = Regolith warm time / luac -p time (median to median, best to best; luac: wall time of one process for all files, start-up included).');
  for (const s of suites) {
    const e = errors.get(s.dialect)!;
    if (e.length) {
      console.log(`WARNING: ${e.length} of ${s.files.length} ${s.dialect} files did not parse, so the figures above are not meaningful; first: ${e[0]}`);
    }
  }
}

main();
