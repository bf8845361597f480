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

/** Environment for running suite files: `require` finds sibling files. */
export function suiteEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env = { ...base };
  for (const k of ['LUA_INIT', 'LUA_INIT_5_4', 'LUA_INIT_5_3', 'LUA_INIT_5_2', 'LUA_CPATH', 'LUA_CPATH_5_4', 'LUA_CPATH_5_3']) delete env[k];
  env.LUA_PATH = '?;./?.lua;;';
  env.LUA_PATH_5_4 = '?;./?.lua;;';
  env.LUA_PATH_5_3 = '?;./?.lua;;';
  return env;
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
 *   `-e "_U=true" all.lua`, and passes when it prints "final OK !!!". The
 *   other files are also run one by one.
 * - heavy.lua needs several GB of memory and all.lua never runs it: skipped.
 * - big.lua must run inside coroutine.wrap (it yields at top level), as
 *   all.lua does; in soft mode it returns at once, so it is run with
 *   `_soft=false` (it needs ~100 MB, fine) and the same asserts as all.lua.
 * - bwcoercion.lua, tracegc.lua (and 5.1's checktable.lua) are modules that
 *   other files `require`; they test nothing on their own: skipped.
 */
export function runPlan(file: string): RunPlan {
  switch (file) {
    case 'all.lua':
      return { kind: 'run', driver: true, note: 'the driver: runs every file in one interpreter', args: ['-e', '_U=true', 'all.lua'] };
    case 'heavy.lua': return { kind: 'skip', reason: 'needs several GB of memory; all.lua never runs it' };
    case 'bwcoercion.lua': case 'tracegc.lua': case 'checktable.lua':
      return { kind: 'skip', reason: 'helper module required by other files, not a test' };
    case 'big.lua':
      return {
        kind: 'run',
        note: 'run inside coroutine.wrap with _soft=false, as all.lua does',
        args: ['-e', '_U=true _soft=false _port=true _nomsg=true',
          '-e', "local f = coroutine.wrap(assert(loadfile('big.lua'))) assert(f() == 'b') assert(f() == 'a')"],
      };
    default:
      return { kind: 'run', args: ['-e', PORTABLE_PRELUDE, file] };
  }
}
