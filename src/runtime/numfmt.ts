// Number <-> text conversions with C semantics:
//   - formatG(x, prec): printf("%.<prec>g") as glibc does it (exact value,
//     round-half-even), used for tostring (prec 14, LUAI_NUMFFORMAT "%.14g").
//   - formatE(x, prec): printf("%.<prec>e").
//   - parseHexFloat / bigTimesPow2: strtod for hexadecimal floats, correctly
//     rounded.
//
// NaN: glibc prints a NaN with its sign bit set as "-nan". On x86-64 the
// NaN produced by 0/0, inf-inf, fmod(x,0)... has that bit set, so lua5.4
// prints `0/0` as "-nan" and `-(0/0)` as "nan". V8 keeps the sign bit of the
// NaNs it computes, so we read it (NAN_TEXT is the usual case).

export const NAN_TEXT = '-nan';

const f64 = new Float64Array(1);
const f64bytes = new Uint8Array(f64.buffer);

/** "-nan" or "nan", as glibc prints this NaN. */
export function nanText(x: number): string {
  f64[0] = x;
  return f64bytes[7] >= 0x80 ? '-nan' : 'nan';
}
const u32 = new Uint32Array(f64.buffer);
// Index of the high word (little-endian on every platform Node supports, but check).
const HI = (() => { f64[0] = 1; return u32[1] === 0x3ff00000 ? 1 : 0; })();
const LO = 1 - HI;

/** 2^e exactly, for integer e in [-1074, 1023]. */
export function pow2(e: number): number {
  if (e >= -1022) {
    u32[HI] = (e + 1023) << 20;
    u32[LO] = 0;
  } else {
    // subnormal: bit (e + 1074) of the 52-bit fraction
    const b = e + 1074;
    if (b >= 32) { u32[HI] = 1 << (b - 32); u32[LO] = 0; } else { u32[HI] = 0; u32[LO] = (1 << b) >>> 0; }
  }
  return f64[0];
}

/**
 * Exact decimal expansion of a finite x > 0: significant digits (no leading
 * or trailing zeros) and the decimal exponent of the first digit.
 */
export function exactDecimal(x: number): [digits: string, exp: number] {
  f64[0] = x;
  const hi = u32[HI], lo = u32[LO];
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e2: number;
  if (bexp === 0) e2 = -1074;
  else { mant |= 1n << 52n; e2 = bexp - 1075; }
  let digits: string, exp: number;
  if (e2 >= 0) {
    digits = (mant << BigInt(e2)).toString();
    exp = digits.length - 1;
  } else {
    const k = -e2;
    digits = (mant * 5n ** BigInt(k)).toString();
    exp = digits.length - 1 - k;
  }
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 48) end--;
  return [digits.slice(0, end), exp];
}

/** Increment a string of decimal digits; returns [digits, carriedOut]. */
function incDigits(d: string): [string, boolean] {
  let i = d.length - 1;
  while (i >= 0 && d.charCodeAt(i) === 57) i--;
  if (i < 0) return ['1' + '0'.repeat(d.length - 1), true];
  return [d.slice(0, i) + String.fromCharCode(d.charCodeAt(i) + 1) + '0'.repeat(d.length - 1 - i), false];
}

/**
 * x > 0 finite rounded to nsig >= 1 significant digits, round-half-even on the
 * exact binary value (as glibc printf). Returns exactly nsig digits and the
 * decimal exponent of the first one.
 */
export function toDigits(x: number, nsig: number): [digits: string, exp: number] {
  // JS's shortest round-trip digits S are within half an ulp of x. With at
  // most 15 significant digits, half a step of the nsig-digit grid is over
  // 4 times an ulp of a normal double, so x rounds to S itself when S has at
  // most nsig digits: the common case (0.5, 508.0, 1e-3), without the
  // correctly rounded path below (measured: qt, which io.writes 2.4 MB of
  // such numbers, spent 10% of its time there).
  if (nsig <= 15 && x >= MIN_NORMAL) {
    const [d, e] = shortestDigits(x);
    if (d.length <= nsig) return [d.length === nsig ? d : d + '0'.repeat(nsig - d.length), e];
  }
  if (nsig <= 97) {
    // V8's toExponential is correctly rounded, except that exact ties go up.
    // Take nsig+3 correctly rounded digits R: unless R's last three digits are
    // "500" (the exact value may then be a tie, or on either side of it), the
    // exact value is on the same side of the rounding boundary as R.
    const w = x.toExponential(nsig + 2);
    const ep = w.indexOf('e');
    const all = w.charAt(0) + w.slice(2, ep);
    if (all.charCodeAt(nsig) !== 53 || all.charCodeAt(nsig + 1) !== 48 || all.charCodeAt(nsig + 2) !== 48) {
      const e = +w.slice(ep + 1);
      const head = all.slice(0, nsig);
      if (all.charCodeAt(nsig) < 53) return [head, e];
      const [r, carry] = incDigits(head);
      return [r, carry ? e + 1 : e];
    }
  }
  const [d, e] = exactDecimal(x);
  if (d.length <= nsig) return [d + '0'.repeat(nsig - d.length), e];
  const head = d.slice(0, nsig);
  const c = d.charCodeAt(nsig);
  let up: boolean;
  if (c !== 53) up = c > 53;
  else if (d.length > nsig + 1) up = true; // beyond half (no trailing zeros in d)
  else up = (head.charCodeAt(nsig - 1) & 1) === 1; // tie: to even
  if (!up) return [head, e];
  const [r, carry] = incDigits(head);
  return [r, carry ? e + 1 : e];
}

const MIN_NORMAL = 2.2250738585072014e-308;

/** x > 0 finite: the significant digits of String(x) (no trailing zeros) and the decimal exponent of the first. */
function shortestDigits(x: number): [digits: string, exp: number] {
  const s = String(x);
  const ei = s.indexOf('e');
  const m = ei < 0 ? s : s.slice(0, ei);
  const dot = m.indexOf('.');
  const intLen = dot < 0 ? m.length : dot;
  const all = dot < 0 ? m : m.slice(0, dot) + m.slice(dot + 1);
  let lead = 0;
  while (all.charCodeAt(lead) === 48) lead++;
  let end = all.length;
  while (end > lead + 1 && all.charCodeAt(end - 1) === 48) end--;
  return [all.slice(lead, end), (ei < 0 ? 0 : +s.slice(ei + 1)) + intLen - 1 - lead];
}

function expSuffix(e: number): string {
  const a = e < 0 ? -e : e;
  return (e < 0 ? 'e-' : 'e+') + (a < 10 ? '0' + a : String(a));
}

function nonFinite(x: number): string | undefined {
  if (x !== x) return nanText(x);
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  return undefined;
}

/** printf("%.<prec>g", x) (glibc). alt = the '#' flag (keep trailing zeros). */
export function formatG(x: number, prec = 6, alt = false): string {
  const nf = nonFinite(x);
  if (nf !== undefined) return nf;
  const P = prec === 0 ? 1 : prec;
  const neg = x < 0 || Object.is(x, -0);
  const ax = neg ? -x : x;
  let digits: string, X: number;
  if (ax === 0) { digits = '0'.repeat(P); X = 0; } else [digits, X] = toDigits(ax, P);
  let out: string;
  if (X < P && X >= -4) {
    // %f with precision P-1-X
    if (X >= 0) {
      const ip = digits.slice(0, X + 1);
      let fp = digits.slice(X + 1);
      if (!alt) fp = stripZeros(fp);
      out = fp.length > 0 || alt ? ip + '.' + fp : ip;
    } else {
      let fp = '0'.repeat(-X - 1) + digits;
      if (!alt) fp = stripZeros(fp);
      out = fp.length > 0 || alt ? '0.' + fp : '0';
    }
  } else {
    let fp = digits.slice(1);
    if (!alt) fp = stripZeros(fp);
    out = (fp.length > 0 || alt ? digits.charAt(0) + '.' + fp : digits.charAt(0)) + expSuffix(X);
  }
  return neg ? '-' + out : out;
}

/** printf("%.<prec>e", x) (glibc). */
export function formatE(x: number, prec = 6, alt = false): string {
  const nf = nonFinite(x);
  if (nf !== undefined) return nf;
  const neg = x < 0 || Object.is(x, -0);
  const ax = neg ? -x : x;
  let digits: string, X: number;
  if (ax === 0) { digits = '0'.repeat(prec + 1); X = 0; } else [digits, X] = toDigits(ax, prec + 1);
  const out = (prec > 0 || alt ? digits.charAt(0) + '.' + digits.slice(1) : digits) + expSuffix(X);
  return neg ? '-' + out : out;
}

function stripZeros(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 48) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** "%.14g", Lua's LUAI_NUMFFORMAT. */
export function formatG14(x: number): string {
  // The common case as JS prints it: from 1e-4 up to 1e14 both print fixed
  // notation without trailing zeros, and when JS's shortest round-trip
  // digits are at most 14, they are %.14g's digits too (see toDigits).
  // Measured: qt, which io.writes 2.4 MB of numbers, 1.66 -> 1.60 s.
  const ax = x < 0 ? -x : x;
  if (ax >= 1e-4 && ax < 1e14) {
    const s = String(x);
    if (significantDigits(s) <= 14) return s;
  }
  return formatG(x, 14);
}

/** How many significant digits a JS number printed in fixed notation has. */
function significantDigits(s: string): number {
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  while (i < s.length && (s.charCodeAt(i) === 48 || s.charCodeAt(i) === 46)) i++;
  let n = 0;
  for (; i < s.length; i++) if (s.charCodeAt(i) !== 46) n++;
  return n;
}

/**
 * The double nearest to m * 2^e (m >= 0), ties to even, overflowing to
 * Infinity and underflowing through the subnormals to 0, like strtod.
 */
export function bigTimesPow2(m: bigint, e: number): number {
  if (m === 0n) return 0;
  const bl = m.toString(2).length;
  const top = bl - 1 + e; // exponent of the leading bit
  if (top > 1023) return Infinity;
  if (top < -1076) return 0;
  const lsb = Math.max(top - 52, -1074); // weight of the last kept bit
  const shift = lsb - e;
  let q: bigint;
  if (shift > 0) {
    const sh = BigInt(shift);
    q = m >> sh;
    const r = m & ((1n << sh) - 1n);
    const half = 1n << (sh - 1n);
    if (r > half || (r === half && (q & 1n) === 1n)) q += 1n;
  } else {
    // exact: fewer than 53 significant bits from weight e upwards
    return Number(m) * pow2(e);
  }
  const qn = Number(q); // <= 2^53, exact
  // qn * 2^lsb with lsb in [-1074, 971]: an exact product (or Infinity on carry-out at the top)
  return qn * pow2(lsb);
}
