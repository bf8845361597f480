// The loader: Lua source (a byte string) to a Lua function, through the
// parser, the code generator and `new Function`; the instrumented twins that
// debug mode runs.

import { parse } from '../syntax/index.js';
import type { Chunk, Dialect } from '../syntax/ast.js';
import { USES_COLLECTION, USES_DEBUG, USES_FENV } from '../syntax/lexer.js';
import { chunkid } from '../syntax/chunkid.js';
import { compile, variantsListing, type CompileOptions, type Proto } from '../compiler/codegen.js';
import type { RuntimeHelpers } from '../compiler/helpers.js';
import { countAlloc } from './table.js';
import type { LuaValue } from './value.js';
import * as ops from './ops.js';
import type { LuaFunction } from './trampoline.js';
import { lazyG, type ResumableFactory } from './resumable.js';
import { E, type Engine } from './engine.js';
import type { ChunkInfo } from './errors.js';
import * as hooks from './hooks.js';
import { helperRecord } from './helper-record.js';
import { dialectSpec } from './dialect.js';
import { compileJs } from './jsfunction.js';

export interface FunctionInfo {
  proto: Proto;
  chunkName: string;
  /** The chunk name as given to load ("@file.lua", "=stdin", or the source text), for debug.getinfo. */
  source?: string;
  /** The chunk's registered position info (line map), for debug.getinfo's activelines. */
  chunk?: ChunkInfo;
  /** The chunk's source text and dialect (string.dump). */
  text?: string;
  dialect?: Dialect;
  /** Loaded from a stripped binary chunk: no line information or debug names (dumps stay stripped). */
  stripped?: boolean;
  /** Its functions always run instrumented (see `isDebugged`). */
  debugged?: boolean;
  /** Makes a closure's resumable variant (the chunk's `$Q` factory; see lazyG). */
  Q?: ResumableFactory;
}

/**
 * A chunk that reads or writes locals of running functions, or sets hooks,
 * needs its own functions inspectable and hookable from their first
 * statement: they always run instrumented. Other chunks run instrumented
 * only while a hook is set. Told by its tokens (names and strings, not
 * comments: a comment mentioning `getlocal` costs nothing).
 */
function isDebugged(ast: Chunk): boolean {
  return (ast.uses & USES_DEBUG) !== 0;
}


export interface LoadOptions {
  chunkName: string;
  dialect?: Dialect;
  /** Loaded from a stripped binary chunk: no line information or debug names (dumps stay stripped). */
  stripped?: boolean;
}

/** Code that forces collections should not keep garbage alive in JS temporaries (reading "count" or "isrunning" observes none). */
function clearsTemps(ast: Chunk): boolean {
  return (ast.uses & USES_COLLECTION) !== 0;
}

/** The JS source generated for a chunk (for `regolithc -l`): the chunk's script, then its resumable variants' one. */
export function generateJs(source: string, options: LoadOptions): string {
  const ast = parse(source, { chunkName: options.chunkName, dialect: options.dialect });
  const compileOptions = { clearTemps: clearsTemps(ast) };
  return `${compile(ast, compileOptions).code}\n${variantsListing(ast, compileOptions)}`;
}

/**
 * Compile Lua source (a byte string) into a Lua function whose `_ENV` is
 * `env`. Throws LuaSyntaxError.
 */
export function loadLua(source: string, options: LoadOptions, env: LuaValue): LuaFunction {
  return instantiate(source, options, env, undefined);
}

/** Makes a closure of one prototype from its upvalue cells (`_ENV` last, when it has it: see codegen's `closure`). */
type Factory = (...cells: { v: LuaValue }[]) => LuaFunction;
/** A compiled chunk: called with the `_ENV` cell, its main closure; with `all` too, the factory of each prototype. */
type ChunkFn = (env: { v: LuaValue }, all?: true) => LuaFunction | readonly Factory[];

/** A prototype as a stripped chunk shows it: no parameter names, upvalues without names, no lines. */
function strippedProto(p: Proto, dialect: Dialect | undefined): Proto {
  const noName = dialectSpec(dialect).internalNames === '5.3' ? '(*no name)' : '(no name)';
  return { ...p, upvalueNames: p.upvalueNames.map(() => noName), paramNames: [], activeLines: [] };
}

function buildChunk(source: string, options: LoadOptions, instrument: boolean, strip: boolean): { run: ChunkFn; protos: Proto[] } {
  const ast = parse(source, { chunkName: options.chunkName, dialect: options.dialect });
  // Code that forces collections should not keep garbage alive in temporaries.
  const debugged = isDebugged(ast);
  const compileOptions = { strip, instrument, clearTemps: clearsTemps(ast), debugged, limits: E.B.enabled };
  const compiled = compile(ast, { ...compileOptions, plain: E.plainCode });
  // A stripped chunk has no source name ("=?") and no lines (-1); lua5.4
  // keeps linedefined and lastlinedefined.
  const chunkName = strip ? '=?' : options.chunkName;
  // (Positions in runtime messages follow the dialect's luaO_chunkid: 5.1 keeps shorter file names.)
  const displayName = chunkid(chunkName, options.dialect);
  const debugProtos = strip ? compiled.protos.map((p) => strippedProto(p, options.dialect)) : compiled.protos;
  const chunkInfo: ChunkInfo = {
    displayName,
    lineMap: strip ? compiled.lineMap.fill(-1) : compiled.lineMap,
    callSiteOf: compiled.callSiteOf,
    callSites: compiled.callSites,
    protoLines: compiled.protos.map((p): [number, number] => [p.lineDefined, p.lastLineDefined]),
  };
  const engine = E;
  const url = engine.registerChunk(chunkInfo);
  chunkInfo.debug = { source: chunkName, protos: debugProtos };
  if (E.dialect.functionEnvironments && (ast.uses & USES_FENV) !== 0) chunkInfo.fenvFrames = true;
  const infos: FunctionInfo[] = debugProtos.map((proto) => ({
    proto, chunkName: displayName, source: chunkName, chunk: chunkInfo, text: source, dialect: options.dialect,
    ...(strip ? { stripped: true } : {}),
    ...(debugged ? { debugged: true } : {}),
  }));
  // The resumable variants' factories, compiled when the first closure of
  // the chunk runs resumably: a second compilation of the same source, into
  // a script of its own, with its own line map and call sites.
  // A chunk's factories serve every instantiation of it, so one script of
  // variants serves them too.
  let variants: readonly ResumableFactory[] | undefined;
  const variantOf = (i: number, factories: readonly Function[]): ResumableFactory => (self) => {
    variants ??= compileVariants(source, options, { ...compileOptions, variants: true }, chunkInfo, engine, R, factories);
    const q = variants[i]!;
    infos[i]!.Q = q;
    return q(self);
  };
  const mkfn: RuntimeHelpers['mkfn'] = (f, factories, i, u, env) => {
    const info = infos[i]!;
    if (factories !== undefined) {
      f.G = lazyG;
      info.Q ??= variantOf(i, factories);
    }
    f.P = info;
    // 5.1: the closure's environment cell (setfenv/getfenv).
    if (env !== undefined) (f as { V?: unknown }).V = env;
    // The closure's upvalue cells, in upvalue order (debug library).
    (f as { U?: unknown }).U = u;
    // Closures made by instrumented code are their own instrumented twins.
    if (instrument) (f as { I?: unknown }).I = f;
    countAlloc();
    return f;
  };
  const R = helperRecord(engine, mkfn);
  const chunk = compileJs(['$R'], `${compiled.code}\n//# sourceURL=${url}`) as (r: unknown) => ChunkFn;
  return { run: chunk(R), protos: compiled.protos };
}

/**
 * The `$Q` factory of each prototype of a chunk (docs/ARCHITECTURE.md, "Two
 * compilations of every function"), over `factories`, the chunk's `$Ps`.
 * Their script is registered as a chunk of its own that shares everything
 * with `chunk` but its JS line maps and call sites, and `chunk` keeps it
 * alive (registration is weak).
 */
function compileVariants(source: string, options: LoadOptions, compileOptions: CompileOptions, chunk: ChunkInfo,
  engine: Engine, R: RuntimeHelpers, factories: readonly Function[]): readonly ResumableFactory[] {
  const ast = parse(source, { chunkName: options.chunkName, dialect: options.dialect });
  const compiled = compile(ast, compileOptions);
  // The same source and options number the prototypes alike (checked over
  // the suites and the corpus in all three dialects); this guards the rest.
  if (compiled.protos.length !== chunk.protoLines.length) throw new Error('internal: the resumable variants do not match their chunk');
  const info: ChunkInfo = {
    ...chunk,
    lineMap: compileOptions.strip === true ? compiled.lineMap.fill(-1) : compiled.lineMap,
    callSiteOf: compiled.callSiteOf,
    callSites: compiled.callSites,
  };
  chunk.variants = info;
  const url = engine.registerChunk(info);
  const script = compileJs(['$R'], `${compiled.code}\n//# sourceURL=${url}`) as (r: unknown) => (ps: readonly Function[]) => ResumableFactory[];
  return script(R)(factories);
}

export function instantiate(source: string, options: LoadOptions, env: LuaValue, protoIndex: number | undefined, strip = false): LuaFunction {
  const { run, protos } = buildChunk(source, options, false, strip);
  if (protoIndex === undefined) return run({ v: env }) as LuaFunction;
  const proto = protos[protoIndex];
  if (proto === undefined) throw new Error('bad proto index');
  // Fresh upvalues; the first one gets the environment, as lua_load does
  // (a chunk's _ENV that is not the first upvalue is nil). Lua 5.1's
  // lua_load leaves every upvalue nil: the environment is the function's.
  const fenv = options.dialect === '5.1';
  const envCell = { v: proto.envIndex === 0 || fenv ? env : undefined };
  const cells = Array.from({ length: proto.numCells }, () => ({ v: undefined as LuaValue }));
  if (cells.length > 0 && proto.envIndex !== 0 && !fenv) cells[0].v = env;
  if (fenv || proto.envIndex >= 0) cells.push(envCell);
  return (run(envCell, true) as readonly Factory[])[protoIndex]!(...cells);
}

/**
 * The instrumented twin of Lua closure `f` (debug mode): the same prototype
 * compiled with `instrument`, closed over the same upvalue cells.
 */
export function instrumentTwin(f: LuaFunction): LuaFunction {
  const info = f.P as FunctionInfo | undefined;
  if (info === undefined || info.chunk === undefined || info.text === undefined) return f;
  let factories = info.chunk.instrumented as readonly Factory[] | undefined;
  if (factories === undefined) {
    const { run } = buildChunk(info.text, { chunkName: info.source ?? info.chunkName, dialect: info.dialect }, true, info.stripped === true);
    factories = run({ v: undefined }, true) as readonly Factory[];
    info.chunk.instrumented = factories;
  }
  const U = (f as { U?: { v: LuaValue }[] }).U ?? [];
  const envIndex = info.proto.envIndex;
  const cells = U.filter((_, i) => i !== envIndex);
  // The twin shares the closure's environment cell, its factory's last
  // parameter: 5.1's own one, or the `_ENV` upvalue.
  const own = (f as { V?: { v: LuaValue } }).V;
  if (own !== undefined) cells.push(own);
  else if (envIndex >= 0) cells.push(U[envIndex]!);
  return factories[info.proto.index]!(...cells);
}

hooks.H.call = ops.call as (f: LuaValue, ...args: LuaValue[]) => unknown;
hooks.H.instrument = instrumentTwin;


