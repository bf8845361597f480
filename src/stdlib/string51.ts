// The string library of Lua 5.1 (lstrlib.c of 5.1.5): positions and counts
// are C ints or ptrdiff_t cast from doubles; patterns have no %g class and
// are C strings (they end at a NUL); gmatch knows no anchor and, like gsub,
// takes an empty match right after a non-empty one; format is 5.1's
// (sprintf with the number cast to long, '%q' quoting only what the lexer
// needs, no '%a'); `gfind` is gmatch (LUA_COMPAT_GFIND). No pack/unpack,
// no arithmetic metamethods on strings (5.1's VM converts strings itself).

import { LuaTable } from '../runtime/table.js';
import { LuaError } from '../runtime/errors.js';
import { dumpFunction } from '../runtime/dump.js';
import type { LuaFunction } from '../runtime/trampoline.js';
import * as N from '../runtime/number.js';
import { LuaFloat, luaType, type LuaValue } from '../runtime/value.js';
import type { LuaState } from '../runtime/state.js';
import * as ops from './lauxlib.js';
import {
  argError, checkInt, checkNumber, checkString, luaError, setFuncs, toPtrdiff, typeError, type Args,
} from './lauxlib.js';
import { CTYPE, MatchState, PatternError, isDigitByte } from './lstrlib-pattern.js';
import { formatFloat, formatInt, parseSpec } from './string-format.js';
import { MAX_JS_STRING } from './string-pack.js';
import { StrBuf, fromByteCodes } from './strbuf.js';
import { openString } from './string.js';

// ------------------------------------------------------------ the matcher

const ALPHA = 1, CNTRL = 2, DIGIT = 4, LOWER = 16, PUNCT = 32, SPACE = 64, UPPER = 128, XDIGIT = 256;

/** match_class of 5.1: as 5.4's, without %g. */
function matchClass51(c: number, cl: number): boolean {
  let bit: number;
  switch (cl | 0x20) {
    case 97: bit = ALPHA; break; // a
    case 99: bit = CNTRL; break; // c
    case 100: bit = DIGIT; break; // d
    case 108: bit = LOWER; break; // l
    case 112: bit = PUNCT; break; // p
    case 115: bit = SPACE; break; // s
    case 117: bit = UPPER; break; // u
    case 119: bit = ALPHA | DIGIT; break; // w
    case 120: bit = XDIGIT; break; // x
    case 122: // z: the zero byte
      if (cl === 122) return c === 0;
      if (cl === 90) return c !== 0;
      return cl === c;
    default: return cl === c;
  }
  if (cl >= 97 && cl <= 122) return (CTYPE[c] & bit) !== 0;
  if (cl >= 65 && cl <= 90) return (CTYPE[c] & bit) === 0;
  return cl === c;
}

/** lstrlib's matcher with 5.1's classes and messages. */
class MatchState51 extends MatchState {
  protected override matchBracketClass(c: number, p: number, ec: number): boolean {
    const pat = this.pat;
    let sig = true;
    if (this.pc(p + 1) === 94) { sig = false; p++; }
    while (++p < ec) {
      const pcc = pat.charCodeAt(p);
      if (pcc === 37) {
        p++;
        if (matchClass51(c, this.pc(p))) return sig;
      } else if (this.pc(p + 1) === 45 && p + 2 < ec) {
        p += 2;
        if (pcc <= c && c <= pat.charCodeAt(p)) return sig;
      } else if (pcc === c) return sig;
    }
    return !sig;
  }

  protected override singleMatch(s: number, p: number, ep: number): boolean {
    if (s >= this.src.length) return false;
    const c = this.src.charCodeAt(s);
    const pcc = this.pat.charCodeAt(p);
    switch (pcc) {
      case 46: return true;
      case 37: return matchClass51(c, this.pc(p + 1));
      case 91: return this.matchBracketClass(c, p, ep - 1);
      default: return pcc === c;
    }
  }

  protected override matchBalance(s: number, p: number): number {
    if (p >= this.pEnd - 1) throw new PatternError('unbalanced pattern');
    return super.matchBalance(s, p);
  }

  protected override checkCapture(l: number): number {
    try {
      return super.checkCapture(l);
    } catch (e) {
      if (e instanceof PatternError) throw new PatternError('invalid capture index');
      throw e;
    }
  }

  override capture(i: number, s: number, e: number): string | number {
    if (i >= this.level && i !== 0) throw new PatternError('invalid capture index');
    return super.capture(i, s, e);
  }
}

/** The C string a Lua string is seen as: up to its first NUL. */
function cstr(s: string): string {
  const z = s.indexOf('\0');
  return z < 0 ? s : s.slice(0, z);
}

/** Run matcher code; its errors become Lua errors at the library function's level. */
function patternErrors<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof PatternError) luaError(e.message);
    throw e;
  }
}

const SPECIALS = '^$*+?.([%-';

/** strpbrk(p, SPECIALS) == NULL on the C string. */
function noSpecials51(p: string): boolean {
  for (let i = 0; i < p.length; i++) {
    const c = p.charAt(i);
    if (c === '\0') return true;
    if (SPECIALS.indexOf(c) >= 0) return false;
  }
  return true;
}

/** luaL_checkinteger of 5.1: (ptrdiff_t) of the number (huge values become -2^63). */
function checkPtrdiff(args: Args, i: number): number {
  const v = args[i];
  if (typeof v === 'number' && (v | 0) === v) return v;
  return toPtrdiff(checkNumber(args, i));
}

function optPtrdiff(args: Args, i: number, def: number): number {
  return args[i] === undefined ? def : checkPtrdiff(args, i);
}

/** posrelat of 5.1: a relative position, never below 0. */
function posrelat(pos: number, len: number): number {
  if (pos < 0) pos += len + 1;
  return pos >= 0 ? pos : 0;
}

function isNum(v: unknown): v is number | bigint | LuaFloat {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat;
}

// ---------------------------------------------------------- the functions

function str51_sub(...args: Args): string {
  const s = checkString(args, 0);
  const l = s.length;
  let start = posrelat(checkPtrdiff(args, 1), l);
  let end = posrelat(optPtrdiff(args, 2, -1), l);
  if (start < 1) start = 1;
  if (end > l) end = l;
  return start <= end ? s.slice(start - 1, end) : '';
}

function str51_byte(...args: Args): unknown {
  const s = checkString(args, 0);
  const l = s.length;
  let posi = posrelat(optPtrdiff(args, 1, 1), l);
  let pose = posrelat(args[2] === undefined ? posi : checkPtrdiff(args, 2), l);
  if (posi <= 0) posi = 1;
  if (pose > l) pose = l;
  if (posi > pose) return ops.EMPTY;
  const n = pose - posi + 1;
  if (n === 1) return s.charCodeAt(posi - 1);
  // luaL_checkstack: the results and the arguments within LUAI_MAXCSTACK.
  if (n + args.length > 8000) luaError('stack overflow (string slice too long)');
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = s.charCodeAt(posi - 1 + i);
  return out;
}

function str51_char(...args: Args): string {
  const n = args.length;
  const codes = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = checkInt(args, i);
    if ((c & 0xff) !== c) argError(i + 1, 'invalid value');
    codes[i] = c;
  }
  return fromByteCodes(codes);
}

function str51_rep(...args: Args): string {
  const s = checkString(args, 0);
  const n = checkInt(args, 1);
  if (n <= 0 || s.length === 0) return '';
  const total = n * s.length;
  if (total > MAX_JS_STRING) throw new LuaError('not enough memory');
  ops.building(total);
  const r = s.repeat(n);
  if (r.length >= 1024) r.charCodeAt(0);
  return r;
}

function str51_dump(...args: Args): string {
  if (typeof args[0] !== 'function') typeError(args, 0, 'function');
  const bytes = dumpFunction(args[0] as LuaFunction, false);
  if (bytes === undefined) luaError('unable to dump given function');
  return bytes;
}

// ------------------------------------------------------- find and match

function strFindAux51(args: Args, find: boolean): unknown {
  const s = checkString(args, 0);
  const p = checkString(args, 1);
  const l1 = s.length;
  let init = posrelat(optPtrdiff(args, 2, 1), l1) - 1;
  if (init < 0) init = 0;
  else if (init > l1) init = l1;
  if (find && ((args[3] !== undefined && args[3] !== false) || noSpecials51(p))) {
    const i = s.indexOf(p, init);
    return i < 0 ? undefined : [i + 1, i + p.length];
  }
  return patternErrors(() => {
    const pat = cstr(p);
    const ms = new MatchState51(s, pat);
    const anchor = pat.charCodeAt(0) === 94;
    const p0 = anchor ? 1 : 0;
    let s1 = init;
    do {
      ms.reset();
      const e = ms.match(s1, p0);
      if (e !== -1) {
        if (find) {
          const caps = ms.captures(-1, -1, false);
          return caps.length === 0 ? [s1 + 1, e] : [s1 + 1, e, ...caps];
        }
        const caps = ms.captures(s1, e, true);
        return caps.length === 1 ? caps[0] : caps;
      }
    } while (s1++ < l1 && !anchor);
    return undefined;
  });
}

function str51_find(...args: Args): unknown {
  return strFindAux51(args, true);
}

function str51_match(...args: Args): unknown {
  return strFindAux51(args, false);
}

function str51_gmatch(...args: Args): unknown {
  const s = checkString(args, 0);
  const p = cstr(checkString(args, 1));
  return gmatchIterator(s, p);
}

/** What a 5.1 gmatch iterator goes on from. */
interface Gmatch51State {
  s: string;
  ms: MatchState51;
  start: number;
  starts: ReturnType<MatchState51['startSet']>;
  lit: ReturnType<MatchState51['literalAnchor']>;
}

function gmatchIterator(s: string, p: string): unknown {
  const ms = new MatchState51(s, p);
  // Positions where no match can start are skipped as 5.4's gmatch does.
  const state: Gmatch51State = { s, ms, start: 0, starts: ms.startSet(0), lit: ms.literalAnchor(0) };
  // A thin closure around one named library function (see coroutine.ts's wrapped).
  const iter = function (): unknown {
    return gmatch51_aux(state);
  };
  (iter as { C?: { v: unknown }[] }).C = [{ v: s }, { v: p }, { v: undefined }];
  return iter;
}

/** The iterator: the next match from `st.start` (5.1's gmatch_aux, which may match the empty string after a match). */
function gmatch51_aux(st: Gmatch51State): unknown {
  return patternErrors(() => {
    const { s, ms, starts, lit } = st;
    const ls = s.length;
    for (let src = st.start; src <= ls; src++) {
      if (lit !== null) {
        const at = s.indexOf(lit.text, src + lit.offset);
        if (at < 0) break;
        if (at - lit.offset > src) src = at - lit.offset;
      } else if (starts !== null) {
        while (src < ls && starts[s.charCodeAt(src)] === 0) src++;
        if (src >= ls) break;
      }
      ms.reset();
      const e = ms.match(src, 0);
      if (e !== -1) {
        st.start = e === src ? e + 1 : e;
        const caps = ms.captures(src, e, true);
        return caps.length === 1 ? caps[0] : caps;
      }
    }
    return ops.EMPTY;
  });
}
ops.registerHostFunction(gmatch51_aux, '');

/** add_s of 5.1: '%' then a non-digit adds that byte (the terminating NUL after a final '%'). */
function addS51(ms: MatchState51, news: string, s: number, e: number): string {
  let out = '';
  const l = news.length;
  let run = 0;
  for (let i = 0; i < l; i++) {
    if (news.charCodeAt(i) !== 37) continue;
    out += news.slice(run, i);
    i++;
    const c = i < l ? news.charCodeAt(i) : 0;
    if (!isDigitByte(c)) out += String.fromCharCode(c);
    else if (c === 48) out += ms.src.slice(s, e);
    else {
      const cap = ms.capture(c - 49, s, e);
      out += typeof cap === 'number' ? N.tostringNumber(cap) : cap;
    }
    run = i + 1;
  }
  return run === 0 ? news : out + news.slice(run);
}

function str51_gsub(...args: Args): unknown {
  const src = checkString(args, 0);
  const p = cstr(checkString(args, 1));
  const tr = luaType(args[2]);
  const srcl = src.length;
  const maxS = args[3] === undefined ? srcl + 1 : checkInt(args, 3);
  const anchor = p.charCodeAt(0) === 94;
  const p0 = anchor ? 1 : 0;
  if (!(tr === 'number' || tr === 'string' || tr === 'function' || tr === 'table')) {
    argError(3, 'string/function/table expected');
  }
  const repl = args[2];
  const news = tr === 'string' ? (repl as string) : tr === 'number' ? N.tostringNumber(repl as number) : '';
  const ms = new MatchState51(src, p);
  const out = new StrBuf();
  let n = 0;
  let pos = 0;
  let copied = 0; // src[copied .. pos) still to be copied
  // Positions where no match can start are skipped as 5.4's gsub does.
  const starts = anchor ? null : ms.startSet(p0);
  return patternErrors(() => {
    while (n < maxS) {
      if (starts !== null) {
        while (pos < srcl && starts[src.charCodeAt(pos)] === 0) pos++;
        if (pos >= srcl) break;
      }
      ms.reset();
      const e = ms.match(pos, p0);
      if (e !== -1) {
        n++;
        if (copied < pos) out.add(src.slice(copied, pos));
        if (tr === 'string' || tr === 'number') out.add(addS51(ms, news, pos, e));
        else {
          let v: LuaValue;
          if (tr === 'function') v = ops.first(ops.call(repl, ...ms.captures(pos, e, true)));
          else v = ops.index(repl, ms.capture(0, pos, e));
          if (v === undefined || v === false) out.add(src.slice(pos, e));
          else if (typeof v === 'string') out.add(v);
          else if (isNum(v)) out.add(N.tostringNumber(v));
          else luaError(`invalid replacement value (a ${luaType(v)})`);
        }
        copied = e > pos ? e : pos;
      }
      if (e !== -1 && e > pos) pos = e;
      else if (pos < srcl) pos++;
      else break;
      if (anchor) break;
    }
    if (copied < srcl) out.add(src.slice(copied));
    return [out.toString(), n];
  });
}

// ----------------------------------------------------------------- format

const FLAGS = '-+ #0';

/** C's `(long)d` on x86-64: NaN and out-of-range values give LONG_MIN. */
function toLong(d: number): bigint {
  const t = Math.trunc(d);
  return t >= -9223372036854775808 && t < 9223372036854775808 ? BigInt(t) : -(1n << 63n);
}

/** gcc's `(unsigned long)d` on x86-64 (a NaN takes the signed conversion's path: 2^63). */
function toULong(d: number): bigint {
  if (d < 9223372036854775808 || d !== d) return BigInt.asUintN(64, toLong(d));
  return BigInt.asUintN(64, toLong(d - 9223372036854775808) ^ -(1n << 63n));
}

function toDouble(v: number | bigint | LuaFloat): number {
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : v.n;
}

/** addquoted of 5.1. */
function quote51(s: string): string {
  let out = '"';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | null = null;
    if (c === 34 || c === 92 || c === 10) rep = '\\' + s.charAt(i);
    else if (c === 13) rep = '\\r';
    else if (c === 0) rep = '\\000';
    if (rep !== null) {
      out += s.slice(run, i) + rep;
      run = i + 1;
    }
  }
  return out + s.slice(run) + '"';
}

function str51_format(...args: Args): string {
  try {
    const r = format51(args);
    ops.building(r.length);
    return r;
  } catch (e) {
    if (e instanceof RangeError && /string length/i.test(e.message)) throw new LuaError('not enough memory');
    throw e;
  }
}

function format51(args: Args): string {
  const top = args.length;
  let arg = 0;
  const fmt = checkString(args, 0);
  const fl = fmt.length;
  /** The format byte at i; NUL at the end (the C string's terminator). */
  const at = (i: number): number => (i < fl ? fmt.charCodeAt(i) : 0);
  let out = '';
  let i = 0;
  while (i < fl) {
    const pct = fmt.indexOf('%', i);
    if (pct < 0) {
      out += i === 0 ? fmt : fmt.slice(i);
      break;
    }
    if (pct > i) out += fmt.slice(i, pct);
    i = pct + 1;
    if (at(i) === 37) { // %%
      out += '%';
      i++;
      continue;
    }
    if (++arg >= top) argError(arg + 1, 'no value');
    // scanformat
    let p = i;
    while (at(p) !== 0 && FLAGS.indexOf(String.fromCharCode(at(p))) >= 0) p++;
    if (p - i >= FLAGS.length + 1) luaError('invalid format (repeated flags)');
    if (isDigitByte(at(p))) p++;
    if (isDigitByte(at(p))) p++;
    if (at(p) === 46) {
      p++;
      if (isDigitByte(at(p))) p++;
      if (isDigitByte(at(p))) p++;
    }
    if (isDigitByte(at(p))) luaError('invalid format (width or precision too long)');
    const conv = at(p);
    const form = '%' + fmt.slice(i, p + 1);
    i = p + 1;
    let item: string;
    switch (conv) {
      case 99: { // c
        // (int)d: NaN and values beyond int give INT_MIN, whose low byte is 0.
        const t = Math.trunc(toDouble(checkNumber(args, arg)));
        const code = (t >= -2147483648 && t <= 2147483647 ? t : 0) & 0xff;
        // printf ignores a precision for %c; the item ends at a NUL (strlen).
        item = cstr(padStr({ ...parseSpec(form), prec: -1 }, String.fromCharCode(code)));
        break;
      }
      case 100: case 105: // d i
        item = formatInt(parseSpec(form), 'd', toLong(toDouble(checkNumber(args, arg))));
        break;
      case 111: case 117: case 120: case 88: // o u x X
        item = formatInt(parseSpec(form), String.fromCharCode(conv), toULong(toDouble(checkNumber(args, arg))));
        break;
      case 101: case 69: case 102: case 103: case 71: // e E f g G
        item = formatFloat(parseSpec(form), String.fromCharCode(conv), toDouble(checkNumber(args, arg)));
        break;
      case 113: // q
        out += quote51(checkString(args, arg));
        continue;
      case 115: { // s
        const s = checkString(args, arg);
        if (form.indexOf('.') < 0 && s.length >= 100) {
          out += s;
          continue;
        }
        item = padStr(parseSpec(form), cstr(s));
        break;
      }
      default:
        return luaError(`invalid option '%${conv === 0 ? '' : String.fromCharCode(conv)}' to 'format'`);
    }
    out += item;
  }
  return out;
}

/** printf("%s") (and %c) with width and precision; flags other than '-' change nothing. */
function padStr(sp: ReturnType<typeof parseSpec>, s: string): string {
  if (sp.prec >= 0 && s.length > sp.prec) s = s.slice(0, sp.prec);
  if (s.length >= sp.width) return s;
  const fill = ' '.repeat(sp.width - s.length);
  return sp.minus ? s + fill : fill + s;
}

// ------------------------------------------------------------------- open


export function openString51(L: LuaState): LuaTable {
  const t = openString(L);
  for (const k of ['pack', 'packsize', 'unpack']) t.setStr(k, undefined);
  setFuncs(t, 'string.', {
    byte: str51_byte, char: str51_char, dump: str51_dump, find: str51_find, format: str51_format,
    gmatch: str51_gmatch, gsub: str51_gsub, match: str51_match, rep: str51_rep, sub: str51_sub,
  });
  // LUA_COMPAT_GFIND: the same function under its old name.
  t.setStr('gfind', str51_gmatch);
  // 5.1's string metatable has only __index.
  const mt = new LuaTable();
  mt.setStr('__index', t);
  L.engine.typeMetatables.string = mt;
  return t;
}
