// Open the standard libraries into a state (linit.c).
import type { LuaState } from '../runtime/state.js';
import { openBase } from './base.js';
import { openCoroutine } from './coroutine.js';
import { openTable } from './table.js'; import { openMath } from './math.js';
import { openOs } from './os.js';
import { openString } from './string.js';
import { openPackage } from './package.js';
import { openIo } from './io.js';
import { openDebug } from './debug.js';
import { openUtf8 } from './utf8.js';

export function openLibs(L: LuaState): void {
  openBase(L);
  openCoroutine(L);
  openTable(L); openMath(L);
  openOs(L);
  openString(L);
  openPackage(L);
  openIo(L);
  openDebug(L);
  openUtf8(L);
}
