// The host a `Lua` instance talks to: the embedder's, or a default chosen by
// the platform. This module imports no Node module: in Node, the process's
// standard streams are reached through `globalThis.process` when present;
// importing 'regolith/node' replaces the default by the full Node host
// (files, processes, the collector).
import { memoryHost, type Host, type OutputStream } from '../host/host.js';
import { luaToBytes, luaToText, bytesToLua, textToLua } from './strings.js';

/** Standard input as the `stdin` option takes it. */
export type StdinSource = string | Uint8Array | (() => string | Uint8Array | null | undefined);

let defaultHostFactory: () => Host = platformHost;

/** Replaces the host that `new Lua()` uses when given none (src/node.ts installs the Node host). */
export function setDefaultHost(factory: () => Host): void {
  defaultHostFactory = factory;
}

export function defaultHost(): Host {
  return defaultHostFactory();
}

interface ProcessLike {
  stdout?: { write(data: Uint8Array): unknown };
  stderr?: { write(data: Uint8Array): unknown };
}

/**
 * No files; output to the process's streams where there is a `process`
 * (Node, Deno, Bun), else to the console, a line at a time.
 */
export function platformHost(): Host {
  const host = memoryHost();
  const proc = (globalThis as { process?: ProcessLike }).process;
  if (proc?.stdout?.write !== undefined && proc.stderr?.write !== undefined) {
    const out = proc.stdout, err = proc.stderr;
    // Written through (not buffered): Lua's output interleaves with the embedder's console.log.
    host.stdout = callbackStream((b) => out.write(b));
    host.stderr = callbackStream((b) => err.write(b));
  } else {
    host.stdout = consoleStream((line) => console.log(line));
    host.stderr = consoleStream((line) => console.error(line));
  }
  return host;
}

/** Every write handed on at once, as bytes. */
export function callbackStream(write: (bytes: Uint8Array) => void): OutputStream {
  return { write: (s) => write(luaToBytes(s)), flush: () => {} };
}

/** Complete lines to the console (decoded as UTF-8); the rest waits for a newline or `flush`. */
function consoleStream(log: (line: string) => void): OutputStream {
  let pending = '';
  return {
    write(s) {
      pending += s;
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        log(luaToText(pending.slice(0, nl)));
        pending = pending.slice(nl + 1);
      }
    },
    flush() {
      if (pending !== '') log(luaToText(pending));
      pending = '';
    },
  };
}

/** Standard input for the io library: all of it, read on first use. */
export function stdinReader(source: StdinSource): () => string {
  if (typeof source === 'string') {
    const s = textToLua(source);
    return () => s;
  }
  if (source instanceof Uint8Array) {
    const s = bytesToLua(source);
    return () => s;
  }
  return () => {
    const parts: string[] = [];
    for (;;) {
      const piece = source();
      if (piece === null || piece === undefined) break;
      const s = typeof piece === 'string' ? textToLua(piece) : bytesToLua(piece);
      if (s === '') break;
      parts.push(s);
    }
    return parts.join('');
  };
}
