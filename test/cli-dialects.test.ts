// bin/regolith --lua=5.3 / --lua=5.1 against the reference lua5.3 / lua5.1:
// the version line and the REPL banner, which environment variables each
// version reads (LUA_INIT_5_3, LUA_PATH_5_3, ...; 5.1 has no versioned
// names), the default package.path/cpath/config and the ';;' expansion, and
// lua.c 5.1's order (LUA_INIT before the options are checked, `arg` only for
// a script). Outputs avoid printing numbers, so that they test the command
// line and not number formatting.
import { describe, test } from 'node:test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProcess, type ProcResult } from '../scripts/lib/proc.js';
import { assertSameAsReference, compareOutputs, referenceSkip, type RunOutput } from './support/differential.js';
import { referenceBinary, repoRoot } from './support/reference.js';
import type { Dialect } from '../src/syntax/ast.js';

const bin = join(repoRoot, 'bin', 'regolith');

const dir = mkdtempSync(join(tmpdir(), 'rgcli-dialects-'));
const files: Record<string, string> = {
  'init.lua': 'print("from init file", type(arg))\n',
  'script.lua': 'print("script", type(arg), ...)\n',
  'lib53/m.lua': 'return "m from lib53"\n',
  'lib/m.lua': 'return "m from lib"\n',
};
for (const [name, text] of Object.entries(files)) {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text, 'latin1');
}
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('LUA_')) delete env[k];
  return { ...env, ...extra };
}

function asOutput(lua: string, command: string[], r: ProcResult): RunOutput {
  // The interpreter's own path (arg[-n]) and the usage line name it; compareOutputs handles `prog: `.
  const stdout = r.stdout.split(lua).join('<interp>').split(bin).join('<interp>');
  const stderr = r.stderr.replace(/^usage: (?:\S*\/)?(?:lua5\.\d|regolith) /gm, 'usage: <lua> ');
  return { command, stdout, stderr, status: r.status, signal: r.signal, timedOut: r.timedOut, ms: r.ms };
}

interface CliOptions { stdin?: string; env?: Record<string, string> }

/** Runs `luaX args` and `regolith --lua=X args` in the test folder and compares stdout, stderr and the status. */
async function same(d: Dialect, args: string[], o: CliOptions = {}): Promise<void> {
  const lua = referenceBinary('lua', d)!;
  const po = { cwd: dir, env: baseEnv(o.env ?? {}), timeoutMs: 30_000, stdin: o.stdin ?? '' };
  const [ref, reg] = await Promise.all([
    runProcess(lua, args, po),
    runProcess(process.execPath, [bin, `--lua=${d}`, ...args], po),
  ]);
  const cmp = compareOutputs(asOutput(lua, [lua, ...args], ref), asOutput(lua, [bin, `--lua=${d}`, ...args], reg), { scriptPaths: [], keepTraceback: true });
  assertSameAsReference(cmp);
}

function cliTest(d: Dialect, name: string, args: string[], o: CliOptions = {}): void {
  test(`${d}: ${name}`, { skip: referenceSkip(d) }, () => same(d, args, o));
}

const showPaths = ['-e', 'io.write(package.path, "\\n", package.cpath, "\\n", package.config, "|\\n")'];

describe('regolith --lua=5.3 and --lua=5.1 vs lua5.3 and lua5.1: version and banner', () => {
  for (const d of ['5.3', '5.1'] as const) {
    cliTest(d, '-v', ['-v']);
    cliTest(d, '-v with -e', ['-v', '-e', 'print("after")']);
    cliTest(d, 'the REPL banner (-i over a pipe)', ['-i'], { stdin: 'print("in repl")\n' });
  }
});

describe('regolith --lua=5.3 and --lua=5.1 vs lua5.3 and lua5.1: package.path and cpath', () => {
  for (const d of ['5.3', '5.1'] as const) {
    cliTest(d, 'defaults of package.path, package.cpath and package.config', showPaths);
    cliTest(d, 'LUA_PATH and LUA_CPATH', showPaths, { env: { LUA_PATH: 'a/?.lua', LUA_CPATH: 'c/?.so' } });
    cliTest(d, 'every ";;" is the default path', showPaths, { env: { LUA_PATH: 'a;;b;;c', LUA_CPATH: ';;' } });
    cliTest(d, '";;" at either end', showPaths, { env: { LUA_PATH: 'x;;', LUA_CPATH: ';;y' } });
    cliTest(d, 'versioned variables: only 5.3 reads LUA_PATH_5_3 (and an empty one wins)', showPaths, {
      env: { LUA_PATH: 'p', LUA_PATH_5_3: '', LUA_PATH_5_4: 'p54', LUA_PATH_5_1: 'p51', LUA_CPATH: 'c', LUA_CPATH_5_3: 'c53;;', LUA_CPATH_5_4: 'c54' },
    });
    cliTest(d, 'require through LUA_PATH_5_3 / LUA_PATH', ['-e', 'print((require("m")))'], {
      env: { LUA_PATH: 'lib/?.lua', LUA_PATH_5_3: 'lib53/?.lua' },
    });
  }
  cliTest('5.3', '-E ignores LUA_PATH_5_3 and LUA_CPATH_5_3', ['-E', ...showPaths], { env: { LUA_PATH_5_3: 'x;;', LUA_CPATH_5_3: 'y' } });
});

describe('regolith --lua=5.3 and --lua=5.1 vs lua5.3 and lua5.1: LUA_INIT', () => {
  const all = { LUA_INIT: 'print("init")', LUA_INIT_5_1: 'print("init51")', LUA_INIT_5_3: 'print("init53")', LUA_INIT_5_4: 'print("init54")' };
  for (const d of ['5.3', '5.1'] as const) {
    cliTest(d, 'LUA_INIT', ['-e', 'print("e")'], { env: { LUA_INIT: 'print("init")' } });
    cliTest(d, 'which LUA_INIT_* is read', ['-e', 'print("e")'], { env: all });
    cliTest(d, 'LUA_INIT=@file', ['script.lua', 'x'], { env: { LUA_INIT: '@init.lua' } });
    cliTest(d, 'error in LUA_INIT', ['-e', 'print("e")'], { env: { LUA_INIT: 'error("bad init")' } });
  }
  cliTest('5.3', 'LUA_INIT_5_3=@file wins over LUA_INIT', ['-e', 'print("e")'], { env: { LUA_INIT: 'error("not me")', LUA_INIT_5_3: '@init.lua' } });
  cliTest('5.3', '-E ignores LUA_INIT_5_3', ['-E', '-e', 'print("e")'], { env: { LUA_INIT_5_3: 'print("init53")' } });
  // lua.c 5.1 runs LUA_INIT first, then checks the options; `arg` exists only once a script runs.
  cliTest('5.1', '`arg` is nil in LUA_INIT and -e, set for the script', ['-e', 'print("e", arg)', 'script.lua', 'a', 'b'], { env: { LUA_INIT: 'print("init", arg)' } });
  cliTest('5.1', 'LUA_INIT runs before a bad option is reported', ['-x'], { env: { LUA_INIT: 'io.stderr:write("init\\n")' } });
  cliTest('5.1', 'a failing LUA_INIT hides the bad option', ['-x'], { env: { LUA_INIT: 'error("bad init")' } });
  cliTest('5.1', 'LUA_INIT runs before -v', ['-v'], { env: { LUA_INIT: 'io.stderr:write("init\\n")' } });
  cliTest('5.1', "-e's value may start with '-'", ['-e', '-x']);
});
