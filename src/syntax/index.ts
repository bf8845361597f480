// Public entry points of the front end.
// STUB: the real implementation lives in lexer.ts / parser.ts (being written).
import type { Chunk, Dialect } from './ast.js';
import { LuaSyntaxError } from './errors.js';

export interface ParseOptions {
  /**
   * Lua chunk name, as given to `load`: `@file.lua` names a file, `=name` is
   * used literally, anything else is shown as `[string "..."]`. Defaults to
   * the source itself (as `load` does).
   */
  chunkName?: string;
  dialect?: Dialect;
}

export interface Diagnostic {
  message: string;
  line: number;
  column: number;
  near: string | null;
}

export function parse(source: string, options: ParseOptions = {}): Chunk {
  void source; void options;
  throw new LuaSyntaxError('parser not implemented', 0, 0, null, 'parser not implemented');
}

export function check(source: string, options: ParseOptions = {}): Diagnostic[] {
  try {
    parse(source, options);
    return [];
  } catch (e) {
    if (e instanceof LuaSyntaxError) return [{ message: e.message, line: e.line, column: e.column, near: e.near }];
    throw e;
  }
}

export { LuaSyntaxError };
