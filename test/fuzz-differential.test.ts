// A short, seeded run of the differential fuzzer (scripts/lib/fuzz; `npm run
// fuzz` for long runs): random programs and mutations of the 5.4 suite and of
// test/lua, under Regolith and lua5.4. Fails on any JavaScript-level failure,
// crash or Regolith-only hang, and on any difference in a generated program
// (those are deterministic), unless it is listed in
// scripts/lib/fuzz/known-differences.ts; fails too on a listed entry that no
// longer reproduces.
//
// Knobs (environment): FUZZ_DIFF_SEED (default 20240901), FUZZ_DIFF_COUNT
// (default 120), FUZZ_DIFF_JOBS (default 2).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FAILURES } from '../scripts/lib/fuzz/classify.js';
import { note, runFuzz } from '../scripts/lib/fuzz/fuzz.js';
import { KNOWN_DIFFERENCES } from '../scripts/lib/fuzz/known-differences.js';
import { missingReference, referenceBinary } from './support/reference.js';

const SEED = Number(process.env.FUZZ_DIFF_SEED ?? 20240901) >>> 0;
const COUNT = Number(process.env.FUZZ_DIFF_COUNT ?? 120);
const JOBS = Number(process.env.FUZZ_DIFF_JOBS ?? 2);

test(`differential fuzz: seed ${SEED}, ${COUNT} programs`, { skip: referenceBinary('lua', '5.4') ? false : missingReference('lua', '5.4'), timeout: 600_000 }, async (t) => {
  const s = await runFuzz({ seed: SEED, count: COUNT, jobs: JOBS });
  t.diagnostic(`${s.results.length} programs in ${s.seconds.toFixed(1)} s: ` +
    Object.entries(s.counts).filter(([, n]) => n > 0).map(([c, n]) => `${c} ${n}`).join(', '));
  if (!s.suiteDir) t.diagnostic('../shared/lua-tests/5.4 is absent: no suite mutations in this run');
  const known = KNOWN_DIFFERENCES.filter((k) => k.seed === SEED);
  const bugs = s.notable.filter((r) => FAILURES.has(r.cls) && (r.cls !== 'differs' || r.program.origin === 'generated'));
  const unexpected = bugs.filter((r) => !known.some((k) => k.index === r.program.index && k.cls === r.cls));
  const stale = known.filter((k) => k.index < COUNT && !bugs.some((r) => r.program.index === k.index && r.cls === k.cls));
  assert.equal(unexpected.length, 0, `fuzzer findings (reproduce with the command shown):\n${unexpected.map(note).join('\n')}`);
  assert.equal(stale.length, 0, `known differences that no longer reproduce (remove them): ${stale.map((k) => k.index).join(', ')}`);
});
