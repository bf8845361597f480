// The in-memory executor for Redis commands.
export { MemoryStore, memoryStoreCommands, type MemoryStoreOptions } from './memory-store.js';
