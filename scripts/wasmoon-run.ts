// `node dist/scripts/wasmoon-run.js FILE ARGS...`: runs one Lua file under
// wasmoon (C Lua 5.4 compiled to WebAssembly, an npm devDependency) the way
// lua.c runs `lua5.4 FILE ARGS...`, for `npm run bench`'s wasmoon column.
//
// - `arg` is lua.c's table (arg[0] the script, arg[1..] the arguments,
//   arg[-1] the interpreter) and the arguments are the chunk's `...`.
// - The files under the working directory are copied into wasmoon's virtual
//   file system at the same absolute paths, and the virtual working directory
//   is set to it, so `require` (package.path's "./?.lua") and io.open find
//   them as they would on disk.
// - stdin (when it is not a terminal) is read whole and served from a virtual
//   file on descriptor 0; io.read and io.lines see its exact bytes.
// - stdout: Emscripten's default stdout decodes bytes as UTF-8 and writes
//   whole lines through console.log (a line flushed without its newline gets
//   one added). So descriptor 1 is reopened on a virtual file instead, and its
//   bytes are copied to the real stdout when the program ends (also on
//   os.exit). Output therefore arrives at the end, byte for byte; a killed
//   process loses it, which a benchmark does not mind.
// - An error prints "wasmoon: MESSAGE" and a traceback on stderr and exits
//   with status 1, as lua.c does.
import { readFileSync, readdirSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { join } from 'node:path';
import { LuaFactory } from 'wasmoon';

/** The virtual directory holding the stdin and stdout files. */
const IO_DIR = '/.wasmoon-run';

type LuaWasm = Awaited<ReturnType<LuaFactory['getLuaModule']>>;
type EmFS = LuaWasm['module']['FS'];
/** Emscripten's open-file table: not in @types/emscripten, but a public field of this build's FS (unminified). */
type StreamTable = (ReturnType<EmFS['open']> | null)[];

function usage(): never {
  console.error('usage: node dist/scripts/wasmoon-run.js FILE [ARGS...]');
  process.exit(2);
}

/** Every regular file under `dir` (recursively), absolute paths. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/**
 * Points descriptor `fd` at a virtual file, as dup2 would: Emscripten's FS
 * gives a new stream the lowest free descriptor, so closing `fd` first makes
 * the open land on it.
 */
function reopen(FS: EmFS, fd: number, path: string, flags: string): void {
  const old = (FS as unknown as { streams: StreamTable }).streams[fd];
  if (old) FS.close(old);
  const s = FS.open(path, flags) as { fd?: number };
  if (s.fd !== fd) throw new Error(`wasmoon-run: reopening descriptor ${fd} gave ${String(s.fd)}`);
}

/** A Lua string literal with the exact bytes of `s` (UTF-8), ASCII only. */
function luaString(s: string): string {
  let out = '"';
  for (const b of Buffer.from(s, 'utf8')) {
    out += b >= 0x20 && b < 0x7f && b !== 0x22 && b !== 0x5c ? String.fromCharCode(b) : `\\${String(b).padStart(3, '0')}`;
  }
  return out + '"';
}

/**
 * The chunk that plays lua.c: builds `arg`, loads the script (chunk name
 * "@FILE", as lua.c's), calls it with the arguments under a traceback handler
 * and returns the exit status.
 */
function driver(script: string, args: readonly string[]): string {
  const argList = [luaString(script), ...args.map(luaString)];
  return `
arg = { [-1] = "wasmoon", [0] = ${argList.join(', ')} }
local function report(msg)
  io.stdout:flush()
  io.stderr:write("wasmoon: ", msg, "\\n")
  io.stderr:flush()
  return 1
end
local main, err = loadfile(arg[0])
if not main then return report(err) end
local ok, msg = xpcall(main, function (m)
  if type(m) ~= "string" then m = "(error object is a " .. type(m) .. " value)" end
  return debug.traceback(m, 2)
end, table.unpack(arg, 1, ${args.length}))
if not ok then return report(msg) end
io.stdout:flush()
return 0
`;
}

/** Copies what the program wrote to the virtual stdout to the real one. */
function flushStdout(FS: EmFS): void {
  const bytes = FS.readFile(`${IO_DIR}/stdout`);
  try {
    for (let off = 0; off < bytes.length;) off += writeSync(1, bytes, off, bytes.length - off);
  } catch (e) {
    // A reader that went away (`| head`) is not an error of the program.
    if ((e as NodeJS.ErrnoException).code !== 'EPIPE') throw e;
  }
}

/** The status of os.exit, which Emscripten throws as a plain object named ExitStatus (not an Error); null for anything else. */
function exitStatus(e: unknown): number | null {
  if (typeof e !== 'object' || e === null) return null;
  const x = e as { name?: unknown; status?: unknown };
  return x.name === 'ExitStatus' && typeof x.status === 'number' ? x.status : null;
}

async function main(): Promise<void> {
  const [script, ...args] = process.argv.slice(2);
  if (script === undefined) usage();
  const stdin = isatty(0) ? Buffer.alloc(0) : readFileSync(0);
  const factory = new LuaFactory();
  const wasm = await factory.getLuaModule();
  const FS = wasm.module.FS;
  const cwd = process.cwd();
  for (const f of filesUnder(cwd)) factory.mountFileSync(wasm, f, readFileSync(f));
  FS.mkdir(IO_DIR);
  FS.writeFile(`${IO_DIR}/stdin`, stdin);
  FS.writeFile(`${IO_DIR}/stdout`, new Uint8Array(0));
  reopen(FS, 0, `${IO_DIR}/stdin`, 'r');
  reopen(FS, 1, `${IO_DIR}/stdout`, 'w');
  FS.chdir(cwd);
  // Flushed at process exit, so that output also comes out when something
  // ends the process early.
  process.on('exit', () => flushStdout(FS));
  const lua = await factory.createEngine();
  try {
    const status: unknown = lua.doStringSync(driver(script, args));
    process.exitCode = typeof status === 'number' ? status : 1;
  } catch (e) {
    const exit = exitStatus(e);
    if (exit === null) throw e;
    process.exitCode = exit;
  }
}

main().catch((e: unknown) => {
  console.error('wasmoon-run:', e instanceof Error ? e.stack ?? e.message : e);
  process.exitCode = 1;
});
