// The package library (loadlib.c): require, package.path/cpath/config,
// package.searchpath, package.searchers (preload and Lua searchers; the C
// searchers only report the files they looked for), and package.loadlib
// (dynamic libraries are not available).
import { E } from '../runtime/engine.js';
import { LuaTable } from '../runtime/table.js';
import * as ops from './lauxlib.js';
import { LuaFloat, type LuaValue } from '../runtime/value.js';
import * as N from '../runtime/number.js';
import type { LuaState } from '../runtime/state.js';
import { LuaSyntaxError } from '../syntax/errors.js';
import { fileSource } from '../syntax/index.js';
import { canOpen, fileSystemOf, readWholeFile } from '../host/fs.js';
import { checkString, luaError, optString, registerHostFunction, setFuncs, type Args } from './lauxlib.js';
import type { Dialect } from '../syntax/ast.js';

/**
 * The reference builds' (Debian lua5.4, lua5.3, lua5.1) default paths: 5.1
 * puts the current directory first, 5.3 and 5.4 last.
 */
function defaultPaths(dialect: Dialect): { path: string; cpath: string } {
  const v = dialect;
  const lua = `/usr/local/share/lua/${v}/?.lua;/usr/local/share/lua/${v}/?/init.lua;` +
    `/usr/local/lib/lua/${v}/?.lua;/usr/local/lib/lua/${v}/?/init.lua;` +
    `/usr/share/lua/${v}/?.lua;/usr/share/lua/${v}/?/init.lua`;
  const c = `/usr/local/lib/lua/${v}/?.so;/usr/lib/x86_64-linux-gnu/lua/${v}/?.so;` +
    `/usr/lib/lua/${v}/?.so;/usr/local/lib/lua/${v}/loadall.so`;
  if (dialect === '5.1') return { path: `./?.lua;${lua}`, cpath: `./?.so;${c}` };
  return { path: `${lua};./?.lua;./?/init.lua`, cpath: `${c};./?.so` };
}

/** The environment variables read for package.path/cpath, first found wins (5.1 has no versioned names). */
function pathVars(dialect: Dialect, base: 'LUA_PATH' | 'LUA_CPATH'): string[] {
  return dialect === '5.1' ? [base] : [`${base}_${dialect.replace('.', '_')}`, base];
}

/** package.config: 5.1's has no final newline. */
function packageConfig(dialect: Dialect): string {
  return dialect === '5.1' ? '/\n;\n?\n!\n-' : '/\n;\n?\n!\n-\n';
}

const DLL_MESSAGE = 'dynamic libraries not enabled; check your Lua installation';

/**
 * setpath: the first of the environment variables, with ';;' replaced by the
 * default. 5.4 replaces the first ';;' only and drops the separators next to
 * it at either end; 5.1 and 5.3 replace every ';;' by ';default;'.
 */
function envPath(L: LuaState, names: string[], dft: string): string {
  // lua -E: ignore environment variables (loadlib.c noenv).
  if (L.registry.getStr('LUA_NOENV') === true) return dft;
  let path: string | undefined;
  for (const n of names) {
    path = L.host.getenv(n);
    if (path !== undefined) break;
  }
  if (path === undefined) return dft;
  if (L.dialect !== '5.4') return path.split(';;').join(`;${dft};`);
  const mark = path.indexOf(';;');
  if (mark < 0) return path;
  let r = '';
  if (mark > 0) r += path.slice(0, mark) + ';';
  r += dft;
  if (mark < path.length - 2) r += ';' + path.slice(mark + 2);
  return r;
}

export function openPackage(L: LuaState): void {
  const pkg = new LuaTable();
  const loaded = L.loaded;
  const preload = new LuaTable();
  /** lua5.3's loadlib.c (DialectSpec `packageLib`): its paths, its searchers' messages and results. */
  const v53 = L.engine.dialect.packageLib === '5.3';

  const fs = fileSystemOf(L.host);

  function readable(path: string): boolean {
    return canOpen(fs, path);
  }

  /** searchpath: the file found, or the "no file" lines (without a leading "\n\t"). */
  function searchPath(name: string, path: string, sep: string, rep: string): { file: string } | { error: string } {
    if (sep !== '') name = name.split(sep).join(rep);
    const tried: string[] = [];
    // Every piece between separators is a template, empty ones too (but not an empty path).
    for (const template of path === '' ? [] : path.split(';')) {
      const file = template.split('?').join(name);
      if (readable(file)) return { file };
      tried.push(`no file '${file}'`);
    }
    // 5.3 starts every line with "\n\t"; 5.4 joins them (require adds the first "\n\t").
    if (v53) return { error: tried.map((t) => `\n\t${t}`).join('') };
    return { error: tried.join('\n\t') };
  }

  function pathField(field: string): string {
    const p = pkg.getStr(field);
    if (typeof p === 'number' || typeof p === 'bigint' || p instanceof LuaFloat) return N.tostringNumber(p);
    if (typeof p !== 'string') luaError(`'package.${field}' must be a string`);
    return p;
  }

  function ll_searchpath(...args: Args): unknown {
    // The reference's C compiler evaluates these arguments right to left.
    const rep = optString(args, 3, '/');
    const sep = optString(args, 2, '.');
    const path = checkString(args, 1);
    const name = checkString(args, 0);
    const r = searchPath(name, path, sep, rep);
    if ('file' in r) return r.file;
    return [undefined, r.error];
  }

  function ll_loadlib(...args: Args): unknown {
    checkString(args, 0);
    checkString(args, 1);
    return [undefined, DLL_MESSAGE, 'absent'];
  }

  function searcher_preload(...args: Args): unknown {
    const name = checkString(args, 0);
    const pre = L.registry.getStr('_PRELOAD');
    if (!(pre instanceof LuaTable)) luaError("'package.preload' must be a table");
    const loader = pre.get(name);
    if (loader === undefined) return `${v53 ? '\n\t' : ''}no field package.preload['${name}']`;
    return v53 ? loader : [loader, ':preload:'];
  }

  function searcher_Lua(...args: Args): unknown {
    const name = checkString(args, 0);
    const r = searchPath(name, pathField('path'), '.', '/');
    if ('error' in r) return r.error;
    const file = r.file;
    const data = readWholeFile(fs, file);
    let err: string;
    if (data.ok) {
      try {
        return [L.compile(fileSource(data.data, L.dialect), '@' + file), file];
      } catch (e) {
        if (!(e instanceof LuaSyntaxError)) throw e;
        err = e.message;
      }
    } else {
      err = data.error;
    }
    return luaError(`error loading module '${name}' from file '${file}':\n\t${err}`);
  }

  function cLoaderFailure(name: string, file: string): never {
    return luaError(`error loading module '${name}' from file '${file}':\n\t${DLL_MESSAGE}`);
  }

  function searcher_C(...args: Args): unknown {
    const name = checkString(args, 0);
    const r = searchPath(name, pathField('cpath'), '.', '/');
    if ('error' in r) return r.error;
    return cLoaderFailure(name, r.file);
  }

  function searcher_Croot(...args: Args): unknown {
    const name = checkString(args, 0);
    const dot = name.indexOf('.');
    if (dot < 0) return ops.EMPTY;
    const r = searchPath(name.slice(0, dot), pathField('cpath'), '.', '/');
    if ('error' in r) return r.error;
    return cLoaderFailure(name, r.file);
  }

  function ll_require(...args: Args): unknown {
    const name = checkString(args, 0);
    const have = loaded.get(name);
    if (ops.truthy(have)) return have;
    // findloader
    const searchers = pkg.getStr('searchers');
    if (!(searchers instanceof LuaTable)) luaError("'package.searchers' must be a table");
    let msg = '';
    let loader: LuaValue;
    let data: LuaValue;
    for (let i = 1; ; i++) {
      const s = searchers.get(i);
      if (s === undefined) luaError(`module '${name}' not found:${msg}`);
      const r = ops.mv(ops.call(s, name));
      if (typeof r[0] === 'function') {
        loader = r[0];
        data = r[1];
        break;
      }
      if (typeof r[0] === 'string') msg += (v53 ? '' : '\n\t') + r[0];
    }
    const result = ops.first(ops.call(loader, name, data));
    if (result !== undefined) loaded.set(name, result);
    else if (loaded.get(name) === undefined) loaded.set(name, true);
    // 5.3's require returns the module only (DialectSpec `requireData`).
    return E.dialect.requireData ? [loaded.get(name), data] : loaded.get(name);
  }

  setFuncs(pkg, 'package.', { loadlib: ll_loadlib, searchpath: ll_searchpath });
  const searchers = new LuaTable();
  const list = [searcher_preload, searcher_Lua, searcher_C, searcher_Croot];
  list.forEach((f, i) => {
    registerHostFunction(f, '?');
    searchers.set(i + 1, f);
  });
  pkg.setStr('searchers', searchers);
  const dft = defaultPaths(L.dialect);
  pkg.setStr('path', envPath(L, pathVars(L.dialect, 'LUA_PATH'), dft.path));
  pkg.setStr('cpath', envPath(L, pathVars(L.dialect, 'LUA_CPATH'), dft.cpath));
  pkg.setStr('config', packageConfig(L.dialect));
  pkg.setStr('loaded', loaded);
  L.registry.setStr('_LOADED', loaded);
  pkg.setStr('preload', preload);
  L.registry.setStr('_PRELOAD', preload);
  L.globals.setStr('require', ll_require);
  registerHostFunction(ll_require, 'require');
  L.loaded.setStr('package', pkg);
  L.globals.setStr('package', pkg);
}
