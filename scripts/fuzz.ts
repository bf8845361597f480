// Differential fuzzer: random Lua programs and token-level mutations of the
// official 5.4 suite (../shared/lua-tests/5.4) and of test/lua, each run
// under Regolith and under lua5.4 and classified (scripts/lib/fuzz/classify.ts).
//
//   npm run fuzz -- --seed=N --count=N --time=SECONDS --jobs=N --out=DIR
//   npm run fuzz -- --seed=N --only=I [--print]    # one program again
//
// --count defaults to 200 (unbounded when --time is given); --jobs to the
// number of CPUs; --out (default fuzz-out) receives every notable program as
// NAME.lua plus NAME.txt. Exits 1 when a bug class (JS-level failure, crash,
// Regolith-only hang, or a difference on a generated program) was found.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { FAILURES, CLASSES, type Class } from './lib/fuzz/classify.js';
import { loadCorpus, makeProgram, note, runFuzz, writeFinding, type Result } from './lib/fuzz/fuzz.js';

function arg(name: string): string | undefined {
  const a = process.argv.slice(2).find((x) => x === `--${name}` || x.startsWith(`--${name}=`));
  return a === undefined ? undefined : a.includes('=') ? a.slice(a.indexOf('=') + 1) : 'true';
}

const seed = Number(arg('seed') ?? Date.now() % 1_000_000) >>> 0;
const only = arg('only');
const timeS = arg('time') !== undefined ? Number(arg('time')) : undefined;
const count = only !== undefined ? 1 : Number(arg('count') ?? (timeS !== undefined ? Infinity : 200));
const jobs = Math.max(1, Number(arg('jobs') ?? availableParallelism()));
const out = resolve(arg('out') ?? 'fuzz-out');
const isBug = (r: Result) => FAILURES.has(r.cls) && (r.cls !== 'differs' || r.program.origin === 'generated');

if (only !== undefined && arg('print') !== undefined) {
  process.stdout.write(Buffer.from(makeProgram(seed, Number(only), loadCorpus()).source, 'latin1'));
  process.exit(0);
}

const corpus = loadCorpus();
console.log(`fuzz: seed ${seed}, ${only !== undefined ? `program ${only}` : Number.isFinite(count) ? `${count} programs` : 'no count limit'}` +
  `${timeS !== undefined ? `, ${timeS} s` : ''}, ${jobs} jobs; findings in ${out}`);
if (!corpus.suiteDir) console.log('fuzz: ../shared/lua-tests/5.4 is absent: no suite mutations (generated programs and test/lua mutations only)');
else console.log(`fuzz: mutating ${corpus.suite.length} suite files from ${corpus.suiteDir} and ${corpus.tests.length} test/lua files`);

let done = 0;
const t0 = Date.now();
const summary = await runFuzz({
  seed, count, jobs, first: only !== undefined ? Number(only) : 0, ...(timeS !== undefined ? { timeS } : {}),
  onResult: (r) => {
    done++;
    if (r.cls !== 'same' && r.cls !== 'lua-error' || only !== undefined) {
      const path = writeFinding(out, r);
      console.log(`${isBug(r) ? 'BUG ' : ''}${r.cls} #${r.program.index} (${r.program.origin}${r.program.origin === 'generated' ? '' : ' ' + r.program.base}) -> ${path}.lua`);
      if (only !== undefined || isBug(r)) console.log(note(r).replace(/^/gm, '    '));
    }
    if (done % 100 === 0) console.log(`fuzz: ${done} programs, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  },
});

console.log(`\nfuzz: seed ${seed}: ${summary.results.length} programs in ${summary.seconds.toFixed(0)} s ` +
  `(${summary.byOrigin.generated} generated, ${summary.byOrigin.test} test/lua mutations, ${summary.byOrigin.suite} suite mutations)`);
for (const c of CLASSES) console.log(`  ${c.padEnd(15)} ${summary.counts[c as Class]}`);
const bugs = summary.notable.filter(isBug);
if (bugs.length) {
  console.log(`\n${bugs.length} finding(s) to fix; reproduce with:`);
  for (const b of bugs) console.log(`  npm run fuzz -- --seed=${seed} --only=${b.program.index}    # ${b.cls}`);
}
process.exitCode = bugs.length ? 1 : 0;
