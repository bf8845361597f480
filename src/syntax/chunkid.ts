// luaO_chunkid: how a chunk name is shown in messages.
//
//   '@file.lua'  -> 'file.lua'            (long names keep their tail: '...tail')
//   '=name'      -> 'name'                (long names are cut)
//   other        -> '[string "first line..."]'
//
// The rules (and buffer sizes) follow each reference version. The result is
// cut at the first NUL byte, as C's "%s" would print it.
import type { Dialect } from './ast.js';

/** LUA_IDSIZE of every supported version. */
export const LUA_IDSIZE = 60;

/**
 * The display form of chunk name `source` (a byte string).
 * `idsize` is the size of the C buffer (including the terminating NUL);
 * the default is LUA_IDSIZE (60). Lua 5.1's lexer uses 80 for syntax errors.
 */
export function chunkid(source: string, dialect: Dialect = '5.4', idsize: number = LUA_IDSIZE): string {
  const out = dialect === '5.1' ? chunkid51(source, idsize) : chunkid5x(source, dialect, idsize);
  const z = out.indexOf('\0');
  return z < 0 ? out : out.slice(0, z);
}

function chunkid5x(source: string, dialect: Dialect, bufflen: number): string {
  // 5.4 uses the string's length; 5.3 strlen (stops at a NUL).
  let srclen = source.length;
  if (dialect === '5.3') {
    const z = source.indexOf('\0');
    if (z >= 0) srclen = z;
  }
  const first = source.charCodeAt(0);
  if (first === 0x3d /* '=' */) {
    // srclen counts the '=' and stands for the copied NUL as well.
    if (srclen <= bufflen) return source.slice(1, srclen);
    return source.slice(1, bufflen);
  }
  if (first === 0x40 /* '@' */) {
    if (srclen <= bufflen) return source.slice(1, srclen);
    const keep = bufflen - 3;
    return '...' + source.slice(1 + srclen - keep, 1 + srclen);
  }
  // [string "source"]
  let nl = source.indexOf('\n');
  const z = source.indexOf('\0');
  if (z >= 0 && nl > z) nl = -1; // strchr stops at the NUL
  const avail = bufflen - (9 + 3 + 2) - 1; // '[string "' '...' '"]' NUL
  let body: string;
  if (srclen < avail && nl < 0) {
    body = source.slice(0, srclen);
  } else {
    let l = srclen;
    if (nl >= 0) l = nl;
    if (l > avail) l = avail;
    body = source.slice(0, l) + '...';
  }
  return '[string "' + body + '"]';
}

function chunkid51(source: string, bufflen: number): string {
  const z = source.indexOf('\0');
  const s = z < 0 ? source : source.slice(0, z); // C string
  const first = s.charCodeAt(0);
  if (first === 0x3d) {
    // strncpy(out, source+1, bufflen); out[bufflen-1] = '\0'
    return s.slice(1, bufflen);
  }
  if (first === 0x40) {
    const name = s.slice(1);
    const room = bufflen - 8; // sizeof(" '...' ")
    if (name.length > room) return '...' + name.slice(name.length - room);
    return name;
  }
  let len = 0;
  while (len < s.length) {
    const c = s.charCodeAt(len);
    if (c === 10 || c === 13) break;
    len++;
  }
  const room = bufflen - 17; // sizeof(" [string \"...\"] ")
  if (len > room) len = room;
  if (len < s.length) return '[string "' + s.slice(0, len) + '..."]';
  return '[string "' + s + '"]';
}
