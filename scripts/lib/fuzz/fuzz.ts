// The differential fuzzer's driver: which program index i of a seed is
// (generated, or a mutation of a suite or test file), running it on both
// sides and classifying the pair. Used by scripts/fuzz.ts (the CLI) and by
// test/fuzz-differential.test.ts.
import { existsSync, readdirSync, readFileSync, statSync, mkdirSync, writeFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Rng } from '../../../test/support/rng.js';
import { referenceBinary, repoRoot, sharedDir } from '../../../test/support/reference.js';
import { generateProgram } from './gen.js';
import { mutate } from './mutate.js';
import { RegolithPool, runReference, type Outcome, type RunSpec } from './runner.js';
import { classify, describe, CLASSES, FAILURES, type Class, type Origin } from './classify.js';

/** Suite files not mutated: drivers, files that run other interpreters or touch real files, and memory hogs. */
const SUITE_SKIP = new Set(['all.lua', 'main.lua', 'files.lua', 'heavy.lua', 'api.lua', 'verybig.lua', 'big.lua', 'bwcoercion.lua']);
/** test/lua folders not mutated: other dialects, and programs about files, processes and the environment. */
const TEST_SKIP_DIRS = new Set(['5.3', '5.1', 'io', 'os', 'package', 'injection']);

export interface Program {
  seed: number;
  index: number;
  origin: Origin;
  /** The file mutated, or 'generated'. */
  base: string;
  source: string;
  notes: string[];
  cwd: string;
  portable: boolean;
}

export interface Result {
  program: Program;
  cls: Class;
  why: string;
  ref: Outcome;
  reg: Outcome;
  ms: number;
}

function listLua(dir: string, skipDirs: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) { if (!skipDirs.has(name)) out.push(...listLua(p, skipDirs)); }
    else if (name.endsWith('.lua')) out.push(p);
  }
  return out;
}

export interface Corpus {
  suiteDir: string | null;
  suite: string[];
  tests: string[];
}

export function loadCorpus(): Corpus {
  const suiteDir = sharedDir && existsSync(join(sharedDir, 'lua-tests', '5.4')) ? join(sharedDir, 'lua-tests', '5.4') : null;
  const suite = suiteDir ? readdirSync(suiteDir).filter((f) => f.endsWith('.lua') && !SUITE_SKIP.has(f)).sort().map((f) => join(suiteDir, f)) : [];
  const testRoot = join(repoRoot, 'test', 'lua');
  const tests = existsSync(testRoot)
    ? listLua(testRoot, TEST_SKIP_DIRS).filter((f) => {
      const head = readFileSync(f, 'latin1').split('\n', 5);
      return !head.some((l) => l.startsWith('-- known-difference:') || l.startsWith('-- args:')) && !existsSync(f.replace(/\.lua$/, '.stdin'));
    })
    : [];
  return { suiteDir, suite, tests };
}

/** Program `index` of `seed`: a function of (seed, index) and the corpus files alone. */
export function makeProgram(seed: number, index: number, corpus: Corpus, mix: { generated: number; suite: number } = { generated: 0.7, suite: 0.12 }): Program {
  const r = Rng.mixed(seed, index);
  const roll = r.next();
  let origin: Origin = roll < mix.generated ? 'generated' : roll < mix.generated + mix.suite ? 'suite' : 'test';
  if (origin === 'suite' && corpus.suite.length === 0) origin = 'test';
  if (origin === 'test' && corpus.tests.length === 0) origin = 'generated';
  if (origin === 'generated') {
    return { seed, index, origin, base: 'generated', source: generateProgram(r), notes: [], cwd: repoRoot, portable: false };
  }
  const file = r.pick(origin === 'suite' ? corpus.suite : corpus.tests);
  const m = mutate(readFileSync(file, 'latin1'), r);
  return {
    seed, index, origin, base: origin === 'suite' ? relative(corpus.suiteDir!, file) : relative(repoRoot, file),
    source: m.source, notes: m.notes, cwd: origin === 'suite' ? corpus.suiteDir! : repoRoot, portable: origin === 'suite',
  };
}

export interface FuzzOptions {
  seed: number;
  /** Programs to run (indices first..first+count-1); Infinity with `timeS`. */
  count: number;
  first?: number;
  /** Stop starting programs after this many seconds. */
  timeS?: number;
  jobs: number;
  /** Origins to draw from; default all. */
  mix?: { generated: number; suite: number };
  /** Called after each program. */
  onResult?: (r: Result) => void;
}

export interface Summary {
  counts: Record<Class, number>;
  byOrigin: Record<Origin, number>;
  results: Result[];
  /** Results that are not 'same' / 'lua-error' (all kept, with their programs). */
  notable: Result[];
  suiteDir: string | null;
  seconds: number;
}

const LIMITS: Record<Origin, { ref: number; reg: number }> = {
  generated: { ref: 5000, reg: 15000 },
  test: { ref: 5000, reg: 15000 },
  // constructs.lua alone takes ~45 s under Regolith on a loaded 2-core machine (lua5.4: ~2 s).
  suite: { ref: 15000, reg: 120000 },
};

export async function runFuzz(o: FuzzOptions): Promise<Summary> {
  const lua = referenceBinary('lua', '5.4');
  if (!lua) throw new Error('lua5.4 is not installed (apt-get install lua5.4)');
  const corpus = loadCorpus();
  const work = mkdtempSync(join(tmpdir(), 'regolith-fuzz-'));
  const pool = new RegolithPool(o.jobs);
  const counts = Object.fromEntries(CLASSES.map((c) => [c, 0])) as Record<Class, number>;
  const byOrigin: Record<Origin, number> = { generated: 0, suite: 0, test: 0 };
  const results: Result[] = [];
  const notable: Result[] = [];
  const start = Date.now();
  const first = o.first ?? 0;
  let next = first;
  const more = () => next < first + o.count && (o.timeS === undefined || Date.now() - start < o.timeS * 1000);
  const worker = async (slot: number) => {
    const dir = join(work, `slot${slot}`);
    mkdirSync(dir, { recursive: true });
    while (more()) {
      const index = next++;
      const p = makeProgram(o.seed, index, corpus, o.mix);
      const t0 = Date.now();
      const lim = LIMITS[p.origin];
      const spec: RunSpec = { source: p.source, path: join(dir, p.origin === 'generated' ? 'prog.lua' : p.base.replace(/[\\/]/g, '_')), cwd: p.cwd, portable: p.portable, timeoutMs: lim.ref };
      const ref = await runReference(lua, spec);
      // A program that keeps lua5.4 busy for seconds gets proportionally longer
      // under Regolith (up to 10x, 3 minutes at most) before it counts as a hang.
      const refMs = Date.now() - t0;
      const regLimit = ref.kind === 'hang' ? lim.ref : Math.min(Math.max(lim.reg, 10 * refMs), 180_000);
      const reg = await pool.run({ ...spec, timeoutMs: regLimit });
      const v = classify(p.origin, ref, reg);
      const res: Result = { program: p, cls: v.cls, why: v.why, ref, reg, ms: Date.now() - t0 };
      counts[v.cls]++;
      byOrigin[p.origin]++;
      if (v.cls !== 'same' && v.cls !== 'lua-error') notable.push(res);
      results.push(res);
      o.onResult?.(res);
    }
  };
  try {
    await Promise.all(Array.from({ length: o.jobs }, (_, i) => worker(i)));
  } finally {
    pool.close();
    rmSync(work, { recursive: true, force: true });
  }
  results.sort((a, b) => a.program.index - b.program.index);
  notable.sort((a, b) => a.program.index - b.program.index);
  return { counts, byOrigin, results, notable, suiteDir: corpus.suiteDir, seconds: (Date.now() - start) / 1000 };
}

/** The command that runs one program again. */
export function reproduceCommand(p: Program): string {
  return `npm run fuzz -- --seed=${p.seed} --only=${p.index}`;
}

/** A finding's note: what the program is, how both sides ended, how to reproduce it. */
export function note(r: Result): string {
  const p = r.program;
  const lines = [
    `class: ${r.cls}${FAILURES.has(r.cls) && (r.cls !== 'differs' || p.origin === 'generated') ? ' (a bug)' : ''}`,
    `program: seed ${p.seed}, index ${p.index}, ${p.origin}${p.origin === 'generated' ? '' : ` mutation of ${p.base}`}`,
    ...p.notes.map((n) => `  mutation: ${n}`),
    `lua5.4:   ${describe(r.ref)}`,
    `Regolith: ${describe(r.reg)}`,
    ...(r.why ? ['why:', ...r.why.split('\n').map((l) => `  ${l}`)] : []),
    `reproduce: ${reproduceCommand(p)}`,
    `run in: ${p.cwd}${p.portable ? ' (lua5.4 -e "_U=true" FILE)' : ''}`,
  ];
  return lines.join('\n') + '\n';
}

/** Writes a finding to `dir` as NAME.lua plus NAME.txt (the note). */
export function writeFinding(dir: string, r: Result): string {
  mkdirSync(dir, { recursive: true });
  const name = `${r.cls}-s${r.program.seed}-i${r.program.index}`;
  writeFileSync(join(dir, `${name}.lua`), r.program.source, 'latin1');
  writeFileSync(join(dir, `${name}.txt`), note(r), 'latin1');
  return join(dir, name);
}
