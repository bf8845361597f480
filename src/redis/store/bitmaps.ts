// Bit commands on strings: GETBIT, SETBIT, BITCOUNT. Bit 0 is the most
// significant bit of the first byte, as in Redis.
import { intArg, option } from './args.js';
import { type Call, type Handler, str } from './keyspace.js';
import { MAX_STRING } from './strings.js';
import { SYNTAX, err, fail, int } from './reply.js';

/** A bit offset (getBitOffsetFromArgument): an integer >= 0 within proto-max-bulk-len bytes. */
function bitOffset(b: Uint8Array): number {
  const msg = err('ERR bit offset is not an integer or out of range');
  const v = intArg(b, msg);
  if (v < 0n || v >> 3n >= BigInt(MAX_STRING)) fail(msg);
  return Number(v);
}

function getString(c: Call, key: string): Uint8Array | undefined {
  return c.db.typed(key, 'string', c.now)?.value;
}

const getbit: Handler = (c) => {
  const offset = bitOffset(c.argv[2]!);
  const v = getString(c, str(c.argv[1]!));
  const byte = offset >> 3;
  if (!v || byte >= v.length) return int(0);
  return int((v[byte]! >> (7 - (offset & 7))) & 1);
};

const setbit: Handler = (c) => {
  const offset = bitOffset(c.argv[2]!);
  const bitMsg = err('ERR bit is not an integer or out of range');
  const on = intArg(c.argv[3]!, bitMsg);
  if (on !== 0n && on !== 1n) return bitMsg;
  const key = str(c.argv[1]!);
  let v = getString(c, key);
  const byte = offset >> 3;
  const exists = v !== undefined;
  if (!v || byte >= v.length) {
    const grown = new Uint8Array(byte + 1);
    if (v) grown.set(v);
    v = grown;
  }
  const mask = 1 << (7 - (offset & 7));
  const old = v[byte]! & mask ? 1 : 0;
  v[byte] = on === 1n ? v[byte]! | mask : v[byte]! & ~mask;
  c.db.set(key, { type: 'string', value: v }, exists);
  return int(old);
};

function popcount(b: number): number {
  let n = 0;
  for (let x = b; x; x &= x - 1) n++;
  return n;
}

/** BITCOUNT key [start end [BYTE|BIT]]: ranges clamp as GETRANGE's do. */
const bitcount: Handler = (c) => {
  // Redis 7.0 looks the key up before it reads the range: no key, 0, whatever the arguments.
  const bytes = getString(c, str(c.argv[1]!));
  if (bytes === undefined) return int(0);
  let start = 0;
  let end = bytes.length - 1;
  let firstMask = 0;
  let lastMask = 0;
  if (c.argv.length === 4 || c.argv.length === 5) {
    start = Number(intArg(c.argv[2]!));
    end = Number(intArg(c.argv[3]!));
    let isBit = false;
    if (c.argv.length === 5) {
      const unit = option(c.argv[4]!);
      if (unit === 'bit') isBit = true;
      else if (unit !== 'byte') return SYNTAX;
    }
    const total = isBit ? bytes.length * 8 : bytes.length;
    if (start < 0 && end < 0 && start > end) return int(0);
    if (start < 0) start += total;
    if (end < 0) end += total;
    if (start < 0) start = 0;
    if (end < 0) end = 0;
    if (end >= total) end = total - 1;
    if (isBit && start <= end) {
      firstMask = ~((1 << (8 - (start & 7))) - 1) & 0xff;
      lastMask = (1 << (7 - (end & 7))) - 1;
      start >>= 3;
      end >>= 3;
    }
  } else if (c.argv.length !== 2) {
    return SYNTAX;
  }
  if (start > end) return int(0);
  let n = 0;
  for (let i = start; i <= end; i++) n += popcount(bytes[i]!);
  n -= popcount(bytes[start]! & firstMask) + popcount(bytes[end]! & lastMask);
  return int(n);
};

export const BIT_COMMANDS: Record<string, Handler> = { getbit, setbit, bitcount };
