// The embedding API (README.md, "Embedding"; docs/ARCHITECTURE.md, "API contract").
export { Lua, GlobalAccess, type LuaOptions, type ChunkOptions, type LoadOptions, type RunOptions } from './lua.js';
export { LuaStepper, type StepResult } from './stepper.js';
export type { Limits } from '../runtime/limits.js';
export { LuaError, LuaLimitError, type LimitKind, type LuaStackFrame } from './errors.js';
export { LuaHandle, LuaTableHandle, LuaFunctionHandle, LuaUserdataHandle, LuaThreadHandle, type ResumeResult } from './handles.js';
export { MultiReturn, type JsValue, type HostObject, type ConvertOptions, type ToJSOptions, type LibName } from './types.js';
export type { ClassOptions, MetamethodName } from './userdata.js';
export { SAFE_LIBS, type LibPick, type LibSelection, type FreezeOptions } from './sandbox.js';
export { setDefaultHost, platformHost, type StdinSource } from './host.js';
export type { FileSystemOption, ModuleSource } from './files.js';
