// The description of each Lua dialect: one record per version that the
// lexer and parser (through its version), the code generator, the runtime's
// slow paths and the library loader all read. A state has one dialect
// (`Engine.dialect`); states of different dialects run side by side.
//
// Every switch names a behaviour that differs between the versions, so a
// reader can find every place a difference is implemented by searching for
// the switch's name.

import type { Dialect } from '../syntax/ast.js';

export type Version = Dialect;

/** How a runtime type error is worded (luaG_typeerror). */
export type MessageStyle = '5.4' | '5.1';

export interface DialectSpec {
  readonly version: Version;
  /** `_VERSION`. */
  readonly name: string;
  /**
   * The number model. 'dual': integers and floats as two subtypes (5.3, 5.4;
   * see value.ts). 'double': every number is a double (5.1). A 5.1 state's
   * numbers are JS numbers; a `LuaFloat` box made by shared library code
   * means the same number, and there are never bigints.
   */
  readonly numbers: 'dual' | 'double';
  /**
   * Arithmetic on numeric strings: through the string metatable's
   * metamethods (5.4), or converted by the VM (5.3: to floats; 5.1: numbers).
   */
  readonly stringArith: 'metamethods' | 'convert';
  /** Bitwise operators convert numeric strings (5.3). */
  readonly stringBitwise: boolean;
  /** `__len` is consulted for tables (5.2+). */
  readonly lenOfTables: boolean;
  /** `pairs` honours `__pairs` (5.2+). */
  readonly pairsMeta: boolean;
  /** `ipairs` honours `__ipairs` (5.3 with LUA_COMPAT_5_2 only). */
  readonly ipairsMeta: boolean;
  /** `ipairs` stops at the first nil reading through `__index` (5.3+) rather than raw (5.1). */
  readonly ipairsIndex: boolean;
  /** `__eq` is tried only when both operands share the same handler (5.1). */
  readonly eqSameHandler: boolean;
  /** `__le` falls back to `not __lt(b, a)` (5.1, 5.3). */
  readonly leFromLt: boolean;
  /** Coroutines can yield across pcall, metamethods and iterators (5.2+). */
  readonly yieldAcrossCalls: boolean;
  /** A weak-keyed table is an ephemeron table (5.2+): a value refers to its key only while the key is reachable otherwise. */
  readonly ephemerons: boolean;
  /** Tables honour `__gc` (5.2+). */
  readonly gcOfTables: boolean;
  /** Errors in `__gc` propagate (5.3) or become warnings (5.4); 5.1 has no table finalizers. */
  readonly gcErrors: 'propagate' | 'warn';
  /** The numeric `for` loop's rules (preparation, wrap-around, zero step, messages). */
  readonly forLoop: Version;
  /**
   * Where line hooks see line events (compiler/hooklines.ts): 5.4's rules;
   * 5.3's (a numeric for jumps back into its body for every iteration); 5.1's
   * (as 5.3's, and the test of an `if` is at its condition's last token, not
   * at `then`; a loop jumps back to its condition, and `while true` has none;
   * a `local` of nils before any instruction of its function emits nothing).
   */
  readonly lineEvents: '5.4' | '5.3' | '5.1';
  /**
   * Hooks of tail calls: a 'tail call' event (5.2+), or a 'call' and, when
   * the function returns, one 'tail return' for each caller a tail call
   * removed (5.1's ci->tailcalls).
   */
  readonly tailReturns: boolean;
  /** Functions have environments (setfenv/getfenv); globals are read through the running function's. */
  readonly functionEnvironments: boolean;
  /** Vararg functions that never use `...` get the `arg` table (5.1's LUA_COMPAT_VARARG). */
  readonly varargArg: boolean;
  /** Wording of runtime type errors: "attempt to call a nil value (global 'f')" or "attempt to call global 'f' (a nil value)". */
  readonly messages: MessageStyle;
  /** An operator's instruction is at the line of its operand's last token (5.1, no luaK_fixline), not the operator's line. */
  readonly operatorAtLastLine: boolean;
  /** Deepest nesting of Lua calls before "stack overflow" (5.1: LUAI_MAXCALLS, 20000 call records). */
  readonly maxCallDepth: number;
  /** Longest `__index`/`__newindex` chain (MAXTAGLOOP) and the errors past it. */
  readonly tagLoop: { readonly limit: number; readonly index: string; readonly newindex: string };
  /** Library functions' integer arguments: must have an exact integer value (5.3+) or are truncated (5.1). */
  readonly integerArguments: 'exact' | 'truncate';
  /** `print` calls the global `tostring` (5.1, 5.3) rather than converting directly (5.4). */
  readonly printCallsTostring: boolean;
  /**
   * Errors of binary arithmetic, bitwise and comparison operators name a
   * constant operand ("(constant 'abc')", 5.4's K operands); 5.3's RK
   * operands have no name.
   */
  readonly namesConstantOperands: boolean;
  /** A small integer key is described as "field 'integer index'" (5.4's OP_GETI) rather than "field '?'". */
  readonly namesIntegerIndex: boolean;
  /** Some argument errors say what was given: "nil or table expected, got number" (5.4's luaL_argexpected) rather than "nil or table expected". */
  readonly argExpectedGot: boolean;
  /** The base library has `warn` (5.4). */
  readonly warnFunction: boolean;
  /** The coroutine library has `close` (5.4). */
  readonly coroutineClose: boolean;
  /** The collector has a generational mode: collectgarbage("generational"/"incremental") (5.4). */
  readonly gcModes: boolean;
  /** How setpause/setstepmul keep their parameter: a quarter in a byte (5.4), or an int (5.3: the step multiplier at least 40, both 200 by default). */
  readonly gcParams: 'byte' | 'int';
  /** The debug library has `setcstacklimit` (5.4.0-5.4.4). */
  readonly cstackLimit: boolean;
  /** debug.upvalueid answers nil for an invalid upvalue index (5.4.4) rather than raising an error. */
  readonly upvalueidNil: boolean;
  /** debug.debug shows an error of a command with luaL_tolstring (5.4) rather than lua_tostring ("(null)" for a non-string, 5.3). */
  readonly debugMessagesTolstring: boolean;
  /** string.format's rules: conversions, flags, %q and messages (string-format53.ts for 5.3). */
  readonly stringFormat: '5.4' | '5.3';
  /** The utf8 library: 5.4's (extended sequences, `lax` arguments) or 5.3's (utf8-53.ts). */
  readonly utf8: '5.4' | '5.3';
  /** string.unpack's rules: 5.3's initial position (no clamping) and unterminated 'z' strings. */
  readonly stringPack: '5.4' | '5.3';
  /** lua_pushfstring's `%c` shows a non-printable character as "<\\code>" (5.3) rather than as it is. */
  readonly fstringCharEscape: boolean;
  /** math.random/randomseed: 5.4's (xoshiro, 64-bit projections) or 5.3's (argument rules, results). */
  readonly random: '5.4' | '5.3';
  /** Creating a closure reuses the prototype's last closure when its upvalues are the same (lua5.3's closure cache). */
  readonly closureCache: boolean;
  /**
   * Calls follow chains of `__call` handlers (5.4); 5.3 takes one handler,
   * which must be a function, names no metamethod in call errors, and names
   * metamethod levels by their keys ("in metamethod '__index'").
   */
  readonly callChains: boolean;
  /** Names of internal slots for debug.getlocal: "(for state)", "(temporary)", "(vararg)" (5.4) or "(for index)"..., "(*temporary)", "(*vararg)" (5.3). */
  readonly internalNames: '5.4' | '5.3';
  /** The generic `for` takes a fourth value, a to-be-closed variable (5.4). */
  readonly genericForClose: boolean;
  /** `require` returns the loader data as a second result (5.4). */
  readonly requireData: boolean;
  /** io.lines returns the file as a to-be-closed fourth value (5.4); 5.3 returns the iterator only. */
  readonly linesClose: boolean;
  /** The package library's paths (LUA_PATH_5_x, default directories), searcher messages and results. */
  readonly packageLib: '5.4' | '5.3';
  /** os.time reads the date table's fields in 5.3's order (sec first, year last) rather than 5.4's. */
  readonly osTimeFieldOrder: '5.4' | '5.3';
  /** Traceback layout (5.1's differs). */
  readonly traceback: '5.4' | '5.1';
  /** The libraries `openLibs` opens, in order. */
  readonly libraries: readonly LibraryName[];
}

export type LibraryName =
  | 'base' | 'package' | 'coroutine' | 'table' | 'io' | 'os' | 'string' | 'math' | 'utf8' | 'debug' | 'bit32' | 'bit';

export const LUA54: DialectSpec = {
  version: '5.4',
  name: 'Lua 5.4',
  numbers: 'dual',
  stringArith: 'metamethods',
  stringBitwise: false,
  lenOfTables: true,
  pairsMeta: true,
  ipairsMeta: false,
  ipairsIndex: true,
  eqSameHandler: false,
  leFromLt: false,
  yieldAcrossCalls: true,
  ephemerons: true,
  gcOfTables: true,
  gcErrors: 'warn',
  forLoop: '5.4',
  lineEvents: '5.4',
  tailReturns: false,
  functionEnvironments: false,
  varargArg: false,
  messages: '5.4',
  operatorAtLastLine: false,
  maxCallDepth: 220000,
  tagLoop: { limit: 2000, index: "'__index' chain too long; possible loop", newindex: "'__newindex' chain too long; possible loop" },
  integerArguments: 'exact',
  printCallsTostring: false,
  namesConstantOperands: true,
  namesIntegerIndex: true,
  argExpectedGot: true,
  warnFunction: true,
  coroutineClose: true,
  gcModes: true,
  gcParams: 'byte',
  cstackLimit: true,
  upvalueidNil: true,
  debugMessagesTolstring: true,
  stringFormat: '5.4',
  utf8: '5.4',
  stringPack: '5.4',
  random: '5.4',
  closureCache: false,
  callChains: true,
  internalNames: '5.4',
  genericForClose: true,
  requireData: true,
  linesClose: true,
  packageLib: '5.4',
  osTimeFieldOrder: '5.4',
  fstringCharEscape: false,
  traceback: '5.4',
  libraries: ['base', 'package', 'coroutine', 'table', 'io', 'os', 'string', 'math', 'utf8', 'debug'],
};

/** Debian's lua5.3 (5.3.6, built with LUA_COMPAT_5_2: bit32, math.pow, __ipairs). */
export const LUA53: DialectSpec = {
  ...LUA54,
  version: '5.3',
  name: 'Lua 5.3',
  stringArith: 'convert',
  stringBitwise: true,
  ipairsMeta: true,
  leFromLt: true,
  gcErrors: 'propagate',
  forLoop: '5.3',
  lineEvents: '5.3',
  tailReturns: false,
  printCallsTostring: true,
  namesConstantOperands: false,
  namesIntegerIndex: false,
  argExpectedGot: false,
  warnFunction: false,
  coroutineClose: false,
  gcModes: false,
  gcParams: 'int',
  cstackLimit: false,
  upvalueidNil: false,
  debugMessagesTolstring: false,
  stringFormat: '5.3',
  utf8: '5.3',
  stringPack: '5.3',
  random: '5.3',
  closureCache: true,
  callChains: false,
  internalNames: '5.3',
  genericForClose: false,
  requireData: false,
  linesClose: false,
  packageLib: '5.3',
  osTimeFieldOrder: '5.3',
  fstringCharEscape: true,
  libraries: ['base', 'package', 'coroutine', 'table', 'io', 'os', 'string', 'bit32', 'math', 'utf8', 'debug'],
};

/** Debian's lua5.1 (5.1.5 with its default compatibility options). */
export const LUA51: DialectSpec = {
  ...LUA54,
  version: '5.1',
  name: 'Lua 5.1',
  numbers: 'double',
  stringArith: 'convert',
  lenOfTables: false,
  pairsMeta: false,
  ipairsIndex: false,
  eqSameHandler: true,
  leFromLt: true,
  yieldAcrossCalls: false,
  ephemerons: false,
  gcOfTables: false,
  gcErrors: 'propagate',
  forLoop: '5.1',
  lineEvents: '5.1',
  tailReturns: true,
  functionEnvironments: true,
  varargArg: true,
  messages: '5.1',
  operatorAtLastLine: true,
  maxCallDepth: 20000,
  tagLoop: { limit: 100, index: 'loop in gettable', newindex: 'loop in settable' },
  integerArguments: 'truncate',
  printCallsTostring: true,
  namesConstantOperands: false,
  namesIntegerIndex: false,
  argExpectedGot: false,
  warnFunction: false,
  coroutineClose: false,
  gcModes: false,
  cstackLimit: false,
  callChains: false,
  internalNames: '5.3',
  genericForClose: false,
  requireData: false,
  linesClose: false,
  traceback: '5.1',
  libraries: ['base', 'package', 'table', 'io', 'os', 'string', 'math', 'debug'],
};

/** The error of a yield that cannot suspend its coroutine (lua_yield's wording; 5.1 has one for every case). */
export function yieldAcrossMessage(d: DialectSpec, outside: boolean): string {
  if (d.messages === '5.1') return 'attempt to yield across metamethod/C-call boundary';
  return outside ? 'attempt to yield from outside a coroutine' : 'attempt to yield across a C-call boundary';
}

export const DIALECTS: Readonly<Record<Version, DialectSpec>> = { '5.4': LUA54, '5.3': LUA53, '5.1': LUA51 };

export function dialectSpec(v: Version | undefined): DialectSpec {
  return DIALECTS[v ?? '5.4'];
}
