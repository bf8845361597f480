// A growing byte buffer for building one Lua string (cmsgpack.pack,
// struct.pack), whose growth is charged to the running state's limits as
// it happens: a huge result fails on the string-size or memory limit before
// it is built, and the work counts toward the instruction limit.
import { E } from '../runtime/engine.js';
import { fromByteCodes } from '../stdlib/strbuf.js';

export class ByteOutput {
  bytes = new Uint8Array(64);
  /** A view of `bytes`, for multi-byte numbers. */
  view = new DataView(this.bytes.buffer);
  length = 0;
  /** Bytes already reported to the run's string-size and memory limits. */
  private reported = 0;

  /** Makes room for `n` more bytes. */
  room(n: number): void {
    const need = this.length + n;
    if (need <= this.bytes.length) return;
    // The bytes so far count toward the limits before the buffer doubles.
    this.report(need);
    let size = this.bytes.length * 2;
    while (size < need) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.bytes.subarray(0, this.length));
    this.bytes = bigger;
    this.view = new DataView(bigger.buffer);
  }

  /** The result is `total` bytes long so far: charge the new ones (string size, memory, instructions). */
  report(total: number): void {
    E.B.growing(total, total - this.reported);
    this.reported = total;
  }

  byte(b: number): void {
    this.room(1);
    this.bytes[this.length++] = b;
  }

  /** The first `n` bytes of a Lua string (all of it by default). */
  text(s: string, n = s.length): void {
    this.room(n);
    const b = this.bytes;
    let o = this.length;
    for (let i = 0; i < n; i++) b[o++] = s.charCodeAt(i);
    this.length = o;
  }

  /** The bytes as a Lua string. */
  result(): string {
    this.report(this.length);
    return fromByteCodes(this.bytes.subarray(0, this.length));
  }
}
