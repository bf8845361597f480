// An in-memory file system (browsers, tests, sandboxes): a FileSystem
// (host.ts) over a map from absolute paths to files and directories,
// answering with the errors a Linux disk gives for the same operations.
//
// What it models: one root '/' that is also the working directory (so
// 'a.lua', './a.lua' and '/a.lua' are one file; '..' of the root is the
// root); directories, created for every ancestor of the initial files (and
// by keys ending in '/'), removable when empty, renamable with their
// contents; files created, truncated and appended to as fopen's modes say,
// written at any position (gaps read as NUL bytes), still usable through an
// open descriptor after being removed or renamed. Not modelled: permissions
// (nothing is ever "Permission denied"), symbolic links, timestamps, making
// directories (Lua has no mkdir), size limits. A directory opens for reading
// and its reads fail "Is a directory", as on Linux; its size is 0.
import type { FdError, FileSystem, FsResult } from './host.js';
import { cString, fsFail } from './fs.js';
import { fromLuaString, toLuaString } from '../runtime/bytes.js';

/** A file's contents as a byte string: an object, so descriptors keep it across remove and rename. */
interface MemFile { data: string }

const DIR = 'dir' as const;
type MemNode = MemFile | typeof DIR;

interface Descriptor {
  /** null: a directory (opened for reading). */
  file: MemFile | null;
  /** The offset used by reads and writes given no position. */
  pos: number;
  readable: boolean;
  writable: boolean;
  append: boolean;
}

type Resolved = { ok: true; key: string; dirOnly: boolean };

const TMP_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Initial contents: path → text (stored as its UTF-8 bytes) or bytes; a path ending in '/' is an (empty) directory. */
export type MemoryFiles = Record<string, string | Uint8Array>;

function join(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

function parentOf(key: string): string {
  return key.slice(0, key.lastIndexOf('/')) || '/';
}

function bytesToString(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return s;
}

function stringToBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

export class MemoryFileSystem implements FileSystem {
  /** Absolute normalised path ('/', '/a', '/a/b') → node. */
  private readonly nodes = new Map<string, MemNode>([['/', DIR]]);
  private readonly fds = new Map<number, Descriptor>();
  private nextFd = 3;

  constructor(files: MemoryFiles = {}) {
    for (const [path, contents] of Object.entries(files)) {
      if (typeof contents !== 'string' && !(contents instanceof Uint8Array)) {
        throw new TypeError(`memory file system: the contents of '${path}' must be a string or a Uint8Array`);
      }
      if (path.endsWith('/')) this.makeDirs(this.lexical(toLuaString(path)));
      else this.writeFile(path, contents);
    }
  }

  // ---------------------------------------------------------- for the embedder (JS text paths)

  /** A file's bytes, or undefined when there is no such file. */
  readFile(path: string): Uint8Array | undefined {
    const node = this.nodes.get(this.lexical(toLuaString(path)));
    return node === undefined || node === DIR ? undefined : stringToBytes(node.data);
  }

  /** Creates or replaces a file (and its missing directories); text is stored as UTF-8. */
  writeFile(path: string, contents: string | Uint8Array): void {
    const key = this.lexical(toLuaString(path));
    if (key === '/' || this.nodes.get(key) === DIR) throw new TypeError(`memory file system: '${path}' is a directory`);
    this.makeDirs(parentOf(key));
    this.nodes.set(key, { data: typeof contents === 'string' ? toLuaString(contents) : bytesToString(contents) });
  }

  /** The absolute paths of all files, sorted (as text: bytes that are not UTF-8 show as U+FFFD). */
  list(): string[] {
    return [...this.nodes].filter(([, n]) => n !== DIR).map(([k]) => fromLuaString(k)).sort();
  }

  /** A path made absolute and normalised without looking at the tree (for the embedder's paths). */
  private lexical(path: string): string {
    const out: string[] = [];
    for (const c of path.split('/')) {
      if (c === '' || c === '.') continue;
      if (c === '..') out.pop();
      else out.push(c);
    }
    return '/' + out.join('/');
  }

  private makeDirs(key: string): void {
    for (let k = key; ; k = parentOf(k)) {
      const node = this.nodes.get(k);
      if (node === DIR) break;
      if (node !== undefined) throw new TypeError(`memory file system: '${k}' is both a file and a directory`);
      this.nodes.set(k, DIR);
    }
  }

  // ---------------------------------------------------------- path resolution

  /**
   * Walks `path` as the kernel does: every component before the last must
   * be an existing directory (else ENOENT or ENOTDIR, reported with the
   * path when `report` is true). The last component is not looked up.
   */
  private resolve(path: string, report: boolean): Resolved | FdError {
    const p = cString(path);
    const shown = report ? path : null;
    if (p === '') return fsFail(2, shown);
    const comps = p.split('/').filter((c) => c !== '');
    let cur = '/';
    for (let i = 0; i < comps.length; i++) {
      const c = comps[i]!;
      const next = c === '.' ? cur : c === '..' ? parentOf(cur) : join(cur, c);
      if (i < comps.length - 1) {
        const node = this.nodes.get(next);
        if (node === undefined) return fsFail(2, shown);
        if (node !== DIR) return fsFail(20, shown);
      }
      cur = next;
    }
    return { ok: true, key: cur, dirOnly: p.endsWith('/') };
  }

  private hasChildren(key: string): boolean {
    const prefix = key === '/' ? '/' : key + '/';
    for (const k of this.nodes.keys()) if (k !== key && k.startsWith(prefix)) return true;
    return false;
  }

  private newFd(d: Descriptor): { ok: true; fd: number } {
    const fd = this.nextFd++;
    this.fds.set(fd, d);
    return { ok: true, fd };
  }

  // ---------------------------------------------------------- FileSystem

  open(path: string, mode: string): { ok: true; fd: number } | FdError {
    const r = this.resolve(path, true);
    if (!r.ok) return r;
    const kind = mode[0];
    const plus = mode.includes('+');
    let node = this.nodes.get(r.key);
    if (node === DIR) {
      // fopen(dir, "r") succeeds on Linux; any mode that writes is EISDIR.
      if (kind !== 'r' || plus) return fsFail(21, path);
      return this.newFd({ file: null, pos: 0, readable: true, writable: false, append: false });
    }
    if (node === undefined) {
      if (kind === 'r') return fsFail(2, path);
      if (r.dirOnly) return fsFail(21, path);
      node = { data: '' };
      this.nodes.set(r.key, node);
    } else {
      if (r.dirOnly) return fsFail(20, path);
      if (kind === 'w') node.data = '';
    }
    return this.newFd({ file: node, pos: 0, readable: kind === 'r' || plus, writable: kind !== 'r' || plus, append: kind === 'a' });
  }

  read(fd: number, max: number, position: number | null): { ok: true; data: string } | FdError {
    const d = this.fds.get(fd);
    if (d === undefined || !d.readable) return fsFail(9, null);
    if (d.file === null) return fsFail(21, null);
    const pos = position ?? d.pos;
    const data = d.file.data.slice(pos, pos + max);
    if (position === null) d.pos = pos + data.length;
    return { ok: true, data };
  }

  write(fd: number, data: string, position: number | null): FsResult {
    const d = this.fds.get(fd);
    if (d === undefined || !d.writable || d.file === null) return fsFail(9, null);
    const f = d.file;
    const len = f.data.length;
    const pos = d.append ? len : position ?? d.pos;
    // Appending is the common case; V8 keeps it cheap (no copy of what is there).
    if (pos === len) f.data += data;
    else if (pos > len) f.data += '\0'.repeat(pos - len) + data;
    else f.data = f.data.slice(0, pos) + data + f.data.slice(pos + data.length);
    if (position === null) d.pos = pos + data.length;
    return { ok: true };
  }

  size(fd: number): { ok: true; size: number } | FdError {
    const d = this.fds.get(fd);
    if (d === undefined) return fsFail(9, null);
    return { ok: true, size: d.file === null ? 0 : d.file.data.length };
  }

  close(fd: number): FsResult {
    return this.fds.delete(fd) ? { ok: true } : fsFail(9, null);
  }

  tmpfile(): { ok: true; fd: number } | FdError {
    return this.newFd({ file: { data: '' }, pos: 0, readable: true, writable: true, append: false });
  }

  remove(path: string): FsResult {
    const r = this.resolve(path, true);
    if (!r.ok) return r;
    const node = this.nodes.get(r.key);
    if (node === undefined) return fsFail(2, path);
    if (node === DIR) {
      if (r.key === '/') return fsFail(16, path);
      if (this.hasChildren(r.key)) return fsFail(39, path);
    } else if (r.dirOnly) {
      return fsFail(20, path);
    }
    this.nodes.delete(r.key);
    return { ok: true };
  }

  rename(from: string, to: string): FsResult {
    const a = this.resolve(from, false);
    if (!a.ok) return a;
    const b = this.resolve(to, false);
    if (!b.ok) return b;
    const src = this.nodes.get(a.key);
    if (src === undefined) return fsFail(2, null);
    const dst = this.nodes.get(b.key);
    if (src !== DIR) {
      if (a.dirOnly) return fsFail(20, null);
      if (dst === DIR) return fsFail(21, null);
      if (b.dirOnly) return fsFail(20, null);
      this.nodes.delete(a.key);
      this.nodes.set(b.key, src);
      return { ok: true };
    }
    if (a.key === b.key) return { ok: true };
    if (a.key === '/' || b.key === '/') return fsFail(16, null);
    if (b.key.startsWith(a.key + '/')) return fsFail(22, null);
    if (dst !== undefined && dst !== DIR) return fsFail(20, null);
    if (dst === DIR && this.hasChildren(b.key)) return fsFail(39, null);
    // Move the directory and everything under it.
    const moved: [string, MemNode][] = [];
    for (const [k, n] of this.nodes) if (k === a.key || k.startsWith(a.key + '/')) moved.push([k, n]);
    for (const [k] of moved) this.nodes.delete(k);
    for (const [k, n] of moved) this.nodes.set(b.key + k.slice(a.key.length), n);
    return { ok: true };
  }

  tmpname(): { ok: true; name: string } | { ok: false; error: string } {
    const tmp = this.nodes.get('/tmp');
    if (tmp !== undefined && tmp !== DIR) return { ok: false, error: 'unable to generate a unique filename' };
    this.nodes.set('/tmp', DIR);
    for (;;) {
      let name = '/tmp/lua_';
      for (let i = 0; i < 6; i++) name += TMP_CHARS[Math.floor(Math.random() * TMP_CHARS.length)];
      if (!this.nodes.has(name)) {
        this.nodes.set(name, { data: '' });
        return { ok: true, name };
      }
    }
  }
}

/** An in-memory file system holding `files` (see MemoryFileSystem). */
export function memoryFileSystem(files: MemoryFiles = {}): MemoryFileSystem {
  return new MemoryFileSystem(files);
}
