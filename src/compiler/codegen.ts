// Lua AST → JavaScript source.
//
// Each Lua function becomes two JS functions created side by side in the same
// JS scope, so that they share captured variables:
//   - the *direct* variant, an ordinary JS function used for all normal
//     execution (fast, V8-optimisable);
//   - the *resumable* variant, a generator function used inside coroutines and
//     once recursion gets too deep for the JS stack. Calls in it are yielded to
//     a trampoline (runtime/trampoline.ts) that keeps the Lua call stack on the
//     heap, so the frame can be suspended (coroutine.yield), and so recursion
//     and tail calls are bounded by memory rather than by the JS stack.
// Both are produced by this file from the same AST; `gen` says which.
//
// Names in the output never come from Lua source: a Lua local `x` declared
// as variable #12 is `x$12` (Lua names cannot contain `$`), compiler
// temporaries are `$N`, runtime helpers are `$name` (the contract is
// helpers.ts). String constants are emitted by `str`. So Lua source is always
// data, never code.
//
// Nothing rewrites or searches the generated text afterwards: it would see
// the Lua strings inside it. What is known only later or in context (a
// function's frame weight, the line a resumable helper call notes) is a token
// in the generated code (see `Code` below), filled in when a function's code
// is put together. The one reader of the finished text is buildLineMap, which
// looks for line markers at the start of JS lines, where Lua data never is.

import { LUA54, dialectSpec, type DialectSpec } from '../runtime/dialect.js';
import { USES_FENV } from '../syntax/lexer.js';
import { FK_FLT, FK_INT, FK_STR, foldExpr, passesThrough, pureFold, reachesRight51 } from '../syntax/fold.js';
import { floatPow } from '../runtime/number.js';
import { argLines, binaryLines, firstInstructionLine, lastLineOf, returnFirstLine, spansLines, statementFirstLine, storeLine, tableLines } from './hooklines.js';
import type {
  Block, Chunk, Expr, FunctionNode, IndexExpr, NameExpr, Stat, Variable, BinaryExpr,
  LabelStat, GotoStat, TableExpr, CallExpr, MethodCallExpr, LocalStat, AssignStat,
  NumericForStat, GenericForStat, ReturnStat, IfStat,
} from '../syntax/ast.js';
import { RUNTIME_NAMES, type HelperName } from './helpers.js';

export { RUNTIME_NAMES };

/** Static information about one Lua function, kept for errors and debugging. */
export interface Proto {
  /** Index in the chunk's proto table. */
  index: number;
  lineDefined: number;
  lastLineDefined: number;
  numParams: number;
  isVararg: boolean;
  /** 'main' for the main chunk. */
  what: 'main' | 'Lua';
  upvalueNames: string[];
  /** How many upvalue cells its factory takes (its upvalues other than the chunk's _ENV). */
  numCells: number;
  /** Names of the fixed parameters, in order (debug.getlocal on a function). */
  paramNames?: string[];
  /** Index of the chunk's `_ENV` among the upvalues (it is not a factory cell), or -1. */
  envIndex: number;
  /** Lines holding its code, for debug.getinfo's activelines (set once compiled). */
  activeLines?: number[];
  /**
   * Where its own text is in the chunk source, when it compiles apart from
   * its chunk (string.dump), and its upvalues' names (kept when stripped).
   */
  own?: NonNullable<FunctionNode['span']> & { upvalues: string[] };
}

/** How a call site names the function it calls (lua5.4's getfuncname). */
export interface CallSite {
  namewhat: 'global' | 'local' | 'method' | 'field' | 'upvalue' | 'constant' | 'for iterator' | 'metamethod' | '';
  name: string;
  /**
   * A call in tail position (`return f(x)`). lua5.4 replaces the caller's
   * frame; direct-mode code keeps it on the JS stack, so error levels and
   * tracebacks skip frames stopped at such a call.
   */
  tail?: boolean;
}

export interface CompiledChunk {
  /** JS source of a function `(R) => mainClosureFactory`. */
  code: string;
  protos: Proto[];
  /** luaLine[jsLine - 1] = the Lua line that JS line (1-based) belongs to. */
  lineMap: Int32Array;
  /** callSiteOf[jsLine - 1] = index into callSites of the call whose arguments start there, or -1. */
  callSiteOf: Int32Array;
  callSites: CallSite[];
}

/** JS identifier for a Lua variable (for a captured one: of its cell). */
/** Links of `__index` chains of tables that a constant-key field read follows inline (`getField`). */
const FIELD_LINKS = 2;

function vname(v: Variable): string {
  return `${v.name}$${v.id}`;
}

/**
 * Captured variables (upvalues of some inner function, and `_ENV`) live in
 * cells `{v: value}` shared by every closure that refers to them; the rest
 * are plain JS variables.
 */
function isCell(v: Variable): boolean {
  return v.captured || v.role === 'env';
}

/** JS expression reading or assigning the variable's value. */
function vref(v: Variable): string {
  return isCell(v) ? `${vname(v)}.v` : vname(v);
}

/** Initial JS value for declaring `v` with value `value`. */
function vinit(v: Variable, value: Code): Code {
  return isCell(v) ? js`{v: ${value}}` : value;
}

/**
 * A JS string literal for `s` (Lua strings are byte strings). JSON.stringify
 * escapes quotes, backslashes and every control character, so the literal
 * holds no line break: Lua data never starts a JS line (buildLineMap) nor
 * ends one. Characters JS alone treats as line terminators (U+2028, U+2029;
 * no byte string has them) are escaped as well. Inside double quotes,
 * backticks, `${`, `*\/` and `</script>` are plain characters.
 */
function str(s: string): string {
  const q = JSON.stringify(s);
  return /[\u2028\u2029]/.test(q) ? q.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029') : q;
}

// ------------------------------------------------------------ generated code

/**
 * Generated code: text, or a token standing for text known only in context.
 * Code fragments are composed with the `js` template tag (and `cat`,
 * `joinCode`), which keep tokens as they are; a token used as a string (an
 * untagged template, `+`, `join`) throws, so none can be lost as text.
 */
type Code = string | Token;

abstract class Token {
  [Symbol.toPrimitive](): never {
    throw new Error('internal: generated code used as a string');
  }
}

/** Fragments in order. */
class Frag extends Token {
  constructor(readonly parts: readonly Code[]) { super(); }
}

/**
 * A line break and a marker comment: the JS line starting here belongs to
 * Lua line `line` (errors, tracebacks); `site` is the call whose argument
 * list starts there, or -1 (see buildLineMap).
 */
class Marker extends Token {
  constructor(readonly line: number, readonly site = -1) { super(); }
}

/**
 * Resumable code: a runtime helper that may call a metamethod,
 * `yield* ($D.cl = N, $indexG)(`. It first records in `$D.cl` the Lua line
 * of the nearest marker before it in the function's code (the line errors
 * there report), so the trampoline knows where the suspended frame waits
 * (tracebacks inside coroutines).
 */
class HelperCall extends Token {
  constructor(readonly name: HelperName) { super(); }
}

/** A value known once the whole function is compiled (see functionBody). */
class Hole extends Token {
  constructor(readonly what: 'weight' | 'top' | 'topEnd') { super(); }
}

/**
 * Statement prologue clearing temporaries (clearTemps): all of them but
 * `live`, the loop state and flags of the statements it is inside of.
 */
class Clear extends Token {
  constructor(readonly live: readonly string[]) { super(); }
}

/** The frame weight of a direct-mode function (its `$D.n` increment). */
const WEIGHT = new Hole('weight');
/** Start and end of the loop that self tail calls jump back into. */
const TOP = new Hole('top');
const TOP_END = new Hole('topEnd');

/** Template tag: generated code from text and code (numbers are text). Plain text stays a string. */
function js(text: TemplateStringsArray, ...values: (Code | number)[]): Code {
  let parts: Code[] | null = null;
  let s = text[0]!;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (typeof v === 'object') {
      parts ??= [];
      if (s !== '') parts.push(s);
      parts.push(v);
      s = text[i + 1]!;
    } else {
      s += v + text[i + 1]!;
    }
  }
  if (parts === null) return s;
  if (s !== '') parts.push(s);
  return new Frag(parts);
}

/** `items` one after the other, with `sep` between them. */
function joinCode(items: readonly Code[], sep: string): Code {
  if (items.every((x) => typeof x === 'string')) return (items as string[]).join(sep);
  const parts: Code[] = [];
  items.forEach((x, i) => {
    if (i > 0 && sep !== '') parts.push(sep);
    if (x !== '') parts.push(x);
  });
  return new Frag(parts);
}

function cat(...items: Code[]): Code {
  return joinCode(items, '');
}

/**
 * The text of a function's code: markers become comments, each resumable
 * helper call notes the line of the marker before it, holes are filled by
 * `fill`. Walks the fragments in order (without recursion: they nest as
 * deep as the expressions).
 */
function render(code: readonly Code[], fill: (h: Hole | Clear) => string): string {
  const out: string[] = [];
  let line = 0;
  const stack: { parts: readonly Code[]; i: number }[] = [{ parts: code, i: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.i === top.parts.length) {
      stack.pop();
      continue;
    }
    const p = top.parts[top.i++]!;
    if (typeof p === 'string') out.push(p);
    else if (p instanceof Frag) stack.push({ parts: p.parts, i: 0 });
    else if (p instanceof Marker) {
      line = p.line;
      out.push(p.site >= 0 ? `\n/*@${p.line}#${p.site}*/` : `\n/*@${p.line}*/`);
    } else if (p instanceof HelperCall) out.push(`yield* ($D.cl = ${line}, $${p.name})(`);
    else if (p instanceof Hole || p instanceof Clear) out.push(fill(p));
  }
  return out.join('');
}

/** Characters in a Lua description message like `global 'x'`. */
function describeName(n: NameExpr): string | null {
  if (n.variable) {
    if (n.variable.constValue && n.variable.constValue.kind === 'String') return `constant '${cstr(n.variable.constValue.value)}'`;
    return `${n.isUpvalue ? 'upvalue' : 'local'} '${n.name}'`;
  }
  // A global is reached through _ENV; lua5.4 calls it global only when that
  // _ENV is the chunk's own upvalue or a local named _ENV.
  return `global '${n.name}'`;
}

/** How lua5.4 describes the `_ENV` a global is read through, when _ENV itself cannot be indexed. */
function describeEnv(n: NameExpr): string {
  return `${n.isUpvalue || n.env!.role === 'env' ? 'upvalue' : 'local'} '_ENV'`;
}

/** A name as lua5.4's messages show it: a C string, ending at the first NUL. */
function cstr(s: string): string {
  const z = s.indexOf('\0');
  return z < 0 ? s : s.slice(0, z);
}

/**
 * How lua names the value of `e` in error messages, or null. `integerIndex`:
 * the dialect's `namesIntegerIndex` (small integer keys are "integer index");
 * `doubles`: 5.1's number model, whose constant folding differs.
 */
function describe(e: Expr, integerIndex: boolean, doubles: boolean): string | null {
  switch (e.kind) {
    case 'Name': return describeName(e);
    case 'Index': {
      // lua5.4 names the key only when it is a constant string; small
      // integer constants use OP_GETI ("integer index"). Constants as luac
      // folds them: t[~-1] is t[0], t[nil or "x"] is t.x. A field of `_ENV`
      // is a global.
      const key = pureFold(e.key, doubles ? fold51 : undefined);
      if (key?.k === FK_STR) {
        return `${e.object.kind === 'Name' && e.object.name === '_ENV' ? 'global' : 'field'} '${cstr(key.v as string)}'`;
      }
      if (key?.k === FK_INT && integerIndex && (key.v as bigint) >= 0n && (key.v as bigint) <= 255n) return `field 'integer index'`;
      return `field '?'`;
    }
    case 'String': return `constant '${cstr(e.value)}'`;
    case 'Paren': return describe(e.expr, integerIndex, doubles);
    case 'Binary':
      // `K and e` with a true constant K (`K or e` with nil or false), as
      // luac folds it, leaves no jump pending: the value is e's, and so is
      // its name. (K may be an expression luac folds: `1 / 2`, `v and nil`.)
      if (e.op !== 'and' && e.op !== 'or') return null;
      if (doubles ? reachesRight51(e.op, e.left, fold51) : passesThrough(e.op, foldExpr(e.left))) return describe(e.right, integerIndex, doubles);
      return null;
    default: return null;
  }
}

function strippedDesc(d: string | null): string | null {
  if (d === null) return null;
  if (d.startsWith('local ')) return null;
  if (d.startsWith('upvalue ')) return "upvalue '?'";
  if (d.startsWith('global ')) return `field ${d.slice(7)}`;
  return d;
}

function strippedSite(site: CallSite): CallSite {
  switch (site.namewhat) {
    case 'local': return { ...site, namewhat: '', name: '' };
    case 'upvalue': return { ...site, name: '?' };
    case 'global': return { ...site, namewhat: 'field' };
    default: return site;
  }
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

interface Operand {
  /** JS text of the operand's value (for an integral float literal: the raw number). */
  code: string;
  /** JS code evaluating the operand into a temporary, or ''. */
  prep: Code;
  num: boolean;
  int: boolean;
  /** An integral float literal given raw in `code`; `slow` is its boxed Lua value. */
  float: boolean;
  slow: string;
}

/** Per-function compilation state. */
class FnState {
  temps = 0;
  /**
   * 5.1: the function's zero constant. lua5.1's constant table finds 0 and
   * -0 equal, so every zero literal of a function has the sign of the
   * first one (`print(-0, 1/0)` prints -0 and -inf).
   */
  zero: number | undefined = undefined;
  loopLabels: string[] = [];
  /** Nesting of try blocks (to-be-closed variables): no tail calls inside. */
  tryDepth = 0;
  /** How the function refers to itself, when it is `local function f` or `function f`. */
  selfRef: { variable: Variable } | { global: string } | null = null;
  /** Set when a self tail call was compiled as a jump back to the top. */
  selfLoop = false;
  /** Active locals (instrumented code: the count each statement reports). */
  nact = 0;
  /** Lines holding code of this function (debug.getinfo's activelines). */
  readonly lines = new Set<number>();
  /** Instrumented code, compiling a local or assignment over several lines: hooks follow its instructions (hooklines.ts). */
  spanning = false;
  /** Some statement of the function emitted an instruction (5.1's line events: a `local` of nils before that emits none). */
  coded = false;
  /**
   * Locals held as raw floats (`floatLocals`): a JS number in one is a Lua
   * float of that value, integral or not; see `fexpr`.
   */
  fq: ReadonlySet<Variable> = new Set();
  /** JS label of the innermost enclosing Lua loop, for `break`. */
  constructor(readonly node: FunctionNode, readonly gen: boolean, readonly parent: FnState | null) {}
  /** Temporaries the function declares: the most ever in use at once (see `release`). */
  maxTemps = 0;
  /** The most in use since the innermost `reusing` began. */
  private peak = 0;
  temp(): string {
    const t = this.temps++;
    if (this.temps > this.peak) this.peak = this.temps;
    if (this.temps > this.maxTemps) this.maxTemps = this.temps;
    return `$${t}`;
  }
  /**
   * Reuse the temporaries allocated since `mark` (a value of `temps`): code
   * compiled from here on runs after the code that used them has finished
   * with them (the next statement, the next item of a table constructor,
   * the next step of a chain, the next clause of a flat `if`). Without it,
   * code as long as the source would need a JS frame as large (V8 aborts on
   * generators with a few hundred thousand registers).
   */
  release(mark: number): void {
    this.temps = mark;
  }
  /**
   * Compile an expression whose parts reuse each other's temporaries
   * (`release`). Code around it may hold a temporary it takes later while
   * the expression runs (`(T = o, K = <key>, ...)`), so afterwards none
   * the expression used is handed out again.
   */
  reusing<T>(compile: () => T): T {
    const outer = this.peak;
    this.peak = this.temps;
    const code = compile();
    this.temps = this.peak;
    if (outer > this.peak) this.peak = outer;
    return code;
  }
  /**
   * Temporaries that live across statements (loop state, flags), while the
   * statement that made them runs; the others hold one statement's values.
   */
  readonly kept: string[] = [];
  keep(): string {
    const t = this.temp();
    this.kept.push(t);
    return t;
  }
}

/** Where each label lives and how gotos reach it. */
interface LabelPlan {
  /** JS label to `break` to (forward jump: the block of statements before the label). */
  breakLabel?: string;
  /** JS label to `continue` (backward jump: the loop of statements after the label). */
  continueLabel?: string;
  /** Set once the label's position has been passed: later gotos jump backward. */
  after?: boolean;
  /** State-machine block: jump by setting `stateVar` and `continue loopLabel`. */
  state?: { stateVar: string; loopLabel: string; value: number };
}

export class CodeGen {
  /** The code of the function being compiled (of the chunk, outside functions). */
  private out: Code[] = [];
  private protos: Proto[] = [];
  /** The prototype index of each function already compiled. */
  private factoryOf = new Map<FunctionNode, number>();
  private labelCounter = 0;
  private fs!: FnState;
  private labelPlans = new Map<LabelStat, LabelPlan>();
  private callSites: CallSite[] = [];
  /** The dialect of the chunk being compiled (runtime/dialect.ts). */
  private dialect: DialectSpec = LUA54;
  /** The JS name of the chunk's environment cell (in 5.1, each function's own: see `closure`). */
  private envName = '';
  /**
   * Functions push themselves on their coroutine's frame list while they
   * run, so that setfenv/getfenv can find the function at a level (5.1
   * chunks that name setfenv, getfenv or module).
   */
  private fenvFrames = false;
  /** CompileOptions.plain: no resumable variants (scripts/bench-plain.ts). */
  plain = false;
  /** CompileOptions.variants: this compilation makes the chunk's resumable variants (see `closure`). */
  variants = false;
  /**
   * `a == b` decided inline when one operand is a number literal k, or null
   * (`a` and `b` are the operands' codes, simple enough to read twice). No
   * metamethod can take part. A non-integral k (or any k in 5.1, where every
   * number is a raw double) equals only the JS number k; an integral one
   * within 2^53 also equals a float box of that value (`x == 1` is true for
   * 1.0). Bigints are integers beyond 2^53, equal to no such k. Before, an
   * unequal number (heapsort's `ir == 1`, `x % 2 == 0`) went through `eq`.
   */
  private numberEquality(e: BinaryExpr, a: string, b: string): string | null {
    const value = (x: Expr): number | null =>
      x.kind === 'Float' ? x.value : x.kind === 'Integer' && x.value >= -BigInt(MAX_SAFE) && x.value <= BigInt(MAX_SAFE) ? Number(x.value) : null;
    const kl = value(e.left), kr = value(e.right);
    // (Two literals: `1 .n` would need a space; not worth a path of its own.)
    if (kl !== null && kr !== null) return null;
    const k = kr ?? kl;
    const x = kr !== null ? a : b;
    if (k === null || Number.isNaN(k)) return null;
    const lit = doubleLiteral(k);
    if (this.doubles || !Number.isInteger(k)) return `(${x} === ${lit})`;
    if (Math.abs(k) > MAX_SAFE) return null;
    return `(${x} === ${lit} || ${x} instanceof $LuaFloat && ${x}.n === ${lit})`;
  }

  /** A numeric constant of a 5.1 function (zeros share the first one's sign: FnState.zero). */
  private constant51(v: number): string {
    if (v === 0) {
      if (this.fs.zero === undefined) this.fs.zero = v;
      v = this.fs.zero;
    }
    return doubleLiteral(v);
  }

  /** Its numbers are all doubles (5.1): raw JS numbers, no integer subtype. */
  private get doubles(): boolean {
    return this.dialect.numbers === 'double';
  }

  /**
   * Instrumented compilation (debug mode, runtime/hooks.ts): the resumable
   * variant keeps a frame record `$fr` (current line, accessors for the
   * active locals) and reports each statement; every call goes through the
   * trampoline, which fires call and return hooks.
   */
  constructor(
    private readonly instrument = false,
    private readonly clearTemps = false,
    private readonly debugged = false,
    /**
     * Compiling a stripped chunk (string.dump with strip): lua5.4 has no
     * local or upvalue names then, and without the name `_ENV` a global is
     * just a field.
     */
    private readonly stripNames = false,
    /** Checks for the state's limits (runtime/limits.ts): a countdown per loop iteration and call, call levels. */
    private readonly limits = false,
  ) {}

  /**
   * A limited state's step check, `steps` statements' worth: at each
   * function entry and loop iteration. Resumable code may pause there (time
   * slicing, stepping: `$pause` yields only on a machine that can stop).
   */
  private budgetCheck(steps: number): void {
    if (!this.limits) return;
    if (this.fs.gen) this.emit(js`if (($B.n -= ${String(steps)}) < 0 && $B.tick()) yield* $pause();\n`);
    else this.emit(js`if (($B.n -= ${String(steps)}) < 0) $B.tick();\n`);
  }

  /** A direct-mode return: one call level less (limited states). */
  private levelOut(): string {
    return this.limits ? '$B.lv--; ' : '';
  }

  /** A name for messages, as a JS argument. */
  private descArg(d: string | null): string {
    if (this.stripNames) d = strippedDesc(d);
    return d === null ? 'undefined' : str(d);
  }

  /** Is the function being compiled an instrumented variant? */
  private get ins(): boolean {
    return this.instrument && this.fs.gen;
  }

  /** Instrumented code: a line event (if the line changed) as a comma-expression prefix. */
  private hookAt(line: number): string {
    return `$H.line($fr, ${line}, ${this.fs.nact}), `;
  }

  /** Instrumented code: register `ref` as active local number `fs.nact`. */
  private registerLocal(name: string, ref: string, assignable = true): void {
    if (!this.ins) return;
    const set = assignable ? `($v) => { ${ref} = $v; }` : '() => {}';
    // A stripped chunk has no local names: every register is a temporary.
    const shown = this.stripNames ? (this.dialect.internalNames === '5.3' ? '(*temporary)' : '(temporary)') : name;
    this.emit(js`$fr.slots[${this.fs.nact++}] = [${str(shown)}, () => ${ref}, ${set}];\n`);
  }

  /** Instrumented code: a loop jumps back; report `line` (for or while line) as lua's loop instruction does. */
  private loopBack(line: number): void {
    if (!this.ins) return;
    this.emit(js`$H.line($fr, ${line}, ${this.fs.nact}); $fr.back = true;\n`);
  }

  /** Instrumented code: leaving a loop is a forward jump (no forced line event after it). */
  private loopExit(): void {
    if (this.ins) this.emit(js`$fr.back = false;\n`);
  }

  /** A line break plus marker placed right before a call's argument list, where V8 reports the call. */
  /** `describe` in this chunk's dialect. */
  private describe(e: Expr): string | null {
    return describe(e, this.dialect.namesIntegerIndex, this.doubles);
  }

  private callMarker(line: number, site: CallSite): Code {
    this.callSites.push(this.stripNames ? strippedSite(site) : site);
    return new Marker(line, this.callSites.length - 1);
  }

  compileChunk(chunk: Chunk): CompiledChunk {
    const main = chunk.main;
    this.dialect = dialectSpec(chunk.dialect);
    const envName = vname(chunk.env);
    this.envName = envName;
    this.fenvFrames = this.dialect.functionEnvironments && (chunk.uses & USES_FENV) !== 0;
    this.emit(js`"use strict";\n`);
    // The helper bindings come first but list only the helpers the code uses
    // (known once it is generated): V8 parses every chunk's text, and for a
    // small chunk the full list would be most of it.
    const bindings = this.out.length;
    this.emit(js``);
    if (this.variants) {
      // The variants' script: given the chunk's factories, the `$Q` factory of each prototype.
      this.emit(js`return function($Ps) {\n`);
      this.closure(main, null);
      this.emit(js`const [${this.protos.map((p) => `$P${p.index}`).join(', ')}] = $Ps;\n`);
      for (const f of this.factories) this.emit(f);
      this.emit(js`return [${this.protos.map((p) => `$Q${p.index}`).join(', ')}];\n`);
    } else {
      // The factories, then a function of the `_ENV` cell that makes the
      // main closure; given `$all` too, it returns all the factories
      // (loading a dumped function, instrumented twins).
      const create = this.closure(main, null);
      if (this.dialect.closureCache) this.emit(js`const $K = $kcache(${this.protos.length});\n`);
      for (const f of this.factories) this.emit(f);
      this.emit(js`const $Ps = [${this.protos.map((p) => `$P${p.index}`).join(', ')}];\n`);
      this.emit(js`return function(${envName}, $all) {\n`);
      this.emit(js`return $all === true ? $Ps : ${create};\n`);
    }
    this.emit(js`};\n`);
    // Function bodies are text by now (functionBody): only text is left here.
    this.out[bindings] = helperBindings(this.out.join(''));
    const code = this.out.join('');
    return { code, protos: this.protos, ...buildLineMap(code), callSites: this.callSites };
  }

  private emit(c: Code): void {
    this.out.push(c);
  }

  // ------------------------------------------------------------ functions

  /**
   * Factories, one per function prototype: `function $P3(cells...)` returns
   * a new closure. Both variants of every enclosing function call the same
   * factory, passing the cells of the variables it captures, so each
   * function's code is emitted once however deeply it is nested.
   */
  private factories: string[] = [];

  /** JS expression creating a Lua closure for `fn` (both variants). */
  private closure(fn: FunctionNode, parent: FnState | null, selfRef: FnState['selfRef'] = null): string {
    const cells = fn.upvalues.filter((v) => v.role !== 'env').map(vname);
    // The environment cell is the factory's last parameter, under the chunk
    // cell's name, for a function that has `_ENV` as an upvalue: factories
    // close over nothing of the chunk's instantiation, so a chunk's
    // factories serve all of them (instrumented twins, the variants' script).
    // 5.1: each closure has its own environment cell, a copy of its
    // creator's current environment (the main function gets the chunk's),
    // so its code reads globals through its own cell (setfenv changes it).
    const fenv = this.dialect.functionEnvironments;
    const takesEnv = fenv || fn.upvalues.some((v) => v.role === 'env');
    const envArg = fenv && parent !== null ? `{v: ${this.envName}.v}` : this.envName;
    const args = takesEnv ? [...cells, envArg] : cells;
    // Both variants of the enclosing function create this closure: compile
    // it once (compiling it per variant doubles the code at every nesting level).
    const known = this.factoryOf.get(fn);
    if (known !== undefined) return `$P${known}(${args.join(', ')})`;
    const proto: Proto = {
      index: this.protos.length,
      lineDefined: parent === null ? 0 : fn.line,
      lastLineDefined: parent === null ? 0 : fn.endLine,
      numParams: fn.params.length,
      isVararg: fn.isVararg,
      what: parent === null ? 'main' : 'Lua',
      upvalueNames: fn.upvalues.map((v) => v.name),
      numCells: fn.upvalues.filter((v) => v.role !== 'env').length,
      paramNames: fn.params.map((v) => v.name),
      envIndex: fn.upvalues.findIndex((v) => v.role === 'env'),
      ...(fn.span !== undefined && fn.usesOuterConst !== true ? { own: { ...fn.span, upvalues: fn.upvalues.map((v) => v.name) } } : {}),
    };
    this.protos.push(proto);
    this.factoryOf.set(fn, proto.index);
    const savedLabels = this.labelPlans;
    const direct = this.functionBody(fn, parent, false, proto, selfRef);
    if (this.variants) {
      // The second compilation (see CompileOptions.variants) keeps only the
      // resumable variants. The direct one was compiled all the same: it
      // numbers the nested functions, as the first compilation did.
      const resumable = this.functionBody(fn, parent, true, proto);
      this.labelPlans = savedLabels;
      // The factory `$Q` takes the closure and finds its cells in its `.U`,
      // `_ENV` included (this script has no chunk scope around it), and
      // 5.1's environment cell in `.V`.
      const bind = fn.upvalues.map((v, j) => (fenv && v.role === 'env' ? '' : `const ${vname(v)} = $self.U[${j}];\n`)).join('') +
        (fenv ? `const ${this.envName} = $self.V;\n` : '');
      this.factories.push(`function $Q${proto.index}($self) {\n${bind}return ${resumable};\n}\n`);
      return `$P${proto.index}(${args.join(', ')})`;
    }
    this.labelPlans = savedLabels;
    // The cells in upvalue order (`_ENV` included) go on the closure as `.U`
    // for the debug library (getupvalue/setupvalue/upvalueid).
    const upCells = fn.upvalues.length > 0 ? `, [${fn.upvalues.map(vname).join(', ')}]` : '';
    const params = takesEnv ? [...cells, this.envName] : cells;
    // Resumable variants are compiled when a closure of the chunk first runs
    // resumably (runtime/loader.ts, resumable.ts): `$mkfn` gets the chunk's
    // factories `$Ps`, which the variants' script calls for nested closures.
    // Most chunks never run so, and their direct code is all V8 and the code
    // generator see: awfy's som.lua was 337 KB of JS with both variants.
    const make = `$mkfn(${direct}, ${this.plain ? 'undefined' : '$Ps'}, ${proto.index}${fenv ? `, ${upCells === '' ? 'undefined' : upCells.slice(2)}, ${this.envName}` : upCells})`;
    let body: string;
    if (this.dialect.closureCache) {
      // lua5.3 reuses the last closure of a prototype when its upvalues are the same (getcached).
      const same = fn.upvalues.map((v, i) => ` && k.U[${i}] === ${vname(v)}`).join('');
      body = `const k = $K[${proto.index}];\nif (k !== undefined${same}) return k;\nreturn $K[${proto.index}] = ${make};\n`;
    } else if (this.fenvFrames) {
      body = `const $self = ${make};\nreturn $self;\n`;
    } else {
      body = `return ${make};\n`;
    }
    this.factories.push(`function $P${proto.index}(${params.join(', ')}) {\n${body}}\n`);
    return `$P${proto.index}(${args.join(', ')})`;
  }

  /** JS name of the direct variant being compiled (a named function expression). */
  private selfName = '';

  private functionBody(fn: FunctionNode, parent: FnState | null, gen: boolean, proto: Proto, selfRef: FnState['selfRef'] = null): string {
    const savedSelf = this.selfName;
    const savedLine = this.markedLine;
    this.selfName = `$f${proto.index}`;
    const saved = this.fs;
    const savedOut = this.out;
    this.fs = new FnState(fn, gen, parent);
    if (this.rawFloats) this.fs.fq = this.floatLocals(fn);
    if (!gen && !fn.isVararg) this.fs.selfRef = selfRef;
    this.out = [];
    // A captured parameter arrives under another name and is put in a cell.
    const params = fn.params.map((v) => (isCell(v) ? `$p_${vname(v)}` : vname(v)));
    if (fn.isVararg) params.push('...$va');
    const self = `$f${proto.index}`;
    // The body first, so that we know how many temporaries it needs.
    if (!gen) {
      // Call-depth accounting: past the JS-stack-safe depth, continue in the
      // resumable variant on the trampoline's heap stack.
      const args = params.filter((p) => p !== '...$va');
      const argList = fn.isVararg ? `[${args.join(', ')}${args.length ? ', ' : ''}...$va]` : `[${args.join(', ')}]`;
      this.emit(new Marker(fn.line)); // not an active line: no Lua instruction of its own
      // A debugged chunk's functions always go on to the trampoline, which
      // runs their instrumented twins.
      const limit = this.debugged ? '-1' : '$D.limit';
      this.emit(js`if (($D.n += ${WEIGHT}) > ${limit}) return $deep(${self}, ${argList}, ${WEIGHT});\n`);
      // Levels count only past the switch to the heap stack (machines count theirs).
      if (this.limits) this.emit(js`if ((++$B.lv > $B.lvMax) | (($B.n -= ${String(stepsOf(fn.body))}) < 0)) $B.tick();\n`);
    } else {
      this.budgetCheck(stepsOf(fn.body));
    }
    if (gen && this.instrument) this.emit(js`const $fr = $H.enter(${fn.isVararg ? '$va' : 'null'});\n`);
    if (this.fenvFrames) this.emit(js`const $fs = $fenvFrames(); $fs.push($self); try {\n`);
    this.emit(TOP);
    this.declareParams(fn);
    if (gen && this.instrument) {
      for (const v of fn.params) this.registerLocal(v.name, vref(v));
      this.emit(js`$H.called($fr, ${fn.params.length});\n`);
    }
    this.block(fn.body);
    if (!gen) {
      this.fs.lines.add(fn.lastTokenLine ?? fn.endLine);
      proto.activeLines = [...this.fs.lines].filter((l) => l > 0).sort((a, b) => a - b);
    }
    // lua's final return belongs to the function's last line (its `end`).
    if (gen && this.instrument) this.emit(js`$H.line($fr, ${fn.lastTokenLine ?? fn.endLine}, ${this.fs.nact});\n`);
    this.emit(gen ? `return $EMPTY;\n` : js`$D.n -= ${WEIGHT}; ${this.levelOut()}return $EMPTY;\n`);
    this.emit(TOP_END);
    if (this.fenvFrames) this.emit(js`} finally { $fs.pop(); }\n`);
    const temps = this.fs.maxTemps;
    // Self tail calls jump back here (see returnStat).
    const loop = this.fs.selfLoop;
    // A self tail call jumping back to the top is a call: it counts.
    const topCheck = !this.limits ? '' : gen ? `if (($B.n -= 1) < 0 && $B.tick()) yield* $pause();\n` : `if (($B.n -= 1) < 0) $B.tick();\n`;
    // Stack weight of a direct-mode frame, in units of 8 slots: V8's
    // interpreter frame holds every parameter, local and temporary, its
    // fixed part, and registers for call arguments and intermediate values
    // that are not declared temporaries (16 slots cover those: with
    // temporaries reused across statements, 8 let calls.lua's 30,000 method
    // tail calls overflow V8's stack before reaching the trampoline).
    const weight = Math.ceil((temps + params.length + countLocals(fn.body) + 16) / 8);
    const clears = new Map<string, string>();
    const clear = (live: readonly string[]): string => {
      const key = live.join();
      let text = clears.get(key);
      if (text === undefined) {
        const cleared = Array.from({ length: temps }, (_, i) => `$${i}`).filter((t) => !live.includes(t));
        // V8's interpreter keeps the argument registers of earlier calls alive
        // until reused: a call with undefined arguments overwrites them.
        text = `${cleared.length > 0 ? `${cleared.join(' = ')} = undefined; ` : ''}$clr(${Array(16).fill('undefined').join(', ')});\n`;
        clears.set(key, text);
      }
      return text;
    };
    const body = render(this.out, (h) => {
      if (h instanceof Clear) return clear(h.live);
      switch (h.what) {
        case 'weight': return String(weight);
        case 'top': return loop ? `$top: for (;;) {\n${topCheck}` : '';
        case 'topEnd': return loop ? '}\n' : '';
      }
    });
    this.out = savedOut;
    this.fs = saved;
    this.selfName = savedSelf;
    this.markedLine = savedLine;
    const tempDecl = temps > 0 ? `let ${Array.from({ length: temps }, (_, i) => `$${i}`).join(', ')};\n` : '';
    // Both variants are named for their proto ($f1, $g1): stack frames of a
    // chunk without line information still tell their function.
    return `function${gen ? '*' : ''} ${gen ? `$g${proto.index}` : self}(${params.join(', ')}) {\n${tempDecl}${body}}`;
  }

  private declareParams(fn: FunctionNode): void {
    for (const v of fn.params) if (isCell(v)) this.emit(js`let ${vname(v)} = {v: $p_${vname(v)}};\n`);
    const arg = fn.argVar;
    if (arg !== undefined) {
      this.emit(js`let ${vname(arg)} = ${vinit(arg, fn.usesVararg ? 'undefined' : '$varargTable($va)')};\n`);
      this.registerLocal(arg.name, vref(arg));
    }
  }

  // -------------------------------------------------------------- helpers

  /** Start a new JS line attributed to Lua line `n`. */
  private line(n: number): void {
    if (!this.fs.gen) this.fs.lines.add(n);
    this.emit(new Marker(n));
    this.markedLine = n;
  }

  /**
   * The line of the statement (or clause) being compiled: code is at that
   * line until a sub-expression on a later line marks its own. An operation
   * on a later line marks its line (`binary`, table items).
   */
  private markedLine = 0;

  /** An inline line marker for sub-expressions that start on a later line. */
  private mark(n: number): Code {
    if (!this.fs.gen) this.fs.lines.add(n);
    return new Marker(n);
  }

  /**
   * A call of runtime helper `$name` that may call a metamethod (its
   * arguments and `)` follow); in resumable code `yield* $nameG(`, which
   * notes the current line (HelperCall).
   */
  private helper(name: 'arith' | 'concat' | 'eq' | 'lt' | 'le' | 'len' | 'tbcError' | 'tbcClose'): Code {
    // A dialect whose VM converts numeric strings has its own arithmetic slow
    // path (5.3's; 5.1's `$arith` is the double model's: helper-record.ts).
    if (name === 'arith' && this.dialect.stringArith === 'convert' && !this.doubles) name = 'arithCvt' as 'arith';
    return this.fs.gen ? new HelperCall(`${name}G`) : `$${name}(`;
  }

  // ---------------------------------------------------------- statements

  /**
   * Compile a block. `tail` emits code that must run at the end of the block
   * while its locals are still in scope (the condition of `repeat`).
   */
  private block(b: Block, tail?: () => void): void {
    const nact = this.fs.nact;
    this.blockEnds.push(b.endLine);
    const labels = b.body.filter((s): s is LabelStat => s.kind === 'Label');
    if (labels.length === 0) this.statements(b.body, 0, b.body.length, tail);
    else this.blockWithLabels(b, labels, tail);
    // Dead locals must not keep garbage alive either (see stat).
    if (this.clearTemps && b !== this.fs.node.body) {
      const dead = b.variables.filter((v) => !isCell(v) && !v.constValue && this.declaredHere(b, v)).map(vname);
      if (dead.length > 0 && !endsInJump(b)) this.emit(js`${dead.join(' = ')} = undefined;\n`);
    }
    this.blockEnds.pop();
    this.fs.nact = nact;
  }

  /** Whether `v` is declared by a statement of `b` itself (for-loop variables are declared by the loop). */
  private declaredHere(b: Block, v: Variable): boolean {
    // Locals after a label or a `<close>` local are declared in a nested JS block.
    if (b.body.some((st) => st.kind === 'Label')) return false;
    for (const st of b.body) {
      if (st.kind === 'LocalFunction' && st.variable === v) return true;
      if (st.kind === 'Local' && st.variables.includes(v)) return true;
      if (st.kind === 'Local' && st.variables.some((x) => x.attrib === 'close')) return false;
    }
    return false;
  }

  /** End lines of the blocks being compiled (errors in `__close` at block exit report them). */
  private blockEnds: number[] = [];

  /** Compile statements [from, to), handling `<close>` locals by nesting try blocks. */
  private statements(stats: Stat[], from: number, to: number, tail?: () => void): void {
    for (let i = from; i < to; i++) {
      const s = stats[i];
      if (s.kind === 'Local' && s.variables.some((v) => v.attrib === 'close')) {
        const mark = this.fs.temps;
        this.statStart(s);
        this.localStat(s);
        this.fs.release(mark);
        const v = s.variables.find((x) => x.attrib === 'close')!;
        this.closeScope(v, () => this.statements(stats, i + 1, to, tail));
        return;
      }
      this.stat(s);
    }
    tail?.();
  }

  /** The rest of a block after a `<close>` local: close it however the block is left. */
  private closeScope(v: Variable, rest: () => void): void {
    const flag = this.fs.keep();
    const name = vref(v);
    this.emit(js`${flag} = 0;\ntry {\n`);
    this.fs.tryDepth++;
    rest();
    this.fs.tryDepth--;
    const end = this.blockEnds[this.blockEnds.length - 1] ?? 0;
    // Leaving the block normally closes the variable at its `end`, where lua reports it.
    if (this.ins) this.emit(js`$H.line($fr, ${end}, ${this.fs.nact});\n`);
    this.line(end);
    const gone = this.ins ? '$fr.gone = true; ' : '';
    this.emit(js`} catch ($e) { ${flag} = 1; ${gone}throw (${this.helper('tbcError')}${name}, $e)); } finally { if (${flag} === 0) ${this.helper('tbcClose')}${name}); }\n`);
  }

  /**
   * A block containing labels. Each label splits the block: the statements
   * before it go in a labelled JS block that forward gotos leave with
   * `break`, the statements after it in a labelled loop that backward gotos
   * re-enter with `continue` (so locals declared after the label are fresh on
   * each pass, as in Lua). When a forward goto would have to jump over an
   * earlier label's loop, the block falls back to a state machine: a loop
   * around a switch whose cases start at the labels.
   */
  private blockWithLabels(b: Block, labels: LabelStat[], tail?: () => void): void {
    const stats = b.body;
    // Where the gotos to each label are (one walk of the block: linear in its size).
    const spans = gotoSpans(stats);
    let prev = 0;
    let structured = true;
    let loops = 0;
    for (let p = 0; p < stats.length; p++) {
      const s = stats[p];
      if (s.kind !== 'Label') continue;
      const span = spans.get(s);
      if (span !== undefined && span.first < prev) structured = false;
      if (span !== undefined && span.last > p) loops++;
      prev = p + 1;
    }
    // Each label that backward gotos reach opens a JS loop around the rest of
    // its block; thousands of them nested would be too deep for V8's parser.
    if (structured && this.labelLoops + loops <= MAX_LABEL_LOOPS) {
      this.labelLoops += loops;
      this.labelled(stats, spans, tail);
      this.labelLoops -= loops;
      return;
    }
    this.stateMachine(b, labels, tail);
  }

  /** Loops for backward gotos open around the code being emitted (see blockWithLabels). */
  private labelLoops = 0;

  private labelled(stats: Stat[], spans: Map<LabelStat, GotoSpan>, tail?: () => void): void {
    // Backward gotos' loops enclose the rest of the block: closed at its end.
    let openLoops = 0;
    let from = 0;
    for (;;) {
      let p = from;
      while (p < stats.length && stats[p].kind !== 'Label') p++;
      if (p === stats.length) {
        this.statements(stats, from, stats.length, tail);
        break;
      }
      const label = stats[p] as LabelStat;
      const span = spans.get(label);
      // Gotos before the label (after the previous one: the block is structured) jump forward.
      const forward = span !== undefined && span.first < p;
      const backward = span !== undefined && span.last > p;
      const fwdLabel = `$L${this.labelCounter++}`;
      const bwdLabel = `$L${this.labelCounter++}`;
      this.labelPlans.set(label, { breakLabel: fwdLabel, continueLabel: bwdLabel });
      if (forward) {
        // Locals declared before the label stay visible after it.
        this.hoist(stats.slice(from, p));
        this.emit(js`${fwdLabel}: {\n`);
      }
      this.statements(stats, from, p);
      if (forward) this.emit(js`}\n`);
      if (backward) {
        this.emit(js`${bwdLabel}: for (;;) {\n`);
        this.budgetCheck(1);
        openLoops++;
      }
      this.labelPlans.set(label, { breakLabel: fwdLabel, continueLabel: bwdLabel, after: true });
      from = p + 1;
    }
    for (let i = 0; i < openLoops; i++) this.emit(js`break;\n}\n`);
  }

  private stateMachine(b: Block, labels: LabelStat[], tail?: () => void): void {
    const stats = b.body;
    const stateVar = this.fs.keep();
    const loopLabel = `$L${this.labelCounter++}`;
    labels.forEach((l, i) => this.labelPlans.set(l, { state: { stateVar, loopLabel, value: i + 1 } }));
    // Hoist this block's locals so that every case sees them.
    this.hoist(stats);
    this.emit(js`${stateVar} = 0;\n${loopLabel}: for (;;) {\n`);
    this.budgetCheck(1);
    this.emit(js`switch (${stateVar}) {\ncase 0:\n`);
    for (const s of stats) {
      if (s.kind === 'Label') {
        this.emit(js`case ${this.labelPlans.get(s)!.state!.value}:\n`);
      } else {
        this.stat(s);
      }
    }
    tail?.();
    this.emit(js`}\nbreak;\n}\n`);
  }

  /** Locals declared up front (before a labelled block or state machine) rather than at their statement. */
  private hoisted = new Set<Variable>();

  private declKeyword(v: Variable): string {
    return this.hoisted.has(v) ? '' : 'let ';
  }

  /** Declare the locals that `stats` declare directly, ahead of a JS block that would hide them. */
  private hoist(stats: Stat[]): void {
    const vars: Variable[] = [];
    for (const st of stats) {
      if (st.kind === 'Local') vars.push(...st.variables);
      else if (st.kind === 'LocalFunction') vars.push(st.variable);
    }
    if (vars.length === 0) return;
    this.emit(js`let ${vars.map(vname).join(', ')};\n`);
    for (const v of vars) this.hoisted.add(v);
  }

  /** A statement's JS line marker, temporaries clearing, active line and line hook. */
  private statStart(s: Stat): void {
    this.emit(new Marker(s.line));
    this.markedLine = s.line;
    // Values a finished statement left in temporaries must not outlive it
    // when the chunk observes collection (weak tables, __gc).
    if (this.clearTemps && s.kind !== 'Label') this.emit(new Clear([...this.fs.kept]));
    // Active lines are where lua puts the statement's instructions.
    const spanning = (s.kind === 'Local' || s.kind === 'Assign') && spansLines(s);
    this.fs.spanning = spanning && this.ins;
    let hl = spanning ? statementFirstLine(s as LocalStat | AssignStat) : hookLine(s);
    if (this.dialect.lineEvents === '5.1') hl = this.hookLine51(s, hl);
    // A constant condition has no test: `while true do` and `if true then` have no line event of their own.
    else if ((s.kind === 'While' && constantlyTrue(s.condition)) || (s.kind === 'If' && constantlyTrue(s.clauses[0]!.condition))) hl = null;
    if (hl !== null && !this.fs.gen) this.fs.lines.add(hl);
    if (s.kind === 'FunctionStat' && !this.fs.gen) this.fs.lines.add(s.line);
    // A numeric for runs its three loads and its preparation before the loop.
    const cost = s.kind === 'NumericFor' ? ', 4' : '';
    if (hl !== null && this.ins) this.emit(js`$H.line($fr, ${hl}, ${this.fs.nact}${cost});\n`);
  }

  /**
   * 5.1's line event of a statement: none for `while true` (no test) or for a
   * `local` of nils before the function's first instruction (lcode.c's
   * luaK_nil leaves the registers as they are).
   */
  private hookLine51(s: Stat, hl: number | null): number | null {
    if (s.kind === 'While' && constantlyTrue(s.condition)) return null;
    if (s.kind === 'Do') return hl;
    if (!this.fs.coded && s.kind === 'Local' && s.values.every((v) => v.kind === 'Nil')) return null;
    this.fs.coded = true;
    return hl;
  }

  /**
   * A statement. Its temporaries are free again once it has run (loop state
   * and flags once it has ended), for the statements after it.
   */
  private stat(s: Stat): void {
    const mark = this.fs.temps, kept = this.fs.kept.length;
    this.statBody(s);
    this.fs.release(mark);
    this.fs.kept.length = kept;
  }

  private statBody(s: Stat): void {
    this.statStart(s);
    switch (s.kind) {
      case 'Local': return this.localStat(s);
      case 'Assign': return this.assignStat(s);
      case 'CallStat':
        this.emit(js`${this.callExpr(s.call, 'stat')};\n`);
        return;
      case 'Do':
        this.emit(js`{\n`);
        this.block(s.body);
        this.emit(js`}\n`);
        return;
      case 'While': {
        const label = `$L${this.labelCounter++}`;
        const le51 = this.ins && this.dialect.lineEvents === '5.1';
        // 5.1: each test of the condition is an event after the jump back (none for a constant).
        const test = le51 && !constantlyTrue(s.condition) ? js`(${this.hookAt(s.condition.line)}${this.cond(s.condition)})` : this.cond(s.condition);
        this.emit(js`${label}: while (${test}) {\n`);
        this.budgetCheck(stepsOf(s.body));
        this.fs.loopLabels.push(label);
        this.block(s.body);
        if (le51 || (this.ins && constantlyTrue(s.condition))) this.emit(js`$fr.back = true;\n`);
        else if (this.ins) {
          // The jump back makes the test's line an event even on the same line.
          this.emit(js`$fr.back = true; $H.line($fr, ${s.condition.line}, ${this.fs.nact});\n`);
        }
        this.fs.loopLabels.pop();
        this.emit(js`}\n`);
        this.loopExit();
        return;
      }
      case 'Repeat': {
        const label = `$L${this.labelCounter++}`;
        this.emit(js`${label}: for (;;) {\n`);
        this.budgetCheck(stepsOf(s.body));
        this.fs.loopLabels.push(label);
        // The condition sees the body's locals, so it is compiled inside the
        // body's scope; a `<close>` local in the body must be closed after
        // the condition is evaluated, which `statements` nesting gives us.
        this.block(s.body, () => {
          this.line(s.condition.line);
          if (this.ins) this.emit(js`$H.line($fr, ${s.condition.line}, ${this.fs.nact});\n`);
          this.emit(js`if (${this.cond(s.condition)}) break ${label};\n`);
          if (this.ins) this.emit(js`$fr.back = true;\n`);
        });
        this.fs.loopLabels.pop();
        this.emit(js`}\n`);
        return;
      }
      case 'If': {
        if (s.clauses.length >= LONG_IF) return this.flatIf(s);
        s.clauses.forEach((c, i) => {
          if (i > 0) this.line(c.line);
          this.emit(js`${i === 0 ? '' : '} else '}if (${this.clauseTest(c, i)}) {\n`);
          this.block(c.body);
        });
        if (s.orelse) {
          this.emit(js`} else {\n`);
          this.block(s.orelse);
        }
        this.emit(js`}\n`);
        return;
      }
      case 'NumericFor': return this.numericFor(s);
      case 'GenericFor': return this.genericFor(s);
      case 'FunctionStat': {
        const t = s.target;
        const self = t.kind !== 'Name' ? null : t.variable ? { variable: t.variable } : { global: t.name };
        const fn = this.closure(s.func, this.fs, self);
        if (this.ins) {
          // The closure belongs to the `end` line, the store to the `function` line.
          const t = this.fs.temp();
          this.emit(js`${t} = ${fn};\n$H.line($fr, ${s.line}, ${this.fs.nact});\n`);
          this.assignTo(s.target, t);
          return;
        }
        this.assignTo(s.target, fn);
        return;
      }
      case 'LocalFunction': {
        const v = s.variable;
        const kw = this.declKeyword(v);
        this.emit(js`${kw}${vname(v)} = ${vinit(v, 'undefined')};\n`);
        this.registerLocal(v.name, vref(v));
        this.emit(js`${vref(v)} = ${this.closure(s.func, this.fs, { variable: v })};\n`);
        return;
      }
      case 'Return': return this.returnStat(s);
      case 'Break':
        this.emit(js`break ${this.fs.loopLabels[this.fs.loopLabels.length - 1]};\n`);
        return;
      case 'Goto': {
        const plan = s.target ? this.labelPlans.get(s.target) : undefined;
        if (!plan) throw new Error(`internal: unresolved goto ${s.label}`);
        if (plan.state) this.emit(js`{ ${plan.state.stateVar} = ${plan.state.value}; continue ${plan.state.loopLabel}; }\n`);
        else if (plan.after) this.emit(js`continue ${plan.continueLabel!};\n`);
        else this.emit(js`break ${plan.breakLabel!};\n`);
        return;
      }
      case 'Label':
        return; // handled by blockWithLabels
    }
  }

  /** The test of clause `i` of an `if` statement. */
  private clauseTest(c: IfStat['clauses'][number], i: number): Code {
    const test = this.cond(c.condition);
    if (!this.ins) return test;
    // lua's test jump sits on the `then` line; an elseif's condition is reached by a jump.
    const t = this.fs.temp();
    const pre = i > 0 ? `$H.line($fr, ${c.condition.line}, ${this.fs.nact}), ` : '';
    // 5.1's test is emitted at the condition's last token, before `then` is read.
    if (this.dialect.lineEvents === '5.1') return js`(${pre}${t} = ${test}, $H.line($fr, ${lastLineOf(c.condition)}, ${this.fs.nact}), ${t})`;
    // A constant true needs no test, and a comparison is its own jump, at its
    // last line (luaK_goiftrue emits nothing on the `then` line for them).
    if (constantlyTrue(c.condition)) return pre === '' ? test : js`(${pre}${test})`;
    if (jumpCondition(c.condition)) return js`(${pre}${t} = ${test}, $H.line($fr, ${lastLineOf(c.condition)}, ${this.fs.nact}), ${t})`;
    return js`(${pre}${t} = ${test}, $H.line($fr, ${c.thenLine}, ${this.fs.nact}), ${t})`;
  }

  /**
   * An `if` with a long `elseif` chain. Compiled as `else if`, it would nest
   * as deep as the chain is long, and V8 parses and compiles nested
   * statements recursively (20,000 clauses overflow its stack; lua5.4 takes
   * any number). Instead the clauses follow one another in a labelled
   * block, each leaving it once its body has run. Only one clause runs, and
   * nothing of one is live in the next: each reuses the temporaries of the
   * one before.
   */
  private flatIf(s: IfStat): void {
    const label = `$L${this.labelCounter++}`;
    const mark = this.fs.temps;
    this.emit(js`${label}: {\n`);
    s.clauses.forEach((c, i) => {
      if (i > 0) this.line(c.line);
      this.fs.release(mark);
      this.emit(js`if (${this.clauseTest(c, i)}) {\n`);
      this.block(c.body);
      if (!endsInJump(c.body)) this.emit(js`break ${label};\n`);
      this.emit(js`}\n`);
    });
    if (s.orelse) {
      this.fs.release(mark);
      this.emit(js`{\n`);
      this.block(s.orelse);
      this.emit(js`}\n`);
    }
    this.emit(js`}\n`);
  }

  private localStat(s: LocalStat): void {
    const vars = s.variables;
    const kw = vars.every((v) => this.declKeyword(v) === '') ? '' : 'let ';
    const values = s.values;
    // Compile-time constants are still materialised (cheap and simple).
    let vals: Code[];
    const fq = this.fs.fq;
    if (values.length === 0) vals = vars.map(() => 'undefined');
    else if (vars.length === 1 && values.length === 1) vals = [fq.has(vars[0]!) ? this.fqBelow(values[0], s.line) : this.exprBelow(values[0], s.line)];
    else if (vars.some((v) => fq.has(v)) && values.length === vars.length && !isMulti(values[values.length - 1]!)) {
      // Each value into a temporary, raw for a raw-float local.
      vals = values.map((e, i) => {
        const t = this.fs.temp();
        this.emit(js`${t} = ${fq.has(vars[i]!) ? this.fqBelow(e, s.line) : this.exprBelow(e, s.line)};\n`);
        return t;
      });
    } else vals = this.valuesInto(values, vars.length, s.line).map((c, i) => (fq.has(vars[i]!) ? `$toFq(${c})` : c));
    this.emit(js`${kw}${joinCode(vars.map((v, i) => js`${vname(v)} = ${vinit(v, vals[i]!)}`), ', ')};\n`);
    // A compile-time constant has no register: getlocal does not see it.
    for (const v of vars) if (v.constValue === undefined) this.registerLocal(v.name, vref(v));
    this.checkClose(s);
  }

  private checkClose(s: LocalStat): void {
    for (const v of s.variables) {
      if (v.attrib === 'close') this.emit(js`$checkClose(${vref(v)}, ${str(v.name)});\n`);
    }
  }

  /**
   * Evaluate `exprs` adjusted to `n` values, into temporaries (emitting the
   * evaluation now, left to right), and return JS expressions for the n values.
   */
  private valuesInto(exprs: Expr[], n: number, line: number): string[] {
    const result: string[] = [];
    const temps: string[] = [];
    exprs.forEach((e, i) => {
      const last = i === exprs.length - 1;
      if (last && isMulti(e) && i < n) {
        const t = this.fs.temp();
        this.emit(js`${t} = ${e.line > line ? this.mark(e.line) : ''}${this.multi(e)};\n`);
        for (let k = i; k < n; k++) result.push(`$nth(${t}, ${k - i})`);
        temps.push(t);
      } else if (i < n) {
        const t = this.fs.temp();
        this.emit(js`${t} = ${this.exprBelow(e, line)};\n`);
        result.push(t);
      } else {
        // Extra values are evaluated for their side effects.
        this.emit(js`${this.exprBelow(e, line)};\n`);
      }
    });
    while (result.length < n) result.push('undefined');
    return result;
  }

  private assignStat(s: AssignStat): void {
    const store = this.fs.spanning ? storeLine(s) : null;
    // A store (SETTABLE, SETFIELD) is at its values' last line in lua5.4: its errors too.
    const storeAt = storeLine(s);
    this.storeMark = storeAt !== null && storeAt > this.markedLine ? this.mark(storeAt) : '';
    if (s.targets.length === 1 && s.values.length === 1) {
      const t0 = s.targets[0]!;
      if (t0.kind === 'Name' && t0.variable && this.fs.fq.has(t0.variable)) {
        this.emit(js`${vname(t0.variable)} = ${this.fqBelow(s.values[0]!, s.line)};\n`);
        this.storeMark = '';
        return;
      }
      let v = this.exprBelow(s.values[0], s.line);
      if (store !== null) {
        const t = this.fs.temp();
        v = js`(${t} = ${v}, ${this.hookAt(store)}${t})`;
      }
      this.assignTo(s.targets[0], v);
      this.storeMark = '';
      return;
    }
    // Evaluate target prefixes and keys first (left to right), then the
    // values, then assign right to left, as lua5.4 does.
    const prepared = s.targets.map((t) => {
      if (t.kind === 'Index') {
        const o = this.fs.temp();
        const k = this.fs.temp();
        this.emit(js`${o} = ${this.expr(t.object)}; ${k} = ${this.expr(t.key)};\n`);
        return { t, o, k };
      }
      return { t, o: '', k: '' };
    });
    const vals = this.valuesInto(s.values, s.targets.length, s.line);
    if (store !== null) this.emit(js`${this.hookAt(store)}undefined;\n`);
    for (let i = prepared.length - 1; i >= 0; i--) {
      const p = prepared[i];
      if (p.t.kind === 'Index') this.emit(js`${this.setIndex(p.o, p.k, vals[i]!, this.describe(p.t.object))};\n`);
      else this.assignTo(p.t, vals[i]!);
    }
    this.storeMark = '';
  }

  /** The line marker for the stores of the assignment being compiled, if they are on a later line. */
  private storeMark: Code = '';

  private assignTo(target: NameExpr | IndexExpr, value: Code): void {
    if (target.kind === 'Name') {
      if (target.variable) {
        this.emit(js`${vref(target.variable)} = ${this.fs.fq.has(target.variable) ? js`$toFq(${value})` : value};\n`);
      } else {
        this.emit(js`${this.setIndex(vref(target.env!), str(target.name), value, describeEnv(target))};\n`);
      }
      return;
    }
    const o = this.expr(target.object);
    const k = this.expr(target.key);
    this.emit(js`${this.setIndex(o, k, value, this.describe(target.object))};\n`);
  }

  private setIndex(o: Code, k: Code, v: Code, desc: string | null): Code {
    // A constant string key (`str`) takes the string-store path.
    const strKey = typeof k === 'string' && k.startsWith('"');
    if (!this.fs.gen && !strKey) {
      // Inline: overwriting a present array slot or string field with a
      // non-nil value involves no metamethod, nor does appending (key #t+1)
      // to a table without metatable or hash part (see LuaTable.grown);
      // everything else goes to setindexMiss. A table whose string keys are
      // in its hash part (table.ts, "Large string parts") is not probed.
      const T = this.fs.temp(), K = this.fs.temp(), X = this.fs.temp(), A = this.fs.temp();
      return js`((${T} = ${o}, ${K} = ${k}, ${X} = ${v}) !== undefined && ${T} instanceof $LuaTable && (typeof ${K} === 'number' ? ((${A} = ${T}.arr)[${K} - 1] !== undefined ? (${A}[${K} - 1] = ${X}, true) : ${K} === ${A}.length + 1 && ${A} !== $noArr && ${T}.hash === null && ${T}.metatable === null && ((${A}.push(${X}) & 1023) !== 0 || ${T}.grown())) : typeof ${K} === 'string' && ${T}.strsInHash === false && ${T}.strs[${K}] !== undefined && (${T}.strs[${K}] = ${X}, true)) || ${this.storeMark}$setindexMiss(${T}, ${K}, ${X}, ${this.descArg(desc)}))`;
    }
    if (!this.fs.gen) {
      // Writing a present field never involves __newindex: overwrite it
      // inline (a monomorphic property store for V8), or for nil store
      // undefined and count the dead key (LuaTable.died). A non-nil value
      // for a dead key (`self.link = nil` then `self.link = x`), when there
      // is no __newindex, revives it inline (LuaTable.revived). Everything
      // else goes to setindexStr.
      const t = this.fs.temp(), x = this.fs.temp();
      return js`((${t} = ${o}, ${x} = ${v}), ${t} instanceof $LuaTable && (${t}.strs[${k}] !== undefined ? (${x} !== undefined ? (${t}.strs[${k}] = ${x}, true) : (${t}.strs[${k}] = undefined, ${t}.died(${k}))) : ${x} !== undefined && (${t}.metatable === null || ${t}.metatable.strs.__newindex === undefined) && ${k} in ${t}.strs && (${t}.strs[${k}] = ${x}, ${t}.revived())) || ${this.storeMark}$setindexStr(${t}, ${k}, ${x}, ${this.descArg(desc)}))`;
    }
    return js`(${this.storeMark}${new HelperCall('setindexG')}${o}, ${k}, ${v}, ${this.descArg(desc)}))`;
  }

  /** `return f(args)` where f names the function itself: a candidate for a jump to the top. */
  private selfTailCall(s: ReturnStat): CallExpr | null {
    const ref = this.fs.selfRef;
    if (ref === null || this.fs.tryDepth > 0 || s.values.length !== 1) return null;
    const c = s.values[0];
    if (c.kind !== 'Call' || c.callee.kind !== 'Name') return null;
    if (c.args.length > 0 && isMulti(c.args[c.args.length - 1])) return null;
    const n = c.callee;
    const same = 'variable' in ref ? n.variable === ref.variable : n.variable === null && n.name === ref.global;
    return same ? c : null;
  }

  /**
   * A proper tail call of the function to itself, in direct mode: when the
   * callee is (still) this very closure, assign the parameters and jump
   * back to the top, so tail-recursive loops run in constant stack at full
   * speed. Otherwise it is an ordinary call.
   */
  private selfTailJump(c: CallExpr): void {
    const f = this.fs.temp();
    const args = c.args.map(() => this.fs.temp());
    this.emit(js`${f} = ${this.expr(c.callee)};\n`);
    c.args.forEach((a, i) => this.emit(js`${args[i]} = ${this.expr(a)};\n`));
    const params = this.fs.node.params;
    this.emit(js`if (${f} === ${this.selfName}) {\n`);
    params.forEach((v, i) => this.emit(js`${isCell(v) ? `$p_${vname(v)}` : vname(v)} = ${args[i] ?? 'undefined'};\n`));
    this.emit(js`continue $top;\n}\n`);
    this.fs.selfLoop = true;
    const t = this.fs.temp();
    const site = callSiteFor(c.callee);
    this.emit(js`{ ${t} = ${this.invoke(f, args.join(', '), this.describe(c.callee), c.line, site, true)}; $D.n -= ${WEIGHT}; ${this.levelOut()}return ${t}; }\n`);
  }

  private returnStat(s: ReturnStat): void {
    const selfCall = this.fs.gen ? null : this.selfTailCall(s);
    if (selfCall) {
      this.selfTailJump(selfCall);
      return;
    }
    const vs = s.values;
    let value: Code;
    if (vs.length === 0) value = '$EMPTY';
    else if (vs.length === 1 && (vs[0].kind === 'Call' || vs[0].kind === 'MethodCall') && this.fs.tryDepth === 0) {
      value = this.callExpr(vs[0], 'tail');
    } else if (vs.length === 1) value = isMulti(vs[0]) ? this.multi(vs[0]) : this.expr(vs[0]);
    else value = this.listArray(vs);
    if (this.fs.gen) {
      this.emit(js`return ${value};\n`);
    } else {
      const t = this.fs.temp();
      this.emit(js`{ ${t} = ${value}; $D.n -= ${WEIGHT}; ${this.levelOut()}return ${t}; }\n`);
    }
  }

  private numericFor(s: NumericForStat): void {
    const label = `$L${this.labelCounter++}`;
    const a = this.fs.keep(), b = this.fs.keep(), c = this.fs.keep(), k = this.fs.keep();
    const step = s.step;
    const stepConst = step === null ? 1n : step.kind === 'Integer' ? step.value : null;
    const startInt = s.start.kind === 'Integer' && Math.abs(Number(s.start.value)) <= MAX_SAFE;
    this.emit(js`${a} = ${this.expr(s.start)}; ${b} = ${this.expr(s.limit)}; ${c} = ${step ? this.expr(step) : '1'}; ${k} = 0;\n`);
    const checks: string[] = [];
    if (!startInt) checks.push(`$isSmallInt(${a})`);
    checks.push(`$isSmallInt(${b})`);
    if (stepConst === null || stepConst === 0n || Math.abs(Number(stepConst)) > MAX_SAFE) checks.push(`$isSmallInt(${c}) && ${c} !== 0`);
    const prep = this.dialect.forLoop === '5.3' ? '$forprepWrap' : '$forprep';
    this.emit(js`if (!(${checks.join(' && ')})) [${a}, ${b}, ${c}, ${k}] = ${prep}(${a}, ${b}, ${c});\n`);
    const iv = this.fs.keep();
    const smallStep = stepConst !== null && stepConst !== 0n && Math.abs(Number(stepConst)) <= MAX_SAFE;
    const cond = smallStep
      ? `${iv} ${stepConst! > 0n ? '<=' : '>='} ${b}`
      : `(${c} > 0 ? ${iv} <= ${b} : ${iv} >= ${b})`;
    const nact = this.fs.nact;
    // lua5.4 keeps the loop as (index, iterations left, step) for integer loops.
    if (this.dialect.internalNames === '5.3') {
      // lua5.3 keeps (index, limit, step).
      this.registerLocal('(for index)', `(${k} === 0 ? ${iv} : $forval(${iv}, ${k}))`, false);
      this.registerLocal('(for limit)', `(${k} === 0 ? ${b} : ${k} === 1 ? $mkFloat(${b}) : undefined)`, false);
      this.registerLocal('(for step)', `(${k} === 1 ? $mkFloat(${c}) : ${k} === 0 ? ${c} : ${k}.step)`, false);
    } else {
      this.registerLocal('(for state)', `(${k} === 0 ? ${iv} : $forval(${iv}, ${k}))`, false);
      this.registerLocal('(for state)', `(${k} === 0 ? Math.floor((${b} - ${iv}) / ${c}) : ${b})`, false);
      this.registerLocal('(for state)', c, false);
    }
    this.emit(js`${label}: for (${iv} = ${a}; ${cond}; ${iv} += ${c}) {\n`);
    // lua5.3 jumps back into the body for every iteration, the first too: a line event even on the loop's line.
    if (this.ins && this.dialect.lineEvents !== '5.4') this.emit(js`$fr.back = true;\n`);
    this.emit(js`let ${vname(s.variable)} = ${vinit(s.variable, `${k} === 0 ? ${iv} : $forval(${iv}, ${k})`)};\n`);
    this.registerLocal(s.variable.name, vref(s.variable));
    this.budgetCheck(stepsOf(s.body));
    this.fs.loopLabels.push(label);
    this.block(s.body);
    this.fs.nact = nact + 3;
    this.loopBack(s.line);
    this.fs.nact = nact;
    this.fs.loopLabels.pop();
    this.emit(js`}\n`);
    this.loopExit();
  }

  /**
   * The loop of a generic `for` (both kinds): call the iterator, stop at nil,
   * bind the variables, run the body. `nactInLoop`: active slots in the body
   * (the internal for-state values and the variables before it).
   */
  private genericForLoop(s: GenericForStat, label: string, F: string, S: string, C: string, R: string, nactInLoop: number): void {
    this.emit(js`${label}: for (;;) {\n`);
    this.budgetCheck(stepsOf(s.body));
    // lua gives the iterator call the line where the explist starts; 5.1
    // calls it as a C level (luaD_call), so that no yield crosses it.
    const call = this.fs.gen && !this.dialect.yieldAcrossCalls
      ? js`$ccall(${F}, ${S}, ${C})`
      : this.invoke(F, `${S}, ${C}`, "for iterator 'for iterator'", s.exprs[0]!.line, { namewhat: 'for iterator', name: 'for iterator' });
    this.emit(js`${R} = ${call};\n${C} = $nth(${R}, 0);\nif (${C} === undefined) break;\n`);
    // lua jumps back into the body after each call of the iterator (TFORLOOP), the first too.
    if (this.ins) this.emit(js`$fr.back = true;\n`);
    const decls = s.variables.map((v, i) => js`${vname(v)} = ${vinit(v, i === 0 ? C : `$nth(${R}, ${i})`)}`);
    this.emit(js`let ${joinCode(decls, ', ')};\n`);
    for (const v of s.variables) this.registerLocal(v.name, vref(v));
    this.fs.loopLabels.push(label);
    this.block(s.body);
    this.fs.nact = nactInLoop;
    this.loopBack(s.line);
    this.fs.loopLabels.pop();
    this.emit(js`}\n`);
  }

  /** A generic `for` of a dialect without its to-be-closed fourth value (DialectSpec `genericForClose`): three values, no try. */
  private genericForPlain(s: GenericForStat): void {
    const label = `$L${this.labelCounter++}`;
    const [f, st, ctl] = this.valuesInto(s.exprs, 3, s.line);
    const F = this.fs.keep(), S = this.fs.keep(), C = this.fs.keep(), R = this.fs.temp();
    this.emit(js`${F} = ${f}; ${S} = ${st}; ${C} = ${ctl};\n`);
    const nact = this.fs.nact;
    const names = this.dialect.internalNames === '5.3' ? ['(for generator)', '(for state)', '(for control)'] : ['(for state)', '(for state)', '(for state)'];
    [F, S, C].forEach((t, i) => this.registerLocal(names[i]!, t));
    this.genericForLoop(s, label, F, S, C, R, nact + 3);
    this.fs.nact = nact;
    this.loopExit();
  }

  private genericFor(s: GenericForStat): void {
    if (!this.dialect.genericForClose) return this.genericForPlain(s);
    const label = `$L${this.labelCounter++}`;
    const [f, st, ctl, cl] = this.valuesInto(s.exprs, 4, s.line);
    const F = this.fs.keep(), S = this.fs.keep(), C = this.fs.keep(), CL = this.fs.keep(), R = this.fs.temp();
    const flag = this.fs.keep();
    this.emit(js`${F} = ${f}; ${S} = ${st}; ${C} = ${ctl}; ${CL} = ${cl};\n`);
    const nact = this.fs.nact;
    for (const t of [F, S, C, CL]) this.registerLocal('(for state)', t);
    // The fourth value is a to-be-closed variable (5.4), closed however the
    // loop ends; the try costs nothing measurable when there is none.
    this.emit(js`if (${CL} !== undefined && ${CL} !== false) $checkClose(${CL}, "(for state)");\n`);
    this.emit(js`${flag} = 0;\ntry {\n`);
    this.fs.tryDepth++;
    this.genericForLoop(s, label, F, S, C, R, nact + 4);
    this.fs.tryDepth--;
    const gone = this.ins ? '$fr.gone = true; ' : '';
    this.emit(js`} catch ($e) { ${flag} = 1; ${gone}throw (${this.helper('tbcError')}${CL}, $e)); } finally { if (${flag} === 0) ${this.helper('tbcClose')}${CL}); }\n`);
    this.fs.nact = nact;
    this.loopExit();
  }

  // --------------------------------------------------------- expressions

  /** A JS boolean expression for a Lua condition. */
  private cond(e: Expr): Code {
    if (isBoolean(e)) return this.expr(e); // already a JS boolean
    if (e.kind === 'True') return 'true';
    if (e.kind === 'Nil' || e.kind === 'False') return 'false';
    const t = this.fs.temp();
    return js`((${t} = ${this.expr(e)}) !== undefined && ${t} !== false)`;
  }

  /** Expressions being compiled, each inside the next (see `chain`). */
  private exprDepth = 0;

  /**
   * The shortest chain (of suffixes, of left-associative operations) that is
   * compiled flat. Chains shorter than CHAIN nest in the JS code, as deep as
   * they are long; chains nested in the keys and arguments of chains
   * multiply that (lua5.4 allows about 200 levels, each with a chain of any
   * length), so below DEEP expressions every chain is flat.
   */
  private get chain(): number {
    return this.exprDepth > DEEP ? 2 : CHAIN;
  }

  /** Evaluate an expression to exactly one value. */
  private expr(e: Expr): Code {
    // Already computed, into a temporary, by the chain `e` belongs to.
    if (this.pinned.size > 0) {
      const t = this.pinned.get(e);
      if (t !== undefined) return t;
    }
    this.exprDepth++;
    const code = this.exprCode(e);
    this.exprDepth--;
    return code;
  }

  private exprCode(e: Expr): Code {
    switch (e.kind) {
      case 'Nil': return 'undefined';
      case 'True': return 'true';
      case 'False': return 'false';
      case 'Integer': return integerLiteral(e.value);
      case 'Float': return this.doubles ? this.constant51(e.value) : floatLiteral(e.value);
      case 'String': return str(e.value);
      case 'Vararg': return `$va[0]`;
      case 'Function': return this.closure(e.func, this.fs);
      case 'Paren': return this.expr(e.expr);
      case 'Name': return this.nameExpr(e);
      case 'Index':
      case 'Call':
      case 'MethodCall': {
        if (this.longSuffixSpine(e)) return this.suffixChain(e);
        return e.kind === 'Index' ? this.indexExpr(e) : js`$first(${this.callExpr(e, 'multi')})`;
      }
      case 'Table': return this.tableExpr(e);
      case 'Binary':
        if (longLeftSpine(e, this.chain)) return this.binaryChain(e);
        return FARITH.has(e.op) && this.fkind(e) !== 'V' ? this.boxed(this.fexpr(e)) : this.binary(e);
      case 'Unary': return e.op === '-' && this.fkind(e) !== 'V' ? this.boxed(this.fexpr(e)) : this.unary(e);
    }
  }

  /** Evaluate a multi-valued expression (call or vararg) to a JS "result" (value or array). */
  private multi(e: Expr): Code {
    if (e.kind === 'Vararg') return '$va';
    if (e.kind === 'Call' || e.kind === 'MethodCall') return this.callExpr(e, 'multi');
    return this.expr(e);
  }

  /** JS array expression holding the values of an expression list (last one expanded). */
  private listArray(exprs: Expr[]): Code {
    if (exprs.length === 0) return '$EMPTY';
    const last = exprs[exprs.length - 1];
    const fixed = exprs.slice(0, -1).map((x) => this.expr(x));
    if (isMulti(last)) {
      if (last.kind === 'Vararg') return js`[${joinCode([...fixed, '...$va'], ', ')}]`;
      return js`$append([${joinCode(fixed, ', ')}], ${this.multi(last)})`;
    }
    return js`[${joinCode([...fixed, this.expr(last)], ', ')}]`;
  }

  /**
   * Argument list text for a JS call (last one expanded). Arguments that
   * start below the call's line get their own line marker: they are emitted
   * after the call's marker.
   */
  private argList(exprs: Expr[], callLine: number, closeLine?: number): Code {
    if (exprs.length === 0) return '';
    const lines = this.ins || !this.fs.gen ? argLines(exprs, callLine, closeLine) : null;
    const hooks = this.ins ? lines : null;
    // Active lines: where the arguments' and the call's instructions are.
    if (!this.fs.gen) for (const l of [...(lines ?? []), callLine]) this.fs.lines.add(l);
    // The marker attributes errors; argLines gave the active lines.
    const at = (x: Expr, i: number): Code => cat(hooks !== null ? `$H.at($fr, ${hooks[i]}), ` : '', x.line > callLine ? new Marker(x.line) : '');
    const last = exprs[exprs.length - 1];
    const fixed = exprs.slice(0, -1).map((x, i) => (hooks !== null ? js`(${at(x, i)}${this.expr(x)})` : cat(at(x, i), this.expr(x))));
    const n = exprs.length - 1;
    if (isMulti(last)) {
      const spread = last.kind === 'Vararg' ? (hooks !== null ? js`...(${at(last, n)}$va)` : '...$va') : (hooks !== null ? js`...$mv((${at(last, n)}${this.multi(last)}))` : js`...$mv(${at(last, n)}${this.multi(last)})`);
      return joinCode([...fixed, spread], ', ');
    }
    return joinCode([...fixed, hooks !== null ? js`(${at(last, n)}${this.expr(last)})` : cat(at(last, n), this.expr(last))], ', ');
  }

  /** `exprBelow` in the raw-float representation (`toFqCode`). */
  private fqBelow(e: Expr, line: number): Code {
    return cat(e.line > line ? this.mark(e.line) : '', this.toFqCode(e));
  }

  /** `e`, with a line marker when it starts below `line` (the line its code would otherwise get). */
  private exprBelow(e: Expr, line: number): Code {
    return cat(e.line > line ? this.mark(e.line) : '', this.expr(e));
  }

  private nameExpr(e: NameExpr): Code {
    if (e.variable) {
      const c = e.variable.constValue;
      if (c && !e.variable.assigned) return this.expr(c);
      if (this.fs.fq.has(e.variable)) {
        // Mostly a non-integral float, which is its own Lua value: no call then.
        const v = vname(e.variable);
        return `(typeof ${v} === 'number' && !Number.isInteger(${v}) ? ${v} : $fromFq(${v}))`;
      }
      return vref(e.variable);
    }
    return this.getField(vref(e.env!), e.name, describeEnv(e), '', 1);
  }

  /**
   * `o.name` with the string-key fast path inline. `mark` (a line marker)
   * goes right before the slow-path call, whose errors it attributes.
   */
  private getField(o: Code, name: string, desc: string | null, mark: Code = '', links = FIELD_LINKS): Code {
    const t = this.fs.temp();
    const v = this.fs.temp();
    const key = str(name);
    const slow = this.fs.gen
      ? js`(${mark}${new HelperCall('indexG')}${t}, ${key}, ${this.descArg(desc)}))`
      : js`${mark}$indexStr(${t}, ${key}, ${this.descArg(desc)})`;
    // `__index` chains of tables inline, up to `links` links past the table
    // itself (the method lookup of an OOP-style call, `self.field` read from
    // a class or its superclass): each table's string store, then its
    // metatable's raw `__index`. The chain ending (no metatable, no
    // `__index`) gives nil right there. Each site gets its own V8 inline
    // caches for the instance, metatable and class shapes, where indexStr's
    // are megamorphic. Anything else (longer chains, `__index` functions or
    // other values) goes to the slow path, which starts over.
    const m = this.fs.temp();
    let chain: Code = js` || (${m} = ${m}.metatable) === null || ${m}.strs.__index === undefined`;
    for (let i = 1; i <= links; i++) {
      chain = js` || (${m} = ${i === links ? t : m}.metatable) === null || (${m} = ${m}.strs.__index) === undefined || ${m} instanceof $LuaTable && ((${v} = ${m}.strs[${key}]) !== undefined${chain})`;
    }
    return js`((${t} = ${o}) instanceof $LuaTable && ((${v} = ${t}.strs[${key}]) !== undefined${chain}) ? ${v} : ${slow})`;
  }

  private indexExpr(e: IndexExpr): Code {
    const o = this.expr(e.object);
    const desc = this.describe(e.object);
    // lua5.4 reads the field when the index is used: at its last token (`]` or the name).
    const at = lastLineOf(e);
    const mark = at > this.markedLine ? this.mark(at) : '';
    if (e.key.kind === 'String') return this.getField(o, e.key.value, desc, mark);
    const k = this.expr(e.key);
    if (this.fs.gen) return js`(${mark}${new HelperCall('indexG')}${o}, ${k}, ${this.descArg(desc)}))`;
    // Inline: array part for integer keys, string store for string keys,
    // or the hash part where they are (table.ts, "Large string parts"; all
    // but "__..." keys, which stay in the store); a miss is nil on the spot
    // when nothing else can hold the key (no hash part for a number, no
    // metatable, not a "__..." key in a hashed table). indexMiss does the
    // rest without probing again, but for a hashed table's key with a
    // metatable, which it looks up once more.
    const T = this.fs.temp(), K = this.fs.temp(), V = this.fs.temp();
    const inStore = js`(${V} = ${T}.strs[${K}]) !== undefined || ${T}.metatable === null`;
    const inHash = js`(${V} = ${T}.hash.get(${K})) !== undefined || ${T}.metatable === null && (${K}.charCodeAt(0) !== 95 || ${K}.charCodeAt(1) !== 95)`;
    return js`((${T} = ${o}, ${K} = ${k}, ${T} instanceof $LuaTable && (typeof ${K} === 'number' ? (${V} = ${T}.arr[${K} - 1]) !== undefined || ${T}.hash === null && ${T}.metatable === null : typeof ${K} === 'string' && (${T}.strsInHash === false ? ${inStore} : ${inHash}))) ? ${V} : ${mark}$indexMiss(${T}, ${K}, ${this.descArg(desc)}))`;
  }

  /** A call; `mode` says whether the result is used (multi) or dropped (stat). */
  /** A call; in resumable code, mode 'tail' makes it a proper tail call. */
  private callExpr(e: CallExpr | MethodCallExpr, mode: 'multi' | 'stat' | 'tail'): Code {
    const tail = mode === 'tail';
    if (e.kind === 'MethodCall') {
      const o = this.fs.temp();
      const f = this.fs.temp();
      const desc = `method '${e.method}'`;
      const lookup = this.getField(o, e.method, this.describe(e.object));
      const args = this.argList(e.args, e.line, e.lastLine);
      const allArgs = args !== '' ? js`${o}, ${args}` : o;
      // `lookup` re-reads `o` into its own temp; assign the object first.
      const self = this.calleeLine(e.methodLine, e.line);
      return js`(${o} = ${this.expr(e.object)}, ${self}${f} = ${lookup}, ${this.invoke(f, allArgs, desc, e.line, { namewhat: 'method', name: e.method }, tail)})`;
    }
    const desc = this.describe(e.callee);
    const site = callSiteFor(e.callee);
    if (this.spreadsLastCall(e.args)) {
      // The callee is read before the arguments (a call among them may assign it).
      const f = this.fs.temp();
      const fetch = e.callee.kind === 'Index' ? this.calleeLine(lastLineOf(e.callee.key), e.line) : '';
      return js`(${f} = ${this.expr(e.callee)}, ${fetch}${this.spreadCall(f, e.args, e.line, e.lastLine, desc, site, tail)})`;
    }
    const args = this.argList(e.args, e.line, e.lastLine);
    if (e.callee.kind === 'Name' && e.callee.variable && !e.callee.variable.constValue && !this.fs.fq.has(e.callee.variable)) {
      return this.invoke(vref(e.callee.variable), args, desc, e.line, site, tail);
    }
    const f = this.fs.temp();
    const fetch = e.callee.kind === 'Index' ? this.calleeLine(lastLineOf(e.callee.key), e.line) : '';
    return js`(${f} = ${this.expr(e.callee)}, ${fetch}${this.invoke(f, args, desc, e.line, site, tail)})`;
  }

  /**
   * Direct, uninstrumented code calling with a call as its last argument
   * (`f(a, g(x))`): spreadCall applies.
   */
  private spreadsLastCall(args: Expr[]): boolean {
    const last = args[args.length - 1];
    return !this.fs.gen && !this.ins && last !== undefined && (last.kind === 'Call' || last.kind === 'MethodCall');
  }

  /**
   * `f(a, g(x))` in direct code: g's result is passed as it is when it is
   * one value and spread only when it is several (an array). Spreading
   * `$mv`'s one-element array allocated one per call (ack.lua: 31% of its
   * time in the collector); a single reused array instead kept V8 from
   * turning the spread into a plain call it can inline (binary-trees'
   * ItemCheck(BottomUpTree(...)): 0.36 -> 0.51 s). The callee and the
   * arguments are evaluated first, in order, into temporaries. Not for
   * method calls: there it made awfy Json 10% slower (0.76 -> 0.84 s, with
   * three times the time in the collector), for reasons not found.
   */
  private spreadCall(f: string, args: Expr[], callLine: number, closeLine: number | undefined, desc: string | null, site: CallSite, tail: boolean): Code {
    for (const l of [...(argLines(args, callLine, closeLine) ?? []), callLine]) this.fs.lines.add(l);
    const values: Code[] = [];
    const steps: Code[] = [];
    args.forEach((x, i) => {
      const t = this.fs.temp();
      const code = i === args.length - 1 ? this.multi(x) : this.expr(x);
      steps.push(js`${t} = ${x.line > callLine ? new Marker(x.line) : ''}${code}`);
      values.push(t);
    });
    const results = values[values.length - 1]!;
    const fixed = values.slice(0, -1);
    const marker = this.callMarker(callLine, tail ? { ...site, tail } : site);
    const callee = js`(typeof ${f} === 'function' ? ${f} : $callable(${f}, ${this.descArg(desc)}))`;
    const spread = joinCode([...fixed, `...${results}`], ', ');
    const one = joinCode(values, ', ');
    return js`(${joinCode(steps, ', ')}, Array.isArray(${results}) ? (${marker}${callee}(${spread})) : (${marker}${callee}(${one})))`;
  }

  /**
   * A called field (or a method's SELF) is fetched at its name's line, which
   * may be below the call's: an active line, and a line event in
   * instrumented code.
   */
  private calleeLine(line: number, callLine: number): string {
    if (line === callLine) return '';
    if (!this.fs.gen) this.fs.lines.add(line);
    return this.ins ? `$H.at($fr, ${line}), ` : '';
  }

  /**
   * Call the function held in JS variable `f`. The argument text appears
   * once, so nested calls do not multiply the code size.
   */
  private invoke(f: string, args: Code, desc: string | null, line: number, site: CallSite, tail = false): Code {
    const marker = this.callMarker(line, tail ? { ...site, tail } : site);
    if (this.fs.gen) {
      // Host functions without a resumable variant are called directly;
      // everything else goes through the trampoline.
      const A = this.fs.temp();
      // The call's line travels with the request: the trampoline keeps it as
      // the suspended caller's current line (tracebacks inside coroutines).
      // The result comes back inside the request (CallRequest.box).
      const req = tail ? `(yield $tailreq(${f}, ${A}, ${this.descArg(desc)}, ${line}))` : `$take(yield $callreq(${f}, ${A}, ${this.descArg(desc)}, ${line}))`;
      // Instrumented code sends every call to the trampoline, which fires the hooks.
      if (this.instrument) return js`(${A} = [${args}],${marker}${req})`;
      // 5.1's pcall and xpcall too, on a machine that cannot stop inside them ($cdirect).
      const direct = this.dialect.yieldAcrossCalls ? js`${f}.G === undefined` : js`(${f}.G === undefined || ${f}.cBoundary === true && $cdirect())`;
      return js`(${A} = [${args}],${marker}typeof ${f} === 'function' && ${direct} ? ${f}(...${A}) : ${req})`;
    }
    // The marker comes first: "attempt to call" (from $callable) and the call
    // itself both belong to the call's line, whatever line the callee ends on.
    return js`(${marker}(typeof ${f} === 'function' ? ${f} : $callable(${f}, ${this.descArg(desc)}))(${args}))`;
  }

  private tableExpr(e: TableExpr): Code {
    if (e.items.length === 0) return 'new $LuaTable()';
    const lines = this.ins || !this.fs.gen ? tableLines(e) : null;
    if (lines === null) return this.tableBody(e, null);
    if (!this.fs.gen) {
      for (const l of lines.items) this.fs.lines.add(l);
      if (lines.setlist !== null) this.fs.lines.add(lines.setlist);
      return this.tableBody(e, null);
    }
    // Instrumented: the line events of its items and of the final SETLIST.
    const body = this.tableBody(e, lines.items);
    if (lines.setlist === null) return body;
    const t = this.fs.temp();
    return js`(${t} = ${body}, $H.at($fr, ${lines.setlist}), ${t})`;
  }

  /**
   * A constructor's code; `hooks`: instrumented code's line for each item.
   * Its items (keys, values) are evaluated in order, each reusing the
   * temporaries of the one before (a constructor may be as long as the
   * source).
   */
  private tableBody(e: TableExpr, hooks: number[] | null): Code {
    return this.fs.reusing(() => this.tableItems(e, hooks));
  }

  private tableItems(e: TableExpr, hooks: number[] | null): Code {
    const items = e.items;
    let mark = this.fs.temps;
    const item = (x: Expr, i: number, multi = false): Code => {
      this.fs.release(mark);
      const v = multi ? this.multi(x) : this.expr(x);
      return hooks === null ? v : js`($H.at($fr, ${hooks[i]!}), ${v})`;
    };
    const key = (x: Expr): Code => {
      this.fs.release(mark);
      return this.expr(x);
    };
    if (items.every((i) => i.kind === 'Keyed' && i.key.kind === 'String')) {
      // Records like {x = 1, y = 2}: fill the string store with constant-key
      // stores (monomorphic for V8) in source order. A nil value leaves a
      // dead key, which the table tolerates.
      const S = this.fs.temp();
      mark = this.fs.temps;
      const sets = items.map((it, i) => js`${S}[${str((it as { key: { value: string } }).key.value)}] = ${item(it.value, i)}`);
      return js`(${S} = $LuaTable.newStrs(), ${joinCode(sets, ', ')}, $LuaTable.withStrs(${S}, ${items.length}))`;
    }
    const n = items.length;
    const last = items[n - 1]!;
    const multiLast = last.kind === 'Positional' && isMulti(last.value);
    if (!multiLast && items.every((i) => i.kind === 'Positional')) {
      return js`$tableArray([${joinCode(items.map((it, i) => item(it.value, i)), ', ')}])`;
    }
    if (!multiLast && items.every((i) => i.kind === 'Positional' || i.key.kind === 'String')) {
      // Positional items and constant string keys, as {nil, nil, color = c}:
      // the two never collide, so the array part and the string store are
      // built apart, in source order: each keyed store runs inside the next
      // positional element (JS evaluates array elements in order), or after
      // the array when no positional item follows it.
      const S = this.fs.temp();
      mark = this.fs.temps;
      const elements: Code[] = [];
      let pending: Code[] = [];
      let keyed = 0;
      items.forEach((it, i) => {
        if (it.kind === 'Keyed') {
          pending.push(js`${S}[${str((it.key as { value: string }).value)}] = ${item(it.value, i)}`);
          keyed++;
        } else {
          const v = item(it.value, i);
          elements.push(pending.length === 0 ? v : js`(${joinCode(pending, ', ')}, ${v})`);
          pending = [];
        }
      });
      const strs = pending.length === 0 ? S : js`(${joinCode(pending, ', ')}, ${S})`;
      return js`(${S} = $LuaTable.newStrs(), $LuaTable.withParts([${joinCode(elements, ', ')}], ${strs}, ${keyed}))`;
    }
    // Items are evaluated in order in lua5.4; keep order by building in one call.
    // A key that may be nil or NaN is checked as soon as its value is known.
    const safeKey = (k: Expr) => k.kind === 'String' || k.kind === 'Integer' || k.kind === 'True' || k.kind === 'False';
    const K = items.some((it) => it.kind === 'Keyed' && !safeKey(it.key)) ? this.fs.temp() : null;
    mark = this.fs.temps;
    const parts = items.map((it, i) => {
      if (it.kind === 'Keyed' && K !== null && !safeKey(it.key)) {
        // The store (and its nil-key error) is at the item's last line, as lua's SETTABLE.
        const k = key(it.key), v = item(it.value, i);
        const end = lastLineOf(it.value);
        return js`2, (${K} = ${k}), ${end > this.markedLine ? this.mark(end) : ''}$keyed(${K}, ${v})`;
      }
      if (it.kind === 'Keyed') return js`2, ${key(it.key)}, ${item(it.value, i)}`;
      return i === n - 1 && multiLast ? js`1, ${item(it.value, i, true)}` : js`0, ${item(it.value, i)}`;
    });
    return js`$tableBuild([${joinCode(parts, ', ')}])`;
  }

  /**
   * An operand of an inline fast path, usable several times in the JS text:
   * literals and plain (uncaptured) locals as they are, anything else through
   * a temporary assigned in `prep`. `num`/`int` say what is known statically.
   */
  private operand(e: Expr, rawFloats = false): Operand {
    const plain = (code: string, num: boolean, int: boolean): Operand => ({ code, prep: '', num, int, float: false, slow: code });
    if (this.doubles) {
      const k = fold51(e);
      if (k !== undefined) return plain(this.constant51(k), true, false);
    }
    if (e.kind === 'Integer' && e.value >= -BigInt(MAX_SAFE) && e.value <= BigInt(MAX_SAFE)) return plain(integerLiteral(e.value), true, true);
    if (e.kind === 'Float' && !Number.isInteger(e.value)) return plain(floatLiteral(e.value), true, false);
    if (rawFloats && e.kind === 'Float' && Number.isFinite(e.value) && !Object.is(e.value, -0)) {
      // `2.0 * x`: the fast path can use the raw 2 and box the result.
      const raw = e.value < 0 ? `(${e.value})` : String(e.value);
      return { code: raw, prep: '', num: true, int: false, float: true, slow: floatLiteral(e.value) };
    }
    if (e.kind === 'Name' && e.variable && !isCell(e.variable) && !e.variable.constValue && !this.fs.fq.has(e.variable)) return plain(vname(e.variable), false, false);
    const t = this.fs.temp();
    return { code: t, prep: js`${t} = ${this.expr(e)}, `, num: false, int: false, float: false, slow: t };
  }

  /**
   * Instrumented code: the operands' evaluation with what debug hooks see.
   * Over several lines, the line events of their instructions (hooklines.ts).
   * While the right operand calls a function, a left operand held in a
   * temporary is a Lua temporary of the frame (getlocal/setlocal reach it).
   */
  private instrumentedOperands(e: BinaryExpr, A: Operand, B: Operand): Code {
    let pa = A.prep, pb = B.prep, op = '';
    if (this.fs.spanning) {
      const lines = binaryLines(e);
      if (lines.left !== null) pa = cat(this.hookAt(lines.left), pa);
      if (lines.right !== null) pb = cat(this.hookAt(lines.right), pb);
      if (lines.op !== null) op = this.hookAt(lines.op);
    }
    if (A.prep !== '' && containsCall(e.right)) {
      pa = cat(pa, `$fr.temps.push(${A.code}), `);
      pb = cat(pb, `${A.code} = $fr.temps.pop(), `);
    }
    return cat(pa, pb, op);
  }

  /** Parts of a long chain (operations, suffixes) already computed, by node: the temporary holding each. */
  private readonly pinned = new Map<Expr, string>();

  /**
   * `x1 + x2 + ... + xn` nests to the left as deep as it is long: compile it
   * from the innermost operation out, each result in one temporary, instead
   * of recursing down the chain (lua5.4 compiles such chains of any length).
   * Each operation reuses the temporaries of the one before, which has
   * finished with them (otherwise a long chain would need as many).
   */
  private binaryChain(e: BinaryExpr): Code {
    return this.fs.reusing(() => this.binarySteps(e));
  }

  private binarySteps(e: BinaryExpr): Code {
    const spine: BinaryExpr[] = [];
    for (let x: Expr = e; x.kind === 'Binary'; x = x.left) spine.push(x);
    const t = this.fs.temp();
    const mark = this.fs.temps;
    const steps = [js`${t} = ${this.expr(spine[spine.length - 1]!.left)}`];
    for (let k = spine.length - 1; k >= 0; k--) {
      const node = spine[k]!;
      this.fs.release(mark);
      this.pinned.set(node.left, t);
      steps.push(k > 0 ? js`${t} = ${this.binary(node)}` : this.binary(node));
      this.pinned.delete(node.left);
    }
    return js`(${joinCode(steps, ', ')})`;
  }

  /** Whether `e` heads a chain of suffixes (`.k`, `[k]`, calls), not yet compiled, to compile flat. */
  private longSuffixSpine(e: Expr): boolean {
    const min = this.chain;
    let n = 0;
    for (let x: Expr | null = e; x !== null && !this.pinned.has(x); x = suffixed(x)) if (++n >= min) return true;
    return false;
  }

  /**
   * `t.a.b[1]:m()(x)...` nests to the left as deep as it is long (the
   * parser builds it with a loop, as lparser.c's suffixedexp does, so lua5.4
   * compiles chains of any length). Compile it from its primary expression
   * out: each suffix applied to one temporary, in a flat sequence that V8
   * parses without recursion either. Each step reuses the temporaries of the
   * step before, which has finished with them.
   */
  private suffixChain(e: Expr): Code {
    return this.fs.reusing(() => this.suffixSteps(e));
  }

  private suffixSteps(e: Expr): Code {
    const spine: Expr[] = [];
    let x: Expr | null = e;
    for (; x !== null && !this.pinned.has(x); x = suffixed(x)) spine.push(x);
    const t = this.fs.temp();
    const mark = this.fs.temps;
    const base = spine.pop()!;
    const steps = [js`${t} = ${this.expr(base)}`];
    for (let k = spine.length - 1; k >= 0; k--) {
      const node = spine[k]!;
      const inner = k === spine.length - 1 ? base : spine[k + 1]!;
      this.fs.release(mark);
      this.pinned.set(inner, t);
      steps.push(k > 0 ? js`${t} = ${this.expr(node)}` : this.expr(node));
      this.pinned.delete(inner);
    }
    return js`(${joinCode(steps, ', ')})`;
  }

  private binary(e: BinaryExpr): Code {
    const op = e.op;
    // 5.1 folds arithmetic on numerals (lcode.c constfolding).
    if (this.doubles) {
      const k = fold51(e);
      if (k !== undefined) return this.constant51(k);
    }
    if (op === 'and' || op === 'or') {
      // `K and e` with a true constant K (`K or e`, K nil or false): luac
      // emits no code for K, so neither do we (in 5.1 the constants a
      // function uses decide the sign of a zero: see constant51).
      const lf = pureFold(e.left, this.doubles ? fold51 : undefined);
      if (lf !== null && passesThrough(op, lf)) return this.expr(e.right);
      const t = this.fs.temp();
      const l = this.expr(e.left);
      const r = this.expr(e.right);
      return op === 'and'
        ? js`((${t} = ${l}) === undefined || ${t} === false ? ${t} : ${r})`
        : js`((${t} = ${l}) === undefined || ${t} === false ? ${r} : ${t})`;
    }
    if (COMPARISONS.has(op)) {
      const kl = this.fkind(e.left), kr = this.fkind(e.right);
      if (kl === 'F' || kl === 'Fq' || kr === 'F' || kr === 'Fq') return this.fcompare(e);
    }
    // Raw integral float literals only where the fast path treats them right.
    const rawFloats = ['+', '-', '*', '/', '<', '<=', '>', '>='].includes(op);
    const A = this.operand(e.left, rawFloats);
    // lua5.4 gives an arithmetic instruction the operator's line
    // (luaK_fixline), a comparison the line of the last token read when it
    // is made: its right operand's last.
    // lua5.1 has no luaK_fixline there: every operator's instruction gets
    // the line of the last token read, its right operand's last.
    const opLine = COMPARISONS.has(op) || this.dialect.operatorAtLastLine ? lastLineOf(e.right) : e.opLine;
    // Marked unless the code is at that line already: the statement is, and
    // the right operand (when it ends on a later line, its marks are later).
    const mark = opLine > this.markedLine || lastLineOf(e.right) > opLine ? this.mark(opLine) : '';
    const B = this.operand(e.right, rawFloats);
    const a = A.code, b = B.code;
    const sa = A.slow, sb = B.slow;
    const da = this.descArg(this.operandDesc(e.left, op));
    const db = this.descArg(this.operandDesc(e.right, op));
    const prep = this.ins ? this.instrumentedOperands(e, A, B) : cat(A.prep, B.prep);
    const isNum = (o: Operand) => (o.num ? [] : [`typeof ${o.code} === 'number'`]);
    const isInt = (o: Operand) => (o.int ? [] : [`Number.isInteger(${o.code})`]);
    const all = (conds: string[]) => (conds.length ? conds.join(' && ') : 'true');
    const nums = all([...isNum(A), ...isNum(B)]);
    if (this.doubles && DOUBLE_ARITH[op] !== undefined) {
      // 5.1: every number is a double, a raw JS number; only a NaN needs
      // help (its sign, as x86 makes it). Other operands take the slow path.
      const name = DOUBLE_ARITH[op]!;
      const r = this.fs.temp();
      const value = op === '%' ? `${a} - Math.floor(${a} / ${b}) * ${b}` : op === '^' ? `$floatPow(${a}, ${b})` : `${a} ${op} ${b}`;
      return js`(${prep}${nums} ? ((${r} = ${value}) === ${r} ? ${r} : $nanOf(${a}, ${b})) : (${mark}${this.helper('arith')}${str(name)}, ${a}, ${b}, ${da}, ${db})))`;
    }
    switch (op) {
      case '+': case '-': case '*': {
        // Raw numbers: a non-integral result is a float as it stands; an
        // integral one is an integer only if both operands were integers and
        // it is exact, otherwise the numeric slow path boxes or wraps it.
        const name = op === '+' ? 'add' : op === '-' ? 'sub' : 'mul';
        const r = this.fs.temp();
        const fix = op === '*' ? ' + 0' : ''; // no integer -0
        if (A.float || B.float || (A.num && !A.int) || (B.num && !B.int)) {
          // A float operand: the result is a float, boxed when integral.
          return js`(${prep}${nums} ? (Number.isInteger(${r} = ${a} ${op} ${b}) ? $mkFloat(${r}) : ${r} === ${r} ? ${r} : $nanOf(${a}, ${b})) : (${mark}${this.helper('arith')}${str(name)}, ${sa}, ${sb}, ${da}, ${db})))`;
        }
        // Integral result: from two integers it is the integer (or wraps, on
        // the slow path); with a float operand it is a float, boxed.
        const ints = all([...isInt(A), ...isInt(B)]);
        const safe = `${r} <= ${MAX_SAFE} && ${r} >= -${MAX_SAFE}`;
        return js`(${prep}${nums} ? (Number.isInteger(${r} = ${a} ${op} ${b}) ? (${ints} ? (${safe} ? ${r}${fix} : ${mark}$numArith(${str(name)}, ${a}, ${b})) : $mkFloat(${r})) : ${r} === ${r} ? ${r} : $nanOf(${a}, ${b})) : (${mark}${this.helper('arith')}${str(name)}, ${a}, ${b}, ${da}, ${db})))`;
      }
      case '/': case '^': case '//': case '%': {
        const name = { '/': 'div', '^': 'pow', '//': 'idiv', '%': 'mod' }[op];
        const slow = js`(${mark}${this.helper('arith')}${str(name)}, ${sa}, ${sb}, ${da}, ${db}))`;
        if (op === '/') return js`(${prep}${nums} ? $divNumbers(${a}, ${b}) : ${slow})`;
        const ints = all([...isNum(A), ...isNum(B), ...isInt(A), ...isInt(B)]);
        const r = this.fs.temp();
        if (op === '%') {
          // Floored modulo; JS % is exact on doubles, only the sign differs.
          return js`(${prep}${ints} && ${b} !== 0 ? ((${r} = ${a} % ${b}) !== 0 && (${r} < 0) !== (${b} < 0) ? ${r} + ${b} : ${r} + 0) : ${nums} ? ${mark}$numArith("mod", ${a}, ${b}) : ${slow})`;
        }
        if (op === '//') {
          // Exact for 32-bit operands; larger ones take the numeric slow path.
          return js`(${prep}${all([...isNum(A), ...isNum(B), `(${a} | 0) === ${a}`, `(${b} | 0) === ${b}`, `${b} !== 0`])} ? Math.floor(${a} / ${b}) + 0 : ${nums} ? ${mark}$numArith("idiv", ${a}, ${b}) : ${slow})`;
        }
        return js`(${prep}${nums} ? ${mark}$numArith(${str(name)}, ${a}, ${b}) : ${slow})`;
      }
      case '&': case '|': case '~': case '<<': case '>>': {
        const name = { '&': 'band', '|': 'bor', '~': 'bxor', '<<': 'shl', '>>': 'shr' }[op];
        const slow = js`(${mark}${this.helper('arith')}${str(name)}, ${a}, ${b}, ${da}, ${db}))`;
        // Integers in int32 range: JS's 32-bit operators are exact (the
        // 64-bit result is the sign extension of theirs). Shifts: a left
        // shift by 0..21 stays below 2^53 (a multiplication); a logical
        // right shift of a non-negative int32 by 0..31 is `>>>`.
        // An integer literal's checks are made here (`lit`: its value, or null).
        const lit = (x: Expr) => (x.kind === 'Integer' && x.value >= -(2n ** 31n) && x.value < 2n ** 31n ? Number(x.value) : null);
        const la = lit(e.left), lb = lit(e.right);
        const i32 = (o: Operand, l: number | null, lo: number, hi: number): string[] => {
          if (l !== null) return l >= lo && l <= hi ? [] : ['false'];
          return [`typeof ${o.code} === 'number'`, `(${o.code} | 0) === ${o.code}`, ...(lo > -(2 ** 31) ? [`${o.code} >= ${lo}`] : []), ...(hi < 2 ** 31 - 1 ? [`${o.code} <= ${hi}`] : [])];
        };
        const I = -(2 ** 31), J = 2 ** 31 - 1;
        const guard = op === '<<' ? [...i32(A, la, I, J), ...i32(B, lb, 0, 21)] : op === '>>' ? [...i32(A, la, 0, J), ...i32(B, lb, 0, 31)] : [...i32(A, la, I, J), ...i32(B, lb, I, J)];
        if (guard.includes('false')) return js`(${prep}${slow})`;
        const fast = op === '<<' ? `${a} * ${lb !== null ? String(2 ** lb) : `(1 << ${b})`}` : op === '>>' ? `${a} >>> ${b}` : `${a} ${op === '~' ? '^' : op} ${b}`;
        return js`(${prep}${guard.length ? guard.join(' && ') : 'true'} ? ${fast} : ${slow})`;
      }
      case '..':
        // Limited states: a long result goes through the helper, which checks and charges it.
        if (this.limits) return js`(${prep}typeof ${a} === 'string' && typeof ${b} === 'string' && (${a}).length + (${b}).length <= $B.smax ? ${a} + ${b} : (${mark}${this.helper('concat')}${a}, ${b}, ${da}, ${db})))`;
        return js`(${prep}typeof ${a} === 'string' && typeof ${b} === 'string' ? ${a} + ${b} : (${mark}${this.helper('concat')}${a}, ${b}, ${da}, ${db})))`;
      case '==': {
        if (identityDecides(e)) return js`(${prep}${a} === ${b})`;
        const n = this.numberEquality(e, a, b);
        if (n !== null) return js`(${prep}${mark}${n})`;
        return js`(${prep}${a} === ${b} || (${mark}${this.helper('eq')}${a}, ${b})))`;
      }
      case '~=': {
        if (identityDecides(e)) return js`(${prep}${a} !== ${b})`;
        const n = this.numberEquality(e, a, b);
        if (n !== null) return js`(${prep}${mark}!${n})`;
        return js`(${prep}!(${a} === ${b} || (${mark}${this.helper('eq')}${a}, ${b}))))`;
      }
      case '<':
        return js`(${prep}${nums} ? ${a} < ${b} : (${mark}${this.helper('lt')}${sa}, ${sb})))`;
      case '<=':
        return js`(${prep}${nums} ? ${a} <= ${b} : (${mark}${this.helper('le')}${sa}, ${sb})))`;
      case '>':
        return js`(${prep}${nums} ? ${a} > ${b} : (${mark}${this.helper('lt')}${sb}, ${sa})))`;
      case '>=':
        return js`(${prep}${nums} ? ${a} >= ${b} : (${mark}${this.helper('le')}${sb}, ${sa})))`;
    }
  }

  // ------------------------------------------------------------ raw floats

  /**
   * Raw floats: arithmetic whose result is a float when its operands are
   * numbers (`+ - *` with a float operand, `/`, `^`) is computed on raw JS
   * numbers and its result kept raw while another such operation or a
   * comparison consumes it, so an integral float (`2.0 * x`, `0.0`) is not
   * boxed in between. Locals whose every assignment is such an expression
   * (`floatLocals`) hold the raw-float representation (see `fexpr`). Not in
   * 5.1 (every number is a raw double already) nor in instrumented or
   * debugged code (getlocal and setlocal see the locals' JS values).
   */
  private get rawFloats(): boolean {
    return !this.doubles && !this.instrument && !this.debugged;
  }

  /**
   * What is known statically of `e`'s value as `fexpr` compiles it: 'F' a
   * raw JS number that is a Lua float; 'N' a JS number in the ordinary
   * representation (an integer literal); 'Fq' the raw-float representation
   * (a JS number is a float; anything else a Lua value, with integers that
   * are JS numbers held as bigints); 'V' an ordinary Lua value.
   */
  private fkind(e: Expr): 'F' | 'N' | 'Fq' | 'V' {
    if (!this.rawFloats || this.exprDepth > DEEP) return 'V';
    switch (e.kind) {
      case 'Float': return 'F';
      case 'Integer': return e.value >= -BigInt(MAX_SAFE) && e.value <= BigInt(MAX_SAFE) ? 'N' : 'V';
      case 'Paren': return this.fkind(e.expr);
      case 'Name': return e.variable && this.fs.fq.has(e.variable) && !e.variable.constValue ? 'Fq' : 'V';
      case 'Unary': {
        if (e.op !== '-') return 'V';
        const k = this.fkind(e.operand);
        return k === 'F' || k === 'Fq' ? k : 'V';
      }
      case 'Binary': {
        if (!FARITH.has(e.op) || longLeftSpine(e, CHAIN)) return 'V';
        const l = this.fkind(e.left), r = this.fkind(e.right);
        const known = (l === 'F' || l === 'N') && (r === 'F' || r === 'N');
        if (e.op === '/' || e.op === '^') return known ? 'F' : 'Fq';
        if (l !== 'F' && l !== 'Fq' && r !== 'F' && r !== 'Fq') return 'V';
        return known ? 'F' : 'Fq';
      }
      default: return 'V';
    }
  }

  /**
   * The locals of `fn` (its own, uncaptured, plain `local`s) to hold as raw
   * floats: every value assigned to them is a float-valued expression
   * (`fkind` 'F' or 'Fq'), given the others (largest fixed point), or the
   * nil of a `local x` without a value.
   */
  private floatLocals(fn: FunctionNode): Set<Variable> {
    const assigned = new Map<Variable, Expr[] | null>();
    const candidate = (v: Variable) => v.func === fn && v.role === 'local' && !isCell(v) && v.attrib === null && v.constValue === undefined;
    const note = (v: Variable, values: Expr[], i: number, declared: boolean) => {
      let list = assigned.get(v);
      if (list === null) return;
      if (list === undefined) {
        if (!declared) return; // not declared by a `local` statement
        assigned.set(v, (list = []));
      }
      const last = values.length - 1;
      if (values.length === 0) return; // `local x`: nil
      if (i < last || (i === last && !isMulti(values[last]!))) list.push(values[i]!);
      else assigned.set(v, null);
    };
    const visit = (b: Block): void => {
      for (const st of b.body) {
        switch (st.kind) {
          case 'Local': st.variables.forEach((v, i) => { if (candidate(v)) note(v, st.values, i, true); }); break;
          case 'Assign':
            st.targets.forEach((t, i) => { if (t.kind === 'Name' && t.variable && assigned.has(t.variable)) note(t.variable, st.values, i, false); });
            break;
          case 'Do': case 'While': case 'Repeat': case 'NumericFor': case 'GenericFor': visit(st.body); break;
          case 'If': for (const c of st.clauses) visit(c.body); if (st.orelse) visit(st.orelse); break;
          default: break;
        }
      }
    };
    visit(fn.body);
    const fq = new Set<Variable>();
    for (const [v, list] of assigned) if (list !== null && list.length > 0) fq.add(v);
    this.fs.fq = fq;
    for (let changed = true; changed;) {
      changed = false;
      for (const v of fq) {
        if (assigned.get(v)!.some((e) => { const k = this.fkind(e); return k !== 'F' && k !== 'Fq'; })) {
          fq.delete(v);
          changed = true;
        }
      }
    }
    return fq;
  }

  /** Compile `e` (of any `fkind`) to code in that representation. */
  private fexpr(e: Expr): { code: Code; kind: 'F' | 'N' | 'Fq' | 'V' } {
    if (this.pinned.size > 0 && this.pinned.has(e)) return { code: this.pinned.get(e)!, kind: 'V' };
    const kind = this.fkind(e);
    if (kind === 'V' || kind === 'N') return { code: this.expr(e), kind };
    switch (e.kind) {
      case 'Float': return { code: rawFloat(e.value), kind: 'F' };
      case 'Paren': return this.fexpr(e.expr);
      case 'Name': return { code: vname(e.variable!), kind: 'Fq' };
      case 'Unary': {
        const x = this.fexpr(e.operand);
        if (x.kind === 'F') return { code: `(-${x.code})`, kind: 'F' };
        const t = this.fs.temp();
        const d = this.descArg(this.describe(e.operand));
        const opLine = e.line;
        const mark = opLine > this.markedLine || lastLineOf(e.operand) > opLine ? this.mark(opLine) : '';
        this.exprDepth++;
        const code = js`((${t} = ${x.code}), typeof ${t} === 'number' ? -${t} : $toFq(${mark}${this.helper('arith')}"unm", $fromFq(${t}), $fromFq(${t}), ${d}, ${d})))`;
        this.exprDepth--;
        return { code, kind: 'Fq' };
      }
      case 'Binary': {
        this.exprDepth++;
        const code = this.farith(e);
        this.exprDepth--;
        return { code, kind };
      }
      default: throw new Error('fexpr: unexpected ' + e.kind);
    }
  }

  /** An operand of a raw-float operation, usable several times (see `operand`). */
  private foperand(e: Expr): { code: string; prep: Code; kind: 'F' | 'N' | 'Fq' | 'V'; slow: string } {
    const k = this.fkind(e);
    if (e.kind === 'Float' && k === 'F') return { code: rawFloat(e.value), prep: '', kind: 'F', slow: floatLiteral(e.value) };
    if (k === 'N' && e.kind === 'Integer') { const c = integerLiteral(e.value); return { code: c, prep: '', kind: 'N', slow: c }; }
    if (e.kind === 'Name' && e.variable && !isCell(e.variable) && !e.variable.constValue && !this.pinned.has(e)) {
      const n = vname(e.variable);
      return this.fs.fq.has(e.variable) ? { code: n, prep: '', kind: 'Fq', slow: `$fromFq(${n})` } : { code: n, prep: '', kind: 'V', slow: n };
    }
    const x = this.fexpr(e);
    const t = this.fs.temp();
    const slow = x.kind === 'F' ? `$mkFloat(${t})` : x.kind === 'Fq' ? `$fromFq(${t})` : t;
    return { code: t, prep: js`${t} = ${x.code}, `, kind: x.kind, slow };
  }

  /** `+ - * / ^` on raw floats (`fkind` of `e` is 'F' or 'Fq'). */
  private farith(e: BinaryExpr): Code {
    const op = e.op;
    const A = this.foperand(e.left);
    const opLine = this.dialect.operatorAtLastLine ? lastLineOf(e.right) : e.opLine;
    const mark = opLine > this.markedLine || lastLineOf(e.right) > opLine ? this.mark(opLine) : '';
    const B = this.foperand(e.right);
    const a = A.code, b = B.code;
    const checks = [A, B].filter((o) => o.kind === 'Fq' || o.kind === 'V').map((o) => `typeof ${o.code} === 'number'`);
    let value: Code;
    if (op === '^') value = `$floatPow(${a}, ${b})`;
    else {
      const r = this.fs.temp();
      value = `((${r} = ${a} ${op} ${b}) === ${r} ? ${r} : $nanOf(${a}, ${b}))`;
    }
    const prep = cat(A.prep, B.prep);
    if (checks.length === 0) return js`(${prep}${value})`;
    const name = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '^': 'pow' }[op as '+'];
    const da = this.descArg(this.operandDesc(e.left, op));
    const db = this.descArg(this.operandDesc(e.right, op));
    return js`(${prep}${checks.join(' && ')} ? ${value} : $toFq(${mark}${this.helper('arith')}${str(name)}, ${A.slow}, ${B.slow}, ${da}, ${db})))`;
  }

  /** A Lua value from `fexpr`'s code. */
  private boxed(x: { code: Code; kind: 'F' | 'N' | 'Fq' | 'V' }): Code {
    return x.kind === 'F' ? js`$mkFloat(${x.code})` : x.kind === 'Fq' ? js`$fromFq(${x.code})` : x.code;
  }

  /** `e` in the raw-float representation (the value of a raw-float local). */
  private toFqCode(e: Expr): Code {
    if (e.kind === 'Nil') return 'undefined';
    const x = this.fexpr(e);
    return x.kind === 'F' || x.kind === 'Fq' ? x.code : js`$toFq(${x.code})`;
  }

  /** A comparison with a raw-float operand. */
  private fcompare(e: BinaryExpr): Code {
    const op = e.op;
    const A = this.foperand(e.left);
    const opLine = lastLineOf(e.right);
    const mark = opLine > this.markedLine || lastLineOf(e.right) > opLine ? this.mark(opLine) : '';
    const B = this.foperand(e.right);
    const a = A.code, b = B.code, sa = A.slow, sb = B.slow;
    const checks = [A, B].filter((o) => o.kind === 'Fq' || o.kind === 'V').map((o) => `typeof ${o.code} === 'number'`);
    const nums = checks.length ? checks.join(' && ') : 'true';
    const prep = cat(A.prep, B.prep);
    switch (op) {
      case '==': return js`(${prep}${nums} ? ${a} === ${b} : (${mark}${this.helper('eq')}${sa}, ${sb})))`;
      case '~=': return js`(${prep}${nums} ? ${a} !== ${b} : !(${mark}${this.helper('eq')}${sa}, ${sb})))`;
      case '<': return js`(${prep}${nums} ? ${a} < ${b} : (${mark}${this.helper('lt')}${sa}, ${sb})))`;
      case '<=': return js`(${prep}${nums} ? ${a} <= ${b} : (${mark}${this.helper('le')}${sa}, ${sb})))`;
      case '>': return js`(${prep}${nums} ? ${a} > ${b} : (${mark}${this.helper('lt')}${sb}, ${sa})))`;
      default: return js`(${prep}${nums} ? ${a} >= ${b} : (${mark}${this.helper('le')}${sb}, ${sa})))`;
    }
  }

  /** How a binary operator's error describes operand `e` (DialectSpec `namesConstantOperands`). */
  private operandDesc(e: Expr, op: string): string | null {
    if (!this.dialect.namesConstantOperands && op !== '..' && constantOperand(e, this.doubles)) return null;
    return this.describe(e);
  }

  private unary(e: { op: string; operand: Expr; line: number }): Code {
    if (this.doubles && e.op === '-') {
      const k = fold51({ kind: 'Unary', op: '-', operand: e.operand } as Expr);
      if (k !== undefined) return this.constant51(k);
    }
    const v = this.expr(e.operand);
    const d = this.descArg(this.describe(e.operand));
    // Errors belong to the operator's line (the operand may end lower).
    // At the operator's line (luaK_fixline): marked unless the code is there
    // already (an operand ending on a later line leaves its own marks behind).
    // (5.1: at the operand's last line, as binary operators.)
    const opLine = this.dialect.operatorAtLastLine ? lastLineOf(e.operand) : e.line;
    const mark = opLine > this.markedLine || lastLineOf(e.operand) > opLine ? this.mark(opLine) : '';
    switch (e.op) {
      case 'not': {
        const t = this.fs.temp();
        return js`((${t} = ${v}) === undefined || ${t} === false)`;
      }
      case '-': {
        const t = this.fs.temp();
        // Raw numbers other than 0 negate as they are (integer 0 must not become -0).
        if (this.doubles) return js`((${t} = ${v}), typeof ${t} === 'number' ? -${t} : (${mark}${this.helper('arith')}"unm", ${t}, ${t}, ${d}, ${d})))`;
        return js`((${t} = ${v}), typeof ${t} === 'number' && ${t} !== 0 ? -${t} : (${mark}${this.helper('arith')}"unm", ${t}, ${t}, ${d}, ${d})))`;
      }
      case '#': {
        const t = this.fs.temp();
        // Plain tables keep #t === arr.length (runtime/table.ts).
        return js`((${t} = ${v}), typeof ${t} === 'string' ? ${t}.length : ${t} instanceof $LuaTable && ${t}.metatable === null ? ${t}.arr.length : (${mark}${this.helper('len')}${t}, ${d})))`;
      }
      default: {
        const t = this.fs.temp();
        return js`((${t} = ${v}), typeof ${t} === 'number' && (${t} | 0) === ${t} ? ~${t} : ${mark}${this.helper('arith')}"bnot", ${t}, ${t}, ${d}, ${d}))`;
      }
    }
  }
}

/**
 * Whether luac makes `e` a constant operand, which 5.3 and 5.1 take from the
 * constant table (an RK operand, with no name): a string or number once
 * folded, with no jump pending.
 */
function constantOperand(e: Expr, doubles: boolean): boolean {
  const f = foldExpr(e, doubles ? fold51 : undefined);
  return (f.k === FK_STR || f.k === FK_INT || f.k === FK_FLT) && !f.t && !f.f;
}

function isMulti(e: Expr): boolean {
  return e.kind === 'Call' || e.kind === 'MethodCall' || e.kind === 'Vararg';
}

function isBoolean(e: Expr): boolean {
  if (e.kind === 'Binary') return ['==', '~=', '<', '<=', '>', '>='].includes(e.op);
  if (e.kind === 'Unary') return e.op === 'not';
  return false;
}

function integerLiteral(v: bigint): string {
  if (v >= -BigInt(MAX_SAFE) && v <= BigInt(MAX_SAFE)) {
    const n = Number(v);
    return n < 0 ? `(${n})` : String(n);
  }
  return `${v}n`;
}

/** A number literal of a dialect whose numbers are all doubles: the raw JS number. */
function doubleLiteral(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '(-Infinity)';
  if (Object.is(v, -0)) return '(-0)';
  return v < 0 ? `(${String(v)})` : String(v);
}

/**
 * The value lua5.1 folds a numeral expression to (lcode.c constfolding:
 * numerals, parentheses, unary minus and arithmetic; not a division or
 * modulo by zero, nor a NaN), or undefined.
 */
function fold51(e: Expr): number | undefined {
  switch (e.kind) {
    case 'Float': return e.value;
    case 'Paren': return fold51(e.expr);
    case 'Unary': {
      if (e.op !== '-') return undefined;
      const v = fold51(e.operand);
      return v === undefined ? undefined : -v;
    }
    case 'Binary': {
      if (e.op === 'and' || e.op === 'or') {
        // `K and e` (`K or e`) is e to luac when K leaves no jump.
        const lf = pureFold(e.left, fold51);
        return lf !== null && passesThrough(e.op, lf) ? fold51(e.right) : undefined;
      }
      const name = DOUBLE_ARITH[e.op];
      if (name === undefined) return undefined;
      const a = fold51(e.left);
      if (a === undefined) return undefined;
      const b = fold51(e.right);
      if (b === undefined || ((e.op === '/' || e.op === '%') && b === 0)) return undefined;
      const r = e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : e.op === '/' ? a / b
        : e.op === '%' ? a - Math.floor(a / b) * b : floatPow(a, b);
      return Number.isNaN(r) ? undefined : r;
    }
    default: return undefined;
  }
}

/** Arithmetic operators of the 'double' number model (5.1) and their event names. */
const DOUBLE_ARITH: Partial<Record<string, string>> = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '%': 'mod', '^': 'pow' };

/** A float as a raw JS number (the raw-float representation). */
function rawFloat(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '(-Infinity)';
  if (Object.is(v, -0)) return '(-0)';
  return v < 0 ? `(${String(v)})` : String(v);
}

/** Operators whose result is a float when the operands are numbers and one is a float (`/`, `^`: always). */
const FARITH = new Set(['+', '-', '*', '/', '^']);

function floatLiteral(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '(-Infinity)';
  if (Number.isInteger(v)) return `$mkFloat(${Object.is(v, -0) ? '-0' : String(v)})`;
  return v < 0 ? `(${String(v)})` : String(v);
}

/**
 * JS line -> Lua line and call site, from the markers that start JS lines
 * (render). Only the generator's own text starts a JS line: Lua data is in
 * the code only inside string literals (`str`), which hold no line
 * terminator, and in identifiers (Lua names, always followed by `$N`), so
 * nothing but a marker can start a line with a marker. Splitting on '\n'
 * counts lines as V8 does since the code holds no other line terminator
 * (\r, U+2028, U+2029) either.
 */
function buildLineMap(code: string): { lineMap: Int32Array; callSiteOf: Int32Array } {
  const lines = code.split('\n');
  const lineMap = new Int32Array(lines.length);
  const callSiteOf = new Int32Array(lines.length).fill(-1);
  let cur = 0;
  const re = /^\/\*@(\d+)(?:#(\d+))?\*\//;
  for (let i = 0; i < lines.length; i++) {
    const m = re.exec(lines[i]);
    if (m) {
      cur = Number(m[1]);
      if (m[2] !== undefined) callSiteOf[i] = Number(m[2]);
    }
    lineMap[i] = cur;
  }
  return { lineMap, callSiteOf };
}

/** lua5.4's name for the function a call expression calls. */
function callSiteFor(callee: Expr): CallSite {
  switch (callee.kind) {
    case 'Name':
      if (!callee.variable) return { namewhat: 'global', name: callee.name };
      return { namewhat: callee.isUpvalue ? 'upvalue' : 'local', name: callee.name };
    case 'Index':
      if (callee.key.kind === 'String') {
        // A field of _ENV is a global.
        const o = callee.object;
        const isEnv = o.kind === 'Name' && o.name === '_ENV';
        return { namewhat: isEnv ? 'global' : 'field', name: callee.key.value };
      }
      return { namewhat: '', name: '?' };
    case 'String':
      return { namewhat: 'constant', name: callee.value };
    default:
      return { namewhat: '', name: '?' };
  }
}

export interface CompileOptions {
  /** Leave out debug names, as a stripped binary chunk does. */
  strip?: boolean;
  /** Instrumented resumable variants (debug mode, runtime/hooks.ts). */
  instrument?: boolean;
  /** Clear temporaries at each statement (chunks that call collectgarbage). */
  clearTemps?: boolean;
  /** Always run instrumented (chunks that use getlocal, setlocal or sethook). */
  debugged?: boolean;
  /** Count steps and call levels for the state's limits (runtime/limits.ts). */
  limits?: boolean;
  /**
   * For scripts/bench-plain.ts only: leave out the resumable variants, as if
   * coroutines did not exist. Such code cannot run in a coroutine, a debug
   * hook or past the direct-mode stack.
   */
  plain?: boolean;
  /**
   * Compile the chunk's resumable variants instead: a script whose function
   * takes the factories `$Ps` of the chunk as first compiled (same source,
   * same options) and returns each prototype's `$Q` factory. The loader
   * compiles it when a closure of the chunk first runs resumably.
   */
  variants?: boolean;
}

export function compile(chunk: Chunk, options: CompileOptions = {}): CompiledChunk {
  const gen = new CodeGen(options.instrument ?? false, options.clearTemps ?? false, options.debugged ?? false, options.strip ?? false, options.limits ?? false);
  gen.plain = options.plain ?? false;
  gen.variants = options.variants ?? false;
  return gen.compileChunk(chunk);
}

/** A chunk's resumable variants as a listing shows them after its script (`regolithc -l`). */
export function variantsListing(chunk: Chunk, options: CompileOptions = {}): string {
  return `// The resumable variants, compiled when a function of the chunk first runs resumably:\n${compile(chunk, { ...options, variants: true }).code}`;
}

/** Comparison operators (their instruction's line: see `binary`). */
const COMPARISONS = new Set(['<', '<=', '>', '>=', '==', '~=']);

/**
 * Whether `a == b` is JS identity: one operand is nil, a boolean or a string
 * constant. Such values are equal only to themselves (strings are JS strings,
 * compared by value), and `__eq` is consulted only when both operands are
 * tables or both userdata. `x == nil` (`q[1] == nil` in qt) called `eq` for
 * every non-nil x.
 */
function identityDecides(e: BinaryExpr): boolean {
  const k = (x: Expr) => x.kind === 'Nil' || x.kind === 'True' || x.kind === 'False' || x.kind === 'String';
  return k(e.left) || k(e.right);
}

/** Left-nested operations from which a chain is compiled without recursion. */
const CHAIN = 64;

/** Nesting of expressions below which every chain is compiled flat. */
const DEEP = 64;

/** Clauses from which an `if` statement is compiled flat (flatIf). */
const LONG_IF = 64;

/** The expression a suffix (`.k`, `[k]`, a call or method call) applies to, or null. */
function suffixed(e: Expr): Expr | null {
  switch (e.kind) {
    case 'Index': return e.object;
    case 'Call': return e.callee;
    case 'MethodCall': return e.object;
    default: return null;
  }
}

function longLeftSpine(e: BinaryExpr, min: number): boolean {
  let n = 0;
  for (let x: Expr = e; x.kind === 'Binary'; x = x.left) if (++n >= min) return true;
  return false;
}

/** Whether evaluating `e` calls a function (nested function bodies aside). */
function containsCall(e: Expr): boolean {
  // Without recursion: an operand may be a chain as long as the source.
  const todo: Expr[] = [e];
  for (let x = todo.pop(); x !== undefined; x = todo.pop()) {
    switch (x.kind) {
      case 'Call': case 'MethodCall': return true;
      case 'Index': todo.push(x.object, x.key); break;
      case 'Binary': todo.push(x.left, x.right); break;
      case 'Unary': todo.push(x.operand); break;
      case 'Paren': todo.push(x.expr); break;
      case 'Table':
        for (const it of x.items) {
          if (it.kind === 'Keyed') todo.push(it.key);
          todo.push(it.value);
        }
        break;
      default: break;
    }
  }
  return false;
}

/**
 * A condition whose code ends in a conditional jump (lcode.c's VJMP): a
 * comparison, possibly negated, parenthesized or last in an and/or chain.
 * luaK_goiftrue adds no instruction for it.
 */
function jumpCondition(e: Expr): boolean {
  switch (e.kind) {
    case 'Binary':
      if (e.op === 'and' || e.op === 'or') return jumpCondition(e.right);
      return COMPARISONS.has(e.op);
    case 'Unary': return e.op === 'not' && jumpCondition(e.operand);
    case 'Paren': return jumpCondition(e.expr);
    default: return false;
  }
}

/** A condition lua5.1's luaK_goiftrue emits no test for (a constant true value). */
function constantlyTrue(e: Expr): boolean {
  switch (e.kind) {
    case 'True': case 'Integer': case 'Float': case 'String': return true;
    case 'Paren': return constantlyTrue(e.expr);
    default: return false;
  }
}

/**
 * The line a line hook reports for a statement: lua reports the line of its
 * first instruction, which for `if` and `while` is where the condition is.
 */
function hookLine(s: Stat): number | null {
  switch (s.kind) {
    case 'If': return s.clauses[0]!.condition.line;
    case 'While': return s.condition.line;
    // The closure is made once its body has been read.
    case 'LocalFunction': case 'FunctionStat': return s.func.endLine;
    case 'Return': return returnFirstLine(s);
    case 'CallStat': return firstInstructionLine(s.call) ?? s.line;
    // `local x <const> = 10` emits nothing.
    case 'Local': return s.variables.every((v) => v.constValue !== undefined) ? null : s.line;
    // No instruction of their own.
    case 'Repeat': case 'Do': case 'Label': return null;
    default: return s.line;
  }
}

/**
 * `const {first: $first, ...} = $R;` for the helpers `code` refers to. A
 * reference is `$` plus a helper's name outside string literals (generated
 * string literals are double-quoted; Lua names become `name$N`, never `$`
 * plus letters), so the list is exactly what the code uses.
 */
function helperBindings(code: string): string {
  const used = new Set<string>();
  const re = /"(?:[^"\\]|\\.)*"|\$([A-Za-z]+)\b/g;
  for (let m = re.exec(code); m !== null; m = re.exec(code)) {
    if (m[1] !== undefined && HELPER_SET.has(m[1])) used.add(m[1]);
  }
  return used.size === 0 ? '' : `const {${RUNTIME_NAMES.filter((n) => used.has(n)).map((n) => `${n}: $${n}`).join(', ')}} = $R;\n`;
}

const HELPER_SET: ReadonlySet<string> = new Set(RUNTIME_NAMES);

/** A block whose last statement leaves it (code after it would be unreachable). */
function endsInJump(b: Block): boolean {
  const last = b.body[b.body.length - 1];
  return last !== undefined && (last.kind === 'Return' || last.kind === 'Break' || last.kind === 'Goto');
}

/** Most nested JS loops for backward gotos; past it, a block becomes a state machine. */
const MAX_LABEL_LOOPS = 100;

/** The first and last statement of a block holding a `goto` to a label. */
interface GotoSpan { first: number; last: number }

/**
 * For each label that gotos among `stats` (outside nested functions) jump
 * to: the indexes of the first and last statement holding one.
 */
function gotoSpans(stats: Stat[]): Map<LabelStat, GotoSpan> {
  const spans = new Map<LabelStat, GotoSpan>();
  // Statement i and the statements nested in it (a work list: nesting may be deep).
  const work: Stat[] = [];
  for (let i = 0; i < stats.length; i++) {
    work.push(stats[i]);
    while (work.length > 0) {
      const s = work.pop()!;
      switch (s.kind) {
        case 'Goto': {
          if (s.target === null) break;
          const span = spans.get(s.target);
          if (span === undefined) spans.set(s.target, { first: i, last: i });
          else span.last = i;
          break;
        }
        case 'Do': case 'While': case 'Repeat': case 'NumericFor': case 'GenericFor':
          for (const x of s.body.body) work.push(x);
          break;
        case 'If':
          for (const c of s.clauses) for (const x of c.body.body) work.push(x);
          if (s.orelse) for (const x of s.orelse.body) work.push(x);
          break;
        default: break;
      }
    }
  }
  return spans;
}

/** Locals declared anywhere in a function body (not in nested functions). */
function countLocals(b: Block): number {
  let n = b.variables.length;
  for (const st of b.body) {
    switch (st.kind) {
      case 'Do': case 'While': case 'Repeat': n += countLocals(st.body); break;
      case 'NumericFor': n += 1 + countLocals(st.body); break;
      case 'GenericFor': n += st.variables.length + countLocals(st.body); break;
      case 'If':
        for (const c of st.clauses) n += countLocals(c.body);
        if (st.orelse) n += countLocals(st.orelse);
        break;
      default: break;
    }
  }
  return n;
}

/**
 * The statements a pass through `b` counts toward the instruction limit: its
 * own and those of the blocks it runs once (if, do), but not of loops or
 * functions inside it, which count their own.
 */
function stepsOf(b: Block): number {
  let n = 1;
  const todo: Block[] = [b];
  for (let x = todo.pop(); x !== undefined; x = todo.pop()) {
    for (const st of x.body) {
      n++;
      if (st.kind === 'Do') todo.push(st.body);
      else if (st.kind === 'If') {
        for (const c of st.clauses) todo.push(c.body);
        if (st.orelse) todo.push(st.orelse);
      }
    }
  }
  return n;
}
