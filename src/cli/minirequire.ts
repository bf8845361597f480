// A stand-in for `require`, used by `regolith -l` while the global `require`
// (the package library) does not exist: package.loaded first, then a search
// along LUA_PATH_5_4 / LUA_PATH (default "./?.lua;./?/init.lua"), with
// loadlib.c's messages. Kept apart so the package library can replace it.
import { closeSync, openSync } from 'node:fs';
import type { LuaState } from '../runtime/state.js';
import { LuaError } from '../runtime/errors.js';
import * as ops from '../runtime/ops.js';
import type { LuaValue } from '../runtime/value.js';
import { LuaSyntaxError } from '../syntax/errors.js';
import { loadChunkFile } from './args.js';
import { cLevel, type TraceLevel } from '../runtime/traceback.js';

/** An error raised by code the traceback cannot see, with the levels to show for it. */
export type ErrorWithLevels = LuaError & { extraLevels?: TraceLevel[] };

export const DEFAULT_PATH = './?.lua;./?/init.lua';

/** package.path as loadlib.c computes it from the environment (";;" = the default). */
export function searchPath(L: LuaState): string {
  const noEnv = L.registry.getStr('LUA_NOENV') === true;
  const versioned = `LUA_PATH_${L.dialect.replace('.', '_')}`;
  const env = noEnv ? undefined : (L.host.getenv(versioned) ?? L.host.getenv('LUA_PATH'));
  if (env === undefined) return DEFAULT_PATH;
  return env.replace(';;', `;${DEFAULT_PATH};`).replace(/^;|;$/g, '');
}

/** Whether `file` (a byte string, as package.path holds it) can be opened. */
function readable(file: string): boolean {
  try {
    closeSync(openSync(Buffer.from(file, 'latin1'), 'r'));
    return true;
  } catch {
    return false;
  }
}

/** require(name): the module's value (true when its chunk returned nothing). */
export function miniRequire(L: LuaState, name: string): LuaValue {
  const have = L.loaded.get(name);
  if (have !== undefined && have !== false) return have;
  const tried = [`\n\tno field package.preload['${name}']`];
  const fname = name.replace(/\./g, '/');
  for (const template of searchPath(L).split(';')) {
    if (template === '') continue;
    const file = template.replace(/\?/g, fname);
    if (!readable(file)) {
      tried.push(`\n\tno file '${file}'`);
      continue;
    }
    const chunk = loadChunkFile(Buffer.from(file, 'latin1').toString('utf8'), L.dialect);
    let loader: LuaValue;
    try {
      if (!chunk.ok) throw new LuaSyntaxError(chunk.message, 0, 0, null, chunk.message);
      loader = L.compile(chunk.source, chunk.chunkName);
    } catch (e) {
      if (!(e instanceof LuaSyntaxError)) throw e;
      // Raised by the Lua searcher, a C function below require.
      const err = new LuaError(`error loading module '${name}' from file '${file}':\n\t${e.message}`);
      (err as ErrorWithLevels).extraLevels = [cLevel('?')];
      throw err;
    }
    const r = ops.first(ops.call(loader, name, file));
    if (r !== undefined) L.loaded.set(name, r);
    if (L.loaded.get(name) === undefined) L.loaded.set(name, true);
    return L.loaded.get(name);
  }
  throw new LuaError(`module '${name}' not found:${tried.join('')}`);
}
