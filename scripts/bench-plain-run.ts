// One run for scripts/bench-plain.ts: runs a Lua file (with lua.c's `arg`
// and `...`) in a fresh state, compiled either as usual or "plain" (without
// the resumable variants that coroutines, hooks and the heap stack use), and
// reports the run's time on stderr as `time-ms N`. The program's output goes
// to stdout, to be compared between the two ways.
//
//   node --stack-size=3800 dist/scripts/bench-plain-run.js default|plain FILE [ARGS...]
import { Lua } from '../src/node.js';

const [mode, file, ...args] = process.argv.slice(2);
if ((mode !== 'default' && mode !== 'plain') || file === undefined) {
  process.stderr.write('usage: bench-plain-run.js default|plain FILE [ARGS...]\n');
  process.exit(2);
}
const lua = new Lua();
// The engine compiles every chunk loaded from here on without resumable variants.
lua.state.engine.plainCode = mode === 'plain';
lua.load('arg = {[0] = ...} for i = 1, select("#", ...) - 1 do arg[i] = select(i + 1, ...) end').call(file, ...args);
const t0 = process.hrtime.bigint();
lua.loadFile(file).call(...args);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
lua.close();
process.stderr.write(`time-ms ${ms.toFixed(3)}\n`);
