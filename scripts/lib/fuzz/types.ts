// Messages between the fuzzer and its Regolith worker processes.

export interface Job {
  id: number;
  /** The program, as a byte string (one code unit per byte). */
  source: string;
  /** Chunk name without '@' (what error positions show). */
  name: string;
  /** Working directory for the run. */
  cwd?: string;
  /** Globals set before the run (e.g. `_U = true` for suite files). */
  globals?: Record<string, unknown>;
}

/** How a run ended, as far as the worker can tell. */
export type RunEnd =
  | { kind: 'ok' }
  | { kind: 'error'; message: string }
  | { kind: 'exit'; code: number }
  | { kind: 'js'; errorClass: string; message: string; stack: string };

export type WorkerReply = { id: number; stdout: string; truncated: boolean } & RunEnd;
