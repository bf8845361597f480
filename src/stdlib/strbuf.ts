// A string builder for results made of many pieces (lauxlib's luaL_Buffer).
//
// Appending to a JS string one piece at a time builds a rope of cons cells
// (about 32 bytes each, so a result of 10^8 one-byte pieces needs gigabytes
// before it is flattened); collecting the pieces in one array keeps each of
// them alive, and re-joining everything every few thousand pieces is
// quadratic. Here the first few pieces are appended with `+` (small
// results stay as cheap as that), later ones are joined in groups: every
// GROUP pieces become one string, every GROUP of those one longer string,
// and so on, so each byte is copied a small, bounded number of times
// (linear in the result) and memory stays close to the result's size.

import { E } from '../runtime/engine.js';

/** Pieces appended with `+` before switching to an array (small results never need more). */
const FEW = 64;
/** Strings joined into one at each level. */
const GROUP = 4096;

export class StrBuf {
  /** The first pieces, appended with `+`. */
  private head = '';
  private k = 0;
  /** Later pieces not yet joined (null while there are few). */
  private parts: string[] | null = null;
  /** levels[k]: strings of GROUP^(k+1) pieces each; older content is at higher levels. */
  private levels: string[][] = [];
  /** Bytes added so far. */
  length = 0;

  add(s: string): void {
    this.length += s.length;
    const parts = this.parts;
    if (parts === null) {
      this.head += s;
      if (++this.k >= FEW) this.parts = [];
    } else {
      parts.push(s);
      if (parts.length >= GROUP) this.spill(parts);
    }
  }

  private spill(parts: string[]): void {
    let s = parts.join('');
    // The result so far counts toward the running state's limits as it grows (gsub, table.concat...; none outside a state).
    E?.B.growing(this.length, s.length);
    this.parts = [];
    for (let k = 0; ; k++) {
      if (k === this.levels.length) this.levels.push([]);
      const level = this.levels[k]!;
      level.push(s);
      if (level.length < GROUP) return;
      s = level.join('');
      this.levels[k] = [];
    }
  }

  toString(): string {
    if (this.parts === null) return this.head;
    E?.B.growing(this.length, 0);
    const all = [this.head];
    for (let k = this.levels.length - 1; k >= 0; k--) for (const s of this.levels[k]!) all.push(s);
    for (const s of this.parts) all.push(s);
    return all.join('');
  }
}

/** The byte string of `codes` (0..255 each), built in chunks (no huge argument lists). */
export function fromByteCodes(codes: Uint8Array): string {
  const CHUNK = 8192;
  const n = codes.length;
  const chunk = (from: number): string =>
    String.fromCharCode.apply(null, codes.subarray(from, Math.min(n, from + CHUNK)) as unknown as number[]);
  if (n <= CHUNK) return chunk(0);
  const out = new StrBuf();
  for (let i = 0; i < n; i += CHUNK) out.add(chunk(i));
  return out.toString();
}
