// A Lua state: globals, the registry, the host it talks to, and loading.
import type { Dialect } from '../syntax/ast.js';
import type { Host } from '../host/host.js';
import { LuaTable } from './table.js';
import { loadLua } from './runtime.js';
import { mainCoroutine } from './coroutine.js';
import type { LuaFunction } from './trampoline.js';
import type { LuaValue } from './value.js';

export interface StateOptions {
  host: Host;
  dialect?: Dialect;
}

export class LuaState {
  readonly globals = new LuaTable();
  readonly registry = new LuaTable();
  /** package.loaded */
  readonly loaded = new LuaTable();
  readonly host: Host;
  readonly dialect: Dialect;
  /** Whether warnings are on (warn "@on"/"@off"), and a pending multi-part message. */
  warnings = false;
  warnBuffer = '';
  /**
   * io.stdout:setvbuf's mode, which print follows too (lua's print writes to
   * the same C stream). Buffered by default: print-heavy programs stay fast.
   */
  stdoutMode: 'no' | 'line' | 'full' = 'full';

  constructor(options: StateOptions) {
    this.host = options.host;
    this.dialect = options.dialect ?? '5.4';
    // lua_newstate's registry: LUA_RIDX_MAINTHREAD and LUA_RIDX_GLOBALS.
    this.registry.set(1, mainCoroutine);
    this.registry.set(2, this.globals);
  }

  /** Compile a chunk whose `_ENV` is `env` (the globals table when not given; nil when given as nil). */
  load(source: string, chunkName: string, ...env: [LuaValue?]): LuaFunction {
    return loadLua(source, { chunkName, dialect: this.dialect }, env.length > 0 ? env[0] : this.globals);
  }
}
