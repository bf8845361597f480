// The real file system for Node (a FileSystem, host.ts): the process's own,
// or one confined to a root directory.
//
// Rooted, paths are resolved as in a chroot (or openat2's RESOLVE_IN_ROOT):
// the root is '/' and the working directory, an absolute path is taken
// relative to it, '..' of the root is the root, and symbolic links are
// followed by this code, one component at a time, with an absolute target
// resolved from the root too, so no path, link or chain of links leads
// outside. The resolved path contains no links, and the last open is done
// with O_NOFOLLOW. Not covered: another process changing the directories
// under the root while a path is being resolved (the check and the use are
// separate system calls), and hard links (they are the same file).
import {
  closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, realpathSync, renameSync, rmdirSync,
  statSync, unlinkSync, writeSync, type Stats,
} from 'node:fs';
import { crypto } from './node-builtins.js';
import type { FdError, FileSystem, FsResult } from './host.js';
import { cString, fsFail } from './fs.js';

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
export function fsError(e: unknown, path: string | null): FdError {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const [errno, text] = ERRNO[code] ?? [0, (e as Error).message];
  return { ok: false, error: path === null ? text : `${cString(path)}: ${text}`, errno };
}

/**
 * Byte-string path (as Lua holds it) to the raw bytes Node's fs takes: what
 * C's fopen or remove would see, whatever the bytes (not necessarily UTF-8).
 */
function nativePath(p: string): Buffer {
  return Buffer.from(cString(p), 'latin1');
}

const TMP_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomName(prefix: string): string {
  return prefix + Array.from(crypto().randomBytes(6), (b) => TMP_CHARS[b % TMP_CHARS.length]).join('');
}

/** fopen's modes as open(2) flags. */
function openFlags(mode: string): number {
  const plus = mode.includes('+');
  const access = plus ? constants.O_RDWR : mode[0] === 'r' ? constants.O_RDONLY : constants.O_WRONLY;
  if (mode[0] === 'w') return access | constants.O_CREAT | constants.O_TRUNC;
  if (mode[0] === 'a') return access | constants.O_CREAT | constants.O_APPEND;
  return access;
}

/** Most links followed in one resolution (Linux's MAXSYMLINKS). */
const MAX_LINKS = 40;

export interface NodeFileSystemOptions {
  /**
   * The directory that is '/' (and the working directory) for Lua: nothing
   * outside it can be named, through '..', absolute paths or symbolic
   * links. Absent: the process's whole file system, as lua5.4 sees it.
   */
  root?: string;
}

/** The real file system (see NodeFileSystemOptions); throws when `root` is not a directory. */
export function nodeFileSystem(options: NodeFileSystemOptions = {}): FileSystem {
  const root = options.root === undefined ? null : realpathSync(options.root);
  if (root !== null && !statSync(root).isDirectory()) throw new Error(`nodeFileSystem: root '${options.root}' is not a directory`);

  /**
   * The native path of `path` (a byte string). Rooted: resolved in the root,
   * following every link found on the way, and the last component's too
   * when `followLast` (open, but not remove or rename, which act on a link
   * itself). A component that does not exist (or is not a directory) ends
   * the walk: the rest is appended as it is, for the system call to fail on
   * or, for the last component, to create, with the usual errno.
   */
  function native(path: string, followLast: boolean): Buffer | number {
    if (root === null) return nativePath(path);
    const p = cString(path);
    if (p === '') return 2;
    const dirOnly = p.endsWith('/');
    const queue = p.split('/').filter((c) => c !== '' && c !== '.');
    const resolved: string[] = [];
    let links = 0;
    const under = (parts: string[]) => Buffer.concat([Buffer.from(root), Buffer.from(parts.map((c) => '/' + c).join(''), 'latin1')]);
    while (queue.length > 0) {
      const c = queue.shift()!;
      if (c === '..') {
        resolved.pop();
        continue;
      }
      let st: Stats;
      try {
        st = lstatSync(under([...resolved, c]));
      } catch {
        // Missing (or below a file): nothing further can be a link; the system call fails on it or creates it.
        return under([...resolved, c, ...queue, ...(dirOnly ? [''] : [])]);
      }
      if (st.isSymbolicLink() && (queue.length > 0 || followLast || dirOnly)) {
        if (++links > MAX_LINKS) return 40;
        let target: string;
        try {
          target = readlinkSync(under([...resolved, c]), { encoding: 'buffer' }).toString('latin1');
        } catch {
          return 2; // removed meanwhile
        }
        if (target.startsWith('/')) resolved.length = 0;
        queue.unshift(...target.split('/').filter((x) => x !== '' && x !== '.'));
        continue;
      }
      // A file with more after it: the system call says ENOTDIR (even for 'file/..').
      if (queue.length > 0 && !st.isDirectory()) return under([...resolved, c, ...queue]);
      resolved.push(c);
    }
    return under(dirOnly && resolved.length > 0 ? [...resolved, ''] : resolved);
  }

  /** mkstemp: a new file only we can read, opened "w+", in `dir` (a Lua path). */
  function createTemp(dir: string): { ok: true; fd: number; name: string } | FdError {
    let last: FdError = fsFail(17, null);
    for (let tries = 0; tries < 100; tries++) {
      const name = randomName(`${dir}/lua_`);
      const p = native(name, false);
      if (!Buffer.isBuffer(p)) return fsFail(p, null);
      try {
        return { ok: true, fd: openSync(p, 'wx+', 0o600), name };
      } catch (e) {
        last = fsError(e, null);
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') break;
      }
    }
    return last;
  }

  /** Where os.tmpname makes its files: /tmp (rooted: the root's /tmp if there is one, else the root). */
  function tmpDir(): string {
    if (root === null) return '/tmp';
    const p = native('/tmp', true);
    try {
      if (Buffer.isBuffer(p) && statSync(p).isDirectory()) return '/tmp';
    } catch { /* no /tmp inside the root */ }
    return '';
  }

  return {
    open(path, mode) {
      const p = native(path, true);
      if (!Buffer.isBuffer(p)) return fsFail(p, path);
      try {
        // Rooted, the resolved path has no links left: one appearing now is refused (ELOOP).
        return { ok: true, fd: openSync(p, openFlags(mode) | (root === null ? 0 : constants.O_NOFOLLOW), 0o666) };
      } catch (e) {
        return fsError(e, path);
      }
    },
    read(fd, max, position) {
      const buf = Buffer.alloc(max);
      try {
        const n = readSync(fd, buf, 0, max, position);
        return { ok: true, data: buf.toString('latin1', 0, n) };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EOF') return { ok: true, data: '' };
        return fsError(e, null);
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
      // The system's temporary directory even when rooted: the file has no name Lua could use.
      const r = createTempIn('/tmp');
      if (!r.ok) return r;
      // As glibc's tmpfile: the name goes at once, the open descriptor keeps the file.
      try { unlinkSync(r.name); } catch { /* /tmp cleaners will get it */ }
      return { ok: true, fd: r.fd };
    },
    remove(path): FsResult {
      const p = native(path, false);
      if (!Buffer.isBuffer(p)) return fsFail(p, path);
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
    rename(from, to): FsResult {
      const a = native(from, false);
      if (!Buffer.isBuffer(a)) return fsFail(a, null);
      const b = native(to, false);
      if (!Buffer.isBuffer(b)) return fsFail(b, null);
      try {
        renameSync(a, b);
        return { ok: true };
      } catch (e) {
        return fsError(e, null);
      }
    },
    tmpname() {
      const r = createTemp(tmpDir());
      if (!r.ok) return { ok: false, error: 'unable to generate a unique filename' };
      closeSync(r.fd);
      return { ok: true, name: r.name };
    },
  };
}

/** mkstemp in a directory of the process's file system (never rooted). */
export function createTempIn(dir: string): { ok: true; fd: number; name: string } | FdError {
  let last: FdError = fsFail(17, null);
  for (let tries = 0; tries < 100; tries++) {
    const name = randomName(`${dir}/lua_`);
    try {
      return { ok: true, fd: openSync(name, 'wx+', 0o600), name };
    } catch (e) {
      last = fsError(e, null);
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') break;
    }
  }
  return last;
}
