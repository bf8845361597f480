// The interactive mode of bin/regolith (lua.c doREPL).
//
// Each input line is first tried as `return <line>;` (so expressions print
// their values), then as a statement; a statement whose syntax error is at
// <eof> is incomplete and more lines are read with the `>> ` prompt. Values
// are printed with the global `print`. `=expr` means `return expr`.
//
// On a terminal, input goes through node:readline (line editing, history of
// the session). Ctrl-D ends the session; Ctrl-C at the prompt discards the
// current input, and while a statement runs it interrupts it (the statement
// runs under vm's breakOnSigint, which stops synchronous JS). Without a
// terminal, like lua5.4 built with GNU readline, prompts and the lines read
// are echoed on stdout.
import { closeState } from '../runtime/gc.js';
import type { Interface } from 'node:readline';
import type { Script } from 'node:vm';
import { isatty, readline, vm } from '../host/node-builtins.js';
import type { Interpreter } from './regolith.js';
import * as ops from '../runtime/ops.js';
import * as N from '../runtime/number.js';
import { errorValue } from '../runtime/errors.js';
import { LuaFloat, type LuaValue } from '../runtime/value.js';
import { tostring } from '../stdlib/base.js';

/** What a read returns: a line, end of input, or Ctrl-C at the prompt. */
export type ReadResult = string | null | typeof INTERRUPT;
export const INTERRUPT = Symbol('interrupt');

/** A source of input lines with prompts. */
export interface LineSource {
  read(prompt: string): Promise<ReadResult>;
  /** Adds a complete statement to the history. */
  remember(line: string): void;
  close(): void;
  /** Whether Ctrl-C can interrupt a running statement. */
  readonly interactive: boolean;
}

/** The outcome of loading one statement. */
export type LoadLine =
  | { kind: 'eof' }
  | { kind: 'interrupt' }
  | { kind: 'chunk'; fn: LuaValue }
  | { kind: 'error'; message: string };

/**
 * lua.c's loadline: reads one statement (several lines when incomplete) and
 * compiles it. Exported for tests, with any LineSource.
 */
export async function loadLine(it: Interpreter, input: LineSource): Promise<LoadLine> {
  const first = await input.read(prompt(it, true));
  if (first === null) return { kind: 'eof' };
  if (first === INTERRUPT) return { kind: 'interrupt' };
  let line = first;
  if (line.startsWith('=')) line = `return ${line.slice(1)}`;
  // addreturn (5.2+): try the line as an expression list first.
  if (it.profile.dialect !== '5.1') {
    const r = it.load(`return ${line};`, '=stdin');
    if (r.ok) {
      if (line !== '') input.remember(line);
      return { kind: 'chunk', fn: r.fn };
    }
  }
  // multiline: as a statement, reading more while it is incomplete.
  const eofMark = it.profile.dialect === '5.1' ? "'<eof>'" : '<eof>';
  for (;;) {
    const r = it.load(line, '=stdin');
    if (r.ok) {
      input.remember(line);
      return { kind: 'chunk', fn: r.fn };
    }
    if (!r.message.endsWith(eofMark)) {
      input.remember(line);
      return { kind: 'error', message: r.message };
    }
    const more = await input.read(prompt(it, false));
    if (more === INTERRUPT) return { kind: 'interrupt' };
    if (more === null) {
      input.remember(line);
      // lua5.4.4 reports an incomplete statement at end of input this way.
      return { kind: 'error', message: '(null)' };
    }
    line = `${line}\n${more}`;
  }
}

/** get_prompt: _PROMPT / _PROMPT2 through tostring, or the defaults. */
function prompt(it: Interpreter, firstLine: boolean): string {
  const v = it.L.globals.getStr(firstLine ? '_PROMPT' : '_PROMPT2');
  if (v === undefined) return firstLine ? '> ' : '>> ';
  try {
    return tostring(v);
  } catch {
    return firstLine ? '> ' : '>> ';
  }
}

/** l_print: print a statement's results with the global `print`. */
function printResults(it: Interpreter, values: LuaValue[]): void {
  if (values.length === 0) return;
  try {
    it.L.run(() => ops.call(it.L.globals.getStr('print'), ...values));
  } catch (e) {
    const v = errorValue(e);
    const msg = typeof v === 'string' ? v
      : typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat ? N.tostringNumber(v) : '(null)';
    it.message(`error calling 'print' (${msg})`);
  }
}

const CALL_KEY = '__regolithReplCall';
let interruptScript: Script | null = null;

/**
 * Runs `fn` so that Ctrl-C (SIGINT) stops it: the terminal leaves raw mode
 * (so Ctrl-C is a signal again) and the call runs under vm's breakOnSigint.
 */
function interruptible<T>(fn: () => T): { done: true; value: T } | { done: false } {
  const stdin = process.stdin;
  const raw = stdin.isTTY && stdin.isRaw;
  if (raw) stdin.setRawMode(false);
  const g = globalThis as Record<string, unknown>;
  g[CALL_KEY] = fn;
  interruptScript ??= new (vm().Script)(`globalThis.${CALL_KEY}()`);
  try {
    return { done: true, value: interruptScript.runInThisContext({ breakOnSigint: true }) as T };
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_INTERRUPTED') return { done: false };
    throw e;
  } finally {
    delete g[CALL_KEY];
    if (raw) stdin.setRawMode(true);
  }
}

/** doREPL over `input`; resolves when the input ends. */
export async function repl(it: Interpreter, input: LineSource): Promise<void> {
  const saved = it.progname;
  it.progname = null;
  const out = it.host.stdout;
  for (;;) {
    out.flush();
    const r = await loadLine(it, input);
    if (r.kind === 'eof') break;
    if (r.kind === 'interrupt') continue;
    if (r.kind === 'error') {
      it.message(r.message);
      continue;
    }
    const run = () => {
      const status = it.docall(r.fn, []);
      if (status.ok) printResults(it, status.values);
      else if (status.message !== null) it.message(status.message);
    };
    if (input.interactive) {
      const res = interruptible(run);
      if (!res.done) {
        // (docall's L.run put the state's counters back as the interrupt unwound it.)
        out.flush();
        it.message('interrupted!');
      }
    } else {
      run();
    }
  }
  out.write('\n');
  out.flush();
  it.progname = saved;
  input.close();
}

// ------------------------------------------------------------- line sources

function ignoreStraySigint(): void {}

/** Lines from a terminal through node:readline. */
class TerminalSource implements LineSource {
  readonly interactive = true;
  private rl: Interface;
  /** Input that arrived before it was asked for (typed ahead, pasted). */
  private queue: ReadResult[] = [];
  private pending: ((r: ReadResult) => void) | null = null;
  private closed = false;

  constructor() {
    this.rl = readline().createInterface({ input: process.stdin, output: process.stdout, terminal: true, historySize: 1000, removeHistoryDuplicates: true });
    this.rl.on('line', (l) => this.deliver(Buffer.from(l, 'utf8').toString('latin1')));
    this.rl.on('close', () => {
      this.closed = true;
      process.off('SIGINT', ignoreStraySigint);
      this.deliver(null);
    });
    // Ctrl-C is a signal only while a chunk runs (raw mode is off then), and
    // the vm watchdog catches it; a SIGINT landing just before or after that
    // window would otherwise hit node's default action and kill the REPL.
    process.on('SIGINT', ignoreStraySigint);
    this.rl.on('SIGINT', () => {
      // Discard the line being edited and any unfinished statement.
      process.stdout.write('^C\n');
      this.rl.write(null, { ctrl: true, name: 'e' });
      this.rl.write(null, { ctrl: true, name: 'u' });
      this.queue = [];
      this.deliver(INTERRUPT);
    });
  }

  private deliver(r: ReadResult): void {
    const p = this.pending;
    this.pending = null;
    if (p) p(r);
    else this.queue.push(r);
  }

  read(promptText: string): Promise<ReadResult> {
    // Typed-ahead lines were already echoed by readline as they came in.
    if (this.queue.length > 0) return Promise.resolve(this.queue.shift()!);
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.pending = resolve;
      this.rl.setPrompt(promptText);
      this.rl.prompt();
    });
  }

  remember(line: string): void {
    void line; // readline keeps every entered line in its history already
  }

  close(): void {
    if (!this.closed) this.rl.close();
  }
}

/** Lines from a pipe or file, echoed after their prompt as GNU readline does. */
class StreamSource implements LineSource {
  readonly interactive = false;
  private lines: string[] = [];
  private ended = false;
  private pending: (() => void) | null = null;
  private rl: Interface;

  constructor(private readonly it: Interpreter) {
    this.rl = readline().createInterface({ input: process.stdin, terminal: false, crlfDelay: Infinity });
    this.rl.on('line', (l) => { this.lines.push(l); this.wake(); });
    this.rl.on('close', () => { this.ended = true; this.wake(); });
  }

  private wake(): void {
    const p = this.pending;
    this.pending = null;
    if (p) p();
  }

  async read(promptText: string): Promise<ReadResult> {
    const out = this.it.host.stdout;
    out.write(promptText);
    out.flush();
    while (this.lines.length === 0 && !this.ended) await new Promise<void>((r) => { this.pending = r; });
    const line = this.lines.shift();
    if (line === undefined) return null;
    const bytes = Buffer.from(line, 'utf8').toString('latin1');
    out.write(`${bytes}\n`);
    return bytes;
  }

  remember(line: string): void {
    void line;
  }

  close(): void {
    this.rl.close();
  }
}

/** Starts the REPL on stdin; the process exits (status 0) when the input ends. */
export function runRepl(it: Interpreter): void {
  const source: LineSource = isatty(0) ? new TerminalSource() : new StreamSource(it);
  repl(it, source).then(
    () => { closeState(it.L); it.host.exit(0); },
    (e) => {
      it.host.stderr.write(`${String(e)}\n`);
      it.host.exit(1);
    },
  );
}
