// The os library of Lua 5.1 (loslib.c of 5.1.5), where it differs from
// 5.4's (os.ts): os.date passes each conversion to strftime on its own
// (unknown ones come out as written, nothing is rejected, '*t' must be the
// whole format) and gives nil for dates the C library cannot break down;
// os.time reads numeric fields (anything else counts as missing) and does
// not normalise the table; os.execute returns system()'s raw status;
// os.exit takes a number only; times are doubles.

import { LuaTable } from '../runtime/table.js';
import { LuaFloat, type LuaValue } from '../runtime/value.js';
import type { LuaState } from '../runtime/state.js';
import * as ops from './lauxlib.js';
import { checkNumber, optInt, optString, setFuncs, type Args } from './lauxlib.js';
import { syncFiles } from './io.js';
import { cString, fileSystemOf, reasonOf } from '../host/fs.js';
import { breakDown, conversion, mktime, openOs, type Tm } from './os.js';
import { str2number51 } from '../runtime/strtod.js';

/** Conversions glibc's strftime knows (as a single letter after '%'). */
const KNOWN = 'aAbBcCdDeFgGhHIjklmMnpPrRsStTuUVwWxXyYzZ%';

function dbl(args: Args, i: number): number {
  const v = checkNumber(args, i);
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : v.n;
}

/** (time_t)d: truncated (doubles beyond int64 give its minimum, cvttsd2si). */
function toTime(d: number): bigint {
  const t = Math.trunc(d);
  return t >= -9223372036854775808 && t < 9223372036854775808 ? BigInt(t) : -(1n << 63n);
}

/** strftime with one conversion character `c`. */
function strftime1(c: string, tm: Tm, t: bigint, utc: boolean): string {
  if (KNOWN.includes(c)) {
    switch (c) {
      case 'k': return String(tm.hour).padStart(2, ' ');
      case 'l': return String(tm.hour % 12 === 0 ? 12 : tm.hour % 12).padStart(2, ' ');
      case 'P': return tm.hour < 12 ? 'am' : 'pm';
      case 's': {
        // mktime of the broken-down time, read as local time.
        const s = utc ? mktime(tm.year, tm.month - 1, tm.day, tm.hour, tm.min, tm.sec, undefined) : t;
        return s.toString();
      }
      default: return conversion(c, tm);
    }
  }
  // An unknown conversion is copied; a digit is a field width for it.
  const code = c.charCodeAt(0);
  if (code >= 51 && code <= 57) return ('%' + c).padStart(code - 48, ' ');
  return '%' + c;
}

export function openOs51(L: LuaState): void {
  openOs(L);
  const os = L.loaded.getStr('os') as LuaTable;
  const host = L.host;

  function os51_date(...args: Args): LuaValue {
    let s = optString(args, 0, '%c');
    const z = s.indexOf('\0');
    if (z >= 0) s = s.slice(0, z);
    const t = args[1] === undefined ? BigInt(Math.floor(Date.now() / 1000)) : toTime(dbl(args, 1));
    let utc = false;
    if (s.charCodeAt(0) === 33) { // '!'
      utc = true;
      s = s.slice(1);
    }
    const tm = breakDown(t, utc);
    if (tm === null) return undefined;
    if (s === '*t') {
      const r = new LuaTable();
      r.setStr('sec', tm.sec);
      r.setStr('min', tm.min);
      r.setStr('hour', tm.hour);
      r.setStr('day', tm.day);
      r.setStr('month', tm.month);
      r.setStr('year', tm.year);
      r.setStr('wday', tm.wday + 1);
      r.setStr('yday', tm.yday);
      r.setStr('isdst', tm.isdst);
      return r;
    }
    let out = '';
    for (let i = 0; i < s.length; i++) {
      const ch = s.charAt(i);
      if (ch !== '%' || i + 1 >= s.length) out += ch;
      else out += strftime1(s.charAt(++i), tm, t, utc);
    }
    ops.building(out.length);
    return out;
  }

  /** getfield of 5.1: a number (or numeric string), truncated; anything else is missing. */
  function getField(t: LuaTable, key: string, d: number): number {
    const v = ops.index(t, key);
    const n = typeof v === 'number' ? v : v instanceof LuaFloat ? v.n : typeof v === 'string' ? str2number51(v) : undefined;
    if (n === undefined) {
      if (d < 0) ops.luaError(`field '${key}' missing in date table`);
      return d;
    }
    return ops.toCInt(n);
  }

  function os51_time(...args: Args): LuaValue {
    if (args[0] === undefined) return Math.floor(Date.now() / 1000);
    const t = ops.checkTable(args, 0);
    const sec = getField(t, 'sec', 0);
    const min = getField(t, 'min', 0);
    const hour = getField(t, 'hour', 12);
    const day = getField(t, 'day', -1);
    const month = getField(t, 'month', -1) - 1;
    const year = getField(t, 'year', -1);
    const isdst = ops.index(t, 'isdst');
    const secs = mktime(year, month, day, hour, min, sec, isdst === undefined ? undefined : ops.truthy(isdst));
    if (breakDown(secs, false) === null || secs === -1n) return undefined;
    return Number(secs);
  }

  function os51_difftime(...args: Args): number {
    const t2 = args[1] === undefined ? 0n : toTime(dbl(args, 1));
    const t1 = toTime(dbl(args, 0));
    return Number(t1 - t2);
  }

  function os51_exit(...args: Args): never {
    return host.exit(optInt(args, 0, 0) & 0xff);
  }

  /** system(3): the raw wait status. */
  function os51_execute(...args: Args): number {
    const command = args[0] === undefined ? undefined : ops.checkString(args, 0);
    const processes = host.processes;
    if (command === undefined) return processes !== undefined && processes.hasShell() ? 1 : 0;
    if (!processes) return -1;
    syncFiles(L);
    const r = processes.run(command, { input: null, capture: false, limit: 0 });
    if (!r.ok) return -1;
    return r.how === 'exit' ? (r.code & 0xff) << 8 : r.code & 0x7f;
  }

  const fs = fileSystemOf(host);
  /** os_pushresult of 5.1: the failure names the (first) file. */
  function os51_rename(...args: Args): LuaValue {
    const from = ops.checkString(args, 0);
    const to = ops.checkString(args, 1);
    const r = fs.rename(from, to);
    return r.ok ? true : [undefined, `${cString(from)}: ${reasonOf(r.error, from)}`, r.errno];
  }

  function os51_clock(): number {
    return host.clock();
  }

  setFuncs(os, 'os.', {
    clock: os51_clock, rename: os51_rename, date: os51_date, time: os51_time, difftime: os51_difftime, exit: os51_exit, execute: os51_execute,
  });
}
