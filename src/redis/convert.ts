// Values between Lua and RESP, as Redis 7 converts them (script_lua.c):
// the replies of redis.call into Lua values, and a script's result into the
// reply its client gets. Tables are read raw (metatables are never invoked).
import { LuaTable } from '../runtime/table.js';
import type { LuaValue } from '../runtime/value.js';
import { bytesToLua, luaToBytes } from '../api/strings.js';
import type { RespValue } from './resp.js';
import { formatG } from '../runtime/numfmt.js';
import { shortestNumber, type RedisRelease } from './redis-api.js';

// ----------------------------------------------------------- Redis -> Lua

/**
 * A reply of redis.call as the script sees it (redisProtocolToLuaType):
 * integers as numbers (doubles), bulk strings as strings, status replies as
 * {ok=...}, errors as {err=...}, and under RESP3 maps, sets, doubles, big
 * numbers and verbatim strings as tables that say what they are. A null is
 * false under RESP2 and nil under RESP3.
 */
export function respToLua(r: RespValue, resp: 2 | 3): LuaValue {
  // A RESP2 client gets RESP3's types as Redis downgrades them (encodeReply's rules).
  if (resp === 2) {
    switch (r.type) {
      case 'double': case 'bigNumber': case 'verbatim': return bytesToLua(r.value);
      case 'boolean': return r.value ? 1 : 0;
      case 'map': return LuaTable.fromArray(r.entries.flatMap(([k, v]) => [respToLua(k, 2) ?? false, respToLua(v, 2) ?? false]));
      case 'set': return LuaTable.fromArray(r.items.map((i) => respToLua(i, 2) ?? false));
      default: break;
    }
  }
  switch (r.type) {
    case 'bulk': return bytesToLua(r.value);
    case 'integer': return Number(r.value);
    case 'simple': return field('ok', bytesToLua(r.value));
    case 'error': return field('err', bytesToLua(r.value));
    case 'null': case 'nullArray': return resp === 3 ? undefined : false;
    case 'array': case 'push': return LuaTable.fromArray(r.items.map((i) => respToLua(i, resp) ?? false));
    case 'boolean': return r.value;
    case 'double': return field('double', Number(bytesToLua(r.value).replace(/^(-?)inf$/, '$1Infinity')));
    case 'bigNumber': return field('big_number', bytesToLua(r.value));
    case 'verbatim': {
      const v = new LuaTable();
      v.setStr('format', bytesToLua(r.format));
      v.setStr('string', bytesToLua(r.value));
      return field('verbatim_string', v);
    }
    case 'map': {
      const m = new LuaTable();
      for (const [k, v] of r.entries) m.set(respToLua(k, resp), respToLua(v, resp) ?? false);
      return field('map', m);
    }
    case 'set': {
      const s = new LuaTable();
      for (const item of r.items) s.set(respToLua(item, resp), true);
      return field('set', s);
    }
  }
}

function field(name: string, value: LuaValue): LuaTable {
  const t = new LuaTable();
  t.setStr(name, value);
  return t;
}

// ----------------------------------------------------------- Lua -> Redis

/** LUAI_MAXCSTACK: the Lua stack slots Redis's conversion may use (lua_checkstack). */
const MAX_STACK_SLOTS = 8000;
/** Slots in use when the conversion of a script's result starts. */
const START_SLOTS = 2;

/**
 * A script's result as a reply (luaReplyToRedisReply). `scriptResp` is the
 * protocol the script chose with redis.setresp (2 by default): it decides
 * how booleans are returned, whatever the client's protocol.
 */
export function luaToResp(v: LuaValue, scriptResp: 2 | 3, release: RedisRelease = '7.0'): RespValue {
  return convert(v, scriptResp, START_SLOTS, release);
}

const NULL: RespValue = { type: 'null' };
const STACK_LIMIT: RespValue = { type: 'error', value: luaToBytes('ERR reached lua stack limit') };

/**
 * Redis converts recursively on the Lua stack, asking for 4 more slots at
 * every value (lua_checkstack), and replies `-ERR reached lua stack limit`
 * in place of a value when they are not there: `slots` follows how many it
 * would be using, so that a recursive table gives the same reply bytes. The
 * walk keeps its own stack of pending values: a reply may nest 8000 deep.
 */
function convert(root: LuaValue, resp: 2 | 3, rootSlots: number, release: RedisRelease): RespValue {
  const out: RespValue[] = [NULL];
  // Each pending value is converted into `into[at]`.
  const pending: { v: LuaValue; slots: number; into: RespValue[]; at: number }[] = [{ v: root, slots: rootSlots, into: out, at: 0 }];
  for (let task = pending.pop(); task !== undefined; task = pending.pop()) {
    const { v, slots, into, at } = task;
    if (slots + 4 > MAX_STACK_SLOTS) {
      into[at] = STACK_LIMIT;
      continue;
    }
    const r = convertOne(v, resp, release);
    into[at] = r.value;
    // Children are taken in order: push them last first.
    for (let i = r.children.length - 1; i >= 0; i--) {
      const c = r.children[i]!;
      pending.push({ v: c.v, slots: slots + c.extraSlots, into: c.into, at: c.at });
    }
  }
  return out[0]!;
}

interface Child { v: LuaValue; extraSlots: number; into: RespValue[]; at: number }

/** One value's reply; the values inside it come back as children to convert into it. */
function convertOne(v: LuaValue, resp: 2 | 3, release: RedisRelease): { value: RespValue; children: Child[] } {
  const leaf = (value: RespValue) => ({ value, children: [] as Child[] });
  switch (typeof v) {
    case 'string': return leaf({ type: 'bulk', value: luaToBytes(v) });
    case 'number': return leaf({ type: 'integer', value: truncate(v) });
    case 'boolean':
      if (resp === 3) return leaf({ type: 'boolean', value: v });
      return leaf(v ? { type: 'integer', value: 1n } : NULL);
    default:
      break;
  }
  if (!(v instanceof LuaTable)) return leaf(NULL);
  const err = v.getStr('err');
  if (typeof err === 'string') return leaf({ type: 'error', value: luaToBytes(noLineBreaks(err)) });
  const ok = v.getStr('ok');
  if (typeof ok === 'string') return leaf({ type: 'simple', value: luaToBytes(noLineBreaks(ok)) });
  const dbl = v.getStr('double');
  // {double=}: "%.17g" in 7.0, the shortest round-trip form from 7.2.
  if (typeof dbl === 'number') return leaf({ type: 'double', value: luaToBytes(release === '7.0' ? formatG(dbl, 17) : shortestNumber(dbl)) });
  const big = v.getStr('big_number');
  if (typeof big === 'string') return leaf({ type: 'bigNumber', value: luaToBytes(noLineBreaks(big)) });
  const children: Child[] = [];
  const map = v.getStr('map');
  if (map instanceof LuaTable) {
    // Stack: the table, its map, a key and its value; the key is converted from a copy above them.
    const entries: [RespValue, RespValue][] = [];
    for (let e = map.next(undefined); e !== undefined; e = map.next(e[0])) {
      const pair: [RespValue, RespValue] = [NULL, NULL];
      entries.push(pair);
      children.push({ v: e[0], extraSlots: 4, into: pair, at: 0 }, { v: e[1], extraSlots: 3, into: pair, at: 1 });
    }
    return { value: { type: 'map', entries }, children };
  }
  const set = v.getStr('set');
  if (set instanceof LuaTable) {
    // Stack: the table, its set, a key, and the copy being converted.
    const items: RespValue[] = [];
    for (let e = set.next(undefined); e !== undefined; e = set.next(e[0])) {
      children.push({ v: e[0], extraSlots: 3, into: items, at: items.length });
      items.push(NULL);
    }
    return { value: { type: 'set', items }, children };
  }
  const verbatim = v.getStr('verbatim_string');
  if (verbatim instanceof LuaTable) {
    const format = verbatim.getStr('format');
    const text = verbatim.getStr('string');
    if (typeof format === 'string' && typeof text === 'string') {
      return leaf({ type: 'verbatim', format: luaToBytes(format), value: luaToBytes(text) });
    }
  }
  // An array up to the first nil; each element is pushed above the table while it is converted.
  const items: RespValue[] = [];
  for (let i = 1; ; i++) {
    const item = v.getInt(i);
    if (item === undefined) break;
    children.push({ v: item, extraSlots: 1, into: items, at: items.length });
    items.push(NULL);
  }
  return { value: { type: 'array', items }, children };
}

/** Redis writes status and error lines with each CR and LF made a space (its 2025 fix of reply injection). */
function noLineBreaks(s: string): string {
  return s.replace(/[\r\n]/g, ' ');
}

/** (long long)n on x86-64: toward zero; NaN and values out of range give LLONG_MIN. */
function truncate(n: number): bigint {
  if (!(n > -9223372036854775808 - 1024 && n < 9223372036854775808)) return -9223372036854775808n;
  return BigInt(Math.trunc(n));
}
