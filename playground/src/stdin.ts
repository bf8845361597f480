// Standard input for the playground: io.read and friends, fed a line at a
// time from the page's input box. The program's run is async
// (`doStringAsync`), so a read that needs more input returns a promise,
// which the run awaits while the page waits for the user.
//
// Supported formats (as io.read takes them, with or without lua5.1's '*'):
//   "l" a line without its newline (default), "L" with it,
//   "n" a number (decimal or hex, integer or float; nil when none),
//   "a" everything up to end of input (the input box's "End input" button),
//   a count k: up to k characters (characters, not bytes).
// At end of input every format but "a" gives nil; "a" gives "".
import { Lua, LuaError } from '../../src/index.js';

export type ReadFormat = string | number;

// A Lua numeral: hex (with optional fraction and binary exponent) or decimal.
const NUMERAL = /^[+-]?(?:0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?\d+)?|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/;

export class StdinBuffer {
  /** Text received and not read yet. */
  private buffer = '';
  private ended = false;

  /** `nextLine`: asks the page for a line; resolves to it (no newline) or to null at end of input. */
  constructor(private readonly nextLine: () => Promise<string | null>) {}

  /** io.read(...formats): one result per format, stopping at the first that fails (nil). */
  async read(formats: ReadFormat[]): Promise<unknown> {
    if (formats.length === 0) formats = ['l'];
    const results: unknown[] = [];
    for (const f of formats) {
      const value = await this.readOne(f);
      results.push(value);
      if (value === undefined) break;
    }
    return Lua.multi(...results);
  }

  /** Adds one more line to the buffer; false at end of input. */
  private async fill(): Promise<boolean> {
    if (this.ended) return false;
    const line = await this.nextLine();
    if (line === null) {
      this.ended = true;
      return false;
    }
    this.buffer += line + '\n';
    return true;
  }

  /** Takes the first `n` characters of the buffer. */
  private take(n: number): string {
    const s = this.buffer.slice(0, n);
    this.buffer = this.buffer.slice(n);
    return s;
  }

  private async readOne(format: ReadFormat): Promise<unknown> {
    if (typeof format === 'number') return this.readCount(Math.max(0, Math.floor(format)));
    switch (format.replace(/^\*/, '').charAt(0)) {
      case 'l':
      case 'L': {
        while (!this.buffer.includes('\n') && (await this.fill()));
        if (this.buffer === '') return undefined;
        const nl = this.buffer.indexOf('\n');
        const line = this.take(nl < 0 ? this.buffer.length : nl + 1);
        return format.includes('L') ? line : line.replace(/\n$/, '');
      }
      case 'a':
        while (await this.fill());
        return this.take(this.buffer.length);
      case 'n':
        return this.readNumber();
      default:
        throw new LuaError("bad argument #1 to 'read' (invalid format)");
    }
  }

  private async readCount(n: number): Promise<string | undefined> {
    // lua: read(0) tests for end of input, so it needs one character too.
    while (this.buffer.length < Math.max(n, 1) && (await this.fill()));
    if (this.buffer === '') return undefined;
    return this.take(n);
  }

  /** "n": skips white space, then reads a numeral; nil (nothing consumed) when there is none. */
  private async readNumber(): Promise<unknown> {
    while (this.buffer.trimStart() === '' && (await this.fill()));
    this.buffer = this.buffer.trimStart();
    const m = NUMERAL.exec(this.buffer);
    if (m === null) return undefined;
    this.take(m[0].length);
    return numeralValue(m[0]);
  }
}

/** A numeral's value: an integer (a JS number goes into Lua as an integer) or a float (`Lua.float`). */
function numeralValue(text: string): unknown {
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.replace(/^[+-]/, '');
  if (/^0[xX]/.test(body)) {
    const [, digits, exponent] = /^0[xX]([0-9a-fA-F.]*)(?:[pP]([+-]?\d+))?$/.exec(body)!;
    const [whole, fraction = ''] = digits.split('.');
    const mantissa = parseInt(whole + fraction || '0', 16) / 16 ** fraction.length;
    if (!digits.includes('.') && exponent === undefined) return sign * mantissa;
    return Lua.float(sign * mantissa * 2 ** Number(exponent ?? 0));
  }
  const value = sign * Number(body);
  return /[.eE]/.test(body) ? Lua.float(value) : value;
}
