// The io library (liolib.c): io.write/read/lines/open/popen/tmpfile/close/
// input/output/type, the standard files, and file methods. Files sit on the
// host's file system (Host.fs, descriptors) with C stdio's buffering on top;
// the standard output and error files write through the same buffered
// streams as print, so output order is preserved. Child processes
// (Host.processes) run to completion: a "r" pipe runs its command when
// opened and reads the captured output, a "w" pipe collects what is written
// and runs its command on it when closed.
import { E } from '../runtime/engine.js';
import { LuaTable } from '../runtime/table.js';
import { LuaError } from '../runtime/errors.js';
import * as ops from './lauxlib.js';
import * as N from '../runtime/number.js';
import { LuaFloat, LuaUserdata, type LuaValue } from '../runtime/value.js';
import type { LuaState } from '../runtime/state.js';
import type { FdError, OutputStream, ProcessStatus } from '../host/host.js';
import { canOpen, fileSystemOf, reasonOf } from '../host/fs.js';
import { addressOf } from './base.js';
import { strtod } from '../runtime/strtod.js';
import {
  argError, checkInteger, checkOption, checkString, luaError, optInteger, registerHostFunction, setFuncs,
  toSafeNumber, typeError, type Args,
} from './lauxlib.js';

const CHUNK = 1 << 16;
/** glibc's buffer for a regular file (st_blksize). */
const BUFSIZ = 4096;
/** Most output of a "r" pipe kept; past it the child gets SIGPIPE, as when a reader stops reading. */
const PIPE_LIMIT = 256 << 20;
type Fail = [undefined, string, number];
type BufMode = 'no' | 'full' | 'line';

/**
 * file: a descriptor; stdin: descriptor 0; out: a host stream;
 * piperead: the captured output of a finished command; pipewrite: the
 * input of a command not yet run, collected in memory.
 */
type FileKind = 'file' | 'stdin' | 'out' | 'piperead' | 'pipewrite';

/** The payload of a FILE* userdata. */
class LFile {
  closed = false;
  /** Bytes read ahead from the descriptor; the logical position is filePos - (rbuf.length - rpos) + wsize. */
  rbuf = '';
  rpos = 0;
  filePos = 0;
  /** Bytes written but not yet handed to the descriptor (or stream). */
  wbuf: string[] = [];
  wsize = 0;
  /** null: the host stream's own buffering (standard output and error). */
  bufMode: BufMode | null = 'full';
  /** A pipe's command, and for "r" how it ended. */
  command = '';
  /** What a "w" pipe's command will read. */
  pipeInput: string[] = [];
  status: (ProcessStatus & { output: string }) | FdError | null = null;
  constructor(
    readonly fd: number,
    readonly kind: FileKind,
    readonly readable: boolean,
    readonly writable: boolean,
    readonly append: boolean,
    readonly stream: OutputStream | null,
  ) {}
}

const syncHooks = new WeakMap<LuaState, () => void>();

/** Flush the buffered writes of every file `L`'s io library has open (before running a command). */
export function syncFiles(L: LuaState): void {
  syncHooks.get(L)?.();
}

export function openIo(L: LuaState): void {
  /** Lua 5.1's io library (liolib.c of 5.1.5) where it differs; chosen when the library is opened. */
  const v51 = L.engine.dialect.version === '5.1';
  const files = fileSystemOf(L.host);
  const processes = L.host.processes;
  const meta = new LuaTable();
  const methods = new LuaTable();

  function newFile(f: LFile): LuaUserdata {
    if (f.kind === 'pipewrite') pendingPipes.add(f);
    return new LuaUserdata(f, meta);
  }

  /** Files with buffered writes, and "w" pipes whose command has not run. */
  const dirty = new Set<LFile>();
  const pendingPipes = new Set<LFile>();
  // What C's exit() and lua_close do to files left open: flush them, run pipes.
  L.host.atExit?.(() => {
    for (const f of pendingPipes) closeFile(f);
    syncFiles();
  });

  /**
   * Flush every file's buffered writes before the file system is looked at
   * by name or by a child process. A file dropped without closing is flushed
   * by its finalizer in C; this keeps what others see independent of when
   * (or whether) the collector runs it.
   */
  function syncFiles(): void {
    for (const f of dirty) flushWrites(f);
  }
  syncHooks.set(L, syncFiles);

  const stdinF = newFile(new LFile(0, 'stdin', true, false, false, null));
  const stdoutF = newFile(stdStream(1, L.host.stdout));
  const stderrF = newFile(stdStream(2, L.host.stderr));
  let input = stdinF;
  let output = stdoutF;

  function stdStream(fd: number, stream: OutputStream): LFile {
    const f = new LFile(fd, 'out', false, true, false, stream);
    f.bufMode = null;
    return f;
  }

  function isStd(f: LFile): boolean {
    return f.kind === 'stdin' || f.kind === 'out';
  }

  function fail(error: string, errno: number): Fail {
    return [undefined, error, errno];
  }

  const badFd = (): Fail => fail('Bad file descriptor', 9);

  /** luaL_checkudata(L, 1, "FILE*"). */
  function toFileAny(args: Args, i: number): LFile {
    const u = args[i];
    if (!(u instanceof LuaUserdata) || u.metatable !== meta) return typeError(args, i, 'FILE*');
    return u.value as LFile;
  }

  /** tofile: an open file. */
  function toFile(args: Args, i: number): LFile {
    const f = toFileAny(args, i);
    if (f.closed) luaError('attempt to use a closed file');
    return f;
  }

  // ---------------------------------------------------------- low-level reading and writing

  /** Unread bytes available; false at end of file. Errors become a Fail. */
  function fill(f: LFile): boolean | Fail {
    if (f.rpos < f.rbuf.length) return true;
    if (!f.readable) return badFd();
    if (f.kind === 'piperead') return false;
    const flushed = flushWrites(f);
    if (flushed) return flushed;
    let r: { ok: true; data: string } | FdError;
    if (f.kind === 'stdin') {
      if (!L.host.readStdinSome) return fillFromStdinAll(f);
      r = L.host.readStdinSome(CHUNK);
    } else {
      r = files.read(f.fd, CHUNK, f.filePos);
    }
    if (!r.ok) return fail(r.error, r.errno);
    f.rbuf = r.data;
    f.rpos = 0;
    f.filePos += r.data.length;
    return r.data.length > 0;
  }

  let stdinAllRead = false;
  function fillFromStdinAll(f: LFile): boolean {
    if (stdinAllRead) return false;
    stdinAllRead = true;
    f.rbuf = L.host.readStdin();
    f.rpos = 0;
    return f.rbuf.length > 0;
  }

  /** Drop the read-ahead (before writing or seeking). */
  function dropReadAhead(f: LFile): void {
    f.filePos -= f.rbuf.length - f.rpos;
    f.rbuf = '';
    f.rpos = 0;
  }

  /** Write bytes to a file through its buffer; a Fail on error. */
  function writeData(f: LFile, data: string): Fail | null {
    if (!f.writable) return badFd();
    if (f.stream) {
      f.stream.write(data);
      if (f.bufMode === 'no' || (f.bufMode === 'line' && data.includes('\n'))) f.stream.flush();
      return null;
    }
    if (f.rbuf.length > 0) dropReadAhead(f);
    if (f.bufMode === 'line') {
      // glibc writes out through the last newline; the rest stays buffered.
      const nl = data.lastIndexOf('\n') + 1;
      if (nl > 0) {
        buffer(f, data.slice(0, nl));
        const r = flushWrites(f);
        if (r) return r;
        data = data.slice(nl);
        if (data === '') return null;
      }
    }
    buffer(f, data);
    return f.bufMode === 'no' || f.wsize >= BUFSIZ ? flushWrites(f) : null;
  }

  function buffer(f: LFile, data: string): void {
    if (f.wsize === 0) dirty.add(f);
    f.wbuf.push(data);
    f.wsize += data.length;
  }

  /** Hand the write buffer to the descriptor (fflush). */
  function flushWrites(f: LFile): Fail | null {
    if (f.stream) {
      f.stream.flush();
      return null;
    }
    if (f.wsize === 0) return null;
    const data = f.wbuf.length === 1 ? f.wbuf[0]! : f.wbuf.join('');
    f.wbuf = [];
    f.wsize = 0;
    dirty.delete(f);
    if (f.kind === 'pipewrite') {
      f.pipeInput.push(data);
      return null;
    }
    const r = files.write(f.fd, data, f.append ? null : f.filePos);
    if (!r.ok) return fail(r.error, r.errno);
    if (f.append) {
      const size = files.size(f.fd);
      f.filePos = size.ok ? size.size : f.filePos + data.length;
    } else {
      f.filePos += data.length;
    }
    return null;
  }

  function readLine(f: LFile, keepNl: boolean): string | undefined | Fail {
    let out = '';
    for (;;) {
      const ok = fill(f);
      if (Array.isArray(ok)) return ok;
      if (!ok) return out.length > 0 ? out : undefined;
      const nl = f.rbuf.indexOf('\n', f.rpos);
      if (nl >= 0) {
        out += f.rbuf.slice(f.rpos, keepNl ? nl + 1 : nl);
        f.rpos = nl + 1;
        return out;
      }
      out += f.rbuf.slice(f.rpos);
      f.rpos = f.rbuf.length;
    }
  }

  function readAll(f: LFile): string | Fail {
    let out = '';
    for (;;) {
      const ok = fill(f);
      if (Array.isArray(ok)) return ok;
      if (!ok) return out;
      out += f.rbuf.slice(f.rpos);
      f.rpos = f.rbuf.length;
    }
  }

  function readChars(f: LFile, n: number): string | undefined | Fail {
    let out = '';
    while (out.length < n) {
      const ok = fill(f);
      if (Array.isArray(ok)) return ok;
      if (!ok) break;
      const take = Math.min(n - out.length, f.rbuf.length - f.rpos);
      out += f.rbuf.slice(f.rpos, f.rpos + take);
      f.rpos += take;
    }
    return out.length > 0 ? out : undefined;
  }

  /** The next byte without consuming it (-1 at end of file). */
  function peek(f: LFile): number | Fail {
    const ok = fill(f);
    if (Array.isArray(ok)) return ok;
    return ok ? f.rbuf.charCodeAt(f.rpos) : -1;
  }

  /** read_number (l_getn): at most 200 characters that may form a numeral. */
  function readNumber(f: LFile): LuaValue | Fail {
    let buf = '';
    let c: number | Fail;
    const cur = (): number | Fail => peek(f);
    let tooLong = false;
    const accept = (set: string): boolean => {
      const ch = cur();
      if (Array.isArray(ch) || ch < 0) return false;
      if (!set.includes(String.fromCharCode(ch))) return false;
      // l_getn's nextc: past L_MAXLENNUM the whole numeral is invalid.
      if (buf.length >= 200) {
        tooLong = true;
        return false;
      }
      buf += String.fromCharCode(ch);
      f.rpos++;
      return true;
    };
    for (;;) {
      c = cur();
      if (Array.isArray(c)) return c;
      if (c === 32 || (c >= 9 && c <= 13)) f.rpos++;
      else break;
    }
    const digits = (hex: boolean): number => {
      let n = 0;
      while (accept(hex ? '0123456789abcdefABCDEF' : '0123456789')) n++;
      return n;
    };
    accept('-+');
    let count = 0;
    let hex = false;
    if (accept('0')) {
      if (accept('xX')) hex = true;
      else count = 1;
    }
    count += digits(hex);
    if (accept('.')) count += digits(hex);
    if (count > 0 && accept(hex ? 'pP' : 'eE')) {
      accept('-+');
      digits(false);
    }
    return tooLong ? undefined : N.str2number(buf);
  }

  /** A read too big for a string fails as lua5.4 does when its buffer cannot grow. */
  function g_read(f: LFile, args: Args, first: number): unknown {
    try {
      return readFormats(f, args, first);
    } catch (e) {
      if (e instanceof RangeError && /string length/i.test(e.message)) throw new LuaError('not enough memory');
      throw e;
    }
  }

  /**
   * read_number of 5.1: fscanf("%lf") as glibc scans, one byte of
   * lookahead: a byte that cannot continue the number is left for the next
   * read, except inside "inf"/"infinity"/"nan", where a mismatch is
   * consumed; the number is the longest prefix strtod converts.
   */
  function readNumber51(f: LFile): LuaValue | Fail {
    let buf = '';
    let failed = false;
    /** The next byte (-1 at the end), or a Fail. */
    const cur = (): number | Fail => peek(f);
    const take = (): void => {
      buf += f.rbuf.charAt(f.rpos);
      f.rpos++;
    };
    const accept = (test: (c: number) => boolean): boolean => {
      const ch = cur();
      if (Array.isArray(ch) || ch < 0 || !test(ch)) return false;
      take();
      return true;
    };
    const digit = (c: number): boolean => c >= 48 && c <= 57;
    const xdigit = (c: number): boolean => digit(c) || ((c | 32) >= 97 && (c | 32) <= 102);
    /** Match the letters of `w` (lower case); a mismatching byte is consumed too. */
    const word = (w: string): boolean => {
      for (let i = 0; i < w.length; i++) {
        const ch = cur();
        if (Array.isArray(ch) || ch < 0) return false;
        take();
        if ((ch | 32) !== w.charCodeAt(i)) return false;
      }
      return true;
    };
    for (;;) {
      const c = cur();
      if (Array.isArray(c)) return c;
      if (c === 32 || (c >= 9 && c <= 13)) f.rpos++;
      else break;
    }
    accept((c) => c === 43 || c === 45);
    const c0 = cur();
    if (Array.isArray(c0)) return c0;
    if ((c0 | 32) === 105) { // inf[inity]
      if (!word('inf')) failed = true;
      else if (accept((c) => (c | 32) === 105) && !word('nity')) failed = true;
    } else if ((c0 | 32) === 110) { // nan
      if (!word('nan')) failed = true;
    } else {
      let digits = 0;
      if (accept((c) => c === 48)) {
        digits = 1;
        if (accept((c) => (c | 32) === 120)) {
          // hexadecimal: a hex digit or a point must follow "0x"
          digits = 0;
          const dot = accept((c) => c === 46);
          while (accept(xdigit)) digits++;
          if (!dot && accept((c) => c === 46)) while (accept(xdigit)) digits++;
          if (digits === 0) {
            if (!dot) failed = true;
            return failed ? undefined : 0;
          }
          if (accept((c) => (c | 32) === 112)) {
            accept((c) => c === 43 || c === 45);
            while (accept(digit));
          }
          const r = strtod(buf);
          return r.end > 0 ? r.value : undefined;
        }
      }
      while (accept(digit)) digits++;
      if (accept((c) => c === 46)) while (accept(digit)) digits++;
      if (digits === 0) failed = true;
      else if (accept((c) => (c | 32) === 101)) {
        accept((c) => c === 43 || c === 45);
        while (accept(digit));
      }
    }
    if (failed) return undefined;
    const r = strtod(buf);
    return r.end > 0 ? r.value : undefined;
  }

  /** g_read of 5.1: '*n', '*l', '*a' or a count; a string without '*' is an invalid option. */
  function readFormats51(f: LFile, args: Args, first: number): unknown {
    if (args.length <= first) return readLine(f, false);
    const results: LuaValue[] = [];
    for (let i = first; i < args.length; i++) {
      const fmt = args[i];
      let v: LuaValue | Fail;
      if (typeof fmt === 'number' || typeof fmt === 'bigint' || fmt instanceof LuaFloat) {
        const n = toSafeNumber(checkInteger(args, i));
        if (n === 0) {
          const p = peek(f);
          v = Array.isArray(p) ? p : p < 0 ? undefined : '';
        } else {
          // (size_t) of a negative count: everything.
          v = readChars(f, n < 0 ? Infinity : n);
        }
      } else {
        const p = typeof fmt === 'string' ? fmt : undefined;
        if (p === undefined || p.charCodeAt(0) !== 42) argError(i + 1, 'invalid option');
        switch (p!.charAt(1)) {
          case 'n': v = readNumber51(f); break;
          case 'l': v = readLine(f, false); break;
          case 'a': v = readAll(f); break;
          default: return argError(i + 1, 'invalid format');
        }
      }
      if (Array.isArray(v)) return v;
      results.push(v);
      if (v === undefined) break;
    }
    return results;
  }

  function readFormats(f: LFile, args: Args, first: number): unknown {
    if (v51) return readFormats51(f, args, first);
    const results: LuaValue[] = [];
    if (args.length <= first) {
      const r = readLine(f, false);
      if (Array.isArray(r)) return r;
      return r;
    }
    for (let i = first; i < args.length; i++) {
      const fmt = args[i];
      let v: LuaValue | Fail;
      if (typeof fmt === 'number' || typeof fmt === 'bigint' || fmt instanceof LuaFloat) {
        const n = toSafeNumber(checkInteger(args, i));
        if (n === 0) {
          const p = peek(f);
          v = Array.isArray(p) ? p : p < 0 ? undefined : '';
        } else {
          v = readChars(f, n);
        }
      } else {
        let s = checkString(args, i);
        if (s.startsWith('*')) s = s.slice(1);
        switch (s[0]) {
          case 'n': v = readNumber(f); break;
          case 'l': v = readLine(f, false); break;
          case 'L': v = readLine(f, true); break;
          case 'a': v = readAll(f); break;
          default: return argError(i + 1, 'invalid format');
        }
      }
      if (Array.isArray(v)) return v;
      results.push(v);
      if (v === undefined) break;
    }
    return results;
  }

  function numberText(v: LuaValue): string {
    // lua5.1: fprintf(f, LUA_NUMBER_FMT, n) for every number.
    if (v51) return N.formatG14(typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : (v as LuaFloat).n);
    if (typeof v === 'number') return Number.isInteger(v) ? N.tostringNumber(v) : N.formatG14(v);
    if (typeof v === 'bigint') return N.tostringNumber(v);
    if (v instanceof LuaFloat) return N.formatG14(v.n);
    return '';
  }

  function g_write(f: LFile, self: LuaUserdata, args: Args, first: number): unknown {
    if (f.stream && f.writable) return streamWrite(f, self, args, first);
    // Each argument is written before the next is checked, as fwrite calls are.
    for (let i = first; i < args.length; i++) {
      const v = args[i];
      let data: string;
      if (typeof v === 'string') data = v;
      else if (typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat) data = numberText(v);
      else return typeError(args, i, 'string');
      const r = writeData(f, data);
      if (r) {
        for (let j = i + 1; j < args.length; j++) {
          const w = args[j];
          if (typeof w !== 'string' && typeof w !== 'number' && typeof w !== 'bigint' && !(w instanceof LuaFloat)) {
            typeError(args, j, 'string');
          }
        }
        return r;
      }
    }
    // lua5.1 answers true (pushresult), later versions the file.
    return v51 ? true : self;
  }

  /**
   * g_write to a standard stream: the arguments as one write (qt io.writes
   * 13 at a time). What came before a bad argument is written before the
   * error, as when each is written in turn; a stream write cannot fail.
   */
  function streamWrite(f: LFile, self: LuaUserdata, args: Args, first: number): unknown {
    let data = '';
    for (let i = first; i < args.length; i++) {
      const v = args[i];
      if (typeof v === 'string') data += v;
      else if (typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat) data += numberText(v);
      else {
        if (data !== '') writeData(f, data);
        return typeError(args, i, 'string');
      }
    }
    if (data !== '') writeData(f, data);
    return v51 ? true : self;
  }

  /** aux_close: what the file's closing function returns. */
  function closeFile(f: LFile): unknown {
    if (isStd(f)) return [undefined, 'cannot close standard file'];
    f.closed = true;
    pendingPipes.delete(f);
    f.rbuf = '';
    // lua5.1's pclose result: true when pclose did not fail, whatever the command's status.
    if (f.kind === 'piperead') return v51 ? true : execResult(f.status!);
    const flushed = flushWrites(f);
    let status: unknown = true;
    if (f.kind === 'pipewrite') {
      const r = runCommand(f.command, f.pipeInput.join(''), false);
      status = !v51 ? execResult(r) : r.ok ? true : fail(r.error, r.errno);
      f.pipeInput = [];
      return flushed ?? status;
    }
    const r = files.close(f.fd);
    if (flushed) return flushed;
    if (!r.ok) return fail(r.error, r.errno);
    return status;
  }

  function runCommand(command: string, input: string | null, capture: boolean): (ProcessStatus & { output: string }) | FdError {
    if (!processes) return { ok: false, error: 'Function not implemented', errno: 38 };
    return processes.run(command, { input, capture, limit: PIPE_LIMIT });
  }

  /** luaL_execresult: true or nil, then "exit" or "signal", then the code. */
  function execResult(r: ProcessStatus | FdError): unknown {
    if (!r.ok) return fail(r.error, r.errno);
    return [r.how === 'exit' && r.code === 0 ? true : undefined, r.how, r.code];
  }

  function openFile(name: string, mode: string): LuaUserdata | Fail {
    syncFiles();
    const m = mode.replace(/b/g, '');
    const r = files.open(name, m);
    if (!r.ok) return fail(r.error, r.errno);
    const plus = m.includes('+');
    const append = m[0] === 'a';
    const f = new LFile(r.fd, 'file', plus || m[0] === 'r', plus || m[0] !== 'r', append, null);
    // glibc starts "a" at the end but "a+" at the start (for reading; writes always append).
    if (append && !plus) {
      const s = files.size(r.fd);
      if (s.ok) f.filePos = s.size;
    }
    return newFile(f);
  }

  function checkMode(mode: string): boolean {
    return /^[rwa]\+?b*$/.test(mode);
  }

  /** opencheckfile: open or raise "cannot open file". */
  function openCheck(name: string, mode: string): LuaUserdata {
    const r = openFile(name, mode);
    if (Array.isArray(r)) {
      // The message is formatted from a C string: the name ends at a NUL.
      const shown = name.split('\0', 1)[0]!;
      return luaError(`cannot open file '${shown}' (${reasonOf(r[1], name)})`);
    }
    return r;
  }

  // ---------------------------------------------------------- lines iterators

  function makeLines(self: LuaUserdata, formats: Args, toClose: boolean): (...a: Args) => unknown {
    // aux_lines: at most MAXARGLINE (250) formats.
    if (formats.length > 250) argError(252, 'too many arguments');
    const fmts = formats.slice();
    function io_readline(): unknown {
      const f = self.value as LFile;
      if (f.closed) luaError('file is already closed');
      const r = g_read(f, [self, ...fmts], 1);
      const vals = Array.isArray(r) ? r : [r];
      if (vals.length === 3 && vals[0] === undefined && typeof vals[1] === 'string' && typeof vals[2] === 'number') {
        return luaError(vals[1]);
      }
      if (vals[0] === undefined) {
        if (toClose) closeFile(f);
        return ops.EMPTY;
      }
      return vals;
    }
    registerHostFunction(io_readline, '?');
    return io_readline;
  }

  // ---------------------------------------------------------- io functions

  /** getiofile: the default input or output, which must be open. */
  function ioFileOpen(u: LuaUserdata, what: string): LFile {
    const f = u.value as LFile;
    if (f.closed) luaError(v51 ? `standard ${what} file is closed` : `default ${what} file is closed`);
    return f;
  }

  function io_write(...args: Args): unknown {
    return g_write(ioFileOpen(output, 'output'), output, args, 0);
  }

  function io_flush(): unknown {
    return flushWrites(ioFileOpen(output, 'output')) ?? true;
  }

  function io_read(...args: Args): unknown {
    return g_read(ioFileOpen(input, 'input'), args, 0);
  }

  function io_open(...args: Args): unknown {
    const name = checkString(args, 0);
    const mode = args[1] === undefined ? 'r' : checkString(args, 1);
    if (v51) {
      // lua5.1 hands the mode to fopen: glibc reads r/w/a and a "+" or "x" among the next 6 characters.
      const m = fopenMode(mode);
      if (m === null) return fail(`${name}: Invalid argument`, 22);
      if (m.exclusive && m.mode[0] !== 'r' && canOpen(files, name)) return fail(`${name}: File exists`, 17);
      return openFile(name, m.mode);
    }
    if (!checkMode(mode)) argError(2, 'invalid mode');
    return openFile(name, mode);
  }

  /** glibc fopen's reading of a mode: "r", "w", "a", with "+" when one of the next 6 characters is "+", exclusive for an "x"; null when invalid. */
  function fopenMode(mode: string): { mode: string; exclusive: boolean } | null {
    const c = mode.charAt(0);
    if (c !== 'r' && c !== 'w' && c !== 'a') return null;
    let plus = false, exclusive = false;
    for (let i = 1; i < 7 && i < mode.length; i++) {
      const ch = mode.charAt(i);
      if (ch === '\0') break;
      if (ch === '+') plus = true;
      else if (ch === 'x') exclusive = true;
    }
    return { mode: plus ? c + '+' : c, exclusive };
  }

  function io_popen(...args: Args): unknown {
    const command = checkString(args, 0);
    let mode = args[1] === undefined ? 'r' : checkString(args, 1);
    if (v51 && mode !== 'r' && mode !== 'w') {
      // popen(3): "r" or "w", possibly followed by 'e'.
      if (mode === 're' || mode === 'we') mode = mode.charAt(0);
      else return fail(`${command}: Invalid argument`, 22);
    }
    if (mode !== 'r' && mode !== 'w') argError(2, 'invalid mode');
    if (!processes) return luaError("'popen' not supported");
    syncFiles();
    if (mode === 'r') {
      const status = runCommand(command, null, true);
      if (!status.ok) return fail(`${command}: ${status.error}`, status.errno);
      const f = new LFile(-1, 'piperead', true, false, false, null);
      f.rbuf = status.output;
      f.status = status;
      return newFile(f);
    }
    const f = new LFile(-1, 'pipewrite', false, true, false, null);
    f.command = command;
    return newFile(f);
  }

  function io_tmpfile(): unknown {
    const r = files.tmpfile();
    if (!r.ok) return fail(r.error, r.errno);
    return newFile(new LFile(r.fd, 'file', true, true, false, null));
  }

  function io_close(...args: Args): unknown {
    if (args[0] === undefined) return closeFile(ioFileOpen(output, 'output'));
    return closeFile(toFile(args, 0));
  }

  function io_type(...args: Args): unknown {
    if (args.length === 0) argError(1, 'value expected');
    const u = args[0];
    if (!(u instanceof LuaUserdata) || u.metatable !== meta) return undefined;
    return (u.value as LFile).closed ? 'closed file' : 'file';
  }

  function ioFile(args: Args, mode: string, current: LuaUserdata): LuaUserdata {
    const v = args[0];
    if (v === undefined) return current;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat) {
      return v51 ? openOrArgError(checkString(args, 0), mode) : openCheck(checkString(args, 0), mode);
    }
    toFile(args, 0);
    return v as LuaUserdata;
  }

  function io_input(...args: Args): unknown {
    input = ioFile(args, 'r', input);
    return input;
  }

  function io_output(...args: Args): unknown {
    output = ioFile(args, 'w', output);
    return output;
  }

  /** lua5.1's fileerror: a failed open is an error of argument #1, "name: reason". */
  function openOrArgError(name: string, mode: string): LuaUserdata {
    const r = openFile(name, mode);
    if (Array.isArray(r)) return argError(1, r[1]);
    return r;
  }

  /** io.lines of 5.1: no formats; the iterator alone; a named file is closed at its end. */
  function io_lines51(...args: Args): unknown {
    if (args[0] === undefined) {
      toFile([input], 0);
      return makeLines(input, [], false);
    }
    const u = openOrArgError(checkString(args, 0), 'r');
    return makeLines(u, [], true);
  }

  function f_lines51(...args: Args): unknown {
    toFile(args, 0);
    return makeLines(args[0] as LuaUserdata, [], false);
  }

  function io_lines(...args: Args): unknown {
    if (args[0] === undefined) {
      toFile([input], 0);
      return linesResult(makeLines(input, args.slice(1), false), undefined);
    }
    const name = checkString(args, 0);
    const u = openCheck(name, 'r');
    return linesResult(makeLines(u, args.slice(1), true), u);
  }

  /** io.lines' results: the iterator, and in 5.4 two nils and the file to close (DialectSpec `linesClose`). */
  function linesResult(iter: unknown, file: LuaUserdata | undefined): unknown {
    return E.dialect.linesClose ? [iter, undefined, undefined, file] : iter;
  }

  // ---------------------------------------------------------- methods

  function f_write(...args: Args): unknown {
    const f = toFile(args, 0);
    return g_write(f, args[0] as LuaUserdata, args, 1);
  }

  function f_read(...args: Args): unknown {
    return g_read(toFile(args, 0), args, 1);
  }

  function f_lines(...args: Args): unknown {
    toFile(args, 0);
    return makeLines(args[0] as LuaUserdata, args.slice(1), false);
  }

  function f_close(...args: Args): unknown {
    return closeFile(toFile(args, 0));
  }

  function f_flush(...args: Args): unknown {
    return flushWrites(toFile(args, 0)) ?? true;
  }

  function f_setvbuf(...args: Args): unknown {
    const f = toFile(args, 0);
    const mode = checkOption(args, 1, undefined, ['no', 'full', 'line'] as const);
    optInteger(args, 2, 1024);
    // glibc's setvbuf flushes only when buffering is turned off.
    const flushed = mode === 'no' ? flushWrites(f) : null;
    f.bufMode = mode;
    if (f.stream === L.host.stdout) L.stdoutMode = mode;
    return flushed ?? true;
  }

  function f_seek(...args: Args): unknown {
    const f = toFile(args, 0);
    const whence = checkOption(args, 1, 'cur', ['set', 'cur', 'end'] as const);
    const offset = optInteger(args, 2, 0);
    if (f.kind !== 'file') {
      flushWrites(f);
      return fail('Illegal seek', 29);
    }
    const flushed = flushWrites(f);
    if (flushed) return flushed;
    dropReadAhead(f);
    let base = 0;
    if (whence === 'cur') base = f.filePos;
    else if (whence === 'end') {
      const s = files.size(f.fd);
      if (!s.ok) return fail(s.error, s.errno);
      base = s.size;
    }
    // fseek fails on a negative result (one that overflows off_t wraps to
    // negative). Positions here are JS numbers, so one beyond 2^53 - 1
    // fails too; the file system decides below that (ext4 refuses
    // positions past 16 TiB, tmpfs accepts any off_t).
    const pos = typeof offset === 'number' ? base + offset : BigInt(base) + offset;
    if (pos < 0 || pos > Number.MAX_SAFE_INTEGER) return fail('Invalid argument', 22);
    f.filePos = Number(pos);
    return f.filePos;
  }

  function f_tostring(...args: Args): unknown {
    return toFileAny(args, 0).closed ? 'file (closed)' : `file (${addressOf(args[0] as LuaUserdata)})`;
  }

  function f_gc(...args: Args): unknown {
    const f = toFileAny(args, 0);
    if (!f.closed && !isStd(f)) closeFile(f);
    return ops.EMPTY;
  }

  const methodFuncs: Record<string, (...args: Args) => unknown> = {
    close: f_close, flush: f_flush, lines: f_lines, read: f_read, seek: f_seek, setvbuf: f_setvbuf, write: f_write,
  };
  if (v51) methodFuncs.lines = f_lines51;
  const metaFuncs = { __gc: f_gc, __close: f_gc, __tostring: f_tostring };
  // Methods are not reachable from package.loaded: lua5.4 names them '?' in messages.
  for (const fn of [...Object.values(methodFuncs), ...Object.values(metaFuncs)]) registerHostFunction(fn, '?');
  if (v51) {
    // 5.1: the methods live in the metatable itself, which is its own __index; no __name, no __close.
    setFuncs(meta, '', methodFuncs);
    setFuncs(meta, '', { __gc: f_gc, __tostring: f_tostring });
    meta.setStr('__index', meta);
  } else {
    setFuncs(methods, '', methodFuncs);
    setFuncs(meta, '', metaFuncs);
    meta.setStr('__index', methods);
    meta.setStr('__name', 'FILE*');
  }

  const io = new LuaTable();
  setFuncs(io, 'io.', {
    close: io_close, input: io_input, lines: v51 ? io_lines51 : io_lines, open: io_open, output: io_output, popen: io_popen,
    read: io_read, tmpfile: io_tmpfile, type: io_type, write: io_write, flush: io_flush,
  });
  io.setStr('stdin', stdinF);
  io.setStr('stdout', stdoutF);
  io.setStr('stderr', stderrF);
  L.loaded.setStr('io', io);
  L.globals.setStr('io', io);
}
