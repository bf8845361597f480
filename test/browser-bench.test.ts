// `npm run bench`'s microbenchmarks (scripts/bench/*.lua) in real Chromium
// and in Node, both with the minified browser build and the same harness
// (test/support/browser-harness.ts: a fresh state, the script run as lua.c
// runs it). The outputs must be equal: that is what passes or fails. The
// time of each side (measured inside the page and inside Node, state
// creation and compilation included) is printed as information, with the
// ratio page / Node; no time is ever asserted.
//
// Sizes: the full ones (the scripts' defaults, as `npm run bench` runs
// them; a fraction of a second each here, the whole file a few seconds).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { browserMinBuild } from '../scripts/build-browser.js';
import { MICRO } from '../scripts/lib/micro-bench.js';
import { chromiumSkip, launchChromium, serveStatic } from './support/chromium.js';
import type { ProgramOutput, ProgramSpec } from './support/browser-harness.js';
import { NodeRunner } from './support/harness-worker-client.js';
import { repoRoot } from './support/reference.js';

const PROGRAM_TIMEOUT_MS = 120_000;

function specOf(name: string, args: string[]): ProgramSpec {
  const script = `scripts/bench/${name}.lua`;
  return {
    script, dialect: '5.4', argv: ['lua5.4', script, ...args], scriptIndex: 1, stdin: '', libs: [],
    files: { [script]: readFileSync(join(repoRoot, script), 'latin1') },
  };
}

test('browser bench: scripts/bench microbenchmarks, Chromium vs Node, same output', { skip: chromiumSkip(), timeout: 20 * 60_000 }, async (t) => {
  const specs = MICRO.map((m) => ({ name: m.name, spec: specOf(m.name, []) }));

  const node = new NodeRunner(browserMinBuild, PROGRAM_TIMEOUT_MS);
  const inNode = new Map<string, ProgramOutput | string>();
  try {
    for (const { name, spec } of specs) inNode.set(name, await node.run(spec));
  } finally {
    await node.close();
  }

  const inPage = new Map<string, ProgramOutput | string>();
  const server = await serveStatic(repoRoot);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/test/support/blank.html`);
    for (const { name, spec } of specs) {
      // One program per evaluate, so that each is timed on its own.
      const r = await page.evaluate(async (s) => {
        const { Lua, LuaError } = await import('/dist/browser/regolith.min.mjs' as string) as typeof import('../src/index.js');
        const { runProgram } = await import('/dist/test/support/browser-harness.js' as string) as typeof import('./support/browser-harness.js');
        return runProgram(Lua, LuaError, s);
      }, spec, ).catch((e: unknown) => `page.evaluate failed: ${e instanceof Error ? e.message : String(e)}`);
      inPage.set(name, r);
    }
  } finally {
    await browser.close();
    await server.close();
  }

  for (const { name } of specs) {
    await t.test(name, (st) => {
      const n = inNode.get(name)!, p = inPage.get(name)!;
      if (typeof n === 'string') assert.fail(`in Node: ${n}`);
      if (typeof p === 'string') assert.fail(`in Chromium: ${p}`);
      assert.equal(n.status, 0, `in Node it failed:\n${n.stderr}${n.hostError ?? ''}`);
      assert.equal(p.status, 0, `in Chromium it failed:\n${p.stderr}${p.hostError ?? ''}`);
      assert.ok(n.stdout.length > 0, 'it printed nothing');
      assert.equal(p.stdout, n.stdout, 'Chromium and Node print different output');
      assert.equal(p.stderr, n.stderr);
      st.diagnostic(`${name}: Chromium ${p.ms} ms, Node ${n.ms} ms, ratio ${(p.ms / Math.max(1, n.ms)).toFixed(2)}`);
    });
  }
});
