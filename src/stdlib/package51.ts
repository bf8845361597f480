// The package library of Lua 5.1 (loadlib.c of 5.1.5): require with
// package.loaders (preload, Lua, C, all-in-one; each called with the name
// only), a sentinel in package.loaded while a module loads ("loop or
// previous error"), module and package.seeall, 5.1's default paths and
// LUA_PATH/LUA_CPATH with ';;' for the default. No searchers/searchpath.
// Dynamic libraries are not available (package.loadlib answers as a lua5.1
// built without them).

import { setEnvironmentAt } from './fenv.js';
import { LuaTable } from '../runtime/table.js';
import { captureFrames, luaLevels } from '../runtime/errors.js';
import { LuaLightUserdata, LuaFloat, type LuaValue } from '../runtime/value.js';
import * as N from '../runtime/number.js';
import type { LuaState } from '../runtime/state.js';
import { LuaSyntaxError } from '../syntax/errors.js';
import { fileSource } from '../syntax/index.js';
import { canOpen, fileSystemOf, readWholeFile } from '../host/fs.js';
import * as ops from './lauxlib.js';
import { checkString, checkTable, luaError, registerHostFunction, setFuncs, type Args } from './lauxlib.js';
import { openPackage } from './package.js';

/** Debian lua5.1's defaults (luaconf.h with Debian's multiarch C path). */
const LUA_PATH_DEFAULT =
  './?.lua;/usr/local/share/lua/5.1/?.lua;/usr/local/share/lua/5.1/?/init.lua;' +
  '/usr/local/lib/lua/5.1/?.lua;/usr/local/lib/lua/5.1/?/init.lua;' +
  '/usr/share/lua/5.1/?.lua;/usr/share/lua/5.1/?/init.lua';
const LUA_CPATH_DEFAULT =
  './?.so;/usr/local/lib/lua/5.1/?.so;/usr/lib/x86_64-linux-gnu/lua/5.1/?.so;' +
  '/usr/lib/lua/5.1/?.so;/usr/local/lib/lua/5.1/loadall.so';

const DLL_MESSAGE = 'dynamic libraries not enabled; check your Lua installation';

export function openPackage51(L: LuaState): void {
  openPackage(L);
  const pkg = L.loaded.getStr('package') as LuaTable;
  const loaded = L.loaded;
  const G = L.globals;
  const fs = fileSystemOf(L.host);
  /** The mark of a module being loaded (a light userdata, as in C). */
  const sentinel = new LuaLightUserdata('sentinel');

  /** setpath of 5.1: the environment variable, each ';;' replaced by ';default;'. */
  function envPath(name: string, dft: string): string {
    if (L.registry.getStr('LUA_NOENV') === true) return dft;
    const path = L.host.getenv(name);
    if (path === undefined) return dft;
    return path.split(';;').join(';\x01;').split('\x01').join(dft);
  }

  /** findfile: the first readable file of the path's templates, or the "no file" lines. */
  function findFile(name: string, pname: string): { file: string } | { error: string } {
    const n = name.split('.').join('/');
    const p = pkg.getStr(pname);
    let path: string;
    if (typeof p === 'string') path = p;
    else if (typeof p === 'number' || p instanceof LuaFloat) path = N.tostringNumber(p);
    else return luaError(`'package.${pname}' must be a string`);
    let msg = '';
    // Empty templates are skipped (pushnexttemplate).
    for (const template of path.split(';')) {
      if (template === '') continue;
      const file = template.split('?').join(n);
      if (canOpen(fs, file)) return { file };
      msg += `\n\tno file '${file}'`;
    }
    return { error: msg };
  }

  function loadError(name: string, file: string, msg: string): never {
    return luaError(`error loading module '${name}' from file '${file}':\n\t${msg}`);
  }

  function loader51_preload(...args: Args): LuaValue {
    const name = checkString(args, 0);
    const pre = pkg.getStr('preload');
    if (!(pre instanceof LuaTable)) luaError("'package.preload' must be a table");
    const f = (pre as LuaTable).get(name);
    return f === undefined ? `\n\tno field package.preload['${name}']` : f;
  }

  function loader51_Lua(...args: Args): LuaValue {
    const name = checkString(args, 0);
    const r = findFile(name, 'path');
    if ('error' in r) return r.error;
    const data = readWholeFile(fs, r.file);
    if (!data.ok) return loadError(name, r.file, data.error);
    try {
      return L.compile(fileSource(data.data, L.dialect), '@' + r.file, G);
    } catch (e) {
      if (e instanceof LuaSyntaxError) return loadError(name, r.file, e.message);
      throw e;
    }
  }

  function loader51_C(...args: Args): LuaValue {
    const name = checkString(args, 0);
    const r = findFile(name, 'cpath');
    if ('error' in r) return r.error;
    return loadError(name, r.file, DLL_MESSAGE);
  }

  function loader51_Croot(...args: Args): unknown {
    const name = checkString(args, 0);
    const dot = name.indexOf('.');
    if (dot < 0) return ops.EMPTY;
    const r = findFile(name.slice(0, dot), 'cpath');
    if ('error' in r) return r.error;
    return loadError(name, r.file, DLL_MESSAGE);
  }

  function ll51_require(...args: Args): LuaValue {
    const name = checkString(args, 0);
    const have = loaded.get(name);
    if (have !== undefined && have !== false) {
      if (have === sentinel) luaError(`loop or previous error loading module '${name}'`);
      return have;
    }
    const loaders = pkg.getStr('loaders');
    if (!(loaders instanceof LuaTable)) luaError("'package.loaders' must be a table");
    let msg = '';
    let loader: LuaValue;
    for (let i = 1; ; i++) {
      const l = (loaders as LuaTable).get(i);
      if (l === undefined) luaError(`module '${name}' not found:${msg}`);
      const r = ops.first(ops.call(l, name));
      if (typeof r === 'function') {
        loader = r;
        break;
      }
      if (typeof r === 'string') msg += r;
      else if (typeof r === 'number' || r instanceof LuaFloat) msg += N.tostringNumber(r);
    }
    loaded.set(name, sentinel);
    const result = ops.first(ops.call(loader, name));
    if (result !== undefined) loaded.set(name, result);
    if (loaded.get(name) === sentinel) {
      loaded.set(name, true);
      return true;
    }
    return loaded.get(name);
  }

  function ll51_seeall(...args: Args): unknown {
    const t = checkTable(args, 0);
    let mt = t.metatable;
    if (mt === null) {
      mt = new LuaTable();
      t.metatable = mt;
    }
    mt.setStr('__index', G);
    return ops.EMPTY;
  }

  /** luaL_findtable on the globals: the table at a dotted name, made as needed; null on a conflict. */
  function findTable(fname: string): LuaTable | null {
    let t: LuaValue = G;
    for (const part of fname.split('.')) {
      let v: LuaValue = (t as LuaTable).get(part);
      if (v === undefined) {
        v = new LuaTable();
        ops.setindex(t, part, v);
      } else if (!(v instanceof LuaTable)) return null;
      t = v;
    }
    return t as LuaTable;
  }

  function ll51_module(...args: Args): unknown {
    const modname = checkString(args, 0);
    let m = loaded.get(modname);
    if (!(m instanceof LuaTable)) {
      const t = findTable(modname);
      if (t === null) luaError(`name conflict for module '${modname}'`);
      m = t!;
      loaded.set(modname, m);
    }
    const M = m as LuaTable;
    if (M.get('_NAME') === undefined) {
      M.setStr('_M', M);
      M.setStr('_NAME', modname);
      const dot = modname.lastIndexOf('.');
      M.setStr('_PACKAGE', dot < 0 ? '' : modname.slice(0, dot + 1));
    }
    // The calling function gets the module as its environment: seen from
    // setfenv, level 1 is module (a C function), level 2 its caller.
    const levels = luaLevels(captureFrames(16));
    const at = Math.max(0, levels.findIndex((f) => f.kind === 'host'));
    const caller = levels[at + 1];
    if (caller === undefined || caller.kind !== 'lua') luaError("'module' not called from a Lua function");
    setEnvironmentAt(1, M);
    for (let i = 1; i < args.length; i++) ops.call(args[i], M);
    return ops.EMPTY;
  }

  for (const k of ['searchers', 'searchpath']) pkg.setStr(k, undefined);
  const loaders = new LuaTable();
  [loader51_preload, loader51_Lua, loader51_C, loader51_Croot].forEach((f, i) => {
    registerHostFunction(f, '?');
    loaders.set(i + 1, f);
  });
  pkg.setStr('loaders', loaders);
  pkg.setStr('path', envPath('LUA_PATH', LUA_PATH_DEFAULT));
  pkg.setStr('cpath', envPath('LUA_CPATH', LUA_CPATH_DEFAULT));
  pkg.setStr('config', '/\n;\n?\n!\n-');
  setFuncs(pkg, 'package.', { seeall: ll51_seeall });
  G.setStr('require', ll51_require);
  registerHostFunction(ll51_require, 'require');
  G.setStr('module', ll51_module);
  registerHostFunction(ll51_module, 'module');
}
