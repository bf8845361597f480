// Source positions for diagnostics: the line and the columns (in bytes and in
// UTF-16 code units) of byte offsets into a chunk. Only check() uses this,
// and only once it has found an error.

/** Offsets where lines start; line breaks are Lua's: \n, \r, \r\n and \n\r. */
export function lineStarts(src: string): number[] {
  const starts = [0];
  const n = src.length;
  for (let i = 0; i < n; i++) {
    const c = src.charCodeAt(i);
    if (c === 10 || c === 13) {
      const d = src.charCodeAt(i + 1);
      if ((d === 10 || d === 13) && d !== c) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Index (0-based) of the line holding offset `o`. */
export function lineIndex(starts: readonly number[], o: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= o) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * UTF-16 offsets of byte offsets: `lo` of the character an offset falls in
 * (or starts), `hi` of the end of that character (equal to `lo` at a
 * character boundary).
 *
 * With `text` (the JS text that `bytes` is the UTF-8 encoding of, as
 * TextEncoder encodes it: a lone surrogate becomes U+FFFD) the offsets are
 * into `text`. Without, they are those of `bytes` decoded as UTF-8 the way
 * TextDecoder decodes it (each maximal invalid sequence becomes one U+FFFD).
 */
export function utf16Offsets(bytes: string, text: string | null, offsets: readonly number[]): { lo: number[]; hi: number[] } {
  const m = offsets.length;
  const order = Array.from({ length: m }, (_, k) => k).sort((a, b) => offsets[a]! - offsets[b]!);
  const lo: number[] = new Array<number>(m).fill(0);
  const hi: number[] = new Array<number>(m).fill(0);
  const n = bytes.length;
  let b = 0; // byte offset of the current character
  let u = 0; // its UTF-16 offset
  let k = 0;
  while (k < m) {
    const idx = order[k]!;
    const target = offsets[idx]!;
    if (target <= b || b >= n) {
      lo[idx] = u;
      hi[idx] = u;
      k++;
      continue;
    }
    // the character at b: its length in bytes and in UTF-16 units
    let bl: number;
    let ul = 1;
    if (text !== null) {
      const c = text.charCodeAt(u);
      if (c < 0x80) bl = 1;
      else if (c < 0x800) bl = 2;
      else if (c >= 0xd800 && c <= 0xdbff) {
        const d = text.charCodeAt(u + 1);
        if (d >= 0xdc00 && d <= 0xdfff) { bl = 4; ul = 2; } else bl = 3;
      } else bl = 3;
    } else {
      bl = utf8Length(bytes, b);
      if (bl === 4) ul = 2;
      else if (bl < 0) bl = -bl; // an invalid sequence: one U+FFFD
    }
    if (b + bl <= target) {
      b += bl;
      u += ul;
    } else {
      // inside this character
      lo[idx] = u;
      hi[idx] = u + ul;
      k++;
    }
  }
  return { lo, hi };
}

/**
 * Length of the UTF-8 sequence at `b` when it is valid; minus the length of
 * the maximal invalid subpart (decoded as one U+FFFD) when not.
 */
function utf8Length(s: string, b: number): number {
  const c = s.charCodeAt(b);
  if (c < 0x80) return 1;
  let need: number;
  let lower = 0x80;
  let upper = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) need = 1;
  else if (c === 0xe0) { need = 2; lower = 0xa0; }
  else if (c === 0xed) { need = 2; upper = 0x9f; }
  else if (c >= 0xe1 && c <= 0xef) need = 2;
  else if (c === 0xf0) { need = 3; lower = 0x90; }
  else if (c === 0xf4) { need = 3; upper = 0x8f; }
  else if (c >= 0xf1 && c <= 0xf3) need = 3;
  else return -1;
  let j = b + 1;
  for (let i = 0; i < need; i++) {
    const d = s.charCodeAt(j);
    if (!(d >= lower && d <= upper)) return -(j - b); // NaN past the end fails too
    j++;
    lower = 0x80;
    upper = 0xbf;
  }
  return j - b;
}
