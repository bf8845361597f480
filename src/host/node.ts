// The Node.js host: files, standard streams, environment, exit.
import { closeSync, fstatSync, openSync, readFileSync, readSync, renameSync, rmdirSync, unlinkSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { constants as osConstants } from 'node:os';
import { nodeCollector } from './node-gc.js';
import type { FsResult, Host, HostFileSystem, HostFiles, HostProcesses, OutputStream } from './host.js';

const FLUSH_AT = 1 << 16;

/** Buffered writes to a file descriptor; a closed pipe ends the process quietly, as lua does. */
class FdStream implements OutputStream {
  private buf: string[] = [];
  private size = 0;
  /** `lineBuffered`: flush at each newline (C stdio on a terminal). */
  constructor(private readonly fd: number, private readonly unbuffered: boolean, private readonly lineBuffered = false) {}
  write(bytes: string): void {
    this.buf.push(bytes);
    this.size += bytes.length;
    if (this.unbuffered || this.size >= FLUSH_AT || (this.lineBuffered && bytes.includes('\n'))) this.flush();
  }
  flush(): void {
    if (this.size === 0 && this.buf.length === 0) return;
    const data = Buffer.from(this.buf.join(''), 'latin1');
    this.buf = [];
    this.size = 0;
    let off = 0;
    while (off < data.length) {
      try {
        off += writeSync(this.fd, data, off);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') continue;
        if (code === 'EPIPE') process.exit(141 - 128 + 128); // killed by SIGPIPE, like lua
        throw e;
      }
    }
  }
}

export function nodeHost(): Host {
  const stdout = new FdStream(1, false, isatty(1));
  const stderr = new FdStream(2, true);
  const exitHooks: (() => void)[] = [];
  process.on('exit', () => {
    // A hook that fails (say, a full disk) must not keep the rest from running.
    for (const hook of exitHooks.splice(0)) {
      try { hook(); } catch { /* nothing left to report to */ }
    }
    try { stdout.flush(); } catch { /* nothing left to report to */ }
  });
  return {
    stdout,
    stderr,
    readFile(path) {
      try {
        return { ok: true, data: readFileSync(nativePath(path), 'latin1') };
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        const reason = err.code === 'ENOENT' ? 'No such file or directory'
          : err.code === 'EACCES' ? 'Permission denied'
          : err.code === 'EISDIR' ? 'Is a directory'
          : err.message;
        return { ok: false, error: `cannot open ${cString(path)}: ${reason}` };
      }
    },
    readStdin() {
      const chunks: Buffer[] = [];
      const buf = Buffer.alloc(1 << 16);
      let fd = 0;
      let opened = false;
      for (;;) {
        let n: number;
        try {
          n = readSync(fd, buf, 0, buf.length, null);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN' && !opened) {
            // A non-blocking stdin (a TTY in some setups): read it blocking.
            fd = openSync('/dev/stdin', 'r');
            opened = true;
            continue;
          }
          if (code === 'EOF') break;
          throw e;
        }
        if (n === 0) break;
        chunks.push(Buffer.from(buf.subarray(0, n)));
      }
      if (opened) closeSync(fd);
      return Buffer.concat(chunks).toString('latin1');
    },
    getenv,
    gc: nodeCollector(),
    fs: nodeFileSystem,
    fileExists(path) {
      try {
        closeSync(openSync(nativePath(path), 'r'));
        return true;
      } catch {
        return false;
      }
    },
    files: nodeFiles,
    processes: nodeProcesses(stdout, stderr),
    atExit: (hook) => { exitHooks.push(hook); },
    clock: () => process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
    exit(code) {
      stdout.flush();
      stderr.flush();
      process.exit(code);
    },
  };
}

// ------------------------------------------------------------ file system

const ERRNO: Record<string, [number, string]> = {
  EPERM: [1, 'Operation not permitted'],
  ENOENT: [2, 'No such file or directory'],
  EIO: [5, 'Input/output error'],
  E2BIG: [7, 'Argument list too long'],
  EBADF: [9, 'Bad file descriptor'],
  EAGAIN: [11, 'Resource temporarily unavailable'],
  ENOMEM: [12, 'Cannot allocate memory'],
  EACCES: [13, 'Permission denied'],
  EBUSY: [16, 'Device or resource busy'],
  EEXIST: [17, 'File exists'],
  EXDEV: [18, 'Invalid cross-device link'],
  ENOTDIR: [20, 'Not a directory'],
  EISDIR: [21, 'Is a directory'],
  EINVAL: [22, 'Invalid argument'],
  ENFILE: [23, 'Too many open files in system'],
  EMFILE: [24, 'Too many open files'],
  ETXTBSY: [26, 'Text file busy'],
  EFBIG: [27, 'File too large'],
  ENOSPC: [28, 'No space left on device'],
  ESPIPE: [29, 'Illegal seek'],
  EROFS: [30, 'Read-only file system'],
  ENAMETOOLONG: [36, 'File name too long'],
  ENOTEMPTY: [39, 'Directory not empty'],
  ELOOP: [40, 'Too many levels of symbolic links'],
};

/** luaL_fileresult's message ("path: strerror", or just strerror without a path) and errno. */
function fsError(e: unknown, path: string | null): FsResult & { ok: false } {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const [errno, text] = ERRNO[code] ?? [0, (e as Error).message];
  return { ok: false, error: path === null ? text : `${cString(path)}: ${text}`, errno };
}

const TMP_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** What C sees of a Lua string: the bytes before the first NUL. */
function cString(s: string): string {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}

/**
 * Byte-string path (as Lua holds it) to the raw bytes Node's fs takes: what
 * C's fopen or remove would see, whatever the bytes (not necessarily UTF-8).
 */
function nativePath(p: string): Buffer {
  return Buffer.from(cString(p), 'latin1');
}

/** The text whose UTF-8 encoding is exactly the byte string `s`, or null when `s` is not valid UTF-8. */
function exactText(s: string): string | null {
  if (!/[^\x00-\x7f]/.test(s)) return s;
  const bytes = Buffer.from(s, 'latin1');
  const text = bytes.toString('utf8');
  return Buffer.from(text, 'utf8').equals(bytes) ? text : null;
}

/** Text from Node (UTF-8 decoded) as the byte string Lua sees. */
function toByteString(s: string): string {
  return /[^\x00-\x7f]/.test(s) ? Buffer.from(s, 'utf8').toString('latin1') : s;
}

// ------------------------------------------------------------ environment

/**
 * C's getenv: `name` and the value are byte strings. Only the variables
 * themselves count (process.env also answers inherited names such as
 * `constructor`). Node decodes the environment as UTF-8, replacing invalid
 * bytes with U+FFFD; the original bytes come from /proc/self/environ (Linux)
 * while the variable still has the value the process started with.
 */
function getenv(name: string): string | undefined {
  const key = cString(name);
  const text = exactText(key);
  // Node leaves out variables whose names are not valid UTF-8.
  if (text === null) return initialEnvironment(key);
  if (!Object.hasOwn(process.env, text)) return undefined;
  const value = process.env[text]!;
  if (value.includes('\uFFFD')) {
    // Perhaps invalid bytes: the original ones, if the variable kept its value.
    const raw = initialEnvironment(key);
    if (raw !== undefined && Buffer.from(raw, 'latin1').toString('utf8') === value) return raw;
  }
  return toByteString(value);
}

/** The value of `key` (a byte string) in the environment the process started with, as bytes. */
function initialEnvironment(key: string): string | undefined {
  let environ: string;
  try {
    environ = readFileSync('/proc/self/environ', 'latin1');
  } catch {
    return undefined;
  }
  const prefix = `${key}=`;
  for (const entry of environ.split('\0')) if (entry.startsWith(prefix)) return entry.slice(prefix.length);
  return undefined;
}

const nodeFileSystem: HostFileSystem = {
  remove(path) {
    const p = nativePath(path);
    try {
      unlinkSync(p);
      return { ok: true };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EISDIR' && code !== 'EPERM') return fsError(e, path);
      try {
        rmdirSync(p);
        return { ok: true };
      } catch (e2) {
        return fsError(e2, path);
      }
    }
  },
  rename(from, to) {
    try {
      renameSync(nativePath(from), nativePath(to));
      return { ok: true };
    } catch (e) {
      return fsError(e, null);
    }
  },
  tmpname() {
    const r = createTemp();
    if (!r.ok) return { ok: false, error: 'unable to generate a unique filename' };
    closeSync(r.fd);
    return { ok: true, name: r.name };
  },
};

/** mkstemp: a new file only we can read, opened "w+". */
function createTemp(): { ok: true; fd: number; name: string } | (FsResult & { ok: false }) {
  let last: FsResult & { ok: false } = { ok: false, error: 'File exists', errno: 17 };
  for (let tries = 0; tries < 100; tries++) {
    const name = `/tmp/lua_${Array.from(randomBytes(6), (b) => TMP_CHARS[b % TMP_CHARS.length]).join('')}`;
    try {
      return { ok: true, fd: openSync(name, 'wx+', 0o600), name };
    } catch (e) {
      last = fsError(e, null);
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') break;
    }
  }
  return last;
}

// ------------------------------------------------------------ file descriptors (io library)

/** Standard input may be non-blocking (EAGAIN); then it is reopened blocking once. */
let stdinFd = 0;

const nodeFiles: HostFiles = {
  open(path, mode) {
    try {
      return { ok: true, fd: openSync(nativePath(path), mode) };
    } catch (e) {
      return fsError(e, path);
    }
  },
  read(fd, max, position) {
    const buf = Buffer.alloc(max);
    for (;;) {
      try {
        const n = readSync(fd === 0 ? stdinFd : fd, buf, 0, max, position);
        return { ok: true, data: buf.toString('latin1', 0, n) };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (fd === 0 && code === 'EAGAIN' && stdinFd === 0) {
          try { stdinFd = openSync('/dev/stdin', 'r'); continue; } catch { /* report below */ }
        }
        if (code === 'EOF') return { ok: true, data: '' };
        return fsError(e, null);
      }
    }
  },
  write(fd, data, position) {
    try {
      const b = Buffer.from(data, 'latin1');
      let off = 0;
      while (off < b.length) {
        off += writeSync(fd, b, off, b.length - off, position === null ? null : position + off);
      }
      return { ok: true };
    } catch (e) {
      return fsError(e, null);
    }
  },
  size(fd) {
    try {
      return { ok: true, size: fstatSync(fd).size };
    } catch (e) {
      return fsError(e, null);
    }
  },
  close(fd) {
    try {
      closeSync(fd);
      return { ok: true };
    } catch (e) {
      return fsError(e, null);
    }
  },
  tmpfile() {
    const r = createTemp();
    if (!r.ok) return r;
    // As glibc's tmpfile: the name goes at once, the open descriptor keeps the file.
    try { unlinkSync(r.name); } catch { /* /tmp cleaners will get it */ }
    return { ok: true, fd: r.fd };
  },
};

// ------------------------------------------------------------ child processes

const SHELL = '/bin/sh';

function nodeProcesses(stdout: OutputStream, stderr: OutputStream): HostProcesses {
  return {
    hasShell() {
      try {
        closeSync(openSync(SHELL, 'r'));
        return true;
      } catch {
        return false;
      }
    },
    run(command, { stdinFd, capture, limit }) {
      // The child writes straight to our descriptors: what we printed before comes first.
      stdout.flush();
      stderr.flush();
      // argv[0] "sh", as system() and popen() give it: the shell's messages start with it.
      const r = spawnSync(SHELL, shellArgs(cString(command)), {
        argv0: 'sh',
        stdio: [stdinFd ?? 'inherit', capture ? 'pipe' : 'inherit', 'inherit'],
        maxBuffer: capture ? limit : undefined,
        killSignal: 'SIGPIPE',
      });
      const output = capture && r.stdout ? r.stdout.toString('latin1', 0, Math.min(r.stdout.length, limit)) : '';
      if (r.signal) return { ok: true, how: 'signal', code: osConstants.signals[r.signal] ?? 0, output };
      if (r.status === null) return fsError(r.error, null);
      return { ok: true, how: 'exit', code: r.status, output };
    },
  };
}

/**
 * The arguments that make the shell run `command` (a byte string) exactly
 * as system() would: `sh -c command`. Node passes arguments as UTF-8 text,
 * so a command that is not valid UTF-8 cannot be given directly; then the
 * shell first rebuilds its bytes with printf (octal escapes, all ASCII) and
 * runs them with `exec sh -c "$c" sh` (the same process, standard
 * descriptors and $0; a sentinel keeps trailing newlines).
 */
function shellArgs(command: string): string[] {
  const text = exactText(command);
  if (text !== null) return ['-c', text];
  let format = '';
  for (let i = 0; i < command.length; i++) {
    const c = command.charCodeAt(i);
    if (c >= 0x80 || c === 0x27 /* ' */) format += `\\${c.toString(8).padStart(3, '0')}`;
    else if (c === 0x5c /* \ */) format += '\\\\';
    else if (c === 0x25 /* % */) format += '%%';
    else format += command[i];
  }
  return ['-c', `c=$(printf '${format}x') && exec ${SHELL} -c "\${c%x}" sh`];
}
