// Lua errors and how they get their `chunk:line:` positions.
//
// Generated code does not track the current line (that would cost a store per
// statement). Instead every chunk is compiled with a `//# sourceURL=` naming
// it, and a table mapping JS lines to Lua lines. When an error is raised we
// read V8's structured stack (CallSite objects) and translate the frames of
// generated code back to Lua positions. Normal execution pays nothing.

import type { LuaValue } from './value.js';
import type { CallSite } from '../compiler/codegen.js';
import { E, CHUNK_URL_PREFIX } from './engine.js';
import { ReadonlyTableError } from './table.js';
import { compileJs } from './jsfunction.js';
import { RUNTIME_PREFIX, renameFunction } from './names.js';
import { ParsedSite, V8_STACK, parseStack } from './jsframes.js';

/** A Lua error in flight: `value` is the Lua error object (any Lua value). */
export class LuaError extends Error {
  /** Lua frames at the point the error was raised, innermost first (for tracebacks). */
  luaTraceback: string | null = null;
  /**
   * Debug mode or raised on a machine: the frames at the raise, suspended ones included
   * (the JS stack alone lacks them once the error has unwound).
   */
  readonly frames: Frame[] | null = null;
  /** Raised past the message handler (lua5.3's LUA_ERRGCMM: an error in a finalizer); xpcall and lua.c show the value alone. */
  bypassesHandler = false;
  /** Lua code cannot catch it (a limit was hit: limits.ts). */
  get uncatchable(): boolean {
    return false;
  }

  /** `keepFrames`: record the frames now, as plain data, instead of V8's stack (which holds each frame's receiver). */
  constructor(readonly value: LuaValue, keepFrames = false) {
    // V8 records the JS stack of every Error, at a cost that dominates
    // raising one; only a traceback reads it (errorLevels). It is not needed
    // when the frames are recorded here anyway, or when the innermost
    // protected call is a plain pcall, which drops everything but the value.
    const keep = keepFrames || machineFrames.keepAtRaise();
    const limit = Error.stackTraceLimit;
    // Raising an error costs as much as hundreds of statements (the stack is
    // captured): it counts toward the instruction limit (limits.ts), checked
    // at the next safe point.
    if (!keepFrames) E.B.n -= ERROR_STEPS;
    // An error nothing catches before lua.c's message handler: all of the
    // stack, which its traceback counts (see Engine.protection.whole); and
    // a stack overflow that an xpcall of resumable code catches, for its
    // handler's traceback.
    const p = E.protection;
    const catcher = p.whole && !p.plain ? machineFrames.catcherAtRaise() : 'value';
    const whole = catcher === null || (catcher === 'handler' && p.overflow);
    if (keep || E.protection.plain) Error.stackTraceLimit = 0;
    else if (whole) Error.stackTraceLimit = Infinity;
    else if (E.traceLimit > limit) Error.stackTraceLimit = E.traceLimit;
    super(typeof value === 'string' ? value : 'Lua error');
    Error.stackTraceLimit = limit;
    this.name = 'LuaError';
    if (keep) this.frames = captureFrames(whole ? Infinity : Math.max(200, limit, E.traceLimit));
  }
}

/** The instruction units a raised error costs (see the LuaError constructor). */
const ERROR_STEPS = 500;

/** What a limit applies to (runtime/limits.ts). */
export type LimitKind = 'instructions' | 'time' | 'signal' | 'interrupt' | 'memory' | 'depth' | 'string';

const WORDS: Record<LimitKind, string> = {
  instructions: 'instruction limit exceeded',
  time: 'time limit exceeded',
  signal: 'run aborted',
  interrupt: 'run interrupted',
  memory: 'memory limit exceeded',
  depth: 'call depth limit exceeded',
  string: 'string size limit exceeded',
};

/**
 * A limit that was hit. A LuaError so that it carries the stack where it was
 * raised (for the traceback), but errorValue rethrows it: nothing in Lua
 * catches it.
 */
export class LimitExceeded extends LuaError {
  constructor(readonly kind: LimitKind, readonly limit: number, readonly used: number) {
    // Its frames as data: a limit is often raised inside a table or a
    // string operation, and V8's stack would keep their receivers (the
    // runaway data) alive as long as the embedder keeps the error.
    super(WORDS[kind], true);
  }

  override get uncatchable(): boolean {
    return true;
  }
}

/**
 * A JS exception thrown by a host function of the embedding API (src/api),
 * as a Lua error: Lua sees `value` (the message), and when the error leaves
 * Lua uncaught the embedder gets `cause`, the object that was thrown.
 */
export class HostError extends LuaError {
  constructor(value: LuaValue, readonly hostCause: unknown) {
    super(value);
  }
}

/**
 * JS names of the embedding API's host functions start with this (each gets
 * a name unique within its state, which is how tracebacks find them in the
 * state's package.loaded).
 */
export const API_FUNCTION_PREFIX = 'luaApi$';

// ------------------------------------------------------------ chunk registry

export interface ChunkInfo {
  /** The chunk name as Lua shows it in messages (luaO_chunkid). */
  displayName: string;
  /** luaLine[jsLine - 1]. */
  lineMap: Int32Array;
  /** Index into callSites of the call made at each JS line, or -1. */
  callSiteOf: Int32Array;
  callSites: CallSite[];
  /** Lines defined for each proto (for tracebacks): [lineDefined, lastLine]. */
  protoLines: [number, number][];
  /** The raw chunk name and protos (debug.getinfo on stack levels). Fields, not a side table: chunks die with their functions. */
  debug?: { source: string; protos: import('../compiler/codegen.js').Proto[] };
  /** The factories of the chunk's instrumented build (debug mode), compiled on first use. */
  instrumented?: unknown;
  /** Its functions keep themselves on their coroutine's frame list while they run (5.1, stdlib/fenv.ts). */
  fenvFrames?: boolean;
  /** The script of its functions' resumable variants, once compiled (runtime/loader.ts compileVariants). */
  variants?: ChunkInfo;
}

// Chunks are registered with their engine (Engine.registerChunk), weakly:
// a chunk that nothing references any more is collected with its entry.
// (CHUNK_URL_PREFIX is read only inside functions: engine.ts and this module
// import each other through limits.ts, so it may not be initialised yet
// while this module is evaluated.)

// V8 wraps `new Function` bodies in a header; find out how many lines once.
let functionLineOffset = -1;
function lineOffset(): number {
  if (functionLineOffset < 0) {
    const probe = compileJs([], `return new Error().stack;\n//# sourceURL=${CHUNK_URL_PREFIX}probe`) as () => string;
    const m = new RegExp(`${CHUNK_URL_PREFIX}probe:(\\d+)`).exec(probe());
    functionLineOffset = m ? Number(m[1]) - 1 : 2;
  }
  return functionLineOffset;
}

export type FrameKind = 'lua' | 'host' | 'internal';

export interface Frame {
  kind: FrameKind;
  /** Suspended resumable frames (spliced from their machine): the closure and, if instrumented, its record. */
  fn?: unknown;
  rec?: { line: number } & object;
  /** The proto index, when known without the JS function name. */
  proto?: number;
  /** A frame the trampoline called: how its caller named it (the caller may not be on the JS stack). */
  calledAs?: CallSite;
  /** For Lua frames. */
  chunk?: ChunkInfo;
  line?: number;
  /** The JS function name (for generated code: `$f<proto>`). */
  fnName: string | null;
  /** For Lua frames stopped at a call: how that call names its callee. */
  callSite?: CallSite;
}

/**
 * Library functions visible to Lua ("C functions"), by JS function name,
 * with the name lua5.4 finds for them in package.loaded ('string.rep',
 * 'print'), or '' when they have none (iterators, wrapped coroutines). Other
 * frames (helpers, the runtime) count as internal.
 */
export const hostFunctionNames = new Map<string, string>();

/** The JS names given to library functions start with this. */
export const HOST_FUNCTION_PREFIX = 'luaLib$';

/**
 * Makes `fn` known as a library function. Its JS name is replaced by one
 * made from its Lua name ('luaLib$string.rep'), or from its own name when it
 * has none ('luaLib$:gmatch_aux'): frames are recognised by that name, which
 * a minifier cannot rename and which no runtime function has. (A minifier
 * may also drop a function expression's name: such a function is still
 * registered.) The first registration with a Lua name wins (a function in
 * two libraries keeps the first).
 */
export function registerHostFunction(fn: Function, qualifiedName = ''): void {
  const current = fn.name;
  if (hostFunctionNames.get(current)) return;
  if (qualifiedName === '' && current.startsWith(HOST_FUNCTION_PREFIX)) return;
  const name = HOST_FUNCTION_PREFIX + (qualifiedName !== '' ? qualifiedName : ':' + current);
  renameFunction(fn, name);
  if (!hostFunctionNames.get(name)) hostFunctionNames.set(name, qualifiedName);
}

/**
 * What the engine reads of one JavaScript stack frame: V8's structured
 * CallSites where the engine has them (V8_STACK), else a line of the
 * `stack` string parsed (jsframes.ts).
 */
export type JsSite = NodeJS.CallSite | ParsedSite;

function classify(site: JsSite): Frame {
  const v8 = !(site instanceof ParsedSite);
  const file = (v8 ? site.getScriptNameOrSourceURL() ?? site.getFileName() : site.url) ?? '';
  const fnName = v8 ? site.getFunctionName() : site.fnName;
  // Another state's chunk (a nested run of another state) is not Lua code of this one.
  const chunk = file.startsWith(CHUNK_URL_PREFIX) ? E.chunkOf(file) : undefined;
  if (chunk !== undefined) {
    const jsLine = ((v8 ? site.getLineNumber() : site.line) ?? 0) - lineOffset();
    const idx = chunk ? Math.max(0, Math.min(jsLine - 1, chunk.lineMap.length - 1)) : 0;
    const line = chunk ? chunk.lineMap[idx] : 0;
    const cs = chunk ? chunk.callSiteOf[idx] : -1;
    return { kind: 'lua', chunk, line, fnName, callSite: cs >= 0 ? chunk.callSites[cs] : undefined };
  }
  // Library functions are known by their (unique, prefixed) JS names, which
  // survive bundling; everything else is runtime machinery.
  if (fnName !== null && (hostFunctionNames.has(fnName) || fnName.startsWith(API_FUNCTION_PREFIX))) return { kind: 'host', fnName };
  const name = fnName ?? (v8 ? site.getMethodName() : null);
  return { kind: 'internal', fnName: name !== null && name.endsWith(MACHINE_RUN) ? MACHINE_RUN : name };
}

/** The current JS stack as frames, innermost first, without internal ones collapsed. */
export function captureFrames(limit = 64): Frame[] {
  return spliceMachines(currentSites(limit).map(classify), limit);
}

/** The current JS stack's frames below captureFrames, innermost first. */
function currentSites(limit: number): JsSite[] {
  const savedLimit = Error.stackTraceLimit;
  // The string's first two frames are this function and captureFrames.
  Error.stackTraceLimit = V8_STACK ? limit : limit + 2;
  try {
    if (!V8_STACK) return parseStack(new Error().stack).slice(2);
    const savedPrepare = Error.prepareStackTrace;
    Error.prepareStackTrace = (_e, sites) => sites;
    const holder: { stack?: NodeJS.CallSite[] } = {};
    Error.captureStackTrace(holder, captureFrames);
    const sites = holder.stack ?? [];
    Error.prepareStackTrace = savedPrepare;
    return sites;
  } finally {
    Error.stackTraceLimit = savedLimit;
  }
}

/**
 * Frames of resumable code are on the JS stack only while they run; the
 * suspended ones (callers waiting for a call the trampoline is making) live
 * in their Machine. Each machine's run loop frame is replaced by its
 * suspended frames, innermost first. Only for the live stack: `machineFrames`
 * (set by the trampoline) describes the k-th running machine from the innermost.
 */
export const machineFrames: {
  of: ((k: number, limit: number) => { frames: Frame[]; threadBase: boolean; running?: { fn: unknown; rec?: Frame['rec']; calledAs?: CallSite } }) | null;
  /** Should a new LuaError record its frames (debug mode, or raised on a machine)? */
  keepAtRaise: () => boolean;
  /**
   * What frame of the running machines will catch an error raised now: one
   * that gives it to a message handler (xpcall), one that keeps its value
   * (pcall, a coroutine's resume), or none.
   */
  catcherAtRaise: () => 'handler' | 'value' | null;
} = { of: null, keepAtRaise: () => false, catcherAtRaise: () => null };

function spliceMachines(frames: Frame[], limit: number): Frame[] {
  const of = machineFrames.of;
  if (of === null || !frames.some((f) => f.fnName === MACHINE_RUN)) return frames;
  const out: Frame[] = [];
  let k = 0;
  for (const f of frames) {
    if (f.fnName === MACHINE_RUN) {
      const m = of(k++, limit);
      // The machine's running frame is the innermost Lua frame before its run loop.
      if (m.running !== undefined) {
        for (let i = out.length - 1; i >= 0; i--) {
          const o = out[i]!;
          if (o.kind === 'internal') continue;
          if (o.kind === 'lua' && o.fn === undefined) {
            o.fn = m.running.fn;
            o.rec = m.running.rec;
            o.calledAs = m.running.calledAs;
          }
          break;
        }
      }
      // At most `limit` frames, like the JS stack capture (a machine may hold 200,000).
      const n = Math.min(m.frames.length, Math.max(0, limit - out.length));
      for (let i = 0; i < n; i++) out.push(m.frames[i]!);
      // A coroutine's stack ends at its own machine: what lies beyond
      // belongs to the thread that resumed it.
      if (m.threadBase) return out;
    }
    out.push(f);
  }
  return out;
}

/** The JS name of the trampoline's run loop (see trampoline.ts; named by keepNames). */
export const MACHINE_RUN = RUNTIME_PREFIX + 'luaMachineRun';

/**
 * Lua-visible levels from the current stack: level 0 is the innermost Lua or
 * host function. Consecutive host frames are one level (a library function
 * calling helpers); internal runtime frames are invisible.
 */
export function luaLevels(frames: Frame[]): Frame[] {
  const levels: Frame[] = [];
  for (const f of frames) {
    if (f.kind === 'internal') continue;
    // A frame stopped at a tail call to a Lua function no longer exists in
    // Lua's view (C functions are never tail-called).
    if (f.kind === 'lua' && f.callSite?.tail && levels.length > 0 && levels[levels.length - 1].kind === 'lua') continue;
    levels.push(f);
  }
  return levels;
}

export function positionOf(f: Frame | undefined): string {
  return f && f.kind === 'lua' && f.chunk ? `${f.chunk.displayName}:${f.line}: ` : '';
}

/**
 * The `chunk:line: ` prefix for an error raised by the runtime itself (a
 * failed index, arithmetic on nil...): the position of the running function
 * if it is Lua code.
 */
export function runtimePosition(): string {
  return positionOf(currentLevels(8, 1)[0]);
}

/**
 * The Lua levels of the current stack, at least `need` of them when there
 * are. Capturing and classifying frames is most of what raising an error
 * costs: look at `first` frames (internal ones sit between the levels), at
 * more only when that was not enough.
 */
function currentLevels(first: number, need: number): Frame[] {
  const frames = captureFrames(first);
  const levels = luaLevels(frames);
  return levels.length >= need || frames.length < first ? levels : luaLevels(captureFrames(first + 32));
}

/** luaL_where's prefix for a level: none without line information (a stripped chunk). */
export function wherePosition(f: Frame | undefined): string {
  return f && f.kind === 'lua' && f.line !== undefined && f.line <= 0 ? '' : positionOf(f);
}

/**
 * luaL_where: the position of the function at `level`, counted from the host
 * function that asks (level 1 = the caller of that host function).
 */
export function where(level: number): string {
  if (level <= 0) return '';
  const levels = currentLevels(4 + 2 * level, level + 1);
  // levels[0] is the host function asking (error, or a library function).
  const at = Math.max(0, levels.findIndex((f) => f.kind === 'host')) + level;
  // Past what was captured: look again, at more.
  return wherePosition(at < levels.length ? levels[at] : currentLevels(64 + level, at + 1)[at]);
}

/** Raise a runtime error with the running Lua function's position. */
export function rtError(message: string): never {
  throw new LuaError(runtimePosition() + message);
}


// ------------------------------------------------ for runtime/traceback.ts

/**
 * Frames (innermost first) from V8 CallSites captured elsewhere, e.g. read
 * from a thrown error's stack, so that a traceback can describe the stack as
 * it was when the error was raised.
 */
export function framesFromSites(sites: readonly JsSite[]): Frame[] {
  return sites.map(classify);
}

const cachedSites = new WeakMap<Error, JsSite[] | null>();

/**
 * The frames recorded for `e` when it was created: V8's CallSites, read
 * through Error.prepareStackTrace at the first access to `.stack`, or its
 * `stack` string parsed on other engines.
 */
export function callSitesOf(e: Error): JsSite[] | null {
  if (cachedSites.has(e)) return cachedSites.get(e)!;
  if (!V8_STACK) {
    const parsed = typeof e.stack === 'string' ? parseStack(e.stack) : null;
    cachedSites.set(e, parsed);
    return parsed;
  }
  let sites: NodeJS.CallSite[] | null = null;
  const saved = Error.prepareStackTrace;
  Error.prepareStackTrace = (err, s) => {
    sites = s;
    if (saved) return saved(err, s);
    return `${String(err)}${s.map((site) => `\n    at ${String(site)}`).join('')}`;
  };
  try {
    void e.stack;
  } catch {
    sites = null;
  } finally {
    Error.prepareStackTrace = saved;
  }
  cachedSites.set(e, sites);
  return sites;
}

/** What a write to a read-only table says in the running state (Engine.readonlyStyle). */
export function readonlyMessage(): string {
  return E.readonlyStyle.message;
}

/** A library function's write to a read-only table (rawset, setmetatable, table.insert...). */
export function readonlyLibraryError(): never {
  const style = E.readonlyStyle;
  throw new LuaError((style.libraryPosition ? where(1) : '') + style.message);
}

// V8's messages for a write to a frozen object in strict mode: what a write
// to a read-only table's array part or string keys throws (table.ts). The
// engine's only other frozen objects (the shared empty string store and
// result list) are never written, and exceptions of embedder functions
// become HostErrors before they get here.
const FROZEN_WRITE = /^Cannot (assign to read only property|add property|delete property)/;

/**
 * A write to a read-only table, thrown as a JS TypeError, as the Lua error it
 * stands for: `attempt to modify a readonly table` with the position of the
 * Lua code that wrote (for a library function such as rawset, its caller's,
 * as luaL_error gives), read from the stack V8 recorded at the throw. Any
 * other exception is returned as it is. Called where errors are caught
 * (errorValue, coroutines, the API boundary), so the write paths themselves
 * carry no check.
 */
export function adoptError(e: unknown): unknown {
  if (!(e instanceof TypeError) || !(e instanceof ReadonlyTableError || FROZEN_WRITE.test(e.message))) return e;
  const cached = (e as { luaError?: LuaError }).luaError;
  if (cached !== undefined) return cached;
  const sites = callSitesOf(e);
  const frames = sites === null ? [] : framesFromSites(sites);
  const levels = luaLevels(frames);
  const byLibrary = levels[0]?.kind === 'host';
  const pos = byLibrary ? (E.readonlyStyle.libraryPosition ? wherePosition(levels[1]) : '') : positionOf(levels[0]);
  const err = new LuaError(pos + readonlyMessage());
  // Tracebacks describe the stack at the write, not where it was caught.
  (err as { frames: Frame[] | null }).frames = frames;
  (e as { luaError?: LuaError }).luaError = err;
  return err;
}

/** The Lua value of anything caught from Lua code. */
/**
 * Throws `e` again when Lua code must not catch it (a limit was hit:
 * limits.ts). Every place that turns a caught exception into a Lua value
 * (pcall, xpcall, coroutine.resume, load's reader...) calls it first.
 */
export function rethrowUncatchable(e: unknown): void {
  if (e instanceof LuaError && e.uncatchable) throw e;
}

export function errorValue(e: unknown): LuaValue {
  e = adoptError(e);
  if (e instanceof LuaError) return e.value;
  // The JS stack ran out despite the depth accounting (e.g. deep host
  // recursion): a Lua stack overflow. Nothing here may call much, since the
  // stack may still be nearly full.
  if (e instanceof RangeError) return isOutOfMemory(e) ? 'not enough memory' : 'stack overflow';
  if (e instanceof Error) return `internal error: ${e.message}`;
  return e as LuaValue;
}

/**
 * V8 refused an allocation (a string, an array or a Map past its size
 * limits): lua5.4's allocation failure, "not enough memory". Any other
 * RangeError is the JS stack running out.
 */
export function isOutOfMemory(e: RangeError): boolean {
  return /invalid string length|invalid array length|allocation failed|invalid typed array length|maximum size/i.test(e.message);
}
