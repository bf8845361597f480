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
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { createContext, runInContext, runInNewContext } from 'node:vm';
import type { HostCollector } from './host.js';

type GcFunction = () => void;

let gcFunction: GcFunction | null | undefined;

/** The engine's gc(): the global one under --expose-gc, else one enabled now. */
function findGc(): GcFunction | null {
  const global = (globalThis as { gc?: unknown }).gc;
  if (typeof global === 'function') return global as GcFunction;
  try {
    setFlagsFromString('--expose-gc');
    const fresh = runInNewContext('gc') as unknown;
    return typeof fresh === 'function' ? fresh as GcFunction : null;
  } catch {
    return null;
  }
}

export function nodeCollector(): HostCollector {
  let checkpointContext: object | null = null;
  const checkpoint = (): void => {
    if (checkpointContext === null) checkpointContext = createContext({}, { microtaskMode: 'afterEvaluate' });
    runInContext('0', checkpointContext);
  };
  return {
    heapUsed: () => getHeapStatistics().used_heap_size,
    heapLimit: () => getHeapStatistics().heap_size_limit,
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
