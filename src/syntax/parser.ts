// Recursive-descent parser with scope analysis, following lparser.c (5.4.4,
// 5.3.6 and 5.1.5) closely enough that every compile-time error is raised
// at the same point, with the same message, as the reference `luac -p`.
//
// Recursion is bounded the way the reference bounds it: every `statement`
// and `subexpr` (5.1: `chunk` and `subexpr`) enters a "C level"; the limit
// (LUAI_MAXCCALLS = 200) turns deep nesting into the reference's error long
// before the JS stack is in danger.
import type {
  Block, BreakStat, Chunk, ConstantExpr, Dialect, Expr, FunctionNode, GotoStat, IfStat, IndexExpr,
  LabelStat, NameExpr, Stat, StringExpr, TableItem, Variable, BinaryOp, UnaryOp, CallExpr,
  MethodCallExpr,
} from './ast.js';
import { LuaSyntaxError } from './errors.js';
import {
  FIRST_RESERVED, Lexer, TK_AND, TK_BREAK, TK_CONCAT, TK_DBCOLON, TK_DO, TK_DOTS, TK_ELSE, TK_ELSEIF, TK_END, TK_EOS, TK_EQ,
  TK_FALSE, TK_FLT, TK_FOR, TK_FUNCTION, TK_GE, TK_GOTO, TK_IDIV, TK_IF, TK_IN, TK_INT, TK_LE, TK_LOCAL,
  TK_NAME, TK_NE, TK_NIL, TK_NOT, TK_OR, TK_REPEAT, TK_RETURN, TK_SHL, TK_SHR, TK_STRING, TK_THEN, TK_TRUE,
  TK_UNTIL, TK_WHILE,
} from './lexer.js';
import type { Token } from './lexer.js';
import {
  FALSE_F, FK_FLT, FK_INT, FK_NIL, FK_STR, FK_TRUE, FK_FALSE, NIL_F, OTHER, TRUE_F, foldInfix, foldOfConst, foldPosfix, foldUnary, type Fold,
} from './fold.js';

const LUAI_MAXCCALLS = 200;
/** Limit of the label and pending-goto lists (luaM_growvector with SHRT_MAX). */
const SHRT_MAX = 32767;
const MAXVARS = 200;

// variable kinds (lparser.h)
const VDKREG = 0, RDKCONST = 1, RDKTOCLOSE = 2, RDKCTC = 3;

interface VarDesc { name: string; kind: number; v: Variable | null }
interface UpDesc { name: string; kind: number; v: Variable }
interface BlockCnt {
  previous: BlockCnt | null;
  nactvar: number;
  firstlabel: number;
  firstgoto: number;
  isloop: boolean;
  node: Block | null;
}
interface LabelDesc { name: string; line: number; nactvar: number; node: LabelStat | GotoStat | BreakStat | null }

class FuncState {
  vars: VarDesc[] = [];
  nactvar = 0;
  ups: UpDesc[] = [];
  bl: BlockCnt | null = null;
  /** Active variables that live in registers (luaY_nvarstack). */
  nreg = 0;
  /**
   * A lower bound of lcode.c's freereg: only the reservations that are
   * certain are counted (explist items, call bases, nil adjustments...), so
   * that "too many registers" is raised where the reference raises it in
   * the common cases, and never where the reference would not.
   */
  freereg = 0;
  constructor(
    readonly node: FunctionNode,
    readonly prev: FuncState | null,
    readonly linedefined: number,
    readonly firstlabel: number,
  ) {}
}

// resolution results
const R_GLOBAL = 0, R_LOCAL = 1, R_UPVAL = 2, R_CONST = 3;

function constOfFold(f: Fold, line: number, column: number): ConstantExpr | null {
  if (f.t || f.f) return null;
  switch (f.k) {
    case FK_NIL: return { kind: 'Nil', line, column };
    case FK_TRUE: return { kind: 'True', line, column };
    case FK_FALSE: return { kind: 'False', line, column };
    case FK_INT: return { kind: 'Integer', value: f.v as bigint, line, column };
    case FK_FLT: return { kind: 'Float', value: f.v as number, line, column };
    case FK_STR: return { kind: 'String', value: f.v as string, line, column };
    default: return null;
  }
}

// --------------------------------------------------------------- operators

const UNARY_PRIORITY_5X = 12;
const UNARY_PRIORITY_51 = 8;

interface OpInfo { readonly op: BinaryOp; readonly left: number; readonly right: number }
const BINOPS_5X: ReadonlyMap<number, OpInfo> = new Map<number, OpInfo>([
  [0x2b, { op: '+', left: 10, right: 10 }], [0x2d, { op: '-', left: 10, right: 10 }],
  [0x2a, { op: '*', left: 11, right: 11 }], [0x25, { op: '%', left: 11, right: 11 }],
  [0x5e, { op: '^', left: 14, right: 13 }],
  [0x2f, { op: '/', left: 11, right: 11 }], [TK_IDIV, { op: '//', left: 11, right: 11 }],
  [0x26, { op: '&', left: 6, right: 6 }], [0x7c, { op: '|', left: 4, right: 4 }], [0x7e, { op: '~', left: 5, right: 5 }],
  [TK_SHL, { op: '<<', left: 7, right: 7 }], [TK_SHR, { op: '>>', left: 7, right: 7 }],
  [TK_CONCAT, { op: '..', left: 9, right: 8 }],
  [TK_EQ, { op: '==', left: 3, right: 3 }], [0x3c, { op: '<', left: 3, right: 3 }], [TK_LE, { op: '<=', left: 3, right: 3 }],
  [TK_NE, { op: '~=', left: 3, right: 3 }], [0x3e, { op: '>', left: 3, right: 3 }], [TK_GE, { op: '>=', left: 3, right: 3 }],
  [TK_AND, { op: 'and', left: 2, right: 2 }], [TK_OR, { op: 'or', left: 1, right: 1 }],
]);
const BINOPS_51: ReadonlyMap<number, OpInfo> = new Map<number, OpInfo>([
  [0x2b, { op: '+', left: 6, right: 6 }], [0x2d, { op: '-', left: 6, right: 6 }],
  [0x2a, { op: '*', left: 7, right: 7 }], [0x2f, { op: '/', left: 7, right: 7 }], [0x25, { op: '%', left: 7, right: 7 }],
  [0x5e, { op: '^', left: 10, right: 9 }],
  [TK_CONCAT, { op: '..', left: 5, right: 4 }],
  [TK_NE, { op: '~=', left: 3, right: 3 }], [TK_EQ, { op: '==', left: 3, right: 3 }],
  [0x3c, { op: '<', left: 3, right: 3 }], [TK_LE, { op: '<=', left: 3, right: 3 }],
  [0x3e, { op: '>', left: 3, right: 3 }], [TK_GE, { op: '>=', left: 3, right: 3 }],
  [TK_AND, { op: 'and', left: 2, right: 2 }], [TK_OR, { op: 'or', left: 1, right: 1 }],
]);

// ------------------------------------------------------------------ parser

export interface ParserOptions {
  chunkName: string;
  dialect: Dialect;
  /** nCcalls when the parser starts (1 under `luac`). */
  baseCLevel?: number;
}

export class Parser {
  private readonly lex: Lexer;
  private readonly dialect: Dialect;
  private readonly is51: boolean;
  private readonly is53: boolean;
  private readonly is54: boolean;
  private readonly binops: ReadonlyMap<number, OpInfo>;
  private readonly unaryPriority: number;

  private nCcalls: number;
  private fs!: FuncState;
  private labels: LabelDesc[] = [];
  private gotos: LabelDesc[] = [];
  /** Indexes into `labels` by name, most recent last (findlabel54 in constant time). */
  private labelsByName = new Map<string, number[]>();
  private stats: Stat[] = [];
  private nextId = 1;
  /** Results of singlevaraux. */
  private rvd: VarDesc | null = null;
  private rup: UpDesc | null = null;
  private env!: Variable;

  /** Fold state of the last expression parsed (5.4 only). */
  private fold: Fold = OTHER;
  /** The first untreated operator after the last subexpr. */
  private lastOp: OpInfo | undefined = undefined;

  // Error recovery (parseRecovering, for check()). Under parse() `diags` is
  // null and none of this runs: errors are thrown at the first one.
  /** Diagnostics collected so far (null: not recovering). */
  private diags: RawDiagnostic[] | null = null;
  private maxDiags = 100;
  /** Where the last diagnostic was detected: later ones must come after it. */
  private lastKey = -1;
  /** Reasons of the limit errors reported so far (each is reported once). */
  private limitsSeen: Set<string> | null = null;
  /** An error after which recovery stops (nesting too deep). */
  private fatalError: LuaSyntaxError | null = null;
  /** Constructs opened by recovery (synthetic blocks) that are still open. */
  private synthDepth = 0;

  constructor(source: string, options: ParserOptions) {
    this.dialect = options.dialect;
    this.is51 = this.dialect === '5.1';
    this.is53 = this.dialect === '5.3';
    this.is54 = this.dialect === '5.4';
    this.lex = new Lexer(source, options.chunkName, this.dialect);
    this.binops = this.is51 ? BINOPS_51 : BINOPS_5X;
    this.unaryPriority = this.is51 ? UNARY_PRIORITY_51 : UNARY_PRIORITY_5X;
    this.nCcalls = options.baseCLevel ?? 1;
  }

  // ------------------------------------------------------------ errors

  /**
   * An error after which parsing can go on as if nothing happened (scope
   * errors, a misplaced '...', a lone expression as a statement...): thrown
   * by parse(), only reported when recovering.
   */
  private softError(e: LuaSyntaxError): void {
    if (this.diags === null) throw e;
    const t = this.lex.t;
    // Scope errors (no 'near' part) are found at whatever token follows
    // (goto errors at the end of a block): they do not take that token's
    // place, a syntax error there is reported too.
    this.report(e, t.start, t.end, e.near === null ? t.start - 0.5 : t.start);
  }

  /** Marks an error that ends recovery (the nesting limit). */
  private fatal(e: LuaSyntaxError): LuaSyntaxError {
    this.fatalError = e;
    return e;
  }

  private error(reason: string, tok?: number): LuaSyntaxError {
    return this.lex.syntaxError(reason, tok);
  }

  /** luaK_semerror: no `near` part. */
  private semerror(reason: string): LuaSyntaxError {
    return this.lex.syntaxError(reason, 0);
  }

  /** The way a token is named in "X expected" messages. */
  private tq(tok: number): string {
    const s = this.lex.token2str(tok);
    return this.is51 ? `'${s}'` : s;
  }

  private errorExpected(tok: number): LuaSyntaxError {
    return this.error(`${this.tq(tok)} expected`);
  }

  private errorlimit(fs: FuncState, limit: number, what: string): LuaSyntaxError {
    const line = fs.linedefined;
    if (this.is51) {
      const msg = line === 0
        ? `main function has more than ${limit} ${what}`
        : `function at line ${line} has more than ${limit} ${what}`;
      return this.lex.makeError(msg, null, this.lex.t.column);
    }
    const where = line === 0 ? 'main function' : `function at line ${line}`;
    return this.error(`too many ${what} (limit is ${limit}) in ${where}`);
  }

  private enterLevel(): void {
    const n = ++this.nCcalls;
    if (n >= LUAI_MAXCCALLS) this.cLevelOverflow(n);
  }

  private cLevelOverflow(n: number): void {
    if (this.is54) {
      if (n === LUAI_MAXCCALLS) {
        throw this.fatal(new LuaSyntaxError('C stack overflow', this.lex.linenumber, this.lex.t.column, null, 'C stack overflow'));
      }
    } else if (n > LUAI_MAXCCALLS) {
      if (this.is53) throw this.fatal(this.errorlimit(this.fs, LUAI_MAXCCALLS, 'C levels'));
      throw this.fatal(this.lex.makeError('chunk has too many syntax levels', null, this.lex.t.column));
    }
  }

  private leaveLevel(): void {
    this.nCcalls--;
  }

  // ------------------------------------------------------------ tokens


  private next(): void { this.lex.next(); }

  private testnext(c: number): boolean {
    if (this.lex.t.tok === c) { this.lex.next(); return true; }
    return false;
  }

  private check(c: number): void {
    if (this.lex.t.tok !== c) throw this.errorExpected(c);
  }

  private checknext(c: number): void {
    this.check(c);
    this.lex.next();
  }

  private checkMatch(what: number, who: number, where: number): void {
    if (!this.testnext(what)) {
      if (where === this.lex.linenumber) throw this.errorExpected(what);
      throw this.error(`${this.tq(what)} expected (to close ${this.tq(who)} at line ${where})`);
    }
  }

  private strCheckname(): Token {
    this.check(TK_NAME);
    const t = this.lex.t;
    this.lex.next();
    return t;
  }

  private blockFollow(withUntil: boolean): boolean {
    switch (this.lex.t.tok) {
      case TK_ELSE: case TK_ELSEIF: case TK_END: case TK_EOS: return true;
      case TK_UNTIL: return withUntil || this.is51;
      default: return false;
    }
  }

  // ------------------------------------------------------------ variables

  private newVariable(name: string, role: Variable['role'], t: Pos2): Variable {
    return {
      name, attrib: null, func: this.fs.node, id: this.nextId++, line: t.line, column: t.column,
      captured: false, assigned: false, role,
    };
  }

  /** new_localvar: registers a (not yet active) variable, checking the limit. */
  private newLocalvar(name: string, v: Variable | null): VarDesc {
    const fs = this.fs;
    if (fs.vars.length + 1 > MAXVARS) throw this.errorlimit(fs, MAXVARS, 'local variables');
    const vd: VarDesc = { name, kind: VDKREG, v };
    fs.vars.push(vd);
    return vd;
  }

  private adjustlocalvars(n: number): void {
    const fs = this.fs;
    for (let i = fs.nactvar; i < fs.nactvar + n; i++) if (fs.vars[i]!.kind !== RDKCTC) fs.nreg++;
    fs.nactvar += n;
  }

  private removevars(fs: FuncState, tolevel: number): void {
    for (let i = tolevel; i < fs.nactvar; i++) if (fs.vars[i]!.kind !== RDKCTC) fs.nreg--;
    if (fs.nactvar !== tolevel) fs.vars.length -= fs.nactvar - tolevel;
    fs.nactvar = tolevel;
    fs.freereg = fs.nreg;
  }

  /** luaK_checkstack */
  private checkstack(n: number, fs: FuncState = this.fs): void {
    const newstack = fs.freereg + n;
    if (this.is51) {
      if (newstack > 250) throw this.error('function or expression too complex');
    } else if (newstack >= 255) {
      throw this.error('function or expression needs too many registers');
    }
  }

  /** luaK_reserveregs */
  private reserve(n: number, fs: FuncState = this.fs): void {
    this.checkstack(n, fs);
    fs.freereg += n;
  }

  /** adjust_assign, as far as registers go; `last` is the last expression (or none). */
  private adjustAssign(nvars: number, nexps: number, last: Expr | undefined, dropExtra: boolean): void {
    const needed = nvars - nexps;
    if (last !== undefined && (last.kind === 'Call' || last.kind === 'MethodCall' || last.kind === 'Vararg')) {
      if (last.kind === 'Vararg') this.reserve(1);
    } else if (last !== undefined) {
      this.reserve(1);
    }
    if (needed > 0) this.reserve(needed);
    else if (dropExtra) this.fs.freereg += needed;
  }

  private searchvar(fs: FuncState, name: string): number {
    const vars = fs.vars;
    for (let i = fs.nactvar - 1; i >= 0; i--) if (vars[i]!.name === name) return i;
    return -1;
  }

  private markupval(fs: FuncState, vd: VarDesc): void {
    void fs;
    if (vd.v) vd.v.captured = true;
  }

  private newupvalue(fs: FuncState, name: string, k: number): number {
    const limit = this.is51 ? 60 : 255;
    if (fs.ups.length + 1 > limit) throw this.errorlimit(fs, limit, 'upvalues');
    const v = k === R_LOCAL ? this.rvd!.v! : this.rup!.v;
    const kind = k === R_LOCAL ? this.rvd!.kind : this.rup!.kind;
    const up: UpDesc = { name, kind, v };
    fs.ups.push(up);
    fs.node.upvalues.push(v);
    this.rup = up;
    return R_UPVAL;
  }

  /** Resolves `name` from `fs`: returns R_*, with the variable in rvd (locals, constants) or rup (upvalues). */
  private singlevaraux(fs: FuncState | null, name: string, base: boolean): number {
    if (fs === null) return R_GLOBAL;
    const i = this.searchvar(fs, name);
    if (i >= 0) {
      const vd = fs.vars[i]!;
      this.rvd = vd;
      if (vd.kind === RDKCTC) return R_CONST;
      if (!base) this.markupval(fs, vd);
      return R_LOCAL;
    }
    const ups = fs.ups;
    for (let j = 0; j < ups.length; j++) {
      if (ups[j]!.name === name) { this.rup = ups[j]!; return R_UPVAL; }
    }
    const k = this.singlevaraux(fs.prev, name, false);
    if (k === R_LOCAL || k === R_UPVAL) return this.newupvalue(fs, name, k);
    return k;
  }

  /** singlevar: the name token has just been consumed. */
  private singlevar(t: Token): NameExpr {
    const name = t.value as string;
    const fs = this.fs;
    const k = this.singlevaraux(fs, name, true);
    const e: NameExpr = { kind: 'Name', name, variable: null, env: null, isUpvalue: false, line: t.line, column: t.column };
    if (k === R_GLOBAL) {
      if (this.is51) {
        e.env = this.env;
        e.isUpvalue = true;
      } else {
        const ke = this.singlevaraux(fs, '_ENV', true);
        if (ke === R_LOCAL) e.env = this.rvd!.v;
        else if (ke === R_UPVAL) { e.env = this.rup!.v; e.isUpvalue = true; }
        else if (ke === R_CONST) { e.env = this.rvd!.v; e.isUpvalue = this.rvd!.v!.func !== fs.node; this.markOuterConst(e.env!); }
      }
      this.fold = OTHER;
    } else if (k === R_LOCAL) {
      e.variable = this.rvd!.v;
      this.fold = OTHER;
    } else if (k === R_UPVAL) {
      e.variable = this.rup!.v;
      e.isUpvalue = true;
      this.fold = OTHER;
    } else {
      const v = this.rvd!.v!;
      e.variable = v;
      e.isUpvalue = v.func !== fs.node;
      this.markOuterConst(v);
      this.fold = foldOfConst(v.constValue!);
    }
    return e;
  }

  /** A compile-time constant of an enclosing function is used: the functions in between cannot be compiled on their own. */
  private markOuterConst(v: Variable): void {
    for (let f: FuncState | null = this.fs; f !== null && f.node !== v.func; f = f.prev) f.node.usesOuterConst = true;
  }

  // ------------------------------------------------------------ blocks

  private enterblock(isloop: boolean, node: Block | null): BlockCnt {
    const fs = this.fs;
    const bl: BlockCnt = {
      previous: fs.bl, nactvar: fs.nactvar, firstlabel: this.labels.length, firstgoto: this.gotos.length,
      isloop, node,
    };
    fs.bl = bl;
    return bl;
  }

  private leaveblock(): void {
    const fs = this.fs;
    const bl = fs.bl!;
    if (this.is51) {
      fs.bl = bl.previous;
      this.removevars(fs, bl.nactvar);
      return;
    }
    if (this.is54) {
      this.removevars(fs, bl.nactvar);
      if (bl.isloop) this.createlabel('break', 0, false, null);
      this.truncateLabels(bl.firstlabel);
      fs.bl = bl.previous;
      if (bl.previous) {
        for (let i = bl.firstgoto; i < this.gotos.length; i++) this.gotos[i]!.nactvar = bl.nactvar;
      } else if (bl.firstgoto < this.gotos.length) {
        this.softError(this.undefgoto(this.gotos[bl.firstgoto]!));
        this.gotos.length = bl.firstgoto; // recovering: reported once
      }
      return;
    }
    // 5.3
    if (bl.isloop) {
      const lb: LabelDesc = { name: 'break', line: 0, nactvar: fs.nactvar, node: null };
      this.pushLabel(lb);
      this.findgotos53(lb);
    }
    fs.bl = bl.previous;
    this.removevars(fs, bl.nactvar);
    this.truncateLabels(bl.firstlabel);
    if (bl.previous) {
      // Pending gotos move out to the enclosing block: solve those its labels match (in one pass).
      const gotos = this.gotos;
      let kept = bl.firstgoto;
      for (let i = bl.firstgoto; i < gotos.length; i++) {
        const gt = gotos[i]!;
        if (gt.nactvar > bl.nactvar) gt.nactvar = bl.nactvar;
        const lb = this.blockLabel53(gt.name);
        if (lb === null) gotos[kept++] = gt;
        else this.resolve(gt, lb);
      }
      gotos.length = kept;
    } else if (bl.firstgoto < this.gotos.length) {
      this.softError(this.undefgoto(this.gotos[bl.firstgoto]!));
      this.gotos.length = bl.firstgoto; // recovering: reported once
    }
  }

  private undefgoto(gt: LabelDesc): LuaSyntaxError {
    if (gt.name === 'break') {
      if (this.is54) return this.semerror(`break outside loop at line ${gt.line}`);
      return this.semerror(`<break> at line ${gt.line} not inside a loop`);
    }
    return this.semerror(`no visible label '${gt.name}' for <goto> at line ${gt.line}`);
  }

  private jumpscopeerror(gt: LabelDesc): LuaSyntaxError {
    const varname = this.fs.vars[gt.nactvar]?.name ?? '?';
    return this.semerror(`<goto ${gt.name}> at line ${gt.line} jumps into the scope of local '${varname}'`);
  }

  /** solvegoto / closegoto: resolve goto `g` to `lb` and drop it from the pending list. */
  private solvegoto(g: number, lb: LabelDesc): void {
    this.resolve(this.gotos[g]!, lb);
    this.gotos.splice(g, 1);
  }

  /** Check that goto `gt` may jump to `lb`, and point it there. */
  private resolve(gt: LabelDesc, lb: LabelDesc): void {
    if (gt.nactvar < lb.nactvar) this.softError(this.jumpscopeerror(gt));
    if (gt.node && gt.node.kind === 'Goto' && lb.node && lb.node.kind === 'Label') gt.node.target = lb.node;
  }

  /** 5.4 findlabel: a visible label of the current function. */
  private findlabel54(name: string): LabelDesc | null {
    // The most recent label of that name; older ones are further out.
    const same = this.labelsByName.get(name);
    const i = same !== undefined && same.length > 0 ? same[same.length - 1]! : -1;
    return i >= this.fs.firstlabel ? this.labels[i]! : null;
  }

  /** 5.4 createlabel. */
  private createlabel(name: string, line: number, last: boolean, node: LabelStat | null): void {
    const fs = this.fs;
    const lb: LabelDesc = { name, line, nactvar: fs.nactvar, node };
    this.pushLabel(lb);
    if (last) lb.nactvar = fs.bl!.nactvar;
    this.solvegotos(fs.bl!.firstgoto, lb);
  }

  /**
   * solvegotos: resolve the pending gotos from `first` on that match `lb`,
   * in order, dropping them from the list in one pass (lparser.c removes
   * them one by one, which is quadratic when many wait for one label).
   */
  private solvegotos(first: number, lb: LabelDesc): void {
    const gotos = this.gotos;
    let kept = first;
    for (let i = first; i < gotos.length; i++) {
      const gt = gotos[i]!;
      if (gt.name !== lb.name) {
        gotos[kept++] = gt;
        continue;
      }
      this.resolve(gt, lb);
    }
    gotos.length = kept;
  }

  /** Add a label (lparser.c's newlabelentry, with its limit). */
  private pushLabel(lb: LabelDesc): void {
    if (this.labels.length >= SHRT_MAX) throw this.tooManyLabels();
    const same = this.labelsByName.get(lb.name);
    if (same === undefined) this.labelsByName.set(lb.name, [this.labels.length]);
    else same.push(this.labels.length);
    this.labels.push(lb);
  }

  /** Drop the labels from index `n` on (a block ends). */
  private truncateLabels(n: number): void {
    const labels = this.labels;
    for (let i = labels.length - 1; i >= n; i--) this.labelsByName.get(labels[i]!.name)!.pop();
    if (labels.length > n) labels.length = n;
  }

  /** Add a pending goto (newgotoentry, with its limit). */
  private pushGoto(gt: LabelDesc): void {
    if (this.gotos.length >= SHRT_MAX) throw this.tooManyLabels();
    this.gotos.push(gt);
  }

  /** luaM_growvector's error for the label and goto lists: a runtime error without a position. */
  private tooManyLabels(): LuaSyntaxError {
    const msg = `too many labels/gotos (limit is ${SHRT_MAX})`;
    return new LuaSyntaxError(msg, this.lex.linenumber, this.lex.t.column, null, msg);
  }

  /** 5.3 findlabel: try to close goto `g` with a label of the current block. */
  private findlabel53(g: number): boolean {
    const lb = this.blockLabel53(this.gotos[g]!.name);
    if (lb === null) return false;
    this.solvegoto(g, lb);
    return true;
  }

  /** 5.3: the label `name` of the current block, if any (labels are unique in a block). */
  private blockLabel53(name: string): LabelDesc | null {
    const same = this.labelsByName.get(name);
    const i = same !== undefined && same.length > 0 ? same[same.length - 1]! : -1;
    return i >= this.fs.bl!.firstlabel ? this.labels[i]! : null;
  }

  /** 5.3 findgotos: pending gotos of the current block that match new label `lb`. */
  private findgotos53(lb: LabelDesc): void {
    this.solvegotos(this.fs.bl!.firstgoto, lb);
  }

  private newBlockNode(): Block {
    const t = this.lex.t;
    return { kind: 'Block', body: [], variables: [], endLine: 0, line: t.line, column: t.column };
  }

  /** Parses statements into `node` (statlist / chunk). */
  private statlistInto(node: Block): void {
    const saved = this.stats;
    this.stats = node.body;
    if (this.is51) this.chunk51();
    else this.statlist();
    this.stats = saved;
    node.endLine = this.lex.t.line;
  }

  /** block -> statlist, in a new scope. */
  private block(): Block {
    const node = this.newBlockNode();
    this.enterblock(false, node);
    this.statlistInto(node);
    this.leaveblock();
    return node;
  }

  // ------------------------------------------------------------ functions

  private openFunc(line: number, column: number, linedefined: number): FuncState {
    const prev = this.fs ?? null;
    const node: FunctionNode = {
      kind: 'FunctionNode', params: [], isVararg: false, body: null as unknown as Block,
      parent: prev ? prev.node : null, upvalues: [], endLine: 0, hasGoto: false, line, column,
    };
    const fs = new FuncState(node, prev, linedefined, this.labels.length);
    this.fs = fs;
    return fs;
  }

  private closeFunc(): void {
    // leaveblock of the function's outermost block checks pending gotos
    this.leaveblock();
    this.fs = this.fs.prev!;
  }

  /** body -> '(' parlist ')' block END */
  private body(isMethod: boolean, line: number, ft: Pos2): FunctionNode {
    const fs = this.openFunc(line, ft.column, line);
    const node = fs.node;
    const bodyNode = this.newBlockNode();
    node.body = bodyNode;
    this.enterblock(false, bodyNode);
    if (isMethod && !this.is53 && !this.is51) this.addSelf(ft);
    const open = this.lex.t;
    this.checknext(0x28);
    if (isMethod && (this.is53 || this.is51)) this.addSelf(ft);
    this.parlist();
    this.checknext(0x29);
    bodyNode.line = this.lex.t.line;
    bodyNode.column = this.lex.t.column;
    this.statlistInto(bodyNode);
    node.endLine = this.lex.linenumber;
    const close = this.lex.t;
    this.checkMatch(TK_END, TK_FUNCTION, line);
    node.span = { start: open.start, end: close.end, line: open.line, isMethod };
    if (!this.is51) this.checkstack(1, fs.prev!); // codeclosure: luaK_exp2nextreg in the parent
    this.closeFunc();
    return node;
  }

  private addSelf(ft: Pos2): void {
    const v = this.newVariable('self', 'self', ft);
    this.newLocalvar('self', v);
    this.adjustlocalvars(1);
    this.fs.node.params.push(v);
  }

  private parlist(): void {
    const fs = this.fs;
    const node = fs.node;
    let nparams = 0;
    let isvararg = false;
    if (this.lex.t.tok !== 0x29) {
      do {
        switch (this.lex.t.tok) {
          case TK_NAME: {
            const t = this.strCheckname();
            const v = this.newVariable(t.value as string, 'param', t);
            this.newLocalvar(v.name, v);
            node.params.push(v);
            nparams++;
            break;
          }
          case TK_DOTS: {
            const t = this.lex.t;
            this.next();
            isvararg = true;
            if (this.is51) {
              const v = this.newVariable('arg', 'vararg', t);
              this.newLocalvar('arg', v);
              node.argVar = v;
              nparams++;
            }
            break;
          }
          default:
            throw this.error("<name> or '...' expected");
        }
      } while (!isvararg && this.testnext(0x2c));
    }
    this.adjustlocalvars(nparams);
    node.isVararg = isvararg;
    fs.freereg = fs.nreg;
  }

  // ------------------------------------------------------------ statements

  /** statlist (5.2+) */
  private statlist(): void {
    if (this.diags !== null) return this.statlistR();
    while (!this.blockFollow(true)) {
      if (this.lex.t.tok === TK_RETURN) {
        this.statement();
        return;
      }
      this.statement();
    }
  }

  /** chunk (5.1) */
  private chunk51(): void {
    if (this.diags !== null) return this.statlistR();
    this.enterLevel();
    let islast = false;
    while (!islast && !this.blockFollow(true)) {
      islast = this.statement51();
      this.testnext(0x3b);
      this.fs.freereg = this.fs.nreg;
    }
    this.leaveLevel();
  }

  private statement(): void {
    const lex = this.lex;
    const line = lex.linenumber;
    const st = lex.t;
    this.enterLevel();
    switch (st.tok) {
      case 0x3b: // ';'
        this.next();
        break;
      case TK_IF: this.ifstat(line, st); break;
      case TK_WHILE: this.whilestat(line, st); break;
      case TK_DO: {
        this.next();
        const body = this.block();
        this.checkMatch(TK_END, TK_DO, line);
        this.stats.push({ kind: 'Do', body, line: st.line, column: st.column });
        break;
      }
      case TK_FOR: this.forstat(line, st); break;
      case TK_REPEAT: this.repeatstat(line, st); break;
      case TK_FUNCTION: this.funcstat(line, st); break;
      case TK_LOCAL:
        this.next();
        if (this.testnext(TK_FUNCTION)) this.localfunc(st);
        else this.localstat(st);
        break;
      case TK_DBCOLON: {
        this.next();
        const nt = this.strCheckname();
        this.labelstat(nt.value as string, line, st);
        break;
      }
      case TK_RETURN:
        this.next();
        this.retstat(st);
        break;
      case TK_BREAK:
        if (this.is54) this.breakstat54(st);
        else this.gotostat53(st);
        break;
      case TK_GOTO:
        if (this.is54) {
          this.next();
          this.gotostat54(st);
        } else {
          this.gotostat53(st);
        }
        break;
      default:
        this.exprstat(st);
        break;
    }
    this.fs.freereg = this.fs.nreg;
    this.leaveLevel();
  }

  /** statement (5.1): returns true for the statements that must be last. */
  private statement51(): boolean {
    const lex = this.lex;
    const line = lex.linenumber;
    const st = lex.t;
    switch (st.tok) {
      case TK_IF: this.ifstat(line, st); return false;
      case TK_WHILE: this.whilestat(line, st); return false;
      case TK_DO: {
        this.next();
        const body = this.block();
        this.checkMatch(TK_END, TK_DO, line);
        this.stats.push({ kind: 'Do', body, line: st.line, column: st.column });
        return false;
      }
      case TK_FOR: this.forstat(line, st); return false;
      case TK_REPEAT: this.repeatstat(line, st); return false;
      case TK_FUNCTION: this.funcstat(line, st); return false;
      case TK_LOCAL:
        this.next();
        if (this.testnext(TK_FUNCTION)) this.localfunc(st);
        else this.localstat(st);
        return false;
      case TK_RETURN:
        this.next();
        this.retstat(st);
        return true;
      case TK_BREAK: {
        this.next();
        let bl = this.fs.bl;
        while (bl && !bl.isloop) bl = bl.previous;
        if (!bl) this.softError(this.error('no loop to break'));
        this.stats.push({ kind: 'Break', line: st.line, column: st.column });
        return true;
      }
      default:
        this.exprstat(st);
        return false;
    }
  }

  private ifstat(line: number, st: Token): void {
    const node: IfStat = { kind: 'If', clauses: [], orelse: null, line: st.line, column: st.column };
    this.testThenBlock(node);
    while (this.lex.t.tok === TK_ELSEIF) this.testThenBlock(node);
    if (this.lex.t.tok === TK_ELSE) {
      this.next();
      node.orelse = this.block();
    }
    this.checkMatch(TK_END, TK_IF, line);
    this.stats.push(node);
  }

  private testThenBlock(node: IfStat): void {
    const kw = this.lex.t;
    this.next(); // skip IF or ELSEIF
    const condition = this.expr();
    const thenLine = this.lex.t.line;
    this.checknext(TK_THEN);
    const body = this.newBlockNode();
    node.clauses.push({ condition, body, line: kw.line, column: kw.column, thenLine });
    const special = this.is54 ? this.lex.t.tok === TK_BREAK : this.is53 ? (this.lex.t.tok === TK_BREAK || this.lex.t.tok === TK_GOTO) : false;
    if (special) {
      this.enterblock(false, body);
      const saved = this.stats;
      this.stats = body.body;
      const bt = this.lex.t;
      if (this.is54) this.breakstat54(bt);
      else this.gotostat53(bt);
      while (this.testnext(0x3b)) { /* skip semicolons */ }
      if (this.blockFollow(false)) {
        this.stats = saved;
        body.endLine = this.lex.t.line;
        this.leaveblock();
        return;
      }
      this.statlist();
      this.stats = saved;
      body.endLine = this.lex.t.line;
      this.leaveblock();
      return;
    }
    this.enterblock(false, body);
    this.statlistInto(body);
    this.leaveblock();
  }

  private whilestat(line: number, st: Token): void {
    this.next();
    const condition = this.expr();
    this.enterblock(true, null);
    this.checknext(TK_DO);
    const body = this.block();
    this.checkMatch(TK_END, TK_WHILE, line);
    this.leaveblock();
    this.stats.push({ kind: 'While', condition, body, line: st.line, column: st.column });
  }

  private repeatstat(line: number, st: Token): void {
    this.enterblock(true, null);
    this.next();
    const body = this.newBlockNode();
    this.enterblock(false, body);
    this.statlistInto(body);
    this.checkMatch(TK_UNTIL, TK_REPEAT, line);
    const condition = this.expr();
    this.leaveblock();
    this.leaveblock();
    this.stats.push({ kind: 'Repeat', body, condition, line: st.line, column: st.column });
  }

  private forstat(line: number, st: Token): void {
    this.enterblock(true, null);
    this.next();
    const nt = this.strCheckname();
    switch (this.lex.t.tok) {
      case 0x3d: this.fornum(nt, st); break;
      case 0x2c: case TK_IN: this.forlist(nt, st); break;
      default: throw this.error("'=' or 'in' expected");
    }
    this.checkMatch(TK_END, TK_FOR, line);
    this.leaveblock();
  }

  private fornum(nt: Token, st: Token): void {
    const internal = this.is54 ? ['(for state)', '(for state)', '(for state)'] : ['(for index)', '(for limit)', '(for step)'];
    for (const n of internal) this.newLocalvar(n, null);
    const v = this.newVariable(nt.value as string, 'for', nt);
    this.newLocalvar(v.name, v);
    this.checknext(0x3d);
    const start = this.expr();
    this.reserve(1);
    this.checknext(0x2c);
    const limit = this.expr();
    this.reserve(1);
    let step: Expr | null = null;
    if (this.testnext(0x2c)) step = this.expr();
    this.reserve(1);
    this.adjustlocalvars(3);
    const body = this.forbody(1);
    this.stats.push({ kind: 'NumericFor', variable: v, start, limit, step, body, line: st.line, column: st.column });
  }

  private forlist(nt: Token, st: Token): void {
    const n = this.is54 ? 4 : 3;
    const internal = this.is54 ? ['(for state)', '(for state)', '(for state)', '(for state)']
      : ['(for generator)', '(for state)', '(for control)'];
    for (const x of internal) this.newLocalvar(x, null);
    const vars: Variable[] = [];
    const v0 = this.newVariable(nt.value as string, 'for', nt);
    this.newLocalvar(v0.name, v0);
    vars.push(v0);
    while (this.testnext(0x2c)) {
      const t = this.strCheckname();
      const v = this.newVariable(t.value as string, 'for', t);
      this.newLocalvar(v.name, v);
      vars.push(v);
    }
    this.checknext(TK_IN);
    const exprs = this.explist();
    this.adjustAssign(n, exprs.length, exprs[exprs.length - 1], !this.is51);
    this.adjustlocalvars(n);
    this.checkstack(3);
    const body = this.forbody(vars.length);
    this.stats.push({ kind: 'GenericFor', variables: vars, exprs, body, line: st.line, column: st.column });
  }

  private forbody(nvars: number): Block {
    this.checknext(TK_DO);
    this.enterblock(false, null);
    this.adjustlocalvars(nvars);
    this.reserve(nvars);
    const body = this.block();
    this.leaveblock();
    return body;
  }

  private funcstat(line: number, st: Token): void {
    this.next(); // skip FUNCTION
    const nt = this.strCheckname();
    let target: NameExpr | IndexExpr = this.singlevar(nt);
    let isMethod = false;
    while (this.lex.t.tok === 0x2e) target = this.fieldsel(target);
    if (this.lex.t.tok === 0x3a) {
      isMethod = true;
      target = this.fieldsel(target);
    }
    const func = this.body(isMethod, line, st);
    if (this.is54) this.checkReadonly(target);
    if (target.kind === 'Name' && target.variable) target.variable.assigned = true;
    this.stats.push({ kind: 'FunctionStat', target, isMethod, func, line: st.line, column: st.column });
  }

  private localfunc(st: Token): void {
    const nt = this.strCheckname();
    const v = this.newVariable(nt.value as string, 'local', nt);
    this.newLocalvar(v.name, v);
    if (this.is51) this.reserve(1);
    this.adjustlocalvars(1);
    this.fs.bl!.node?.variables.push(v);
    const func = this.body(false, this.lex.linenumber, st);
    this.stats.push({ kind: 'LocalFunction', variable: v, func, line: st.line, column: st.column });
  }

  private localstat(st: Token): void {
    const vars: Variable[] = [];
    const vds: VarDesc[] = [];
    let toclose = -1;
    do {
      const nt = this.strCheckname();
      const v = this.newVariable(nt.value as string, 'local', nt);
      const vd = this.newLocalvar(v.name, v);
      if (this.is54) {
        const kind = this.getlocalattribute();
        vd.kind = kind;
        if (kind === RDKCONST) v.attrib = 'const';
        else if (kind === RDKTOCLOSE) {
          v.attrib = 'close';
          if (toclose !== -1) this.softError(this.semerror('multiple to-be-closed variables in local list'));
          toclose = vars.length;
        }
      }
      vars.push(v);
      vds.push(vd);
    } while (this.testnext(0x2c));
    let values: Expr[] = [];
    let lastFold: Fold = OTHER;
    if (this.testnext(0x3d)) {
      values = this.explist();
      lastFold = this.fold;
    }
    const nvars = vars.length;
    const last = vds[nvars - 1]!;
    let ctc = false;
    if (this.is54 && nvars === values.length && last.kind === RDKCONST) {
      const e = values[values.length - 1]!;
      const c = constOfFold(lastFold, e.line, e.column);
      if (c !== null) {
        last.kind = RDKCTC;
        last.v!.constValue = c;
        ctc = true;
      }
    }
    if (!ctc) this.adjustAssign(nvars, values.length, values[values.length - 1], !this.is51);
    this.adjustlocalvars(nvars);
    const blockNode = this.fs.bl!.node;
    if (blockNode) for (const v of vars) blockNode.variables.push(v);
    this.stats.push({ kind: 'Local', variables: vars, values, line: st.line, column: st.column });
  }

  private getlocalattribute(): number {
    if (this.testnext(0x3c)) {
      const at = this.strCheckname();
      const attr = at.value as string;
      this.checknext(0x3e);
      if (attr === 'const') return RDKCONST;
      if (attr === 'close') return RDKTOCLOSE;
      this.softError(this.semerror(`unknown attribute '${attr}'`));
    }
    return VDKREG;
  }

  private checkReadonly(e: Expr): void {
    if (e.kind === 'Name' && e.variable && e.variable.attrib !== null) {
      this.softError(this.semerror(`attempt to assign to const variable '${e.name}'`));
    }
  }

  private labelstat(name: string, line: number, st: Token): void {
    const node: LabelStat = { kind: 'Label', name, line: st.line, column: st.column };
    this.fs.node.hasGoto = true;
    this.stats.push(node);
    if (this.is54) {
      this.checknext(TK_DBCOLON);
      while (this.lex.t.tok === 0x3b || this.lex.t.tok === TK_DBCOLON) this.statement();
      const lb = this.findlabel54(name);
      if (lb) this.softError(this.semerror(`label '${name}' already defined on line ${lb.line}`));
      this.createlabel(name, line, this.blockFollow(false), node);
      return;
    }
    // 5.3
    const dup = this.blockLabel53(name);
    if (dup !== null) this.softError(this.semerror(`label '${name}' already defined on line ${dup.line}`));
    this.checknext(TK_DBCOLON);
    const lb: LabelDesc = { name, line, nactvar: this.fs.nactvar, node };
    this.pushLabel(lb);
    while (this.lex.t.tok === 0x3b || this.lex.t.tok === TK_DBCOLON) this.statement();
    if (this.blockFollow(false)) lb.nactvar = this.fs.bl!.nactvar;
    this.findgotos53(lb);
  }

  /** 5.4: the 'goto' has been consumed. */
  private gotostat54(st: Token): void {
    const line = this.lex.linenumber;
    const nt = this.strCheckname();
    const name = nt.value as string;
    const node: GotoStat = { kind: 'Goto', label: name, target: null, line: st.line, column: st.column };
    this.fs.node.hasGoto = true;
    this.stats.push(node);
    const lb = this.findlabel54(name);
    if (lb === null) this.pushGoto({ name, line, nactvar: this.fs.nactvar, node });
    else node.target = lb.node as LabelStat;
  }

  private breakstat54(st: Token): void {
    const line = this.lex.linenumber;
    this.next();
    const node: BreakStat = { kind: 'Break', line: st.line, column: st.column };
    this.stats.push(node);
    this.pushGoto({ name: 'break', line, nactvar: this.fs.nactvar, node });
  }

  /** 5.3 gotostat: current token is 'goto' or 'break'. */
  private gotostat53(st: Token): void {
    const line = this.lex.linenumber;
    let node: GotoStat | BreakStat;
    let name: string;
    if (this.testnext(TK_GOTO)) {
      const nt = this.strCheckname();
      name = nt.value as string;
      node = { kind: 'Goto', label: name, target: null, line: st.line, column: st.column };
      this.fs.node.hasGoto = true;
    } else {
      this.next();
      name = 'break';
      node = { kind: 'Break', line: st.line, column: st.column };
    }
    this.stats.push(node);
    this.pushGoto({ name, line, nactvar: this.fs.nactvar, node });
    this.findlabel53(this.gotos.length - 1);
  }

  private retstat(st: Token): void {
    let values: Expr[] = [];
    if (!(this.blockFollow(true) || this.lex.t.tok === 0x3b)) {
      values = this.explist();
      const last = values[values.length - 1]!;
      if (last.kind !== 'Call' && last.kind !== 'MethodCall' && last.kind !== 'Vararg' && values.length > 1) this.reserve(1);
    }
    if (!this.is51) this.testnext(0x3b);
    this.stats.push({ kind: 'Return', values, line: st.line, column: st.column });
  }

  private exprstat(st: Token): void {
    const e = this.suffixedexp();
    if (this.is51) {
      if (e.kind === 'Call' || e.kind === 'MethodCall') {
        this.stats.push({ kind: 'CallStat', call: e, line: st.line, column: st.column });
        return;
      }
      this.assignment(e, st);
      return;
    }
    if (this.lex.t.tok === 0x3d || this.lex.t.tok === 0x2c) {
      this.assignment(e, st);
      return;
    }
    if (e.kind !== 'Call' && e.kind !== 'MethodCall') throw this.error('syntax error');
    this.stats.push({ kind: 'CallStat', call: e, line: st.line, column: st.column });
  }

  /** restassign / assignment, iteratively, with the reference's depth accounting. */
  private assignment(first: Expr, st: Token): void {
    const targets: (NameExpr | IndexExpr)[] = [];
    let e = first;
    let extra = 0;
    for (;;) {
      if (e.kind !== 'Name' && e.kind !== 'Index') {
        this.softError(this.error('syntax error'));
      } else {
        if (this.is54) this.checkReadonly(e);
        targets.push(e);
      }
      if (!this.testnext(0x2c)) break;
      const nv = this.suffixedexp();
      const nvars = targets.length;
      if (this.is54) {
        extra++;
        this.enterLevel();
      } else if (this.is53) {
        if (nvars + this.nCcalls > LUAI_MAXCCALLS) throw this.errorlimit(this.fs, LUAI_MAXCCALLS, 'C levels');
      } else {
        const limit = LUAI_MAXCCALLS - this.nCcalls;
        if (nvars > limit) throw this.errorlimit(this.fs, limit, 'variables in assignment');
      }
      e = nv;
    }
    this.checknext(0x3d);
    const values = this.explist();
    if (values.length !== targets.length) this.adjustAssign(targets.length, values.length, values[values.length - 1], true);
    this.nCcalls -= extra;
    for (const t of targets) if (t.kind === 'Name' && t.variable) t.variable.assigned = true;
    this.stats.push({ kind: 'Assign', targets, values, line: st.line, column: st.column });
  }

  // ------------------------------------------------------------ expressions

  private expr(): Expr {
    return this.subexpr(0);
  }

  private explist(): Expr[] {
    const list = [this.expr()];
    while (this.testnext(0x2c)) {
      this.reserve(1);
      list.push(this.expr());
    }
    return list;
  }

  private subexpr(limit: number): Expr {
    this.enterLevel();
    const is54 = this.is54;
    let v: Expr;
    let vf: Fold = OTHER;
    const t = this.lex.t;
    let uop: UnaryOp | null = null;
    switch (t.tok) {
      case TK_NOT: uop = 'not'; break;
      case 0x2d: uop = '-'; break;
      case 0x7e: if (!this.is51) uop = '~'; break;
      case 0x23: uop = '#'; break;
    }
    if (uop !== null) {
      this.next();
      const operand = this.subexpr(this.unaryPriority);
      v = { kind: 'Unary', op: uop, operand, line: t.line, column: t.column };
      if (is54) vf = foldUnary(uop, this.fold);
    } else {
      v = this.simpleexp();
      vf = this.fold;
    }
    v.lastLine = this.lex.lastline;
    let op = this.binops.get(this.lex.t.tok);
    while (op !== undefined && op.left > limit) {
      const opTok = this.lex.t;
      this.next();
      let lf = OTHER;
      if (is54) lf = foldInfix(op.op, vf);
      const right = this.subexpr(op.right);
      const nextop = this.lastOp;
      v = { kind: 'Binary', op: op.op, left: v, right, opLine: opTok.line, line: v.line, column: v.column, lastLine: this.lex.lastline };
      if (is54) vf = foldPosfix(op.op, lf, this.fold);
      op = nextop;
    }
    this.leaveLevel();
    this.lastOp = op;
    this.fold = vf;
    return v;
  }

  private simpleexp(): Expr {
    const t = this.lex.t;
    let e: Expr;
    switch (t.tok) {
      case TK_FLT:
        e = { kind: 'Float', value: t.value as number, line: t.line, column: t.column };
        this.fold = { k: FK_FLT, v: t.value, t: false, f: false };
        break;
      case TK_INT:
        e = { kind: 'Integer', value: t.value as bigint, line: t.line, column: t.column };
        this.fold = { k: FK_INT, v: t.value, t: false, f: false };
        break;
      case TK_STRING:
        e = { kind: 'String', value: t.value as string, line: t.line, column: t.column };
        this.fold = { k: FK_STR, v: t.value, t: false, f: false };
        break;
      case TK_NIL:
        e = { kind: 'Nil', line: t.line, column: t.column };
        this.fold = NIL_F;
        break;
      case TK_TRUE:
        e = { kind: 'True', line: t.line, column: t.column };
        this.fold = TRUE_F;
        break;
      case TK_FALSE:
        e = { kind: 'False', line: t.line, column: t.column };
        this.fold = FALSE_F;
        break;
      case TK_DOTS:
        if (!this.fs.node.isVararg) this.softError(this.error("cannot use '...' outside a vararg function"));
        this.fs.node.usesVararg = true;
        e = { kind: 'Vararg', line: t.line, column: t.column };
        this.fold = OTHER;
        break;
      case 0x7b: // '{'
        e = this.constructor_();
        this.fold = OTHER;
        return e;
      case TK_FUNCTION: {
        this.next();
        const func = this.body(false, this.lex.linenumber, t);
        this.fold = OTHER;
        return { kind: 'Function', func, line: t.line, column: t.column };
      }
      default:
        return this.suffixedexp();
    }
    this.next();
    return e;
  }

  private primaryexp(): Expr {
    const t = this.lex.t;
    switch (t.tok) {
      case 0x28: { // '('
        const line = this.lex.linenumber;
        this.next();
        const inner = this.expr();
        this.checkMatch(0x29, 0x28, line);
        return { kind: 'Paren', expr: inner, line: t.line, column: t.column };
      }
      case TK_NAME:
        this.next();
        return this.singlevar(t);
      default:
        throw this.error('unexpected symbol');
    }
  }

  private suffixedexp(): Expr {
    const line = this.lex.linenumber;
    const primary = this.primaryexp();
    const pf = this.fold;
    let v = primary;
    for (;;) {
      switch (this.lex.t.tok) {
        case 0x2e: // '.'
          v = this.fieldsel(v);
          break;
        case 0x5b: { // '['
          this.next();
          const key = this.expr();
          this.checknext(0x5d);
          v = { kind: 'Index', object: v, key, dot: false, line: v.line, column: v.column, lastLine: this.lex.lastline };
          break;
        }
        case 0x3a: { // ':'
          this.next();
          const nt = this.strCheckname();
          const base = this.fs.freereg;
          this.reserve(2);
          const args = this.funcargs(line);
          this.fs.freereg = base;
          const m: MethodCallExpr = { kind: 'MethodCall', object: v, method: nt.value as string, methodLine: nt.line, args, line: v.line, column: v.column, lastLine: this.lex.lastline };
          v = m;
          break;
        }
        case 0x28: case TK_STRING: case 0x7b: {
          const base = this.fs.freereg;
          this.reserve(1);
          const args = this.funcargs(line);
          this.fs.freereg = base;
          const c: CallExpr = { kind: 'Call', callee: v, args, line: v.line, column: v.column, lastLine: this.lex.lastline };
          v = c;
          break;
        }
        default:
          this.fold = v === primary ? pf : OTHER;
          return v;
      }
    }
  }

  private fieldsel(v: Expr): IndexExpr {
    this.next(); // skip the dot or colon
    const nt = this.strCheckname();
    const key: StringExpr = { kind: 'String', value: nt.value as string, line: nt.line, column: nt.column };
    return { kind: 'Index', object: v, key, dot: true, line: v.line, column: v.column, lastLine: this.lex.lastline };
  }

  private funcargs(line: number): Expr[] {
    const t = this.lex.t;
    switch (t.tok) {
      case 0x28: { // '('
        if (this.is51) {
          line = this.lex.linenumber;
          if (line !== this.lex.lastline) this.softError(this.error('ambiguous syntax (function call x new statement)'));
        }
        this.next();
        let args: Expr[] = [];
        if (this.lex.t.tok !== 0x29) args = this.explist();
        this.checkMatch(0x29, 0x28, line);
        const last = args[args.length - 1];
        if (last !== undefined && last.kind !== 'Call' && last.kind !== 'MethodCall' && last.kind !== 'Vararg') this.reserve(1);
        return args;
      }
      case 0x7b:
        return [this.constructor_()];
      case TK_STRING:
        this.next();
        this.reserve(1);
        return [{ kind: 'String', value: t.value as string, line: t.line, column: t.column }];
      default:
        throw this.error('function arguments expected');
    }
  }

  private constructor_(): Expr {
    const t = this.lex.t;
    const line = this.lex.linenumber;
    const items: TableItem[] = [];
    const base = this.fs.freereg;
    this.reserve(1);
    this.checknext(0x7b);
    do {
      if (this.lex.t.tok === 0x7d) break;
      const ft = this.lex.t;
      switch (ft.tok) {
        case TK_NAME:
          if (this.lex.lookahead() !== 0x3d) items.push({ kind: 'Positional', value: this.expr(), line: ft.line, column: ft.column });
          else items.push(this.recfield());
          break;
        case 0x5b:
          items.push(this.recfield());
          break;
        default:
          items.push({ kind: 'Positional', value: this.expr(), line: ft.line, column: ft.column });
      }
    } while (this.testnext(0x2c) || this.testnext(0x3b));
    this.checkMatch(0x7d, 0x7b, line);
    this.fs.freereg = base;
    return { kind: 'Table', items, line: t.line, column: t.column };
  }

  private recfield(): TableItem {
    const ft = this.lex.t;
    let key: Expr;
    if (ft.tok === TK_NAME) {
      this.next();
      key = { kind: 'String', value: ft.value as string, line: ft.line, column: ft.column };
    } else {
      this.next();
      key = this.expr();
      this.checknext(0x5d);
    }
    this.checknext(0x3d);
    const value = this.expr();
    return { kind: 'Keyed', key, value, line: ft.line, column: ft.column };
  }

  // ------------------------------------------------------------ main

  parseChunk(): Chunk {
    const lex = this.lex;
    const fs = this.openFunc(1, 1, 0);
    const main = fs.node;
    main.isVararg = true;
    this.env = {
      name: '_ENV', attrib: null, func: main, id: 0, line: 0, column: 0, captured: false, assigned: false, role: 'env',
    };
    if (!this.is51) {
      fs.ups.push({ name: '_ENV', kind: VDKREG, v: this.env });
      main.upvalues.push(this.env);
    }
    const bodyNode: Block = { kind: 'Block', body: [], variables: [], endLine: 0, line: 1, column: 1 };
    main.body = bodyNode;
    this.enterblock(false, bodyNode);
    lex.next();
    bodyNode.line = lex.t.line;
    bodyNode.column = lex.t.column;
    this.statlistInto(bodyNode);
    if (this.diags === null) {
      this.check(TK_EOS);
    } else {
      while (lex.t.tok !== TK_EOS) { // recovering: statements after a 'return'
        this.softError(this.errorExpected(TK_EOS));
        this.statlistInto(bodyNode);
      }
    }
    main.endLine = lex.linenumber;
    main.lastTokenLine = lex.lastline;
    this.closeFunc0();
    return { kind: 'Chunk', chunkName: lex.chunkName, dialect: this.dialect, main, env: this.env, uses: lex.uses };
  }

  private closeFunc0(): void {
    this.leaveblock();
  }

  // ------------------------------------------------------------ error recovery
  //
  // check() wants every error it can find. parseRecovering() runs the same
  // parser with `diags` set: the first error is found exactly as parse()
  // finds it (nothing differs until then), and instead of ending the parse
  // it is recorded and the parser recovers, panic-mode style:
  //
  // - Lexical errors are recorded by the lexer, which goes on scanning.
  // - Errors that leave the parse in a sane state (scope and goto errors, a
  //   lone expression used as a statement...) are recorded where they are
  //   detected (softError) and parsing goes on.
  // - Any other error unwinds to the innermost statement list (statlistR),
  //   which restores the state it had before the failed statement. The
  //   constructs the failed statement had opened and not closed (a 'function',
  //   'if', 'do', loops) are found by scanning its tokens again; they are
  //   reopened as synthetic blocks so that the statements of their bodies
  //   still get parsed and their 'end' closes them. Tokens are then skipped
  //   up to one that can start a statement (a statement keyword, or a name or
  //   '(' that starts a line or follows ';' 'then' 'do' outside brackets, or
  //   a character that is no token at all) or close a block.
  // - A diagnostic is kept only if it is detected after the previous one (no
  //   second error at the same token), each limit error once, at most
  //   maxDiags in all; errors at the nesting limit end the whole check.

  /**
   * Parses the whole chunk, collecting diagnostics instead of throwing; at
   * most `max` of them. Throws only on an internal failure (the diagnostics
   * found until then are in `diagnostics`).
   */
  parseRecovering(max: number): RawDiagnostic[] {
    this.diags = [];
    this.limitsSeen = new Set();
    this.maxDiags = Math.max(1, max);
    this.lex.onError = (e, start, end) => this.report(e, start, end, end);
    try {
      this.parseChunk();
    } catch (e) {
      if (!(e instanceof CheckAborted)) throw e;
    }
    return this.diags;
  }

  /** The diagnostics collected by parseRecovering so far. */
  get diagnostics(): RawDiagnostic[] {
    return this.diags ?? [];
  }

  /** Records a diagnostic for [start, end), detected at offset `key`. */
  private report(e: LuaSyntaxError, start: number, end: number, key: number): void {
    const diags = this.diags!;
    const fatal = e === this.fatalError;
    const last = diags[diags.length - 1];
    // (two scope errors found at the same token are both kept)
    if (last === undefined || key > this.lastKey || (key === this.lastKey && key % 1 !== 0 && e.message !== last.error.message)) {
      let keep = true;
      if (LIMIT_REASON.test(e.reason)) {
        keep = !this.limitsSeen!.has(e.reason);
        this.limitsSeen!.add(e.reason);
      }
      if (keep) {
        // ranges start in order: an unfinished string after a bad escape in it starts after the escape
        const prev = diags[diags.length - 1];
        if (prev !== undefined && start < prev.start) {
          start = Math.max(prev.start, Math.min(prev.end, end));
          if (end < start) end = start;
        }
        this.lastKey = key;
        diags.push({ error: e, start, end });
      }
    }
    if (fatal || diags.length >= this.maxDiags) throw new CheckAborted();
  }

  private snapshot(): Snapshot {
    const fs = this.fs;
    return {
      fs, bl: fs.bl, nactvar: fs.nactvar, nvars: fs.vars.length, nreg: fs.nreg, freereg: fs.freereg,
      nCcalls: this.nCcalls, stats: this.stats, nlabels: this.labels.length, ngotos: this.gotos.length,
    };
  }

  private restore(s: Snapshot): void {
    const fs = s.fs;
    this.fs = fs;
    fs.bl = s.bl;
    fs.nactvar = s.nactvar;
    if (fs.vars.length > s.nvars) fs.vars.length = s.nvars;
    fs.nreg = s.nreg;
    fs.freereg = s.freereg;
    this.nCcalls = s.nCcalls;
    this.stats = s.stats;
    // (truncateLabels keeps the by-name index in step: a stale entry there
    // would make a later goto find a label that is gone.)
    this.truncateLabels(s.nlabels);
    if (this.gotos.length > s.ngotos) this.gotos.length = s.ngotos;
  }

  /** The token after the current one. */
  private peek(): number {
    const ahead = this.lex.ahead;
    return ahead !== null ? ahead.tok : this.lex.lookahead();
  }

  /**
   * statlist (and 5.1's chunk) when recovering: the same loop (identical up
   * to the first error), each statement guarded.
   */
  private statlistR(): void {
    const rs: RecoveryState = { open: [], brackets: [] };
    const is51 = this.is51;
    if (is51) this.enterLevel();
    for (;;) {
      const t = this.lex.t;
      const tok = t.tok;
      if (tok === TK_EOS) break;
      if (tok === TK_END || tok === TK_ELSE || tok === TK_ELSEIF || tok === TK_UNTIL) {
        if (rs.open.length > 0) {
          this.closeSynth(rs);
          continue;
        }
        if (this.fs.prev !== null || this.fs.bl!.previous !== null) break; // the enclosing construct's
        // at the top level it closes nothing: what parseChunk would say
        this.softError(this.errorExpected(TK_EOS));
        this.strayCloser(rs);
        continue;
      }
      const snap = this.snapshot();
      try {
        if (is51) {
          const last = this.statement51();
          this.testnext(0x3b);
          this.fs.freereg = this.fs.nreg;
          if (last && rs.open.length === 0) break;
        } else {
          this.statement();
          if (tok === TK_RETURN && rs.open.length === 0) break;
        }
      } catch (e) {
        this.recover(e, snap, t, rs);
      }
    }
    const open = rs.open;
    if (open.length > 0) {
      // at the end of the source: say what the innermost construct misses
      let top: Synth | undefined;
      for (let i = open.length - 1; i >= 0 && top === undefined; i--) if (!open[i]!.header) top = open[i];
      if (top !== undefined) this.softError(this.missingCloser(top));
      this.restore(open[0]!.snap);
      this.synthDepth -= open.length;
      open.length = 0;
    }
    if (is51) this.leaveLevel();
  }

  /** check_match's error for a synthetic construct that the current token does not close. */
  private missingCloser(s: Synth): LuaSyntaxError {
    const what = s.tok === TK_REPEAT ? TK_UNTIL : TK_END;
    if (s.line === this.lex.linenumber) return this.errorExpected(what);
    return this.error(`${this.tq(what)} expected (to close ${this.tq(s.tok)} at line ${s.line})`);
  }

  /** Parses `fn` (a piece of a synthetic construct) with the same recovery as a statement. */
  private unit(fn: () => void, rs: RecoveryState): void {
    const t = this.lex.t;
    const snap = this.snapshot();
    try {
      fn();
    } catch (e) {
      this.recover(e, snap, t, rs);
    }
  }

  /** A statement starting at token `st` failed with `e`: record it, restore, resynchronise. */
  private recover(e: unknown, snap: Snapshot, st: Token, rs: RecoveryState): void {
    if (!(e instanceof LuaSyntaxError)) throw e;
    const et = this.lex.t;
    this.report(e, et.start, et.end, et.start); // ends the parse after a fatal error
    this.restore(snap);
    if (et.tok === TK_EOS) return;
    if (et !== st) this.reopen(st, et, rs);
    this.skip(rs, et === st ? SKIP_FIRST : AT_ERROR);
  }

  /**
   * Scans the tokens of a failed statement again, from its first token `st`
   * to the one it failed at, and reopens the constructs left open (and
   * brackets left unclosed).
   */
  private reopen(st: Token, et: Token, rs: RecoveryState): void {
    const lx = new Lexer(this.lex.src, this.lex.chunkName, this.dialect);
    lx.onError = ignoreError;
    lx.seek(st.start, st.line);
    const stack: { tok: number; line: number; header: boolean; expr: boolean; depth: number }[] = [];
    const br = rs.brackets.slice();
    const base0 = br.length;
    let prev = 0;
    for (;;) {
      lx.next();
      const t = lx.t;
      const tok = t.tok;
      const end = tok === TK_EOS || t.start >= et.start;
      if (prev === TK_FUNCTION) {
        // A function not followed by its name is an expression; one with a
        // name inside brackets is junk (with no body to come).
        const top = stack[stack.length - 1]!;
        const named = (end ? et.tok : tok) === TK_NAME;
        top.expr = !named;
        if (named && top.depth > base0) stack.pop();
      }
      if (end) break;
      prev = tok;
      switch (tok) {
        case TK_FUNCTION: case TK_IF: case TK_REPEAT:
          stack.push({ tok, line: t.line, header: false, expr: false, depth: br.length });
          break;
        case TK_WHILE: case TK_FOR:
          stack.push({ tok, line: t.line, header: true, expr: false, depth: br.length });
          break;
        case TK_DO: {
          const top = stack[stack.length - 1];
          if (top !== undefined && top.header) top.header = false;
          else stack.push({ tok, line: t.line, header: false, expr: false, depth: br.length });
          break;
        }
        case TK_END: case TK_UNTIL: {
          const top = stack.pop();
          if (top !== undefined) br.length = top.depth;
          break;
        }
        case 0x28: case 0x5b: case 0x7b:
          br.push(tok);
          break;
        case 0x29: case 0x5d: case 0x7d: {
          const top = stack[stack.length - 1];
          if (br.length > (top !== undefined ? top.depth : base0) && br[br.length - 1] === opening(tok)) br.pop();
          break;
        }
      }
    }
    for (const o of stack) {
      rs.brackets.length = o.depth;
      this.openSynth(o.tok, o.line, o.header, o.expr, rs);
    }
    rs.brackets = br;
  }

  /** Opens a synthetic construct (the parse goes on in its body). */
  private openSynth(tok: number, line: number, header: boolean, expr: boolean, rs: RecoveryState): void {
    if (this.synthDepth >= MAX_SYNTH) return;
    this.synthDepth++;
    const s: Synth = { tok, line, header, expr, depth: rs.brackets.length, snap: this.snapshot() };
    rs.open.push(s);
    if (header) return; // a loop whose 'do' is still to come
    if (tok === TK_FUNCTION) {
      const fs = this.openFunc(line, 0, line);
      fs.node.isVararg = true;
      const body = this.newBlockNode();
      fs.node.body = body;
      this.enterblock(false, body);
    } else {
      this.enterblock(tok === TK_WHILE || tok === TK_FOR || tok === TK_REPEAT, null);
    }
  }

  /** Closes the innermost synthetic construct (at its 'end' or 'until'). */
  private popSynth(rs: RecoveryState): Synth {
    const s = rs.open.pop()!;
    this.synthDepth--;
    if (rs.brackets.length > s.depth) rs.brackets.length = s.depth;
    if (s.header) return s;
    try {
      if (s.tok === TK_FUNCTION) this.closeFunc();
      else this.leaveblock();
    } finally {
      this.restore(s.snap);
    }
    return s;
  }

  /**
   * A block-closing token that closes nothing (at the top level): skipped,
   * with the condition after an 'elseif' or 'until'; an 'else' or 'elseif'
   * opens an 'if' (whose first line must have been lost) for its 'end'.
   */
  private strayCloser(rs: RecoveryState): void {
    const t = this.lex.t;
    this.next();
    if (t.tok === TK_END) return;
    if (t.tok !== TK_UNTIL) this.openSynth(TK_IF, t.line, false, false, rs);
    if (t.tok === TK_ELSE) return;
    this.unit(() => { this.expr(); if (t.tok === TK_ELSEIF) this.checknext(TK_THEN); }, rs);
  }

  /** A block-closing token while synthetic constructs are open. */
  private closeSynth(rs: RecoveryState): void {
    const tok = this.lex.t.tok;
    const top = rs.open[rs.open.length - 1]!;
    // a closer that does not fit: what check_match would say
    if (!top.header && (tok === TK_END ? top.tok === TK_REPEAT : tok === TK_UNTIL ? top.tok !== TK_REPEAT : top.tok !== TK_IF)) {
      this.softError(this.missingCloser(top));
    }
    switch (tok) {
      case TK_END: {
        const s = this.popSynth(rs);
        this.next();
        // the rest of the expression the function was in is skipped
        if (s.expr) this.skip(rs, RESUME);
        return;
      }
      case TK_UNTIL:
        this.popSynth(rs);
        this.next();
        this.unit(() => { this.expr(); }, rs);
        return;
      case TK_ELSE:
        this.next();
        return;
      default: // TK_ELSEIF
        this.next();
        this.unit(() => { this.expr(); this.checknext(TK_THEN); }, rs);
    }
  }

  /** Whether `c` is a single-character token of the dialect. */
  private validChar(c: number): boolean {
    return VALID_CHARS.includes(String.fromCharCode(c)) && (!this.is51 || (c !== 0x26 && c !== 0x7c && c !== 0x7e));
  }

  /**
   * Panic mode: skips tokens up to one that can start a statement or closes
   * a block. `how`: SKIP_FIRST when the current token failed to start a
   * statement, AT_ERROR when a statement failed at the current token (if it
   * starts a line, it may well start the next statement: the failed one was
   * probably left unfinished), RESUME to go on skipping.
   */
  private skip(rs: RecoveryState, how: number): void {
    const mustSkip = how === SKIP_FIRST;
    const lex = this.lex;
    const open = rs.open;
    let boundary = false;
    for (let first = true; ; first = false) {
      const t = lex.t;
      const tok = t.tok;
      const top = open[open.length - 1];
      const base = top !== undefined ? top.depth : 0;
      switch (tok) {
        case TK_END: {
          // 'end,' or 'end}' in a table constructor: the end of a function
          // whose header was lost; junk
          const br = rs.brackets;
          if (br.length > base && br[br.length - 1] === 0x7b) {
            const nt = this.peek();
            if (nt === 0x2c || nt === 0x3b || nt === 0x7d) break;
          }
          return;
        }
        case TK_EOS: case TK_ELSE: case TK_ELSEIF: case TK_UNTIL:
          return;
        default:
          // a character that is no token anywhere: an error of its own (but
          // the bytes of a multi-byte UTF-8 character make only one)
          if (tok < FIRST_RESERVED && !(first && mustSkip) && !this.validChar(tok) && !(tok >= 0x80 && tok < 0xc0)) return;
          break;
        case TK_DO: case TK_IF: case TK_WHILE: case TK_FOR: case TK_REPEAT: case TK_FUNCTION: case TK_LOCAL:
        case TK_RETURN: case TK_BREAK: case TK_GOTO: case TK_DBCOLON: {
          if (tok === TK_DO && top !== undefined && top.header) {
            // the 'do' of a loop whose header failed: its body follows
            top.header = false;
            this.enterblock(true, null);
            rs.brackets.length = base;
            lex.next();
            boundary = true;
            continue;
          }
          if (first && mustSkip && tok !== TK_FUNCTION) break;
          // Statements start here, but not inside brackets in the middle of a line
          const ok = rs.brackets.length <= base || t.line > lex.lastline;
          if (tok === TK_FUNCTION ? ok && !(first && mustSkip) && this.peek() === TK_NAME : ok) {
            rs.brackets.length = base;
            return;
          }
          if (tok === TK_FUNCTION) {
            // a function in an expression: its body follows, up to its 'end'
            lex.next();
            this.openSynth(tok, t.line, false, true, rs);
            boundary = false;
            continue;
          }
          break; // a statement keyword inside brackets: junk
        }
        case TK_THEN:
          lex.next();
          boundary = top !== undefined && top.tok === TK_IF; // an if's body follows
          continue;
        case 0x3b:
          lex.next();
          boundary = true;
          continue;
        case TK_NAME: case 0x28:
          if (!(first && mustSkip)) {
            const startsLine = t.line > lex.lastline;
            // (where a statement failed at the start of a line, the next
            // statement may start there, a ')' or ']' having been forgotten;
            // not in a table, where lines are fields)
            const br = rs.brackets;
            if ((br.length <= base && (boundary || startsLine)) ||
              (first && how === AT_ERROR && startsLine && br[br.length - 1] !== 0x7b)) {
              rs.brackets.length = base;
              return;
            }
          }
          if (tok === 0x28) rs.brackets.push(tok);
          break;
        case 0x5b: case 0x7b:
          rs.brackets.push(tok);
          break;
        case 0x29: case 0x5d: case 0x7d: {
          const br = rs.brackets;
          if (br.length > base && br[br.length - 1] === opening(tok)) br.pop();
          break;
        }
      }
      lex.next();
      boundary = false;
    }
  }
}

/** The bracket that `tok` (')', ']' or '}') closes. */
function opening(tok: number): number {
  return tok === 0x29 ? 0x28 : tok - 2; // ']' - 2 = '[', '}' - 2 = '{'
}

/** Thrown to end a recovering parse (too many diagnostics, or a fatal one). */
class CheckAborted {}

function ignoreError(): void { /* errors of a rescan were reported already */ }

/** Errors about the implementation's limits: each is reported once per chunk. */
const LIMIT_REASON = /^too many |has more than |too complex|needs too many registers/;

/** The single-character tokens (5.1 lacks '&', '|' and '~'). */
const VALID_CHARS = '+-*/%^#&~|<>=(){}[];:,.';

/** Bound on the synthetic constructs open at a time. */
const MAX_SYNTH = 100;

/** A diagnostic found by parseRecovering: the error and the source range at fault. */
export interface RawDiagnostic { error: LuaSyntaxError; start: number; end: number }

interface Snapshot {
  fs: FuncState; bl: BlockCnt | null; nactvar: number; nvars: number; nreg: number; freereg: number;
  nCcalls: number; stats: Stat[]; nlabels: number; ngotos: number;
}

/**
 * A construct reopened by recovery. `header`: a loop whose 'do' has not been
 * seen; `expr`: a function in an expression (skipping goes on after its
 * 'end'); `depth`: how many brackets were open outside it.
 */
interface Synth { tok: number; line: number; header: boolean; expr: boolean; depth: number; snap: Snapshot }

// how skip() starts
const SKIP_FIRST = 0, AT_ERROR = 1, RESUME = 2;

interface RecoveryState {
  open: Synth[];
  /** Brackets open (in the text being skipped): '(', '[' or '{'. */
  brackets: number[];
}

interface Pos2 { line: number; column: number }

