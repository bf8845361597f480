// ForwardingExecutor: `redis.call` (and every other command) goes to a real
// Redis server through node-redis (the `redis` package, an optional peer
// dependency), for scripts whose data lives in a real Redis.
//
// Scripts call Redis synchronously, as in a real server: a script is atomic,
// and `redis.call` may sit anywhere (inside pcall, a table.sort comparator, a
// gsub callback), where Lua code cannot wait for a promise. So the client
// lives in a worker thread (forwarding-worker.ts), and `execute` posts the
// command to it and blocks on Atomics.wait until the reply is there, then
// takes it with receiveMessageOnPort. Node only (worker_threads); the rest of
// regolith/redis stays browser-safe, hence this module's own export path
// (`regolith/redis/forwarding`).
//
// Reply types: node-redis decodes replies into JS values, which would lose
// the difference between a status reply (+OK, which a script sees as
// {ok='OK'}) and a bulk string. The worker asks for a type mapping that keeps
// them apart (docs/redis-server.md, "Forwarding").
import { Worker, MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { CommandContext, CommandSpec, RedisExecutor } from './executor.js';
import type { RespValue } from './resp.js';
import { commandSpec } from './commands.js';

export interface ForwardingOptions {
  /** The server, as node-redis's createClient takes it: 'redis://127.0.0.1:6379'. */
  url?: string;
  /** Any other createClient options that can be copied to a worker (no functions): socket, username, password, database... */
  clientOptions?: Record<string, unknown>;
  /** How long one command may take before it becomes an error reply (ms). Default 10 000. */
  timeoutMs?: number;
}

/** What the worker gets at start. */
export interface ForwardingWorkerData {
  clientOptions: Record<string, unknown>;
  port: MessagePort;
  /** Int32Array over a SharedArrayBuffer: [0] is set to 1 (and notified) when a reply has been posted. */
  signal: SharedArrayBuffer;
}

/** A command to the worker: its arguments, the protocol and database it runs with. */
export interface ForwardedCommand {
  argv: Uint8Array[];
  resp: 2 | 3;
  db: number;
}

/** The worker's answer: the reply, and the database its connection is on afterwards. */
export interface ForwardedReply {
  reply: RespValue;
  db: number;
}

const encoder = new TextEncoder();

function errorReply(text: string): RespValue {
  return { type: 'error', value: encoder.encode(text) };
}

export class ForwardingExecutor implements RedisExecutor {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal: Int32Array;
  private readonly timeoutMs: number;
  private closed = false;

  constructor(options: ForwardingOptions = {}) {
    const { port1, port2 } = new MessageChannel();
    const shared = new SharedArrayBuffer(4);
    this.signal = new Int32Array(shared);
    this.port = port1;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    const clientOptions = { ...options.clientOptions, ...(options.url !== undefined ? { url: options.url } : {}) };
    const workerData: ForwardingWorkerData = { clientOptions, port: port2, signal: shared };
    // execArgv: [] so that the process's own flags (--input-type, --eval...) do not stop the thread from starting.
    this.worker = new Worker(new URL('./forwarding-worker.js', import.meta.url), { workerData, transferList: [port2], execArgv: [] });
    // An idle executor does not keep the process alive.
    this.worker.unref();
  }

  command(name: string): CommandSpec | undefined {
    return commandSpec(name);
  }

  execute(argv: readonly Uint8Array[], ctx: CommandContext): RespValue {
    if (this.closed) return errorReply('ERR the forwarding executor is closed');
    Atomics.store(this.signal, 0, 0);
    const message: ForwardedCommand = { argv: [...argv], resp: ctx.resp, db: ctx.db };
    this.port.postMessage(message);
    // Blocks this thread, as a real server blocks while a script runs.
    if (Atomics.wait(this.signal, 0, 0, this.timeoutMs) === 'timed-out') {
      this.close();
      return errorReply(`ERR the forwarding executor got no reply within ${this.timeoutMs} ms`);
    }
    const got = receiveMessageOnPort(this.port);
    if (got === undefined) return errorReply('ERR the forwarding executor lost its reply');
    const answer = got.message as ForwardedReply;
    // SELECT inside a script moves that script's later commands (store/server.ts does the same).
    ctx.db = answer.db;
    return answer.reply;
  }

  /** Stops the worker and its connection. Later commands get an error reply. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.port.close();
    void this.worker.terminate();
  }
}
