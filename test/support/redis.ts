// A real redis-server for differential tests (Debian package redis-server,
// installed by .ci/run): started on a free 127.0.0.1 port with no
// persistence, in a temporary directory, and a minimal client that returns
// each reply's exact bytes.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_READER_LIMITS, RespReader, encodeCommand, type RespValue } from '../../src/redis/resp.js';

/** Why Redis tests cannot run here, or false when they can. */
export function redisSkip(): string | false {
  const r = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return r.status === 0 ? false : 'redis-server is not installed (apt-get install redis-server); Redis differential tests need it';
}

/** A TCP port free on 127.0.0.1 now. */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** A connection that sends commands and reads replies in order. */
export class RedisConnection {
  // Replies may nest deeply (a recursive table a script returns).
  private readonly reader = new RespReader({ ...DEFAULT_READER_LIMITS, maxDepth: 100_000 });
  private readonly waiting: { resolve: (r: { value: RespValue; raw: Uint8Array }) => void; reject: (e: Error) => void }[] = [];
  private closedError: Error | null = null;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.reader.feed(new Uint8Array(chunk));
      // Only as many replies as there are waiters: the rest stay for reply().
      while (this.waiting.length > 0) {
        const r = this.reader.next();
        if (r === null) break;
        this.waiting.shift()!.resolve(r);
      }
    });
    const fail = (e: Error) => {
      this.closedError = e;
      for (const w of this.waiting.splice(0)) w.reject(e);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('connection closed')));
  }

  static async open(port: number): Promise<RedisConnection> {
    const socket = new Socket();
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.connect(port, '127.0.0.1', () => { socket.off('error', reject); resolve(); });
    });
    return new RedisConnection(socket);
  }

  /** Sends raw bytes (a command, or malformed input for protocol tests). */
  sendRaw(data: Uint8Array): void {
    this.socket.write(data);
  }

  /** The next reply, with its exact bytes. */
  reply(): Promise<{ value: RespValue; raw: Uint8Array }> {
    if (this.closedError) return Promise.reject(this.closedError);
    const ready = this.reader.next();
    if (ready !== null) return Promise.resolve(ready);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** Sends a command and returns its reply. */
  async command(...args: (string | Uint8Array)[]): Promise<{ value: RespValue; raw: Uint8Array }> {
    this.sendRaw(encodeCommand(args));
    return this.reply();
  }

  close(): void {
    this.socket.destroy();
  }
}

export interface RedisServer {
  port: number;
  connect(): Promise<RedisConnection>;
  stop(): Promise<void>;
}

/** Starts redis-server on a free port, without persistence; resolves once it accepts connections. */
export async function startRedis(extraArgs: string[] = []): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'regolith-redis-'));
  const port = await freePort();
  const child: ChildProcess = spawn('redis-server', [
    '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
    '--dir', dir, '--daemonize', 'no', '--loglevel', 'warning', ...extraArgs,
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      const c = await RedisConnection.open(port);
      const pong = await c.command('PING');
      c.close();
      if (pong.value.type === 'simple') break;
    } catch {
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill('SIGKILL');
        rmSync(dir, { recursive: true, force: true });
        throw new Error(`redis-server did not start on port ${port}: ${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    port,
    connect: () => RedisConnection.open(port),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
