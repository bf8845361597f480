// The `cjson` library of Redis's scripting environment: lua-cjson 2.1.0 as
// Redis 7.0 vendors it (deps/lua/src/lua_cjson.c, with fpconv.c in the "C"
// locale). Written from the library's documented and observed behaviour;
// test/redis-cjson.test.ts checks it against a real redis-server.
//
// What it does, in short:
//   - encode(v): JSON text. Numbers with printf("%.<precision>g"), strings
//     with lua-cjson's escapes (control characters as \u00XX except
//     \b \t \n \f \r, and `"` `\` `/` DEL), bytes >= 0x80 as they are. A
//     table is an array when every key is a positive integral number (and it
//     is not too sparse), else an object; `{}` is an object.
//   - decode(s): Lua values; JSON null is cjson.null, the light userdata
//     holding C's NULL. The tokenizer reads the string as a C string: a NUL
//     byte ends it.
//   - configuration getters/setters, per module: cjson.new() makes a module
//     with its own configuration.
//
// C details reproduced because they are observable:
//   - the Lua stack: encode/decode check `lua_checkstack` at every level, so
//     nesting also stops where 5.1's LUAI_MAXCSTACK (8000 slots) would be
//     exceeded, whatever the configured maximum depth (arrays use one slot
//     per level, objects two);
//   - array detection keeps the largest key in a C int: a key of 2^31 or
//     more becomes INT_MIN there, which makes the table an object, and
//     `items * ratio` wraps around in 32 bits;
//   - configuration integers are C ints (`(int)` of the Lua integer), and
//     a value out of range is reported against argument #1 whichever
//     argument it was (lua-cjson 2.1.0's json_integer_option).
//
// Encoding and decoding are iterative (an explicit stack of open tables), so
// the 8000 levels the C code allows do not need 8000 JavaScript frames, and
// they charge the run's instruction budget per value and per 64 bytes.

import { LuaTable } from '../runtime/table.js';
import type { LuaState } from '../runtime/state.js';
import { E } from '../runtime/engine.js';
import { formatG } from '../runtime/numfmt.js';
import { strtod } from '../runtime/strtod.js';
import { NULL_LIGHTUSERDATA, isNumber, luaType, mkFloat, toJsNumber, type LuaNumber, type LuaValue } from '../runtime/value.js';
import { argError, charge, checkInt, checkOption, checkString, luaError, setFuncs, type Args } from '../stdlib/lauxlib.js';
import { StrBuf } from '../stdlib/strbuf.js';

/** LUAI_MAXCSTACK of Lua 5.1: the stack slots a C function may use (lua_checkstack fails beyond). */
const LUAI_MAXCSTACK = 8000;
const INT_MAX = 2147483647;
const INT_MIN = -2147483648;

/** One module's configuration (lua-cjson's json_config_t), with lua-cjson's defaults. */
class CjsonConfig {
  encodeSparseConvert = 0;
  encodeSparseRatio = 2;
  encodeSparseSafe = 10;
  encodeMaxDepth = 1000;
  decodeMaxDepth = 1000;
  /** 0 off, 1 on, 2 "null". */
  encodeInvalidNumbers = 0;
  decodeInvalidNumbers = 1;
  /** Reuse of the C encode buffer: no observable effect but its getter. */
  encodeKeepBuffer = 1;
  encodeNumberPrecision = 14;
}

type IntSetting = 'encodeSparseRatio' | 'encodeSparseSafe' | 'encodeMaxDepth' | 'decodeMaxDepth' | 'encodeNumberPrecision';
type EnumSetting = 'encodeSparseConvert' | 'encodeInvalidNumbers' | 'decodeInvalidNumbers' | 'encodeKeepBuffer';

// ------------------------------------------------------------ configuration

/** json_arg_init: at most `max` arguments. */
function argInit(args: Args, max: number): void {
  if (args.length > max) argError(max + 1, 'found too many arguments');
}

/**
 * json_integer_option: argument i (when not nil) sets the setting to a C
 * int in [min, max]; the result is the setting. The range error names
 * argument #1 whatever i is, as lua-cjson 2.1.0 does.
 */
function integerOption(args: Args, i: number, cfg: CjsonConfig, key: IntSetting, min: number, max: number): number {
  if (args[i] !== undefined) {
    const value = checkInt(args, i);
    if (!(min <= value && value <= max)) argError(1, `expected integer between ${min} and ${max}`);
    cfg[key] = value;
  }
  return cfg[key];
}

const BOOL_OPTIONS = ['off', 'on'] as const;

/**
 * json_enum_option: argument i (when not nil) is a boolean or one of
 * `options` (by default "off"/"on"); the result is the setting, as a
 * boolean when it is off/on, else as its option name.
 */
function enumOption(args: Args, i: number, cfg: CjsonConfig, key: EnumSetting, options: readonly string[] = BOOL_OPTIONS): boolean | string {
  const v = args[i];
  if (v !== undefined) {
    cfg[key] = typeof v === 'boolean' ? (v ? 1 : 0) : options.indexOf(checkOption(args, i, undefined, options));
  }
  const setting = cfg[key];
  return setting === 0 || setting === 1 ? setting === 1 : options[setting]!;
}

// ------------------------------------------------------------ encoding

/** lua-cjson's char2escape: the escape of each byte that needs one. */
const ESCAPES: readonly (string | undefined)[] = (() => {
  const t: (string | undefined)[] = new Array(256).fill(undefined);
  for (let c = 0; c < 0x20; c++) t[c] = '\\u' + c.toString(16).padStart(4, '0');
  t[8] = '\\b';
  t[9] = '\\t';
  t[10] = '\\n';
  t[12] = '\\f';
  t[13] = '\\r';
  t[0x22] = '\\"';
  t[0x2f] = '\\/';
  t[0x5c] = '\\\\';
  t[0x7f] = '\\u007f';
  return t;
})();

/** Whether a string has a byte to escape (not global: `test` keeps no state). */
const HAS_ESCAPE = /[\x00-\x1f"/\\\x7f]/;
/** Every byte to escape (global, used only by `replace`, which starts from 0 each time). */
const EACH_ESCAPE = /[\x00-\x1f"/\\\x7f]/g;

/** json_append_string: the string quoted, with lua-cjson's escapes. */
function appendString(out: StrBuf, s: string): void {
  const escaped = HAS_ESCAPE.test(s) ? s.replace(EACH_ESCAPE, (c) => ESCAPES[c.charCodeAt(0)]!) : s;
  out.add('"' + escaped + '"');
}

/** json_encode_exception. */
function cannotSerialise(v: LuaValue, reason: string): never {
  return luaError(`Cannot serialise ${luaType(v)}: ${reason}`);
}

/** json_append_number: `num` with the configured precision, or the handling of NaN and infinities. */
function appendNumber(cfg: CjsonConfig, out: StrBuf, v: LuaNumber): void {
  const num = toJsNumber(v);
  if (!Number.isFinite(num)) {
    if (cfg.encodeInvalidNumbers === 0) cannotSerialise(v, 'must not be NaN or Inf');
    if (cfg.encodeInvalidNumbers === 2) { out.add('null'); return; }
    // "on": printf's "inf"/"-inf", and "nan" whatever the NaN's sign.
    if (num !== num) { out.add('nan'); return; }
  }
  const precision = cfg.encodeNumberPrecision;
  // An integer of at most `precision` digits prints as itself (the common case, made fast).
  if (Number.isInteger(num) && Math.abs(num) < POW10[precision]!) out.add(num === 0 && 1 / num < 0 ? '-0' : String(num));
  else out.add(formatG(num, precision));
}

/** 10^p for the precisions 0..14. */
const POW10: readonly number[] = Array.from({ length: 15 }, (_, p) => 10 ** p);

/** C's `(int)d` on x86-64 (cvttsd2si) for an integral d >= 1: INT_MIN when it does not fit. */
function toCIntCast(d: number): number {
  return d <= INT_MAX ? d : INT_MIN;
}

/**
 * lua_array_length: the length to encode `t` as an array, or -1 for an
 * object (a key that is not a positive integral number, or a sparse array
 * when encode_sparse_array converts those); raises the "excessively sparse
 * array" error otherwise.
 */
function arrayLength(cfg: CjsonConfig, t: LuaTable): number {
  let max = 0;
  let items = 0;
  for (let e = t.next(undefined); e !== undefined; e = t.next(e[0])) {
    charge(1);
    const k = e[0];
    if (!isNumber(k)) return -1;
    const d = toJsNumber(k);
    if (!(d !== 0 && Math.floor(d) === d && d >= 1)) return -1;
    if (d > max) max = toCIntCast(d);
    items++;
  }
  // A C int product, wrapping around.
  if (cfg.encodeSparseRatio > 0 && max > Math.imul(items, cfg.encodeSparseRatio) && max > cfg.encodeSparseSafe) {
    if (!cfg.encodeSparseConvert) cannotSerialise(t, 'excessively sparse array');
    return -1;
  }
  return max;
}

/** A table being encoded. */
interface EncodeFrame {
  t: LuaTable;
  /** The array length, or -1 for an object. */
  n: number;
  /** Arrays: the last index written (0 before the first). */
  i: number;
  /** Objects: the last key written (nil before the first). */
  key: LuaValue;
  /** Lua stack slots in use, up to and including the table itself. */
  top: number;
}

/** json_encode's work: the JSON text of `root`. */
function encode(cfg: CjsonConfig, root: LuaValue): string {
  const out = new StrBuf();
  const open: EncodeFrame[] = [];
  let v = root;
  // Lua stack slots in use, counting v: the argument of encode is slot 1.
  let top = 1;
  for (;;) {
    charge(1);
    // Write v, or open it when it is a table.
    if (v instanceof LuaTable) {
      const depth = open.length + 1;
      // json_check_encode_depth: the depth, and lua_checkstack(l, 3).
      if (depth > cfg.encodeMaxDepth || top + 3 > LUAI_MAXCSTACK) luaError(`Cannot serialise, excessive nesting (${depth})`);
      const n = arrayLength(cfg, v);
      out.add(n > 0 ? '[' : '{');
      open.push({ t: v, n, i: 0, key: undefined, top });
    } else if (typeof v === 'string') {
      appendString(out, v);
    } else if (isNumber(v)) {
      appendNumber(cfg, out, v);
    } else if (typeof v === 'boolean') {
      out.add(v ? 'true' : 'false');
    } else if (v === undefined || v === NULL_LIGHTUSERDATA) {
      out.add('null');
    } else {
      cannotSerialise(v, 'type not supported');
    }
    // Find the next value, closing the tables that are done.
    for (;;) {
      const f = open[open.length - 1];
      if (f === undefined) return out.toString();
      if (f.n > 0) {
        if (f.i < f.n) {
          if (f.i > 0) out.add(',');
          v = f.t.getInt(++f.i);
          top = f.top + 1;
          break;
        }
        out.add(']');
      } else {
        const e = f.t.next(f.key);
        if (e !== undefined) {
          if (f.key !== undefined) out.add(',');
          const k = (f.key = e[0]);
          if (isNumber(k)) {
            out.add('"');
            appendNumber(cfg, out, k);
            out.add('":');
          } else if (typeof k === 'string') {
            appendString(out, k);
            out.add(':');
          } else {
            cannotSerialise(k, 'table key must be a number or string');
          }
          v = e[1];
          top = f.top + 2;
          break;
        }
        out.add('}');
      }
      open.pop();
    }
  }
}

// ------------------------------------------------------------ decoding

// Token types, in the order of lua-cjson's json_token_type_name.
const T_OBJ_BEGIN: number = 0;
const T_OBJ_END: number = 1;
const T_ARR_BEGIN: number = 2;
const T_ARR_END: number = 3;
const T_STRING: number = 4;
const T_NUMBER: number = 5;
const T_BOOLEAN: number = 6;
const T_NULL: number = 7;
const T_COLON: number = 8;
const T_COMMA: number = 9;
const T_END: number = 10;
const T_WHITESPACE: number = 11;
const T_ERROR: number = 12;
const T_UNKNOWN: number = 13;

const TOKEN_NAMES = [
  'T_OBJ_BEGIN', 'T_OBJ_END', 'T_ARR_BEGIN', 'T_ARR_END', 'T_STRING', 'T_NUMBER', 'T_BOOLEAN', 'T_NULL',
  'T_COLON', 'T_COMMA', 'T_END', 'T_WHITESPACE', 'T_ERROR', 'T_UNKNOWN',
];

/** lua-cjson's ch2token: the token a byte starts (T_UNKNOWN: look further). */
const CH2TOKEN: Readonly<Uint8Array> = (() => {
  const t = new Uint8Array(256).fill(T_ERROR);
  t[0x7b] = T_OBJ_BEGIN; // {
  t[0x7d] = T_OBJ_END; // }
  t[0x5b] = T_ARR_BEGIN; // [
  t[0x5d] = T_ARR_END; // ]
  t[0x2c] = T_COMMA;
  t[0x3a] = T_COLON;
  t[0] = T_END;
  for (const c of ' \t\n\r') t[c.charCodeAt(0)] = T_WHITESPACE;
  for (const c of 'fiInNt"+-0123456789') t[c.charCodeAt(0)] = T_UNKNOWN;
  return t;
})();

/** lua-cjson's escape2char: what `\X` stands for ('u': a \uXXXX escape; undefined: invalid). */
const ESCAPE_CHARS: Readonly<Record<string, string>> = {
  '"': '"', '\\': '\\', '/': '/', b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', u: 'u',
};

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 32;
  return l >= 97 && l <= 102 ? l - 87 : -1;
}

/** A code point (at most 0x10FFFF) as UTF-8 bytes. */
function utf8(cp: number): string {
  const f = String.fromCharCode;
  if (cp <= 0x7f) return f(cp);
  if (cp <= 0x7ff) return f(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  if (cp <= 0xffff) return f(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  return f(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
}

/** The tokenizer (json_next_token and friends) over one input, holding the current token. */
class Tokenizer {
  /** Where reading continues. */
  pos = 0;
  type = T_END;
  /** Offset where the token (or the error) is. */
  index = 0;
  /** T_STRING: the text; T_ERROR: the error's description. */
  text = '';
  num = 0;
  bool = false;

  constructor(readonly s: string, readonly cfg: CjsonConfig) {}

  /** The byte at i, 0 past the end (the C string's terminator). */
  private at(i: number): number {
    return i < this.s.length ? this.s.charCodeAt(i) : 0;
  }

  /** json_set_token_error: an error token at the current position. */
  private error(what: string): void {
    this.type = T_ERROR;
    this.index = this.pos;
    this.text = what;
  }

  /** json_throw_parse_error. */
  fail(expected: string): never {
    const found = this.type === T_ERROR ? this.text : TOKEN_NAMES[this.type]!;
    return luaError(`Expected ${expected} but found ${found} at character ${this.index + 1}`);
  }

  /** json_next_token: reads the next token, charging one unit and one per 64 bytes read. */
  next(): void {
    const from = this.pos;
    this.token();
    charge(1 + ((this.pos - from) >> 6));
  }

  private token(): void {
    const s = this.s;
    let ch: number;
    for (;;) {
      ch = this.at(this.pos);
      this.type = CH2TOKEN[ch]!;
      if (this.type !== T_WHITESPACE) break;
      this.pos++;
    }
    this.index = this.pos;
    if (this.type === T_ERROR) { this.text = 'invalid token'; return; }
    if (this.type === T_END) return;
    if (this.type !== T_UNKNOWN) { this.pos++; return; }
    if (ch === 0x22) { // "
      this.string();
    } else if (ch === 0x2d || (ch >= 0x30 && ch <= 0x39)) { // - or a digit
      if (!this.cfg.decodeInvalidNumbers && this.isInvalidNumber()) this.error('invalid number');
      else this.number();
    } else if (s.startsWith('true', this.pos)) {
      this.type = T_BOOLEAN; this.bool = true; this.pos += 4;
    } else if (s.startsWith('false', this.pos)) {
      this.type = T_BOOLEAN; this.bool = false; this.pos += 5;
    } else if (s.startsWith('null', this.pos)) {
      this.type = T_NULL; this.pos += 4;
    } else if (this.cfg.decodeInvalidNumbers && this.isInvalidNumber()) {
      // Only numbers that are invalid JSON (inf, nan, +1) get here.
      this.number();
    } else {
      this.error('invalid token');
    }
  }

  /**
   * json_is_invalid_number: whether the number here is one JSON does not
   * allow (a '+', hex, leading zeros, inf, nan), which strtod may still read.
   */
  private isInvalidNumber(): boolean {
    let p = this.pos;
    if (this.at(p) === 0x2b) return true; // +
    if (this.at(p) === 0x2d) p++; // -
    const c = this.at(p);
    if (c === 0x30) {
      const c2 = this.at(p + 1);
      return (c2 | 0x20) === 0x78 || (c2 >= 0x30 && c2 <= 0x39); // 0x, or a leading zero
    }
    // C's signed char: bytes >= 0x80 compare below '9' too.
    if (c <= 0x39 || c >= 0x80) return false;
    return this.hasWordIgnoringCase(p, 'inf') || this.hasWordIgnoringCase(p, 'nan');
  }

  private hasWordIgnoringCase(p: number, word: string): boolean {
    for (let k = 0; k < word.length; k++) if ((this.at(p + k) | 0x20) !== word.charCodeAt(k)) return false;
    return true;
  }

  /** json_next_number_token: strtod from here. */
  private number(): void {
    const r = strtod(this.s, this.pos);
    if (r.end === this.pos) { this.error('invalid number'); return; }
    this.type = T_NUMBER;
    this.num = r.value;
    this.pos = r.end;
  }

  /** json_parse_string: the string starting at the quote here. */
  private string(): void {
    const s = this.s;
    this.pos++;
    let out: StrBuf | null = null;
    let start = this.pos;
    for (;;) {
      const ch = this.at(this.pos);
      if (ch === 0x22) break;
      if (ch === 0) { this.error('unexpected end of string'); return; }
      if (ch !== 0x5c) { this.pos++; continue; }
      // An escape: keep what came before it.
      out ??= new StrBuf();
      out.add(s.slice(start, this.pos));
      const esc = ESCAPE_CHARS[String.fromCharCode(this.at(this.pos + 1))];
      if (esc === undefined) { this.error('invalid escape code'); return; }
      if (esc === 'u') {
        if (!this.unicodeEscape(out)) { this.error('invalid unicode escape code'); return; }
      } else {
        out.add(esc);
        this.pos += 2;
      }
      start = this.pos;
    }
    const tail = s.slice(start, this.pos);
    this.pos++;
    this.type = T_STRING;
    if (out === null) this.text = tail;
    else { out.add(tail); this.text = out.toString(); }
  }

  /** Four hex digits at p, or -1. */
  private hex4(p: number): number {
    let v = 0;
    for (let k = 0; k < 4; k++) {
      const d = hexValue(this.at(p + k));
      if (d < 0) return -1;
      v = (v << 4) | d;
    }
    return v;
  }

  /**
   * json_append_unicode_escape: \uXXXX here, or a surrogate pair of them,
   * as UTF-8. False when invalid (a lone or reversed surrogate included).
   */
  private unicodeEscape(out: StrBuf): boolean {
    let cp = this.hex4(this.pos + 2);
    if (cp < 0) return false;
    let length = 6;
    if ((cp & 0xf800) === 0xd800) {
      // A surrogate: it must be a high one, followed by \u and a low one.
      if (cp & 0x400) return false;
      if (this.at(this.pos + 6) !== 0x5c || this.at(this.pos + 7) !== 0x75) return false;
      const low = this.hex4(this.pos + 8);
      if (low < 0 || (low & 0xfc00) !== 0xdc00) return false;
      cp = (((cp & 0x3ff) << 10) | (low & 0x3ff)) + 0x10000;
      length = 12;
    }
    out.add(utf8(cp));
    this.pos += length;
    return true;
  }
}

/** A JSON array or object being filled. */
interface DecodeFrame {
  t: LuaTable;
  array: boolean;
  /** Arrays: the index of the next element. */
  i: number;
  /** Objects: the key of the value being read. */
  key: string;
  /** Lua stack slots in use below a value of this container (the table, and an object's key). */
  top: number;
}

/** A decoded number as this state holds numbers (5.1: plain doubles). */
function luaNumber(x: number): LuaValue {
  return E.dialect.numbers === 'double' ? x : mkFloat(x);
}

/** Reads an object's key and colon; the tokenizer is left at the value's first token. */
function objectKey(tk: Tokenizer, f: DecodeFrame): void {
  if (tk.type !== T_STRING) tk.fail('object key string');
  f.key = tk.text;
  tk.next();
  if (tk.type !== T_COLON) tk.fail('colon');
  tk.next();
}

/** json_process_value and the array/object contexts: the value starting at the current token. */
function decodeValue(tk: Tokenizer, cfg: CjsonConfig): LuaValue {
  const open: DecodeFrame[] = [];
  // Lua stack slots in use below the value being read: the argument of decode.
  let top = 1;
  for (;;) {
    let value: LuaValue;
    switch (tk.type) {
      case T_STRING: value = tk.text; break;
      case T_NUMBER: value = luaNumber(tk.num); break;
      case T_BOOLEAN: value = tk.bool; break;
      case T_NULL: value = NULL_LIGHTUSERDATA; break;
      case T_ARR_BEGIN:
      case T_OBJ_BEGIN: {
        const array = tk.type === T_ARR_BEGIN;
        // json_decode_descend: the depth, and lua_checkstack for the table, a key and a value.
        const depth = open.length + 1;
        if (depth > cfg.decodeMaxDepth || top + (array ? 2 : 3) > LUAI_MAXCSTACK) {
          luaError(`Found too many nested data structures (${depth}) at character ${tk.pos}`);
        }
        const t = new LuaTable();
        tk.next();
        if (tk.type === (array ? T_ARR_END : T_OBJ_END)) { value = t; break; }
        const f: DecodeFrame = { t, array, i: 1, key: '', top: array ? top + 1 : top + 2 };
        open.push(f);
        if (!array) objectKey(tk, f);
        top = f.top;
        continue;
      }
      default:
        return tk.fail('value');
    }
    // The value is complete: store it, closing the containers that end after it.
    for (;;) {
      const f = open[open.length - 1];
      if (f === undefined) return value;
      if (f.array) f.t.setInt(f.i++, value);
      else f.t.setStr(f.key, value);
      tk.next();
      if (tk.type === (f.array ? T_ARR_END : T_OBJ_END)) {
        open.pop();
        value = f.t;
        continue;
      }
      if (tk.type !== T_COMMA) tk.fail(f.array ? 'comma or array end' : 'comma or object end');
      tk.next();
      if (!f.array) objectKey(tk, f);
      top = f.top;
      break;
    }
  }
}

/** json_decode's work. */
function decode(cfg: CjsonConfig, s: string): LuaValue {
  // Only the first character of a JSON text is sure to be ASCII; a NUL
  // among the first two means UTF-16 or UTF-32.
  if (s.length >= 2 && (s.charCodeAt(0) === 0 || s.charCodeAt(1) === 0)) luaError('JSON parser does not support UTF-16 or UTF-32');
  const tk = new Tokenizer(s, cfg);
  tk.next();
  const v = decodeValue(tk, cfg);
  tk.next();
  if (tk.type !== T_END) tk.fail('the end');
  return v;
}

// ------------------------------------------------------------ the module

/** lua_cjson_new: a module table with its own configuration. */
function newCjsonModule(): LuaTable {
  const cfg = new CjsonConfig();

  function cjson_encode(...args: Args): string {
    if (args.length !== 1) argError(1, 'expected 1 argument');
    return encode(cfg, args[0]);
  }

  function cjson_decode(...args: Args): LuaValue {
    if (args.length !== 1) argError(1, 'expected 1 argument');
    return decode(cfg, checkString(args, 0));
  }

  function cjson_encode_sparse_array(...args: Args): LuaValue[] {
    argInit(args, 3);
    return [
      enumOption(args, 0, cfg, 'encodeSparseConvert'),
      integerOption(args, 1, cfg, 'encodeSparseRatio', 0, INT_MAX),
      integerOption(args, 2, cfg, 'encodeSparseSafe', 0, INT_MAX),
    ];
  }

  function cjson_encode_max_depth(...args: Args): number {
    argInit(args, 1);
    return integerOption(args, 0, cfg, 'encodeMaxDepth', 1, INT_MAX);
  }

  function cjson_decode_max_depth(...args: Args): number {
    argInit(args, 1);
    return integerOption(args, 0, cfg, 'decodeMaxDepth', 1, INT_MAX);
  }

  function cjson_encode_number_precision(...args: Args): number {
    argInit(args, 1);
    return integerOption(args, 0, cfg, 'encodeNumberPrecision', 1, 14);
  }

  function cjson_encode_keep_buffer(...args: Args): boolean | string {
    argInit(args, 1);
    return enumOption(args, 0, cfg, 'encodeKeepBuffer');
  }

  function cjson_encode_invalid_numbers(...args: Args): boolean | string {
    argInit(args, 1);
    return enumOption(args, 0, cfg, 'encodeInvalidNumbers', ['off', 'on', 'null']);
  }

  function cjson_decode_invalid_numbers(...args: Args): boolean | string {
    argInit(args, 1);
    return enumOption(args, 0, cfg, 'decodeInvalidNumbers');
  }

  function cjson_new(): LuaTable {
    return newCjsonModule();
  }

  const t = new LuaTable();
  setFuncs(t, 'cjson.', {
    encode: cjson_encode,
    decode: cjson_decode,
    encode_sparse_array: cjson_encode_sparse_array,
    encode_max_depth: cjson_encode_max_depth,
    decode_max_depth: cjson_decode_max_depth,
    encode_number_precision: cjson_encode_number_precision,
    encode_keep_buffer: cjson_encode_keep_buffer,
    encode_invalid_numbers: cjson_encode_invalid_numbers,
    decode_invalid_numbers: cjson_decode_invalid_numbers,
    new: cjson_new,
  });
  t.setStr('null', NULL_LIGHTUSERDATA);
  t.setStr('_NAME', 'cjson');
  t.setStr('_VERSION', '2.1.0');
  return t;
}

/**
 * luaopen_cjson as Redis builds it (ENABLE_CJSON_GLOBAL): a new module,
 * also set as the global `cjson`. Returns the module table.
 */
export function openCjson(L: LuaState): LuaTable {
  const t = newCjsonModule();
  L.globals.setStr('cjson', t);
  return t;
}
