// Running one program under lua5.4 (a child process) and under Regolith (a
// pool of long-lived worker processes, worker.ts), each with a wall-clock
// limit, and describing how each run ended.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProcess } from '../proc.js';
import type { Job, WorkerReply } from './types.js';

/** How one side's run ended. */
export type Outcome =
  | { kind: 'ok'; stdout: string }
  | { kind: 'error'; stdout: string; message: string }
  | { kind: 'exit'; stdout: string; code: number }
  /** Regolith only: a JavaScript exception escaped the API. */
  | { kind: 'js'; stdout: string; message: string; detail: string }
  | { kind: 'hang'; stdout: string }
  /** The process died (signal, V8 fatal error, out of memory...). */
  | { kind: 'crash'; stdout: string; detail: string };

export interface RunSpec {
  source: string;
  /** Where the program is written; also its chunk name on both sides. */
  path: string;
  cwd: string;
  /** Extra `-e` code for lua5.4 and globals for Regolith (`_U = true`). */
  portable?: boolean;
  timeoutMs: number;
}

/** lua5.4 on `spec`: stdout, and lua.c's message without the traceback. */
export async function runReference(lua: string, spec: RunSpec): Promise<Outcome> {
  mkdirSync(dirname(spec.path), { recursive: true });
  writeFileSync(spec.path, spec.source, 'latin1');
  const args = spec.portable ? ['-e', '_U=true', spec.path] : [spec.path];
  const r = await runProcess(lua, args, { cwd: spec.cwd, timeoutMs: spec.timeoutMs, env: cleanEnv() });
  if (r.timedOut) return { kind: 'hang', stdout: r.stdout };
  if (r.signal !== null || r.spawnError) return { kind: 'crash', stdout: r.stdout, detail: `${r.signal ?? r.spawnError}\n${r.stderr}` };
  const prefix = `${lua.replace(/^.*\//, '')}: `;
  if (r.status !== 0 && (r.stderr.startsWith(prefix) || r.stderr.startsWith(lua + ': '))) {
    let msg = r.stderr.slice(r.stderr.indexOf(': ') + 2);
    const tb = msg.lastIndexOf('\nstack traceback:\n');
    msg = tb >= 0 ? msg.slice(0, tb) : msg.replace(/\n$/, '');
    return { kind: 'error', stdout: r.stdout, message: msg };
  }
  if (r.status !== 0) return { kind: 'exit', stdout: r.stdout, code: r.status ?? -1 };
  return { kind: 'ok', stdout: r.stdout };
}

function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('LUA_')) delete env[k];
  return env;
}

const WORKER = join(dirname(fileURLToPath(import.meta.url)), 'worker.js');
/** A worker is replaced after this many programs, so that leaks in one run cannot pile up. */
const RECYCLE = 300;

interface Slot {
  child: ChildProcess;
  runs: number;
  stderr: string;
  pending: { id: number; resolve: (o: Outcome) => void; timer: NodeJS.Timeout } | null;
}

/**
 * Regolith runs, one worker process per concurrent job. Each program gets a
 * fresh `Lua` in the worker; the worker is killed when its run passes the
 * limit (a hang) and replaced when it dies (a crash).
 */
/** How long after its own time limit a worker is given to report before it is killed. */
const BACKSTOP_MS = 5000;

export class RegolithPool {
  private slots: Slot[] = [];
  private free: Slot[] = [];
  private waiting: ((s: Slot) => void)[] = [];
  private nextId = 1;

  constructor(size: number, private readonly nodeArgs: string[] = ['--stack-size=3800', '--max-old-space-size=2048']) {
    for (let i = 0; i < size; i++) this.free.push(this.spawn());
  }

  private spawn(): Slot {
    const child = fork(WORKER, [], { execArgv: this.nodeArgs, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    const slot: Slot = { child, runs: 0, stderr: '', pending: null };
    child.stderr!.on('data', (b: Buffer) => { if (slot.stderr.length < 65536) slot.stderr += b.toString('latin1'); });
    child.stdout!.on('data', () => { /* nothing is written there; drained so the child never blocks */ });
    child.on('message', (m: WorkerReply) => {
      const p = slot.pending;
      if (!p || p.id !== m.id) return;
      clearTimeout(p.timer);
      slot.pending = null;
      p.resolve(fromReply(m));
    });
    child.on('exit', (code, signal) => {
      const p = slot.pending;
      if (!p) return;
      clearTimeout(p.timer);
      slot.pending = null;
      p.resolve({ kind: 'crash', stdout: '', detail: `worker exited (code ${code}, signal ${signal})\n${slot.stderr.slice(-4000)}` });
    });
    this.slots.push(slot);
    return slot;
  }

  private acquire(): Promise<Slot> {
    const s = this.free.pop();
    if (s) return Promise.resolve(s);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: Slot, replace: boolean): void {
    let s = slot;
    if (replace || slot.runs >= RECYCLE || slot.child.exitCode !== null || slot.child.signalCode !== null) {
      this.kill(slot);
      s = this.spawn();
    }
    const w = this.waiting.shift();
    if (w) w(s); else this.free.push(s);
  }

  private kill(slot: Slot): void {
    this.slots = this.slots.filter((x) => x !== slot);
    slot.child.removeAllListeners('exit');
    if (slot.child.exitCode === null && slot.child.signalCode === null) slot.child.kill('SIGKILL');
  }

  async run(spec: RunSpec): Promise<Outcome> {
    const slot = await this.acquire();
    slot.runs++;
    slot.stderr = '';
    const id = this.nextId++;
    const job: Job = { id, source: spec.source, name: spec.path, cwd: spec.cwd, timeoutMs: spec.timeoutMs, ...(spec.portable ? { globals: { _U: true } } : {}) };
    let hung = false;
    const outcome = await new Promise<Outcome>((resolve) => {
      const timer = setTimeout(() => {
        hung = true;
        slot.pending = null;
        resolve({ kind: 'hang', stdout: '' });
      }, spec.timeoutMs + BACKSTOP_MS);
      slot.pending = { id, resolve, timer };
      slot.child.send(job);
    });
    this.release(slot, hung || outcome.kind === 'crash');
    return outcome;
  }

  close(): void {
    for (const s of [...this.slots]) this.kill(s);
    this.free = [];
  }
}

function fromReply(m: WorkerReply): Outcome {
  const stdout = m.stdout;
  switch (m.kind) {
    case 'ok': return { kind: 'ok', stdout };
    case 'error': return { kind: 'error', stdout, message: m.message };
    case 'exit': return { kind: 'exit', stdout, code: m.code };
    case 'hang': return { kind: 'hang', stdout };
    case 'js': return { kind: 'js', stdout, message: `${m.errorClass}: ${m.message}`, detail: m.stack };
  }
}
