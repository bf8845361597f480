// Regolith's public API.
//
//   import { LuaState, openLibs, memoryHost } from 'regolith';
//   const L = new LuaState({ host: memoryHost() });
//   openLibs(L);
//   L.load('print(1 + 1)', '=example')();
//
// Node-specific pieces (files, the process's standard streams) are in
// 'regolith/node' so that this entry point also runs in browsers.
//
// The front end: parse() returns the typed syntax tree (`ast.Chunk`; every
// node type is in the `ast` namespace) or throws LuaSyntaxError with luac's
// message; check() never throws and returns every diagnostic it can find.
export { parse, check } from './syntax/index.js';
export type { ParseOptions, CheckOptions, Diagnostic } from './syntax/index.js';
export { LuaSyntaxError } from './syntax/errors.js';
export type * as ast from './syntax/ast.js';
export type { Chunk, Dialect } from './syntax/ast.js';
export { LuaState, type StateOptions } from './runtime/state.js';
export { LuaError } from './runtime/errors.js';
export { LuaTable } from './runtime/table.js';
export { LuaFloat, LuaUserdata, type LuaValue } from './runtime/value.js';
export { openLibs } from './stdlib/init.js';
export { memoryHost, type Host, type OutputStream } from './host/host.js';
export { generateJs } from './runtime/loader.js';
export { toLuaString, fromLuaString } from './runtime/bytes.js';
