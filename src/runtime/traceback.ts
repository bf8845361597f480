// Stack tracebacks in lua5.4's format (lauxlib.c luaL_traceback), built from
// the JavaScript stack.
//
// The JS stack holds one frame per running Lua function in direct mode
// (generated code), frames of library functions (files in src/stdlib, Lua's
// "C functions") and frames of the runtime itself, which are invisible.
// errors.ts classifies V8's CallSites into those three kinds; here they are
// grouped into Lua levels and named as lua5.4 names them:
//
//   1. a global name found in package.loaded ("function 'print'",
//      "function 'string.rep'", "function 'glob'");
//   2. how the caller named the function at the call ("local 'f'",
//      "method 'm'", "upvalue 'f'", "field 'g'", "for iterator '...'",
//      "metamethod 'index'");
//   3. "main chunk" for a main chunk, "function <file:line>" for another Lua
//      function, "?" for a library function.
//
// The name of level i comes from level i+1 (its caller): a Lua caller stopped
// at a call records how that call names its callee (CallSite). Calls made by
// the runtime (metamethods) or by library functions (pcall, table.sort) have
// no such name, as in Lua.
//
// Frames running in resumable mode (inside coroutines, or past the
// direct-mode depth limit) are not on the JS stack, except the innermost
// running one: errors.ts splices each machine's suspended frames in where its
// run loop is (their lines come from their last call request). A direct-mode
// tail call keeps its caller's JS frame: when
// the caller's CallSite is marked `tail` (compiler support), that frame is
// dropped and the callee gets lua's "(...tail calls...)" line.

import type { LuaState } from './state.js';
import { callSitesOf, captureFrames, framesFromSites, hostFunctionNames, type ChunkInfo, type Frame } from './errors.js';
import { LuaTable } from './table.js';
import { E } from './engine.js';
import { RUNTIME_PREFIX } from './names.js';

/** One Lua-visible level of a stack, innermost first. */
export interface TraceLevel {
  kind: 'lua' | 'C';
  /** Lua levels: the chunk, the current line and the function's proto index (-1: unknown). */
  chunk?: ChunkInfo;
  line?: number;
  proto?: number;
  /** C levels: the JS name of the library function (the outermost frame of its group). */
  fnName?: string | null;
  /** How the caller named this function ('' when it did not). */
  namewhat: string;
  name: string;
  /** A fixed description instead of the computed one ("function 'require'"). */
  label?: string;
  /** Reached by a tail call: its callers that made tail calls are gone ("(...tail calls...)"). */
  tail?: boolean;
  /** Those callers' frames, when their JS frames were still there (direct mode). */
  skipped?: readonly Frame[];
  /** Frames of resumable code taken from their machine: the closure, and the record of an instrumented frame. */
  fn?: unknown;
  rec?: object;
}

/** Runtime helpers that call metamethods, and the event each one handles. */
const METAMETHOD_CALLERS: Record<string, string> = {
  index: 'index', indexMiss: 'index', indexG: 'index',
  setindex: 'newindex', setindexMiss: 'newindex', setindexG: 'newindex',
  concat: 'concat', concatG: 'concat',
  eq: 'eq', eqG: 'eq', lt: 'lt', ltG: 'lt', le: 'le', leG: 'le',
  len: 'len', lenG: 'len',
  tbcClose: 'close', tbcCloseG: 'close', tbcError: 'close', tbcErrorG: 'close',
  callFinalizer: '__gc',
};

/** Marks a level whose direct-mode frame was dropped (it went on in resumable mode). */
const RESUMED = '(resumed)';

/** Runtime frames that mean "the caller of the next frame is not on the JS stack" (resumable mode). */
const MACHINE_FRAMES = new Set(['deep', 'run', 'luaMachineRun', 'runResumable', RESUMED]);

/**
 * The name a runtime frame was given by keepNames ("luaRt$deep" → "deep"),
 * or '' for any other: those are names a minifier may have made up.
 */
function bareName(n: string | null | undefined): string {
  if (!n) return '';
  const at = n.lastIndexOf(RUNTIME_PREFIX);
  return at < 0 ? '' : n.slice(at + RUNTIME_PREFIX.length);
}

interface Group {
  frame: Frame;
  /** For host groups: the outermost frame's function name. */
  fnName: string | null;
  /** Names of the runtime frames between this level and the next outer one. */
  between: string[];
}

/** Groups raw frames (innermost first) into Lua levels and names them. */
export function levelsFromFrames(frames: readonly Frame[]): TraceLevel[] {
  const groups: Group[] = [];
  for (const f of frames) {
    const prev = groups[groups.length - 1];
    if (f.kind === 'internal') {
      if (prev) prev.between.push(bareName(f.fnName));
      continue;
    }
    // Consecutive library frames are one library function calling helpers;
    // the outermost of them is the function itself. A machine's frame (it
    // has `fn`) is a level of its own: pcall's resumable variant calling
    // `error`, say.
    if (f.kind === 'host' && f.fn === undefined && prev && prev.frame.kind === 'host' && prev.between.length === 0) {
      prev.fnName = f.fnName;
      continue;
    }
    // A direct-mode function that went on in resumable mode (`deep`) shows up
    // twice: as its resumable frame above and as its direct frame, stopped
    // in its prologue. Keep one.
    if (f.kind === 'lua' && prev && prev.frame.kind === 'lua' && prev.between.includes('deep')) {
      prev.between = [RESUMED];
      continue;
    }
    groups.push({ frame: f, fnName: f.fnName, between: [] });
  }
  const levels: TraceLevel[] = [];
  let finalizerCaller = false;
  for (let i = 0; i < groups.length;) {
    const g = groups[i]!;
    // Callers that made a proper tail call (`return f()`) are gone in Lua.
    let j = i + 1;
    let tail = false;
    while (j < groups.length && madeTailCall(groups[j]!, groups[j - 1]!)) {
      tail = true;
      j++;
    }
    // A __close run because of an error: in lua5.4 the erroring frames are
    // already gone and the protected call closes the variable itself.
    const closingOnError = g.between.some((n) => n === 'tbcError' || n === 'tbcErrorG');
    if (closingOnError) while (j < groups.length && !isProtectedCall(groups[j]!)) j++;
    const caller = groups[j];
    let namewhat = '';
    let name = '';
    const event = g.between.map((n) => METAMETHOD_CALLERS[n]).find((e) => e !== undefined);
    if (tail || closingOnError) {
      // Lua does not name a function reached by a tail call.
    } else if (g.between.includes('runHook')) {
      namewhat = 'hook';
      name = '?';
    } else if (event === '__gc' && !E.dialect.callChains) {
      // lua5.3 marks the function the finalizer interrupted (CIST_FIN on the
      // running CallInfo): that level is the "metamethod '__gc'", not this one.
      finalizerCaller = true;
    } else if (finalizerCaller) {
      finalizerCaller = false;
      namewhat = 'metamethod';
      name = '__gc';
    } else if (event !== undefined) {
      namewhat = 'metamethod';
      name = event;
    } else if (caller && caller.frame.kind === 'lua' && caller.frame.callSite && calledDirectly(g)) {
      namewhat = caller.frame.callSite.namewhat;
      name = caller.frame.callSite.name;
    } else if (g.frame.calledAs !== undefined && g.frame.calledAs.namewhat !== '') {
      namewhat = g.frame.calledAs.namewhat;
      name = g.frame.calledAs.name;
    }
    // 5.3 names a metamethod by its event's key ("__index").
    if (namewhat === 'metamethod' && !E.dialect.callChains && !name.startsWith('__')) name = `__${name}`;
    const level: TraceLevel = g.frame.kind === 'lua'
      ? { kind: 'lua', chunk: g.frame.chunk, line: g.frame.line, proto: protoOf(g.frame), namewhat, name }
      : { kind: 'C', fnName: g.fnName, namewhat, name };
    if (g.frame.fn !== undefined) level.fn = g.frame.fn;
    if (g.frame.rec !== undefined) {
      level.rec = g.frame.rec;
      // A frame the trampoline entered by a proper tail call.
      if ((g.frame.rec as { tail?: boolean }).tail === true) level.tail = true;
    }
    if (tail) {
      level.tail = true;
      level.skipped = groups.slice(i + 1, j).map((s) => s.frame);
    }
    levels.push(level);
    i = j;
  }
  return levels;
}

/** A library function that catches errors (the level that closes variables after one). */
function isProtectedCall(g: Group): boolean {
  if (g.frame.kind !== 'host' || !g.fnName) return false;
  const name = hostFunctionNames.get(g.fnName);
  return name === 'pcall' || name === 'xpcall';
}

/** No runtime frame that calls on its own (metamethods, the trampoline) is between `g` and its caller. */
function calledDirectly(g: Group): boolean {
  return !g.between.some((n) => MACHINE_FRAMES.has(n) || n === 'arith' || n === 'arithG' || METAMETHOD_CALLERS[n] !== undefined);
}

/**
 * Whether `caller` called `callee` with a proper tail call (a `tail` mark on
 * its call site). lua5.4 runs a C function called in tail position as an
 * ordinary call: its caller stays.
 */
function madeTailCall(caller: Group, callee: Group): boolean {
  const site = caller.frame.kind === 'lua' ? (caller.frame.callSite as { tail?: boolean } | undefined) : undefined;
  return site?.tail === true && callee.frame.kind === 'lua' && calledDirectly(callee) && !callee.between.includes('callHandler');
}

/** The proto index of a Lua frame: from its JS name ($f<n>, $g<n>), else the innermost function around its line. */
function protoOf(f: Frame): number {
  const m = f.fnName ? /^\$[fg](\d+)$/.exec(f.fnName) : null;
  if (m) return Number(m[1]);
  const lines = f.chunk?.protoLines;
  const line = f.line ?? 0;
  if (!lines) return -1;
  let best = -1;
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = lines[i]!;
    if (a <= line && line <= b && (best < 0 || a >= lines[best]![0])) best = i;
  }
  return best < 0 ? 0 : best;
}

// ------------------------------------------------------------------ naming

interface FunctionInfoLike {
  proto?: { index?: number };
  chunkName?: string;
}

function isLevelFunction(v: unknown, level: TraceLevel): boolean {
  if (typeof v !== 'function') return false;
  if (level.kind === 'C') {
    if (!level.fnName) return false;
    const G = (v as { G?: { name?: string } }).G;
    return v.name === level.fnName || (typeof G === 'function' && G.name === level.fnName);
  }
  const info = (v as { P?: FunctionInfoLike }).P;
  return info !== undefined && info.proto?.index === level.proto && info.chunkName === level.chunk?.displayName;
}

/**
 * pushglobalfuncname: "modname.field" (or "modname") for a function found in
 * package.loaded, two levels deep, without a leading "_G.".
 */
export function globalFunctionName(L: LuaState, level: TraceLevel): string | null {
  if (level.kind === 'lua' && (level.proto === undefined || level.proto < 0)) return null;
  const result: { name: string | null } = { name: null };
  eachStringKey(L.loaded, (mod, v) => {
    if (isLevelFunction(v, level)) { result.name = mod; return true; }
    if (v instanceof LuaTable) {
      return eachStringKey(v, (field, fv) => {
        if (isLevelFunction(fv, level)) { result.name = `${mod}.${field}`; return true; }
        return false;
      });
    }
    return false;
  });
  const name = result.name;
  return name !== null && name.startsWith('_G.') ? name.slice(3) : name;
}

/** Calls `fn` for each string key of `t` until it returns true; returns whether it did. */
function eachStringKey(t: LuaTable, fn: (k: string, v: unknown) => boolean): boolean {
  let k: unknown = undefined;
  for (let guard = 0; guard < 1_000_000; guard++) {
    let e: [unknown, unknown] | undefined;
    try {
      e = t.next(k);
    } catch {
      return false;
    }
    if (e === undefined) return false;
    k = e[0];
    if (typeof k === 'string' && fn(k, e[1])) return true;
  }
  return false;
}

/** What follows "in " for a level (lauxlib.c pushfuncname). */
export function describeLevel(L: LuaState, level: TraceLevel): string {
  if (level.label !== undefined) return level.label;
  const global = globalFunctionName(L, level);
  if (global !== null) return `function '${global}'`;
  if (level.namewhat !== '') return `${level.namewhat} '${level.name}'`;
  if (level.kind === 'lua') {
    if (level.proto === 0) return 'main chunk';
    const lines = level.chunk?.protoLines[level.proto ?? -1];
    return `function <${level.chunk?.displayName ?? '?'}:${lines ? lines[0] : 0}>`;
  }
  return '?';
}

// -------------------------------------------------------------- tracebacks

const LEVELS1 = 10;
const LEVELS2 = 11;

/** The bottom of every stack run by the standalone interpreter: lua.c's C function. */
export const HOST_ENTRY: TraceLevel = { kind: 'C', fnName: null, namewhat: '', name: '' };

/** A C level with a fixed description (for functions the runtime provides outside src/stdlib). */
export function cLevel(label: string): TraceLevel {
  return { kind: 'C', fnName: null, namewhat: '', name: '', label };
}

/**
 * luaL_traceback's text for `levels` (innermost first; levels[0] is the
 * first level shown): `msg` (if any) and "stack traceback:" followed by one
 * line per level, eliding the middle of long stacks as lua5.4 does.
 * `style` '5.1' gives Lua 5.1's format (ldblib.c db_errorfb).
 */
export function formatTraceback(L: LuaState, msg: string | null, levels: readonly TraceLevel[], style: '5.4' | '5.1' = L.engine.dialect.traceback): string {
  const out: string[] = [];
  if (msg !== null) out.push(msg, '\n');
  out.push('stack traceback:');
  // 5.1: each caller a tail call removed is a "(tail call)" level of its own.
  if (style === '5.1') levels = expandTails51(levels);
  const n = levels.length;
  for (let i = 0; i < n; i++) {
    const lv = levels[i]!;
    const where = lv.kind === 'lua' && lv.chunk ? lv.chunk.displayName : '[C]';
    const line = lv.kind === 'lua' && (lv.line ?? 0) > 0 ? `${lv.line}:` : '';
    if (style === '5.1') {
      if (n > 22 && i === 11) {
        out.push('\n\t...');
        i = n - 11;
        continue;
      }
      if (lv === TAIL51) out.push('\n\t(tail call): ?');
      else out.push(`\n\t${where}:${line} ${describeLevel51(lv)}`);
      continue;
    }
    if (n > LEVELS1 + LEVELS2 + 1 && i === LEVELS1) {
      // lua5.4 reports one level fewer than it skips.
      out.push(`\n\t...\t(skipping ${n - LEVELS1 - LEVELS2 - 1} levels)`);
      i = n - LEVELS2 - 1;
      continue;
    }
    out.push(`\n\t${where}:${line} in `, describeLevel(L, lv));
    if (lv.tail) out.push('\n\t(...tail calls...)');
  }
  return out.join('');
}

/** Lua 5.1's description of a level: names come only from the call. */
/** 5.1's pseudo-level of a caller a tail call removed (getinfo's what = "tail"). */
export const TAIL51: TraceLevel = { kind: 'lua', namewhat: '', name: '' };

/** How many callers tail calls removed below a level reached by them: one "(tail call)" level each in 5.1. */
export function tailsOf51(lv: TraceLevel): number {
  const n = (lv.rec as { tails?: number } | undefined)?.tails ?? lv.skipped?.length ?? 1;
  return Math.max(n, 1);
}

/** 5.1's levels: after a function reached by tail calls, one TAIL51 level per caller they removed. */
export function expandTails51(levels: readonly TraceLevel[]): readonly TraceLevel[] {
  if (!levels.some((l) => l.tail === true) || levels.includes(TAIL51)) return levels;
  return levels.flatMap((l) => (l.tail === true ? [l, ...Array<TraceLevel>(tailsOf51(l)).fill(TAIL51)] : [l]));
}

/** Level `n` of `levels` as 5.1 numbers them (see expandTails51), without building the list. */
export function levelAt51(levels: readonly TraceLevel[], n: number): TraceLevel | undefined {
  for (let i = 0; i < levels.length && n >= 0; i++) {
    const l = levels[i]!;
    if (n === 0) return l;
    const tails = l.tail === true ? tailsOf51(l) : 0;
    if (n <= tails) return TAIL51;
    n -= 1 + tails;
  }
  return undefined;
}

function describeLevel51(level: TraceLevel): string {
  // Labels name C functions the way 5.4 finds global names; 5.1 does not.
  if (level.label !== undefined) return '?';
  // A metamethod is not called by a call instruction, and a tail call leaves no caller: 5.1 has no name for them.
  if (level.namewhat !== '' && level.namewhat !== 'metamethod' && level.tail !== true) return `in function '${level.name}'`;
  if (level.kind === 'lua' && level.proto === 0) return 'in main chunk';
  if (level.kind === 'lua') {
    const lines = level.chunk?.protoLines[level.proto ?? -1];
    return `in function <${level.chunk?.displayName ?? '?'}:${lines ? lines[0] : 0}>`;
  }
  return '?';
}

/** The Lua levels of the running JS stack, innermost first (level 0: the innermost visible function). */
export function currentLevels(): TraceLevel[] {
  const frames = captureFrames(Math.max(200, Error.stackTraceLimit));
  // Inside a message handler, lua's stack still holds the frames that raised
  // the error; ours was unwound, so they come from the error's own stack.
  const handlerErrors = E.handlerErrors;
  const e = handlerErrors[handlerErrors.length - 1];
  if (e instanceof Error) {
    const at = frames.findIndex((f) => f.kind === 'internal' && f.fnName === HANDLER_CALLER);
    const raised = (e as { frames?: Frame[] | null }).frames;
    // (callHandler's own frame stays: it tells the handler's level that the
    // frame below did not call it, even from a call in tail position.)
    if (at >= 0 && raised) return levelsFromFrames([...frames.slice(0, at + 1), ...raised]);
    const sites = at >= 0 ? callSitesOf(e) : null;
    if (sites !== null) return levelsFromFrames([...frames.slice(0, at + 1), ...framesFromSites(sites)]);
  }
  return levelsFromFrames(frames);
}

/** The JS name of the function that calls message handlers (stdlib/base.ts). */
export const HANDLER_CALLER = RUNTIME_PREFIX + 'callHandler';

export interface TracebackOptions {
  /** Add lua.c's own C function at the bottom ("[C]: in ?"); default true. */
  hostEntry?: boolean;
}

/**
 * luaL_traceback(L, L, msg, level) for the running stack. Level 0 is the
 * innermost visible function: the library function asking, when a library
 * function (debug.traceback) calls this.
 */
export function traceback(L: LuaState, msg: string | null, level: number, options: TracebackOptions = {}): string {
  let all: readonly TraceLevel[] = currentLevels();
  if (L.engine.dialect.traceback === '5.1') all = expandTails51(all);
  const levels = all.slice(Math.max(0, level));
  if (options.hostEntry ?? true) levels.push(HOST_ENTRY);
  return formatTraceback(L, msg, levels);
}

/**
 * The Lua levels of the stack where `e` was raised (innermost first: the
 * function that raised it), read from the error's V8 stack; null when that
 * is not available (not an Error, or its stack was already formatted).
 * Error.stackTraceLimit at the time `e` was created bounds what is there.
 */
export function errorLevels(e: unknown): TraceLevel[] | null {
  if (!(e instanceof Error)) return null;
  const frames = (e as { frames?: Frame[] | null }).frames;
  if (frames) return levelsFromFrames(frames);
  const sites = callSitesOf(e);
  return sites === null ? null : levelsFromFrames(framesFromSites(sites));
}

