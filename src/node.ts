// Node-only entry point ('regolith/node'): the host backed by the process.
export { nodeHost } from './host/node.js';
