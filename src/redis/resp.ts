// RESP, the Redis serialization protocol (versions 2 and 3): reply values,
// their encoding, and an incremental reader of replies or commands.
// https://redis.io/docs/latest/develop/reference/protocol-spec/
//
// Bytes are kept as Uint8Array throughout: bulk strings are binary-safe.
import { bytesToLua } from '../api/strings.js';

/** A RESP reply. Bulk and simple strings are bytes; `null` is RESP2's null bulk/array or RESP3's null. */
export type RespValue =
  | { type: 'simple'; value: Uint8Array }
  | { type: 'error'; value: Uint8Array }
  | { type: 'integer'; value: bigint }
  | { type: 'bulk'; value: Uint8Array }
  | { type: 'null' }
  | { type: 'nullArray' }
  | { type: 'array'; items: RespValue[] }
  // RESP3
  | { type: 'map'; entries: [RespValue, RespValue][] }
  | { type: 'set'; items: RespValue[] }
  | { type: 'double'; value: Uint8Array }
  | { type: 'boolean'; value: boolean }
  | { type: 'bigNumber'; value: Uint8Array }
  | { type: 'verbatim'; format: Uint8Array; value: Uint8Array }
  | { type: 'push'; items: RespValue[] };

const encoder = new TextEncoder();

/** UTF-8 bytes of JS text. */
export function bytes(text: string): Uint8Array {
  // Short ASCII text (protocol lines, numbers, most replies) is copied by
  // hand: TextEncoder's call costs more than the copy under ~64 characters.
  if (text.length > 64) return encoder.encode(text);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return encoder.encode(text);
    out[i] = c;
  }
  return out;
}

/** Latin-1 text of bytes (one char per byte): protocol lines, keys, tests. */
export const latin1 = bytesToLua;

/** A command as a client sends it: an array of bulk strings. */
export function encodeCommand(args: readonly (string | Uint8Array)[]): Uint8Array {
  const parts: Uint8Array[] = [bytes(`*${args.length}\r\n`)];
  for (const a of args) {
    const b = typeof a === 'string' ? bytes(a) : a;
    parts.push(bytes(`$${b.length}\r\n`), b, CRLF);
  }
  return concat(parts);
}

const CRLF = bytes('\r\n');

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Why input is not RESP (the reader's caller turns it into Redis's protocol error). */
export class RespProtocolError extends Error {}

/** Limits on what a reader accepts, as redis-server's (proto-max-bulk-len, the 1 MB inline limit...). */
export interface ReaderLimits {
  /** Longest bulk string, in bytes (redis: proto-max-bulk-len, 512 MB). */
  maxBulk: number;
  /** Most elements of one aggregate (redis: 1024*1024 for a command's multibulk length). */
  maxElements: number;
  /** Longest line without CRLF (type lines, inline commands). */
  maxLine: number;
  /** Deepest nesting of aggregates. */
  maxDepth: number;
}

export const DEFAULT_READER_LIMITS: ReaderLimits = { maxBulk: 512 * 1024 * 1024, maxElements: 1024 * 1024, maxLine: 64 * 1024, maxDepth: 64 };

/**
 * Reads RESP values from a byte stream fed in pieces. `next()` gives the
 * next complete value with the exact bytes it was made of, or null until
 * more input arrives; nothing is consumed from an incomplete value.
 */
export class RespReader {
  private buf: Uint8Array = new Uint8Array(0);
  private pos = 0;

  constructor(private readonly limits: ReaderLimits = DEFAULT_READER_LIMITS) {}

  feed(chunk: Uint8Array): void {
    const rest = this.buf.subarray(this.pos);
    this.buf = rest.length === 0 ? chunk : concat([rest, chunk]);
    this.pos = 0;
  }

  /** Bytes received and not yet read as a value. */
  get pending(): number {
    return this.buf.length - this.pos;
  }

  next(): { value: RespValue; raw: Uint8Array } | null {
    const start = this.pos;
    const r = this.value(start);
    if (r === null) return null;
    this.pos = r.end;
    return { value: r.value, raw: this.buf.slice(start, r.end) };
  }

  /** The line starting at `at` (without CRLF) and where the next one starts, or null when incomplete. */
  private line(at: number): { text: string; end: number } | null {
    const buf = this.buf;
    for (let i = at; i + 1 < buf.length; i++) {
      if (buf[i] === 13 && buf[i + 1] === 10) return { text: latin1(buf.subarray(at, i)), end: i + 2 };
      if (i - at > this.limits.maxLine) throw new RespProtocolError('too big line');
    }
    if (buf.length - at > this.limits.maxLine) throw new RespProtocolError('too big line');
    return null;
  }

  /**
   * The value starting at `at` and where it ends, or null when incomplete.
   * Iterative, with an explicit stack of open aggregates: a reply may nest
   * thousands deep (a script returning a recursive table).
   */
  private value(at: number): { value: RespValue; end: number } | null {
    const open: { type: string; count: number; items: RespValue[] }[] = [];
    let end = at;
    for (;;) {
      const r = this.scalar(end);
      if (r === null) return null;
      end = r.end;
      let value: RespValue | null = r.value;
      if ('open' in r) {
        if (open.length >= this.limits.maxDepth) throw new RespProtocolError('too deep');
        open.push({ type: r.open, count: r.count, items: [] });
        value = null;
      }
      // Close every aggregate this value completes.
      for (;;) {
        const top = open[open.length - 1];
        if (top === undefined) {
          if (value !== null) return { value, end };
          break;
        }
        if (value !== null) top.items.push(value);
        if (top.items.length < top.count) break;
        open.pop();
        value = aggregate(top.type, top.items);
      }
    }
  }

  /** One type line (and a bulk's body); aggregates come back as `open` with their element count. */
  private scalar(at: number): ({ value: RespValue; end: number } | { open: string; count: number; value: null; end: number }) | null {
    const l = this.line(at);
    if (l === null) return null;
    const type = l.text[0];
    const rest = l.text.slice(1);
    const bytesOf = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
    switch (type) {
      case '+': return { value: { type: 'simple', value: bytesOf(rest) }, end: l.end };
      case '-': return { value: { type: 'error', value: bytesOf(rest) }, end: l.end };
      case ':': return { value: { type: 'integer', value: BigInt(integer(rest)) }, end: l.end };
      case ',': return { value: { type: 'double', value: bytesOf(rest) }, end: l.end };
      case '(': return { value: { type: 'bigNumber', value: bytesOf(rest) }, end: l.end };
      case '#': return { value: { type: 'boolean', value: rest === 't' }, end: l.end };
      case '_': return { value: { type: 'null' }, end: l.end };
      case '$': case '=': {
        const n = integer(rest);
        if (n === -1 && type === '$') return { value: { type: 'null' }, end: l.end };
        if (n < 0 || n > this.limits.maxBulk) throw new RespProtocolError('invalid bulk length');
        if (this.buf.length < l.end + n + 2) return null;
        const data = this.buf.slice(l.end, l.end + n);
        if (this.buf[l.end + n] !== 13 || this.buf[l.end + n + 1] !== 10) throw new RespProtocolError('bulk not followed by CRLF');
        const end = l.end + n + 2;
        if (type === '$') return { value: { type: 'bulk', value: data }, end };
        return { value: { type: 'verbatim', format: data.slice(0, 3), value: data.slice(4) }, end };
      }
      case '*': case '~': case '>': case '%': {
        const n = integer(rest);
        if (n === -1 && type === '*') return { value: { type: 'nullArray' }, end: l.end };
        if (n < 0 || n > this.limits.maxElements) throw new RespProtocolError('invalid multibulk length');
        const count = type === '%' ? 2 * n : n;
        if (count === 0) return { value: aggregate(type, []), end: l.end };
        return { open: type, count, value: null, end: l.end };
      }
      default:
        throw new RespProtocolError(`unexpected type byte ${JSON.stringify(type ?? '')}`);
    }
  }
}

/** An aggregate of RESP type `type` ('*', '~', '>', '%') from its elements. */
function aggregate(type: string, items: RespValue[]): RespValue {
  if (type === '%') {
    const entries: [RespValue, RespValue][] = [];
    for (let i = 0; i < items.length; i += 2) entries.push([items[i]!, items[i + 1]!]);
    return { type: 'map', entries };
  }
  return { type: type === '*' ? 'array' : type === '~' ? 'set' : 'push', items };
}

function integer(text: string): number {
  if (!/^-?\d{1,19}$/.test(text)) throw new RespProtocolError(`invalid integer ${JSON.stringify(text)}`);
  return Number(text);
}

/**
 * A reply's bytes as the server writes them to a client of protocol `resp`.
 * RESP2 clients get RESP3 types as Redis downgrades them: null as a null
 * bulk, maps as flat arrays, sets as arrays, doubles, big numbers and
 * verbatim strings as bulk strings, booleans as integers 1 and 0.
 */
export function encodeReply(v: RespValue, resp: 2 | 3 = 2): Uint8Array {
  return new ReplyEncoder().encode(v, resp);
}

/** Above this size the scratch buffer is not kept after a reply. */
const SCRATCH_KEPT = 64 * 1024;

/**
 * Encodes replies through one reusable scratch buffer, then copies each
 * into a buffer from `alloc`. The RESP server passes Node's pooled
 * `Buffer.allocUnsafe`: a small new Uint8Array is cheap, but a socket write
 * needs its ArrayBuffer, and materialising that costs more per reply than
 * the rest of the encoding.
 */
export class ReplyEncoder {
  private buf = new Uint8Array(256);
  private length = 0;

  constructor(private readonly alloc: (n: number) => Uint8Array = (n) => new Uint8Array(n)) {}

  encode(v: RespValue, resp: 2 | 3): Uint8Array {
    this.length = 0;
    write(v, this, resp);
    const n = this.length;
    const out = this.alloc(n);
    const buf = this.buf;
    if (n <= 64) for (let i = 0; i < n; i++) out[i] = buf[i]!;
    else out.set(buf.subarray(0, n));
    if (buf.length > SCRATCH_KEPT) this.buf = new Uint8Array(256);
    return out;
  }

  private room(n: number): void {
    const need = this.length + n;
    if (need <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.buf.subarray(0, this.length));
    this.buf = bigger;
  }

  /** Protocol text: type marks, lengths, numbers (ASCII only). */
  ascii(s: string): void {
    this.room(s.length);
    const buf = this.buf;
    let at = this.length;
    for (let i = 0; i < s.length; i++) buf[at++] = s.charCodeAt(i);
    this.length = at;
  }

  raw(b: Uint8Array): void {
    const n = b.length;
    this.room(n);
    const buf = this.buf;
    if (n <= 32) {
      let at = this.length;
      for (let i = 0; i < n; i++) buf[at++] = b[i]!;
    } else buf.set(b, this.length);
    this.length += n;
  }

  /** `<mark><bytes>\r\n`: simple strings, errors, RESP3 doubles and big numbers. */
  line(mark: string, b: Uint8Array): void {
    this.ascii(mark);
    this.raw(b);
    this.ascii('\r\n');
  }

  bulk(b: Uint8Array): void {
    this.ascii(`$${b.length}\r\n`);
    this.raw(b);
    this.ascii('\r\n');
  }
}

/** Writes `root` and everything in it; iterative, as replies may nest thousands deep. */
function write(root: RespValue, out: ReplyEncoder, resp: 2 | 3): void {
  const r3 = resp === 3;
  const pending: RespValue[] = [root];
  for (let v = pending.pop(); v !== undefined; v = pending.pop()) {
    switch (v.type) {
      case 'simple': out.line('+', v.value); break;
      case 'error': out.line('-', v.value); break;
      case 'integer': out.ascii(`:${v.value}\r\n`); break;
      case 'bulk': out.bulk(v.value); break;
      case 'null': out.ascii(r3 ? '_\r\n' : '$-1\r\n'); break;
      case 'nullArray': out.ascii(r3 ? '_\r\n' : '*-1\r\n'); break;
      case 'array': case 'set': case 'push': {
        const mark = !r3 || v.type === 'array' ? '*' : v.type === 'set' ? '~' : '>';
        out.ascii(`${mark}${v.items.length}\r\n`);
        for (let i = v.items.length - 1; i >= 0; i--) pending.push(v.items[i]!);
        break;
      }
      case 'map':
        out.ascii(r3 ? `%${v.entries.length}\r\n` : `*${2 * v.entries.length}\r\n`);
        for (let i = v.entries.length - 1; i >= 0; i--) pending.push(v.entries[i]![1], v.entries[i]![0]);
        break;
      case 'double': if (r3) out.line(',', v.value); else out.bulk(v.value); break;
      case 'boolean': out.ascii(r3 ? (v.value ? '#t\r\n' : '#f\r\n') : (v.value ? ':1\r\n' : ':0\r\n')); break;
      case 'bigNumber': if (r3) out.line('(', v.value); else out.bulk(v.value); break;
      case 'verbatim': {
        if (!r3) { out.bulk(v.value); break; }
        out.ascii(`=${v.format.length + 1 + v.value.length}\r\n`);
        out.raw(v.format);
        out.ascii(':');
        out.raw(v.value);
        out.ascii('\r\n');
        break;
      }
    }
  }
}
