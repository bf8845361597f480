// The file systems of src/host (host.fs): every program here runs under
// lua5.4 in a temporary directory holding real files and under Regolith with
// (1) an in-memory file system holding the same files and (2) the real file
// system rooted at a copy of that directory; output and the files left
// behind must be identical. Then: the 'none' file system against lua5.4 on
// missing files, escapes from a rooted file system, and the `modules` option.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { spawnSync } from 'node:child_process';
import {
  existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Lua, LuaError, MemoryFileSystem, memoryFileSystem, type FileSystem, type FileSystemOption } from '../src/index.js';
import { nodeFileSystem } from '../src/host/node-fs.js';
import { missingReference, referenceBinary } from './support/reference.js';

const lua54 = referenceBinary('lua', '5.4');
const skip = lua54 === null ? missingReference('lua', '5.4') : false;

type Files = Record<string, string>;

/** Prints its arguments with files shown as their io.type (addresses differ between interpreters). */
const PRELUDE = 'local function show(...) local t = table.pack(...) for i = 1, t.n do if io.type(t[i]) then t[i] = io.type(t[i]) end end print(table.unpack(t, 1, t.n)) end\n';

function tempDir(tag: string): string {
  return mkdtempSync(join(tmpdir(), `regolith-fs-${tag}-`));
}

/** Real files from a Files object (a key ending in '/' is a directory). */
function materialise(dir: string, files: Files): void {
  for (const [path, contents] of Object.entries(files)) {
    const p = join(dir, path);
    if (path.endsWith('/')) mkdirSync(p, { recursive: true });
    else {
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, contents, 'latin1');
    }
  }
}

/** Every file under `dir`: '/relative/path' → contents. */
function tree(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = lstatSync(p);
    if (st.isSymbolicLink()) out[`${prefix}/${name}`] = `-> ${readlinkSync(p)}`;
    else if (st.isDirectory()) Object.assign(out, tree(p, `${prefix}/${name}`));
    else out[`${prefix}/${name}`] = readFileSync(p, 'latin1');
  }
  return out;
}

function memTree(fs: MemoryFileSystem): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of fs.list()) out[p] = Buffer.from(fs.readFile(p)!).toString('latin1');
  return out;
}

const ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^LUA_(INIT|PATH|CPATH)/.test(k)));

function reference(code: string, cwd: string): string {
  const r = spawnSync(lua54!, ['-'], { input: Buffer.from(code, 'latin1'), cwd, env: ENV });
  assert.equal(r.stderr.toString(), '', 'lua5.4 wrote to stderr');
  return r.stdout.toString('latin1');
}

function regolith(code: string, fs: FileSystemOption): string {
  const out: Buffer[] = [];
  const lua = new Lua({ fs, stdout: (b) => out.push(Buffer.from(b)), stderr: (b) => out.push(Buffer.from(b)) });
  try {
    lua.doString(Buffer.from(code, 'latin1'), { chunkName: '=stdin' });
  } catch (e) {
    out.push(Buffer.from(`uncaught: ${String(e)}\n`));
  } finally {
    lua.close();
  }
  return Buffer.concat(out).toString('latin1');
}

/**
 * lua5.4 on real files vs Regolith on the in-memory file system and on the
 * rooted Node file system: same output, same files afterwards.
 */
function differential(name: string, files: Files, body: string, options: { rooted?: boolean } = {}): void {
  test(name, { skip }, () => {
    const code = PRELUDE + body;
    const refDir = tempDir('ref');
    const rootDir = tempDir('root');
    try {
      materialise(refDir, files);
      const expected = reference(code, refDir);
      const mem = memoryFileSystem(files);
      assert.equal(regolith(code, mem), expected, 'in-memory file system: output');
      assert.deepEqual(memTree(mem), tree(refDir), 'in-memory file system: files left');
      if (options.rooted !== false) {
        materialise(rootDir, files);
        assert.equal(regolith(code, nodeFileSystem({ root: rootDir })), expected, 'rooted file system: output');
        assert.deepEqual(tree(rootDir), tree(refDir), 'rooted file system: files left');
      }
    } finally {
      rmSync(refDir, { recursive: true, force: true });
      rmSync(rootDir, { recursive: true, force: true });
    }
  });
}

describe('differential: in-memory and rooted file systems vs lua5.4 on a disk', () => {
  differential('io.open modes, reads and writes through them', { 'a.txt': 'line one\nline two\n', 'd/': '' }, `
show(io.open("a.txt"))
local f = io.open("a.txt", "r+") f:write("XY") f:seek("set", 0) show(f:read("a")) f:close()
f = io.open("a.txt", "a") f:write("app\\n") show(f:seek()) f:close()
f = io.open("a.txt", "a+") show(f:read("a")) f:write("more") f:seek("set") show(f:read("l")) f:close()
f = io.open("new.txt", "w+") f:write("hello\\nworld\\n", 42, " ", 1.5, "\\n") f:seek("set", 0) show(f:read("l", "l", "n", "n")) f:close()
f = io.open("trunc.txt", "w") f:write("longer text") f:close()
f = io.open("trunc.txt", "w") show(f:read("a")) f:write("short") f:close()
show(io.open("trunc.txt", "rb"):read("a"))
show(io.open("nofile.txt"))
show(io.open("nofile.txt", "r+"))
show(io.open(""))
show(io.open("nodir/x", "w"))
show(io.open("a.txt/x"))
show(io.open("a.txt/x", "w"))
show(io.open("a.txt/"))
for _, m in ipairs({ "w", "a", "r+", "w+", "a+" }) do show(m, io.open("d", m)) end
local d = io.open("d") show(d:read("a")) show(d:read("l")) show(d:read(1)) d:close()
show(pcall(io.open, "a.txt", "rw"))
`);

  differential('lines, read formats and seek', { 'lines.txt': 'alpha\nbeta\n\ngamma', 'nums.txt': '1 2.5 0x10 -3e2 junk' }, `
for l in io.lines("lines.txt") do show(l) end
for a, b in io.lines("lines.txt", 1, "L") do show(a, b) end
for n in io.lines("nums.txt", "n") do show(n) end
local f = io.open("lines.txt")
show(f:seek("end")) show(f:seek("set", 2)) show(f:read(3)) show(f:seek("cur", -1)) show(f:read("L"))
show(f:seek("set", 100)) show(f:read(1)) show(f:read(0)) show(f:read("a")) show(f:seek("cur", -200))
f:close()
show(pcall(f.read, f))
show(pcall(io.lines, "nofile"))
for l in io.lines("lines.txt", "L") do io.write("[", l, "]") end print()
f = io.open("lines.txt") for a in f:lines(2) do io.write(a, "|") end print() show(f:read("a")) f:close()
`);

  differential('writing: gaps, io.output and io.input by name, appends, a removed open file', { 'd/': '' }, `
local f = io.open("w.bin", "wb") f:write("abc") f:seek("set", 6) f:write("z") f:close()
show(#io.open("w.bin", "rb"):read("a"), io.open("w.bin", "rb"):read("a") == "abc\\0\\0\\0z")
io.output("o.txt") io.write("via io.output\\n") io.close() io.output(io.stdout)
io.input("o.txt") show(io.read("L")) io.input():close() io.input(io.stdin)
show(pcall(io.input, "nofile"))
show(pcall(io.output, "d"))
local ok, it = pcall(io.lines, "d") show(ok, pcall(it))
for i = 1, 3 do f = io.open("ap.txt", "a") f:write(i) f:close() end
show(io.open("ap.txt"):read("a"))
f = io.open("k.txt", "w+") f:write("still here") f:flush() show(os.remove("k.txt")) f:seek("set") show(f:read("a")) f:close()
show(io.open("k.txt"))
f = io.open("big.txt", "w") for i = 1, 2000 do f:write(i, "\\n") end f:close()
local n = 0 for _ in io.lines("big.txt") do n = n + 1 end show(n)
`);

  differential('os.remove and os.rename', { 'a.txt': 'A', 'full/x.txt': 'X', 'empty/': '', 'other/': '' }, `
show(os.remove("nofile"))
show(os.remove("full/nofile"))
show(os.remove("a.txt/x"))
show(os.remove("full"))
show(os.remove("empty"))
show(io.open("empty/x", "w"))
show(os.rename("nofile", "x"))
show(os.rename("a.txt", "b.txt")) show(io.open("a.txt")) show(io.open("b.txt"):read("a"))
show(os.rename("b.txt", "full"))
show(os.rename("full", "b.txt"))
show(os.rename("full", "full/sub"))
show(os.rename("b.txt", "nodir/b.txt"))
show(os.rename("b.txt", "b.txt"))
show(os.rename("full", "moved")) show(io.open("moved/x.txt"):read("a")) show(io.open("full/x.txt"))
show(os.rename("moved", "other")) show(io.open("other/x.txt"):read("a"))
io.open("c.txt", "w"):close()
show(os.rename("b.txt", "c.txt")) show(io.open("c.txt"):read("a"))
`);

  differential('dofile, loadfile and require through package.path', {
    'm.lua': 'return 1, ...',
    'bad.lua': 'x =',
    'err.lua': 'error("boom")',
    'shebang.lua': '#!/usr/bin/lua\nreturn "after shebang"',
    'pkg/init.lua': 'return "pkg init"',
    'lib/deep/mod.lua': 'return { name = "deep.mod", arg = ... }',
    'd/': '',
  }, `
show(dofile("m.lua"))
show(loadfile("m.lua")("x"))
show(loadfile("nofile.lua"))
show(loadfile("d"))
show(loadfile("bad.lua"))
show(pcall(dofile, "nofile.lua"))
show(pcall(dofile, "bad.lua"))
show(pcall(dofile, "err.lua"))
show(pcall(dofile, "d"))
show(dofile("shebang.lua"))
package.path = "./?.lua;./?/init.lua;lib/?.lua"
show(require("m"))
show(require("pkg"))
local mod, file = require("deep.mod") show(mod.name, mod.arg, file)
show(pcall(require, "bad"))
show(pcall(require, "d"))
show(select(2, pcall(require, "nomod")))
show(package.searchpath("deep.mod", package.path))
show(package.searchpath("x", "a/?.lua;b/?.lua"))
show(package.searchpath("d", "./?"))
package.path = "/?.lua"
show(require("m"))
`);

  differential('os.tmpname and io.tmpfile', {}, `
local n = os.tmpname()
show(type(n), n:match("^/tmp/lua_%w%w%w%w%w%w$") ~= nil)
local f = io.open(n) show(f, f:read("a")) f:close()
f = io.open(n, "w") f:write("tmp") f:close() show(io.open(n):read("a"))
show(os.remove(n))
local t = io.tmpfile() t:write("anonymous") t:seek("set") show(t:read("a")) t:close()
`, { rooted: false });
});

describe("the 'none' file system fails every operation as lua5.4 does for a missing file", () => {
  const body = `
for _, m in ipairs({ "r", "w", "a", "r+", "w+", "a+", "rb", "wb" }) do show(m, io.open("nodir/x", m)) end
show(pcall(io.lines, "nodir/x"))
show(pcall(io.input, "nodir/x"))
show(pcall(io.output, "nodir/x"))
show(os.remove("nodir/x"))
show(os.rename("nodir/x", "nodir/y"))
show(pcall(dofile, "nodir/x.lua"))
show(loadfile("nodir/x.lua"))
package.path = "nodir/?.lua;nodir/?/init.lua"
package.cpath = "nodir/?.so"
show(pcall(require, "mod"))
show(package.searchpath("mod", package.path))
`;
  test('io.open in every mode, io.lines/input/output, os.remove/rename, dofile, loadfile, require', { skip }, () => {
    const dir = tempDir('none');
    try {
      assert.equal(regolith(PRELUDE + body, 'none'), reference(PRELUDE + body, dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  test('os.tmpname raises lua\'s message; io.tmpfile fails with errno 2', () => {
    assert.equal(regolith(PRELUDE + 'show(pcall(os.tmpname)) show(io.tmpfile())', 'none'),
      'false\tunable to generate a unique filename\nnil\tNo such file or directory\t2\n');
  });
  test('standard input and output still work', () => {
    const out: Buffer[] = [];
    const lua = new Lua({ fs: 'none', stdin: 'in\n', stdout: (b) => out.push(Buffer.from(b)) });
    lua.doString('io.write(io.read("l"), "\\n") io.stdout:write("x\\n")');
    lua.close();
    assert.equal(Buffer.concat(out).toString(), 'in\nx\n');
  });
});

describe('a rooted file system: nothing outside the root can be reached', () => {
  /** A root with links of every kind, next to files and a directory outside it. */
  function setup(): { base: string; root: string; outside: string; run: (code: string) => string; outsideUnchanged: () => void } {
    const base = tempDir('rooted');
    const root = join(base, 'root');
    const outside = join(base, 'outside');
    materialise(root, { 'a.txt': 'inside', 'sub/b.txt': 'inside b' });
    materialise(outside, { 'secret.txt': 'SECRET', 'secret.lua': 'return "SECRET"' });
    writeFileSync(join(base, 'outside.txt'), 'SECRET', 'latin1');
    symlinkSync('/etc', join(root, 'etc_link'));
    symlinkSync(outside, join(root, 'abs_dir_link'));
    symlinkSync('../outside', join(root, 'rel_dir_link'));
    symlinkSync('../outside.txt', join(root, 'rel_file_link'));
    symlinkSync(join(outside, 'secret.txt'), join(root, 'abs_file_link'));
    symlinkSync('sub/b.txt', join(root, 'inside_link'));
    symlinkSync('sub', join(root, 'inside_dir_link'));
    symlinkSync('loop2', join(root, 'loop1'));
    symlinkSync('loop1', join(root, 'loop2'));
    const before = tree(base);
    const fs = nodeFileSystem({ root });
    return {
      base, root, outside,
      run: (code) => regolith(PRELUDE + code, fs),
      outsideUnchanged: () => {
        const now = tree(base);
        for (const [p, c] of Object.entries(before)) if (!p.startsWith('/root/')) assert.equal(now[p], c, `${p} changed`);
        for (const p of Object.keys(now)) if (!p.startsWith('/root/')) assert.ok(p in before, `${p} was created outside the root`);
      },
    };
  }

  test('".." stops at the root; absolute paths are taken from the root', () => {
    const s = setup();
    try {
      assert.equal(s.run(`
show(io.open("../outside.txt"))
show(io.open("sub/../../outside.txt"))
show(io.open("../../../../../../etc/passwd"))
show(io.open("/etc/passwd"))
show(io.open("/a.txt"):read("a"))
show(io.open("/../a.txt"):read("a"))
show(io.open("sub/../a.txt"):read("a"))
show(io.open(${JSON.stringify(join(s.outside, 'secret.txt'))}))
show(loadfile("../outside/secret.lua"))
package.path = "../outside/?.lua;${s.outside}/?.lua"
show(pcall(require, "secret"))
`), [
        'nil\t../outside.txt: No such file or directory\t2',
        'nil\tsub/../../outside.txt: No such file or directory\t2',
        'nil\t../../../../../../etc/passwd: No such file or directory\t2',
        'nil\t/etc/passwd: No such file or directory\t2',
        'inside', 'inside', 'inside',
        `nil\t${join(s.outside, 'secret.txt')}: No such file or directory\t2`,
        'nil\tcannot open ../outside/secret.lua: No such file or directory',
        `false\tmodule 'secret' not found:\n\tno field package.preload['secret']\n\tno file '../outside/secret.lua'\n\tno file '${s.outside}/secret.lua'` +
          "\n\tno file '/usr/local/lib/lua/5.4/secret.so'\n\tno file '/usr/lib/x86_64-linux-gnu/lua/5.4/secret.so'\n\tno file '/usr/lib/lua/5.4/secret.so'\n\tno file '/usr/local/lib/lua/5.4/loadall.so'\n\tno file './secret.so'",
        '',
      ].join('\n'));
      s.outsideUnchanged();
    } finally {
      rmSync(s.base, { recursive: true, force: true });
    }
  });

  test('symbolic links pointing out (files, directories, absolute, relative) lead nowhere; links inside work', () => {
    const s = setup();
    try {
      assert.equal(s.run(`
show(io.open("etc_link/passwd"))
show(io.open("abs_dir_link/secret.txt"))
show(io.open("rel_dir_link/secret.txt"))
show(io.open("rel_file_link"))
show(io.open("abs_file_link"))
show(io.open("inside_link"):read("a"))
show(io.open("inside_dir_link/b.txt"):read("a"))
show(io.open("inside_dir_link/../a.txt"):read("a"))
show(io.open("loop1"))
show(pcall(dofile, "abs_dir_link/secret.lua"))
`), [
        'nil\tetc_link/passwd: No such file or directory\t2',
        'nil\tabs_dir_link/secret.txt: No such file or directory\t2',
        'nil\trel_dir_link/secret.txt: No such file or directory\t2',
        'nil\trel_file_link: No such file or directory\t2',
        'nil\tabs_file_link: No such file or directory\t2',
        'inside b', 'inside b', 'inside',
        'nil\tloop1: Too many levels of symbolic links\t40',
        'false\tcannot open abs_dir_link/secret.lua: No such file or directory',
        '',
      ].join('\n'));
      s.outsideUnchanged();
    } finally {
      rmSync(s.base, { recursive: true, force: true });
    }
  });

  test('writing through a link that points out creates the file inside the root, or fails', () => {
    const s = setup();
    try {
      // rel_file_link -> ../outside.txt is /outside.txt inside the root (as in a chroot).
      assert.equal(s.run(`
local f = io.open("rel_file_link", "w") f:write("written") f:close()
show(io.open("/outside.txt"):read("a"))
show(io.open("abs_file_link", "w"))
show(io.open("rel_dir_link/new.txt", "w"))
show(io.open("abs_dir_link/secret.txt", "a"))
`), [
        'written',
        `nil\tabs_file_link: No such file or directory\t2`,
        'nil\trel_dir_link/new.txt: No such file or directory\t2',
        'nil\tabs_dir_link/secret.txt: No such file or directory\t2',
        '',
      ].join('\n'));
      assert.equal(readFileSync(join(s.root, 'outside.txt'), 'latin1'), 'written');
      s.outsideUnchanged();
    } finally {
      rmSync(s.base, { recursive: true, force: true });
    }
  });

  test('os.remove and os.rename cannot reach outside; they act on links themselves', () => {
    const s = setup();
    try {
      assert.equal(s.run(`
show(os.remove("../outside.txt"))
show(os.remove("rel_dir_link/secret.txt"))
show(os.remove("abs_dir_link/secret.txt"))
show(os.rename("../outside.txt", "got.txt"))
show(os.rename("rel_dir_link/secret.txt", "got.txt"))
show(os.rename("a.txt", "../moved.txt"))
show(io.open("/moved.txt"):read("a"))
show(os.rename("sub/b.txt", "rel_dir_link/b.txt"))
show(os.remove("abs_file_link"))
show(os.remove("rel_dir_link"))
show(os.rename("rel_file_link", "sub/link"))
show(io.open("sub/link"))
`), [
        'nil\t../outside.txt: No such file or directory\t2',
        'nil\trel_dir_link/secret.txt: No such file or directory\t2',
        'nil\tabs_dir_link/secret.txt: No such file or directory\t2',
        'nil\tNo such file or directory\t2',
        'nil\tNo such file or directory\t2',
        'true',
        'inside',
        'nil\tNo such file or directory\t2',
        'true',
        'true',
        'true',
        'nil\tsub/link: No such file or directory\t2',
        '',
      ].join('\n'));
      assert.ok(existsSync(join(s.root, 'moved.txt')));
      assert.ok(!existsSync(join(s.root, 'abs_file_link')));
      s.outsideUnchanged();
    } finally {
      rmSync(s.base, { recursive: true, force: true });
    }
  });

  test('a link created after the state was made, between two runs, is resolved afresh', () => {
    const s = setup();
    try {
      const fs = nodeFileSystem({ root: s.root });
      const lua = new Lua({ fs });
      assert.deepEqual(lua.doString('return io.open("later") == nil, (select(2, io.open("later")))'), [true, 'later: No such file or directory']);
      symlinkSync(join(s.base, 'outside.txt'), join(s.root, 'later'));
      symlinkSync(s.base, join(s.root, 'later_dir'));
      assert.deepEqual(lua.doString('return (select(2, io.open("later")))'), ['later: No such file or directory']);
      assert.deepEqual(lua.doString('return (select(2, io.open("later", "w")))'), ['later: No such file or directory']);
      assert.deepEqual(lua.doString('return (select(2, io.open("later_dir/outside.txt", "r+")))'), ['later_dir/outside.txt: No such file or directory']);
      lua.close();
      s.outsideUnchanged();
    } finally {
      rmSync(s.base, { recursive: true, force: true });
    }
  });

  test('os.tmpname makes its file inside the root (/tmp there when it exists, else the root)', () => {
    const s = setup();
    try {
      const [name] = new Lua({ fs: nodeFileSystem({ root: s.root }) }).doString('return os.tmpname()') as [string];
      assert.match(name, /^\/lua_\w{6}$/);
      assert.ok(existsSync(join(s.root, name)));
      mkdirSync(join(s.root, 'tmp'));
      const [name2] = new Lua({ fs: nodeFileSystem({ root: s.root }) }).doString('return os.tmpname()') as [string];
      assert.match(name2, /^\/tmp\/lua_\w{6}$/);
      assert.ok(existsSync(join(s.root, name2)));
      s.outsideUnchanged();
    } finally {
      rmSync(s.base, { recursive: true, force: true });
    }
  });

  test('a root that is not a directory is refused', () => {
    const dir = tempDir('notdir');
    try {
      writeFileSync(join(dir, 'f'), '');
      assert.throws(() => nodeFileSystem({ root: join(dir, 'f') }), /not a directory/);
      assert.throws(() => nodeFileSystem({ root: join(dir, 'missing') }), /ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the fs and modules options of new Lua()', () => {
  test('an object of files: text as UTF-8, bytes as they are; the embedder reads what Lua wrote', () => {
    const fs = memoryFileSystem({ 'text.txt': 'é', 'bin.dat': new Uint8Array([0xff, 0, 1]), 'sub/': '' });
    const lua = new Lua({ fs, strings: 'bytes' });
    const [a, b] = lua.doString('local t = io.open("text.txt"):read("a") local b = io.open("/bin.dat"):read("a") io.open("sub/../../o.txt", "w"):write(t, b):close() return #t, #b');
    assert.deepEqual([a, b], [2, 3]);
    assert.deepEqual(fs.readFile('o.txt'), new Uint8Array([0xc3, 0xa9, 0xff, 0, 1]));
    assert.deepEqual(fs.list(), ['/bin.dat', '/o.txt', '/text.txt']);
    fs.writeFile('later/x.lua', 'return 7');
    assert.deepEqual(lua.doString('return dofile("later/x.lua")'), [7]);
    lua.close();
  });

  test('lua.doFile and lua.loadFile read through the file system', () => {
    const lua = new Lua({ fs: { 'main.lua': '#!/bin/lua\nreturn ...' } });
    assert.deepEqual(lua.loadFile('main.lua').call(1, 2), [1, 2]);
    assert.throws(() => lua.doFile('nofile.lua'), (e: unknown) => e instanceof LuaError && e.message === 'cannot open nofile.lua: No such file or directory');
    lua.close();
  });

  test('a FileSystem object is used as it is; "none" has no files', () => {
    const calls: string[] = [];
    const mem = new MemoryFileSystem({ 'x.txt': 'x' });
    const spy: FileSystem = new Proxy(mem, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver) as unknown;
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => { calls.push(String(prop)); return (v as (...a: unknown[]) => unknown).apply(target, args); };
      },
    });
    const lua = new Lua({ fs: spy });
    assert.deepEqual(lua.doString('return io.open("x.txt"):read("a")'), ['x']);
    assert.deepEqual(calls.slice(0, 2), ['open', 'read']);
    lua.close();
    const none = new Lua({ fs: 'none' });
    assert.deepEqual(none.doString('return io.open("x.txt")'), [undefined, 'x.txt: No such file or directory', 2]);
    assert.throws(() => none.doFile('x.lua'), /cannot open x\.lua: No such file or directory/);
    none.close();
    assert.throws(() => new Lua({ fs: { 'a': 1 as unknown as string } }), TypeError);
    assert.throws(() => new Lua({ fs: { 'a/b': 'x', 'a': 'y' } }), TypeError);
  });

  test('modules: Lua sources and JS loaders, found before the files, after package.preload', () => {
    const lua = new Lua({
      fs: { 'greet.lua': 'return "from the file"', 'plain.lua': 'return "plain file"' },
      modules: {
        greet: 'local name = ... return { hi = function(n) return "hi " .. n .. " from " .. name end }',
        answer: (l, name) => ({ value: 42, name, isLua: l instanceof Lua }),
        broken: 'return +',
        failing: () => { throw new Error('loader failed'); },
      },
    });
    assert.deepEqual(lua.doString('return require("greet").hi("x")'), ['hi x from greet']);
    assert.deepEqual(lua.doString('local a, data = require("answer") return a.value, a.name, a.isLua, data, package.loaded.answer == a'), [42, 'answer', true, ':modules:', true]);
    assert.deepEqual(lua.doString('return require("plain")'), ['plain file', './plain.lua']);
    assert.deepEqual(lua.doString('package.preload.greet = function() return "preloaded" end package.loaded.greet = nil return require("greet")'), ['preloaded', ':preload:']);
    assert.deepEqual(lua.doString('return pcall(require, "broken")'), [false, "error loading module 'broken' from modules:\n\tbroken:1: unexpected symbol near '+'"]);
    assert.deepEqual(lua.doString('local ok, e = pcall(require, "failing") return ok, e:match("loader failed") ~= nil'), [false, true]);
    // An unknown name leaves require's message as lua5.4's (the searcher adds no line).
    const plain = new Lua({ fs: 'none' });
    const msg = (l: Lua) => l.doString('package.path = "./?.lua" return select(2, pcall(require, "nomod"))')[0];
    assert.equal(msg(lua), msg(plain));
    assert.deepEqual(lua.doString('return #package.searchers'), [5]);
    lua.close();
    plain.close();
  });
});
