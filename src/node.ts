// Node-only entry point ('regolith/node'): everything 'regolith' exports,
// plus the host backed by the process (files, processes, standard streams,
// the collector) and nodeFileSystem({ root }), real files confined to a
// directory. Importing it makes that host the default of `new Lua()`.
import { nodeHost } from './host/node.js';
import { setDefaultHost } from './api/host.js';
import type { Host } from './host/host.js';

export * from './index.js';
export { nodeHost };
export { nodeFileSystem, type NodeFileSystemOptions } from './host/node-fs.js';

let shared: Host | null = null;

/** One Node host for every state that is given none (it hooks the process's exit once). */
export function defaultNodeHost(): Host {
  return (shared ??= nodeHost());
}

setDefaultHost(defaultNodeHost);
