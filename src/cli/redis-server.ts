// The TCP side of regolith-redis (Node only): accepts connections, parses
// each client's requests (src/redis/request.ts), runs them in order through
// the client's session (src/redis/session.ts) and writes the replies.
//
// - Pipelining: every complete request in the received bytes runs, in order,
//   and the replies go out in the same order.
// - A protocol error is replied, then the connection is closed (as Redis); a
//   request over the query buffer limit closes it without a reply.
// - A client that disconnects mid-request leaves nothing half-done: a
//   request runs only once all its bytes have arrived, and a partial one is
//   dropped with the connection.
// - One command at a time, as in Redis (a script is atomic): a command whose
//   reply is a promise (a script run in time slices) holds back every other
//   request, its client's and other clients', until it finishes. Past the
//   runner's busyThresholdMs the others are answered meanwhile: HELLO, AUTH
//   and QUIT run, the rest get the runner's whileBusy reply (BUSY, or SCRIPT
//   KILL acting on the script). Its reply is dropped if its client has gone.
// - Backpressure: while more than `maxPendingOutput` bytes wait to be sent
//   to a client (it does not read), the server stops reading from it and
//   stops running its pipelined requests; it resumes when the output drains.
//   Pending output is therefore at most that limit plus one reply. (Redis
//   instead lets a normal client's output grow without limit by default.)
// - Replies are written once per event-loop turn, after every client's
//   received bytes have been run (a `Writer`), as Redis writes its clients'
//   replies before it next waits for input. One write per client per turn,
//   whatever it pipelined; and under many clients the replies go out in a
//   burst, which is what lets a client program keep up: with 50
//   redis-benchmark clients and a few microseconds of work per request,
//   writing each reply as soon as it was made halved the requests per
//   second (see docs/benchmarks-redis.md).
import { createServer as netCreateServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { DEFAULT_REQUEST_LIMITS, RequestParser, type RequestLimits } from '../redis/request.js';
import { ReplyEncoder, type RespValue } from '../redis/resp.js';
import type { RedisExecutor } from '../redis/executor.js';
import { ClientSession, type CommandRunner, type SessionShared } from '../redis/session.js';

export interface RedisServerOptions {
  /** One scripting instance (RedisScripting) for all clients: scripts, their cache and the executor are shared. */
  scripting: CommandRunner;
  /** The executor behind scripting, asked whether it has PING and ECHO itself. */
  executor?: RedisExecutor;
  /** Number of databases for SELECT (16). */
  databases?: number;
  /** Limits on requests (Redis's defaults). */
  limits?: Partial<RequestLimits>;
  /** Bytes of unsent replies at which a client's requests stop being read (1 MB). */
  maxPendingOutput?: number;
}

export interface RedisServerHandle {
  server: Server;
  /** Starts listening; resolves with the port (useful with port 0). */
  listen(port: number, host?: string): Promise<number>;
  /** Stops listening and closes every client connection. */
  close(): Promise<void>;
}

/** The reply sent when running a command throws: a bug, but one that must not stop the server. */
function internalError(e: unknown): RespValue {
  const message = e instanceof Error ? e.message : String(e);
  return { type: 'error', value: new TextEncoder().encode(`ERR internal error: ${message.replace(/[\r\n]+/g, ' ')}`) };
}

export function createServer(options: RedisServerOptions): RedisServerHandle {
  const shared: SessionShared = {
    runner: options.scripting,
    executor: options.executor,
    databases: options.databases ?? 16,
    version: '7.0.15',
  };
  const limits: RequestLimits = { ...DEFAULT_REQUEST_LIMITS, ...options.limits };
  const maxPendingOutput = options.maxPendingOutput ?? 1024 * 1024;
  const sockets = new Set<Socket>();
  let nextId = 1;
  const gate = new Gate(options.scripting.busyThresholdMs ?? Infinity);
  const writer = new Writer();
  // Replies are encoded into Buffers from Node's pool, ready for the socket.
  const encoder = new ReplyEncoder((n) => Buffer.allocUnsafe(n));

  const server = netCreateServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serveClient(socket, new ClientSession(shared, nextId++), new RequestParser(limits), maxPendingOutput, gate, writer, encoder);
  });

  return {
    server,
    listen: (port, host = '127.0.0.1') => new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve((server.address() as AddressInfo).port);
      });
    }),
    close: () => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

/**
 * The server-wide lock of a command in progress (one whose reply is a
 * promise): other clients' requests wait on it, until it ends or passes the
 * busy threshold.
 */
class Gate {
  /** When the command in progress started, or null when none is. */
  private since: number | null = null;
  private waiters: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly thresholdMs: number) {}

  /** 'free', 'busy' (past the threshold: answer with whileBusy) or 'wait' (call `wake` when that changes). */
  state(wake: () => void): 'free' | 'busy' | 'wait' {
    if (this.since === null) return 'free';
    const left = this.since + this.thresholdMs - Date.now();
    if (left <= 0) return 'busy';
    this.waiters.push(wake);
    if (this.timer === undefined && Number.isFinite(left)) this.timer = setTimeout(() => this.wakeAll(), left);
    return 'wait';
  }

  enter(): void {
    this.since = Date.now();
  }

  leave(): void {
    this.since = null;
    this.wakeAll();
  }

  private wakeAll(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const wake of this.waiters.splice(0)) wake();
  }
}

/** Writes the clients' pending replies once per event-loop turn (after the turn's input has been run). */
class Writer {
  private readonly pending: (() => void)[] = [];

  /** Calls `flush` once, after the callbacks of the current event-loop turn. */
  schedule(flush: () => void): void {
    if (this.pending.push(flush) === 1) setImmediate(() => this.flushAll());
  }

  private flushAll(): void {
    const flushes = this.pending.splice(0);
    for (const flush of flushes) flush();
  }
}

/** Runs one connection: reads requests, runs them in order, writes replies. */
function serveClient(socket: Socket, session: ClientSession, parser: RequestParser, maxPendingOutput: number, gate: Gate, writer: Writer, encoder: ReplyEncoder): void {
  socket.setNoDelay(true);
  /** A command is running asynchronously: later requests wait. */
  let running = false;
  /** The connection is ending (QUIT, protocol error): nothing more is read or run. */
  let ending = false;
  /** Reading is paused until the client reads its pending replies. */
  let backedUp = false;
  /** A complete request waiting for another client's command to end. */
  let held: Uint8Array[] | null = null;
  /** This client is in the gate's waiting list. */
  let waiting = false;
  const wake = (): void => {
    waiting = false;
    if (!backedUp && !running) socket.resume();
    pump();
  };

  /** Closes the connection once the replies written so far are sent. */
  const finish = (): void => {
    flush();
    socket.end(() => socket.destroy());
  };

  /** Replies not yet written (the writer sends them at the end of the event-loop turn), or null. */
  let batch: Buffer[] | null = null;
  let batched = 0;
  const write = (reply: RespValue): void => {
    if (socket.destroyed) return;
    const bytes = encoder.encode(reply, session.resp) as Buffer;
    if (batch === null) {
      batch = [];
      writer.schedule(flush);
    }
    batch.push(bytes);
    batched += bytes.length;
  };
  const flush = (): void => {
    const b = batch;
    batch = null;
    batched = 0;
    if (b === null || b.length === 0 || socket.destroyed) return;
    socket.write(b.length === 1 ? b[0]! : Buffer.concat(b));
  };

  /** Runs the complete requests received so far, until one is asynchronous or the output backs up. */
  const pump = (): void => {
    while (!running && !ending && !socket.destroyed) {
      if (backedUp) return;
      // (Batched replies are written first: what the socket cannot take now stays in writableLength.)
      if (socket.writableLength + batched > maxPendingOutput) flush();
      if (socket.writableLength > maxPendingOutput) {
        // The client does not read its replies: stop reading until they drain.
        backedUp = true;
        socket.pause();
        socket.once('drain', () => { backedUp = false; socket.resume(); pump(); });
        return;
      }
      if (waiting) return;
      const request = held !== null ? { kind: 'command' as const, argv: held } : parser.next();
      held = null;
      if (request === null) return;
      if (request.kind === 'close') {
        ending = true;
        socket.destroy();
        return;
      }
      if (request.kind === 'error') {
        ending = true;
        // The message carries a byte of the request as it is (latin1: one char per byte).
        write({ type: 'error', value: Uint8Array.from(request.message, (c) => c.charCodeAt(0)) });
        finish();
        return;
      }
      const state = gate.state(wake);
      if (state === 'wait') {
        // Another client's command is in progress: this request runs after it.
        held = request.argv;
        waiting = true;
        socket.pause();
        return;
      }
      let outcome;
      try {
        outcome = state === 'busy' ? session.runWhileBusy(request.argv) : session.run(request.argv);
      } catch (e) {
        outcome = { reply: internalError(e) };
      }
      if (outcome.close) ending = true;
      const reply = outcome.reply;
      if (reply instanceof Promise) {
        running = true;
        if (state === 'free') gate.enter();
        socket.pause();
        reply.catch(internalError).then((value) => {
          running = false;
          if (state === 'free') gate.leave();
          write(value);
          if (ending) finish();
          else if (!socket.destroyed) {
            if (!backedUp) socket.resume();
            pump();
          }
        });
        return;
      }
      write(reply);
      if (ending) finish();
    }
  };

  socket.on('data', (chunk: Buffer) => {
    if (ending) return;
    parser.feed(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
    pump();
  });
  // A reset by the client is its own business; the socket closes either way.
  socket.on('error', () => {});
}
