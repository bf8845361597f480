// Open the standard libraries into a state (linit.c): the ones its dialect
// has (dialect.ts `libraries`), in that dialect's order, each by its
// dialect's opener (a dialect whose library differs has its own, which
// opens the 5.4 library and puts its own functions in place).
import type { LuaState } from '../runtime/state.js';
import type { LibraryName, Version } from '../runtime/dialect.js';
import { openBase } from './base.js';
import { openCoroutine } from './coroutine.js';
import { openTable } from './table.js';
import { openMath } from './math.js';
import { openOs } from './os.js';
import { openString } from './string.js';
import { openPackage } from './package.js';
import { openIo } from './io.js';
import { openDebug } from './debug.js';
import { openUtf8 } from './utf8.js';
import { openBit } from './bit.js';
import { openBase51 } from './base51.js';
import { openCoroutine51 } from './coroutine51.js';
import { openTable51 } from './table51.js';
import { openMath51 } from './math51.js';
import { openOs51 } from './os51.js';
import { openString51 } from './string51.js';
import { openPackage51 } from './package51.js';
import { openDebug51 } from './debug51.js';
import { openBit32 } from './bit32.js';

/** Opens a library; `sandbox` (src/api/sandbox.ts) matters to base only. */
export type Opener = (L: LuaState, sandbox?: boolean) => void;

/** The opener of each library a dialect can list. */
export const OPENERS: Partial<Record<LibraryName, Opener>> = {
  base: openBase,
  coroutine: openCoroutine,
  table: openTable,
  math: openMath,
  os: openOs,
  string: openString,
  package: openPackage,
  io: openIo,
  debug: openDebug,
  utf8: openUtf8,
  bit: openBit,
  bit32: openBit32,
};

/** Lua 5.1's libraries (io follows the dialect itself). */
const OPENERS_51: Partial<Record<LibraryName, Opener>> = {
  ...OPENERS,
  base: openBase51,
  coroutine: openCoroutine51,
  table: openTable51,
  math: openMath51,
  os: openOs51,
  string: openString51,
  package: openPackage51,
  debug: openDebug51,
};

const OPENERS_BY_VERSION: Readonly<Record<Version, Partial<Record<LibraryName, Opener>>>> = {
  '5.4': OPENERS,
  '5.3': OPENERS,
  '5.1': OPENERS_51,
};

/** The function that opens library `name` in a state of `version`. */
export function libraryOpener(version: Version, name: LibraryName): Opener | undefined {
  return OPENERS_BY_VERSION[version][name];
}

/** Opens the dialect's libraries, and the `extra` ones (e.g. 'bit') after them. */
export function openLibs(L: LuaState, extra: readonly LibraryName[] = []): void {
  const version = L.engine.dialect.version;
  const libs = L.engine.dialect.libraries;
  for (const name of libs) libraryOpener(version, name)?.(L);
  // 5.1's base library registers the coroutine table itself (lbaselib.c).
  if (!libs.includes('coroutine') && libs.includes('base')) libraryOpener(version, 'coroutine')?.(L);
  for (const name of extra) if (!libs.includes(name)) libraryOpener(version, name)?.(L);
}
