// bin/regolith: the standalone interpreter (lua.c). Minimal for now.
import { LuaState } from '../runtime/state.js';
import { nodeHost } from '../host/node.js';
import { openLibs } from '../stdlib/init.js';
import { LuaError } from '../runtime/errors.js';
import { errorValue } from '../runtime/runtime.js';
import { LuaSyntaxError } from '../syntax/errors.js';
import { parseDialectOption, programName } from './args.js';
import type { Dialect } from '../syntax/ast.js';
import { call } from '../runtime/ops.js';
import { tostring } from '../stdlib/base.js';

export function main(argv: string[]): number {
  const progname = programName('regolith');
  let dialect: Dialect = '5.4';
  const rest: string[] = [];
  for (const a of argv) {
    const d = parseDialectOption(a);
    if (d === undefined) rest.push(a);
    else if (typeof d === 'object') { process.stderr.write(`${progname}: ${d.error}\n`); return 1; }
    else dialect = d;
  }
  const host = nodeHost();
  const L = new LuaState({ host, dialect });
  openLibs(L);
  const script = rest[0];
  if (script === undefined) { process.stderr.write(`usage: ${progname} script\n`); return 1; }
  const file = host.readFile(script);
  if (!file.ok) { host.stderr.write(`${progname}: ${file.error}\n`); return 1; }
  try {
    const fn = L.load(file.data, `@${script}`);
    call(fn, ...rest.slice(1));
  } catch (e) {
    host.stdout.flush();
    let msg: string;
    if (e instanceof LuaSyntaxError) msg = e.message;
    else {
      const v = errorValue(e);
      msg = typeof v === 'string' ? v : tostring(v);
    }
    host.stderr.write(`${progname}: ${msg}\nstack traceback:\n\t[C]: in ?\n`);
    host.stdout.flush();
    return 1;
  }
  host.stdout.flush();
  return 0;
}
void LuaError;
