// SHA-1 of a byte string, as lowercase hex: script identities (EVALSHA) and
// redis.sha1hex. Synchronous and dependency-free, so that it runs wherever
// the engine runs (Web Crypto's digest is asynchronous).

/** The SHA-1 digest (FIPS 180-4) of `data`, a byte string (one char per byte), in lowercase hex. */
export function sha1hex(data: string): string {
  const n = data.length;
  // Message, the 0x80 byte, zero padding, and the 64-bit length in bits.
  const blocks = Math.ceil((n + 9) / 64);
  const w = new Int32Array(blocks * 16);
  for (let i = 0; i < n; i++) w[i >> 2]! |= (data.charCodeAt(i) & 0xff) << (24 - 8 * (i & 3));
  w[n >> 2]! |= 0x80 << (24 - 8 * (n & 3));
  w[blocks * 16 - 1] = (n * 8) | 0;
  w[blocks * 16 - 2] = Math.floor((n * 8) / 0x100000000);

  let h0 = 0x67452301, h1 = 0xefcdab89 | 0, h2 = 0x98badcfe | 0, h3 = 0x10325476, h4 = 0xc3d2e1f0 | 0;
  const m = new Int32Array(80);
  for (let b = 0; b < blocks; b++) {
    for (let t = 0; t < 16; t++) m[t] = w[b * 16 + t]!;
    for (let t = 16; t < 80; t++) {
      const x = m[t - 3]! ^ m[t - 8]! ^ m[t - 14]! ^ m[t - 16]!;
      m[t] = (x << 1) | (x >>> 31);
    }
    let a = h0, bb = h1, c = h2, d = h3, e = h4;
    for (let t = 0; t < 80; t++) {
      let f: number, k: number;
      if (t < 20) { f = (bb & c) | (~bb & d); k = 0x5a827999; }
      else if (t < 40) { f = bb ^ c ^ d; k = 0x6ed9eba1; }
      else if (t < 60) { f = (bb & c) | (bb & d) | (c & d); k = 0x8f1bbcdc | 0; }
      else { f = bb ^ c ^ d; k = 0xca62c1d6 | 0; }
      const temp = (((a << 5) | (a >>> 27)) + f + e + k + m[t]!) | 0;
      e = d; d = c; c = (bb << 30) | (bb >>> 2); bb = a; a = temp;
    }
    h0 = (h0 + a) | 0; h1 = (h1 + bb) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0; h4 = (h4 + e) | 0;
  }
  return [h0, h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}
