// The debug library of Lua 5.1 (ldblib.c of 5.1.5): 5.4's (debug.ts, which
// follows 5.1 itself in getinfo's options and fields, setmetatable's result
// and traceback's arguments) without uservalues, upvalueid/upvaluejoin or
// setcstacklimit, and with debug.debug, which reads commands from standard
// input, and getfenv/setfenv (fenv.ts).

import { LuaTable } from '../runtime/table.js';
import { errorValue } from '../runtime/errors.js';
import { LuaSyntaxError } from '../syntax/errors.js';
import { LuaFloat, type LuaValue } from '../runtime/value.js';
import * as N from '../runtime/number.js';
import type { LuaState } from '../runtime/state.js';
import * as ops from './lauxlib.js';
import { setFuncs } from './lauxlib.js';
import { openDebug } from './debug.js';
import { openDebugFenv } from './fenv.js';

export function openDebug51(L: LuaState): void {
  openDebug(L);
  const debug = L.loaded.getStr('debug') as LuaTable;
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
  setFuncs(debug, 'debug.', { debug: db51_debug });
  openDebugFenv(L, debug);
}
