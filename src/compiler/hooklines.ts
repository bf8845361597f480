// The lines line hooks report inside a statement that spans several lines.
//
// lua5.4 fires a line event when the line of the next instruction differs
// from the last one's, and lcode.c gives each instruction the line of the
// last token read when it is emitted. Simple operands (globals, fields,
// constants) are emitted lazily: when an operator or the statement's end
// needs them in a register. So in
//
//     a = b[1]
//           + b[1]
//
// the first `b[1]` belongs to the `+` line, the second to its own, the
// addition to the `+` line again, and the store to `a` to the last line.
// Instrumented code follows this for assignments, locals and binary
// operators (compiler/codegen.ts); statements on one line need none of it.

import type { Expr, BinaryExpr, LocalStat, AssignStat, ReturnStat, TableExpr, IndexExpr, CallExpr, MethodCallExpr } from '../syntax/ast.js';

/** An operand lcode.c leaves undischarged until something needs its value. */
function isLazy(e: Expr): boolean {
  switch (e.kind) {
    case 'Index': case 'String': case 'Nil': case 'True': case 'False': return true;
    case 'Name': return e.variable === null || e.isUpvalue;
    default: return false;
  }
}

const FOLDABLE = new Set(['+', '-', '*', '/', '//', '%', '^', '&', '|', '~', '<<', '>>']);

/** Binary nodes already classified: long operator chains are asked about at every level. */
const numeralBinaries = new WeakMap<Expr, boolean>();

/** A numeral, or arithmetic lparser.c folds into one: no instruction of its own. */
function isNumeral(e: Expr): boolean {
  if (e.kind !== 'Binary') return isNumeralOperand(e);
  // Down the left spine first (a chain nests as deep as it is long), then
  // decide bottom-up, each node asking only about its memoised left operand.
  const spine: BinaryExpr[] = [];
  for (let x: Expr = e; x.kind === 'Binary' && !numeralBinaries.has(x); x = x.left) spine.push(x);
  for (let k = spine.length - 1; k >= 0; k--) numeralBinaries.set(spine[k]!, isNumeralOperand(spine[k]!));
  return numeralBinaries.get(e)!;
}

function isNumeralOperand(e: Expr): boolean {
  switch (e.kind) {
    case 'Integer': case 'Float': return true;
    case 'Paren': return isNumeral(e.expr);
    case 'Unary': return (e.op === '-' || e.op === '~') && isNumeral(e.operand);
    case 'Binary': {
      if (!FOLDABLE.has(e.op) || !isNumeral(e.right) || !isNumeral(e.left)) return false;
      // Division by an integer zero is left to run time.
      const r = e.right;
      return !((e.op === '//' || e.op === '%') && r.kind === 'Integer' && r.value === 0n);
    }
    default: return false;
  }
}

/** `..` moves even locals and constants to fresh registers. */
function isPlain(e: Expr): boolean {
  switch (e.kind) {
    case 'Name': case 'String': case 'Nil': case 'True': case 'False': case 'Integer': case 'Float': case 'Index': case 'Vararg':
      return true;
    default: return isNumeral(e);
  }
}

export function lastLineOf(e: Expr): number {
  return e.lastLine ?? e.line;
}

/**
 * The lines of a binary operation's instructions, in order: its left
 * operand's discharge (at the operator), its right operand's (at its last
 * token), and the operation itself. Null where there is no instruction, or
 * where the operand's own instructions carry the line.
 */
export function binaryLines(e: BinaryExpr): { left: number | null; right: number | null; op: number | null } {
  if (isNumeral(e)) return { left: null, right: null, op: null };
  const own = (o: Expr): number | null => (o.kind === 'Call' || o.kind === 'MethodCall' ? firstInstructionLine(o) : null);
  if (e.op === '..') {
    // A chain of `..` is one instruction, made at the innermost operator.
    const merged = e.right.kind === 'Binary' && e.right.op === '..';
    return {
      left: isPlain(e.left) ? e.opLine : own(e.left),
      right: isPlain(e.right) ? lastLineOf(e.right) : own(e.right),
      op: merged ? null : e.opLine,
    };
  }
  return {
    left: isLazy(e.left) ? e.opLine : own(e.left),
    right: isLazy(e.right) ? lastLineOf(e.right) : own(e.right),
    op: e.opLine,
  };
}

/** The line of the first instruction evaluating `e`, or null when it emits none before being discharged. */
export function firstInstructionLine(e: Expr): number | null {
  switch (e.kind) {
    case 'Name': case 'String': case 'Nil': case 'True': case 'False': case 'Integer': case 'Float':
      return null;
    case 'Index': case 'Call': case 'MethodCall': {
      // A chain of suffixes (`t.a[1]:m()(x)`) nests as deep as it is long:
      // down to its primary expression without recursing, then back out
      // until some suffix has an instruction of its own.
      const spine: SuffixExpr[] = [];
      let x: Expr = e;
      for (; x.kind === 'Index' || x.kind === 'Call' || x.kind === 'MethodCall'; x = suffixed(x)) spine.push(x);
      const inner = spine[spine.length - 1]!;
      // The object goes to a register before the key is read.
      let line = inner.kind === 'Index' && x.kind === 'Name' && x.variable !== null && !x.isUpvalue
        ? firstInstructionLine(inner.key)
        : firstInstructionLine(x) ?? suffixLine(inner);
      for (let k = spine.length - 2; k >= 0 && line === null; k--) line = suffixLine(spine[k]!);
      return line;
    }
    case 'Binary': {
      // The leftmost operand's instructions come first: walk down the chain
      // without recursing (it nests as deep as it is long).
      const spine: BinaryExpr[] = [];
      let x: Expr = e;
      for (; x.kind === 'Binary' && !isNumeral(x); x = x.left) spine.push(x);
      let line = x.kind === 'Binary' ? null : firstInstructionLine(x);
      for (let k = spine.length - 1; k >= 0 && line === null; k--) line = ownFirstLine(spine[k]!);
      return line;
    }
    case 'Unary':
      if (isNumeral(e)) return null;
      return firstInstructionLine(e.operand) ?? (isLazy(e.operand) ? lastLineOf(e) : e.line);
    case 'Paren':
      return firstInstructionLine(e.expr);
    case 'Function':
      // The closure is made once its body has been read.
      return e.func.endLine;
    default:
      return e.line;
  }
}

type SuffixExpr = IndexExpr | CallExpr | MethodCallExpr;

function suffixed(e: SuffixExpr): Expr {
  return e.kind === 'Call' ? e.callee : e.object;
}

/** The line of a suffix's first instruction when what it applies to has none. */
function suffixLine(e: SuffixExpr): number {
  switch (e.kind) {
    // The object (the called value) goes to a register at the last token
    // before the suffix (at the `(`).
    case 'Index': return lastLineOf(e.object);
    case 'Call': return lastLineOf(e.callee);
    case 'MethodCall': return e.methodLine;
  }
}

/** The first instruction of a binary operation whose left operand has none. */
function ownFirstLine(e: BinaryExpr): number | null {
  if (e.op === 'and' || e.op === 'or') return e.opLine;
  const l = binaryLines(e);
  return l.left ?? firstInstructionLine(e.right) ?? l.right ?? l.op ?? lastLineOf(e);
}

/** Whether its values end on a later line: then its hooks follow the instructions. */
export function spansLines(s: LocalStat | AssignStat): boolean {
  const last = s.values[s.values.length - 1];
  return last !== undefined && lastLineOf(last) !== s.line;
}

/** The line of the first instruction of a multi-line local or assignment. */
export function statementFirstLine(s: LocalStat | AssignStat): number {
  if (s.kind === 'Assign') {
    const t = s.targets[0]!;
    if (t.kind === 'Index') {
      const l = firstInstructionLine(t);
      if (l !== null) return l;
    }
  }
  const v = s.values[0]!;
  return firstInstructionLine(v) ?? lastLineOf(v);
}

/** Where an assignment's store instruction is: after its last value, unless the target is a register. */
export function storeLine(s: AssignStat): number | null {
  const t = s.targets[s.targets.length - 1]!;
  if (t.kind === 'Name' && t.variable !== null && !t.isUpvalue) return null;
  return lastLineOf(s.values[s.values.length - 1]!);
}


/**
 * The line of a `return`'s first instruction: its first value's, where that
 * value emits one; else the value moves to a register at the `,` after it, or
 * a lone value is returned in place by the return at its last token.
 */
export function returnFirstLine(s: ReturnStat): number {
  const v = s.values[0];
  if (v === undefined) return s.line;
  return firstInstructionLine(v) ?? lastLineOf(v);
}

/**
 * The lines of a call's arguments as lua's instructions carry them, or null
 * when they are all on the call's line. An argument's own instructions come
 * first; a value that has none is moved to its register at the `,` after it
 * (taken as its last line) or, the last one, at the `)`.
 */
export function argLines(args: Expr[], callLine: number, closeLine: number | undefined): number[] | null {
  const lines = args.map((a, i) => listItemLine(args, i, callLine, closeLine));
  return lines.every((l) => l === callLine) ? null : lines;
}

/** Where the instructions of item `i` of an argument list or a constructor's list part begin. */
function listItemLine(items: Expr[], i: number, openLine: number, closeLine: number | undefined): number {
  const a = items[i]!;
  // VARARG is emitted before its `...` is read: at the token before it.
  if (a.kind === 'Vararg') return i === 0 ? openLine : lastLineOf(items[i - 1]!);
  return firstInstructionLine(a) ?? (i < items.length - 1 ? lastLineOf(a) : closeLine ?? lastLineOf(a));
}

/**
 * A table constructor over several lines: where each item's instructions
 * begin, and the line of the final SETLIST (at the `}`, when there is a list
 * part), or null when it is all on one line. A `k = v` item is stored as soon
 * as its value is read; list items go to registers as args do.
 */
export function tableLines(e: TableExpr): { items: number[]; setlist: number | null } | null {
  const close = e.lastLine;
  const list = e.items.filter((i) => i.kind === 'Positional').map((i) => i.value);
  // A list item goes to its register when the next item of either kind
  // begins (lua's closelistfield), so its neighbours are all the items.
  const values = e.items.map((i) => i.value);
  const items = e.items.map((item, i) => {
    if (item.kind === 'Positional') return listItemLine(values, i, e.line, close);
    return firstInstructionLine(item.key) ?? firstInstructionLine(item.value) ?? lastLineOf(item.value);
  });
  const setlist = list.length > 0 ? close ?? lastLineOf(list[list.length - 1]!) : null;
  if (items.every((l) => l === e.line) && (setlist === null || setlist === e.line)) return null;
  return { items, setlist };
}
