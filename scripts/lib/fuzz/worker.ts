// The Regolith side of the differential fuzzer: a long-lived child process
// (started by runner.ts) that runs one program per message in a fresh
// `new Lua()` and reports what a `lua5.4 prog.lua` run would show: the bytes
// printed, and the error message (lua.c's, without the traceback) or the exit
// code. The parent enforces the wall-clock limit by killing this process.
//
// Every other run has the job's time limit (`new Lua({ limits })`): a program
// that runs past it is reported as a hang from here, and the worker goes on;
// the parent's timer is the backstop (and the only limit of the other runs).
import { Lua, LuaError, LuaLimitError, nodeHost } from '../../../src/node.js';
import type { Job, RunEnd, WorkerReply } from './types.js';

class ExitRequest {
  constructor(readonly code: number) {}
}

const MAX_OUT = 1 << 20;
const host = nodeHost();

/** Every other job runs in a limited state (compiled with checks), so both compilations are fuzzed. */
function makeState(out: { s: string; truncated: boolean }, timeoutMs: number, limited: boolean): Lua {
  const collect = (b: Uint8Array) => {
    if (out.s.length >= MAX_OUT) { out.truncated = true; return; }
    out.s += Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
  };
  return new Lua({
    host: { ...host, exit: (code: number): never => { throw new ExitRequest(code); } },
    stdout: collect,
    stderr: () => {},
    stdin: '',
    ...(limited ? { limits: { timeoutMs } } : {}),
  });
}

function run(job: Job): WorkerReply {
  const out = { s: '', truncated: false };
  const cwd = process.cwd();
  let lua: Lua | null = null;
  const reply = (r: RunEnd): WorkerReply =>
    ({ id: job.id, stdout: out.s, truncated: out.truncated, ...r });
  try {
    if (job.cwd) process.chdir(job.cwd);
    lua = makeState(out, job.timeoutMs, job.id % 2 === 0);
    for (const [k, v] of Object.entries(job.globals ?? {})) lua.global.set(k, v);
    lua.doString(Buffer.from(job.source, 'latin1'), { chunkName: `@${job.name}` });
    return reply({ kind: 'ok' });
  } catch (e) {
    if (e instanceof ExitRequest) return reply({ kind: 'exit', code: e.code });
    if (e instanceof LuaLimitError && e.kind === 'time') return reply({ kind: 'hang' });
    if (e instanceof LuaError) return reply({ kind: 'error', message: e.message });
    const err = e as Error | null;
    return reply({
      kind: 'js', errorClass: err?.constructor?.name ?? typeof e,
      message: String(err?.message ?? e), stack: String(err?.stack ?? ''),
    });
  } finally {
    try { lua?.close(); } catch { /* a failing close shows in the next run */ }
    process.chdir(cwd);
  }
}

process.on('message', (job: Job) => {
  const r = run(job);
  process.send!(r);
});
process.on('disconnect', () => process.exit(0));
