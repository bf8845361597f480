// The string library (lstrlib.c): byte, char, dump, find, format, gmatch,
// gsub, len, lower, match, rep, reverse, sub, upper, pack, packsize, unpack,
// and the string metatable (__index and the arithmetic metamethods that
// convert numeric strings).
//
// Lua strings are byte strings (JS strings of code units 0..255). Patterns
// live in lstrlib-pattern.ts, printf conversions in string-format.ts,
// pack/unpack in string-pack.ts.

import { dumpFunction } from '../runtime/dump.js';
import type { LuaFunction } from '../runtime/trampoline.js';
import { LuaTable } from '../runtime/table.js';
import { LuaError } from '../runtime/errors.js';
import * as ops from './lauxlib.js';
import * as N from '../runtime/number.js';
import { LuaFloat, LuaUserdata, isNumber, luaType, type LuaValue, type LuaInteger, type LuaNumber } from '../runtime/value.js';
import type { LuaState } from '../runtime/state.js';
import { addressOf, tostring } from './base.js';
import {
  argError, checkInteger, checkNumber, checkString, expectedError, luaError, optInteger, optString,
  registerHostFunction, setFuncs, typeError, type Args,
} from './lauxlib.js';
import { MatchState, PatternError, noSpecials } from './lstrlib-pattern.js';
import { StrBuf, fromByteCodes } from './strbuf.js';
import {
  checkFormat, formatFloat, formatInt, formatStr, isFormatSpanChar, parseSpec, quoteNumber, quoteString,
} from './string-format.js';
import { formatAux53 } from './string-format53.js';
import { E } from '../runtime/engine.js';
import { MAX_JS_STRING, posrelatI, str_pack, str_packsize, str_unpack } from './string-pack.js';

/** lstrlib's MAXSIZE: INT_MAX on 64-bit hosts. */
const MAXSIZE = 0x7fffffff;
/** Results lua5.4 can push at once (LUAI_MAXSTACK, less what is in use). */
const MAX_RESULTS = 999_950;

// ---------------------------------------------------------------- helpers


/** getendpos: an end position (clamped to [0, len]). */
function endpos(pos: LuaInteger, len: number): number {
  if (typeof pos === 'bigint') return pos > 0n ? len : 0;
  if (pos > len) return len;
  if (pos >= 0) return pos;
  if (pos < -len) return 0;
  return len + pos + 1;
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

/** Convert V8's "Invalid string length" into lua5.4's memory error. */
function memoryErrors<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof RangeError && /string length/i.test(e.message)) throw new LuaError('not enough memory');
    throw e;
  }
}

function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

function asciiUpper(s: string): string {
  return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
}

// ---------------------------------------------------------- the functions

function str_len(...args: Args): number {
  return checkString(args, 0).length;
}

function str_sub(...args: Args): string {
  const s = checkString(args, 0);
  const l = s.length;
  const start = posrelatI(checkInteger(args, 1), l);
  const end = endpos(optInteger(args, 2, -1), l);
  return start <= end ? s.slice(start - 1, end) : '';
}

function str_reverse(...args: Args): string {
  const s = checkString(args, 0);
  const n = s.length;
  ops.building(n);
  if (n < 64) {
    let out = '';
    for (let i = n - 1; i >= 0; i--) out += s.charAt(i);
    return out;
  }
  // One flat string, not a rope of n one-byte pieces.
  const codes = new Uint8Array(n);
  for (let i = 0; i < n; i++) codes[i] = s.charCodeAt(n - 1 - i);
  return fromByteCodes(codes);
}

function str_lower(...args: Args): string {
  const s = checkString(args, 0);
  ops.building(s.length);
  return asciiLower(s);
}

function str_upper(...args: Args): string {
  const s = checkString(args, 0);
  ops.building(s.length);
  return asciiUpper(s);
}

function str_rep(...args: Args): string {
  const s = checkString(args, 0);
  const n = checkInteger(args, 1);
  const sep = optString(args, 2, '');
  if (typeof n === 'bigint' ? n <= 0n : n <= 0) return '';
  const unit = s.length + sep.length;
  if (unit === 0) return '';
  if (typeof n === 'bigint' || unit > Math.floor(MAXSIZE / n)) luaError('resulting string too large');
  const total = n * s.length + (n - 1) * sep.length;
  if (total > MAX_JS_STRING) luaError('resulting string too large');
  ops.building(total);
  const r = sep.length === 0 ? s.repeat(n) : (s + sep).repeat(n - 1) + s;
  // V8 builds a repeat as a rope of a few nodes; reading a character makes it
  // one flat string, so its memory is real (and counted), as in lua.
  if (r.length >= 1024) r.charCodeAt(0);
  return r;
}

function str_byte(...args: Args): unknown {
  const s = checkString(args, 0);
  const l = s.length;
  const pi = optInteger(args, 1, 1);
  const pose = endpos(optInteger(args, 2, pi), l);
  const posi = posrelatI(pi, l);
  if (posi > pose) return ops.EMPTY;
  const n = pose - posi + 1;
  if (n >= MAX_RESULTS) luaError('stack overflow (string slice too long)');
  if (n === 1) return s.charCodeAt(posi - 1);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = s.charCodeAt(posi - 1 + i);
  return out;
}

function str_char(...args: Args): string {
  const n = args.length;
  if (n >= 64) {
    const codes = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const c = checkInteger(args, i);
      if (!(typeof c === 'number' && c >= 0 && c <= 255)) argError(i + 1, 'value out of range');
      codes[i] = c as number;
    }
    return fromByteCodes(codes);
  }
  let out = '';
  for (let i = 0; i < n; i++) {
    const c = checkInteger(args, i);
    if (!(typeof c === 'number' && c >= 0 && c <= 255)) argError(i + 1, 'value out of range');
    out += String.fromCharCode(c as number);
  }
  return out;
}

function str_dump(...args: Args): string {
  if (typeof args[0] !== 'function') typeError(args, 0, 'function');
  const bytes = dumpFunction(args[0] as LuaFunction, ops.truthy(args[1]));
  if (bytes === undefined) luaError('unable to dump given function');
  return bytes;
}

// ------------------------------------------------------- find and match

function strFindAux(args: Args, find: boolean): unknown {
  const s = checkString(args, 0);
  const p = checkString(args, 1);
  const ls = s.length;
  const init = posrelatI(optInteger(args, 2, 1), ls) - 1;
  if (init > ls) return undefined;
  if (find && ((args[3] !== undefined && args[3] !== false) || noSpecials(p))) {
    const i = s.indexOf(p, init);
    return i < 0 ? undefined : [i + 1, i + p.length];
  }
  return patternErrors(() => {
    const ms = new MatchState(s, p);
    const anchor = p.charCodeAt(0) === 94; // '^'
    const p0 = anchor ? 1 : 0;
    let s1 = init;
    const starts = anchor ? null : ms.startSet(p0);
    do {
      if (starts !== null) {
        // Skip positions where no match can start.
        while (s1 < ls && starts[s.charCodeAt(s1)] === 0) s1++;
        if (s1 >= ls) break;
      }
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
    } while (s1++ < ls && !anchor);
    return undefined;
  });
}

function str_find(...args: Args): unknown {
  return strFindAux(args, true);
}

function str_match(...args: Args): unknown {
  return strFindAux(args, false);
}

/** gmatch's iterator, a library function without a name of its own in Lua. */
/** What a gmatch iterator goes on from. */
interface GmatchState {
  s: string;
  ls: number;
  ms: MatchState;
  src: number;
  lastmatch: number;
  starts: ReturnType<MatchState['startSet']>;
  lit: ReturnType<MatchState['literalAnchor']>;
}

/** gmatch's iterator: the next match from `st.src` (lstrlib.c's gmatch_aux). */
function gmatch_aux(st: GmatchState): unknown {
  return patternErrors(() => {
    const { s, ls, ms, starts, lit } = st;
    for (; st.src <= ls; st.src++) {
      if (lit !== null) {
        // Every match has this text at a fixed offset from its start.
        const at = s.indexOf(lit.text, st.src + lit.offset);
        if (at < 0) break;
        if (at - lit.offset > st.src) st.src = at - lit.offset;
      } else if (starts !== null) {
        while (st.src < ls && starts[s.charCodeAt(st.src)] === 0) st.src++;
        if (st.src >= ls) break;
      }
      ms.reset();
      const e = ms.match(st.src, 0);
      if (e !== -1 && e !== st.lastmatch) {
        const start = st.src;
        st.src = st.lastmatch = e;
        const caps = ms.captures(start, e, true);
        return caps.length === 1 ? caps[0] : caps;
      }
    }
    return ops.EMPTY;
  });
}
registerHostFunction(gmatch_aux, '');

function str_gmatch(...args: Args): unknown {
  const s = checkString(args, 0);
  const p = checkString(args, 1);
  const ls = s.length;
  let init = posrelatI(optInteger(args, 2, 1), ls) - 1;
  if (init > ls) init = ls + 1;
  const ms = new MatchState(s, p);
  const state: GmatchState = { s, ls, ms, src: init, lastmatch: -1, starts: ms.startSet(0), lit: ms.literalAnchor(0) };
  // A thin closure around one named library function (see coroutine.ts's wrapped).
  const iter = function (): unknown {
    return gmatch_aux(state);
  };
  // lua's gmatch_aux is a C closure over the subject, the pattern and its state (debug.getupvalue/upvalueid).
  (iter as { C?: { v: unknown }[] }).C = [{ v: s }, { v: p }, { v: undefined }];
  return iter;
}

/** add_s: expand a replacement string for the match s..e. */
function addS(ms: MatchState, news: string, s: number, e: number): string {
  let out = '';
  let i = 0;
  for (;;) {
    const p = news.indexOf('%', i);
    if (p < 0) break;
    out += news.slice(i, p);
    const c = p + 1 < news.length ? news.charCodeAt(p + 1) : 0;
    if (c === 37) out += '%';
    else if (c === 48) out += ms.src.slice(s, e);
    else if (c >= 49 && c <= 57) {
      const cap = ms.capture(c - 49, s, e);
      out += typeof cap === 'number' ? String(cap) : cap;
    } else luaError("invalid use of '%' in replacement string");
    i = p + 2;
  }
  return out + news.slice(i);
}

function str_gsub(...args: Args): unknown {
  const src = checkString(args, 0);
  const p = checkString(args, 1);
  const srcl = src.length;
  const repl = args[2];
  const tr = luaType(repl);
  const maxS = optInteger(args, 3, srcl + 1);
  if (!(tr === 'number' || tr === 'string' || tr === 'function' || tr === 'table')) {
    expectedError(args, 2, 'string/function/table');
  }
  const news = tr === 'string' ? (repl as string) : tr === 'number' ? N.tostringNumber(repl as LuaNumber) : '';
  const anchor = p.charCodeAt(0) === 94;
  const p0 = anchor ? 1 : 0;
  const ms = new MatchState(src, p);
  const plain = !anchor && p.length > 0 && noSpecials(p) && p.indexOf(')') < 0;
  const out = new StrBuf();
  let changed = false;
  let n = 0;
  let pos = 0;
  let lastmatch = -1;
  let copied = 0; // src[copied .. pos) is still to be copied
  const max = typeof maxS === 'bigint' ? (maxS > 0n ? Infinity : 0) : maxS;
  return memoryErrors(() => patternErrors(() => {
    const starts = plain || anchor ? null : ms.startSet(p0);
    while (n < max) {
      if (starts !== null) {
        // Skip (and keep) bytes where no match can start.
        while (pos < srcl && starts[src.charCodeAt(pos)] === 0) pos++;
        if (pos >= srcl) break;
      }
      ms.reset();
      let e: number;
      if (plain) {
        // a literal pattern: jump to the next occurrence (the skipped bytes are kept)
        const at = src.indexOf(p, pos);
        if (at < 0) break;
        pos = at;
        e = at + p.length;
      } else e = ms.match(pos, p0);
      if (e !== -1 && e !== lastmatch) {
        n++;
        // add_value
        if (copied < pos) out.add(src.slice(copied, pos));
        if (tr === 'string' || tr === 'number') {
          out.add(addS(ms, news, pos, e));
          changed = true;
        } else {
          let v: LuaValue;
          if (tr === 'function') {
            const caps = ms.captures(pos, e, true);
            v = ops.first(ops.call(repl, ...caps));
          } else {
            v = ops.index(repl, ms.capture(0, pos, e));
          }
          if (v === undefined || v === false || v === null) {
            out.add(src.slice(pos, e));
          } else if (typeof v === 'string') {
            out.add(v);
            changed = true;
          } else if (isNumber(v)) {
            out.add(N.tostringNumber(v));
            changed = true;
          } else {
            luaError(`invalid replacement value (a ${luaType(v)})`);
          }
        }
        pos = copied = lastmatch = e;
      } else if (pos < srcl) {
        pos++;
      } else break;
      if (anchor) break;
    }
    if (!changed) return [src, n];
    if (copied < srcl) out.add(src.slice(copied));
    return [out.toString(), n];
  }));
}

// ----------------------------------------------------------------- format

const FLAGS_F = '-+ #0';
const FLAGS_X = '-#0';
const FLAGS_I = '-+ 0';
const FLAGS_U = '-0';
const FLAGS_C = '-';
const MAX_FORMAT = 32;

function cstr(s: string): string {
  const z = s.indexOf('\0');
  return z < 0 ? s : s.slice(0, z);
}

/** A stable fake address for %p of a string (Lua interns short strings). */
function stringAddress(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return '0x' + (0x5590_0000_0000 + (h & 0xffffff) * 0x20).toString(16).padStart(12, '0');
}

function toDouble(v: LuaNumber): number {
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : v.n;
}

function str_format(...args: Args): string {
  try {
    const r = E.dialect.stringFormat === '5.3' ? formatAux53(args) : formatAux(args);
    ops.building(r.length);
    return r;
  } catch (e) {
    if (e instanceof RangeError && /string length/i.test(e.message)) throw new LuaError('not enough memory');
    throw e;
  }
}

function badConversion(form: string): never {
  return luaError(`invalid conversion specification: '${cstr(form)}'`);
}

function formatAux(args: Args): string {
  const top = args.length;
  let arg = 0; // 0-based index of the last consumed argument
  const fmt = checkString(args, 0);
  const fl = fmt.length;
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
    if (fmt.charCodeAt(i) === 37) { // %%
      out += '%';
      i++;
      continue;
    }
    if (++arg >= top) argError(arg + 1, 'no value');
    // getformat
    let len = 0;
    while (i + len < fl && isFormatSpanChar(fmt.charCodeAt(i + len))) len++;
    len++;
    if (len >= MAX_FORMAT - 10) luaError('invalid format (too long)');
    const conv = i + len - 1 < fl ? fmt.charAt(i + len - 1) : '';
    if (len === 1) {
      // no flags, width or precision: the common fast cases
      const v = args[arg];
      if (conv === 'd' && typeof v === 'number' && Number.isInteger(v)) {
        out += String(v);
        i += 1;
        continue;
      }
      if (conv === 's' && typeof v === 'string' && ops.metafield(v, '__tostring') === undefined) {
        out += v;
        i += 1;
        continue;
      }
    }
    const form = '%' + fmt.slice(i, i + len);
    i += len;
    switch (conv) {
      case 'c': {
        if (!checkFormat(form, FLAGS_C, false)) badConversion(form);
        const n = checkInteger(args, arg);
        const code = typeof n === 'number' ? n & 0xff : Number(BigInt.asUintN(8, n));
        out += len === 1 ? String.fromCharCode(code) : formatStr(parseSpec(form), String.fromCharCode(code));
        break;
      }
      case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': {
        const n = checkInteger(args, arg);
        const flags = conv === 'd' || conv === 'i' ? FLAGS_I : conv === 'u' ? FLAGS_U : FLAGS_X;
        if (!checkFormat(form, flags, true)) badConversion(form);
        out += formatInt(parseSpec(form), conv, n);
        break;
      }
      case 'a': case 'A': {
        if (!checkFormat(form, FLAGS_F, true)) badConversion(form);
        const x = toDouble(checkNumber(args, arg));
        out += formatFloat(parseSpec(form), conv, x);
        break;
      }
      case 'f': case 'e': case 'E': case 'g': case 'G': {
        const x = toDouble(checkNumber(args, arg));
        if (!checkFormat(form, FLAGS_F, true)) badConversion(form);
        out += formatFloat(parseSpec(form), conv, x);
        break;
      }
      case 'p': {
        const v = args[arg];
        let addr: string | null = null;
        if (typeof v === 'string') addr = stringAddress(v);
        else if (v instanceof LuaTable || v instanceof LuaUserdata || typeof v === 'function' ||
                 (typeof v === 'object' && v !== null && !(v instanceof LuaFloat))) addr = addressOf(v as object);
        if (!checkFormat(form, FLAGS_C, false)) badConversion(form);
        out += formatStr(parseSpec(form), addr ?? '(null)');
        break;
      }
      case 'q': {
        if (form.length > 2) luaError("specifier '%q' cannot have modifiers");
        out += addLiteral(args, arg);
        break;
      }
      case 's': {
        const s = tostring(args[arg]);
        if (form.length === 2) out += s;
        else {
          if (s.indexOf('\0') >= 0) argError(arg + 1, 'string contains zeros');
          if (!checkFormat(form, FLAGS_C, true)) badConversion(form);
          if (form.indexOf('.') < 0 && s.length >= 100) out += s;
          else out += formatStr(parseSpec(form), s);
        }
        break;
      }
      default:
        luaError(`invalid conversion '${cstr(form)}' to 'format'`);
    }
  }
  return out;
}

function addLiteral(args: Args, arg: number): string {
  const v = args[arg];
  if (typeof v === 'string') return quoteString(v);
  if (isNumber(v)) return quoteNumber(v);
  if (v === undefined || typeof v === 'boolean') return tostring(v);
  return argError(arg + 1, 'value has no literal form');
}

// ------------------------------------------------- arithmetic metamethods

/** tonum: a number, or a string that converts entirely to one. */
function tonum(v: unknown): LuaNumber | undefined {
  if (isNumber(v)) return v;
  if (typeof v === 'string') return N.str2number(v);
  return undefined;
}

function strArith(op: ops.ArithOp, a: LuaValue, b: LuaValue): LuaValue {
  const x = tonum(a);
  const y = x === undefined ? undefined : tonum(b);
  if (x !== undefined && y !== undefined) return ops.numArith(op, x, y);
  // trymt
  const mtname = `__${op}`;
  const mm = typeof b === 'string' ? undefined : ops.metafield(b, mtname);
  if (mm === undefined) luaError(`attempt to ${op} a '${luaType(a)}' with a '${luaType(b)}'`);
  return ops.first(ops.call(mm, a, b));
}

function arith_add(a: LuaValue, b: LuaValue): LuaValue { return strArith('add', a, b); }
function arith_sub(a: LuaValue, b: LuaValue): LuaValue { return strArith('sub', a, b); }
function arith_mul(a: LuaValue, b: LuaValue): LuaValue { return strArith('mul', a, b); }
function arith_mod(a: LuaValue, b: LuaValue): LuaValue { return strArith('mod', a, b); }
function arith_pow(a: LuaValue, b: LuaValue): LuaValue { return strArith('pow', a, b); }
function arith_div(a: LuaValue, b: LuaValue): LuaValue { return strArith('div', a, b); }
function arith_idiv(a: LuaValue, b: LuaValue): LuaValue { return strArith('idiv', a, b); }
function arith_unm(a: LuaValue, b: LuaValue): LuaValue { return strArith('unm', a, b); }

// ------------------------------------------------------------------- open

export const stringFunctions = {
  byte: str_byte,
  char: str_char,
  dump: str_dump,
  find: str_find,
  format: str_format,
  gmatch: str_gmatch,
  gsub: str_gsub,
  len: str_len,
  lower: str_lower,
  match: str_match,
  rep: str_rep,
  reverse: str_reverse,
  sub: str_sub,
  upper: str_upper,
  pack: str_pack,
  packsize: str_packsize,
  unpack: str_unpack,
};

export function openString(L: LuaState): LuaTable {
  const t = new LuaTable();
  setFuncs(t, 'string.', stringFunctions);
  const mt = new LuaTable();
  const metamethods: Record<string, (a: LuaValue, b: LuaValue) => LuaValue> = {
    __add: arith_add, __sub: arith_sub, __mul: arith_mul, __mod: arith_mod, __pow: arith_pow,
    __div: arith_div, __idiv: arith_idiv, __unm: arith_unm,
  };
  // Only where strings take part in arithmetic through the metatable (5.4; DialectSpec stringArith).
  if (L.engine.dialect.stringArith === 'metamethods') {
    for (const [k, f] of Object.entries(metamethods)) {
      mt.setStr(k, f);
      registerHostFunction(f, '');
    }
  }
  mt.setStr('__index', t);
  L.engine.typeMetatables.string = mt;
  L.globals.setStr('string', t);
  L.loaded.setStr('string', t);
  return t;
}
