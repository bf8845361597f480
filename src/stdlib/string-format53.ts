// string.format as lua5.3's lstrlib.c has it (DialectSpec `stringFormat:
// '5.3'`): scanformat accepts any flags "-+ #0" (fewer than six), at most two
// digits of width and of precision; there is no %p; %q takes modifiers and
// writes floats in hexadecimal ('%a', so inf and nan as printf shows them);
// an unknown conversion is an "invalid option". The printf conversions
// themselves are string-format.ts's.

import { LuaFloat, isNumber, type LuaNumber } from '../runtime/value.js';
import { tostring } from './base.js';
import { argError, checkInteger, checkNumber, checkString, luaError, type Args } from './lauxlib.js';
import { formatFloat, formatInt, formatStr, hexFloatDigits, parseSpec, quoteString } from './string-format.js';
import { isDigitByte } from './lstrlib-pattern.js';
import { nanText } from '../runtime/numfmt.js';
import { fstringChar } from './string-pack.js';

const FLAGS = '-+ #0';

function toDouble(v: LuaNumber): number {
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : v.n;
}

/** addliteral (5.3): %q of a number: integers in decimal (mininteger in hex), floats as '%a'. */
function quoteNumber53(v: LuaNumber): string {
  if (typeof v === 'bigint') return v === -(1n << 63n) ? '0x8000000000000000' : v.toString();
  if (typeof v === 'number' && Number.isInteger(v)) return String(v);
  const x = toDouble(v);
  if (x !== x) return nanText(x).charAt(0) === '-' ? '-nan' : 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  const neg = x < 0 || Object.is(x, -0);
  return (neg ? '-' : '') + hexFloatDigits(neg ? -x : x, -1, false, false);
}

export function formatAux53(args: Args): string {
  const top = args.length;
  let arg = 0; // 0-based index of the last consumed argument
  const fmt = checkString(args, 0);
  const fl = fmt.length;
  let out = '';
  let i = 0;
  while (i < fl) {
    const pct = fmt.indexOf('%', i);
    if (pct < 0) {
      out += fmt.slice(i);
      break;
    }
    out += fmt.slice(i, pct);
    i = pct + 1;
    if (fmt.charCodeAt(i) === 37) { // %%
      out += '%';
      i++;
      continue;
    }
    if (++arg >= top) argError(arg + 1, 'no value');
    // scanformat
    const start = i;
    while (i < fl && FLAGS.indexOf(fmt.charAt(i)) >= 0) i++;
    if (i - start >= FLAGS.length + 1) luaError('invalid format (repeated flags)');
    if (isDigitByte(fmt.charCodeAt(i))) i++;
    if (isDigitByte(fmt.charCodeAt(i))) i++;
    if (fmt.charAt(i) === '.') {
      i++;
      if (isDigitByte(fmt.charCodeAt(i))) i++;
      if (isDigitByte(fmt.charCodeAt(i))) i++;
    }
    if (isDigitByte(fmt.charCodeAt(i))) luaError('invalid format (width or precision too long)');
    const form = '%' + fmt.slice(start, i + 1);
    const conv = i < fl ? fmt.charAt(i) : '\0';
    i++;
    switch (conv) {
      case 'c': {
        const n = checkInteger(args, arg);
        const code = typeof n === 'number' ? n & 0xff : Number(BigInt.asUintN(8, n));
        out += formatStr(parseSpec(form), String.fromCharCode(code));
        break;
      }
      case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
        out += formatInt(parseSpec(form), conv, checkInteger(args, arg));
        break;
      case 'a': case 'A': case 'e': case 'E': case 'f': case 'g': case 'G':
        out += formatFloat(parseSpec(form), conv, toDouble(checkNumber(args, arg)));
        break;
      case 'q': {
        const v = args[arg];
        if (typeof v === 'string') out += quoteString(v);
        else if (isNumber(v) || v instanceof LuaFloat) out += quoteNumber53(v);
        else if (v === undefined || typeof v === 'boolean') out += tostring(v);
        else argError(arg + 1, 'value has no literal form');
        break;
      }
      case 's': {
        const s = tostring(args[arg]);
        if (form.length === 2) out += s;
        else {
          if (s.indexOf('\0') >= 0) argError(arg + 1, 'string contains zeros');
          if (form.indexOf('.') < 0 && s.length >= 100) out += s;
          else out += formatStr(parseSpec(form), s);
        }
        break;
      }
      default:
        luaError(`invalid option '%${fstringChar(conv.charCodeAt(0))}' to 'format'`);
    }
  }
  return out;
}
