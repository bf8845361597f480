// The contract between the code generator and the runtime: every helper that
// generated code calls, bound in each chunk as `$name` (`const {first: $first,
// ...} = $R;`), with the type the generated code relies on.
//
// runtime/helper-record.ts builds the record it passes as `$R` typed as
// RuntimeHelpers, and the code generator takes its list of names from
// HELPER_NAMES below, which must name exactly the keys of RuntimeHelpers: a
// helper missing, misspelled or left over on either side is a build error.
// The types here are what the code generator passes and expects; the runtime's
// functions must accept at least that.

import type { LuaTable } from '../runtime/table.js';
import type { LuaFloat, LuaValue } from '../runtime/value.js';
import type { CallRequest } from '../runtime/callreq.js';
import type { LuaFunction } from '../runtime/trampoline.js';
import type { FrameRec } from '../runtime/hooks.js';
import type { ArithOp } from '../runtime/ops.js';

/** A resumable helper: yields call requests (metamethods) to the trampoline, returns T. */
type Resumable<T> = Generator<CallRequest, T, unknown>;

/** A name as the generated code describes it in messages (`local 'x'`), or none. */
type Desc = string | null | undefined;

/** Integer `for` loops beyond 2^53 count iterations (runtime/helper-record.ts forprep). */
type ForKind = 0 | 1 | { start: bigint; step: bigint } | { value: LuaValue };

export interface RuntimeHelpers {
  /** JS stack used by direct-mode frames (`n`, against `limit`); the line a resumable helper was called from (`cl`). */
  D: { n: number; limit: number; cl: number };
  /** Continue a call in the resumable variant, on the heap (past `D.limit`). */
  deep: (f: LuaFunction, args: LuaValue[], weight: number) => unknown;
  /**
   * A Lua closure from its direct variant, the closure factories of its
   * chunk (`$Ps`, which the resumable variants compiled later call;
   * undefined in plain code), its proto index and upvalue cells (bound per
   * chunk); `env` is its environment cell in dialects with function
   * environments (5.1).
   */
  mkfn: (f: LuaFunction, factories: readonly Function[] | undefined, proto: number, cells?: { v: LuaValue }[], env?: { v: LuaValue }) => LuaFunction;
  /** The running coroutine's list of running functions (5.1 chunks that look up environments by level). */
  fenvFrames: () => LuaValue[];
  /** 5.1's `arg` table of a vararg function: the extra arguments and `n`. */
  varargTable: (va: LuaValue[]) => LuaValue;
  /** A call from host code (a C level): 5.1's iterator calls, which a coroutine cannot yield across. */
  ccall: (f: unknown, ...args: LuaValue[]) => unknown;
  /** 5.1's resumable code calls a C boundary (pcall, xpcall) directly: is the running machine one that can neither pause nor await? */
  cdirect: () => boolean;

  // Multiple results.
  EMPTY: LuaValue[];
  first: (r: unknown) => LuaValue;
  nth: (r: unknown, i: number) => LuaValue;
  mv: (r: unknown) => LuaValue[];
  append: (fixed: LuaValue[], r: unknown) => LuaValue[];

  // Tables.
  LuaTable: typeof LuaTable;
  /** The shared array part of tables without one (table.ts): the inline append must not push to it. */
  noArr: LuaValue[];
  /** The float box (`x == 1` tests for one inline: codegen's numberEquality). */
  LuaFloat: typeof LuaFloat;
  tableArray: (values: LuaValue[]) => LuaTable;
  tableBuild: (items: unknown[]) => LuaTable;
  keyed: (k: LuaValue, v: LuaValue) => LuaValue;
  /** `o[k]` after generated code's inline probe found nothing (ops.indexMiss). */
  indexMiss: (o: unknown, k: LuaValue, desc?: Desc) => LuaValue;
  indexStr: (o: unknown, k: string, desc?: Desc) => LuaValue;
  indexG: (o: unknown, k: LuaValue, desc?: Desc) => Resumable<LuaValue>;
  /** `o[k] = v` after generated code's inline probe found nothing (ops.setindexMiss). */
  setindexMiss: (o: unknown, k: LuaValue, v: LuaValue, desc?: Desc) => void;
  setindexStr: (o: unknown, k: string, v: LuaValue, desc?: Desc) => void;
  setindexG: (o: unknown, k: LuaValue, v: LuaValue, desc?: Desc) => Resumable<void>;

  // Calls from resumable code (the request carries the call's line).
  callreq: (f: unknown, args: LuaValue[], desc?: Desc, line?: number) => CallRequest;
  take: (req: CallRequest) => unknown;
  tailreq: (f: unknown, args: LuaValue[], desc?: Desc, line?: number) => CallRequest;

  // Operators (slow paths: metamethods, errors).
  arith: (op: ArithOp, a: unknown, b: unknown, da?: Desc, db?: Desc) => LuaValue;
  arithG: (op: ArithOp, a: unknown, b: unknown, da?: Desc, db?: Desc) => Resumable<LuaValue>;
  /** `arith` for dialects whose VM converts numeric strings (runtime/arith-cvt.ts; chosen at compile time). */
  arithCvt: (op: ArithOp, a: unknown, b: unknown, da?: Desc, db?: Desc) => LuaValue;
  arithCvtG: (op: ArithOp, a: unknown, b: unknown, da?: Desc, db?: Desc) => Resumable<LuaValue>;
  concat: (a: unknown, b: unknown, da?: Desc, db?: Desc) => LuaValue;
  concatG: (a: unknown, b: unknown, da?: Desc, db?: Desc) => Resumable<LuaValue>;
  eq: (a: unknown, b: unknown) => boolean;
  eqG: (a: unknown, b: unknown) => Resumable<boolean>;
  lt: (a: unknown, b: unknown) => boolean;
  ltG: (a: unknown, b: unknown) => Resumable<boolean>;
  le: (a: unknown, b: unknown) => boolean;
  leG: (a: unknown, b: unknown) => Resumable<boolean>;
  len: (v: unknown, desc?: Desc) => LuaValue;
  lenG: (v: unknown, desc?: Desc) => Resumable<LuaValue>;

  // Numbers.
  numArith: (op: ArithOp, a: number, b: number) => LuaValue;
  nanOf: (a: number, b: number) => number;
  /** C's pow (the 'double' number model's `^`). */
  floatPow: (a: number, b: number) => number;
  divNumbers: (a: number, b: number) => number | LuaFloat;
  isSmallInt: (v: unknown) => boolean;
  mkFloat: (x: number) => number | LuaFloat;
  /** A Lua value in the representation of a raw-float local (codegen `fexpr`): a float as a raw JS number, an integer that is a JS number as a bigint. */
  toFq: (v: unknown) => unknown;
  /** Back from the raw-float representation to a Lua value: a JS number is a float (boxed when integral), a bigint a canonical integer. */
  fromFq: (v: unknown) => LuaValue;
  forprep: (a: unknown, b: unknown, c: unknown) => [number, number, number, ForKind];
  forval: (i: number, kind: Exclude<ForKind, 0>) => LuaValue;
  /** A closure cache for a chunk instance (DialectSpec `closureCache`; engine.newClosureCache). */
  kcache: (n: number) => (object | undefined)[];
  /** `forprep` with lua5.3's rules (runtime/for53.ts; DialectSpec `forLoop`, chosen at compile time). */
  forprepWrap: (a: unknown, b: unknown, c: unknown) => [number, number, number, ForKind];
  /** The function to call for `f` (its `__call`), or an error naming it. */
  callable: (f: unknown, desc?: Desc) => (...args: LuaValue[]) => unknown;

  // To-be-closed variables.
  checkClose: (v: unknown, name: string) => void;
  tbcError: (v: unknown, e: unknown) => unknown;
  tbcErrorG: (v: unknown, e: unknown) => Resumable<unknown>;
  tbcClose: (v: unknown) => void;
  tbcCloseG: (v: unknown) => Resumable<void>;

  /** Instrumented code (debug mode): frame records and line events (runtime/hooks.ts). */
  H: {
    enter: (va: LuaValue[] | null) => FrameRec;
    called: (rec: FrameRec, nparams: number) => void;
    line: (rec: FrameRec, ln: number, nact: number, cost?: number) => void;
    at: (rec: FrameRec, ln: number) => void;
  };
  /** Called with undefined arguments to overwrite stale interpreter registers (clearTemps). */
  clr: (...registers: undefined[]) => void;

  /** Limited states (runtime/limits.ts): the step countdown and call levels; `tick` says whether to pause. */
  B: { n: number; lv: number; lvMax: number; smax: number; tick: () => boolean };
  /** Resumable code whose `tick` asked for a pause: stops the machine when it can stop (time slicing, stepping). */
  pause: () => Generator<unknown, void, unknown>;
}

/**
 * The helpers bound in every chunk, in the order of the binding statement.
 * `satisfies` makes this name every key of RuntimeHelpers, and nothing else.
 */
const HELPER_NAMES = {
  D: true, deep: true, mkfn: true, fenvFrames: true, varargTable: true, ccall: true, cdirect: true, EMPTY: true, first: true, nth: true, mv: true, append: true,
  LuaTable: true, noArr: true, LuaFloat: true, tableArray: true, tableBuild: true, keyed: true,
  indexMiss: true, indexStr: true, indexG: true, setindexMiss: true, setindexStr: true, setindexG: true, callreq: true, take: true, tailreq: true,
  arith: true, arithG: true, arithCvt: true, arithCvtG: true, concat: true, concatG: true, eq: true, eqG: true, lt: true, ltG: true, le: true, leG: true, len: true, lenG: true,
  numArith: true, nanOf: true, floatPow: true, divNumbers: true, isSmallInt: true, mkFloat: true, toFq: true, fromFq: true, forprep: true, forval: true, forprepWrap: true, kcache: true, callable: true,
  checkClose: true, tbcError: true, tbcErrorG: true, tbcClose: true, tbcCloseG: true, H: true, clr: true,
  B: true, pause: true,
} as const satisfies Record<keyof RuntimeHelpers, true>;

export type HelperName = keyof RuntimeHelpers;

/** Runtime helpers the generated code uses; each is bound as `$name`. */
export const RUNTIME_NAMES: readonly HelperName[] = Object.freeze(Object.keys(HELPER_NAMES) as HelperName[]);
