// Lua strings are byte strings (one JS code unit per byte, 0..255). JS text
// crosses into Lua and back through UTF-8.

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** JS text → Lua byte string (its UTF-8 encoding). */
export function toLuaString(text: string): string {
  const bytes = encoder.encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return out;
}

/** Lua byte string → JS text (decoded as UTF-8; invalid sequences become U+FFFD). */
export function fromLuaString(bytes: string): string {
  const buf = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) buf[i] = bytes.charCodeAt(i);
  return decoder.decode(buf);
}
