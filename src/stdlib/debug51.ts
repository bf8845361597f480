// The debug library of Lua 5.1 (ldblib.c of 5.1.5), where it differs from
// 5.4's (debug.ts): no uservalues, upvalueid/upvaluejoin or
// setcstacklimit; getinfo knows the options "SlnufL" and fills 5.1's
// fields; setmetatable answers true; traceback returns a message that is
// not a string (nil included) untouched and ignores a level that is not a
// number; debug.debug reads commands from standard input. (getfenv and
// setfenv belong to the core's function environments.)

import { LuaTable } from '../runtime/table.js';
import { errorValue } from '../runtime/errors.js';
import { str2number51 } from '../runtime/strtod.js';
import { LuaSyntaxError } from '../syntax/errors.js';
import { LuaFloat, LuaThreadBase, type LuaValue } from '../runtime/value.js';
import * as N from '../runtime/number.js';
import type { LuaState } from '../runtime/state.js';
import * as ops from './lauxlib.js';
import { argError, setFuncs, type Args } from './lauxlib.js';
import { openDebug } from './debug.js';

export function openDebug51(L: LuaState): void {
  openDebug(L);
  const debug = L.loaded.getStr('debug') as LuaTable;
  const db54 = {
    getinfo: debug.getStr('getinfo'),
    setmetatable: debug.getStr('setmetatable'),
    traceback: debug.getStr('traceback'),
  };

  function db51_getinfo(...args: Args): LuaValue {
    const arg = args[0] instanceof LuaThreadBase ? 1 : 0;
    const opts = args[arg + 1];
    if (opts !== undefined) {
      const o = ops.checkString(args, arg + 1);
      for (const c of o) if (!'SlnufL'.includes(c)) argError(arg + 2, 'invalid option');
    }
    const r = ops.call(db54.getinfo, ...args);
    const t = ops.first(r);
    if (t instanceof LuaTable) {
      for (const k of ['nparams', 'isvararg', 'istailcall', 'ftransfer', 'ntransfer']) t.setStr(k, undefined);
    }
    return t;
  }

  function db51_setmetatable(...args: Args): boolean {
    const mt = args[1];
    if (mt !== undefined && !(mt instanceof LuaTable)) argError(2, 'nil or table expected');
    ops.call(db54.setmetatable, args[0], mt);
    return true;
  }

  function db51_traceback(...args: Args): LuaValue {
    const arg = args[0] instanceof LuaThreadBase ? 1 : 0;
    const rest = args.slice(0, arg);
    // lua_isnumber: a level that is not a number is ignored.
    const lv = args[arg + 1];
    const level = typeof lv === 'number' ? lv : lv instanceof LuaFloat ? lv.n : typeof lv === 'string' ? str2number51(lv) : undefined;
    if (args.length > arg) {
      const m = args[arg];
      if (typeof m !== 'string' && typeof m !== 'number' && !(m instanceof LuaFloat)) return m;
      rest.push(m);
    } else rest.push(undefined);
    if (level !== undefined) rest.push(ops.toPtrdiff(level));
    return ops.first(ops.call(db54.traceback, ...rest));
  }

  /** Bytes read from standard input but not yet used by debug.debug. */
  let pending = '';
  /** fgets(buffer, 250, stdin): a line of at most 249 bytes (with its newline), or null at the end. */
  function readLine(): string | null {
    for (;;) {
      const nl = pending.indexOf('\n');
      if (nl >= 0 && nl < 249) {
        const line = pending.slice(0, nl + 1);
        pending = pending.slice(nl + 1);
        return line;
      }
      if (pending.length >= 249) {
        const line = pending.slice(0, 249);
        pending = pending.slice(249);
        return line;
      }
      const some = L.host.readStdinSome;
      let more: string;
      if (some) {
        const r = some(4096);
        more = r.ok ? r.data : '';
      } else {
        more = readAllOnce ? '' : L.host.readStdin();
        readAllOnce = true;
      }
      if (more === '') {
        if (pending === '') return null;
        const line = pending;
        pending = '';
        return line;
      }
      pending += more;
    }
  }
  let readAllOnce = false;

  function db51_debug(): unknown {
    const err = L.host.stderr;
    for (;;) {
      err.write('lua_debug> ');
      err.flush();
      const line = readLine();
      if (line === null || line === 'cont\n') return ops.EMPTY;
      let msg: LuaValue;
      try {
        const f = L.compile(line, '=(debug command)', L.globals);
        const r = ops.protectedCall(f, [], true);
        if (!(r instanceof ops.Caught)) continue;
        msg = errorValue(r.error);
      } catch (e) {
        if (!(e instanceof LuaSyntaxError)) throw e;
        msg = e.message;
      }
      const text = typeof msg === 'string' ? msg : typeof msg === 'number' || msg instanceof LuaFloat ? N.tostringNumber(msg) : null;
      // fputs(lua_tostring(L, -1)): a message that is not a string prints as "(null)".
      err.write((text ?? '(null)') + '\n');
    }
  }

  for (const k of ['getuservalue', 'setuservalue', 'upvalueid', 'upvaluejoin', 'setcstacklimit']) debug.setStr(k, undefined);
  setFuncs(debug, 'debug.', {
    getinfo: db51_getinfo, setmetatable: db51_setmetatable, traceback: db51_traceback, debug: db51_debug,
  });
}
