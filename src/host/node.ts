// The Node.js host: files, standard streams, environment, exit.
import { closeSync, openSync, readFileSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { childProcess, isatty, os } from './node-builtins.js';
import { nodeCollector } from './node-gc.js';
import type { FdError, Host, HostProcesses, OutputStream } from './host.js';
import { cString } from './fs.js';
import { createTempIn, fsError, nodeFileSystem } from './node-fs.js';

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
    // The process's whole file system, as lua5.4 sees it (nodeFileSystem({ root }) confines it).
    fs: nodeFileSystem(),
    readStdinSome: stdinReader(),
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

// ------------------------------------------------------------ standard input

/** Blocking reads of standard input; a non-blocking one (EAGAIN) is reopened blocking once. */
function stdinReader(): (max: number) => { ok: true; data: string } | FdError {
  let fd = 0;
  return (max) => {
    const buf = Buffer.alloc(max);
    for (;;) {
      try {
        const n = readSync(fd, buf, 0, max, null);
        return { ok: true, data: buf.toString('latin1', 0, n) };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN' && fd === 0) {
          try { fd = openSync('/dev/stdin', 'r'); continue; } catch { /* report below */ }
        }
        if (code === 'EOF') return { ok: true, data: '' };
        return fsError(e, null);
      }
    }
  };
}

// ------------------------------------------------------------ child processes

function writeAll(fd: number, b: Buffer): void {
  for (let off = 0; off < b.length; ) off += writeSync(fd, b, off, b.length - off, off);
}

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
    run(command, { input, capture, limit }) {
      // The child writes straight to our descriptors: what we printed before comes first.
      stdout.flush();
      stderr.flush();
      // A "w" pipe's input goes in through an anonymous file, as a file is what the child reads.
      let inputFd: number | null = null;
      if (input !== null) {
        const t = createTempIn('/tmp');
        if (!t.ok) return t;
        try {
          unlinkSync(t.name);
          writeAll(t.fd, Buffer.from(input, 'latin1'));
        } catch (e) {
          closeSync(t.fd);
          return fsError(e, null);
        }
        inputFd = t.fd;
      }
      // argv[0] "sh", as system() and popen() give it: the shell's messages start with it.
      const r = childProcess().spawnSync(SHELL, shellArgs(cString(command)), {
        argv0: 'sh',
        stdio: [inputFd ?? 'inherit', capture ? 'pipe' : 'inherit', 'inherit'],
        maxBuffer: capture ? limit : undefined,
        killSignal: 'SIGPIPE',
      });
      if (inputFd !== null) closeSync(inputFd);
      const output = capture && r.stdout ? r.stdout.toString('latin1', 0, Math.min(r.stdout.length, limit)) : '';
      if (r.signal) return { ok: true, how: 'signal', code: os().constants.signals[r.signal] ?? 0, output };
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
