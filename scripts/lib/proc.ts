// Running a child process with a timeout, capturing its output and wall time.
import { spawn } from 'node:child_process';

export interface ProcResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time in milliseconds. */
  ms: number;
  timedOut: boolean;
  /** Set when the process could not be started at all (e.g. ENOENT). */
  spawnError?: string;
}

export interface ProcOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Bytes written to the child's stdin (a byte string); stdin is empty otherwise. */
  stdin?: string;
  /** Milliseconds; 0 or undefined means no limit. */
  timeoutMs?: number;
  /** Output beyond this many bytes per stream is dropped (default 4 MiB). */
  maxOutput?: number;
}

/**
 * Runs `cmd args` and resolves when it exits. On timeout the whole process
 * group is killed (the child runs in its own group), so grandchildren go too.
 * Output is decoded as latin1 so that Lua byte strings survive unchanged.
 */
export function runProcess(cmd: string, args: readonly string[], o: ProcOptions = {}): Promise<ProcResult> {
  const max = o.maxOutput ?? 4 << 20;
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const out: Buffer[] = [], err: Buffer[] = [];
    let outLen = 0, errLen = 0, timedOut = false, done = false;
    let spawnError: string | undefined;
    const child = spawn(cmd, args, {
      cwd: o.cwd, env: o.env ?? process.env, detached: true, stdio: ['pipe', 'pipe', 'pipe'],
    });
    const finish = (status: number | null, signal: NodeJS.Signals | null) => {
      if (done) return;
      done = true;
      if (timer) clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      resolve({
        status, signal, ms, timedOut,
        stdout: Buffer.concat(out).toString('latin1'),
        stderr: Buffer.concat(err).toString('latin1'),
        ...(spawnError !== undefined ? { spawnError } : {}),
      });
    };
    const timer = o.timeoutMs ? setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid!, 'SIGKILL'); } catch { try { child.kill('SIGKILL'); } catch { /* gone */ } }
    }, o.timeoutMs) : undefined;
    child.stdout.on('data', (b: Buffer) => { if (outLen < max) { out.push(b); outLen += b.length; } });
    child.stderr.on('data', (b: Buffer) => { if (errLen < max) { err.push(b); errLen += b.length; } });
    child.stdin.on('error', () => { /* child exited before reading its input */ });
    child.stdin.end(o.stdin === undefined ? undefined : Buffer.from(o.stdin, 'latin1'));
    child.on('error', (e) => { spawnError = e.message; finish(null, null); });
    child.on('close', (status, signal) => finish(status, signal));
  });
}

/** Runs async tasks with at most `jobs` at a time, preserving result order. */
export async function mapLimit<T, R>(items: readonly T[], jobs: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, worker));
  return results;
}
