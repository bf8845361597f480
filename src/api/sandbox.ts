// Library selection down to single functions, the sandbox presets, and
// read-only library tables (README.md, "Sandboxes"; docs/ARCHITECTURE.md,
// "Sandbox").
import type { LuaState } from '../runtime/state.js';
import { LuaTable } from '../runtime/table.js';
import { LuaUserdata } from '../runtime/value.js';
import { LIB_NAMES, OPTIONAL_LIBS, type LibName } from './types.js';

/** How much of one library to open: all of it (`true`), none (`false`), the listed keys, or all but the listed keys. */
export type LibPick = boolean | readonly string[] | { readonly except: readonly string[] };

/**
 * Libraries down to single functions: `{ os: ['time', 'clock'], string: true,
 * base: { except: ['dofile'] } }`. A library's keys are the fields of its
 * table (functions and constants such as `math.pi`); for `base` they are the
 * globals it defines, for `package` its fields and `require`. A library left
 * out is not opened. Unknown names are a TypeError (they are typos).
 */
export type LibSelection = { readonly [L in LibName]?: LibPick } & {
  /**
   * Restricts what the opened functions can do beyond their own results
   * (default false; SAFE_LIBS sets it): `load` takes text chunks only (it
   * behaves as if its mode never contained 'b': a binary chunk gets lua's
   * `attempt to load a binary chunk (mode is 't')`), `collectgarbage` takes
   * only "collect", "count", "step" and "isrunning" (the options that change
   * the collector for other code are an invalid option), `require` finds
   * only `package.preload` modules (package.searchers holds the preload
   * searcher alone), and the libraries are frozen unless `freeze` says
   * otherwise.
   */
  readonly sandbox?: boolean;
};

/**
 * The 'safe' preset: what untrusted code may use without reaching the host
 * or other code of the state. No files, processes or environment (`io`,
 * `os` but its clock and date functions, `dofile`, `loadfile`, file
 * searchers), no `debug` (it reaches locals, upvalues and the registry of
 * any function), no `string.dump` (its binary chunks carry the source text of
 * any function it is given, the embedder's Lua code included, and only
 * `load` in binary mode, refused here, reads them), and in 5.1 no
 * `getfenv`/`setfenv` (they reach and replace the environment of any
 * function given to the script, the embedder's own included).
 */
export const SAFE_LIBS: LibSelection = Object.freeze({
  base: { except: ['dofile', 'loadfile'] },
  string: { except: ['dump'] },
  table: true,
  math: true,
  utf8: true,
  bit32: true,
  coroutine: true,
  os: ['time', 'clock', 'date', 'difftime'],
  package: ['require', 'loaded', 'preload', 'searchers'],
  sandbox: true,
});

/** What `freeze` makes read-only once the libraries are open. */
export interface FreezeOptions {
  /** Every opened library table (with `package.searchers`, the io file methods) and the string metatable. */
  libraries?: boolean;
  /**
   * The globals table: code can then not create or change globals, nor can
   * `lua.global.set`; chunks that need globals of their own get an `env`.
   * To add the embedder's globals first, leave this off and call
   * `lua.freeze(lua.globals)` afterwards.
   */
  globals?: boolean;
}

/** The `libs` option as a selection (validated). */
export function resolveLibs(libs: 'all' | 'safe' | 'none' | readonly LibName[] | LibSelection): LibSelection {
  if (libs === 'all') return Object.fromEntries(LIB_NAMES.filter((n) => !OPTIONAL_LIBS.includes(n)).map((n) => [n, true]));
  if (libs === 'safe') return SAFE_LIBS;
  if (libs === 'none') return {};
  if (Array.isArray(libs)) {
    for (const n of libs as readonly unknown[]) {
      if (!LIB_NAMES.includes(n as LibName)) throw new TypeError(`unknown Lua library '${String(n)}' (one of ${LIB_NAMES.join(', ')})`);
    }
    return Object.fromEntries((libs as readonly LibName[]).map((n) => [n, true]));
  }
  if (typeof libs !== 'object' || libs === null) throw new TypeError(`libs must be 'all', 'safe', 'none', a list or a selection, not ${String(libs)}`);
  for (const n of Object.keys(libs)) {
    if (n !== 'sandbox' && !LIB_NAMES.includes(n as LibName)) throw new TypeError(`unknown Lua library '${n}' (one of ${LIB_NAMES.join(', ')})`);
  }
  return libs as LibSelection;
}

/** The table holding a library's keys (the globals for base). */
function libTable(L: LuaState, name: LibName): LuaTable | undefined {
  const t = name === 'base' ? L.globals : L.loaded.getStr(name);
  return t instanceof LuaTable ? t : undefined;
}

/** Removes the keys a pick leaves out of a library just opened (`before`: the globals that existed before base). */
export function applyPick(L: LuaState, name: LibName, pick: LibPick, before: ReadonlySet<string>): void {
  if (pick === true || pick === false) return;
  const t = libTable(L, name);
  if (t === undefined) return;
  // The library's own keys (package's `require` is a global).
  const own = (tbl: LuaTable): string[] => {
    const keys: string[] = [];
    for (let e = tbl.next(undefined); e !== undefined; e = tbl.next(e[0])) {
      if (typeof e[0] === 'string' && !(tbl === L.globals && before.has(e[0]))) keys.push(e[0]);
    }
    return keys;
  };
  const keys = own(t);
  if (name === 'package') keys.push('require');
  const listed = Array.isArray(pick) ? pick : typeof pick === 'object' ? (pick as { except: readonly string[] }).except : [];
  for (const k of listed) {
    if (!keys.includes(k)) throw new TypeError(`unknown key '${k}' of Lua library '${name}' (one of ${keys.join(', ')})`);
  }
  const keep = (k: string): boolean => (Array.isArray(pick) ? pick.includes(k) : !listed.includes(k));
  for (const k of keys) {
    if (keep(k)) continue;
    if (name === 'package' && k === 'require') L.globals.setStr(k, undefined);
    else t.setStr(k, undefined);
  }
}

/** Sandbox restrictions that live outside the library code: require finds preloaded modules only. */
export function restrictPackage(L: LuaState): void {
  const pkg = L.loaded.getStr('package');
  if (!(pkg instanceof LuaTable)) return;
  // (Lua 5.1 calls them package.loaders.)
  const field = pkg.getStr('searchers') instanceof LuaTable ? 'searchers' : 'loaders';
  const searchers = pkg.getStr(field);
  if (!(searchers instanceof LuaTable)) return;
  const only = new LuaTable();
  only.setInt(1, searchers.getInt(1)); // the preload searcher
  pkg.setStr(field, only);
}

/**
 * A selection as a dialect can open it: Lua 5.1's package.searchers is
 * package.loaders (the 'safe' preset names the former).
 */
export function selectionFor(version: string, libs: LibSelection): LibSelection {
  if (version !== '5.1') return libs;
  let out = libs;
  // The 'safe' preset of 5.1 leaves out getfenv and setfenv too (see SAFE_LIBS).
  if (libs.base === SAFE_LIBS.base) out = { ...out, base: { except: ['dofile', 'loadfile', 'getfenv', 'setfenv'] } };
  const pick = libs.package;
  if (Array.isArray(pick) && pick.includes('searchers')) out = { ...out, package: (pick as readonly string[]).map((k) => (k === 'searchers' ? 'loaders' : k)) };
  return out;
}

/** Freezes the opened libraries' tables, the tables they hold (package.searchers), userdata methods (io files), and the string metatable. */
export function freezeLibraries(L: LuaState, names: readonly LibName[]): void {
  for (const name of names) {
    if (name === 'base') continue;
    const t = libTable(L, name);
    if (t === undefined) continue;
    for (let e = t.next(undefined); e !== undefined; e = t.next(e[0])) {
      const v = e[1];
      // package.loaded and package.preload are require's data, written by it and by programs.
      if (v instanceof LuaTable && name === 'package' && e[0] === 'searchers') v.freeze();
      if (v instanceof LuaUserdata && v.metatable !== null) {
        const index = v.metatable.getStr('__index');
        if (index instanceof LuaTable) index.freeze();
        v.metatable.freeze();
      }
    }
    t.freeze();
  }
  const smt = L.engine.typeMetatables.string;
  if (smt) smt.freeze();
}
