// The public LuaError: a Lua error that left Lua for JavaScript.
import type { JsValue } from './types.js';

/** One level of a Lua stack, innermost first (as lua5.4's traceback lists them). */
export interface LuaStackFrame {
  /** Where the function is defined as lua shows it: `[string "..."]`, `file.lua`, or `[C]` for a host function. */
  source: string;
  /** The line it was running, or -1 (host functions, stripped code). */
  line: number;
  /** Its name as lua finds it (`'error'`, `'string.rep'`, `'f'`), or null. */
  functionName: string | null;
  /** `'main'`: a main chunk; `'Lua'`: another Lua function; `'C'`: a host (library or JS) function. */
  what: 'Lua' | 'C' | 'main';
  /** lua's description after "in ": `function 'error'`, `local 'f'`, `main chunk`, `function <file.lua:3>`. */
  description: string;
}

/** Where a LuaError came from: computes its traceback on first use. */
export interface ErrorOrigin {
  /** The engine's error object, when the error came out of Lua. */
  readonly internal: unknown;
  /** The core it belongs to (identity only). */
  readonly owner: object;
  traceback(message: string): string;
  frames(): LuaStackFrame[];
}

const origins = new WeakMap<LuaError, ErrorOrigin>();

/**
 * A Lua error seen from JavaScript.
 *
 * - `message`: what lua.c prints for it: the error value when it is a string
 *   (UTF-8 decoded) or number, the result of its `__tostring`, or
 *   `(error object is a table value)`.
 * - `value`: the Lua error value converted to JS (a table comes as a LuaTableHandle).
 * - `traceback`: lua5.4's text for an uncaught error: the message, then
 *   "stack traceback:" and one line per level, ending with `[C]: in ?`.
 * - `frames`: the same levels as data.
 *
 * A JS function called by Lua may throw a LuaError to raise `value` as a Lua
 * error as it is (no position is added).
 */
export class LuaError extends Error {
  readonly value: JsValue;
  #tb: string | undefined = undefined;
  #fr: LuaStackFrame[] | undefined = undefined;

  constructor(value: unknown, options: { message?: string; cause?: unknown } = {}) {
    super(options.message ?? defaultMessage(value), options.cause !== undefined ? { cause: options.cause } : undefined);
    this.value = value as JsValue;
  }

  /** lua5.4's traceback of an uncaught error: the message, then the stack where it was raised. */
  get traceback(): string {
    if (this.#tb === undefined) {
      const origin = origins.get(this);
      this.#tb = origin !== undefined ? origin.traceback(this.message) : this.message;
    }
    return this.#tb;
  }

  /** The Lua levels of the stack where it was raised, innermost first. */
  get frames(): readonly LuaStackFrame[] {
    if (this.#fr === undefined) {
      const origin = origins.get(this);
      this.#fr = origin !== undefined ? origin.frames() : [];
    }
    return this.#fr;
  }
}

Object.defineProperty(LuaError.prototype, 'name', { value: 'LuaError', enumerable: false, configurable: true, writable: true });

function defaultMessage(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return `(error object is a ${value === undefined || value === null ? 'nil' : typeof value === 'boolean' ? 'boolean' : 'table'} value)`;
}

/** What a limit applies to (see `Limits`). */
export type LimitKind = 'instructions' | 'time' | 'signal' | 'interrupt' | 'memory' | 'depth' | 'string';

/**
 * A run stopped by one of its limits. Lua code could not catch it (pcall,
 * xpcall and coroutine.resume pass it on; `__close` handlers ran). The state
 * stays usable: the next run starts with a fresh budget.
 *
 * - `kind`: which limit;
 * - `limit`: its value (bytes, units, levels, milliseconds; 0 for a signal or interrupt);
 * - `used`: what the run had used when it was stopped;
 * - `traceback`, `frames`: the Lua stack where it was stopped.
 */
export class LuaLimitError extends LuaError {
  constructor(readonly kind: LimitKind, readonly limit: number, readonly used: number, message: string) {
    super(message, { message });
  }
}

Object.defineProperty(LuaLimitError.prototype, 'name', { value: 'LuaLimitError', enumerable: false, configurable: true, writable: true });

/** A LuaLimitError for a limit hit inside Lua. */
export function makeLimitError(kind: LimitKind, limit: number, used: number, message: string, origin: ErrorOrigin): LuaLimitError {
  const e = new LuaLimitError(kind, limit, used, message);
  origins.set(e, origin);
  return e;
}

/** A LuaError for an error that came out of Lua. */
export function makeLuaError(value: JsValue, message: string, origin: ErrorOrigin): LuaError {
  const e = new LuaError(value, { message });
  origins.set(e, origin);
  return e;
}

export function originOf(e: LuaError): ErrorOrigin | undefined {
  return origins.get(e);
}
