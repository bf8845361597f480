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
  /** The whole file as a byte string, or an error message (as lua would word it). */
  readFile(path: string): { ok: true; data: string } | { ok: false; error: string };
  /** Read all of standard input as a byte string. */
  readStdin(): string;
  getenv(name: string): string | undefined;
  /** Seconds of CPU time (os.clock). */
  clock(): number;
  /** Terminate the process (after flushing). */
  exit(code: number): never;
}

/** A host with no files and output collected in memory (browsers, tests). */
export function memoryHost(): Host & { output: () => string } {
  let out = '';
  const stream = (): OutputStream => ({ write: (s) => { out += s; }, flush: () => {} });
  return {
    stdout: stream(),
    stderr: stream(),
    readFile: (path) => ({ ok: false, error: `cannot open ${path}` }),
    readStdin: () => '',
    getenv: () => undefined,
    clock: () => (typeof performance !== 'undefined' ? performance.now() / 1000 : Date.now() / 1000),
    exit: (code) => { throw new Error(`exit(${code})`); },
    output: () => out,
  };
}
