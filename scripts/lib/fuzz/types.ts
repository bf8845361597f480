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
  /** The run's time limit (the state's own limit; the parent's timer is the backstop). */
  timeoutMs: number;
}

/** How a run ended, as far as the worker can tell. */
export type RunEnd =
  | { kind: 'ok' }
  | { kind: 'error'; message: string }
  | { kind: 'exit'; code: number }
  /** Stopped by its time limit: a hang, caught without killing the worker. */
  | { kind: 'hang' }
  | { kind: 'js'; errorClass: string; message: string; stack: string };

export type WorkerReply = { id: number; stdout: string; truncated: boolean } & RunEnd;
