// Regolith's public API.
//
//   import { Lua } from 'regolith';
//   const lua = new Lua();
//   lua.global.set('add', (a: number, b: number) => a + b);
//   const [sum] = lua.doString('return add(1, 2)');   // 3
//   lua.close();
//
// `Lua` (src/api) is the embedding API: values converted both ways, JS
// functions and classes in Lua, async runs that await JS promises. The
// low-level pieces under it (LuaState, openLibs, the engine's own values)
// are exported too. Node-specific pieces (files, processes, the process's
// standard streams) are in 'regolith/node', so that this entry point also
// runs in browsers.
//
// The front end: parse() returns the typed syntax tree (`ast.Chunk`; every
// node type is in the `ast` namespace) or throws LuaSyntaxError with luac's
// message; check() never throws and returns every diagnostic it can find.
export * from './api/index.js';
export { parse, check } from './syntax/index.js';
export type { ParseOptions, CheckOptions, Diagnostic } from './syntax/index.js';
export { LuaSyntaxError } from './syntax/errors.js';
export type * as ast from './syntax/ast.js';
export type { Chunk, Dialect } from './syntax/ast.js';
export { LuaState, type StateOptions } from './runtime/state.js';
/** The engine's own error object (the low-level API); the embedding API throws LuaError. */
export { LuaError as LuaRuntimeError } from './runtime/errors.js';
export { LuaTable } from './runtime/table.js';
export { LuaFloat, LuaUserdata, type LuaValue } from './runtime/value.js';
export { openLibs } from './stdlib/init.js';
export { memoryHost, type Host, type OutputStream, type FileSystem, type FdError, type FsResult } from './host/host.js';
export { noFileSystem } from './host/fs.js';
export { memoryFileSystem, MemoryFileSystem, type MemoryFiles } from './host/memfs.js';
export { generateJs } from './runtime/loader.js';
export { toLuaString, fromLuaString } from './runtime/bytes.js';
