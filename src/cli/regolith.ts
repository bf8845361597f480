// bin/regolith: the standalone interpreter, behaving like PUC-Rio's lua.c.
//
//   regolith [--lua=5.1|5.3|5.4] [--lib=bit] [options] [script [args]]
//
// Options are lua.c's: -e stat, -l mod, -l g=mod, -i, -v, -E, -W, --, -.
// `--lua=X` (ours) picks the dialect; `--lib=bit` (ours, repeatable) also
// opens an optional library (LuaBitOp), as `lua -l bit` would with the C
// module installed. Neither is part of the `arg` table, so arg[-1]... look
// as they would under luaX.Y. Everything lua.c prints (usage,
// version, `prog: message`, tracebacks) is reproduced with our program name.
import { RunBudget, type Limits } from '../runtime/limits.js';
import { readFileSync } from 'node:fs';
import { LuaState } from '../runtime/state.js';
import { nodeHost } from '../host/node.js';
import { isatty } from '../host/node-builtins.js';
import type { Host } from '../host/host.js';
import { fileSystemOf, readWholeFile } from '../host/fs.js';
import { openLibs } from '../stdlib/init.js';
import { LuaError, errorValue } from '../runtime/errors.js';
import { closeState, collectorOf } from '../runtime/gc.js';
import { LuaTable } from '../runtime/table.js';
import { enter } from '../runtime/engine.js';
import * as ops from '../runtime/ops.js';
import * as N from '../runtime/number.js';
import { LuaFloat, luaType, type LuaValue } from '../runtime/value.js';
import { LuaSyntaxError } from '../syntax/errors.js';
import type { Dialect } from '../syntax/ast.js';
import { HOST_ENTRY, cLevel, errorLevels, formatTraceback, type TraceLevel } from '../runtime/traceback.js';
import { DEFAULT_DIALECT, parseDialectOption, parseLibOption, programName, skipPrefix, type OptionalLibrary } from './args.js';
import { miniRequire, type ErrorWithLevels } from './minirequire.js';
import { runRepl } from './repl.js';

// ------------------------------------------------------------ dialects

/** What differs between the luaX.Y interpreters we imitate. */
export interface Profile {
  dialect: Dialect;
  /** `lua -v` (LUA_COPYRIGHT). */
  version: string;
  /** 5.1 prints the version on stderr. */
  versionOnStderr: boolean;
  /** Environment variables tried for the init chunk, in order. */
  initVars: string[];
  /** Option letters it knows. */
  letters: string;
  /** `-l g=mod` is understood. */
  namedLibrary: boolean;
  /** The value of `-e`/`-l` may start with '-' (5.1 does not check). */
  dashValues: boolean;
  usage(progname: string, badoption: string | null): string;
}

const USAGE54 = (p: string) => `usage: ${p} [options] [script [args]]
Available options are:
  -e stat   execute string 'stat'
  -i        enter interactive mode after executing 'script'
  -l mod    require library 'mod' into global 'mod'
  -l g=mod  require library 'mod' into global 'g'
  -v        show version information
  -E        ignore environment variables
  -W        turn warnings on
  --        stop handling options
  -         stop handling options and execute stdin
`;

const USAGE53 = (p: string) => `usage: ${p} [options] [script [args]]
Available options are:
  -e stat  execute string 'stat'
  -i       enter interactive mode after executing 'script'
  -l name  require library 'name' into global 'name'
  -v       show version information
  -E       ignore environment variables
  --       stop handling options
  -        stop handling options and execute stdin
`;

const USAGE51 = (p: string) => `usage: ${p} [options] [script [args]].
Available options are:
  -e stat  execute string 'stat'
  -l name  require library 'name'
  -i       enter interactive mode after executing 'script'
  -v       show version information
  --       stop handling options
  -        execute stdin and stop handling options
`;

function badOptionLine(p: string, bad: string | null): string {
  if (bad === null) return '';
  return bad[1] === 'e' || bad[1] === 'l' ? `${p}: '${bad}' needs argument\n` : `${p}: unrecognized option '${bad}'\n`;
}

export const PROFILES: Record<Dialect, Profile> = {
  '5.4': {
    dialect: '5.4', version: 'Lua 5.4.4  Copyright (C) 1994-2022 Lua.org, PUC-Rio', versionOnStderr: false,
    initVars: ['LUA_INIT_5_4', 'LUA_INIT'], letters: 'eilvEW', namedLibrary: true, dashValues: false,
    usage: (p, bad) => badOptionLine(p, bad) + USAGE54(p),
  },
  '5.3': {
    dialect: '5.3', version: 'Lua 5.3.6  Copyright (C) 1994-2020 Lua.org, PUC-Rio', versionOnStderr: false,
    initVars: ['LUA_INIT_5_3', 'LUA_INIT'], letters: 'eilvE', namedLibrary: false, dashValues: false,
    usage: (p, bad) => badOptionLine(p, bad) + USAGE53(p),
  },
  '5.1': {
    dialect: '5.1', version: 'Lua 5.1.5  Copyright (C) 1994-2012 Lua.org, PUC-Rio', versionOnStderr: true,
    initVars: ['LUA_INIT'], letters: 'eilv', namedLibrary: false, dashValues: true,
    usage: (p) => USAGE51(p),
  },
};

// ------------------------------------------------------- command line

const HAS_ERROR = 1, HAS_I = 2, HAS_V = 4, HAS_E = 8, HAS_BIG_E = 16;

export interface ParsedArgs {
  /** Bit set of HAS_* flags. */
  flags: number;
  /** Index of the script in argv (0: none). On an error, the index of the bad option. */
  script: number;
}

/**
 * lua.c's collectargs over argv (argv[0] is the program). Stops at the first
 * argument that is not an option (the script), after `--`, or at `-`.
 */
export function collectArgs(argv: readonly string[], letters: string, dashValues = false): ParsedArgs {
  let flags = 0;
  let i: number;
  for (i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    const script = i;
    if (a[0] !== '-') return { flags, script };
    const opt = a[1] ?? '';
    if (opt !== '' && opt !== '-' && !letters.includes(opt)) return { flags: HAS_ERROR, script };
    switch (opt) {
      case '-':
        if (a.length > 2) return { flags: HAS_ERROR, script };
        return { flags, script: i + 1 < argv.length ? i + 1 : 0 };
      case '':
        return { flags, script };
      case 'E':
        if (a.length > 2) return { flags: HAS_ERROR, script };
        flags |= HAS_BIG_E;
        break;
      case 'W':
        if (a.length > 2) return { flags: HAS_ERROR, script };
        break;
      case 'i':
      case 'v':
        if (a.length > 2) return { flags: HAS_ERROR, script };
        flags |= opt === 'i' ? HAS_I | HAS_V : HAS_V;
        break;
      case 'e':
      case 'l':
        if (opt === 'e') flags |= HAS_E;
        if (a.length === 2) {
          i++;
          if (i >= argv.length || (argv[i]![0] === '-' && !dashValues)) return { flags: HAS_ERROR, script };
        }
        break;
      default:
        return { flags: HAS_ERROR, script };
    }
  }
  return { flags, script: 0 };
}

/** The `arg` table: argv[script] at 0, the interpreter and its options below, the script's arguments above. */
export function createArgTable(argv: readonly string[], script: number): LuaTable {
  const t = new LuaTable();
  for (let i = 0; i < argv.length; i++) t.set(i - script, argv[i]!);
  return t;
}

// ------------------------------------------------------------ the interpreter

/** Command-line text (UTF-8 decoded by Node) as the byte string Lua sees. */
function toBytes(s: string): string {
  return Buffer.from(s, 'utf8').toString('latin1');
}

/**
 * The last `argv.length` command-line arguments as the bytes the process
 * was given. Node decodes them as UTF-8, replacing invalid bytes with
 * U+FFFD; on Linux the original bytes are in /proc/self/cmdline (used when
 * they decode to exactly what Node has).
 */
function argumentBytes(argv: readonly string[]): string[] {
  const decoded = argv.map(toBytes);
  if (!argv.some((a) => a.includes('\uFFFD'))) return decoded;
  let raw: string[];
  try {
    raw = readFileSync('/proc/self/cmdline', 'latin1').split('\0');
  } catch {
    return decoded;
  }
  if (raw[raw.length - 1] === '') raw.pop();
  const tail = raw.slice(raw.length - argv.length);
  if (tail.length !== argv.length) return decoded;
  for (let i = 0; i < argv.length; i++) {
    if (Buffer.from(tail[i]!, 'latin1').toString('utf8') !== argv[i]) return decoded;
  }
  return tail;
}

/** A failed status with a null message reports nothing (lua5.1: a nil error value). */
type Status = { ok: true; values: LuaValue[] } | { ok: false; message: string | null };

/** One run of the interpreter: a Lua state plus lua.c's reporting. */
export class Interpreter {
  readonly L: LuaState;
  readonly host: Host;
  /** Name shown before messages; null in interactive mode (as lua.c does). */
  progname: string | null;

  constructor(readonly profile: Profile, progname: string, host: Host = nodeHost(), noEnv = false, extraLibs: readonly OptionalLibrary[] = []) {
    this.host = host;
    this.progname = progname;
    this.L = new LuaState({ host, dialect: profile.dialect });
    // -E: package.path and cpath must ignore LUA_PATH/LUA_CPATH, which openLibs reads.
    if (noEnv) this.L.registry.setStr('LUA_NOENV', true);
    openLibs(this.L, extraLibs);
    // The interpreter is this one state's process: its engine stays the running one.
    enter(this.L.engine);
  }

  /** l_message: `prog: msg` on stderr. */
  message(msg: string): void {
    // lua's print flushes stdout (lua_writeline), so what it printed comes first.
    this.host.stdout.flush();
    this.host.stderr.write(this.progname !== null ? `${this.progname}: ${msg}\n` : `${msg}\n`);
  }

  /** report: print the message of a failed status. */
  report(status: Status): boolean {
    // (lua5.1 reports nothing for a nil error value: `message` null.)
    if (!status.ok && status.message !== null) this.message(status.message);
    return status.ok;
  }

  /**
   * docall: call `fn` with lua.c's message handler, which turns the error
   * into a message plus the traceback of the stack where it was raised.
   * `extra` are levels between the called code and lua.c (e.g. `require`).
   */
  docall(fn: LuaValue, args: LuaValue[], extra: TraceLevel[] = []): Status {
    // lua.c's message handler sees the whole stack where an error is raised.
    const protection = this.L.engine.protection;
    const whole = protection.whole;
    protection.whole = true;
    try {
      return { ok: true, values: this.L.run(() => ops.mv(ops.call(fn, ...args))) };
    } catch (e) {
      return { ok: false, message: this.handleError(e, extra) };
    } finally {
      protection.whole = whole;
    }
  }

  /** lua.c's msghandler, applied after the fact to a caught error `e`. */
  handleError(e: unknown, extra: TraceLevel[] = [], nesting = 0): string | null {
    if (e instanceof LuaSyntaxError) return e.message;
    const v = errorValue(e);
    // lua.c of 5.1: a value that is not a string (or number) is kept as it is
    // by its traceback function, and report() prints nothing for nil and
    // "(error object is not a string)" for the rest, __tostring or not.
    if (this.profile.dialect === '5.1' && typeof v !== 'string' && typeof v !== 'number' && !(v instanceof LuaFloat)) {
      return v === undefined ? null : '(error object is not a string)';
    }
    if (e instanceof LuaError && e.bypassesHandler && typeof v === 'string') return v;
    let msg: string;
    if (typeof v === 'string') msg = v;
    else if (typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat) msg = N.tostringNumber(v);
    else {
      const mm = ops.metafield(v, '__tostring');
      if (mm !== undefined) {
        try {
          const r = this.L.run(() => ops.first(ops.call(mm, v)));
          if (typeof r === 'string') return r;
        } catch (e2) {
          // An error in the handler: the handler runs again on the new error,
          // with the original error's stack below it.
          if (nesting < 8) {
            const below = [HOST_ENTRY, ...this.levelsOf(e), ...extra];
            return this.handleError(e2, below, nesting + 1);
          }
        }
      }
      if (this.profile.dialect === '5.1') return '(error object is not a string)';
      msg = `(error object is a ${luaType(v)} value)`;
    }
    return formatTraceback(this.L, msg, [...this.levelsOf(e), ...extra, HOST_ENTRY]);
  }

  private levelsOf(e: unknown): TraceLevel[] {
    const hidden = (e as ErrorWithLevels | null)?.extraLevels ?? [];
    return [...hidden, ...(errorLevels(e) ?? [])];
  }

  /** Compile a chunk; a syntax error becomes a failed status. */
  load(source: string, chunkName: string): { ok: true; fn: LuaValue } | { ok: false; message: string } {
    try {
      return { ok: true, fn: this.L.compile(source, chunkName) };
    } catch (e) {
      if (e instanceof LuaSyntaxError) return { ok: false, message: e.message };
      return { ok: false, message: String(errorValue(e)) };
    }
  }

  /** luaL_loadfile: `filename` null is stdin. */
  loadFile(filename: string | null): { ok: true; fn: LuaValue } | { ok: false; message: string } {
    let bytes: string;
    if (filename === null) {
      try {
        bytes = this.host.readStdin();
      } catch (e) {
        return { ok: false, message: `cannot read stdin: ${(e as Error).message}` };
      }
    } else {
      const r = readWholeFile(fileSystemOf(this.host), filename);
      if (!r.ok) return { ok: false, message: r.error };
      bytes = r.data;
    }
    const { source, first } = skipPrefix(bytes, this.profile.dialect);
    const shown = filename ?? 'stdin';
    if (first === 0x1b && (filename !== null || this.profile.dialect !== '5.1')) {
      return { ok: false, message: `${shown}: bad binary format (precompiled chunks are not supported)` };
    }
    return this.load(source, filename === null ? '=stdin' : `@${filename}`);
  }

  dochunk(loaded: { ok: true; fn: LuaValue } | { ok: false; message: string }, args: LuaValue[] = []): boolean {
    if (!loaded.ok) return this.report({ ok: false, message: loaded.message });
    return this.report(this.docall(loaded.fn, args));
  }

  dostring(s: string, name: string): boolean {
    return this.dochunk(this.load(s, name));
  }

  dofile(filename: string | null): boolean {
    return this.dochunk(this.loadFile(filename));
  }

  /** `-l mod` / `-l g=mod`: g = require(mod). */
  dolibrary(spec: string): boolean {
    let globname = spec;
    let modname = spec;
    const eq = this.profile.namedLibrary ? spec.indexOf('=') : -1;
    if (eq >= 0) {
      globname = spec.slice(0, eq);
      modname = spec.slice(eq + 1);
    }
    const req = this.L.globals.getStr('require');
    let status: Status;
    if (req !== undefined) {
      status = this.docall(req, [modname]);
    } else {
      // No package library yet: our own small require, shown as lua's C function.
      status = this.docall(() => miniRequire(this.L, modname), [], [cLevel("function 'require'")]);
    }
    if (status.ok) this.L.globals.set(globname, status.values[0]);
    return this.report(status);
  }

  /** handle_luainit. */
  handleInit(): boolean {
    for (const name of this.profile.initVars) {
      const bytes = this.host.getenv(name);
      if (bytes === undefined) continue;
      if (bytes.startsWith('@')) return this.dofile(bytes.slice(1));
      return this.dostring(bytes, `=${name}`);
    }
    return true;
  }

  /** runargs: the -e, -l and -W options, in order, up to the script. */
  runArgs(argv: readonly string[], limit: number): boolean {
    for (let i = 1; i < limit; i++) {
      const a = argv[i]!;
      const opt = a[1];
      if (opt === 'e' || opt === 'l') {
        let extra = a.slice(2);
        if (extra === '') extra = argv[++i]!;
        const ok = opt === 'e' ? this.dostring(extra, '=(command line)') : this.dolibrary(extra);
        if (!ok) return false;
      } else if (opt === 'W') {
        this.L.warnings = true;
      }
    }
    return true;
  }

  /** handle_script: run argv[script] (stdin for "-") with the script arguments. */
  handleScript(argv: readonly string[], script: number): boolean {
    let fname: string | null = argv[script]!;
    if (fname === '-' && argv[script - 1] !== '--') fname = null;
    // lua.c 5.1 creates `arg` here (getargs), after LUA_INIT and the -e options.
    if (this.profile.dialect === '5.1') this.L.globals.setStr('arg', createArgTable(argv, script));
    const loaded = this.loadFile(fname);
    if (!loaded.ok) return this.report(loaded);
    // pushargs: the script's arguments are the current arg[1..#arg].
    const arg = this.L.globals.getStr('arg');
    if (!(arg instanceof LuaTable)) {
      this.message("'arg' is not a table");
      return false;
    }
    const n = Number(ops.len(arg));
    const args: LuaValue[] = [];
    for (let i = 1; i <= n; i++) args.push(arg.getInt(i));
    return this.dochunk(loaded, args);
  }

  /** lua_gc(L, LUA_GCGEN). */
  setGenerationalGC(): void {
    collectorOf(this.L).mode = 'generational';
  }

  printVersion(): void {
    (this.profile.versionOnStderr ? this.host.stderr : this.host.stdout).write(this.profile.version + '\n');
  }
}

// ----------------------------------------------------------------- main

/**
 * Depth of the JS stacks V8 records with every error, so that tracebacks can
 * show the stack where an uncaught error was raised (lua.c's msghandler runs
 * before unwinding). Direct-mode code keeps at most about D.limit Lua frames
 * on the JS stack, so this covers nearly all of it. The price is paid by
 * every error, caught or not: creating an error costs time proportional to
 * the stack depth up to this limit.
 */
const STACK_LIMIT = 200;


/**
 * Runs the interpreter; returns the exit status, or null in interactive
 * mode, where the REPL goes on after this returns and ends the process itself.
 */
export function main(argv: string[], options: { limits?: Limits } = {}): number | null {
  const progname = programName('regolith');
  // Our own options come before lua's ones: --lua=X picks the dialect, --lib=NAME adds a library.
  let profile = PROFILES[DEFAULT_DIALECT];
  const extraLibs: OptionalLibrary[] = [];
  let k = 0;
  for (; k < argv.length; k++) {
    const d = parseDialectOption(argv[k]!) ?? parseLibOption(argv[k]!);
    if (d === undefined) break;
    if (typeof d === 'object') {
      process.stderr.write(`${progname}: ${d.error}\n`);
      return 1;
    }
    if (d === 'bit') {
      if (!extraLibs.includes(d)) extraLibs.push(d);
    } else profile = PROFILES[d];
  }
  const args = [process.argv[1] ?? progname, ...argumentBytes(argv).slice(k)];
  if (Error.stackTraceLimit < STACK_LIMIT) Error.stackTraceLimit = STACK_LIMIT;

  const host = nodeHost();
  const parsed = collectArgs(args, profile.letters, profile.dashValues);
  // lua.c 5.1 runs LUA_INIT before it looks at the options (below).
  const initFirst = profile.dialect === '5.1';
  const usage = () => host.stderr.write(profile.usage(progname, args[parsed.script] ?? null));
  if (parsed.flags & HAS_ERROR && !initFirst) {
    usage();
    return 1;
  }
  const { flags, script } = parsed;
  const it = new Interpreter(profile, progname, host, (flags & HAS_BIG_E) !== 0, extraLibs);
  const L = it.L;
  // Limits for the whole process (scripts/bench-limited.ts measures their cost; not a lua option).
  if (options.limits !== undefined) {
    L.engine.B.enabled = true;
    L.engine.B.resume(new RunBudget(options.limits));
  }
  // lua.c closes the state (running pending finalizers) however pmain ended.
  // Everything below runs inside lua.c's lua_pcall of pmain: one C level
  // (so the C-stack limit is reached at the same depth as with lua5.4).
  L.engine.C.n++;
  const close = (status: number): number => {
    L.engine.C.n--;
    closeState(L);
    return status;
  };
  if (initFirst) {
    // 5.1: LUA_INIT, then the usage error or the version; `arg` is set only
    // for a script, when it is about to run (handleScript).
    if (!it.handleInit()) return close(1);
    if (flags & HAS_ERROR) {
      usage();
      return close(1);
    }
    if (flags & HAS_V) it.printVersion();
  } else {
    if (flags & HAS_V) it.printVersion();
    L.globals.setStr('arg', createArgTable(args, script));
    // lua.c 5.4 runs the collector in generational mode.
    if (profile.dialect === '5.4') it.setGenerationalGC();
    if (!(flags & HAS_BIG_E) && !it.handleInit()) return close(1);
  }
  if (!it.runArgs(args, script > 0 ? script : args.length)) return close(1);
  if (script > 0 && !it.handleScript(args, script)) return close(1);
  if (flags & HAS_I) {
    runRepl(it);
    return null;
  }
  if (script === 0 && !(flags & (HAS_E | HAS_V))) {
    if (isatty(0)) {
      it.printVersion();
      runRepl(it);
      return null;
    }
    // lua.c ignores this status: an error here still exits with 0.
    it.dofile(null);
  }
  return close(0);
}
