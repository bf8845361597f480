// Lua patterns (manual §6.4.1): the matcher of lstrlib.c, written anew for
// byte strings. Semantics follow lua5.4 exactly, including where it reads
// the terminating '\0' past the end of the subject or the pattern.
//
// The matcher recurses only where lstrlib recurses (captures, '?', '*',
// '+', '-'), and every recursive call spends one unit of `matchdepth`
// (MAXCCALLS = 200), so the JS stack stays bounded: deeper patterns fail
// with "pattern too complex", as in lua5.4.
//
// Errors are thrown as PatternError (no position); the library function
// that ran the matcher turns them into Lua errors at its own level.

import { E } from '../runtime/engine.js';

export const MAXCCALLS = 200;
/** Match attempts charged to the run's budget at a time (runtime/limits.ts). */
const STEP_BATCH = 256;
export const MAXCAPTURES = 32;
export const CAP_UNFINISHED = -1;
export const CAP_POSITION = -2;

const L_ESC = 37; // '%'

/** A matcher error: lstrlib's message, raised by the calling library function. */
export class PatternError {
  constructor(readonly message: string) {}
}

function perr(message: string): never {
  throw new PatternError(message);
}

// ------------------------------------------------------------ C-locale ctype

const ALPHA = 1, CNTRL = 2, DIGIT = 4, GRAPH = 8, LOWER = 16, PUNCT = 32, SPACE = 64, UPPER = 128, XDIGIT = 256;

/** ctype bits of each byte in the "C" locale. */
export const CTYPE: Uint16Array = (() => {
  const t = new Uint16Array(256);
  for (let c = 0; c < 256; c++) {
    let b = 0;
    const upper = c >= 65 && c <= 90, lower = c >= 97 && c <= 122, digit = c >= 48 && c <= 57;
    if (upper || lower) b |= ALPHA;
    if (upper) b |= UPPER;
    if (lower) b |= LOWER;
    if (digit) b |= DIGIT;
    if (c < 32 || c === 127) b |= CNTRL;
    if (c >= 33 && c <= 126) b |= GRAPH;
    if (c >= 33 && c <= 126 && !upper && !lower && !digit) b |= PUNCT;
    if (c === 32 || (c >= 9 && c <= 13)) b |= SPACE;
    if (digit || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)) b |= XDIGIT;
    t[c] = b;
  }
  return t;
})();

export function isDigitByte(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isCntrlByte(c: number): boolean {
  return c < 32 || c === 127;
}

/** match_class: does byte c belong to class %cl? */
export function matchClass(c: number, cl: number): boolean {
  let bit: number;
  switch (cl | 0x20) {
    case 97: bit = ALPHA; break; // a
    case 99: bit = CNTRL; break; // c
    case 100: bit = DIGIT; break; // d
    case 103: bit = GRAPH; break; // g
    case 108: bit = LOWER; break; // l
    case 112: bit = PUNCT; break; // p
    case 115: bit = SPACE; break; // s
    case 117: bit = UPPER; break; // u
    case 119: bit = ALPHA | DIGIT; break; // w
    case 120: bit = XDIGIT; break; // x
    case 122: // z (deprecated): the zero byte
      if (cl === 122) return c === 0;
      if (cl === 90) return c !== 0;
      return cl === c;
    default: return cl === c;
  }
  // (cl | 0x20) maps only 'A'..'Z' onto the letters above: C's tolower.
  if (cl >= 97 && cl <= 122) return (CTYPE[c] & bit) !== 0;
  if (cl >= 65 && cl <= 90) return (CTYPE[c] & bit) === 0;
  return cl === c;
}

// ------------------------------------------------------------- match state

export class MatchState {
  /** The subject; the match works on src[0 .. src.length). */
  src = '';
  /** The whole pattern string; the pattern proper ends at pEnd = pat.length. */
  pat = '';
  pEnd = 0;
  level = 0;
  matchdepth = MAXCCALLS;
  readonly capInit: number[] = [];
  readonly capLen: number[] = [];

  constructor(src: string, pat: string) {
    this.src = src;
    this.pat = pat;
    this.pEnd = pat.length;
  }

  /**
   * Bytes a match of pattern[p0..] can start with, when its first item is a
   * single-char class that must occur at least once (no '*', '?', '-'
   * suffix): scanning loops skip other positions without running the
   * matcher. null when any position may start a match. Errors in the
   * pattern are left to the matcher.
   */
  startSet(p0: number): Uint8Array | null {
    const pat = this.pat, pEnd = this.pEnd;
    if (p0 >= pEnd) return null;
    const c = pat.charCodeAt(p0);
    if (c === 40 || c === 41 || c === 46) return null; // '(' ')' '.'
    if (c === 36 && p0 + 1 === pEnd) return null; // '$' anchor
    if (c === L_ESC) {
      const n = this.pc(p0 + 1);
      if (n === 98 || n === 102 || (n >= 48 && n <= 57) || p0 + 1 >= pEnd) return null; // %b %f %1..
    }
    let ep: number;
    try {
      ep = this.classEnd(p0);
    } catch {
      return null;
    }
    const suffix = this.pc(ep);
    if (suffix === 42 || suffix === 63 || suffix === 45) return null; // '*' '?' '-'
    const set = new Uint8Array(256);
    for (let b = 0; b < 256; b++) {
      const sub = String.fromCharCode(b);
      const saved = this.src;
      this.src = sub;
      set[b] = this.singleMatch(0, p0, ep) ? 1 : 0;
      this.src = saved;
    }
    return set;
  }

  /**
   * A literal run every match of pattern[p0..] contains at a fixed offset
   * from its start (the run is preceded only by single-char classes without
   * a quantifier), for scanning with indexOf; null when there is none.
   */
  literalAnchor(p0: number): { offset: number; text: string } | null {
    const pat = this.pat, pEnd = this.pEnd;
    let p = p0;
    let offset = 0;
    const isSpecial = (c: number) => c === 94 || c === 36 || c === 42 || c === 43 || c === 63 || c === 46 ||
      c === 40 || c === 41 || c === 91 || c === 93 || c === 37 || c === 45;
    // Skip leading fixed-width, non-literal items.
    for (;;) {
      if (p >= pEnd) return null;
      const c = pat.charCodeAt(p);
      if (!isSpecial(c)) break;
      if (c !== 46 && c !== 91 && !(c === L_ESC && p + 1 < pEnd && /[acdglpsuwxACDGLPSUWX]/.test(pat[p + 1]!))) return null;
      let ep: number;
      try {
        ep = this.classEnd(p);
      } catch {
        return null;
      }
      const q = this.pc(ep);
      if (q === 42 || q === 43 || q === 63 || q === 45) return null;
      p = ep;
      offset++;
    }
    let text = '';
    while (p < pEnd) {
      const c = pat.charCodeAt(p);
      if (isSpecial(c)) break;
      const q = this.pc(p + 1);
      if (q === 42 || q === 43 || q === 63 || q === 45) break; // quantified: not fixed
      text += pat[p];
      p++;
    }
    return text.length > 0 ? { offset, text } : null;
  }

  /** Match attempts left before the next charge to the run's budget. */
  private steps = 0;

  private refuel(): void {
    E.B.charge(STEP_BATCH);
    this.steps = STEP_BATCH;
  }

  /** reprepstate */
  reset(): void {
    this.level = 0;
    this.matchdepth = MAXCCALLS;
  }

  /** Pattern byte at p; '\0' at (and past) the end, as C reads the terminator. */
  protected pc(p: number): number {
    return p < this.pEnd ? this.pat.charCodeAt(p) : 0;
  }

  /** classEnd: index just after the single-char class starting at p. */
  private classEnd(p: number): number {
    const pat = this.pat, pEnd = this.pEnd;
    const c = pat.charCodeAt(p++);
    if (c === L_ESC) {
      if (p >= pEnd) perr("malformed pattern (ends with '%')");
      return p + 1;
    }
    if (c === 91) { // '['
      if (this.pc(p) === 94) p++; // '^'
      do {
        if (p >= pEnd) perr("malformed pattern (missing ']')");
        const cc = pat.charCodeAt(p++);
        if (cc === L_ESC && p < pEnd) p++;
      } while (this.pc(p) !== 93); // ']'
      return p + 1;
    }
    return p;
  }

  /** matchbracketclass: p at '[', ec at the closing ']'. */
  protected matchBracketClass(c: number, p: number, ec: number): boolean {
    const pat = this.pat;
    let sig = true;
    if (this.pc(p + 1) === 94) { // '^'
      sig = false;
      p++;
    }
    while (++p < ec) {
      const pcc = pat.charCodeAt(p);
      if (pcc === L_ESC) {
        p++;
        if (matchClass(c, this.pc(p))) return sig;
      } else if (this.pc(p + 1) === 45 && p + 2 < ec) { // range a-z
        p += 2;
        if (pcc <= c && c <= pat.charCodeAt(p)) return sig;
      } else if (pcc === c) return sig;
    }
    return !sig;
  }

  protected singleMatch(s: number, p: number, ep: number): boolean {
    if (s >= this.src.length) return false;
    const c = this.src.charCodeAt(s);
    const pcc = this.pat.charCodeAt(p);
    switch (pcc) {
      case 46: return true; // '.'
      case L_ESC: return matchClass(c, this.pc(p + 1));
      case 91: return this.matchBracketClass(c, p, ep - 1);
      default: return pcc === c;
    }
  }

  protected matchBalance(s: number, p: number): number {
    if (p >= this.pEnd - 1) perr("malformed pattern (missing arguments to '%b')");
    const src = this.src, end = src.length;
    // *s reads the terminator at the end of the subject
    const c0 = s < end ? src.charCodeAt(s) : 0;
    if (c0 !== this.pat.charCodeAt(p)) return -1;
    const b = this.pat.charCodeAt(p), e = this.pat.charCodeAt(p + 1);
    let cont = 1;
    while (++s < end) {
      const c = src.charCodeAt(s);
      if (c === e) {
        if (--cont === 0) return s + 1;
      } else if (c === b) cont++;
    }
    return -1;
  }

  private maxExpand(s: number, p: number, ep: number): number {
    let i = 0;
    while (this.singleMatch(s + i, p, ep)) i++;
    this.steps -= i >> 4; // the scan (charged at the next attempt)
    while (i >= 0) {
      const res = this.match(s + i, ep + 1);
      if (res !== -1) return res;
      i--;
    }
    return -1;
  }

  private minExpand(s: number, p: number, ep: number): number {
    for (;;) {
      const res = this.match(s, ep + 1);
      if (res !== -1) return res;
      if (this.singleMatch(s, p, ep)) s++;
      else return -1;
    }
  }

  private startCapture(s: number, p: number, what: number): number {
    const level = this.level;
    if (level >= MAXCAPTURES) perr('too many captures');
    this.capInit[level] = s;
    this.capLen[level] = what;
    this.level = level + 1;
    const res = this.match(s, p);
    if (res === -1) this.level--;
    return res;
  }

  private endCapture(s: number, p: number): number {
    const l = this.captureToClose();
    this.capLen[l] = s - this.capInit[l];
    const res = this.match(s, p);
    if (res === -1) this.capLen[l] = CAP_UNFINISHED;
    return res;
  }

  private captureToClose(): number {
    let level = this.level;
    for (level--; level >= 0; level--) if (this.capLen[level] === CAP_UNFINISHED) return level;
    return perr('invalid pattern capture');
  }

  protected checkCapture(l: number): number {
    l -= 49; // '1'
    if (l < 0 || l >= this.level || this.capLen[l] === CAP_UNFINISHED) perr(`invalid capture index %${l + 1}`);
    return l;
  }

  private matchCapture(s: number, l: number): number {
    l = this.checkCapture(l);
    const len = this.capLen[l];
    if (len < 0) return -1; // a position capture: (size_t)-2 never fits
    const src = this.src;
    if (src.length - s >= len) {
      const init = this.capInit[l];
      for (let k = 0; k < len; k++) if (src.charCodeAt(init + k) !== src.charCodeAt(s + k)) return -1;
      return s + len;
    }
    return -1;
  }

  /** match: the end of the match of pattern[p..] at subject position s, or -1. */
  match(s: number, p: number): number {
    if (this.matchdepth-- === 0) perr('pattern too complex');
    // Every attempt counts toward the run's limits, in batches: backtracking stops with them.
    if (--this.steps < 0) this.refuel();
    const pat = this.pat, pEnd = this.pEnd;
    for (;;) {
      if (p === pEnd) break;
      const c = pat.charCodeAt(p);
      if (c === 40) { // '('
        if (this.pc(p + 1) === 41) s = this.startCapture(s, p + 2, CAP_POSITION);
        else s = this.startCapture(s, p + 1, CAP_UNFINISHED);
        break;
      }
      if (c === 41) { // ')'
        s = this.endCapture(s, p + 1);
        break;
      }
      if (c === 36 && p + 1 === pEnd) { // '$' at the end of the pattern
        if (s !== this.src.length) s = -1;
        break;
      }
      if (c === L_ESC) {
        const n = this.pc(p + 1);
        if (n === 98) { // %b
          s = this.matchBalance(s, p + 2);
          if (s !== -1) { p += 4; continue; }
          break;
        }
        if (n === 102) { // %f
          p += 2;
          if (this.pc(p) !== 91) perr("missing '[' after '%f' in pattern");
          const ep = this.classEnd(p);
          const src = this.src;
          const previous = s === 0 ? 0 : src.charCodeAt(s - 1);
          const current = s < src.length ? src.charCodeAt(s) : 0;
          if (!this.matchBracketClass(previous, p, ep - 1) && this.matchBracketClass(current, p, ep - 1)) {
            p = ep;
            continue;
          }
          s = -1;
          break;
        }
        if (n >= 48 && n <= 57) { // %0-%9
          s = this.matchCapture(s, n);
          if (s !== -1) { p += 2; continue; }
          break;
        }
      }
      // default: a single-char class with an optional suffix
      const ep = this.classEnd(p);
      const suffix = this.pc(ep);
      if (!this.singleMatch(s, p, ep)) {
        if (suffix === 42 || suffix === 63 || suffix === 45) { // '*' '?' '-' accept empty
          p = ep + 1;
          continue;
        }
        s = -1;
        break;
      }
      if (suffix === 63) { // '?'
        const res = this.match(s + 1, ep + 1);
        if (res !== -1) { s = res; break; }
        p = ep + 1;
        continue;
      }
      if (suffix === 43) { // '+'
        s = this.maxExpand(s + 1, p, ep);
        break;
      }
      if (suffix === 42) { // '*'
        s = this.maxExpand(s, p, ep);
        break;
      }
      if (suffix === 45) { // '-'
        s = this.minExpand(s, p, ep);
        break;
      }
      s++;
      p = ep;
    }
    this.matchdepth++;
    return s;
  }

  /**
   * get_onecapture: capture i of a match s..e, as a string or (position
   * captures) an integer.
   */
  capture(i: number, s: number, e: number): string | number {
    if (i >= this.level) {
      if (i !== 0) perr(`invalid capture index %${i + 1}`);
      return this.src.slice(s, e);
    }
    const l = this.capLen[i];
    const init = this.capInit[i];
    if (l === CAP_UNFINISHED) perr('unfinished capture');
    if (l === CAP_POSITION) return init + 1;
    return this.src.slice(init, init + l);
  }

  /** push_captures: all captures (the whole match when there are none and wholeIfNone). */
  captures(s: number, e: number, wholeIfNone: boolean): (string | number)[] {
    const n = this.level === 0 && wholeIfNone ? 1 : this.level;
    const out: (string | number)[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = this.capture(i, s, e);
    return out;
  }
}

const SPECIALS = '^$*+?.([%-';

/** nospecials: true when the pattern has none of the magic characters. */
export function noSpecials(p: string): boolean {
  for (let i = 0; i < p.length; i++) if (SPECIALS.indexOf(p.charAt(i)) >= 0) return false;
  return true;
}

/** Result of a pattern search: start and end (0-based, end exclusive) and the captures. */
export interface FindResult {
  start: number;
  end: number;
  captures: (string | number)[];
}

/**
 * str_find_aux's matching loop: search `pat` in `s` from 0-based `init`
 * (init <= s.length). With find=true the captures exclude the whole match.
 */
export function patternFind(s: string, pat: string, init: number, find: boolean): FindResult | null {
  let p = 0;
  const anchor = pat.charCodeAt(0) === 94; // '^'
  if (anchor) p = 1;
  const ms = new MatchState(s, pat);
  let s1 = init;
  do {
    ms.reset();
    const e = ms.match(s1, p);
    if (e !== -1) {
      return { start: s1, end: e, captures: find ? ms.captures(-1, -1, false) : ms.captures(s1, e, true) };
    }
  } while (s1++ < s.length && !anchor);
  return null;
}

/** Helper for match state construction with a pattern offset (anchors, gsub, gmatch). */
export function newMatchState(s: string, pat: string): MatchState {
  return new MatchState(s, pat);
}
