// The Node.js host: files, standard streams, environment, exit.
import { closeSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import type { Host, OutputStream } from './host.js';

const FLUSH_AT = 1 << 16;

/** Buffered writes to a file descriptor; a closed pipe ends the process quietly, as lua does. */
class FdStream implements OutputStream {
  private buf: string[] = [];
  private size = 0;
  constructor(private readonly fd: number, private readonly unbuffered: boolean) {}
  write(bytes: string): void {
    this.buf.push(bytes);
    this.size += bytes.length;
    if (this.unbuffered || this.size >= FLUSH_AT) this.flush();
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
  const stdout = new FdStream(1, false);
  const stderr = new FdStream(2, true);
  process.on('exit', () => {
    try { stdout.flush(); } catch { /* nothing left to report to */ }
  });
  return {
    stdout,
    stderr,
    readFile(path) {
      try {
        return { ok: true, data: readFileSync(path, 'latin1') };
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        const reason = err.code === 'ENOENT' ? 'No such file or directory'
          : err.code === 'EACCES' ? 'Permission denied'
          : err.code === 'EISDIR' ? 'Is a directory'
          : err.message;
        return { ok: false, error: `cannot open ${path}: ${reason}` };
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
    getenv: (name) => process.env[name],
    clock: () => process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
    exit(code) {
      stdout.flush();
      stderr.flush();
      process.exit(code);
    },
  };
}
