// Open the standard libraries into a state (linit.c): the ones its dialect
// has (dialect.ts `libraries`), in that dialect's order.
import type { LuaState } from '../runtime/state.js';
import type { LibraryName } from '../runtime/dialect.js';
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
import { openBit32 } from './bit32.js';

/** The opener of each library a dialect can list (5.1's bit is opened by its own module when present). */
export const OPENERS: Partial<Record<LibraryName, (L: LuaState) => void>> = {
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
  bit32: openBit32,
};

export function openLibs(L: LuaState): void {
  const libs = L.engine.dialect.libraries;
  for (const name of libs) OPENERS[name]?.(L);
  // 5.1's base library registers the coroutine table itself (lbaselib.c).
  if (!libs.includes('coroutine') && libs.includes('base')) openCoroutine(L);
}
