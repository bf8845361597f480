// Sharing: the program and its dialect in the URL's hash,
// `#dialect=5.4&code=<base64url of the UTF-8 text>`.
import type { Dialect } from '../../src/index.js';

export interface Shared {
  code: string;
  dialect: Dialect;
}

const DIALECTS: readonly string[] = ['5.4', '5.3', '5.1'];

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The hash (with its '#') that restores `shared`. */
export function shareHash(shared: Shared): string {
  return `#dialect=${shared.dialect}&code=${toBase64Url(shared.code)}`;
}

/** What a hash made by shareHash holds; null when it holds no program (or a broken one). */
export function readShareHash(hash: string): Shared | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const code = params.get('code');
  if (code === null) return null;
  try {
    const dialect = params.get('dialect') ?? '5.4';
    return { code: fromBase64Url(code), dialect: (DIALECTS.includes(dialect) ? dialect : '5.4') as Dialect };
  } catch {
    return null;
  }
}
