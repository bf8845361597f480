// Small helpers shared by the command-line tools (regolithc, regolith):
// dialect options, OS error texts and loading a chunk from a file the way
// lauxlib's luaL_loadfilex does.
import { readFileSync } from 'node:fs';
import type { Dialect } from '../syntax/ast.js';

export const DIALECTS: readonly Dialect[] = ['5.1', '5.3', '5.4'];
export const DEFAULT_DIALECT: Dialect = '5.4';

export function isDialect(s: string): s is Dialect {
  return (DIALECTS as readonly string[]).includes(s);
}

/**
 * Recognises `--lua=5.1|5.3|5.4`. Returns the dialect, `undefined` when `arg`
 * is not a `--lua` option at all, or an error message for a bad value.
 */
export function parseDialectOption(arg: string): Dialect | { error: string } | undefined {
  if (arg !== '--lua' && !arg.startsWith('--lua=')) return undefined;
  const v = arg.slice('--lua='.length);
  if (arg === '--lua' || !isDialect(v)) {
    return { error: `'--lua' needs one of ${DIALECTS.join(', ')} (as in --lua=5.4)` };
  }
  return v;
}

/** Libraries no dialect opens by default that `--lib=NAME` can add. */
export const OPTIONAL_LIBRARIES = ['bit'] as const;
export type OptionalLibrary = (typeof OPTIONAL_LIBRARIES)[number];

/**
 * Recognises `--lib=bit` (ours: open an optional library, as a host
 * embedding Regolith may). Returns the library, `undefined` when `arg` is not
 * a `--lib` option, or an error message for a bad value.
 */
export function parseLibOption(arg: string): OptionalLibrary | { error: string } | undefined {
  if (arg !== '--lib' && !arg.startsWith('--lib=')) return undefined;
  const v = arg.slice('--lib='.length);
  if (arg === '--lib' || !(OPTIONAL_LIBRARIES as readonly string[]).includes(v)) {
    return { error: `'--lib' needs one of ${OPTIONAL_LIBRARIES.join(', ')} (as in --lib=bit)` };
  }
  return v as OptionalLibrary;
}

/** The program name as Lua's standalone tools show it (basename of argv[1]). */
export function programName(fallback: string): string {
  const p = process.argv[1];
  if (!p) return fallback;
  const base = p.replace(/\\/g, '/').split('/').pop() ?? fallback;
  return base.replace(/\.(c|m)?js$/, '') || fallback;
}

const STRERROR: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
  EMFILE: 'Too many open files',
  ENFILE: 'Too many open files in system',
  EIO: 'Input/output error',
  ENXIO: 'No such device or address',
  EAGAIN: 'Resource temporarily unavailable',
  ENOMEM: 'Cannot allocate memory',
  EINVAL: 'Invalid argument',
};

/** The C library's strerror() text for a Node.js system error. */
export function strerror(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && STRERROR[code]) return STRERROR[code];
  if (e instanceof Error) return e.message;
  return String(e);
}

/**
 * A JS string (e.g. a file name from argv, decoded from UTF-8) as a byte
 * string: one code unit per UTF-8 byte, the representation Lua strings and
 * messages use. Write byte strings out with Buffer.from(s, 'latin1').
 */
export function toByteString(s: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(s) ? s : Buffer.from(s, 'utf8').toString('latin1');
}

export type LoadedChunk =
  | { ok: true; source: string; chunkName: string }
  | { ok: false; message: string };

/**
 * Reads a chunk like luaL_loadfilex: `filename` null means stdin. The source
 * is a byte string (latin1). A first line starting with `#` is skipped (and
 * replaced by an empty line so line numbers stay right); 5.3 and 5.4 also
 * drop a UTF-8 byte-order mark. The chunk name and messages are byte
 * strings (see toByteString). Error messages match lauxlib's
 * (`cannot open f.lua: No such file or directory`, `cannot read stdin: ...`).
 */
export function loadChunkFile(filename: string | null, dialect: Dialect): LoadedChunk {
  const shown = filename === null ? 'stdin' : toByteString(filename);
  const chunkName = filename === null ? '=stdin' : `@${shown}`;
  let bytes: string;
  try {
    bytes = readFileSync(filename === null ? 0 : filename, 'latin1');
  } catch (e) {
    const code = (e as { code?: string }).code;
    // fopen() succeeds on a directory; the read then fails.
    const what = filename === null || code === 'EISDIR' ? 'read' : 'open';
    return { ok: false, message: `cannot ${what} ${shown}: ${strerror(e)}` };
  }
  const { source, first } = skipPrefix(bytes, dialect);
  // A stream whose first character (after the '#' line) is ESC is a
  // precompiled chunk; Lua 5.1 only checks this for real files.
  if (first === 0x1b && (filename !== null || dialect !== '5.1')) {
    return { ok: false, message: `${shown}: bad binary format (precompiled chunks are not supported)` };
  }
  return { ok: true, source, chunkName };
}

/**
 * What luaL_loadfilex hands to the parser for the raw file contents `bytes`:
 * BOM handling (per version) and the `#` first-line skip.
 */
export function skipPrefix(bytes: string, dialect: Dialect): { source: string; first: number } {
  let i = 0;
  if (dialect === '5.4') {
    // skipBOM reads up to three bytes; on a partial match the bytes read
    // after the first one are lost (as in lauxlib.c 5.4).
    if (bytes.charCodeAt(0) === 0xef) {
      if (bytes.charCodeAt(1) !== 0xbb) return { source: '\xef' + bytes.slice(2), first: 0xef };
      if (bytes.charCodeAt(2) !== 0xbf) return { source: '\xef' + bytes.slice(3), first: 0xef };
      i = 3;
    }
  } else if (dialect === '5.3') {
    // A partial BOM stays in the stream; a whole one is dropped.
    if (bytes.startsWith('\xef\xbb\xbf')) i = 3;
  }
  if (bytes[i] === '#') {
    const nl = bytes.indexOf('\n', i);
    const rest = nl < 0 ? '' : bytes.slice(nl + 1);
    return { source: '\n' + rest, first: rest.length ? rest.charCodeAt(0) : -1 };
  }
  const rest = bytes.slice(i);
  return { source: rest, first: rest.length ? rest.charCodeAt(0) : -1 };
}
