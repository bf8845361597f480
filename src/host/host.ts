// The host layer: everything the engine needs from its environment. The
// engine itself never imports Node modules; src/host/node.ts implements this
// for Node, and a browser embedder can supply its own.

/** A byte-oriented output stream (strings are byte strings). */
export interface OutputStream {
  write(bytes: string): void;
  flush(): void;
}

export interface Host {
  stdout: OutputStream;
  stderr: OutputStream;
  /** Read all of standard input as a byte string. */
  readStdin(): string;
  /**
   * Some of standard input: a blocking read of at most `max` bytes ('' at
   * end of input), so that io.read can interleave with output. Absent: the
   * io library reads all of it at once through `readStdin`.
   */
  readStdinSome?(max: number): { ok: true; data: string } | FdError;
  /** C's getenv: the variable's value, or undefined when it is not set; name and value are byte strings. */
  getenv(name: string): string | undefined;
  /** Seconds of CPU time (os.clock). */
  clock(): number;
  /** Terminate the process (after flushing). */
  exit(code: number): never;
  /**
   * The file system that io, os.remove/rename/tmpname, dofile, loadfile and
   * require's file searchers use (src/host/fs.ts). Absent: no files at all
   * (every operation fails as for a missing file: noFileSystem).
   */
  fs?: FileSystem;
  /** Optional child processes (io.popen, os.execute). */
  processes?: HostProcesses;
  /**
   * Run `hook` once when the program ends (normally, by an error or by
   * os.exit), before the standard output is flushed for the last time; like
   * C's exit() flushing every open stream. Absent: nothing runs at exit.
   */
  atExit?(hook: () => void): void;
  /** Optional access to the JavaScript engine's collector (weak tables, __gc; see src/runtime/gc.ts). */
  gc?: HostCollector;
}

/**
 * The host's garbage collector. Without `collect`, weak tables are never
 * cleared and finalizers run only when the state is closed.
 */
export interface HostCollector {
  /**
   * A full, synchronous collection after which every WeakRef whose target is
   * unreachable derefs to undefined (including targets created or deref'd in
   * the current job). Undefined when the host cannot force one.
   */
  collect?: () => void;
  /**
   * Ends V8's "keep during job" hold on WeakRef targets created or deref'd in
   * the current job, without running any of the job queue: without it, a
   * long synchronous run keeps every such target alive until it returns.
   */
  checkpoint?: () => void;
  /** Bytes of the JavaScript heap in use (collectgarbage "count"). */
  heapUsed(): number;
  /**
   * Bytes the heap may reach before the JavaScript engine aborts the
   * process: large strings are refused ("not enough memory") before that.
   */
  heapLimit?(): number;
}

export type FdError = { ok: false; error: string; errno: number };

/**
 * Everything the engine does with files, at the level of C's stdio and
 * unistd: descriptors (the io library puts stdio's buffering on top) and the
 * few operations by name that Lua has. Paths are byte strings (C strings: a
 * NUL ends them). Errors carry the C library's wording and errno: an
 * operation on a path says "path: strerror" (open, remove), the others just
 * "strerror" (read, write, rename...), as luaL_fileresult formats them.
 * Implementations: memoryFileSystem (src/host/memfs.ts), noFileSystem
 * (src/host/fs.ts), nodeFileSystem (src/host/node-fs.ts).
 */
export interface FileSystem {
  /** fopen-style mode without 'b' ("r", "w", "a", "r+", "w+", "a+"). A directory opens for reading (reads then fail). */
  open(path: string, mode: string): { ok: true; fd: number } | FdError;
  /** Up to `max` bytes ('' at end of file); `position` null = the descriptor's own offset. */
  read(fd: number, max: number, position: number | null): { ok: true; data: string } | FdError;
  /** `position` null = at the end (a file opened for appending). */
  write(fd: number, data: string, position: number | null): FsResult;
  size(fd: number): { ok: true; size: number } | FdError;
  close(fd: number): FsResult;
  /** tmpfile(): a new anonymous file opened "w+", gone once its descriptor is closed. */
  tmpfile(): { ok: true; fd: number } | FdError;
  /** C remove(): a file or an empty directory. */
  remove(path: string): FsResult;
  /** C rename(). */
  rename(from: string, to: string): FsResult;
  /** A new empty file with a fresh name (mkstemp), for os.tmpname. */
  tmpname(): { ok: true; name: string } | { ok: false; error: string };
}

/** How a child process ended: normally with an exit code, or killed by a signal (its number). */
export type ProcessStatus = { ok: true; how: 'exit' | 'signal'; code: number };

/**
 * Synchronous child processes running a command through the system shell
 * (/bin/sh -c). A host cannot hand back a pipe to a running child without an
 * event loop, so each call runs the command to completion.
 */
export interface HostProcesses {
  /** system(NULL): whether a shell is available. */
  hasShell(): boolean;
  /**
   * Run `command`. Its standard input is `input` (the bytes an io.popen
   * "w" pipe collected), or the host's own when null. With `capture`, its
   * standard output is collected and returned, up to `limit` bytes: beyond
   * that the child is killed with SIGPIPE, as it would be when the reader
   * stops reading. Otherwise its output goes to the host's.
   */
  run(command: string, options: { input: string | null; capture: boolean; limit: number }):
    (ProcessStatus & { output: string }) | FdError;
}

/** The result of a file operation: an error has the C library's wording and errno. */
export type FsResult = { ok: true } | { ok: false; error: string; errno: number };

/** A host with no files and output collected in memory (browsers, tests). */
export function memoryHost(): Host & { output: () => string } {
  let out = '';
  const stream = (): OutputStream => ({ write: (s) => { out += s; }, flush: () => {} });
  return {
    stdout: stream(),
    stderr: stream(),
    readStdin: () => '',
    getenv: () => undefined,
    clock: () => (typeof performance !== 'undefined' ? performance.now() / 1000 : Date.now() / 1000),
    exit: (code) => { throw new Error(`exit(${code})`); },
    output: () => out,
  };
}
