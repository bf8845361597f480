// The messages between the page (main.ts) and the worker that runs Lua
// (worker.ts). One run at a time per worker; Stop terminates the worker.
import type { Dialect } from '../../src/index.js';

/** Page → worker. */
export type ToWorker =
  /** Run `code` in a fresh Lua state; `limitMs`: the time limit (time waiting for input not counted). */
  | { type: 'run'; code: string; dialect: Dialect; limitMs: number }
  /** A line typed in the input box (without its newline), or null for end of input. */
  | { type: 'input'; line: string | null };

/** How a run ended. */
export interface RunEnd {
  type: 'done';
  ok: boolean;
  /** What lua5.4's standalone interpreter prints for the error: the message and the traceback. */
  traceback?: string;
  /** The line of the program the error points at, when known. */
  line?: number | null;
  /** Set when the time limit stopped the run. */
  limited?: boolean;
}

/** Worker → page. */
export type FromWorker =
  /** The worker has loaded and waits for a run. */
  | { type: 'ready' }
  /** Output written by the program (decoded as UTF-8), batched. */
  | { type: 'out'; stream: 'stdout' | 'stderr'; text: string }
  /** The program called io.read and waits for a line from the input box. */
  | { type: 'input-wanted' }
  | RunEnd;
