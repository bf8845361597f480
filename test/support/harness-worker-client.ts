// Runs browser-harness.ts programs in Node, in a worker thread
// (harness-worker.ts), for the browser tests: a program that never ends
// can be cut off by terminating the worker.
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import type { ProgramOutput, ProgramSpec } from './browser-harness.js';

/** A program still running in Node after this long is cut off (and excluded: it never ends without the real host). */
export const NODE_TIMEOUT_MS = 20_000;

/**
 * Runs programs in Node, in a worker thread (test/support/harness-worker.ts)
 * with the build at `build`, one at a time; a program that takes longer
 * than NODE_TIMEOUT_MS gets the worker terminated and a new one started.
 */
export class NodeRunner {
  #worker: Worker | null = null;
  constructor(private readonly build: string, private readonly timeoutMs = NODE_TIMEOUT_MS) {}

  run(spec: ProgramSpec): Promise<ProgramOutput | string> {
    const worker = this.#worker ??= new Worker(new URL('./harness-worker.js', import.meta.url), {
      workerData: { build: pathToFileURL(this.build).href },
      // A page's JS stack (V8's default, as Node's main thread), not a worker's 4 MB:
      // a program that needs more is not comparable in a page.
      resourceLimits: { stackSizeMb: 1 },
    });
    return new Promise((resolve) => {
      const done = (r: ProgramOutput | string) => {
        clearTimeout(timer);
        worker.off('message', done).off('error', failed);
        resolve(r);
      };
      const failed = (e: Error) => {
        this.#worker = null;
        done(`the worker failed: ${e.message}`);
      };
      const timer = setTimeout(() => {
        this.#worker = null;
        void worker.terminate();
        done(`still running after ${this.timeoutMs} ms`);
      }, this.timeoutMs);
      worker.on('message', done).on('error', failed);
      worker.postMessage(spec);
    });
  }

  async close(): Promise<void> {
    await this.#worker?.terminate();
    this.#worker = null;
  }
}

