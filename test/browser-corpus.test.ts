// The differential corpus (test/lua/**) inside real Chromium, with the
// minified browser build (dist/browser/regolith.min.mjs): every program
// that needs no real file system or processes must print what the
// reference lua5.4 (lua5.3, lua5.1 for those folders) prints. Since the
// build is the minified one, this also checks that error positions and
// tracebacks survive minification.
//
// How a program runs in the page: test/support/browser-harness.ts, which
// does through the public API what the `lua` command line does (arg table,
// script arguments, stdin, lua.c's C level under the script, `lua: message`
// and traceback on stderr with status 1 for an uncaught error). Its files
// are an in-memory file system holding /tmp/ and the .lua files of the
// program's own folder (so the script itself loads by its path, and
// programs that write and read back their own files work); there are no
// processes and no environment variables.
//
// What is compared: stdout, stderr and the exit status after the
// command-line test's normalisation (program name and script path masked,
// tracebacks dropped unless the program says `-- keep-traceback`).
//
// Which programs are excluded, by a rule rather than by hand: each program
// first runs in Node (in a worker thread, cut off after 20 s) with the same
// harness and options and the readable build of the same code. Those that
// then differ from the reference cannot be compared in a page: they need
// the real host (files outside the program's folder, processes, os.exit
// ending a process, environment variables, a collector that can be forced:
// a page has none, so weak tables are not cleared and finalizers run only at
// close) or the command line itself (bin/regolith's larger JS stack, the
// interpreter's own arguments in arg[-n]).
// They are reported as skipped, with what differed and the host features
// their source uses. Every other program must then give the reference's
// bytes in Chromium; one that does not is a failure, whose message says
// whether the minified build differs in Node too (a minification problem)
// or only in Chromium. The readable build is used for the exclusion so that
// a minification problem is never taken for a need of the host.
//
// Programs run in one page, in batches (one page.evaluate each), each in a
// fresh Lua state, without limits (they would change the compiled code);
// a batch that takes longer than BATCH_TIMEOUT_MS fails its programs.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { mapLimit, runProcess } from '../scripts/lib/proc.js';
import { browserBuild, browserMinBuild } from '../scripts/build-browser.js';
import { chromiumSkip, launchChromium, serveStatic } from './support/chromium.js';
import { corpusPrograms, type CorpusProgram } from './support/corpus.js';
import { lineDiff, normaliseText, referenceSkip } from './support/differential.js';
import { referenceBinary, referenceModuleSkip, repoRoot } from './support/reference.js';
import type { ProgramOutput, ProgramSpec } from './support/browser-harness.js';
import { NodeRunner } from './support/harness-worker-client.js';

/** Programs per page.evaluate. */
const BATCH = 60;
/** A batch that takes longer than this fails (a hang must not stall the suite). */
const BATCH_TIMEOUT_MS = 120_000;

/** Host features a program's source uses: named in the reason of an exclusion (information only; the rule is the Node run). */
const HOST_FEATURES: [RegExp, string][] = [
  [/\bos\.exit\b/, 'os.exit'], [/\bio\.popen\b/, 'io.popen'], [/\bos\.execute\b/, 'os.execute'],
  [/\bos\.getenv\b/, 'os.getenv'], [/\bos\.tmpname\b/, 'os.tmpname'], [/\bio\.open\b/, 'io.open'],
  [/\bio\.lines\b/, 'io.lines'], [/\bio\.(?:input|output)\b/, 'io.input/output'], [/\bos\.(?:remove|rename)\b/, 'os.remove/rename'],
  [/\b(?:dofile|loadfile)\b/, 'dofile/loadfile'], [/\brequire\b/, 'require'], [/\barg\s*\[\s*-/, 'arg[-n] (the interpreter\'s command line)'],
  [/\bos\.clock\b/, 'os.clock'], [/\b(?:collectgarbage|gcinfo)\b/, 'collectgarbage/gcinfo'], [/__gc\b/, '__gc finalizers'],
];

function env(): NodeJS.ProcessEnv {
  const e = { ...process.env };
  for (const k of Object.keys(e)) if (k.startsWith('LUA_INIT')) delete e[k];
  return e;
}

/** The harness's input for a program: the reference's command line, run from the repository root. */
function specOf(p: CorpusProgram, lua: string): ProgramSpec {
  const script = relative(repoRoot, p.file);
  const options = p.libs.flatMap((l) => ['-l', l]);
  const files: Record<string, string> = { '/tmp/': '' };
  const dir = dirname(p.file);
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.lua')) files[relative(repoRoot, join(dir, name))] = readFileSync(join(dir, name), 'latin1');
  }
  return {
    script, dialect: p.dialect, argv: [lua, ...options, script, ...p.args], scriptIndex: options.length + 1,
    stdin: p.stdin ?? '', libs: p.libs, files,
  };
}

interface Normalised { stdout: string; stderr: string; status: number | null }

function normalised(p: CorpusProgram, spec: ProgramSpec, r: { stdout: string; stderr: string; status: number | null }): Normalised {
  const ctx = { scriptPaths: [spec.script, p.file], keepTraceback: p.keepTraceback };
  return { stdout: normaliseText(r.stdout, ctx), stderr: normaliseText(r.stderr, ctx), status: r.status };
}

/** What differs between the reference and a run (none: same), and the diffs. */
function difference(ref: Normalised, run: Normalised, hostError: string | undefined): { kinds: string[]; text: string } {
  const kinds: string[] = [], parts: string[] = [];
  if (hostError !== undefined) { kinds.push('a JavaScript error escaped'); parts.push(`a JavaScript error escaped: ${hostError}`); }
  if (ref.stdout !== run.stdout) { kinds.push('stdout'); parts.push(`stdout (- reference, + run):\n${lineDiff(ref.stdout, run.stdout)}`); }
  if (ref.stderr !== run.stderr) { kinds.push('stderr'); parts.push(`stderr (- reference, + run):\n${lineDiff(ref.stderr, run.stderr)}`); }
  if (ref.status !== run.status) { kinds.push('exit status'); parts.push(`exit status: reference ${ref.status}, run ${run.status}`); }
  return { kinds, text: parts.join('\n') };
}

const chromium = chromiumSkip();

/**
 * Programs whose output in a page is not reliably the reference's for a
 * reason the exclusion rule cannot see, each with it (reported as skipped).
 */
const PAGE_DIFFERENCES: Record<string, string> = {
  // lua5.4 prints x86's default NaN (-nan) for 0/0; V8 gives that at run
  // time but +nan where its optimising compiler folded the division, which
  // depends on what ran before in the same page. An engine gap (the sign of
  // a NaN made by `/`), not specific to pages.
  'table/sort_invalid_order.lua': 'the sign of 0/0 depends on V8 having folded it (engine gap: NaN signs of `/`)',
};

test('browser corpus: test/lua programs in Chromium (minified build) vs the reference', { skip: chromium, timeout: 15 * 60_000 }, async (t) => {
  const programs = corpusPrograms();
  assert.ok(programs.length > 0, 'no programs under test/lua');

  // 1. Which programs can run at all here: a documented known difference,
  //    a missing reference interpreter or C module skip them, as in the
  //    command-line differential test.
  type Item = { p: CorpusProgram; spec: ProgramSpec; skip: string | null; ref?: Normalised; node?: string };
  const items: Item[] = programs.map((p) => {
    const lua = referenceBinary('lua', p.dialect);
    const libSkip = p.libs.map((l) => referenceModuleSkip(l, p.dialect)).find((m) => m !== false) ?? false;
    const pageDifference = PAGE_DIFFERENCES[p.name];
    const skip = p.knownDifference !== null ? `known difference: ${p.knownDifference}`
      : pageDifference !== undefined ? `known difference in a page: ${pageDifference}`
        : referenceSkip(p.dialect) || libSkip || null;
    return { p, spec: specOf(p, lua ?? `lua${p.dialect}`), skip };
  });

  // 2. The reference's output, a few processes at a time.
  const t0 = Date.now();
  await mapLimit(items.filter((it) => it.skip === null), 8, async (it) => {
    const r = await runProcess(it.spec.argv[0]!, it.spec.argv.slice(1), { cwd: repoRoot, env: env(), stdin: it.spec.stdin, timeoutMs: 30_000 });
    if (r.timedOut || r.spawnError) it.skip = `the reference ${r.timedOut ? 'timed out' : `could not start: ${r.spawnError}`}`;
    it.ref = normalised(it.p, it.spec, r);
  });
  const tRef = Date.now() - t0;

  // 3. The same harness and options in Node, with the readable build (the
  //    same code, not minified, so that a minification problem is not
  //    mistaken for a need of the host): what differs here needs the real host.
  const t1 = Date.now();
  const readable = new NodeRunner(browserBuild);
  for (const it of items) {
    if (it.skip !== null) continue;
    const r = await readable.run(it.spec);
    const diff = typeof r === 'string' ? { kinds: [r], text: r } : difference(it.ref!, normalised(it.p, it.spec, r), r.hostError);
    if (diff.kinds.length > 0) {
      const source = readFileSync(it.p.file, 'latin1');
      const uses = HOST_FEATURES.filter(([re]) => re.test(source)).map(([, name]) => name);
      it.skip = `not comparable in a page (needs the real host or lua.c): in Node (readable browser build, in-memory files, no processes) it differs from lua${it.p.dialect}: ` +
        `${diff.kinds.join(', ')}; its source uses ${uses.length > 0 ? uses.join(', ') : 'none of the host features looked for'}`;
      it.node = diff.text;
    }
  }
  await readable.close();
  const tNode = Date.now() - t1;

  // 4. The rest in Chromium, in one page.
  const run = items.filter((it) => it.skip === null);
  const results = new Map<Item, ProgramOutput | string>();
  const t2 = Date.now();
  const server = await serveStatic(repoRoot);
  const browser = await launchChromium();
  try {
    let page = await browser.newPage();
    await page.goto(`${server.url}/test/support/blank.html`);
    for (let i = 0; i < run.length; i += BATCH) {
      const batch = run.slice(i, i + BATCH);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<string>((resolve) => { timer = setTimeout(() => resolve(`the page took longer than ${BATCH_TIMEOUT_MS} ms for this batch`), BATCH_TIMEOUT_MS); });
      const outcome = await Promise.race([
        page.evaluate(async (specs) => {
          // (Runs in the page: the build and the harness by URL, as a page without a bundler would.)
          const { Lua, LuaError } = await import('/dist/browser/regolith.min.mjs' as string) as typeof import('../src/index.js');
          const { runProgram } = await import('/dist/test/support/browser-harness.js' as string) as typeof import('./support/browser-harness.js');
          return specs.map((s) => runProgram(Lua, LuaError, s));
        }, batch.map((it) => it.spec)).catch((e: unknown) => `page.evaluate failed: ${e instanceof Error ? e.message : String(e)}`),
        timeout,
      ]);
      clearTimeout(timer);
      if (typeof outcome === 'string') {
        for (const it of batch) results.set(it, outcome);
        // A hung or crashed page is of no further use.
        await page.close().catch(() => undefined);
        page = await browser.newPage();
        await page.goto(`${server.url}/test/support/blank.html`);
      } else {
        batch.forEach((it, k) => results.set(it, outcome[k]!));
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const tPage = Date.now() - t2;

  const excluded = items.filter((it) => it.node !== undefined);
  t.diagnostic(`${programs.length} programs: ${run.length} ran in Chromium, ${excluded.length} excluded (not comparable in a page), ` +
    `${items.length - run.length - excluded.length} skipped otherwise; reference ${tRef} ms, Node ${tNode} ms, Chromium ${tPage} ms`);

  // 5. For a program that differs in Chromium: does the minified build differ in Node too?
  const minified = new NodeRunner(browserMinBuild);
  const inNodeToo = new Map<Item, string>();
  for (const it of run) {
    const r = results.get(it)!;
    if (typeof r !== 'string' && difference(it.ref!, normalised(it.p, it.spec, r), r.hostError).kinds.length === 0) continue;
    const m = await minified.run(it.spec);
    const diff = typeof m === 'string' ? m : difference(it.ref!, normalised(it.p, it.spec, m), m.hostError).kinds.join(', ');
    inNodeToo.set(it, diff === '' ? 'the minified build gives the reference\'s output in Node: the difference is Chromium\'s'
      : `the minified build differs in Node too (${diff}), and the readable one does not: a minification problem`);
  }
  await minified.close();

  // 6. One subtest per program.
  for (const it of items) {
    await t.test(it.p.name, { skip: it.skip ?? false }, () => {
      const r = results.get(it)!;
      if (typeof r === 'string') assert.fail(r);
      const diff = difference(it.ref!, normalised(it.p, it.spec, r), r.hostError);
      if (diff.kinds.length > 0) {
        assert.fail(`in Chromium, ${it.p.name} (Lua ${it.p.dialect}) differs from the reference (the readable build matches in Node; ${inNodeToo.get(it)}):\n${diff.text}`);
      }
    });
  }
});
