// The thread of a ForwardingExecutor (forwarding.ts): it owns the node-redis
// clients, runs each command it is sent, and posts the reply back as a
// RespValue, then wakes the blocked caller.
//
// node-redis decodes replies into JS values. Its type mapping keeps the RESP
// types apart where a script can see the difference:
//   simple string (+OK)   -> JS string       (a script sees {ok = 'OK'})
//   bulk string           -> Buffer          (a Lua string)
//   integer (:)           -> JS string text  (exact beyond 2^53)
//   RESP3 double (,)      -> JS number
//   RESP3 big number (()  -> bigint
//   RESP3 verbatim (=)    -> VerbatimString (a String object with .format)
//   map / set             -> Map / Set
// Integers and simple strings both arrive as JS strings; an integer's text is
// always a decimal number, which no status reply that a script can get is
// (OK, PONG, QUEUED, type names). RESP2 and RESP3 need a client each: a
// script starts in RESP2 and may switch with redis.setresp(3).
import { workerData } from 'node:worker_threads';
import type { ForwardedCommand, ForwardedReply, ForwardingWorkerData } from './forwarding.js';
import type { RespValue } from './resp.js';

// The type codes of RESP (node-redis's RESP_TYPES): the first byte of each reply type.
const SIMPLE_STRING = 43; // +
const BLOB_STRING = 36; // $
const NUMBER = 58; // :
const DOUBLE = 44; // ,
const BIG_NUMBER = 40; // (
const MAP = 37; // %
const SET = 126; // ~

/** The part of a node-redis client the worker uses. */
interface RedisClient {
  connect(): Promise<unknown>;
  on(event: 'error', listener: (e: unknown) => void): unknown;
  sendCommand(args: Buffer[], options: { typeMapping: Record<number, unknown> }): Promise<unknown>;
}

interface NodeRedis {
  createClient(options: Record<string, unknown>): RedisClient;
}

const data = workerData as ForwardingWorkerData;
const signal = new Int32Array(data.signal);
const encoder = new TextEncoder();

const TYPE_MAPPING: Record<number, unknown> = {
  [SIMPLE_STRING]: String,
  [BLOB_STRING]: Buffer,
  [NUMBER]: String,
  [DOUBLE]: Number,
  [BIG_NUMBER]: BigInt,
  [MAP]: Map,
  [SET]: Set,
};

// Module state is this thread's: each ForwardingExecutor has a worker of its own.
let library: Promise<NodeRedis> | null = null;
/** One client per protocol, connected on first use, and the database each is on. */
const clients = new Map<2 | 3, { client: Promise<RedisClient>; db: number }>();

function loadLibrary(): Promise<NodeRedis> {
  // A peer dependency: resolved from the embedder's node_modules.
  return (library ??= import('redis' as string).catch((e: unknown) => {
    library = null;
    throw new Error(`the 'redis' package (node-redis) is needed for forwarding: ${(e as Error).message}`);
  }) as Promise<NodeRedis>);
}

function clientFor(resp: 2 | 3): { client: Promise<RedisClient>; db: number } {
  let entry = clients.get(resp);
  if (entry === undefined) {
    const options = { ...data.clientOptions, RESP: resp };
    const client = loadLibrary().then(async (lib) => {
      const c = lib.createClient(options);
      // node-redis reconnects by itself; an unhandled 'error' event would end the thread.
      c.on('error', () => {});
      await c.connect();
      return c;
    });
    client.catch(() => clients.delete(resp));
    entry = { client, db: typeof data.clientOptions.database === 'number' ? data.clientOptions.database : 0 };
    clients.set(resp, entry);
  }
  return entry;
}

function bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/** A node-redis reply (decoded with TYPE_MAPPING) as a RespValue. */
function toResp(v: unknown): RespValue {
  if (v === null || v === undefined) return { type: 'null' };
  if (Buffer.isBuffer(v)) return { type: 'bulk', value: new Uint8Array(v) };
  if (typeof v === 'string') return /^-?\d+$/.test(v) ? { type: 'integer', value: BigInt(v) } : { type: 'simple', value: bytes(v) };
  if (v instanceof String) {
    // VerbatimString: its text and format.
    const format = (v as String & { format?: string }).format ?? 'txt';
    return { type: 'verbatim', format: bytes(format), value: bytes(v.valueOf()) };
  }
  if (typeof v === 'number') return { type: 'double', value: bytes(doubleText(v)) };
  if (typeof v === 'bigint') return { type: 'bigNumber', value: bytes(v.toString()) };
  if (typeof v === 'boolean') return { type: 'boolean', value: v };
  if (Array.isArray(v)) return { type: 'array', items: v.map((x) => toResp(x)) };
  if (v instanceof Map) return { type: 'map', entries: [...v].map(([k, x]) => [mapKey(k), toResp(x)]) };
  if (v instanceof Set) return { type: 'set', items: [...v].map((x) => toResp(x)) };
  return { type: 'error', value: bytes('ERR the forwarding executor got a reply it cannot represent') };
}

/**
 * node-redis decodes a map's keys as text whatever the mapping. Redis writes
 * the keys of its map replies as bulk strings (field names, HELLO's and
 * XINFO's keys), so text keys are bulk strings.
 */
function mapKey(k: unknown): RespValue {
  return typeof k === 'string' ? { type: 'bulk', value: bytes(k) } : toResp(k);
}

/** A double as Redis writes it (the text only matters for its value: scripts get numbers). */
function doubleText(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  return String(n);
}

/** An error reply's text: node-redis's ErrorReply carries the server's message. */
function errorText(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const name = e instanceof Error ? e.constructor.name : '';
  // Errors of the server (SimpleError, BlobError) are its replies; anything else is ours.
  if (name === 'SimpleError' || name === 'BlobError' || name === 'ErrorReply') return message;
  return `ERR forwarding failed: ${message}`;
}

async function run(cmd: ForwardedCommand): Promise<ForwardedReply> {
  const entry = clientFor(cmd.resp);
  let db = cmd.db;
  try {
    const client = await entry.client;
    if (entry.db !== cmd.db) {
      await client.sendCommand([Buffer.from('SELECT'), Buffer.from(String(cmd.db))], { typeMapping: TYPE_MAPPING });
      entry.db = cmd.db;
    }
    const args = cmd.argv.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    const reply = await client.sendCommand(args, { typeMapping: TYPE_MAPPING });
    if (Buffer.from(cmd.argv[0]!).toString('latin1').toLowerCase() === 'select') {
      entry.db = db = Number(Buffer.from(cmd.argv[1]!).toString('latin1'));
    }
    return { reply: toResp(reply), db };
  } catch (e) {
    return { reply: { type: 'error', value: bytes(errorText(e)) }, db };
  }
}

data.port.on('message', (cmd: ForwardedCommand) => {
  void run(cmd).then((answer) => {
    data.port.postMessage(answer);
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
});
