// Locating the reference interpreters (Debian packages lua5.4, lua5.3, lua5.1)
// and the shared material at ../shared.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dialect } from '../../src/syntax/ast.js';

/** The repository root (works from src/ and from dist/). */
export const repoRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
})();

/** `../shared` from the repository root, or null when it is absent. */
export const sharedDir: string | null = (() => {
  const dir = resolve(repoRoot, '..', 'shared');
  return existsSync(dir) ? dir : null;
})();

const found = new Map<string, string | null>();

/** Path of the reference `lua` or `luac` binary for a dialect, or null when not installed. */
export function referenceBinary(kind: 'lua' | 'luac', dialect: Dialect): string | null {
  const name = `${kind}${dialect}`;
  if (!found.has(name)) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    found.set(name, r.status === 0 ? r.stdout.trim() : null);
  }
  return found.get(name)!;
}

/** A message for tests that must skip because a binary is missing. */
export function missingReference(kind: 'lua' | 'luac', dialect: Dialect): string {
  return `reference ${kind}${dialect} is not installed (apt-get install lua${dialect}); skipping`;
}

const loadable = new Map<string, boolean>();

/**
 * `false`, or a skip message when the reference interpreter of `dialect`
 * cannot load the C module `lib` (`luaX -l lib`): LuaBitOp ('bit') comes
 * from Debian's lua-bitop package.
 */
export function referenceModuleSkip(lib: string, dialect: Dialect): string | false {
  const lua = referenceBinary('lua', dialect);
  if (!lua) return missingReference('lua', dialect);
  const key = `${dialect}:${lib}`;
  if (!loadable.has(key)) {
    const r = spawnSync(lua, ['-l', lib, '-e', ''], { encoding: 'utf8' });
    loadable.set(key, r.status === 0);
  }
  if (loadable.get(key)) return false;
  const pkg = lib === 'bit' ? 'lua-bitop' : `the C module ${lib}`;
  return `reference lua${dialect} cannot load '${lib}' (apt-get install ${pkg}); skipping`;
}
