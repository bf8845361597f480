// A worker thread running browser-harness.ts programs with a build given by
// URL (workerData.build), one message per program: the browser corpus test
// runs its Node passes here, so that a program that never ends (one waiting
// for a collection that a host without a collector never makes) can be cut
// off by terminating the worker, without limits in the compiled code.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runProgram, type ProgramSpec } from './browser-harness.js';

// (node --test runs every file under test/ as a test file: outside a worker this does nothing.)
if (!isMainThread) {
  const { Lua, LuaError } = await import((workerData as { build: string }).build) as typeof import('../../src/index.js');
  parentPort!.on('message', (spec: ProgramSpec) => {
    parentPort!.postMessage(runProgram(Lua, LuaError, spec));
  });
}
