// regolithc: the Regolith counterpart of `luac`. With -p it checks syntax
// exactly like `luac5.4 -p` (same messages, same exit status); with -l it
// prints the JavaScript generated for each chunk (-l -l adds a summary of
// the function prototypes).
//
// Option handling follows luac.c's doargs() closely, including its quirks
// (no file names with -p or -l means "luac.out"; `-` is stdin; the first
// error stops everything).
import { readFileSync, writeFileSync } from 'node:fs';
import type { Chunk, Dialect } from '../syntax/ast.js';
import { parse, LuaSyntaxError } from '../syntax/index.js';
import { compile, variantsListing } from '../compiler/codegen.js';
import { DEFAULT_DIALECT, DIALECTS, loadChunkFile, parseDialectOption, strerror, toByteString } from './args.js';

const PROGNAME = 'regolithc';
const DEFAULT_INPUT = 'luac.out';

// ---------------------------------------------------------------------------
// THE place where the compiler is wired in: return the JavaScript generated
// for a parsed chunk (null would mean "no compiler available", reported as
// such by -l). Nothing else in this file depends on the compiler.
export function compileToJavaScript(chunk: Chunk, options: { chunkName: string; dialect: Dialect; full: boolean }): string | null {
  const compiled = compile(chunk);
  let out = `// ${options.chunkName} (Lua ${options.dialect}): ${compiled.protos.length} function${compiled.protos.length === 1 ? '' : 's'}\n`;
  if (options.full) {
    for (const p of compiled.protos) {
      out += `// proto ${p.index}: ${p.what === 'main' ? 'main' : 'function'} <${p.lineDefined},${p.lastLineDefined}>` +
        ` ${p.numParams}${p.isVararg ? '+' : ''} params, upvalues: ${p.upvalueNames.join(', ') || '-'}\n`;
    }
  }
  // The variants' script is compiled from the same tree (the code generator leaves it as it is).
  return `${out}${compiled.code}\n${variantsListing(chunk)}`;
}
// ---------------------------------------------------------------------------

/** Output channels; both take byte strings. */
export interface Io {
  stdout(s: string): void;
  stderr(s: string): void;
}

// Messages are byte strings (Lua's representation): written out as latin1,
// every code unit becomes one byte, as luac prints them.
const processIo: Io = {
  stdout: (s) => { process.stdout.write(Buffer.from(s, 'latin1')); },
  stderr: (s) => { process.stderr.write(Buffer.from(s, 'latin1')); },
};

class Exit extends Error {
  constructor(readonly code: number) { super(`exit ${code}`); }
}

function usageText(): string {
  return `usage: ${PROGNAME} [options] [filenames]\n` +
    'Available options are:\n' +
    '  -l       list: print the JavaScript generated for each chunk (-l -l: with prototypes)\n' +
    `  -o name  write the -l listing to file 'name' (default is standard output)\n` +
    '  -p       parse only\n' +
    '  -s       strip debug information (accepted; no effect)\n' +
    '  -v       show version information\n' +
    `  --lua=V  Lua dialect: ${DIALECTS.join(', ')} (default is ${DEFAULT_DIALECT})\n` +
    '  --       stop handling options\n' +
    '  -        stop handling options and process stdin\n';
}

export function versionLine(dialect: Dialect = DEFAULT_DIALECT): string {
  let version = '?';
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string };
    version = pkg.version ?? '?';
  } catch { /* not in a checkout */ }
  return `Regolith ${version} (Lua ${dialect} dialect), a Lua to JavaScript compiler`;
}

interface Options {
  listing: number;
  parseOnly: boolean;
  output: string | null;
  dialect: Dialect;
  files: string[];
}

/** Runs regolithc with the given arguments (without the program name); returns the exit status. */
export function main(argv: readonly string[], io: Io = processIo): number {
  try {
    run(argv, io);
    return 0;
  } catch (e) {
    if (e instanceof Exit) return e.code;
    throw e;
  }
}

function usage(io: Io, message: string): never {
  if (message.startsWith('-')) io.stderr(`${PROGNAME}: unrecognized option '${message}'\n`);
  else io.stderr(`${PROGNAME}: ${message}\n`);
  io.stderr(usageText());
  throw new Exit(1);
}

function fatal(io: Io, message: string): never {
  io.stderr(`${PROGNAME}: ${message}\n`);
  throw new Exit(1);
}

function doargs(argv: readonly string[], io: Io): Options {
  const o: Options = { listing: 0, parseOnly: false, output: null, dialect: DEFAULT_DIALECT, files: [] };
  let version = 0;
  let informational = 0; // options that do not stop a lone `-v` from exiting
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('-')) break;              // end of options; keep it
    else if (a === '--') {                      // end of options; skip it
      ++i;
      if (version) ++version;
      break;
    } else if (a === '-') break;                // end of options; use stdin
    else if (a === '-l') ++o.listing;
    else if (a === '-o') {
      const out = argv[++i];
      if (out === undefined || out === '' || (out.startsWith('-') && out !== '-')) usage(io, "'-o' needs argument");
      o.output = out === '-' ? null : out;
    } else if (a === '-p') o.parseOnly = true;
    else if (a === '-s') { /* no debug information to strip */ }
    else if (a === '-v') ++version;
    else {
      const d = parseDialectOption(a);
      if (d === undefined) usage(io, toByteString(a));
      if (typeof d === 'object') usage(io, d.error);
      o.dialect = d;
      ++informational;
    }
  }
  o.files = argv.slice(i);
  if (o.files.length === 0 && (o.listing || o.parseOnly)) o.files = [DEFAULT_INPUT];
  if (version) {
    io.stdout(versionLine(o.dialect) + '\n');
    if (version + informational === argv.length) throw new Exit(0);
  }
  return o;
}

function run(argv: readonly string[], io: Io): void {
  const o = doargs(argv, io);
  if (o.files.length === 0) usage(io, 'no input files given');
  const chunks: { chunk: Chunk; chunkName: string }[] = [];
  for (const f of o.files) {
    const loaded = loadChunkFile(f === '-' ? null : f, o.dialect);
    if (!loaded.ok) fatal(io, loaded.message);
    let chunk: Chunk;
    try {
      chunk = parse(loaded.source, { chunkName: loaded.chunkName, dialect: o.dialect });
    } catch (e) {
      if (e instanceof LuaSyntaxError) fatal(io, e.message);
      const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
      fatal(io, `internal error while parsing ${toByteString(f)}: ${toByteString(detail)}`);
    }
    chunks.push({ chunk, chunkName: loaded.chunkName });
  }
  if (!o.listing) return;
  let listing = '';
  for (const { chunk, chunkName } of chunks) {
    let js: string | null;
    try {
      js = compileToJavaScript(chunk, { chunkName, dialect: o.dialect, full: o.listing > 1 });
    } catch (e) {
      if (e instanceof LuaSyntaxError) fatal(io, e.message);
      fatal(io, `internal error while compiling ${chunkName.slice(1)}: ${toByteString(e instanceof Error ? (e.stack ?? e.message) : String(e))}`);
    }
    if (js === null) fatal(io, '-l: the Lua-to-JavaScript compiler is not available yet (only -p works for now)');
    listing += js.endsWith('\n') ? js : js + '\n';
  }
  if (o.output === null) io.stdout(toByteString(listing)); // JS text out as UTF-8
  else {
    try { writeFileSync(o.output, listing); } catch (e) { fatal(io, `cannot open ${toByteString(o.output)}: ${strerror(e)}`); }
  }
}
