// Side-by-side runs of Lua snippets for the Redis library suites
// (redis-cmsgpack, redis-struct): each snippet runs on a real redis-server
// through `EVAL <prelude + snippet> 0` and in a Regolith 5.1 state with the
// library opened, and must return a string; the two strings are compared
// byte for byte. Errors are caught inside the snippet (pcall), so their
// messages are compared too.
//
// The prelude (one line, so that positions in messages are the same on both
// sides) defines, as locals:
//   H(s)    hex of a string
//   D(v)    a deterministic rendering of a value: tables with sorted keys,
//           numbers with %.17g, strings with %q
//   R(...)  the count of values, then each rendered with D
//   C(s)    hex of a MessagePack stream with the entries of each map sorted
//           (the one place the suites allow a different order; see
//           src/redis/cmsgpack.ts on table traversal order)
import { Lua } from '../../src/index.js';
import type { LuaState } from '../../src/runtime/state.js';
import { latin1 } from '../../src/redis/resp.js';
import { startRedis, type RedisConnection, type RedisServer } from './redis.js';

const PRELUDE_LINES = [
  `local function H(s) return (string.gsub(s, '.', function(c) return string.format('%02x', string.byte(c)) end)) end`,
  `local D`,
  `D = function(v)`,
  `  local t = type(v)`,
  `  if t == 'table' then`,
  `    local keys = {}`,
  `    for k in pairs(v) do keys[#keys + 1] = D(k) .. '=' .. D(v[k]) end`,
  `    table.sort(keys)`,
  `    return '{' .. table.concat(keys, ',') .. '}'`,
  `  elseif t == 'number' then return string.format('%.17g', v)`,
  `  elseif t == 'string' then return string.format('%q', v)`,
  `  else return tostring(v) end`,
  `end`,
  `local function R(...)`,
  `  local parts = {}`,
  `  for i = 1, select('#', ...) do parts[i] = D((select(i, ...))) end`,
  `  return select('#', ...) .. ':' .. table.concat(parts, ' ')`,
  `end`,
  `local function C(s)`,
  `  local pos = 1`,
  `  local function n(k) local x = 0 for i = 1, k do x = x * 256 + string.byte(s, pos + i) end return x end`,
  `  local item`,
  `  item = function()`,
  `    local b, start, count, hl, ismap = string.byte(s, pos), pos`,
  `    if b < 0x80 or b >= 0xe0 or b == 0xc0 or b == 0xc2 or b == 0xc3 then pos = pos + 1`,
  `    elseif b >= 0xa0 and b <= 0xbf then pos = pos + 1 + b - 0xa0`,
  `    elseif b == 0xcc or b == 0xd0 then pos = pos + 2`,
  `    elseif b == 0xcd or b == 0xd1 then pos = pos + 3`,
  `    elseif b == 0xce or b == 0xd2 or b == 0xca then pos = pos + 5`,
  `    elseif b == 0xcf or b == 0xd3 or b == 0xcb then pos = pos + 9`,
  `    elseif b == 0xd9 then pos = pos + 2 + n(1)`,
  `    elseif b == 0xda then pos = pos + 3 + n(2)`,
  `    elseif b == 0xdb then pos = pos + 5 + n(4)`,
  `    elseif b >= 0x90 and b <= 0x9f then count, hl = b - 0x90, 1`,
  `    elseif b >= 0x80 and b <= 0x8f then count, hl, ismap = b - 0x80, 1, true`,
  `    elseif b == 0xdc then count, hl = n(2), 3`,
  `    elseif b == 0xdd then count, hl = n(4), 5`,
  `    elseif b == 0xde then count, hl, ismap = n(2), 3, true`,
  `    elseif b == 0xdf then count, hl, ismap = n(4), 5, true`,
  `    else error('C: unexpected byte ' .. b) end`,
  `    if not count then return H(string.sub(s, start, pos - 1)) end`,
  `    pos = start + hl`,
  `    local parts = {}`,
  `    for i = 1, count do`,
  `      if ismap then local k = item() parts[i] = k .. '=' .. item() else parts[i] = item() end`,
  `    end`,
  `    if ismap then table.sort(parts) end`,
  `    return H(string.sub(s, start, start + hl - 1)) .. '[' .. table.concat(parts, ',') .. ']'`,
  `  end`,
  `  local out = {}`,
  `  while pos <= #s do out[#out + 1] = item() end`,
  `  return table.concat(out, ' ')`,
  `end`,
];

/** The helpers, on one line (no comments in it: `--` would end the line's code). */
export const PRELUDE = PRELUDE_LINES.map((l) => l.trim()).join(' ') + ' ';

export interface Case {
  /** A test name. */
  name: string;
  /** Lua code (after the prelude) that returns a string. */
  code: string;
}

/** A redis-server and a Regolith 5.1 state with the libraries opened. */
export class SideBySide {
  private constructor(
    private readonly server: RedisServer,
    private readonly conn: RedisConnection,
    private readonly lua: Lua,
  ) {}

  static async start(open: (L: LuaState) => void): Promise<SideBySide> {
    const server = await startRedis();
    const conn = await server.connect();
    const lua = new Lua({ dialect: '5.1', strings: 'bytes' });
    open(lua.state);
    return new SideBySide(server, conn, lua);
  }

  /** The real server's answer: the string the snippet returned, or a description of another reply. */
  async onServer(code: string): Promise<string> {
    const { value } = await this.conn.command('EVAL', PRELUDE + code, '0');
    if (value.type === 'bulk') return latin1(value.value);
    if (value.type === 'error') return `(error reply) ${latin1(value.value)}`;
    return `(unexpected reply) ${JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v instanceof Uint8Array ? latin1(v) : v))}`;
  }

  /** Regolith's answer, in the same form. */
  onRegolith(code: string): string {
    try {
      const r = this.lua.doString(PRELUDE + code, { chunkName: '@user_script' });
      const v = r[0];
      if (v instanceof Uint8Array) return latin1(v);
      return `(unexpected result) ${String(v)}`;
    } catch (e) {
      return `(error) ${(e as Error).message}`;
    }
  }

  async stop(): Promise<void> {
    this.conn.close();
    await this.server.stop();
  }
}
