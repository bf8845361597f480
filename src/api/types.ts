// Types and markers of the embedding API shared by its modules.
import type { LuaFloat } from '../runtime/value.js';
import type { LuaTableHandle, LuaFunctionHandle, LuaUserdataHandle, LuaThreadHandle } from './handles.js';

/**
 * A Lua value as the API hands it to JavaScript (see the mapping in
 * README.md, "Embedding"):
 *
 * - nil → `undefined`; booleans → booleans
 * - integers → `number` when |n| ≤ 2^53-1, `bigint` beyond
 * - floats → `number` (with `numbers: 'exact'`, integral floats stay `LuaFloat`)
 * - strings → `string` (UTF-8 decoded), or `Uint8Array` with `strings: 'bytes'`
 * - tables → LuaTableHandle (live), functions → LuaFunctionHandle,
 *   coroutines → LuaThreadHandle
 * - userdata made from a JS object (registered class instance, opaque
 *   object, proxy) → that very object; other userdata → LuaUserdataHandle
 */
export type JsValue =
  | undefined
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | LuaFloat
  | LuaTableHandle
  | LuaFunctionHandle
  | LuaUserdataHandle
  | LuaThreadHandle
  | HostObject;

/** One of the embedder's own objects, coming back out of Lua as itself (userdata made from it). */
export type HostObject = object;

/** How Lua values are converted to JavaScript. */
export interface ConvertOptions {
  /** `'text'` (default): strings decoded as UTF-8 (invalid sequences become U+FFFD); `'bytes'`: `Uint8Array`s, lossless. */
  strings?: 'text' | 'bytes';
  /** `'plain'` (default): every float is a `number`; `'exact'`: integral floats (3.0) stay `LuaFloat` boxes. */
  numbers?: 'plain' | 'exact';
}

/** Options of `LuaTableHandle.toJS`: a deep copy into plain JS data. */
export interface ToJSOptions extends ConvertOptions {
  /** What an empty table becomes: `'object'` (default) `{}` or `'array'` `[]`. */
  emptyTables?: 'object' | 'array';
}

/**
 * Several results from a JS function called by Lua: `return Lua.multi(a, b)`.
 * (Any other return value is exactly one result; `undefined` is none.)
 */
export class MultiReturn {
  readonly values: readonly unknown[];
  constructor(values: readonly unknown[]) {
    this.values = values;
  }
}

/**
 * Lua's standard libraries, by the names `LuaOptions.libs` takes (a dialect
 * opens only those it has: bit32 is 5.3's), and
 * 'bit' (LuaBitOp), which no dialect opens unless it is named.
 */
export type LibName = 'base' | 'coroutine' | 'table' | 'math' | 'os' | 'string' | 'package' | 'io' | 'debug' | 'utf8' | 'bit32' | 'bit';

export const LIB_NAMES: readonly LibName[] = ['base', 'coroutine', 'table', 'math', 'os', 'string', 'package', 'io', 'debug', 'utf8', 'bit32', 'bit'];

/** Libraries opened only when named (never by 'all'). */
export const OPTIONAL_LIBS: readonly LibName[] = ['bit'];
