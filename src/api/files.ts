// The `fs` and `modules` options of `new Lua()`: which file system the io,
// os, load and package functions see, and modules the embedder provides to
// `require` without any file.
import type { FileSystem } from '../host/host.js';
import { noFileSystem } from '../host/fs.js';
import { MemoryFileSystem, type MemoryFiles } from '../host/memfs.js';
import type { LuaState } from '../runtime/state.js';
import { LuaTable } from '../runtime/table.js';
import { LuaSyntaxError } from '../syntax/errors.js';
import { fileSource } from '../syntax/index.js';
import { checkString, luaError, registerHostFunction, type Args } from '../stdlib/lauxlib.js';
import { EMPTY } from '../runtime/ops.js';
import { bytesToLua, luaToText, textToLua } from './strings.js';
import type { Core } from './core.js';

/** 'none': no files; an object: an in-memory file system holding those files; or any FileSystem. */
export type FileSystemOption = 'none' | MemoryFiles | FileSystem;

/** A module for `require`: its Lua source, or a JS loader whose result is the module's value. */
export type ModuleSource<L = unknown> = string | Uint8Array | ((lua: L, name: string) => unknown);

export function fileSystemFrom(option: FileSystemOption): FileSystem {
  if (option === 'none') return noFileSystem;
  if (typeof option !== 'object' || option === null) throw new TypeError("the fs option takes 'none', an object of files or a FileSystem");
  if (typeof (option as Partial<FileSystem>).open === 'function') return option as FileSystem;
  return new MemoryFileSystem(option as MemoryFiles);
}

/**
 * Puts a searcher for `modules` into package.searchers right after the
 * preload searcher, before the file searchers. A name it does not know
 * adds nothing to require's "module not found" message, which stays
 * lua5.4's. A Lua source is compiled with the chunk name '=name'.
 */
export function addModuleSearcher<L>(state: LuaState, core: Core, lua: L, modules: Record<string, ModuleSource<L>>): void {
  const pkg = state.loaded.getStr('package');
  // (Lua 5.1's are package.loaders.)
  const searchers = pkg instanceof LuaTable ? pkg.getStr('searchers') ?? pkg.getStr('loaders') : undefined;
  if (!(searchers instanceof LuaTable)) return; // no package library: nothing calls searchers
  const table = new Map<string, ModuleSource<L>>();
  for (const [name, m] of Object.entries(modules)) {
    if (typeof m !== 'string' && typeof m !== 'function' && !(m instanceof Uint8Array)) {
      throw new TypeError(`module '${name}': a Lua source (string or Uint8Array) or a loader function`);
    }
    table.set(textToLua(name), m);
  }
  function searcher_modules(...args: Args): unknown {
    const name = checkString(args, 0);
    const m = table.get(name);
    if (m === undefined) return EMPTY;
    if (typeof m === 'function') return [core.functionToLua(() => m(lua, luaToText(name))), ':modules:'];
    const source = typeof m === 'string' ? textToLua(m) : bytesToLua(m);
    try {
      return [state.compile(fileSource(source, state.dialect), '=' + name), ':modules:'];
    } catch (e) {
      if (!(e instanceof LuaSyntaxError)) throw e;
      return luaError(`error loading module '${name}' from modules:\n\t${e.message}`);
    }
  }
  registerHostFunction(searcher_modules, '?');
  // Shift the file searchers up one place, then put ours at 2.
  for (let i = searchers.length(); i >= 2; i--) searchers.set(i + 1, searchers.get(i));
  searchers.set(2, searcher_modules);
}
