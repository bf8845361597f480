// The Node.js side of garbage collection (src/runtime/gc.ts): a forced,
// synchronous full collection that also clears WeakRefs created in the
// current job, and the heap size.
//
// Why the detour through `vm`: V8 keeps every WeakRef target created or
// deref'd during a job alive until the job ends ("KeepDuringJob"), and a Lua
// program is one long job. A microtask checkpoint clears that set; running
// any script in a context created with microtaskMode 'afterEvaluate' performs
// one synchronously, without running the main queue's jobs. Then `gc()` (from
// --expose-gc, which can also be switched on at run time) really collects.
import { v8, vm } from './node-builtins.js';
import type { HostCollector } from './host.js';

type GcFunction = () => void;

let gcFunction: GcFunction | null | undefined;

/** The engine's gc(): the global one under --expose-gc, else one enabled now. */
function findGc(): GcFunction | null {
  const global = (globalThis as { gc?: unknown }).gc;
  if (typeof global === 'function') return global as GcFunction;
  try {
    v8().setFlagsFromString('--expose-gc');
    const fresh = vm().runInNewContext('gc') as unknown;
    return typeof fresh === 'function' ? fresh as GcFunction : null;
  } catch {
    return null;
  }
}

export function nodeCollector(): HostCollector {
  let checkpointContext: object | null = null;
  // node:v8 and node:vm are loaded on first use (start-up time, node-builtins.ts),
  // then kept: heapUsed can be called at each allocation under a memory limit.
  let v8Module: typeof import('node:v8') | null = null;
  let vmModule: typeof import('node:vm') | null = null;
  const checkpoint = (): void => {
    vmModule ??= vm();
    if (checkpointContext === null) checkpointContext = vmModule.createContext({}, { microtaskMode: 'afterEvaluate' });
    vmModule.runInContext('0', checkpointContext);
  };
  return {
    heapUsed: () => (v8Module ??= v8()).getHeapStatistics().used_heap_size,
    heapLimit: () => (v8Module ??= v8()).getHeapStatistics().heap_size_limit,
    checkpoint,
    // Looked up on the first collection: programs that never collect do not
    // pay for the flag change or the extra context.
    collect() {
      if (gcFunction === undefined) gcFunction = findGc();
      if (gcFunction === null) return;
      checkpoint();
      gcFunction();
    },
  };
}
