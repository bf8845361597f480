// The worker that runs the playground's Lua programs, so that the page never
// freezes: a program that loops forever blocks only this worker, which the
// page's Stop button terminates.
//
// Each run gets a fresh Lua state (all libraries, an in-memory file system)
// and runs async (`doStringAsync`), so that io.read can wait for the input
// box (see stdin.ts). Output is posted to the page in batches, at most
// every OUTPUT_BATCH_MS: a message posted from inside a synchronous stretch
// of Lua still reaches the page at once, so output streams as it is written.
import { Lua, LuaError, LuaLimitError } from '../../src/index.js';
import type { FromWorker, ToWorker, RunEnd } from './protocol.js';
import { StdinBuffer, type ReadFormat } from './stdin.js';

/** The chunk name of the program: messages read `input:3: ...`. */
const CHUNK_NAME = '=input';
const OUTPUT_BATCH_MS = 50;

// The worker's global scope, as much of it as is used (the playground is type-checked with the DOM library).
const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};

function post(message: FromWorker): void {
  scope.postMessage(message);
}

/** Output of one stream, decoded and held until the next flush. */
class OutputBatch {
  private readonly decoder = new TextDecoder();
  private pending = '';
  private lastFlush = performance.now();
  constructor(private readonly stream: 'stdout' | 'stderr') {}

  write(bytes: Uint8Array): void {
    this.pending += this.decoder.decode(bytes, { stream: true });
    if (performance.now() - this.lastFlush >= OUTPUT_BATCH_MS) this.flush();
  }

  flush(): void {
    this.lastFlush = performance.now();
    if (this.pending === '') return;
    post({ type: 'out', stream: this.stream, text: this.pending });
    this.pending = '';
  }
}

// Lua code run before the program: io.read, io.lines() and io.stdin:read /
// io.stdin:lines read from the input box through `jsread` (its argument).
const STDIN_PRELUDE = `
local jsread = ...
local stdin = io.stdin
local methods = getmetatable(stdin).__index
local fileread, filelines = methods.read, methods.lines
local unpack = table.unpack or unpack
function methods.read(f, ...)
  if f == stdin then return jsread(...) end
  return fileread(f, ...)
end
function methods.lines(f, ...)
  if f == stdin then
    local formats, n = {...}, select('#', ...)
    return function() return jsread(unpack(formats, 1, n)) end
  end
  return filelines(f, ...)
end
function io.read(...) return io.input():read(...) end
local iolines = io.lines
function io.lines(name, ...)
  if name == nil then return io.input():lines(...) end
  return iolines(name, ...)
end
`;

/** Resolves the read waiting for the input box, if any. */
let deliverInput: ((line: string | null) => void) | null = null;

/** Asks the page for a line and waits for it. */
function requestLine(): Promise<string | null> {
  return new Promise((resolve) => {
    deliverInput = resolve;
    post({ type: 'input-wanted' });
  });
}

/** The line of the program an error points at: from `input:N:` in its message, else its innermost frame in the program. */
function errorLine(e: LuaError): number | null {
  const m = /^input:(\d+):/.exec(e.message);
  if (m !== null) return Number(m[1]);
  const frame = e.frames.find((f) => f.source === 'input' && f.line > 0);
  return frame?.line ?? null;
}

async function run(request: Extract<ToWorker, { type: 'run' }>): Promise<RunEnd> {
  const stdout = new OutputBatch('stdout');
  const stderr = new OutputBatch('stderr');
  // The time limit: an interrupt that counts running time only, not the time spent waiting for input.
  let waited = 0;
  const stdin = new StdinBuffer(async () => {
    stdout.flush();
    stderr.flush();
    const start = performance.now();
    const line = await requestLine();
    waited += performance.now() - start;
    return line;
  });
  const lua = new Lua({
    dialect: request.dialect,
    stdout: (b) => stdout.write(b),
    stderr: (b) => stderr.write(b),
    fs: {},
    limits: {},
  });
  // Output written between two flushes is posted even while the program computes without writing.
  const timer = setInterval(() => {
    stdout.flush();
    stderr.flush();
  }, OUTPUT_BATCH_MS);
  const started = performance.now();
  const interrupt = (): boolean => performance.now() - started - waited > request.limitMs;
  try {
    lua.load(STDIN_PRELUDE, { chunkName: '=(playground)' }).call((...formats: ReadFormat[]) => stdin.read(formats));
    // sliceMs: the worker's event loop gets a turn now and then (the flush timer runs).
    await lua.doStringAsync(request.code, { chunkName: CHUNK_NAME, limits: { interrupt }, sliceMs: OUTPUT_BATCH_MS });
    return { type: 'done', ok: true };
  } catch (e) {
    if (e instanceof LuaLimitError) {
      // The traceback without the limit's own first line ("run interrupted").
      const stack = e.traceback.slice(e.traceback.indexOf('\n') + 1);
      const seconds = request.limitMs / 1000;
      return { type: 'done', ok: false, limited: true, traceback: `time limit exceeded (${seconds} s)\n${stack}`, line: errorLine(e) };
    }
    if (e instanceof LuaError) return { type: 'done', ok: false, traceback: e.traceback, line: errorLine(e) };
    return { type: 'done', ok: false, traceback: `internal error: ${String(e)}`, line: null };
  } finally {
    clearInterval(timer);
    stdout.flush();
    stderr.flush();
    lua.close();
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'run') {
    void run(message).then(post);
  } else if (message.type === 'input' && deliverInput !== null) {
    const deliver = deliverInput;
    deliverInput = null;
    deliver(message.line);
  }
};

post({ type: 'ready' });
