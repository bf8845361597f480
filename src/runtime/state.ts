// A Lua state: globals, the registry, the host it talks to, its engine
// object (engine.ts), and the one way into it (`run`).
import type { Dialect } from '../syntax/ast.js';
import type { Host } from '../host/host.js';
import { LuaTable } from './table.js';
import { loadLua } from './loader.js';
import type { LuaFunction } from './trampoline.js';
import type { LuaValue } from './value.js';
import { Engine, enter, leave } from './engine.js';
import { initCoroutines } from './coroutine.js';
import { dialectSpec } from './dialect.js';

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
  /** Everything mutable the runtime shares for this state. */
  readonly engine = new Engine();
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
    this.engine.dialect = dialectSpec(this.dialect);
    this.engine.checkpoint = options.host.gc?.checkpoint;
    this.engine.B.memory.host = options.host.gc;
    const prev = enter(this.engine);
    try {
      initCoroutines(this.engine);
    } finally {
      leave(prev);
    }
    // lua_newstate's registry: LUA_RIDX_MAINTHREAD and LUA_RIDX_GLOBALS.
    this.registry.set(1, this.engine.main);
    this.registry.set(2, this.globals);
  }

  /**
   * Runs `fn` as this state's code: its engine is the running one, and
   * whatever happens (a Lua error, a JavaScript exception thrown through Lua
   * frames), its counters are as they were when `fn` started once it ends,
   * and the previously running state is running again. Every entry into a
   * state goes through here: the embedding API, the CLI, closing.
   */
  run<T>(fn: () => T): T {
    const e = this.engine;
    const prev = enter(e);
    const depth = e.D.n, levels = e.B.lv, calls = e.C.n, plain = e.protection.plain, machines = e.machines.length;
    const current = e.current, protections = e.protection.n;
    // What `fn` raises reaches JavaScript, which may catch it: a protected call.
    e.protection.n = protections + 1;
    try {
      return fn();
    } finally {
      e.protection.n = protections;
      e.D.n = depth;
      e.B.lv = levels;
      e.C.n = calls;
      e.protection.plain = plain;
      e.machines.length = machines;
      e.current = current;
      leave(prev);
    }
  }

  /**
   * Compile a chunk whose `_ENV` is `env` (the globals table when not given;
   * nil when given as nil). The Lua function it returns runs as this state's
   * code only inside `run` (the libraries and the CLI, which are inside it).
   */
  compile(source: string, chunkName: string, ...env: [LuaValue?]): LuaFunction {
    let e = env.length > 0 ? env[0] : this.globals;
    // 5.1 gives a new chunk the running thread's global table (lua_load's
    // gt(L), which setfenv(0, t) changes), and has no way to name another.
    if (e === this.globals && this.engine.dialect.functionEnvironments) e = this.engine.current.globals51 ?? this.globals;
    return this.run(() => loadLua(source, { chunkName, dialect: this.dialect }, e));
  }

  /** `compile`, for calling from JavaScript: the function enters the state (`run`) when called. */
  load(source: string, chunkName: string, ...env: [LuaValue?]): (...args: LuaValue[]) => unknown {
    const f = this.compile(source, chunkName, ...env);
    return (...args: LuaValue[]): unknown => this.run(() => f(...args));
  }
}
