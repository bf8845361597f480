// The typed syntax tree produced by the parser.
//
// Every node carries the line and column (both 1-based) where it starts.
// Strings are byte strings: each UTF-16 code unit of a JS string holds one
// byte (0..255), so Lua's 8-bit-clean strings survive unchanged.
//
// Scope analysis is done by the parser itself (as lparser.c does), so that
// errors such as `attempt to assign to const variable` come out in the same
// order as the reference. Every Name node is already resolved when the tree
// is returned.

export type Dialect = '5.1' | '5.3' | '5.4';

export interface Pos {
  line: number;
  column: number;
  /**
   * Expressions parsed by subexpr: the line of their last token, where
   * lcode.c emits the instruction that finally evaluates them (line hooks).
   */
  lastLine?: number;
}

// ---------------------------------------------------------------- variables

export type Attrib = 'const' | 'close' | null;

/** A local variable (or parameter, or loop control variable) declaration. */
export interface Variable {
  name: string;
  attrib: Attrib;
  /** The function this variable belongs to. */
  func: FunctionNode;
  /** Unique within the chunk; handy for naming generated JS variables. */
  id: number;
  /** Where it is declared. */
  line: number;
  column: number;
  /** True if some inner function refers to it (it becomes an upvalue). */
  captured: boolean;
  /** True if it is assigned after its declaration. */
  assigned: boolean;
  /**
   * For `<const>` locals initialised with a constant expression (nil,
   * booleans, numbers, strings): that value, which the compiler may fold.
   * Mirrors lparser.c's compile-time constants.
   */
  constValue?: ConstantExpr;
  /** Parameters, the implicit `self`, loop variables and `_ENV` are marked. */
  role: 'local' | 'param' | 'self' | 'for' | 'env' | 'vararg';
}

// -------------------------------------------------------------- expressions

export interface NilExpr extends Pos { kind: 'Nil' }
export interface TrueExpr extends Pos { kind: 'True' }
export interface FalseExpr extends Pos { kind: 'False' }
export interface VarargExpr extends Pos { kind: 'Vararg' }
/** An integer literal: always within 64-bit two's complement. */
export interface IntegerExpr extends Pos { kind: 'Integer'; value: bigint }
export interface FloatExpr extends Pos { kind: 'Float'; value: number }
export interface StringExpr extends Pos { kind: 'String'; value: string }

export type ConstantExpr = NilExpr | TrueExpr | FalseExpr | IntegerExpr | FloatExpr | StringExpr;

/**
 * A name that refers to a local, an upvalue or a global. A global `x` is
 * `_ENV.x`, where `env` is the `_ENV` variable in scope (the chunk's implicit
 * one unless the program declares its own).
 */
export interface NameExpr extends Pos {
  kind: 'Name';
  name: string;
  /** The local or upvalue this name denotes, or null for a global. */
  variable: Variable | null;
  /** For globals: the `_ENV` variable through which the global is reached. */
  env: Variable | null;
  /** True when `variable` (or `env` for globals) belongs to an outer function. */
  isUpvalue: boolean;
}

export interface IndexExpr extends Pos {
  kind: 'Index';
  object: Expr;
  key: Expr;
  /** True for the `a.b` form (key is a String node). */
  dot: boolean;
}

export interface CallExpr extends Pos {
  kind: 'Call';
  callee: Expr;
  args: Expr[];
}

export interface MethodCallExpr extends Pos {
  kind: 'MethodCall';
  object: Expr;
  method: string;
  /** Line of the method's name (where lua puts its SELF instruction). */
  methodLine: number;
  args: Expr[];
}

export interface FunctionExpr extends Pos {
  kind: 'Function';
  func: FunctionNode;
}

export type TableItem =
  | { kind: 'Positional'; value: Expr; line: number; column: number }
  | { kind: 'Keyed'; key: Expr; value: Expr; line: number; column: number };

export interface TableExpr extends Pos {
  kind: 'Table';
  items: TableItem[];
}

export type BinaryOp =
  | '+' | '-' | '*' | '/' | '//' | '%' | '^' | '..'
  | '==' | '~=' | '<' | '<=' | '>' | '>='
  | 'and' | 'or'
  | '&' | '|' | '~' | '<<' | '>>';

export interface BinaryExpr extends Pos {
  kind: 'Binary';
  op: BinaryOp;
  left: Expr;
  right: Expr;
  /** Line of the operator token (lua5.4 reports arithmetic errors there). */
  opLine: number;
}

export type UnaryOp = '-' | 'not' | '#' | '~';

export interface UnaryExpr extends Pos {
  kind: 'Unary';
  op: UnaryOp;
  operand: Expr;
}

/** `(e)`: truncates multiple results to one. */
export interface ParenExpr extends Pos {
  kind: 'Paren';
  expr: Expr;
}

export type Expr =
  | NilExpr | TrueExpr | FalseExpr | VarargExpr
  | IntegerExpr | FloatExpr | StringExpr
  | NameExpr | IndexExpr | CallExpr | MethodCallExpr
  | FunctionExpr | TableExpr | BinaryExpr | UnaryExpr | ParenExpr;

// --------------------------------------------------------------- statements

export interface LocalStat extends Pos {
  kind: 'Local';
  variables: Variable[];
  values: Expr[];
}

export interface AssignStat extends Pos {
  kind: 'Assign';
  targets: (NameExpr | IndexExpr)[];
  values: Expr[];
}

export interface CallStat extends Pos {
  kind: 'CallStat';
  call: CallExpr | MethodCallExpr;
}

export interface DoStat extends Pos {
  kind: 'Do';
  body: Block;
}

export interface WhileStat extends Pos {
  kind: 'While';
  condition: Expr;
  body: Block;
}

/** `repeat body until condition`; the condition sees the body's locals. */
export interface RepeatStat extends Pos {
  kind: 'Repeat';
  body: Block;
  condition: Expr;
}

export interface IfStat extends Pos {
  kind: 'If';
  /** thenLine: line of the `then` token (where lua places the test's jump). */
  clauses: { condition: Expr; body: Block; line: number; column: number; thenLine: number }[];
  orelse: Block | null;
}

export interface NumericForStat extends Pos {
  kind: 'NumericFor';
  variable: Variable;
  start: Expr;
  limit: Expr;
  step: Expr | null;
  body: Block;
}

export interface GenericForStat extends Pos {
  kind: 'GenericFor';
  variables: Variable[];
  /** The explist after `in`, adjusted at run time to the iterator function, state, control and closing values. */
  exprs: Expr[];
  body: Block;
}

/** `function a.b.c:m() end`, `function f() end`. */
export interface FunctionStat extends Pos {
  kind: 'FunctionStat';
  /** The assignment target: a Name, or an Index chain ending in the method/field. */
  target: NameExpr | IndexExpr;
  /** True for `a:m` (the function got an implicit `self` parameter). */
  isMethod: boolean;
  func: FunctionNode;
}

export interface LocalFunctionStat extends Pos {
  kind: 'LocalFunction';
  variable: Variable;
  func: FunctionNode;
}

export interface ReturnStat extends Pos {
  kind: 'Return';
  values: Expr[];
}

export interface BreakStat extends Pos {
  kind: 'Break';
}

export interface GotoStat extends Pos {
  kind: 'Goto';
  label: string;
  /** The label this goto jumps to, resolved by the parser. */
  target: LabelStat | null;
}

export interface LabelStat extends Pos {
  kind: 'Label';
  name: string;
}

export type Stat =
  | LocalStat | AssignStat | CallStat | DoStat | WhileStat | RepeatStat
  | IfStat | NumericForStat | GenericForStat | FunctionStat | LocalFunctionStat
  | ReturnStat | BreakStat | GotoStat | LabelStat;

export interface Block extends Pos {
  kind: 'Block';
  body: Stat[];
  /** Locals declared directly in this block, in order. */
  variables: Variable[];
  /** Line of the token that ends the block (`end`, `until`, `else`, eof). */
  endLine: number;
}

// ---------------------------------------------------------------- functions

export interface FunctionNode extends Pos {
  kind: 'FunctionNode';
  /** Parameters in order; for methods the first is the implicit `self`. */
  params: Variable[];
  isVararg: boolean;
  /**
   * 5.1's `arg` local of a vararg function (LUA_COMPAT_VARARG): declared
   * after the parameters; it holds the extra arguments as a table (with
   * `n`) when the body never uses `...`, and nil when it does.
   */
  argVar?: Variable;
  /** The body uses `...` (5.1: then `arg` is nil). */
  usesVararg?: boolean;
  body: Block;
  /** The enclosing function, or null for the main chunk. */
  parent: FunctionNode | null;
  /** Variables of outer functions this function refers to, in first-use order. */
  upvalues: Variable[];
  /** Line of the closing `end` (the last line for the main chunk). */
  endLine: number;
  /** Main chunk: line of its last token, where lua places its final return. */
  lastTokenLine?: number;
  /** True when the body contains a `goto` or label. */
  hasGoto: boolean;
  /**
   * Where its text is in the chunk source: from the `(` of its parameters
   * (at `line`) to the end of its `end` (string.dump of a single function).
   */
  span?: { start: number; end: number; line: number; isMethod: boolean };
  /** It (or a function inside it) uses a compile-time constant of an enclosing function. */
  usesOuterConst?: boolean;
}

/** The result of parsing a chunk: the main function (vararg, one upvalue `_ENV`). */
export interface Chunk {
  kind: 'Chunk';
  chunkName: string;
  dialect: Dialect;
  main: FunctionNode;
  /** The chunk's implicit `_ENV` upvalue. */
  env: Variable;
  /**
   * What its code (names and strings, not comments) says it may do that the
   * compiler must know in advance: USES_DEBUG (`getlocal`, `setlocal`,
   * `sethook`), USES_COLLECTION (`collectgarbage` other than its "count"
   * and "isrunning" options); see lexer.ts.
   */
  uses: number;
}
