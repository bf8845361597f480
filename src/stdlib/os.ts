// The os library (loslib.c): exit, getenv, clock, time, date, difftime,
// setlocale, and execute/remove/rename/tmpname where the host allows.
// Dates use the JS Date object (local time = the process's time zone) and
// the C locale's formats.
import { E } from '../runtime/engine.js';
import { closeState } from '../runtime/gc.js';
import { LuaTable } from '../runtime/table.js';
import * as ops from './lauxlib.js';
import * as N from '../runtime/number.js';
import { LuaFloat, mkFloat, mkInt, type LuaValue } from '../runtime/value.js';
import type { LuaState } from '../runtime/state.js';
import {
  argError, checkInteger, checkOption, checkString, luaError, optString, setFuncs, typeError, type Args,
} from './lauxlib.js';
import { syncFiles } from './io.js';
import { fileSystemOf } from '../host/fs.js';

// ------------------------------------------------------------ broken-down time

/** struct tm, with the real (not offset) year and month. */
export interface Tm {
  year: number; month: number; day: number; hour: number; min: number; sec: number;
  /** 0 = Sunday. */
  wday: number;
  /** 1-based day of the year. */
  yday: number;
  isdst: boolean;
  /** Seconds east of UTC. */
  gmtoff: number;
  zone: string;
}

function isDst(d: Date): boolean {
  const y = d.getFullYear();
  const jan = new Date(y, 0, 1).getTimezoneOffset();
  const jul = new Date(y, 6, 1).getTimezoneOffset();
  return Math.max(jan, jul) !== d.getTimezoneOffset();
}

function zoneName(d: Date): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(d);
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}

/** Seconds in 400 Gregorian years: the calendar (and weekdays) repeat after it. */
const CYCLE = 146097n * 86400n;
/** Beyond this many seconds from the epoch JS dates fail (8.64e15 ms); far inside it, cycles are exact. */
const DATE_RANGE = 8_000_000_000_000n;
const INT_MAX = 2147483647;

/** `t` as whole 400-year cycles plus a remainder JS dates can handle. */
function splitCycles(t: bigint): { cycles: bigint; rest: number } {
  if (t >= -DATE_RANGE && t <= DATE_RANGE) return { cycles: 0n, rest: Number(t) };
  // The far past lands at the start of the range (local mean time, as in
  // the zone's first rule), the far future within 400 years of 1970.
  const base = t < 0n ? -DATE_RANGE : 0n;
  let cycles = (t - base) / CYCLE;
  if (t - base < 0n && cycles * CYCLE !== t - base) cycles--;
  return { cycles, rest: Number(t - cycles * CYCLE) };
}

/** Seconds east of UTC of local time at `d` (getTimezoneOffset drops the seconds of local mean time). */
function offsetOf(d: Date): number {
  const local = utcDate(d.getFullYear(), d.getMonth(), d.getDate())
    + d.getHours() * 3600000 + d.getMinutes() * 60000 + d.getSeconds() * 1000 + d.getMilliseconds();
  return Math.round((local - d.getTime()) / 1000);
}

/** gmtime / localtime of `t` seconds; null when the year does not fit a C int (tm_year). */
export function breakDown(t: bigint, utc: boolean): Tm | null {
  const { cycles, rest } = splitCycles(t);
  const d = new Date(rest * 1000);
  const year = (utc ? d.getUTCFullYear() : d.getFullYear()) + Number(cycles) * 400;
  if (year - 1900 > INT_MAX || year - 1900 < -INT_MAX - 1) return null;
  const month = utc ? d.getUTCMonth() + 1 : d.getMonth() + 1;
  const day = utc ? d.getUTCDate() : d.getDate();
  const dyear = utc ? d.getUTCFullYear() : d.getFullYear();
  const yday = Math.round((utcDate(dyear, month - 1, day) - utcDate(dyear, 0, 1)) / 86400000) + 1;
  return {
    year, month, day, yday,
    hour: utc ? d.getUTCHours() : d.getHours(),
    min: utc ? d.getUTCMinutes() : d.getMinutes(),
    sec: utc ? d.getUTCSeconds() : d.getSeconds(),
    wday: utc ? d.getUTCDay() : d.getDay(),
    isdst: utc ? false : isDst(d),
    gmtoff: utc ? 0 : offsetOf(d),
    zone: utc ? 'GMT' : zoneName(d),
  };
}

/** Date.UTC without its two-digit-year quirk. */
function utcDate(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, day);
  return d.getTime();
}

/** Days from 1970-01-01 to the first of month `month` (0-based, any integer) of `year`. */
function daysToMonth(year: number, month: number): bigint {
  const y = year + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  // Shift whole 400-year cycles away so the date stays within JS range.
  const cycles = Math.floor((y - 2000) / 400);
  const days = Math.round(utcDate(y - cycles * 400, m, 1) / 86400000);
  return BigInt(days) + BigInt(cycles) * 146097n;
}

/** Seconds east of UTC in local time at `t` (plus whether DST is on, and the year's standard/DST offsets). */
function localOffset(t: bigint): { off: number; dst: boolean; std: number; summer: number } {
  const d = new Date(splitCycles(t).rest * 1000);
  const y = d.getFullYear();
  const jan = -new Date(y, 0, 1).getTimezoneOffset() * 60;
  const jul = -new Date(y, 6, 1).getTimezoneOffset() * 60;
  return { off: offsetOf(d), dst: isDst(d), std: Math.min(jan, jul), summer: Math.max(jan, jul) };
}

/** mktime: broken-down local time (fields may be out of range) to seconds; isdst undefined = unknown (-1). */
export function mktime(year: number, month: number, day: number, hour: number, min: number, sec: number, isdst: boolean | undefined): bigint {
  const days = daysToMonth(year, month) + BigInt(day - 1);
  const local = days * 86400n + BigInt(hour) * 3600n + BigInt(min) * 60n + BigInt(sec);
  const first = localOffset(local);
  let t = local - BigInt(first.off);
  const at = localOffset(t);
  t = local - BigInt(at.off);
  // A stated isdst picks which offset the fields are in; in a year without
  // DST glibc takes DST to be one hour ahead.
  if (isdst !== undefined && isdst !== at.dst) {
    const summer = at.std !== at.summer ? at.summer : at.std + 3600;
    t = local - BigInt(isdst ? summer : at.std);
  }
  return t;
}

// ------------------------------------------------------------ strftime (C locale)

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function pad(n: number, width: number, fill = '0'): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + s.padStart(width, fill);
}

/** The year within its century, 0..99 also for years before 0 (as glibc). */
function yy(year: number): number {
  return ((year % 100) + 100) % 100;
}

/** ISO 8601 week number and week-based year. */
function isoWeek(tm: Tm): { week: number; year: number } {
  const wdayMon = (tm.wday + 6) % 7; // Monday = 0
  let year = tm.year;
  let week = Math.floor((tm.yday - 1 - wdayMon + 10) / 7);
  const daysIn = (y: number) => ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 366 : 365);
  if (week < 1) {
    year--;
    const yday = tm.yday + daysIn(year);
    week = Math.floor((yday - 1 - wdayMon + 10) / 7);
  } else if (week === 53) {
    // Belongs to week 1 of next year when Jan 1 of next year is Mon..Thu.
    const jan1 = (wdayMon + (daysIn(year) - tm.yday) + 1) % 7;
    if (jan1 <= 3) {
      week = 1;
      year++;
    }
  }
  return { week, year };
}

/** Conversions lua5.4 accepts (LUA_STRFTIMEOPTIONS for C99): single letters, then E and O forms. */
const SINGLE = 'aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%';
const WITH_E = 'cCxXyY';
const WITH_O = 'deHImMSuUVwWy';

export function conversion(c: string, tm: Tm): string {
  switch (c) {
    case 'a': return DAYS[tm.wday]!.slice(0, 3);
    case 'A': return DAYS[tm.wday]!;
    case 'b': case 'h': return MONTHS[tm.month - 1]!.slice(0, 3);
    case 'B': return MONTHS[tm.month - 1]!;
    case 'c': return `${conversion('a', tm)} ${conversion('b', tm)} ${conversion('e', tm)} ${conversion('T', tm)} ${tm.year}`;
    case 'C': return pad(Math.floor(tm.year / 100), 2);
    case 'd': return pad(tm.day, 2);
    case 'D': return `${pad(tm.month, 2)}/${pad(tm.day, 2)}/${pad(yy(tm.year), 2)}`;
    case 'e': return pad(tm.day, 2, ' ');
    case 'F': return `${pad(tm.year, 4)}-${pad(tm.month, 2)}-${pad(tm.day, 2)}`;
    case 'g': return pad(yy(isoWeek(tm).year), 2);
    case 'G': return String(isoWeek(tm).year);
    case 'H': return pad(tm.hour, 2);
    case 'I': return pad(tm.hour % 12 === 0 ? 12 : tm.hour % 12, 2);
    case 'j': return pad(tm.yday, 3);
    case 'm': return pad(tm.month, 2);
    case 'M': return pad(tm.min, 2);
    case 'n': return '\n';
    case 'p': return tm.hour < 12 ? 'AM' : 'PM';
    case 'r': return `${conversion('I', tm)}:${pad(tm.min, 2)}:${pad(tm.sec, 2)} ${conversion('p', tm)}`;
    case 'R': return `${pad(tm.hour, 2)}:${pad(tm.min, 2)}`;
    case 'S': return pad(tm.sec, 2);
    case 't': return '\t';
    case 'T': case 'X': return `${pad(tm.hour, 2)}:${pad(tm.min, 2)}:${pad(tm.sec, 2)}`;
    case 'u': return String(tm.wday === 0 ? 7 : tm.wday);
    case 'U': return pad(Math.floor((tm.yday - 1 + 7 - tm.wday) / 7), 2);
    case 'V': return pad(isoWeek(tm).week, 2);
    case 'w': return String(tm.wday);
    case 'W': return pad(Math.floor((tm.yday - 1 + 7 - ((tm.wday + 6) % 7)) / 7), 2);
    case 'x': return `${pad(tm.month, 2)}/${pad(tm.day, 2)}/${pad(yy(tm.year), 2)}`;
    case 'y': return pad(yy(tm.year), 2);
    case 'Y': return String(tm.year);
    case 'z': {
      const off = Math.floor(Math.abs(tm.gmtoff) / 60);
      return `${tm.gmtoff < 0 ? '-' : '+'}${pad(Math.floor(off / 60), 2)}${pad(off % 60, 2)}`;
    }
    case 'Z': return tm.zone;
    default: return '%';
  }
}

function strftime(format: string, tm: Tm): string {
  const out: string[] = [];
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch !== '%') {
      out.push(ch);
      continue;
    }
    const c = format[i + 1];
    let len = 0;
    if (c !== undefined && SINGLE.includes(c)) len = 1;
    else if ((c === 'E' && WITH_E.includes(format[i + 2] ?? '\0')) || (c === 'O' && WITH_O.includes(format[i + 2] ?? '\0'))) len = 2;
    // lua5.4 quotes the whole rest of the format.
    if (len === 0) return argError(1, `invalid conversion specifier '${format.slice(i)}'`);
    out.push(conversion(format[i + len]!, tm));
    i += len;
  }
  return out.join('');
}

// ------------------------------------------------------------ helpers

/** l_checktime: an integer time argument. */
function checkTime(args: Args, i: number): bigint {
  return BigInt(checkInteger(args, i));
}

/** loslib.c getfield: an integer field of the date table, `delta` subtracted. */
function getField(t: LuaTable, key: string, d: number, delta: number): number {
  const v = ops.index(t, key);
  const n = typeof v === 'string' ? N.str2number(v) : v;
  const isNum = typeof n === 'number' || typeof n === 'bigint' || n instanceof LuaFloat;
  const r = isNum ? N.toInteger(n as never) : undefined;
  if (r === undefined) {
    if (v !== undefined) luaError(`field '${key}' is not an integer`);
    if (d < 0) luaError(`field '${key}' missing in date table`);
    return d;
  }
  const big = BigInt(r);
  if (!(big >= 0n ? big - BigInt(delta) <= 2147483647n : -2147483648n + BigInt(delta) <= big)) {
    luaError(`field '${key}' is out-of-bound`);
  }
  return Number(big) - delta;
}

function setAllFields(t: LuaTable, tm: Tm): void {
  t.setStr('year', tm.year);
  t.setStr('month', tm.month);
  t.setStr('day', tm.day);
  t.setStr('hour', tm.hour);
  t.setStr('min', tm.min);
  t.setStr('sec', tm.sec);
  t.setStr('yday', tm.yday);
  t.setStr('wday', tm.wday + 1);
  t.setStr('isdst', tm.isdst);
}

/** Lua float from a JS number (integral values boxed). */
function float(x: number): LuaValue {
  return mkFloat(x);
}

// ------------------------------------------------------------ the library

export function openOs(L: LuaState): void {
  const host = L.host;

  function os_exit(...args: Args): never {
    let code: number;
    if (typeof args[0] === 'boolean') code = args[0] ? 0 : 1;
    else {
      const c = args[0] === undefined ? 0 : checkInteger(args, 0);
      code = Number(BigInt.asIntN(32, BigInt(c)));
    }
    // `close` closes the state: pending finalizers run (to-be-closed
    // variables still pending are not closed). Output is flushed either way.
    if (args[1] !== undefined && args[1] !== false) closeState(L);
    return host.exit(code & 0xff);
  }

  function os_getenv(...args: Args): LuaValue {
    return host.getenv(checkString(args, 0));
  }

  function os_clock(): LuaValue {
    return float(host.clock());
  }

  function os_time(...args: Args): LuaValue {
    if (args[0] === undefined) return Math.floor(Date.now() / 1000);
    const t = args[0];
    if (!(t instanceof LuaTable)) return typeError(args, 0, 'table');
    let year: number, month: number, day: number, hour: number, min: number, sec: number;
    if (E.dialect.osTimeFieldOrder === '5.3') {
      sec = getField(t, 'sec', 0, 0);
      min = getField(t, 'min', 0, 0);
      hour = getField(t, 'hour', 12, 0);
      day = getField(t, 'day', -1, 0);
      month = getField(t, 'month', -1, 1);
      year = getField(t, 'year', -1, 1900);
    } else {
      year = getField(t, 'year', -1, 1900);
      month = getField(t, 'month', -1, 1);
      day = getField(t, 'day', -1, 0);
      hour = getField(t, 'hour', 12, 0);
      min = getField(t, 'min', 0, 0);
      sec = getField(t, 'sec', 0, 0);
    }
    const isdst = ops.index(t, 'isdst');
    const secs = mktime(year + 1900, month, day, hour, min, sec, isdst === undefined ? undefined : isdst !== false);
    // mktime fails (-1) when the normalised year does not fit tm_year; -1 itself is taken as failure too.
    const tm = breakDown(secs, false);
    if (tm === null || secs === -1n) return luaError('time result cannot be represented in this installation');
    setAllFields(t, tm);
    return mkInt(secs);
  }

  function os_date(...args: Args): LuaValue {
    let format = optString(args, 0, '%c');
    const t = args[1] === undefined ? BigInt(Math.floor(Date.now() / 1000)) : checkTime(args, 1);
    let utc = false;
    if (format.startsWith('!')) {
      utc = true;
      format = format.slice(1);
    }
    const tm = breakDown(t, utc);
    if (tm === null) return luaError('date result cannot be represented in this installation');
    if (format.startsWith('*t')) {
      const r = new LuaTable();
      setAllFields(r, tm);
      return r;
    }
    return strftime(format, tm);
  }

  function os_difftime(...args: Args): LuaValue {
    const t1 = checkTime(args, 0);
    const t2 = checkTime(args, 1);
    return float(Number(t1 - t2));
  }

  const categories = ['all', 'collate', 'ctype', 'monetary', 'numeric', 'time'] as const;
  function os_setlocale(...args: Args): LuaValue {
    const locale = args[0] === undefined ? undefined : checkString(args, 0);
    checkOption(args, 1, 'all', categories);
    // Only the C locale exists here.
    if (locale === undefined || locale === '' || locale === 'C' || locale === 'POSIX') return 'C';
    return undefined;
  }

  /** system(3) and luaL_execresult; without a shell, as system() fails. */
  function os_execute(...args: Args): unknown {
    const command = args[0] === undefined ? undefined : checkString(args, 0);
    const processes = host.processes;
    if (command === undefined) return processes !== undefined && processes.hasShell();
    if (!processes) return [undefined, 'Function not implemented', 38];
    syncFiles(L);
    const r = processes.run(command, { input: null, capture: false, limit: 0 });
    if (!r.ok) return [undefined, r.error, r.errno];
    return [r.how === 'exit' && r.code === 0 ? true : undefined, r.how, r.code];
  }

  const funcs: Record<string, (...args: Args) => unknown> = {
    clock: os_clock, date: os_date, difftime: os_difftime, execute: os_execute, exit: os_exit, getenv: os_getenv,
    setlocale: os_setlocale, time: os_time,
  };

  const fs = fileSystemOf(host);
  funcs.remove = function os_remove(...args: Args): LuaValue {
    const name = checkString(args, 0);
    const r = fs.remove(name);
    return r.ok ? true : [undefined, r.error, r.errno];
  };
  funcs.rename = function os_rename(...args: Args): LuaValue {
    const from = checkString(args, 0);
    const to = checkString(args, 1);
    const r = fs.rename(from, to);
    return r.ok ? true : [undefined, r.error, r.errno];
  };
  funcs.tmpname = function os_tmpname(): LuaValue {
    const r = fs.tmpname();
    if (!r.ok) return luaError(r.error);
    return r.name;
  };

  const os = new LuaTable();
  setFuncs(os, 'os.', funcs);
  L.globals.setStr('os', os);
  L.loaded.setStr('os', os);
}
