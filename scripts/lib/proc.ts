// Running a child process with a timeout, capturing its output and wall time.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { constants as osConstants } from 'node:os';

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

/** A process result with the peak memory of the process, when it could be measured. */
export interface MeasuredResult extends ProcResult {
  /** Maximum resident set size in KiB (GNU time's %M); null when not measured. */
  maxRssKb: number | null;
}

/**
 * Runs `cmd args` like runProcess, under GNU time (`timeBin`, e.g.
 * /usr/bin/time) when given, to learn its maximum resident set size. GNU time
 * only forks, waits and writes one line to `rssFile`, so it adds about a
 * millisecond to the wall time, and the same to every side of a comparison.
 * Its exit status is the command's; a command killed by a signal makes it
 * exit with 128 + the signal, which is turned back into `signal` here.
 */
export async function runMeasured(timeBin: string | null, rssFile: string, cmd: string, args: readonly string[], o: ProcOptions = {}): Promise<MeasuredResult> {
  if (!timeBin) return { ...(await runProcess(cmd, args, o)), maxRssKb: null };
  rmSync(rssFile, { force: true });
  const p = await runProcess(timeBin, ['-f', '%M', '-o', rssFile, cmd, ...args], o);
  let report = '';
  try { report = readFileSync(rssFile, 'utf8'); } catch { /* killed before GNU time wrote it (timeout) */ }
  const lines = report.split('\n').map((l) => l.trim()).filter(Boolean);
  const kb = Number(lines[lines.length - 1]);
  const res: MeasuredResult = { ...p, maxRssKb: Number.isInteger(kb) && kb > 0 ? kb : null };
  const sig = /^Command terminated by signal (\d+)$/m.exec(report);
  if (sig && !p.timedOut) {
    const name = Object.entries(osConstants.signals).find(([, n]) => n === Number(sig[1]))?.[0];
    res.status = null;
    res.signal = (name ?? null) as NodeJS.Signals | null;
  }
  // GNU time's own "cannot run" message: the command did not start at all.
  const cannot = /^\S*time: cannot run .*$/m.exec(p.stderr);
  if (cannot && p.status === 127) res.spawnError = cannot[0];
  return res;
}
