// lcode.c's constant folding and jump lists, as far as the reference's
// behaviour depends on them: the parser uses them for `<const>` locals
// (which values are compile-time constants), the code generator for error
// messages (an operand luac folded to a constant, or reached with no jump
// pending, is named after the expression that loaded it).
import type { BinaryOp, ConstantExpr, Expr, UnaryOp } from './ast.js';

// expression "kinds" as far as lcode.c's folding cares
export const FK_OTHER = 0, FK_NIL = 1, FK_TRUE = 2, FK_FALSE = 3, FK_INT = 4, FK_FLT = 5, FK_STR = 6;
/**
 * What luac knows of an expression: its kind (a constant's, or FK_OTHER), the
 * constant's value, and whether jumps are pending on its true list (`t`) or
 * its false list (`f`), as an expdesc's t and f.
 */
export interface Fold { readonly k: number; readonly v: bigint | number | string | null; readonly t: boolean; readonly f: boolean }
export const OTHER: Fold = { k: FK_OTHER, v: null, t: false, f: false };
export const NIL_F: Fold = { k: FK_NIL, v: null, t: false, f: false };
export const TRUE_F: Fold = { k: FK_TRUE, v: null, t: false, f: false };
export const FALSE_F: Fold = { k: FK_FALSE, v: null, t: false, f: false };

function isNumeral(f: Fold): boolean { return (f.k === FK_INT || f.k === FK_FLT) && !f.t && !f.f; }

function toInteger(f: Fold): bigint | null {
  if (f.k === FK_INT) return f.v as bigint;
  const x = f.v as number;
  if (Math.floor(x) !== x) return null;
  if (x >= -9223372036854775808 && x < 9223372036854775808) return BigInt(x);
  return null;
}
function toFloat(f: Fold): number { return f.k === FK_INT ? Number(f.v as bigint) : (f.v as number); }
const wrap = (x: bigint): bigint => BigInt.asIntN(64, x);
function shiftl(x: bigint, y: bigint): bigint {
  if (y < 0n) {
    if (y <= -64n) return 0n;
    return wrap(BigInt.asUintN(64, x) >> -y);
  }
  if (y >= 64n) return 0n;
  return wrap(x << y);
}

/** constfolding (lcode.c): the folded value, or null when lcode.c would not fold. */
function constFold(op: string, a: Fold, b: Fold): Fold | null {
  if (!isNumeral(a) || !isNumeral(b)) return null;
  switch (op) {
    case '&': case '|': case '~': case '<<': case '>>': case 'bnot': {
      const x = toInteger(a), y = toInteger(b);
      if (x === null || y === null) return null;
      let r: bigint;
      switch (op) {
        case '&': r = x & y; break;
        case '|': r = x | y; break;
        case '~': r = x ^ y; break;
        case '<<': r = shiftl(x, y); break;
        case '>>': r = shiftl(x, wrap(-y)); break;
        default: r = ~x;
      }
      return { k: FK_INT, v: wrap(r), t: false, f: false };
    }
    case '/': case '//': case '%':
      if (toFloat(b) === 0) return null;
  }
  let res: bigint | number;
  if (a.k === FK_INT && b.k === FK_INT && op !== '/' && op !== '^') {
    const x = a.v as bigint, y = b.v as bigint;
    switch (op) {
      case '+': res = wrap(x + y); break;
      case '-': res = wrap(x - y); break;
      case '*': res = wrap(x * y); break;
      case '//': {
        if (y === -1n) { res = wrap(-x); break; }
        let q = x / y;
        if ((x < 0n) !== (y < 0n) && x % y !== 0n) q -= 1n;
        res = wrap(q);
        break;
      }
      case '%': {
        if (y === -1n) { res = 0n; break; }
        let r = x % y;
        if (r !== 0n && (r < 0n) !== (y < 0n)) r += y;
        res = r;
        break;
      }
      case 'unm': res = wrap(-x); break;
      default: return null;
    }
  } else {
    const x = toFloat(a), y = toFloat(b);
    switch (op) {
      case '+': res = x + y; break;
      case '-': res = x - y; break;
      case '*': res = x * y; break;
      case '/': res = x / y; break;
      case '^': res = y === 2 ? x * x : Math.pow(x, y); break;
      case '//': res = Math.floor(x / y); break;
      case '%': {
        let m = x % y;
        if (m > 0 ? y < 0 : (m < 0 && y !== m)) m += y;
        res = m;
        break;
      }
      case 'unm': res = -x; break;
      default: return null;
    }
  }
  if (typeof res === 'bigint') return { k: FK_INT, v: res, t: false, f: false };
  if (Number.isNaN(res) || res === 0) return null;
  return { k: FK_FLT, v: res, t: false, f: false };
}

export function foldOfConst(c: ConstantExpr): Fold {
  switch (c.kind) {
    case 'Nil': return NIL_F;
    case 'True': return TRUE_F;
    case 'False': return FALSE_F;
    case 'Integer': return { k: FK_INT, v: c.value, t: false, f: false };
    case 'Float': return { k: FK_FLT, v: c.value, t: false, f: false };
    case 'String': return { k: FK_STR, v: c.value, t: false, f: false };
  }
}

/** luaK_prefix's folding of a unary operator on `f`. */
export function foldUnary(op: UnaryOp, f: Fold): Fold {
  switch (op) {
    case '-': return constFold('unm', f, { k: FK_INT, v: 0n, t: false, f: false }) ?? OTHER;
    case '~': return constFold('bnot', f, { k: FK_INT, v: 0n, t: false, f: false }) ?? OTHER;
    case 'not': {
      let k = FK_OTHER;
      switch (f.k) {
        case FK_NIL: case FK_FALSE: k = FK_TRUE; break;
        case FK_INT: case FK_FLT: case FK_STR: case FK_TRUE: k = FK_FALSE; break;
      }
      if (k === FK_OTHER) return OTHER;
      return { k, v: null, t: f.f, f: f.t };
    }
    default: return OTHER;
  }
}

/**
 * luaK_infix on the left operand `f`: `and` goes on when it is true, adding
 * a jump for false unless it is a true constant (luaK_goiftrue); `or` the
 * other way round (luaK_goiffalse).
 */
export function foldInfix(op: BinaryOp, f: Fold): Fold {
  if (op === 'and') return { k: f.k, v: f.v, t: false, f: f.f || !isTrueConstant(f) };
  if (op === 'or') return { k: f.k, v: f.v, t: f.t || !isFalseConstant(f), f: false };
  return f;
}

/** luaK_posfix: the result of `l op r`, `l` as foldInfix left it. */
export function foldPosfix(op: BinaryOp, l: Fold, r: Fold): Fold {
  switch (op) {
    case 'and':
      if (r.k === FK_OTHER) return OTHER;
      return { k: r.k, v: r.v, t: r.t, f: r.f || l.f };
    case 'or':
      if (r.k === FK_OTHER) return OTHER;
      return { k: r.k, v: r.v, t: r.t || l.t, f: r.f };
    case '+': case '-': case '*': case '/': case '//': case '%': case '^':
    case '&': case '|': case '~': case '<<': case '>>':
      return constFold(op, l, r) ?? OTHER;
    default:
      return OTHER;
  }
}

function isTrueConstant(f: Fold): boolean {
  return f.k === FK_INT || f.k === FK_FLT || f.k === FK_STR || f.k === FK_TRUE;
}

function isFalseConstant(f: Fold): boolean {
  return f.k === FK_NIL || f.k === FK_FALSE;
}

/**
 * What luac knows of expression `e` after parsing it. `fold51`, for Lua
 * 5.1's doubles: the value 5.1's lcode.c folds arithmetic to (its rules
 * differ: 1/0 is folded, 0.0 results are), instead of constFold's.
 */
export function foldExpr(e: Expr, fold51?: (e: Expr) => number | undefined): Fold {
  switch (e.kind) {
    case 'Nil': case 'True': case 'False': case 'Integer': case 'Float': case 'String':
      return foldOfConst(e);
    case 'Paren': return foldExpr(e.expr, fold51);
    case 'Name': return e.variable?.constValue ? foldOfConst(e.variable.constValue) : OTHER;
    case 'Unary':
      if (fold51 !== undefined && e.op !== 'not') return numberFold(fold51(e));
      return foldUnary(e.op, foldExpr(e.operand, fold51));
    case 'Binary':
      if (fold51 !== undefined && e.op !== 'and' && e.op !== 'or') return numberFold(fold51(e));
      return foldPosfix(e.op, foldInfix(e.op, foldExpr(e.left, fold51)), foldExpr(e.right, fold51));
    default: return OTHER;
  }
}

function numberFold(v: number | undefined): Fold {
  return v === undefined ? OTHER : { k: FK_FLT, v, t: false, f: false };
}

/**
 * Whether `X and e` (op 'and') or `X or e` (op 'or') leaves no jump from `x`
 * pending, given `x = foldExpr(X)`: then the value is e's alone, and luac's
 * messages name it as they name e. `and` needs a true constant with no
 * false jumps (its true jumps come here); `or` the converse.
 */
export function passesThrough(op: 'and' | 'or', x: Fold): boolean {
  return op === 'and' ? isTrueConstant(x) && !x.f : isFalseConstant(x) && !x.t;
}

/**
 * Lua 5.1's rule for the same question: its ldebug.c (symbexec) names the
 * last instruction that set the register on the path that takes every
 * forward jump. So `X or e` is named as e when that path out of X arrives
 * at e: X left through a false jump (patched to e's start), or as a nil or
 * false constant, which jumps nowhere. `X and e` the converse.
 */
export function reachesRight51(op: 'and' | 'or', left: Expr, fold51: (e: Expr) => number | undefined): boolean {
  const exit = exit51(left, fold51);
  if (exit === 'value') return op === 'and' ? isTrueConstant(foldExpr(left, fold51)) : isFalseConstant(foldExpr(left, fold51));
  return op === 'and' ? exit === 'true' : exit === 'false';
}

/** How 5.1's jump-taking path leaves `e`: through a true or a false jump, or with its value and no jump. */
function exit51(e: Expr, fold51: (e: Expr) => number | undefined): 'true' | 'false' | 'value' {
  while (e.kind === 'Paren') e = e.expr;
  if (e.kind !== 'Binary' || (e.op !== 'and' && e.op !== 'or')) return 'value';
  if (reachesRight51(e.op, e.left, fold51)) return exit51(e.right, fold51);
  return e.op === 'and' ? 'false' : 'true';
}

/**
 * What luac knows of `e` when it emits no code for it (a constant, or
 * operators on constants that it folds: `-1`, `2^53`, `nil or 1`, with
 * nothing evaluated at run time), else null. A constant result is not
 * enough: `(f() or 1) and 2` is 2 to luac, after calling f. One pass over
 * `e`, so that long operator chains stay linear.
 */
export function pureFold(e: Expr, fold51?: (e: Expr) => number | undefined): Fold | null {
  switch (e.kind) {
    case 'Nil': case 'True': case 'False': case 'Integer': case 'Float': case 'String': return foldOfConst(e);
    case 'Paren': return pureFold(e.expr, fold51);
    case 'Name': return e.variable?.constValue ? foldOfConst(e.variable.constValue) : null;
    case 'Unary': {
      if (fold51 !== undefined && e.op !== 'not') return constantOrNull(numberFold(fold51(e)));
      const f = pureFold(e.operand, fold51);
      return f === null ? null : constantOrNull(foldUnary(e.op, f));
    }
    case 'Binary': {
      if (e.op === 'and' || e.op === 'or') {
        // `1 or x` still tests 1 at run time; `1 and x`, `nil or x` do not.
        const l = pureFold(e.left, fold51);
        if (l === null || !passesThrough(e.op, l)) return null;
        const r = pureFold(e.right, fold51);
        return r === null ? null : constantOrNull(foldPosfix(e.op, foldInfix(e.op, l), r));
      }
      if (fold51 !== undefined) return constantOrNull(numberFold(fold51(e)));
      const l = pureFold(e.left, fold51);
      const r = l === null ? null : pureFold(e.right, fold51);
      return r === null ? null : constantOrNull(foldPosfix(e.op, l!, r));
    }
    default: return null;
  }
}

function constantOrNull(f: Fold): Fold | null {
  return f.k === FK_OTHER ? null : f;
}
