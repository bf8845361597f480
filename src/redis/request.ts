// Client requests as redis-server 7.0 parses them (networking.c): multibulk
// requests (`*N\r\n$len\r\n<bytes>\r\n...`) and inline commands (a line of
// space-separated words with sdssplitargs's quoting), fed in pieces as they
// arrive from a socket. Browser-safe: no Node imports.
//
// What redis-server 7.0.15 does, checked with raw bytes against it (see
// test/redis-protocol.test.ts), and followed here:
// - A request starting with `*` is multibulk, anything else inline.
// - `*N`: N must be a plain decimal integer (no `+`, no leading zeros) up to
//   2^31-1, else `invalid multibulk length`; N <= 0 is an empty request,
//   silently skipped (no reply).
// - Each argument's header must start with `$` (`expected '$', got 'x'`) and
//   hold a length from 0 to proto-max-bulk-len (`invalid bulk length`).
// - Lines end at `\r`; the byte after it is skipped unchecked, as are the two
//   bytes after a bulk's body: `$4\r\nPINGxy` is accepted.
// - The search for a line's end stops at a NUL byte (Redis searches with
//   strchr), so a NUL in a header or an inline line hides the terminator: the
//   server waits until more than 64 KB are unread, then it is a "too big" error.
// - An inline line ends at `\n` (a `\r` before it is dropped); an empty line
//   is skipped; words are split by sdssplitargs's rules (see splitArgs).
// - More than 64 KB unread without a line's end: `too big inline request`,
//   `too big mbulk count string` or `too big bulk count string`.
// - After a protocol error the server replies with it and closes the
//   connection; requests before it in the same packet run and reply first.
//
// Memory stays bounded by the bytes actually received: nothing is allocated
// for a declared length (`$536870912` costs nothing until the bytes come),
// and a request whose received bytes pass maxQueryBuffer ends the connection
// (Redis's client-query-buffer-limit, 1 GB; it closes without a reply).

/** Limits on requests, as redis-server's settings. */
export interface RequestLimits {
  /** Unread bytes without a line's end before a "too big" error (PROTO_INLINE_MAX_SIZE, 64 KB). */
  maxInline: number;
  /** Longest argument (proto-max-bulk-len, 512 MB). */
  maxBulk: number;
  /** Most arguments of a multibulk request (2^31-1 in Redis 7.0). */
  maxMultibulk: number;
  /** Most bytes one incomplete request may hold, arguments included (client-query-buffer-limit, 1 GB). */
  maxQueryBuffer: number;
}

export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  maxInline: 64 * 1024,
  maxBulk: 512 * 1024 * 1024,
  maxMultibulk: 2147483647,
  maxQueryBuffer: 1024 * 1024 * 1024,
};

/**
 * What the parser gives: a command's arguments; a protocol error (the
 * server replies `-<message>` and closes); or `close` when the query buffer
 * limit is passed (the server closes without a reply).
 */
export type Request =
  | { kind: 'command'; argv: Uint8Array[] }
  | { kind: 'error'; message: string }
  | { kind: 'close' };

import { parseIntegerNumber } from './store/numbers.js';

// Bytes that matter to the parser.
const CR = 13, LF = 10, NUL = 0, STAR = 42, DOLLAR = 36;
/** An emptied input buffer larger than this is dropped rather than kept for the next request. */
const SHRINK_ABOVE = 1024 * 1024;

/** What `header` answers instead of a line's end. */
const NEED_MORE = -1, TOO_BIG = -2;
/** Bookkeeping cost counted per argument toward maxQueryBuffer, so a flood of empty arguments is bounded too. */
const ARG_OVERHEAD = 16;

/** Redis's protocol error replies (the server adds `-` and CRLF). */
const errors = {
  multibulkLength: 'ERR Protocol error: invalid multibulk length',
  bulkLength: 'ERR Protocol error: invalid bulk length',
  bigInline: 'ERR Protocol error: too big inline request',
  bigMultibulk: 'ERR Protocol error: too big mbulk count string',
  bigBulk: 'ERR Protocol error: too big bulk count string',
  quotes: 'ERR Protocol error: unbalanced quotes in request',
};

/**
 * An incremental parser of one connection's requests: `feed` bytes as they
 * arrive, then call `next` until it returns null (more input needed). After
 * an error or `close`, `next` returns null forever.
 */
export class RequestParser {
  /** Received bytes; the unread ones are buf[start..end). Grows by doubling, so appends cost amortized O(1). */
  private buf = new Uint8Array(0);
  private start = 0;
  private end = 0;
  /** Where the search for the current line's end resumes (bytes before it hold no terminator). */
  private scan = 0;
  /** Arguments of the multibulk request being read, and how many are still to come (0: between requests). */
  private args: Uint8Array[] = [];
  private argsLeft = 0;
  /** Bytes held by `args`, counted toward maxQueryBuffer. */
  private argsBytes = 0;
  /** Length of the argument whose body is being read, or -1 while its `$` header is awaited. */
  private bulkLen = -1;
  private failed = false;

  constructor(private readonly limits: RequestLimits = DEFAULT_REQUEST_LIMITS) {}

  /** Adds received bytes (the parser keeps its own copy). */
  feed(chunk: Uint8Array): void {
    if (this.failed || chunk.length === 0) return;
    if (this.start === this.end) {
      // Everything read: start over, giving back the room a big request took.
      if (this.buf.length > SHRINK_ABOVE) this.buf = new Uint8Array(0);
      this.start = this.end = this.scan = 0;
    }
    const live = this.end - this.start;
    if (this.end + chunk.length > this.buf.length) {
      // Move the unread bytes to the front, into a larger buffer when needed.
      const need = live + chunk.length;
      const target = need <= this.buf.length ? this.buf : new Uint8Array(Math.max(need, 2 * live, 4096));
      if (target === this.buf) this.buf.copyWithin(0, this.start, this.end);
      else target.set(this.buf.subarray(this.start, this.end), 0);
      this.buf = target;
      this.scan -= this.start;
      this.end = live;
      this.start = 0;
    }
    this.buf.set(chunk, this.end);
    this.end += chunk.length;
  }

  /** Bytes allocated for received input (tests check that it follows the bytes received, not declared lengths). */
  get capacity(): number {
    return this.buf.length;
  }

  /** True when bytes of an unfinished request are held (what a disconnect would discard). */
  get partial(): boolean {
    return this.end > this.start || this.argsLeft > 0;
  }

  /** The next complete request, a protocol error, or null when more input is needed. */
  next(): Request | null {
    if (this.failed) return null;
    for (;;) {
      let r: Request | null | 'again';
      if (this.argsLeft > 0) r = this.multibulkArgs();
      else if (this.start === this.end) return null;
      else r = this.buf[this.start] === STAR ? this.multibulkCount() : this.inline();
      if (r === 'again') continue;
      if (r === null) {
        // Incomplete: the held bytes must stay under the query buffer limit.
        if (this.argsBytes + (this.end - this.start) > this.limits.maxQueryBuffer) return this.fail({ kind: 'close' });
        return null;
      }
      if (r.kind !== 'command') return this.fail(r);
      return r;
    }
  }

  private fail(r: Request): Request {
    this.failed = true;
    this.buf = new Uint8Array(0);
    this.start = this.end = this.scan = 0;
    this.args = [];
    this.argsBytes = 0;
    return r;
  }

  /**
   * The end of the line starting at `start`: the index of `terminator`, or
   * -1 when it has not arrived or a NUL byte comes first (as strchr stops).
   */
  private findLine(terminator: number): number {
    const buf = this.buf;
    let i = Math.max(this.scan, this.start);
    for (; i < this.end; i++) {
      const b = buf[i]!;
      if (b === terminator) {
        this.scan = this.start;
        return i;
      }
      if (b === NUL) break;
    }
    this.scan = i;
    return -1;
  }

  /** Consumes bytes up to `to`; the next line's search starts afresh. */
  private consume(to: number): void {
    this.start = to;
    this.scan = to;
  }

  /** An inline command: one line of words. */
  private inline(): Request | null | 'again' {
    const lf = this.findLine(LF);
    if (lf < 0) return this.end - this.start > this.limits.maxInline ? { kind: 'error', message: errors.bigInline } : null;
    let lineEnd = lf;
    if (lineEnd > this.start && this.buf[lineEnd - 1] === CR) lineEnd--;
    const words = splitArgs(this.buf.subarray(this.start, lineEnd));
    this.consume(lf + 1);
    if (words === null) return { kind: 'error', message: errors.quotes };
    return words.length === 0 ? 'again' : { kind: 'command', argv: words };
  }

  /**
   * A header line `<prefix><digits>\r?` at `start`: the index of its `\r`
   * (the digits are the bytes between the prefix and it; the next line
   * starts two bytes after it); NEED_MORE when incomplete; TOO_BIG when more
   * than maxInline bytes are unread without a line's end.
   */
  private header(): number {
    const cr = this.findLine(CR);
    if (cr < 0) return this.end - this.start > this.limits.maxInline ? TOO_BIG : NEED_MORE;
    // Redis needs one byte after the `\r` (it does not check that it is `\n`).
    if (cr + 1 >= this.end) return NEED_MORE;
    return cr;
  }

  /** The `*N` line of a multibulk request. */
  private multibulkCount(): Request | null | 'again' {
    const cr = this.header();
    if (cr === TOO_BIG) return { kind: 'error', message: errors.bigMultibulk };
    if (cr === NEED_MORE) return null;
    const n = parseIntegerNumber(this.buf, this.start + 1, cr);
    if (n === null || n > this.limits.maxMultibulk) return { kind: 'error', message: errors.multibulkLength };
    this.consume(cr + 2);
    if (n <= 0) return 'again'; // an empty request: nothing to run
    this.argsLeft = n;
    this.bulkLen = -1;
    return 'again'; // go on with the arguments
  }

  /** The arguments of a multibulk request, as far as the bytes go; the request once complete. */
  private multibulkArgs(): Request | null {
    while (this.argsLeft > 0) {
      if (this.bulkLen < 0) {
        const cr = this.header();
        if (cr === TOO_BIG) return { kind: 'error', message: errors.bigBulk };
        if (cr === NEED_MORE) return null;
        const first = this.buf[this.start]!;
        if (first !== DOLLAR) return { kind: 'error', message: `ERR Protocol error: expected '$', got '${errorChar(first)}'` };
        const n = parseIntegerNumber(this.buf, this.start + 1, cr);
        if (n === null || n < 0 || n > this.limits.maxBulk) return { kind: 'error', message: errors.bulkLength };
        this.consume(cr + 2);
        this.bulkLen = n;
      }
      // The body and the two bytes after it (not checked, as Redis does not).
      if (this.end - this.start < this.bulkLen + 2) return null;
      const arg = this.buf.slice(this.start, this.start + this.bulkLen);
      this.consume(this.start + this.bulkLen + 2);
      this.args.push(arg);
      this.argsBytes += arg.length + ARG_OVERHEAD;
      this.bulkLen = -1;
      this.argsLeft--;
    }
    const argv = this.args;
    this.args = [];
    this.argsBytes = 0;
    return { kind: 'command', argv };
  }
}

/** The byte in an `expected '$'` error as Redis writes it: CR and LF become spaces (the reply must stay one line). */
function errorChar(b: number): string {
  return b === CR || b === LF ? ' ' : String.fromCharCode(b);
}


// ------------------------------------------------------------ inline words

/** Whitespace skipped between words (C's isspace). */
function isSpace(b: number): boolean {
  return b === 0x20 || (b >= 0x09 && b <= 0x0d);
}

function isHex(b: number | undefined): b is number {
  return b !== undefined && ((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66));
}

function hexValue(b: number): number {
  return b <= 0x39 ? b - 0x30 : (b | 0x20) - 0x61 + 10;
}

/** The escapes of a double-quoted word; any other escaped byte stands for itself. */
const ESCAPES: Record<number, number> = { 0x6e: LF, 0x72: CR, 0x74: 0x09, 0x62: 0x08, 0x61: 0x07 };

/**
 * The words of an inline line, by sdssplitargs's rules (checked on the
 * server), or null for unbalanced quotes:
 * - words are separated by whitespace (C's isspace) but an unquoted word ends
 *   only at space, tab, CR or LF (a vertical tab or form feed inside a word is
 *   part of it); the line ends at a NUL byte;
 * - `"..."` may start mid-word and takes \n \r \t \b \a, \xHH (two hex
 *   digits) and \<any byte> escapes; `'...'` takes only \';
 * - a closing quote must be followed by whitespace or the end of the line,
 *   and an unterminated quote is an error.
 */
export function splitArgs(line: Uint8Array): Uint8Array[] | null {
  // The line as C sees it: up to the first NUL.
  const nul = line.indexOf(NUL);
  const s = nul < 0 ? line : line.subarray(0, nul);
  const words: Uint8Array[] = [];
  let p = 0;
  for (;;) {
    while (p < s.length && isSpace(s[p]!)) p++;
    if (p >= s.length) return words;
    const word: number[] = [];
    let quote = 0; // 0, or the quote byte we are inside
    for (let done = false; !done;) {
      const c = s[p];
      if (quote === 0x22) {
        if (c === undefined) return null;
        if (c === 0x5c && s[p + 1] === 0x78 && isHex(s[p + 2]) && isHex(s[p + 3])) {
          word.push(hexValue(s[p + 2]!) * 16 + hexValue(s[p + 3]!));
          p += 3;
        } else if (c === 0x5c && p + 1 < s.length) {
          p++;
          word.push(ESCAPES[s[p]!] ?? s[p]!);
        } else if (c === 0x22) {
          if (p + 1 < s.length && !isSpace(s[p + 1]!)) return null;
          done = true;
        } else {
          word.push(c);
        }
      } else if (quote === 0x27) {
        if (c === undefined) return null;
        if (c === 0x5c && s[p + 1] === 0x27) {
          p++;
          word.push(0x27);
        } else if (c === 0x27) {
          if (p + 1 < s.length && !isSpace(s[p + 1]!)) return null;
          done = true;
        } else {
          word.push(c);
        }
      } else if (c === undefined || c === 0x20 || c === LF || c === CR || c === 0x09) {
        done = true;
      } else if (c === 0x22 || c === 0x27) {
        quote = c;
      } else {
        word.push(c);
      }
      if (p < s.length) p++;
    }
    words.push(Uint8Array.from(word));
  }
}
