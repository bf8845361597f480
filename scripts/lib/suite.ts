// The official Lua test suites at ../shared/lua-tests/<version>/ and how each
// file is run (mirroring what all.lua does in portable "user" mode).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Dialect } from '../../src/syntax/ast.js';
import { sharedDir } from '../../test/support/reference.js';

export { sharedDir };

export const ALL_DIALECTS: readonly Dialect[] = ['5.4', '5.3', '5.1'];

/** Globals set before each file, as all.lua does under `_U` (portable mode). */
export const PORTABLE_PRELUDE = '_U=true _soft=true _port=true _nomsg=true';

/** Exits the process with a clear message when ../shared is absent. */
export function requireShared(): string {
  if (!sharedDir) {
    console.error('error: ../shared (the shared test material) was not found next to the repository root;\n' +
      'the official Lua test suites are expected at ../shared/lua-tests/{5.4,5.3,5.1}.');
    process.exit(2);
  }
  return sharedDir;
}

export function suiteDir(dialect: Dialect): string | null {
  if (!sharedDir) return null;
  const d = join(sharedDir, 'lua-tests', dialect);
  return existsSync(d) ? d : null;
}

/** The top-level .lua files of a suite, sorted. */
export function suiteFiles(dialect: Dialect): string[] {
  const d = suiteDir(dialect);
  if (!d) return [];
  return readdirSync(d).filter((f) => f.endsWith('.lua')).sort();
}

/**
 * Environment for running suite files: `require` finds sibling files. 5.4
 * and 5.3 get `LUA_PATH="?;./?.lua;;"` (../shared/README.md); 5.1 gets
 * `LUA_PATH="?;./?.lua"`, as its README says. No LUA_INIT, no LUA_CPATH.
 */
export function suiteEnv(dialect: Dialect = '5.4', base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env = { ...base };
  for (const k of Object.keys(env)) if (/^LUA_(INIT|PATH|CPATH)(_\d_\d)?$/.test(k)) delete env[k];
  // The versioned names too, so that one environment serves every interpreter.
  env.LUA_PATH = env.LUA_PATH_5_4 = env.LUA_PATH_5_3 = suitePath(dialect);
  return env;
}

/** The LUA_PATH suite files run with. */
export function suitePath(dialect: Dialect): string {
  return dialect === '5.1' ? '?;./?.lua' : '?;./?.lua;;';
}

/**
 * Folders (relative, created empty) a suite needs that its folder at
 * ../shared does not have. The 5.1 README: "a subdirectory "libs" with an
 * empty subdirectory "libs/P1", to be used by the scripts" (attrib.lua
 * writes modules there). Such a suite runs from a temporary copy of its
 * folder (symbolic links to its files plus these folders), a fresh one for
 * every process; the others run in place.
 */
export function suiteFolders(dialect: Dialect): string[] {
  return dialect === '5.1' ? ['libs/P1'] : [];
}

/** Globals set before each file: portable "user" mode (5.4, 5.3), nothing for 5.1 (its suite has no such mode). */
export function prelude(dialect: Dialect): string | null {
  return dialect === '5.1' ? null : PORTABLE_PRELUDE;
}

/** How files run, as a Markdown sentence for docs/conformance.md. */
export function runDescription(dialect: Dialect): string {
  const p = prelude(dialect);
  if (p === null) {
    return 'Each file runs in a fresh interpreter, as `FILE` with no options and ' +
      `\`LUA_PATH="${suitePath(dialect)}"\`, from a temporary copy of the suite folder with the empty \`libs/P1\` folder ` +
      'its README asks for (a new copy for every process); all.lua runs as `all.lua`.';
  }
  return `Each file runs in a fresh interpreter from inside the suite folder, as \`-e "${p}" FILE\` with ` +
    `\`LUA_PATH="${suitePath(dialect)}"\` (portable "user" mode); all.lua runs as \`-e "_U=true" all.lua\`.`;
}

export type RunPlan =
  | { kind: 'run'; args: string[]; note?: string; driver?: boolean }
  | { kind: 'skip'; reason: string };

/**
 * How a suite file is run in `--mode=run`: the interpreter arguments (after
 * the interpreter and its dialect option), from inside the suite folder.
 *
 * - all.lua is the driver that runs the other files (with string.dump and
 *   load, in one state); it runs the way the suite's README says,
 *   `-e "_U=true" all.lua` (5.1: `all.lua`), and passes when it prints
 *   "final OK !!!". The other files are also run one by one.
 * - heavy.lua needs several GB of memory and all.lua never runs it: skipped.
 * - big.lua must run inside coroutine.wrap (it yields at top level), as
 *   all.lua does; in soft mode it returns at once, so it is run with
 *   `_soft=false` (it needs ~100 MB, fine) and the same asserts as all.lua.
 * - bwcoercion.lua, tracegc.lua (and 5.1's checktable.lua) are modules that
 *   other files `require`; they test nothing on their own: skipped.
 * - 5.1 has no portable mode: its files run with no prelude, as
 *   `lua5.1 FILE`.
 */
export function runPlan(file: string, dialect: Dialect = '5.4'): RunPlan {
  const p = prelude(dialect);
  const wrapBig = "local f = coroutine.wrap(assert(loadfile('big.lua'))) assert(f() == 'b') assert(f() == 'a')";
  switch (file) {
    case 'all.lua':
      return { kind: 'run', driver: true, note: 'the driver: runs every file in one interpreter', args: p === null ? ['all.lua'] : ['-e', '_U=true', 'all.lua'] };
    case 'heavy.lua': return { kind: 'skip', reason: 'needs several GB of memory; all.lua never runs it' };
    case 'bwcoercion.lua': case 'tracegc.lua': case 'checktable.lua':
      return { kind: 'skip', reason: 'helper module required by other files, not a test' };
    case 'big.lua':
      if (p === null) return { kind: 'run', note: 'run inside coroutine.wrap, as all.lua does', args: ['-e', wrapBig] };
      return {
        kind: 'run',
        note: 'run inside coroutine.wrap with _soft=false, as all.lua does',
        args: ['-e', '_U=true _soft=false _port=true _nomsg=true', '-e', wrapBig],
      };
    default:
      return { kind: 'run', args: p === null ? [file] : ['-e', p, file] };
  }
}
