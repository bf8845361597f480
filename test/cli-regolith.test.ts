// bin/regolith against the reference lua5.4 (lua.c): options, the arg table,
// stdin scripts, LUA_INIT, -l, -W, error messages with their tracebacks, exit
// statuses, os.exit, the REPL over a pipe; plus unit tests of the pieces
// (option parsing, traceback formatting, REPL line handling).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { runProcess, type ProcResult } from '../scripts/lib/proc.js';
import {
  assertSameAsReference, compareOutputs, referenceSkip, runDifferential, type RunOutput,
} from './support/differential.js';
import { referenceBinary, repoRoot } from './support/reference.js';
import { collectArgs, createArgTable, PROFILES, Interpreter } from '../src/cli/regolith.js';
import { INTERRUPT, loadLine, type LineSource, type ReadResult } from '../src/cli/repl.js';
import { formatTraceback, levelsFromFrames, HOST_ENTRY, type TraceLevel } from '../src/runtime/traceback.js';
import { memoryHost } from '../src/host/host.js';
import type { Frame, ChunkInfo } from '../src/runtime/errors.js';

const skip = referenceSkip('5.4');
const lua = referenceBinary('lua', '5.4') ?? 'lua5.4';
const bin = join(repoRoot, 'bin', 'regolith');

// A directory with modules and scripts the tests use.
const dir = mkdtempSync(join(tmpdir(), 'rgcli-'));
const files: Record<string, string> = {
  'args.lua': 'print(...)\nlocal s = "" for i = -4, 4 do s = s .. tostring(arg[i]) .. " " end print(s)\n',
  'mymod.lua': 'print("loading mymod", ...) return {v = 42}\n',
  'sub/init.lua': 'print("sub init", ...) return "S"\n',
  'nilmod.lua': 'print("nilmod") return nil\n',
  'a-b.lua': 'return 7\n',
  'badmod.lua': 'error("modfail")\n',
  'synmod.lua': 'x = = 1\n',
  'init.lua': 'print("from init file", arg ~= nil)\n',
  'syntax.lua': 'local x = \n',
  'shebang.lua': '#!/usr/bin/env lua\nprint("shebang ok") error("line 2")\n',
  'nested.lua': [
    'local function f(x)',
    '  local y = x + nil',
    'end',
    'local t = {}',
    'function t.g() f() end',
    'function t:m() t.g() return 1 end',
    'function glob() t:m() return 1 end',
    'glob()',
  ].join('\n') + '\n',
  'deep.lua': 'local function rec(n) if n == 0 then error("deep") end rec(n - 1) end\nrec(30)\n',
  'fromC.lua': 'table.sort({3, 2, 1}, function(a, b) error("cmp") end)\n',
  'meta.lua': 'local t = setmetatable({}, {__index = function(t, k) error("idx " .. k) end})\nlocal x = t.foo\n',
  'big.lua': 'for i = 1, 200000 do print(i) end\nerror("not reached")\n',
  'exit.lua': 'print("before") os.exit(tonumber(arg[1]) or arg[1] == "true")\n',
};
for (const [name, text] of Object.entries(files)) {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text, 'latin1');
}
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

function baseEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('LUA_')) delete env[k];
  return { ...env, ...extra };
}

function asOutput(command: string[], r: ProcResult): RunOutput {
  // The interpreter's own path (arg[-n]) and the usage line name it.
  const stdout = r.stdout.split(lua).join('<interp>').split(bin).join('<interp>');
  const stderr = r.stderr.replace(/^usage: (?:\S*\/)?(?:lua5\.4|regolith) /gm, 'usage: <lua> ');
  return { command, stdout, stderr, status: r.status, signal: r.signal, timedOut: r.timedOut, ms: r.ms };
}

interface CliOptions {
  stdin?: string;
  env?: Record<string, string>;
  /** Drop lines of the reference's stderr matching this (things we do not have, like C modules). */
  dropReference?: RegExp;
}

/** Runs `lua5.4 args` and `regolith args` in `dir` and compares everything, tracebacks included. */
async function cli(args: string[], o: CliOptions = {}): Promise<void> {
  const po = { cwd: dir, env: baseEnv(o.env), timeoutMs: 30_000, stdin: o.stdin ?? '' };
  const [ref, reg] = await Promise.all([
    runProcess(lua, args, po),
    runProcess(process.execPath, [bin, ...args], po),
  ]);
  const refOut = asOutput([lua, ...args], ref);
  if (o.dropReference) refOut.stderr = refOut.stderr.split('\n').filter((l) => !o.dropReference!.test(l)).join('\n');
  const cmp = compareOutputs(refOut, asOutput([bin, ...args], reg), { scriptPaths: [], keepTraceback: true });
  assertSameAsReference(cmp);
}

function cliTest(name: string, args: string[], o: CliOptions = {}): void {
  test(name, { skip }, () => cli(args, o));
}

describe('regolith command line vs lua5.4', () => {
  cliTest('script with arguments: ... and the arg table', ['args.lua', 'x', 'y z']);
  cliTest('-e before the script', ['-e', 'print(1)', 'args.lua', 'x']);
  cliTest('-e options run in order', ['-e', 'print(1)', '-e', 'print(2)', '-eprint(3)']);
  cliTest('arg table without a script', ['-e', 'print(arg[0], arg[-1], arg[1], arg[2], #arg)']);
  cliTest('arg table with --', ['-e', 'print(arg[0], #arg, arg[-1])', '--', 'args.lua', 'q']);
  cliTest('-- alone: no script', ['-e', 'print(arg[0], #arg)', '--']);
  cliTest('arg replaced by -e is what the script gets', ['-e', 'arg = {"p", "q"}', 'args.lua', 'x']);
  cliTest('arg not a table', ['-e', 'arg = nil', 'args.lua', 'x']);
  cliTest('arg with __len', ['-e', 'arg = setmetatable({}, {__len = function() return 2 end})', 'args.lua', 'x']);
  cliTest('a first line starting with # is skipped', ['shebang.lua']);
  cliTest('-v', ['-v']);
  cliTest('-v with a script', ['-v', 'args.lua']);
  for (const bad of [['-x'], ['-e'], ['-l'], ['--x'], ['-vx'], ['-e', '-v'], ['-Ex'], ['-Wx'], ['-ix'], ['-e', 'print(1)', '-y', 'args.lua']]) {
    cliTest(`usage error: ${bad.join(' ')}`, bad);
  }
  cliTest('unknown option after the script is a script argument', ['args.lua', '-x']);
});

describe('regolith: scripts from stdin', () => {
  const prog = 'print("stdin", ...)\n';
  cliTest('no arguments and stdin not a terminal: run stdin', [], { stdin: prog });
  cliTest('- runs stdin with arguments', ['-', 'a', 'b'], { stdin: prog });
  cliTest('-- alone runs stdin', ['--'], { stdin: prog });
  cliTest('-- - names a file called -', ['--', '-', 'z'], { stdin: prog });
  cliTest('-e: stdin is not run', ['-e', 'print(2)'], { stdin: prog });
  cliTest('-v: stdin is not run', ['-v'], { stdin: prog });
  cliTest('-E alone runs stdin', ['-E'], { stdin: prog });
  cliTest('error in stdin script', [], { stdin: 'local x = 1\nerror("from stdin")\n' });
  cliTest('syntax error in stdin script', ['-'], { stdin: 'x = = 2\n' });
});

describe('regolith: LUA_INIT, -E, -W', () => {
  cliTest('LUA_INIT runs first', ['-e', 'print(1)'], { env: { LUA_INIT: 'print("init", #arg)' } });
  cliTest('LUA_INIT_5_4 wins', ['-e', 'print(1)'], { env: { LUA_INIT: 'print("init")', LUA_INIT_5_4: 'print("init54")' } });
  cliTest('-E ignores LUA_PATH and LUA_CPATH', ['-E', '-e', 'print(package.path); print(package.cpath)'], { env: { LUA_PATH: 'xx;;', LUA_PATH_5_4: 'yy', LUA_CPATH: 'zz' } });
  cliTest('LUA_PATH_5_4 wins over LUA_PATH', ['-e', 'print(package.path); print(package.cpath)'], { env: { LUA_PATH: 'xx;;', LUA_PATH_5_4: 'yy;;', LUA_CPATH: 'zz' } });
  cliTest('-E ignores LUA_INIT', ['-E', '-e', 'print(1)'], { env: { LUA_INIT: 'print("init")' } });
  cliTest('error in LUA_INIT', ['-e', 'print(1)'], { env: { LUA_INIT: 'error("bad")' } });
  cliTest('syntax error in LUA_INIT', ['-e', 'print(1)'], { env: { LUA_INIT: 'x=' } });
  cliTest('LUA_INIT=@file', ['-e', 'print(1)'], { env: { LUA_INIT: '@init.lua' } });
  cliTest('LUA_INIT=@missing', ['-e', 'print(1)'], { env: { LUA_INIT: '@nonexistent.lua' } });
  cliTest('-W turns warnings on, in order with -e', ['-e', 'warn("before")', '-W', '-e', 'warn("a", "b")', '-e', 'warn("@off")', '-e', 'warn("x")']);
});

describe('regolith: -l', () => {
  const env = { LUA_PATH: './?.lua;./?/init.lua' };
  cliTest('-l mod', ['-l', 'mymod', '-e', 'print(mymod.v)'], { env });
  cliTest('-l g=mod', ['-l', 'm=mymod', '-e', 'print(m.v, mymod)'], { env });
  cliTest('-lmod', ['-lmymod', '-e', 'print(mymod.v)'], { env });
  cliTest('-l finds dir/init.lua', ['-l', 'sub', '-e', 'print(sub)'], { env });
  cliTest('-l module returning nil', ['-l', 'nilmod', '-e', 'print(nilmod)'], { env });
  cliTest('-l twice loads once', ['-l', 'mymod', '-l', 'mymod', '-e', 'print(mymod.v)'], { env });
  cliTest('-l name with a dash', ['-l', 'a-b', '-e', 'print(_G["a-b"])'], { env });
  cliTest('-l module raising an error', ['-l', 'badmod', '-e', 'print(1)'], { env });
  cliTest('-l module with a syntax error', ['-l', 'synmod', '-e', 'print(1)'], { env });
  cliTest('-l missing module', ['-l', 'nope', '-e', 'print(1)'], { env });
  cliTest('default path is ./?.lua;./?/init.lua', ['-l', 'mymod', '-e', 'print(mymod.v)']);
});

describe('regolith: errors and tracebacks', () => {
  cliTest('missing script', ['nonexistent.lua']);
  cliTest('script is a directory', ['sub']);
  cliTest('syntax error in script (no traceback)', ['syntax.lua']);
  cliTest('syntax error in -e', ['-e', 'x=']);
  cliTest('error stops later options', ['-e', 'error("e1")', '-e', 'print(2)']);
  for (const v of ['{}', '12', '1.5', '', 'nil', 'true', 'setmetatable({}, {__tostring = function() return "TS" end})',
    'setmetatable({}, {__tostring = function() return 1 end})', 'setmetatable({}, {__tostring = function() error("x") end})',
    'setmetatable({}, {__name = "My"})']) {
    cliTest(`error(${v})`, ['-e', `error(${v})`]);
  }
  cliTest('runtime error: local, upvalue, field, method, global names', ['nested.lua']);
  cliTest('long traceback: first 10, skipping, last 11', ['deep.lua']);
  cliTest('Lua function called from a library function', ['fromC.lua']);
  cliTest('metamethod', ['meta.lua']);
  cliTest('__call metamethod', ['-e', 'local t = setmetatable({}, {__call = function(self, a) error("called") end}); t(1)']);
  cliTest('__concat metamethod', ['-e', 'local t = setmetatable({}, {__concat = function(a, b) error("cc") end}); local x = t .. "a"']);
  cliTest('error through coroutine.wrap', ['-e', 'local co = coroutine.wrap(function() error("in co") end); co()']);
  cliTest('index error', ['-e', 'local t = {}; t.x.y = 1']);
  cliTest('error with level 2', ['-e', 'function foo() error("x", 2) end foo()']);
  cliTest('library argument error', ['-e', 'os.date("%Ez")']);
  cliTest('error in a -l module has the require level', ['-l', 'badmod'], { env: { LUA_PATH: './?.lua' } });
});

describe('regolith: exit statuses and os.exit', () => {
  for (const a of ['3', 'true', 'false', '']) cliTest(`os.exit(${a}) after output`, ['exit.lua', a]);
  for (const code of ['os.exit()', 'os.exit(2.0)', 'os.exit(2.5)', 'os.exit("3")', 'os.exit(256)', 'os.exit(-1)', 'os.exit({})', 'io = nil; print("x"); os.exit(2, true)']) {
    cliTest(code, ['-e', code]);
  }
  test('a broken pipe ends quietly with status 141', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" big.lua | head -1; exit \${PIPESTATUS[0]}`], { cwd: dir, encoding: 'latin1' });
    assert.equal(r.stdout, '1\n');
    assert.equal(r.stderr, '');
    assert.equal(r.status, 141);
  });
});

describe('regolith: os library', () => {
  for (const code of [
    'print(os.getenv("HOME"), os.getenv("REGOLITH_NOPE"))',
    'print(math.type(os.clock()), math.type(os.time()), os.difftime(3, 1))',
    'local t = {year = 2020, month = 14, day = 35, hour = -3, min = 70, sec = -5}; print(os.time(t)); print(t.year, t.month, t.day, t.hour, t.min, t.sec, t.yday, t.wday, t.isdst)',
    'print(os.time({year = 2000, month = 1}))',
    'print(os.time({year = 2000, month = 1, day = 1.5}))',
    'print(os.date("!%Y-%m-%d %H:%M:%S", 0), os.date("!%c", 1700000000))',
    'print(os.date("!%a %A %b %B %C %d %D %e %F %g %G %h %H %I %j %m %M %p %r %R %S %T %u %U %V %w %W %x %X %y %Y %z %%", 1700000000))',
    'for _, t in ipairs{0, 259200, 1609459200, 1609372800, 1230768000, 1262217600, 1104537600} do print(os.date("!%G %g %V %U %W %j %u %w", t)) end',
    'local t = os.date("!*t", 1700000000); print(t.year, t.month, t.day, t.hour, t.min, t.sec, t.yday, t.wday, t.isdst)',
    'print(os.date("%Qabc"))',
    'print(os.remove("/nonexistent/x")); print(os.rename("/nonexistent/x", "/nonexistent/y"))',
    'print(os.setlocale(), os.setlocale("C"), os.setlocale("xx_YY"))',
  ]) {
    cliTest(code, ['-e', code], { env: { TZ: 'UTC' } });
  }
});

describe('regolith: print and io.stdout buffering', () => {
  // lua5.4's print flushes every line; ours buffers unless io.stdout is set
  // unbuffered or line buffered. Both streams into one pipe show the order.
  for (const mode of ['no', 'line']) {
    test(`print after io.stdout:setvbuf("${mode}") interleaves with stderr as in lua5.4`, { skip }, () => {
      const code = `io.stdout:setvbuf("${mode}") print("a") io.stderr:write("b\\n") print("c") io.stderr:write("d\\n")`;
      const run = (cmd: string) => spawnSync('sh', ['-c', `${cmd} -e '${code}' 2>&1`], { encoding: 'latin1' }).stdout;
      const ours = run(`"${process.execPath}" "${bin}"`);
      assert.equal(ours, run(lua));
      assert.equal(ours, 'a\nb\nc\nd\n');
    });
  }
});

describe('regolith: interactive mode over a pipe', () => {
  cliTest('-i echoes prompts and lines, prints values, continues lines', ['-i'], {
    stdin: 'x = 1\nx\n=x+1\nfor i=1,2 do\nprint(i)\nend\ny = x + nil\nerror({})\nreturn 1,2\nprint(nil)\n=nil\n\nlocal a = \n',
  });
  // Lines are compiled as `return error("e");`, a tail call to a C function,
  // which keeps its caller in lua5.4.
  cliTest('error("e") at the prompt', ['-i'], { stdin: 'error("e")\n' });
  cliTest('-i after a script', ['-i', 'args.lua', 'q'], { stdin: 'print(select("#", ...))\n' });
  cliTest('_PROMPT and _PROMPT2', ['-i'], { stdin: '_PROMPT = "$ "\n_PROMPT2 = setmetatable({}, {__tostring = function() return "++" end})\nif x then\nend\n' });
  cliTest("error calling 'print'", ['-i'], { stdin: 'print = nil\n1\n' });
});

describe('regolith: interactive mode on a terminal', () => {
  const hasScript = spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' }).status === 0;
  test('prompts, continuation, Ctrl-C interrupts a loop, Ctrl-D exits', { skip: hasScript ? false : 'script(1) is not installed' }, async () => {
    const { spawn } = await import('node:child_process');
    // script(1) runs the command with $SHELL -c, fixed here to the plain sh
    // CI has. `exec`: dash does not exec the last command of `sh -c`, and
    // Ctrl-C goes to the whole foreground group, so a waiting sh would die of
    // SIGINT and script(1) would report its status (130), not the REPL's.
    const child = spawn('script', ['-qfec', `exec "${process.execPath}" "${bin}"`, '/dev/null'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, SHELL: '/bin/sh' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString('latin1'); });
    const clean = () => out.replace(/\r/g, '').replace(/\x1b\[[0-9]*[GJ]/g, '');
    // Waits on the cleaned transcript. Each line is typed only once the next
    // prompt is shown: typed-ahead text is echoed by the terminal itself.
    const waitFor = async (text: string, ms = 10_000) => {
      const end = Date.now() + ms;
      while (!clean().includes(text) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      assert.ok(clean().includes(text), `expected ${JSON.stringify(text)} in ${JSON.stringify(out)}`);
    };
    await waitFor('> ');
    child.stdin.write('1+1\r');
    await waitFor('2\n> ');
    child.stdin.write('for i = 1, 2 do\r');
    await waitFor('>> ');
    child.stdin.write('print(i * 10)\r');
    await waitFor('print(i * 10)\n>> ');
    child.stdin.write('end\r');
    await waitFor('10\n20\n> ');
    // The loop announces itself, so Ctrl-C is sent only once the chunk runs.
    child.stdin.write('print("looping") while true do end\r');
    await waitFor('looping\n');
    await new Promise((r) => setTimeout(r, 200));
    child.stdin.write('\x03');
    await waitFor('interrupted!\n> ');
    child.stdin.write('print("after")\r');
    await waitFor('after\n> ');
    child.stdin.write('\x04');
    const status = await new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    assert.equal(status, 0, `exit status ${status}; the terminal showed ${JSON.stringify(out)}`);
    assert.match(clean(), /^Lua 5\.4\.4 {2}Copyright[^\n]*\n> 1\+1\n2\n> for i = 1, 2 do\n>> print\(i \* 10\)\n>> end\n10\n20\n> print\("looping"\) while true do end\nlooping\n\^Cinterrupted!\n> print\("after"\)\nafter\n> \n$/);
  });
});

describe('regolith with a dialect', () => {
  for (const d of ['5.3', '5.1'] as const) {
    const ref = referenceBinary('lua', d);
    test(`--lua=${d} -v`, { skip: referenceSkip(d) }, async () => {
      const r = await runDifferential('print("x")', { dialect: d, regolithCommand: [process.execPath, bin, `--lua=${d}`, '-v'], referenceCommand: [ref ?? '', '-v'] });
      assertSameAsReference(r);
    });
  }
  test('--lua=5.4 script via runDifferential keeps tracebacks', { skip }, async () => {
    assertSameAsReference(await runDifferential('local function f() error("x") end\nf()\n', { keepTraceback: true }));
  });
});

// ------------------------------------------------------------- unit tests

describe('collectArgs (lua.c collectargs)', () => {
  const L = PROFILES['5.4'].letters;
  test('script position and flags', () => {
    assert.deepEqual(collectArgs(['lua', 'x.lua', '-e'], L), { flags: 0, script: 1 });
    assert.deepEqual(collectArgs(['lua', '-e', 'a', '-i', 'x.lua'], L), { flags: 2 | 4 | 8, script: 4 });
    assert.deepEqual(collectArgs(['lua', '-'], L), { flags: 0, script: 1 });
    assert.deepEqual(collectArgs(['lua', '--', '-'], L), { flags: 0, script: 2 });
    assert.deepEqual(collectArgs(['lua', '--'], L), { flags: 0, script: 0 });
    assert.deepEqual(collectArgs(['lua', '-E', '-W'], L), { flags: 16, script: 0 });
  });
  test('errors point at the bad option', () => {
    assert.deepEqual(collectArgs(['lua', '-v', '-q'], L), { flags: 1, script: 2 });
    assert.deepEqual(collectArgs(['lua', '-e'], L), { flags: 1, script: 1 });
    assert.deepEqual(collectArgs(['lua', '-l', '-v'], L), { flags: 1, script: 1 });
    assert.deepEqual(collectArgs(['lua', '-W'], PROFILES['5.3'].letters), { flags: 1, script: 1 });
  });
  test('arg table indices', () => {
    const t = createArgTable(['lua', '-e', 's', 'x.lua', 'a'], 3);
    assert.deepEqual([-3, -2, -1, 0, 1].map((i) => t.get(i)), ['lua', '-e', 's', 'x.lua', 'a']);
    assert.equal(t.get(2), undefined);
  });
});

describe('traceback formatting', () => {
  const L = new Interpreter(PROFILES['5.4'], 'regolith', memoryHost()).L;
  const chunk: ChunkInfo = { displayName: 'f.lua', lineMap: new Int32Array(0), callSiteOf: new Int32Array(0), callSites: [], protoLines: [[0, 0], [1, 3]] };
  const lv = (line: number): TraceLevel => ({ kind: 'lua', chunk, line, proto: 1, namewhat: 'local', name: 'f' });
  test('short stacks are shown whole', () => {
    assert.equal(formatTraceback(L, 'msg', [lv(2), { ...lv(5), proto: 0, namewhat: '', name: '' }, HOST_ENTRY]),
      "msg\nstack traceback:\n\tf.lua:2: in local 'f'\n\tf.lua:5: in main chunk\n\t[C]: in ?");
  });
  test('long stacks: first 10, skip message (one less than skipped, as lua5.4), last 11', () => {
    const levels = Array.from({ length: 30 }, (_, i) => lv(i + 1));
    const lines = formatTraceback(L, null, levels).split('\n');
    assert.equal(lines.length, 1 + 10 + 1 + 11);
    assert.equal(lines[11], '\t...\t(skipping 8 levels)');
    assert.equal(lines[12], "\tf.lua:20: in local 'f'");
  });
  test('22 levels are not cut', () => {
    assert.equal(formatTraceback(L, null, Array.from({ length: 22 }, (_, i) => lv(i + 1))).split('\n').length, 23);
  });
  test('5.1 style', () => {
    assert.equal(formatTraceback(L, null, [{ kind: 'C', fnName: null, namewhat: 'global', name: 'error' }, { ...lv(5), proto: 0, namewhat: '', name: '' }, HOST_ENTRY], '5.1'),
      "stack traceback:\n\t[C]: in function 'error'\n\tf.lua:5: in main chunk\n\t[C]: ?");
  });
  test('callers that made tail calls are dropped and marked', () => {
    const frame = (line: number, site?: { namewhat: 'local'; name: string; tail?: boolean }): Frame =>
      ({ kind: 'lua', chunk, line, fnName: '$f1', callSite: site as Frame['callSite'] });
    const levels = levelsFromFrames([
      frame(2),
      frame(3, { namewhat: 'local', name: 'f', tail: true }),
      frame(4, { namewhat: 'local', name: 'g', tail: true }),
      frame(9, { namewhat: 'local', name: 'h' }),
    ]);
    assert.equal(levels.length, 2);
    assert.equal(levels[0]!.tail, true);
    assert.equal(levels[0]!.namewhat, '');
    assert.match(formatTraceback(L, null, levels), /f\.lua:2: in function <f\.lua:1>\n\t\(\.\.\.tail calls\.\.\.\)\n\tf\.lua:9: in /);
  });
});

describe('REPL line handling (loadLine)', () => {
  function source(lines: string[]): LineSource & { prompts: string[] } {
    const prompts: string[] = [];
    return {
      prompts, interactive: false,
      read(p: string): Promise<ReadResult> { prompts.push(p); return Promise.resolve(lines.length ? lines.shift()! : null); },
      remember() {}, close() {},
    };
  }
  const it = new Interpreter(PROFILES['5.4'], 'regolith', memoryHost());
  test('expressions are tried with return first', async () => {
    const r = await loadLine(it, source(['1 + 1']));
    assert.equal(r.kind, 'chunk');
  });
  test('incomplete statements read more lines with >>', async () => {
    const src = source(['for i = 1, 2 do', 'x = i', 'end']);
    const r = await loadLine(it, src);
    assert.equal(r.kind, 'chunk');
    assert.deepEqual(src.prompts, ['> ', '>> ', '>> ']);
  });
  test('syntax errors not at <eof> are reported at once', async () => {
    const r = await loadLine(it, source(['x = = 1', 'never read']));
    assert.deepEqual(r, { kind: 'error', message: "stdin:1: unexpected symbol near '='" });
  });
  test('end of input and interrupts', async () => {
    assert.deepEqual(await loadLine(it, source([])), { kind: 'eof' });
    const src: LineSource = { interactive: true, read: () => Promise.resolve(INTERRUPT), remember() {}, close() {} };
    assert.deepEqual(await loadLine(it, src), { kind: 'interrupt' });
  });
});

// bin/regolith's first line hides NODE_EXTRA_CA_CERTS from its node (which
// would read the certificates before anything else) and the script puts it
// back: Lua code and child processes see the environment as it was.
test('NODE_EXTRA_CA_CERTS: node does not read it, Lua code and child processes see it', () => {
  const code = 'print(os.getenv("NODE_EXTRA_CA_CERTS"), os.getenv("REGOLITH_NODE_EXTRA_CA_CERTS")) ' +
    'io.stdout:flush() os.execute("printenv NODE_EXTRA_CA_CERTS; printenv REGOLITH_NODE_EXTRA_CA_CERTS")';
  const run = (value: string | undefined) => {
    const env = { ...process.env };
    if (value === undefined) delete env.NODE_EXTRA_CA_CERTS;
    else env.NODE_EXTRA_CA_CERTS = value;
    return spawnSync(bin, ['-e', code], { env, encoding: 'utf8' });
  };
  // A file that does not exist: node would warn that it could not load it.
  const missing = join(dir, 'no such dir', 'certs "$HOME".pem');
  const set = run(missing);
  assert.equal(set.stderr, '');
  assert.equal(set.stdout, `${missing}\tnil\n${missing}\n`);
  const unset = run(undefined);
  assert.equal(unset.stderr, '');
  assert.equal(unset.stdout, 'nil\tnil\n');
});
