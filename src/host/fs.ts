// What the engine builds on a FileSystem (host.ts): reading a whole file for
// loadfile/dofile/require, lua's `readable` test, and the file system that
// has no files. No Node imports: browsers use this too.
import type { FdError, FileSystem } from './host.js';

/** What C sees of a Lua string: the bytes before the first NUL. */
export function cString(s: string): string {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}

/** glibc's strerror for the errnos the file systems here produce. */
export const STRERROR: Record<number, string> = {
  1: 'Operation not permitted',
  2: 'No such file or directory',
  9: 'Bad file descriptor',
  13: 'Permission denied',
  16: 'Device or resource busy',
  17: 'File exists',
  20: 'Not a directory',
  21: 'Is a directory',
  22: 'Invalid argument',
  39: 'Directory not empty',
  40: 'Too many levels of symbolic links',
};

/** An error as luaL_fileresult words it: "path: strerror", or strerror alone when `path` is null. */
export function fsFail(errno: number, path: string | null): FdError {
  const text = STRERROR[errno] ?? `Unknown error ${errno}`;
  return { ok: false, error: path === null ? text : `${cString(path)}: ${text}`, errno };
}

/** The reason of an error from `open(path)`: its text without the "path: " prefix. */
export function reasonOf(error: string, path: string): string {
  const shown = cString(path);
  return error.startsWith(shown + ': ') ? error.slice(shown.length + 2) : error;
}

/**
 * The whole file, as luaL_loadfilex reads it: a failed open is "cannot open
 * path: reason", a failed read (a directory opens, then cannot be read)
 * "cannot read path: reason".
 */
export function readWholeFile(fs: FileSystem, path: string): { ok: true; data: string } | { ok: false; error: string } {
  const shown = cString(path);
  const o = fs.open(path, 'r');
  if (!o.ok) return { ok: false, error: `cannot open ${shown}: ${reasonOf(o.error, path)}` };
  const parts: string[] = [];
  let pos = 0;
  for (;;) {
    const r = fs.read(o.fd, 1 << 16, pos);
    if (!r.ok) {
      fs.close(o.fd);
      return { ok: false, error: `cannot read ${shown}: ${r.error}` };
    }
    if (r.data === '') break;
    parts.push(r.data);
    pos += r.data.length;
  }
  fs.close(o.fd);
  return { ok: true, data: parts.join('') };
}

/** loadlib.c's readable(): whether fopen(path, "r") succeeds (a directory does). */
export function canOpen(fs: FileSystem, path: string): boolean {
  const o = fs.open(path, 'r');
  if (!o.ok) return false;
  fs.close(o.fd);
  return true;
}

/**
 * No files at all: every operation fails as it does on a disk for a missing
 * file (errno 2), and os.tmpname with lua's own message.
 */
export const noFileSystem: FileSystem = Object.freeze({
  open: (path: string) => fsFail(2, path),
  read: () => fsFail(9, null),
  write: () => fsFail(9, null),
  size: () => fsFail(9, null),
  close: () => fsFail(9, null),
  tmpfile: () => fsFail(2, null),
  remove: (path: string) => fsFail(2, path),
  rename: () => fsFail(2, null),
  tmpname: () => ({ ok: false as const, error: 'unable to generate a unique filename' }),
});

/** The host's file system, or none. */
export function fileSystemOf(host: { fs?: FileSystem }): FileSystem {
  return host.fs ?? noFileSystem;
}
