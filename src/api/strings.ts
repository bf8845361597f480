// JS text and bytes <-> Lua byte strings (one code unit per byte), with
// fast paths for ASCII, which is the same in all three.
import { fromLuaString, toLuaString } from '../runtime/bytes.js';

/** JS text → Lua string: its UTF-8 encoding (a lone surrogate becomes U+FFFD, as TextEncoder does). */
export function textToLua(s: string): string {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    if (s.charCodeAt(i) > 0x7f) return toLuaString(s);
  }
  return s;
}

/** Lua string → JS text, decoded as UTF-8 (an invalid sequence becomes U+FFFD). */
export function luaToText(s: string): string {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    if (s.charCodeAt(i) > 0x7f) return fromLuaString(s);
  }
  return s;
}

/** Lua string → its bytes. */
export function luaToBytes(s: string): Uint8Array {
  const n = s.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Bytes → the Lua string holding exactly them. */
export function bytesToLua(b: Uint8Array): string {
  let out = '';
  // Very short ones a byte at a time, cheaper than an apply; longer ones in
  // one apply (40 bytes: 220 ns instead of 550 ns a byte at a time).
  if (b.length <= 8) {
    for (let i = 0; i < b.length; i++) out += String.fromCharCode(b[i]!);
    return out;
  }
  if (b.length <= 0x2000) return String.fromCharCode.apply(null, b as unknown as number[]);
  for (let i = 0; i < b.length; i += 0x2000) {
    out += String.fromCharCode.apply(null, b.subarray(i, i + 0x2000) as unknown as number[]);
  }
  return out;
}
