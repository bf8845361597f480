// The scanner, modelled on llex.c (5.4, 5.3) and llex.c 5.1.
//
// The source is a byte string. The lexer keeps llex.c's state that shows up
// in error messages: the current line number (the line where scanning
// stopped, i.e. the end of the last token read, lookahead included) and the
// token buffer (the text of the last token scanned, used for `near '...'`).
import type { Dialect } from './ast.js';
import { chunkid } from './chunkid.js';
import { LuaSyntaxError } from './errors.js';

// ------------------------------------------------------------------ tokens

export const FIRST_RESERVED = 256;
export const TK_AND = 256, TK_BREAK = 257, TK_DO = 258, TK_ELSE = 259, TK_ELSEIF = 260, TK_END = 261,
  TK_FALSE = 262, TK_FOR = 263, TK_FUNCTION = 264, TK_GOTO = 265, TK_IF = 266, TK_IN = 267, TK_LOCAL = 268,
  TK_NIL = 269, TK_NOT = 270, TK_OR = 271, TK_REPEAT = 272, TK_RETURN = 273, TK_THEN = 274, TK_TRUE = 275,
  TK_UNTIL = 276, TK_WHILE = 277,
  TK_IDIV = 278, TK_CONCAT = 279, TK_DOTS = 280, TK_EQ = 281, TK_GE = 282, TK_LE = 283, TK_NE = 284,
  TK_SHL = 285, TK_SHR = 286, TK_DBCOLON = 287, TK_EOS = 288,
  TK_FLT = 289, TK_INT = 290, TK_NAME = 291, TK_STRING = 292;

/** `Lexer.uses`: debug access to locals or hooks; observing collections. */
export const USES_DEBUG = 1, USES_COLLECTION = 2;
/** Names setfenv, getfenv or module: 5.1 functions that may look at the environment of a function by level. */
export const USES_FENV = 4;
const ALL_USES = USES_DEBUG | USES_COLLECTION | USES_FENV;

const TOKEN_NAMES: readonly string[] = [
  'and', 'break', 'do', 'else', 'elseif', 'end', 'false', 'for', 'function', 'goto', 'if', 'in', 'local',
  'nil', 'not', 'or', 'repeat', 'return', 'then', 'true', 'until', 'while',
  '//', '..', '...', '==', '>=', '<=', '~=', '<<', '>>', '::', '<eof>',
  '<number>', '<integer>', '<name>', '<string>',
];

// Module-level tables are built once and never written afterwards: all the
// state of a parse lives on its Lexer and Parser instances.
const RESERVED_54: ReadonlyMap<string, number> = new Map(
  TOKEN_NAMES.slice(0, TK_WHILE - FIRST_RESERVED + 1).map((w, i) => [w, FIRST_RESERVED + i]));
const RESERVED_51: ReadonlyMap<string, number> = new Map([...RESERVED_54].filter(([, t]) => t !== TK_GOTO));

// --------------------------------------------------------- character classes

const C_ALPHA = 1, C_DIGIT = 2, C_XDIGIT = 4, C_SPACE = 8, C_PRINT = 16;
const CTYPE = new Uint8Array(257); // index c+1 so that EOZ (-1) maps to 0
for (let c = 0; c < 256; c++) {
  let f = 0;
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f) f |= C_ALPHA;
  if (c >= 0x30 && c <= 0x39) f |= C_DIGIT | C_XDIGIT;
  if ((c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)) f |= C_XDIGIT;
  if (c === 0x20 || (c >= 9 && c <= 13)) f |= C_SPACE;
  if (c >= 0x20 && c < 0x7f) f |= C_PRINT;
  CTYPE[c + 1] = f;
}
function ctype(c: number): number { return CTYPE[c + 1] ?? 0; } // NaN (past the end) -> 0
function isAlpha(c: number): boolean { return (ctype(c) & C_ALPHA) !== 0; }
function isAlnum(c: number): boolean { return (ctype(c) & (C_ALPHA | C_DIGIT)) !== 0; }
function isDigit(c: number): boolean { return c >= 0x30 && c <= 0x39; }
function isXDigit(c: number): boolean { return (ctype(c) & C_XDIGIT) !== 0; }
function isSpace(c: number): boolean { return (ctype(c) & C_SPACE) !== 0; }
function hexValue(c: number): number { return isDigit(c) ? c - 0x30 : (c | 0x20) - 0x61 + 10; }

export interface Token {
  tok: number;
  /** Names and strings: the (byte string) value; numerals: bigint or number. */
  value: string | bigint | number | null;
  /** Line and column where the token starts. */
  line: number;
  column: number;
  /** Source offsets of the token. */
  start: number;
  end: number;
  /** For strings: -1 for short strings (delimiter in `delim`), else the long bracket level. */
  level: number;
  delim: number;
}

const EOZ = -1;

/** Reads one numeral's text and converts it as lua5.4/5.3 do; null when malformed. */
export function str2numLex(text: string, dialect: Dialect): bigint | number | null {
  if (dialect === '5.1') return str2d51(text);
  const c1 = text.charCodeAt(1);
  if (text.charCodeAt(0) === 0x30 && (c1 === 0x78 || c1 === 0x58)) {
    // hexadecimal: integer if only hex digits (wraps modulo 2^64), else float
    let i = 2;
    let allx = text.length > 2;
    for (; i < text.length; i++) if (!isXDigit(text.charCodeAt(i))) { allx = false; break; }
    if (allx) return BigInt.asIntN(64, BigInt(text));
    return hexFloat(text);
  }
  let alld = true;
  for (let i = 0; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) { alld = false; break; }
  if (alld) {
    const v = BigInt(text);
    if (v <= 0x7fffffffffffffffn) return v;
    return Number(text);
  }
  return decFloat(text);
}

/** strtod on a decimal numeral: the whole text must be a decimal float. */
function decFloat(text: string): number | null {
  const n = text.length;
  let i = 0;
  let digits = 0;
  while (i < n && isDigit(text.charCodeAt(i))) { i++; digits++; }
  if (i < n && text.charCodeAt(i) === 0x2e) {
    i++;
    while (i < n && isDigit(text.charCodeAt(i))) { i++; digits++; }
  }
  if (digits === 0) return null;
  if (i < n && (text.charCodeAt(i) | 0x20) === 0x65) {
    i++;
    if (i < n && (text.charCodeAt(i) === 0x2b || text.charCodeAt(i) === 0x2d)) i++;
    let ed = 0;
    while (i < n && isDigit(text.charCodeAt(i))) { i++; ed++; }
    if (ed === 0) return null;
  }
  if (i !== n) return null;
  return Number(text);
}

/** strtod on a hexadecimal numeral (C99 hex float), correctly rounded. */
function hexFloat(text: string): number | null {
  const n = text.length;
  let i = 2;
  let mant = 0n;
  let digits = 0;
  let fracDigits = 0;
  let sig = '';
  while (i < n && isXDigit(text.charCodeAt(i))) { i++; digits++; }
  sig = text.slice(2, i);
  if (i < n && text.charCodeAt(i) === 0x2e) {
    i++;
    const fs = i;
    while (i < n && isXDigit(text.charCodeAt(i))) { i++; digits++; fracDigits++; }
    sig += text.slice(fs, i);
  }
  if (digits === 0) return null;
  let exp = 0;
  if (i < n && (text.charCodeAt(i) | 0x20) === 0x70) {
    i++;
    let neg = false;
    if (i < n && (text.charCodeAt(i) === 0x2b || text.charCodeAt(i) === 0x2d)) { neg = text.charCodeAt(i) === 0x2d; i++; }
    let ed = 0;
    while (i < n && isDigit(text.charCodeAt(i))) {
      if (exp < 100000000) exp = exp * 10 + (text.charCodeAt(i) - 0x30);
      i++; ed++;
    }
    if (ed === 0) return null;
    if (neg) exp = -exp;
  }
  if (i !== n) return null;
  mant = BigInt('0x' + sig);
  return scaleBinary(mant, exp - 4 * fracDigits);
}

/** m * 2^e rounded to the nearest double (ties to even). */
export function scaleBinary(m: bigint, e: number): number {
  if (m === 0n) return 0;
  const bits = m.toString(2).length;
  // exponent of the unit in the last place of the result
  let ulp = bits + e - 53;
  if (ulp < -1074) ulp = -1074;
  const shift = ulp - e;
  let r: bigint;
  if (shift > 0) {
    const sh = BigInt(shift);
    r = m >> sh;
    const rem = m - (r << sh);
    const half = 1n << (sh - 1n);
    if (rem > half || (rem === half && (r & 1n) === 1n)) r += 1n;
    return ldexp(Number(r), ulp);
  }
  return ldexp(Number(m), e);
}

function ldexp(x: number, e: number): number {
  if (e > 3000) e = 3000;
  if (e < -3000) e = -3000;
  while (e > 1000) { x *= 2 ** 1000; e -= 1000; }
  while (e < -1000) { x *= 2 ** -1000; e += 1000; }
  return x * 2 ** e;
}

/** Lua 5.1: luaO_str2d (glibc strtod, then strtoul for hex). */
function str2d51(text: string): number | null {
  const c1 = text.charCodeAt(1);
  if (text.charCodeAt(0) === 0x30 && (c1 === 0x78 || c1 === 0x58)) return hexFloat(text);
  return decFloat(text);
}

// ------------------------------------------------------------------- lexer

export class Lexer {
  readonly src: string;
  readonly n: number;
  readonly dialect: Dialect;
  readonly chunkName: string;
  private readonly is51: boolean;
  private readonly is54: boolean;
  private readonly reserved: ReadonlyMap<string, number>;
  private shownName: string | null = null;

  /** Offset of the current character. */
  p = 0;
  /** llex.c's linenumber. */
  linenumber = 1;
  /** llex.c's lastline: line of the last token consumed. */
  lastline = 1;
  /** Offset where the current line starts (for columns). */
  private lineStart = 0;

  /**
   * Error recovery (check()): when set, lexical errors are handed to this
   * function (with the source range at fault) and scanning goes on as well as
   * it can (an unfinished string ends where it stopped, a malformed numeral
   * reads as 0, a bad escape is dropped); when null (parse()) they are thrown.
   */
  onError: ((e: LuaSyntaxError, start: number, end: number) => void) | null = null;

  /** Current token and lookahead (lookahead.tok === TK_EOS + 1000 when absent). */
  t: Token;
  ahead: Token | null = null;
  /** The token whose text is in llex.c's buffer (the last one scanned). */
  private buffTok: Token | null = null;
  /** The buffer's text when it does not hold a name, string or numeral. */
  private buffStr = '';
  /** Line and column where the token being scanned starts. */
  private tokLine = 1;
  private tokCol = 1;

  constructor(src: string, chunkName: string, dialect: Dialect) {
    this.src = src;
    this.n = src.length;
    this.dialect = dialect;
    this.chunkName = chunkName;
    this.is51 = dialect === '5.1';
    this.is54 = dialect === '5.4';
    this.reserved = this.is51 ? RESERVED_51 : RESERVED_54;
    this.t = this.mk(TK_EOS, null, 0, 0);
  }

  // ------------------------------------------------------------ messages

  /** The chunk name as shown in messages. */
  source(): string {
    if (this.shownName === null) this.shownName = chunkid(this.chunkName, this.dialect, this.is51 ? 80 : 60);
    return this.shownName;
  }

  /** luaX_token2str. */
  token2str(tok: number): string {
    if (this.is51) {
      if (tok < FIRST_RESERVED) {
        if (tok < 32 || tok === 127) return `char(${tok})`;
        return String.fromCharCode(tok);
      }
      if (tok === TK_FLT || tok === TK_INT) return '<number>';
      return TOKEN_NAMES[tok - FIRST_RESERVED]!;
    }
    if (tok < FIRST_RESERVED) {
      const f = ctype(tok);
      if (f & C_PRINT) return `'${String.fromCharCode(tok)}'`;
      return `'<\\${tok}>'`;
    }
    const s = TOKEN_NAMES[tok - FIRST_RESERVED]!;
    if (tok < TK_EOS) return `'${s}'`;
    return s;
  }

  /** The text of a token as llex.c's buffer holds it. */
  static tokenText(t: Token, src: string): string {
    switch (t.tok) {
      case TK_NAME: return t.value as string;
      case TK_STRING: {
        const v = t.value as string;
        if (t.level < 0) { const q = String.fromCharCode(t.delim); return q + v + q; }
        const eq = '='.repeat(t.level);
        return '[' + eq + '[' + v + ']' + eq + ']';
      }
      default: return src.slice(t.start, t.end);
    }
  }

  /** txtToken: the `near` part for token `tok` (already quoted as the reference shows it). */
  txtToken(tok: number): string {
    if (tok === TK_NAME || tok === TK_STRING || tok === TK_FLT || tok === TK_INT) {
      let s = this.buffTok ? Lexer.tokenText(this.buffTok, this.src) : this.buffStr;
      const z = s.indexOf('\0');
      if (z >= 0) s = s.slice(0, z);
      return `'${s}'`;
    }
    if (this.is51) {
      const s = this.token2str(tok);
      return `'${s}'`;
    }
    return this.token2str(tok);
  }

  /** Builds the error (lexerror): `near` is the quoted near text or null. */
  makeError(reason: string, near: string | null, column: number): LuaSyntaxError {
    let msg = `${this.source()}:${this.linenumber}: ${reason}`;
    if (near !== null) msg += ` near ${near}`;
    return new LuaSyntaxError(msg, this.linenumber, column, near, reason);
  }

  /** luaX_syntaxerror: error near the current token (tok 0 = no near part). */
  syntaxError(reason: string, tok: number = this.t.tok): LuaSyntaxError {
    const near = tok === 0 ? null : this.txtToken(tok);
    return this.makeError(reason, near, this.t.column);
  }

  /** An error raised while scanning (near the partial token buffer). */
  private lexErrorText(reason: string, text: string | null, start: number): LuaSyntaxError {
    let near: string | null = null;
    if (text !== null) {
      const z = text.indexOf('\0');
      if (z >= 0) text = text.slice(0, z);
      near = `'${text}'`;
    }
    void start;
    return this.makeError(reason, near, this.tokCol);
  }

  private lexErrorEOS(reason: string, start: number): LuaSyntaxError {
    void start;
    return this.makeError(reason, this.is51 ? "'<eof>'" : '<eof>', this.tokCol);
  }

  /** A lexical error over source range [start, end): thrown, or reported when recovering. */
  private fail(e: LuaSyntaxError, start: number, end: number): void {
    if (this.onError === null) throw e;
    this.onError(e, start, end);
  }

  /**
   * Restarts scanning at `offset` (the start of a token on line `line`),
   * with no lookahead. Only error recovery uses it.
   */
  seek(offset: number, line: number): void {
    this.p = offset;
    this.linenumber = line;
    this.lastline = line;
    this.lineStart = offset;
    this.ahead = null;
  }

  // ------------------------------------------------------------ scanning

  private mk(tok: number, value: string | bigint | number | null, start: number, column: number): Token {
    return { tok, value, line: this.tokLine, column, start, end: this.p, level: -1, delim: 0 };
  }

  /** luaX_next */
  next(): void {
    this.lastline = this.linenumber;
    if (this.ahead !== null) {
      this.t = this.ahead;
      this.ahead = null;
    } else {
      this.t = this.scan();
    }
    const t = this.t;
    if ((t.tok === TK_NAME || t.tok === TK_STRING || this.gcState !== 0) && this.uses !== ALL_USES) this.noteUse(t);
  }

  /**
   * What the chunk's code (not its comments) may do that the compiler must
   * know in advance (`Uses`): a name or string `getlocal`, `setlocal` or
   * `sethook` (debug access to its frames), `collectgarbage` other than as
   * `collectgarbage("count")` or `("isrunning")` (it observes collections).
   */
  uses = 0;
  /** Where a `collectgarbage` token stands: 1 after the name, 2 after its `(`, 3 after a harmless option. */
  private gcState = 0;

  private noteUse(t: Token): void {
    const v = t.value;
    switch (this.gcState) {
      case 1:
        if (t.tok === 0x28) { this.gcState = 2; return; }
        if (t.tok === TK_STRING && (v === 'count' || v === 'isrunning')) { this.gcState = 0; return; }
        break;
      case 2:
        if (t.tok === TK_STRING && (v === 'count' || v === 'isrunning')) { this.gcState = 3; return; }
        break;
      case 3:
        if (t.tok === 0x29) { this.gcState = 0; return; }
        break;
    }
    if (this.gcState !== 0) {
      this.uses |= USES_COLLECTION;
      this.gcState = 0;
    }
    if (typeof v !== 'string' || (v.length < 6 || v.length > 8) && v.length !== 14) return;
    if (v === 'getlocal' || v === 'setlocal' || v === 'sethook') this.uses |= USES_DEBUG;
    else if (v === 'setfenv' || v === 'getfenv' || v === 'module') this.uses |= USES_FENV;
    else if (v === 'collectgarbage') {
      if (t.tok === TK_NAME) this.gcState = 1;
      else this.uses |= USES_COLLECTION;
    }
  }

  /** luaX_lookahead */
  lookahead(): number {
    this.ahead = this.scan();
    return this.ahead.tok;
  }

  private inclinenumber(): void {
    const src = this.src;
    const old = src.charCodeAt(this.p);
    this.p++;
    const c = src.charCodeAt(this.p);
    if ((c === 10 || c === 13) && c !== old) this.p++;
    this.linenumber++;
    this.lineStart = this.p;
  }

  private scan(): Token {
    const src = this.src;
    const n = this.n;
    for (;;) {
      const p = this.p;
      this.tokLine = this.linenumber;
      this.tokCol = p - this.lineStart + 1;
      if (p >= n) {
        this.buffTok = null;
        this.buffStr = '';
        return this.mk(TK_EOS, null, p, this.tokCol);
      }
      const c = src.charCodeAt(p);
      switch (c) {
        case 10: case 13:
          this.inclinenumber();
          continue;
        case 32: case 9: case 11: case 12:
          this.p++;
          continue;
        case 0x2d: { // '-'
          if (src.charCodeAt(p + 1) !== 0x2d) { this.p++; return this.single(c, p); }
          this.p = p + 2;
          if (src.charCodeAt(this.p) === 0x5b) { // '['
            const sep = this.skipSep();
            if (sep >= 0) {
              this.readLongString(sep, true, p);
              continue;
            }
          }
          // short comment
          let q = this.p;
          while (q < n) {
            const d = src.charCodeAt(q);
            if (d === 10 || d === 13) break;
            q++;
          }
          this.p = q;
          continue;
        }
        case 0x5b: { // '['
          const sep = this.skipSep();
          if (sep >= 0) {
            const value = this.readLongString(sep, false, p);
            const t = this.mk(TK_STRING, value, p, this.tokCol);
            t.level = sep;
            this.buffTok = t;
            return t;
          }
          if (sep !== -1) {
            this.fail(this.lexErrorText('invalid long string delimiter', src.slice(p, this.p), p), p, this.p);
            continue; // recovering: the '[=...' is dropped
          }
          return this.single(0x5b, p);
        }
        case 0x3d: // '='
          if (src.charCodeAt(p + 1) === 0x3d) { this.p = p + 2; return this.sym(TK_EQ, p); }
          this.p++; return this.single(c, p);
        case 0x3c: { // '<'
          const d = src.charCodeAt(p + 1);
          if (d === 0x3d) { this.p = p + 2; return this.sym(TK_LE, p); }
          if (d === 0x3c && !this.is51) { this.p = p + 2; return this.sym(TK_SHL, p); }
          this.p++; return this.single(c, p);
        }
        case 0x3e: { // '>'
          const d = src.charCodeAt(p + 1);
          if (d === 0x3d) { this.p = p + 2; return this.sym(TK_GE, p); }
          if (d === 0x3e && !this.is51) { this.p = p + 2; return this.sym(TK_SHR, p); }
          this.p++; return this.single(c, p);
        }
        case 0x2f: // '/'
          if (src.charCodeAt(p + 1) === 0x2f && !this.is51) { this.p = p + 2; return this.sym(TK_IDIV, p); }
          this.p++; return this.single(c, p);
        case 0x7e: // '~'
          if (src.charCodeAt(p + 1) === 0x3d) { this.p = p + 2; return this.sym(TK_NE, p); }
          this.p++; return this.single(c, p);
        case 0x3a: // ':'
          if (src.charCodeAt(p + 1) === 0x3a && !this.is51) { this.p = p + 2; return this.sym(TK_DBCOLON, p); }
          this.p++; return this.single(c, p);
        case 0x22: case 0x27: { // '"' "'"
          const value = this.readString(c, p);
          const t = this.mk(TK_STRING, value, p, this.tokCol);
          t.delim = c;
          this.buffTok = t;
          return t;
        }
        case 0x2e: { // '.'
          if (src.charCodeAt(p + 1) === 0x2e) {
            if (src.charCodeAt(p + 2) === 0x2e) { this.p = p + 3; return this.sym(TK_DOTS, p); }
            this.p = p + 2; return this.sym(TK_CONCAT, p);
          }
          if (!isDigit(src.charCodeAt(p + 1))) { this.p++; return this.single(c, p); }
          this.p = p + 1;
          return this.readNumeral(p);
        }
        default: {
          if (isDigit(c)) return this.readNumeral(p);
          if (CTYPE[c + 1]! & C_ALPHA) {
            let q = p + 1;
            while (CTYPE[src.charCodeAt(q) + 1]! & (C_ALPHA | C_DIGIT)) q++;
            this.p = q;
            const word = src.slice(p, q);
            // only lower-case words of 2 to 8 letters can be reserved
            const len = q - p;
            let tok = TK_NAME;
            if (len >= 2 && len <= 8 && c >= 0x61) {
              const r = this.reserved.get(word);
              if (r !== undefined) tok = r;
            }
            const t = this.mk(tok, word, p, this.tokCol);
            this.buffTok = t;
            return t;
          }
          this.p++;
          return this.single(c, p);
        }
      }
    }
  }

  private single(c: number, start: number): Token {
    this.buffTok = null;
    this.buffStr = c === 0x2e ? '.' : c === 0x5b ? '[' : '';
    return this.mk(c, null, start, this.tokCol);
  }

  private sym(tok: number, start: number): Token {
    this.buffTok = null;
    this.buffStr = tok === TK_CONCAT ? (this.is51 ? '..' : '.') : tok === TK_DOTS ? (this.is51 ? '...' : '.') : '';
    return this.mk(tok, null, start, this.tokCol);
  }

  /**
   * skip_sep at a '[' or ']': consumes the bracket and the '='s. Returns the
   * level (number of '=') when the same bracket follows, -1 for a lone
   * bracket, or -2 - count for '[=...' without the second bracket.
   */
  private skipSep(): number {
    const src = this.src;
    const s = src.charCodeAt(this.p);
    let q = this.p + 1;
    let count = 0;
    while (src.charCodeAt(q) === 0x3d) { q++; count++; }
    this.p = q;
    if (src.charCodeAt(q) === s) return count;
    return count === 0 ? -1 : -2 - count;
  }

  /** read_long_string: the current char is the second '['. */
  private readLongString(sep: number, comment: boolean, start: number): string {
    const src = this.src;
    const n = this.n;
    const line = this.linenumber;
    this.p++; // skip 2nd '['
    let c = src.charCodeAt(this.p);
    if (c === 10 || c === 13) this.inclinenumber();
    let out = '';
    let seg = this.p;
    for (;;) {
      const p = this.p;
      if (p >= n) {
        const what = comment ? 'comment' : 'string';
        const reason = this.is51 ? `unfinished long ${what}` : `unfinished long ${what} (starting at line ${line})`;
        this.fail(this.lexErrorEOS(reason, start), start, n);
        return comment ? out : out + src.slice(seg, p); // recovering: ends at the end of the source
      }
      c = src.charCodeAt(p);
      if (c === 0x5d) { // ']'
        const lvl = this.skipSep();
        if (lvl === sep) {
          if (!comment) out += src.slice(seg, p);
          this.p++; // skip 2nd ']'
          return out;
        }
      } else if (c === 10 || c === 13) {
        if (!comment) out += src.slice(seg, p) + '\n';
        this.inclinenumber();
        seg = this.p;
      } else if (c === 0x5b && this.is51) {
        // LUA_COMPAT_LSTR: nested '[[' in a level-0 long string or comment
        const lvl = this.skipSep();
        if (lvl === sep) {
          this.p++;
          if (sep === 0) this.fail(this.makeError('nesting of [[...]] is deprecated', "'['", this.tokCol), p, this.p);
        }
      } else {
        this.p++;
      }
    }
  }

  /**
   * read_string: the loop is shared by the dialects; escapes differ (5.1 has
   * no \x, \z or \u{}, passes unknown escapes through, and words its
   * errors differently).
   */
  private readString(del: number, start: number): string {
    const src = this.src;
    const n = this.n;
    const q = String.fromCharCode(del);
    let out = '';
    let seg = ++this.p;
    for (;;) {
      const p = this.p;
      if (p >= n) {
        this.fail(this.lexErrorEOS('unfinished string', start), start, n);
        return out + src.slice(seg, p); // recovering: the string ends at the end of the source
      }
      const c = src.charCodeAt(p);
      if (c === del) break;
      if (c === 10 || c === 13) {
        out += src.slice(seg, p);
        this.fail(this.lexErrorText('unfinished string', q + out, start), start, p);
        return out; // recovering: the string ends at the end of the line
      }
      if (c !== 0x5c) { this.p++; continue; }
      out += src.slice(seg, p);
      out = this.is51 ? this.escape51(out, q, start, p) : this.escape(out, q, start, p);
      seg = this.p;
    }
    out += src.slice(seg, this.p);
    this.p++; // skip delimiter
    return out;
  }

  /** An escape sequence at `p` (the backslash) in 5.3/5.4: `out` plus its value. */
  private escape(out: string, q: string, start: number, p: number): string {
    const src = this.src;
    const n = this.n;
    const esc = p;
    // Errors: the buffer holds the escape read so far plus the current char.
    // When recovering, the escape is dropped and the string goes on at the
    // current char.
    const bad = (reason: string): void => {
      const end = this.p < n ? this.p + 1 : this.p;
      this.fail(this.lexErrorText(reason, q + out + src.slice(esc, end), start), esc, end);
    };
    this.p = p + 1;
    const e = this.p < n ? src.charCodeAt(this.p) : EOZ;
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      this.p++;
      return out + simple;
    }
    switch (e) {
      case 0x78: { // x
        let r = 0;
        for (let k = 0; k < 2; k++) {
          this.p++;
          const h = this.p < n ? src.charCodeAt(this.p) : EOZ;
          if (!isXDigit(h)) { bad('hexadecimal digit expected'); return out; }
          r = (r << 4) + hexValue(h);
        }
        this.p++;
        out += String.fromCharCode(r);
        break;
      }
      case 0x75: { // u
        this.p++;
        if (src.charCodeAt(this.p) !== 0x7b) { bad("missing '{'"); return out; }
        this.p++;
        let h = this.p < n ? src.charCodeAt(this.p) : EOZ;
        if (!isXDigit(h)) { bad('hexadecimal digit expected'); return out; }
        let r = hexValue(h);
        const limit = this.is54 ? 0x7ffffff : 0x10fff;
        for (;;) {
          this.p++;
          h = this.p < n ? src.charCodeAt(this.p) : EOZ;
          if (!isXDigit(h)) break;
          if (r > limit) { bad('UTF-8 value too large'); return out; }
          r = r * 16 + hexValue(h);
        }
        if (h !== 0x7d) { bad("missing '}'"); return out; }
        this.p++;
        out += utf8esc(r);
        break;
      }
      case 10: case 13:
        this.inclinenumber();
        out += '\n';
        break;
      case 0x5c: case 0x22: case 0x27:
        out += String.fromCharCode(e); this.p++; break;
      case EOZ:
        break; // unfinished string, next round
      case 0x7a: { // z
        this.p++;
        for (;;) {
          const w = this.p < n ? src.charCodeAt(this.p) : EOZ;
          if (!isSpace(w)) break;
          if (w === 10 || w === 13) this.inclinenumber();
          else this.p++;
        }
        break;
      }
      default: {
        if (!isDigit(e)) {
          bad('invalid escape sequence');
          this.p++; // recovering: drop the escaped char too (never a newline, the delimiter or the end)
          return out;
        }
        let r = 0;
        for (let k = 0; k < 3; k++) {
          const d = this.p < n ? src.charCodeAt(this.p) : EOZ;
          if (!isDigit(d)) break;
          r = 10 * r + (d - 0x30);
          this.p++;
        }
        if (r > 255) { bad('decimal escape too large'); return out; }
        out += String.fromCharCode(r);
      }
    }
    return out;
  }

  /** An escape sequence at `p` (the backslash) in 5.1. */
  private escape51(out: string, q: string, start: number, p: number): string {
    const src = this.src;
    const n = this.n;
    this.p = p + 1;
    const e = this.p < n ? src.charCodeAt(this.p) : EOZ;
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      this.p++;
      return out + simple;
    }
    switch (e) {
      case 10: case 13:
        out += '\n';
        this.inclinenumber();
        break;
      case EOZ: break;
      default: {
        if (!isDigit(e)) { out += String.fromCharCode(e); this.p++; break; }
        let r = 0;
        let k = 0;
        do {
          r = 10 * r + (src.charCodeAt(this.p) - 0x30);
          this.p++;
        } while (++k < 3 && this.p < n && isDigit(src.charCodeAt(this.p)));
        if (r > 255) {
          this.fail(this.lexErrorText('escape sequence too large', q + out, start), p, this.p);
          return out;
        }
        out += String.fromCharCode(r);
      }
    }
    return out;
  }

  /** read_numeral; `start` is where the numeral text starts ('.' included). */
  private readNumeral(start: number): Token {
    const src = this.src;
    const n = this.n;
    let p = this.p;
    const col = this.tokCol;
    if (this.is51) {
      do { p++; } while (p < n && (isDigit(src.charCodeAt(p)) || src.charCodeAt(p) === 0x2e));
      let c = src.charCodeAt(p);
      if (c === 0x45 || c === 0x65) {
        p++;
        c = src.charCodeAt(p);
        if (c === 0x2b || c === 0x2d) p++;
      }
      while (p < n && isAlnum(src.charCodeAt(p))) p++;
    } else {
      const first = src.charCodeAt(p);
      p++;
      let e1 = 0x45, e2 = 0x65; // 'E' 'e'
      if (first === 0x30) {
        const c = src.charCodeAt(p);
        if (c === 0x78 || c === 0x58) { p++; e1 = 0x50; e2 = 0x70; }
      }
      for (;;) {
        const c = src.charCodeAt(p);
        if (c === e1 || c === e2) {
          p++;
          const s = src.charCodeAt(p);
          if (s === 0x2d || s === 0x2b) p++;
          if (!this.is54) {
            // 5.3 reads a digit or '.' in the same round, or stops
            const d = src.charCodeAt(p);
            if (isXDigit(d) || d === 0x2e) p++;
            else break;
          }
        } else if (isXDigit(c) || c === 0x2e) {
          p++;
        } else break;
      }
      if (this.is54 && p < n && isAlpha(src.charCodeAt(p))) p++;
    }
    this.p = p;
    const text = src.slice(start, p);
    let v = str2numLex(text, this.dialect);
    if (v === null) {
      this.fail(this.lexErrorText('malformed number', text, start), start, p);
      v = this.is51 ? 0 : 0n; // recovering: reads as 0
    }
    const t = this.mk(typeof v === 'bigint' ? TK_INT : TK_FLT, v, start, col);
    this.buffTok = t;
    return t;
  }
}

/** The one-letter escapes every dialect shares: \a \b \f \n \r \t \v. */
const SIMPLE_ESCAPES: Readonly<Record<number, string>> = {
  0x61: '\x07', 0x62: '\b', 0x66: '\f', 0x6e: '\n', 0x72: '\r', 0x74: '\t', 0x76: '\v',
};

/** luaO_utf8esc: the UTF-8 (extended to 31 bits) encoding of x as a byte string. */
export function utf8esc(x: number): string {
  if (x < 0x80) return String.fromCharCode(x);
  const bytes: number[] = [];
  let mfb = 0x3f;
  do {
    bytes.push(0x80 | (x & 0x3f));
    x = Math.floor(x / 64);
    mfb >>= 1;
  } while (x > mfb);
  bytes.push(((~mfb << 1) | x) & 0xff);
  let s = '';
  for (let i = bytes.length - 1; i >= 0; i--) s += String.fromCharCode(bytes[i]!);
  return s;
}
