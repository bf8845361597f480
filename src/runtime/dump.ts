// string.dump and binary chunks.

import type { Dialect } from '../syntax/ast.js';
import type { LuaValue } from './value.js';
import type { LuaFunction } from './trampoline.js';
import { instantiate, type FunctionInfo } from './loader.js';
import { E } from './engine.js';

//
// string.dump cannot produce lua5.4 bytecode (there is none); a dumped
// function is the source of its chunk plus the index of its prototype, behind
// a binary-chunk signature (ESC "Lua"), so that load's modes and messages
// behave as for binary chunks. Loading compiles the chunk and creates that
// prototype's closure with fresh upvalues, the first one set to the `env`.

// lua5.4's header (signature, version, format, LUAC_DATA, sizes, LUAC_INT
// 0x5678 and LUAC_NUM 370.5 as little-endian int64 and double), then ours.
const DUMP_SIGNATURE = '\x1bLua\x54\x00\x19\x93\r\n\x1a\n\x04\x08\x08'
  + '\x78\x56\x00\x00\x00\x00\x00\x00' + '\x00\x00\x00\x00\x00\x28\x77\x40' + 'regolith\n';

// lua5.3's header: signature, version, format, LUAC_DATA, the sizes of int,
// size_t, Instruction, lua_Integer and lua_Number, LUAC_INT, LUAC_NUM.
const DUMP_SIGNATURE_53 = '\x1bLua\x53\x00\x19\x93\r\n\x1a\n\x04\x08\x04\x08\x08'
  + '\x78\x56\x00\x00\x00\x00\x00\x00' + '\x00\x00\x00\x00\x00\x28\x77\x40' + 'regolith\n';

function signatureOf(dialect: Dialect | undefined): string {
  return dialect === '5.3' ? DUMP_SIGNATURE_53 : DUMP_SIGNATURE;
}

/** lundump.c 5.3's checkHeader: what is wrong at byte `i` of the header. */
function headerError53(i: number): string {
  if (i <= 3) return 'not a';
  if (i === 4) return 'version mismatch in';
  if (i === 5) return 'format mismatch in';
  if (i <= 11) return 'corrupted';
  if (i <= 16) return `${['int', 'size_t', 'Instruction', 'lua_Integer', 'lua_Number'][i - 12]} size mismatch in`;
  if (i <= 24) return 'endianness mismatch in';
  if (i <= 32) return 'float format mismatch in';
  return 'not a Regolith';
}

/**
 * string.dump: the binary chunk of Lua function `f`, or undefined for a host
 * function. `strip` (an `s` after the proto index) loads it without debug
 * information, as lua5.4 does.
 */
export function dumpFunction(f: LuaFunction, strip = false): string | undefined {
  const info = f.P as FunctionInfo | undefined;
  if (info === undefined || info.text === undefined) return undefined;
  const stripped = strip || info.stripped === true;
  const own = ownChunk(info);
  const text = own ?? info.text;
  const index = `${own === null ? info.proto.index : 1}${stripped ? 's' : ''}`;
  // A stripped chunk has no source name: it loads as "=?".
  const source = stripped ? '=?' : info.source ?? '=?';
  const header = `${info.dialect ?? '5.4'}\n${index}\n${source}`.length;
  return `${signatureOf(info.dialect)}${info.dialect ?? '5.4'}\n${index}\n${header}\n${source.length + text.length}\n${source}${text}`;
}

/** Declaring more upvalues than this as locals would pass lua's limit on locals. */
const MAX_OWN_UPVALUES = 200;

/**
 * A chunk holding only the function of `info`, as its first nested function
 * (proto 1), with its lines where they were: its upvalues are locals of the
 * chunk, so it compiles as before. Without it a dump would carry the whole
 * chunk, and loading it would compile the whole chunk again. Null when the
 * function cannot stand apart (the main chunk; compile-time constants of
 * enclosing functions; Lua 5.1's function environments).
 */
function ownChunk(info: FunctionInfo): string | null {
  const own = info.proto.own;
  if (own === undefined || info.text === undefined || info.proto.index === 0 || info.dialect === '5.1') return null;
  if (own.upvalues.length > MAX_OWN_UPVALUES) return null;
  let body = info.text.slice(own.start, own.end);
  // A method's `self` is implicit in its text.
  if (own.isMethod) body = `(self${info.proto.numParams > 1 || info.proto.isVararg ? ', ' : ''}${body.slice(1)}`;
  const locals = own.upvalues.length > 0 ? `local ${own.upvalues.join(', ')}; ` : '';
  const lineDefined = info.proto.lineDefined;
  return `${locals}return${'\n'.repeat(lineDefined - 1)} function${'\n'.repeat(own.line - lineDefined)}${body}`;
}

/** Load a binary chunk made by dumpFunction; an error message for anything else. */
export function loadBinary(data: string, chunkName: string, env: LuaValue): LuaFunction | string {
  // lundump.c's name for messages.
  const c = chunkName.charAt(0);
  const shown = c === '@' || c === '=' ? chunkName.slice(1) : c === '\x1b' ? 'binary string' : chunkName;
  const v53 = E.dialect.version === '5.3';
  const bad = v53 ? `${shown}: not a Regolith precompiled chunk` : `${shown}: bad binary format (not a Regolith chunk)`;
  const truncated = `${shown}: truncated precompiled chunk`;
  const signature = v53 ? DUMP_SIGNATURE_53 : DUMP_SIGNATURE;
  if (!data.startsWith(signature)) {
    if (signature.startsWith(data)) return truncated;
    if (!v53) return bad;
    let i = 0;
    while (data.charCodeAt(i) === signature.charCodeAt(i)) i++;
    return `${shown}: ${headerError53(i)} precompiled chunk`;
  }
  const body = data.slice(signature.length);
  const m = /^(5\.[134])\n(\d+s?)\n(\d+)\n(\d+)\n/.exec(body);
  if (m === null) return /^[\d.\n]*$/.test(body) ? truncated : bad;
  const rest = body.slice(m[0].length);
  if (rest.length < Number(m[4])) return truncated;
  const nameLen = Number(m[3]) - m[1].length - m[2].length - 2;
  const source = rest.slice(0, nameLen);
  const text = rest.slice(nameLen);
  try {
    const strip = m[2].endsWith('s');
    return instantiate(text, { chunkName: source, dialect: m[1] as Dialect }, env, parseInt(m[2], 10), strip);
  } catch {
    return bad;
  }
}

