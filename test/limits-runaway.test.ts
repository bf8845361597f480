// The runaway cases of docs/limits.md: each is stopped by the limit it is
// meant to hit, within twice that limit, and the state runs a normal script
// afterwards (scripts/lib/runaway.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CASES, runCases } from '../scripts/lib/runaway.js';

test('every runaway case is stopped by its limit, within twice it, and the state stays healthy', async () => {
  const results = await runCases(CASES);
  assert.equal(results.length, CASES.length);
  for (const r of results) {
    assert.equal(r.got, r.c.kind, `${r.c.name}: ${r.message}`);
    assert.ok(r.ok, `${r.c.name}: used ${r.used} of ${r.limit} in ${r.ms.toFixed(0)} ms`);
    assert.ok(r.healthy, `${r.c.name}: the state could not run a normal script afterwards`);
  }
});
