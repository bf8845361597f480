// The pieces of Redis's RDB format that FUNCTION DUMP and FUNCTION RESTORE
// use, written from the format's description and checked byte for byte
// against redis-server 7.0.15:
//
// - lengths: one byte `00xxxxxx` (6 bits), two bytes `01xxxxxx xxxxxxxx`
//   (14 bits, big-endian), `0x80` + 4 bytes or `0x81` + 8 bytes
//   (big-endian); `11xxxxxx` says that a special string encoding follows;
// - strings: a length and the bytes, or an integer (`0xC0`-`0xC2`: 1, 2 or
//   4 bytes, little-endian, for short decimal strings), or LZF-compressed
//   (`0xC3`, compressed length, original length, the LZF data), which Redis
//   writes for strings longer than 20 bytes when it saves at least 4 bytes;
// - LZF (liblzf 3.6 as Redis configures it: a 65536-slot hash table of
//   3-byte sequences, the "very fast" mode). Its output depends on how the
//   compressor searches, not only on the format, so the search is liblzf's;
// - a dump payload's footer: the RDB version (2 bytes, little-endian) and
//   the CRC-64 (Jones polynomial, reflected, as Redis's crc64.c) of
//   everything before it (8 bytes, little-endian).

/** The RDB version Redis 7.0 writes (RDB_VERSION): a payload with a higher one is refused. */
export const RDB_VERSION = 10;
/** A library's code follows (RDB_OPCODE_FUNCTION2). */
export const RDB_OPCODE_FUNCTION2 = 245;
/** The function format of Redis 7.0's release candidates (RDB_OPCODE_FUNCTION_PRE_GA), refused. */
export const RDB_OPCODE_FUNCTION_PRE_GA = 246;

const ENC_INT8 = 0, ENC_INT16 = 1, ENC_INT32 = 2, ENC_LZF = 3;

// ------------------------------------------------------------------ CRC-64

/** The Jones polynomial 0xad93d23594c935a9, bit-reversed (the CRC is reflected), in 32-bit halves. */
const POLY_HI = 0x95ac9329, POLY_LO = 0xac4bc9b5;

/** The CRC's byte table, in 32-bit halves (JS numbers hold 53 bits; BigInt per byte is slow). */
const CRC_TABLE = ((): { hi: Uint32Array; lo: Uint32Array } => {
  const hi = new Uint32Array(256), lo = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let h = 0, l = i;
    for (let bit = 0; bit < 8; bit++) {
      const odd = l & 1;
      l = ((l >>> 1) | ((h & 1) << 31)) >>> 0;
      h >>>= 1;
      if (odd) { h = (h ^ POLY_HI) >>> 0; l = (l ^ POLY_LO) >>> 0; }
    }
    hi[i] = h;
    lo[i] = l;
  }
  return { hi, lo };
})();

/** Redis's crc64(0, data): the CRC as 8 little-endian bytes, as a payload's footer holds it. */
export function crc64(data: Uint8Array): Uint8Array {
  let h = 0, l = 0;
  for (let i = 0; i < data.length; i++) {
    const k = (l ^ data[i]!) & 0xff;
    l = (((l >>> 8) | (h << 24)) ^ CRC_TABLE.lo[k]!) >>> 0;
    h = ((h >>> 8) ^ CRC_TABLE.hi[k]!) >>> 0;
  }
  const out = new Uint8Array(8);
  const view = new DataView(out.buffer);
  view.setUint32(0, l, true);
  view.setUint32(4, h, true);
  return out;
}

// ------------------------------------------------------------------ writing

/** Builds RDB bytes. */
export class RdbWriter {
  private readonly parts: Uint8Array[] = [];
  private size = 0;

  bytes(b: Uint8Array): void {
    this.parts.push(b);
    this.size += b.length;
  }

  byte(b: number): void {
    this.bytes(Uint8Array.of(b));
  }

  /** A length in its shortest form (rdbSaveLen). */
  length(n: number): void {
    if (n < 1 << 6) this.byte(n);
    else if (n < 1 << 14) this.bytes(Uint8Array.of(0x40 | (n >> 8), n & 0xff));
    else if (n <= 0xffffffff) {
      const b = new Uint8Array(5);
      b[0] = 0x80;
      new DataView(b.buffer).setUint32(1, n);
      this.bytes(b);
    } else {
      const b = new Uint8Array(9);
      b[0] = 0x81;
      new DataView(b.buffer).setBigUint64(1, BigInt(n));
      this.bytes(b);
    }
  }

  /**
   * A string as rdbSaveRawString writes it: as an integer when it is a
   * short canonical decimal, else LZF-compressed when `compress` (Redis's
   * rdbcompression, on by default) and that saves at least 4 bytes, else as
   * it is.
   */
  string(s: Uint8Array, compress = true): void {
    const int = s.length <= 11 ? integerEncoding(s) : null;
    if (int !== null) return this.bytes(int);
    // Under 21 bytes LZF cannot win 4 bytes even on a run of one byte, so Redis does not try.
    const packed = compress && s.length > 20 ? lzfCompress(s, s.length - 4) : null;
    if (packed !== null) {
      this.byte(0xc0 | ENC_LZF);
      this.length(packed.length);
      this.length(s.length);
      this.bytes(packed);
      return;
    }
    this.length(s.length);
    this.bytes(s);
  }

  /** The bytes written so far. */
  finish(): Uint8Array {
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

/** The integer encoding of a decimal string that reads back the same (rdbTryIntegerEncoding), or null. */
function integerEncoding(s: Uint8Array): Uint8Array | null {
  let text = '';
  for (const b of s) text += String.fromCharCode(b);
  // Only the canonical form: "007", "+7", " 7" or "-0" would not come back as written.
  if (!/^(0|-?[1-9][0-9]*)$/.test(text)) return null;
  const v = Number(text);
  if (v >= -128 && v <= 127) return Uint8Array.of(0xc0 | ENC_INT8, v & 0xff);
  if (v >= -32768 && v <= 32767) return Uint8Array.of(0xc0 | ENC_INT16, v & 0xff, (v >> 8) & 0xff);
  if (v >= -2147483648 && v <= 2147483647) {
    const b = new Uint8Array(5);
    b[0] = 0xc0 | ENC_INT32;
    new DataView(b.buffer).setInt32(1, v, true);
    return b;
  }
  return null;
}

/** `body` with the dump footer: the RDB version, then the CRC-64 of all before it. */
export function withFooter(body: Uint8Array): Uint8Array {
  const out = new Uint8Array(body.length + 10);
  out.set(body);
  out[body.length] = RDB_VERSION & 0xff;
  out[body.length + 1] = RDB_VERSION >> 8;
  out.set(crc64(out.subarray(0, body.length + 2)), body.length + 2);
  return out;
}

/**
 * The RDB version of a dump payload whose footer holds a version Redis can
 * read and the right checksum (verifyDumpPayload), or null.
 */
export function checkFooter(payload: Uint8Array): number | null {
  if (payload.length < 10) return null;
  const at = payload.length - 10;
  const version = payload[at]! | (payload[at + 1]! << 8);
  if (version > RDB_VERSION) return null;
  const crc = crc64(payload.subarray(0, at + 2));
  for (let i = 0; i < 8; i++) if (crc[i] !== payload[at + 2 + i]) return null;
  return version;
}

// ------------------------------------------------------------------ reading

/**
 * Reads RDB values from bytes; every read gives null when the bytes run out
 * or are not valid, as Redis's loader fails (a dump payload is read from
 * its whole buffer, footer included, as Redis's rio buffer reads it).
 */
export class RdbReader {
  pos = 0;

  constructor(readonly data: Uint8Array) {}

  /** The next `n` bytes, or null if there are fewer. */
  private take(n: number): Uint8Array | null {
    if (n > this.data.length - this.pos) return null;
    const b = this.data.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  /** An opcode or type byte (rdbLoadType). */
  type(): number | null {
    const b = this.take(1);
    return b === null ? null : b[0]!;
  }

  /** A length (rdbLoadLen), or for `11xxxxxx` the special encoding's number, with `encoded` set. */
  length(): { value: number; encoded: boolean } | null {
    const first = this.type();
    if (first === null) return null;
    switch (first >> 6) {
      case 0: return { value: first & 0x3f, encoded: false };
      case 1: {
        const b = this.take(1);
        return b === null ? null : { value: ((first & 0x3f) << 8) | b[0]!, encoded: false };
      }
      case 3: return { value: first & 0x3f, encoded: true };
    }
    if (first === 0x80) {
      const b = this.take(4);
      return b === null ? null : { value: new DataView(b.buffer, b.byteOffset, 4).getUint32(0), encoded: false };
    }
    if (first === 0x81) {
      const b = this.take(8);
      // Past 2^53 it is only ever too long for the bytes left, as an unsafe number too.
      return b === null ? null : { value: Number(new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0)), encoded: false };
    }
    return null; // "Unknown length encoding"
  }

  /** A string in any of its encodings (rdbGenericLoadStringObject), or null. */
  string(): Uint8Array | null {
    const len = this.length();
    if (len === null) return null;
    if (!len.encoded) return this.take(len.value);
    switch (len.value) {
      case ENC_INT8: return this.integer(1);
      case ENC_INT16: return this.integer(2);
      case ENC_INT32: return this.integer(4);
      case ENC_LZF: return this.lzfString();
      default: return null; // "Unknown RDB string encoding type"
    }
  }

  /** A little-endian signed integer of `size` bytes, as its decimal text. */
  private integer(size: 1 | 2 | 4): Uint8Array | null {
    const b = this.take(size);
    if (b === null) return null;
    const view = new DataView(b.buffer, b.byteOffset, size);
    const v = size === 1 ? view.getInt8(0) : size === 2 ? view.getInt16(0, true) : view.getInt32(0, true);
    return Uint8Array.from(String(v), (c) => c.charCodeAt(0));
  }

  /**
   * An LZF string: compressed length, original length, the data, which must
   * inflate to exactly that length (both lengths are read as plain lengths:
   * a `11xxxxxx` byte there counts as its low 6 bits, as in Redis).
   */
  private lzfString(): Uint8Array | null {
    const clen = this.length();
    const len = clen === null ? null : this.length();
    if (clen === null || len === null) return null;
    const packed = this.take(clen.value);
    return packed === null ? null : lzfDecompress(packed, len.value);
  }
}

// ------------------------------------------------------------------ LZF

/** LZF's limits: literal runs of 1 to 32 bytes; back references up to 8192 bytes back, 3 to 264 bytes long. */
const MAX_LITERAL = 32;
const MAX_OFFSET = 1 << 13;
const MAX_MATCH = 264;
const HASH_SLOTS = 1 << 16;

/**
 * liblzf's hash of the 3 bytes at `i` (IDX in its "very fast" mode): of its
 * 32-bit running value only these 3 bytes reach the table's 16 bits. Which
 * earlier position the compressor finds, when two sequences share a slot,
 * depends on it.
 */
function lzfHash(s: Uint8Array, i: number): number {
  return ((((s[i]! << 8) | s[i + 1]!) - 5 * ((s[i + 1]! << 8) | s[i + 2]!)) & 0xffff);
}

/**
 * How many bytes at `ip` equal those at `ref` (at least the 3 already
 * known), as liblzf counts them: up to `maxlen`, except that when `maxlen`
 * exceeds 16 it first compares 16 more bytes without looking at `maxlen`,
 * so a match may then reach the end of the input.
 */
function matchLength(s: Uint8Array, ref: number, ip: number, maxlen: number): number {
  let len = 2;
  if (maxlen > 16) {
    for (let k = 0; k < 16; k++) {
      len++;
      if (s[ref + len] !== s[ip + len]) return len;
    }
  }
  do len++;
  while (len < maxlen && s[ref + len] === s[ip + len]);
  return len;
}

/**
 * LZF-compresses `input` into at most `limit` bytes as liblzf's lzf_compress
 * does, or null when it gives up: it checks for room conservatively, so it
 * may give up on output that would just have fitted.
 */
export function lzfCompress(input: Uint8Array, limit: number): Uint8Array | null {
  const n = input.length;
  if (n === 0 || limit === 0) return null;
  const out = new Uint8Array(limit + 1);
  // The last position of each hash; 0 is also "none" (liblzf never refers to position 0).
  const table = new Int32Array(HASH_SLOTS);
  // A literal run's header byte sits at op - lit - 1, written when the run closes.
  let ip = 0, op = 1, lit = 0;
  while (ip < n - 2) {
    const slot = lzfHash(input, ip);
    const ref = table[slot]!;
    table[slot] = ip;
    const off = ip - ref - 1;
    if (ref > 0 && off < MAX_OFFSET && input[ref] === input[ip] && input[ref + 1] === input[ip + 1] && input[ref + 2] === input[ip + 2]) {
      // Room for the reference (3 bytes) and the next run's header.
      if (op + 4 >= limit && op - (lit === 0 ? 1 : 0) + 4 >= limit) return null;
      if (lit > 0) out[op - lit - 1] = lit - 1;
      else op--; // no literal run to close: its header's byte is reused
      const len = matchLength(input, ref, ip, Math.min(n - ip - 2, MAX_MATCH)) - 2;
      if (len < 7) out[op++] = (off >> 8) + (len << 5);
      else {
        out[op++] = (off >> 8) + (7 << 5);
        out[op++] = len - 7;
      }
      out[op++] = off & 0xff;
      lit = 0;
      op++;
      ip += len + 2;
      if (ip >= n - 2) break;
      // Only the last two positions of the match go into the table ("very fast" mode).
      table[lzfHash(input, ip - 2)] = ip - 2;
      table[lzfHash(input, ip - 1)] = ip - 1;
    } else {
      if (op >= limit) return null;
      out[op++] = input[ip++]!;
      if (++lit === MAX_LITERAL) {
        out[op - lit - 1] = lit - 1;
        lit = 0;
        op++;
      }
    }
  }
  // The last bytes (at most 2) as literals.
  if (op + 3 > limit) return null;
  while (ip < n) {
    out[op++] = input[ip++]!;
    if (++lit === MAX_LITERAL) {
      out[op - lit - 1] = lit - 1;
      lit = 0;
      op++;
    }
  }
  if (lit > 0) out[op - lit - 1] = lit - 1;
  else op--;
  return out.slice(0, op);
}

/**
 * LZF data inflated to exactly `len` bytes, or null (rdbLoadLzfStringObject
 * over lzf_decompress, which reports an error as 0 bytes: so with `len` 0
 * any data gives the empty string).
 */
export function lzfDecompress(input: Uint8Array, len: number): Uint8Array | null {
  // A back reference yields at most 264 bytes from 3: more than that cannot come out.
  if (len > input.length * 88 + 32) return null;
  const out = new Uint8Array(len);
  const produced = inflateInto(input, out);
  return produced === len ? out : null;
}

/** lzf_decompress: the bytes it wrote into `out`, or 0 on bad input or too small an output. */
function inflateInto(input: Uint8Array, out: Uint8Array): number {
  let ip = 0, op = 0;
  // liblzf reads one control byte even from empty input (whatever lies there): every outcome is 0 bytes.
  if (input.length === 0) return 0;
  do {
    const ctrl = input[ip++]!;
    if (ctrl < 32) {
      const run = ctrl + 1;
      if (op + run > out.length || ip + run > input.length) return 0;
      out.set(input.subarray(ip, ip + run), op);
      op += run;
      ip += run;
    } else {
      let len = ctrl >> 5;
      if (ip >= input.length) return 0;
      if (len === 7) {
        len += input[ip++]!;
        if (ip >= input.length) return 0;
      }
      const ref = op - ((ctrl & 0x1f) << 8) - 1 - input[ip++]!;
      if (op + len + 2 > out.length || ref < 0) return 0;
      // Byte by byte: a reference may overlap what it writes (a run).
      for (let k = 0; k < len + 2; k++) out[op + k] = out[ref + k]!;
      op += len + 2;
    }
  } while (ip < input.length);
  return op;
}
