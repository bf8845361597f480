// Regolith's public API.
export { parse, check } from './syntax/index.js';
export type { ParseOptions, Diagnostic } from './syntax/index.js';
export { LuaSyntaxError } from './syntax/errors.js';
export type * as ast from './syntax/ast.js';
