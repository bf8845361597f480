// The playground page: an editor, Run and Stop, the output, an input box
// for io.read, the dialect, a time limit, the generated JavaScript, and a
// URL to share. Programs run in a Web Worker (worker.ts), so that the page
// never freezes; Stop terminates that worker and starts a fresh one.
import { generateJs, toLuaString, fromLuaString, type Dialect } from '../../src/index.js';
import { createEditor, getCode, setCode, markErrorLine } from './editor.js';
import { EXAMPLES } from './examples.js';
import { readShareHash, shareHash } from './share.js';
import type { FromWorker, RunEnd } from './protocol.js';

/** The output pane keeps about this many characters (the oldest output goes first). */
const OUTPUT_MAX_CHARS = 200_000;

function element<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

const exampleSelect = element<HTMLSelectElement>('example');
const dialectSelect = element<HTMLSelectElement>('dialect');
const limitInput = element<HTMLInputElement>('limit');
const runButton = element<HTMLButtonElement>('run');
const stopButton = element<HTMLButtonElement>('stop');
const jsButton = element<HTMLButtonElement>('show-js');
const shareButton = element<HTMLButtonElement>('share');
const output = element<HTMLPreElement>('output');
const jsPane = element<HTMLPreElement>('js');
const status = element<HTMLSpanElement>('status');
const inputForm = element<HTMLFormElement>('input-form');
const inputBox = element<HTMLInputElement>('stdin');
const sendButton = element<HTMLButtonElement>('send');
const eofButton = element<HTMLButtonElement>('eof');

// ---------------------------------------------------------------- editor

for (const [i, example] of EXAMPLES.entries()) exampleSelect.add(new Option(example.name, String(i)));

const shared = readShareHash(location.hash);
if (shared !== null) {
  dialectSelect.value = shared.dialect;
  exampleSelect.value = '';
}
const editor = createEditor(element('editor'), shared?.code ?? EXAMPLES[0].code, run);

exampleSelect.addEventListener('change', () => {
  const example = EXAMPLES[Number(exampleSelect.value)];
  if (example !== undefined) setCode(editor, example.code);
});

// ---------------------------------------------------------------- output

/** Appends text to the output pane; `kind` is a CSS class (stderr, error, input, note). */
function write(text: string, kind?: string): void {
  const node = kind === undefined ? document.createTextNode(text) : Object.assign(document.createElement('span'), { className: kind, textContent: text });
  output.append(node);
  let length = output.textContent?.length ?? 0;
  while (length > OUTPUT_MAX_CHARS && output.firstChild !== null) {
    length -= output.firstChild.textContent?.length ?? 0;
    output.firstChild.remove();
  }
  output.scrollTop = output.scrollHeight;
}

function setStatus(text: string, state: 'idle' | 'running' | 'input' | 'error'): void {
  status.textContent = text;
  document.body.dataset.state = state;
}

// ---------------------------------------------------------------- running

let worker: Worker;
let running = false;
let started = 0;

function startWorker(): void {
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<FromWorker>) => onWorkerMessage(event.data);
  worker.onerror = (event) => {
    if (running) finish({ type: 'done', ok: false, traceback: `the worker failed: ${event.message}` });
  };
}

function setRunning(on: boolean): void {
  running = on;
  runButton.disabled = on;
  stopButton.disabled = !on;
  if (!on) waitForInput(false);
}

function run(): void {
  if (running) return;
  output.textContent = '';
  markErrorLine(editor, null);
  const seconds = Number(limitInput.value);
  const limitMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 10_000;
  setRunning(true);
  started = performance.now();
  setStatus('Running…', 'running');
  worker.postMessage({ type: 'run', code: getCode(editor), dialect: dialectSelect.value as Dialect, limitMs });
  // The generated code follows the program while it is shown.
  if (!jsPane.hidden) showJs();
}

function stop(): void {
  if (!running) return;
  worker.terminate();
  startWorker();
  write('\nstopped\n', 'note');
  setRunning(false);
  setStatus('Stopped', 'idle');
}

function finish(end: RunEnd): void {
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  setRunning(false);
  if (end.ok) {
    setStatus(`Finished in ${seconds} s`, 'idle');
    return;
  }
  // As lua5.4's standalone interpreter prints it: the message, then the traceback.
  if (output.textContent !== '' && !output.textContent!.endsWith('\n')) write('\n');
  write(`${end.traceback ?? 'error'}\n`, 'error');
  if (end.line !== undefined && end.line !== null) markErrorLine(editor, end.line);
  setStatus(end.limited === true ? `Stopped by the time limit after ${seconds} s` : `Error after ${seconds} s`, 'error');
}

function onWorkerMessage(message: FromWorker): void {
  switch (message.type) {
    case 'out':
      write(message.text, message.stream === 'stderr' ? 'stderr' : undefined);
      break;
    case 'input-wanted':
      waitForInput(true);
      break;
    case 'done':
      finish(message);
      break;
    case 'ready':
      break;
  }
}

// ---------------------------------------------------------------- input

/** Enables the input box while the program waits in io.read. */
function waitForInput(on: boolean): void {
  inputBox.disabled = sendButton.disabled = eofButton.disabled = !on;
  inputForm.classList.toggle('waiting', on);
  if (on) {
    setStatus('Waiting for input…', 'input');
    inputBox.focus();
  }
}

function sendInput(line: string | null): void {
  if (!running || inputBox.disabled) return;
  // Echoed as a terminal would.
  write(line === null ? '^D\n' : `${line}\n`, 'input');
  inputBox.value = '';
  waitForInput(false);
  setStatus('Running…', 'running');
  worker.postMessage({ type: 'input', line });
}

inputForm.addEventListener('submit', (event) => {
  event.preventDefault();
  sendInput(inputBox.value);
});
eofButton.addEventListener('click', () => sendInput(null));

// ---------------------------------------------------------------- JavaScript, sharing

/** Shows the JavaScript that Regolith compiles the program to (for the selected dialect). */
function showJs(): void {
  try {
    const source = toLuaString(getCode(editor));
    jsPane.textContent = fromLuaString(generateJs(source, { chunkName: '=input', dialect: dialectSelect.value as Dialect }));
  } catch (e) {
    jsPane.textContent = `-- no JavaScript: ${e instanceof Error ? e.message : String(e)}`;
  }
}

jsButton.addEventListener('click', () => {
  jsPane.hidden = !jsPane.hidden;
  jsButton.textContent = jsPane.hidden ? 'Show JavaScript' : 'Hide JavaScript';
  if (!jsPane.hidden) showJs();
});
dialectSelect.addEventListener('change', () => {
  if (!jsPane.hidden) showJs();
});

shareButton.addEventListener('click', () => {
  const hash = shareHash({ code: getCode(editor), dialect: dialectSelect.value as Dialect });
  history.replaceState(null, '', hash);
  // The clipboard may be refused (no permission, not a secure context): the URL is in the address bar anyway.
  navigator.clipboard?.writeText(location.href).then(
    () => setStatus('Link copied to the clipboard', 'idle'),
    () => setStatus('Link in the address bar', 'idle'),
  );
});

runButton.addEventListener('click', run);
stopButton.addEventListener('click', stop);
startWorker();
setRunning(false);
setStatus('Ready', 'idle');
