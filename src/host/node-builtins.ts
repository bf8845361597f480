// Node's built-in modules that a run may never need, loaded when first used.
//
// Why: bin/regolith runs node with --stack-size, and any V8 flag on the
// command line makes V8 reject the code cache Node ships for its own modules,
// so every built-in module that is not already in Node's start-up snapshot
// (fs, path, url, module are; tty, net, stream, child_process, crypto,
// readline, os, v8, vm, perf_hooks are not) is compiled from source: `tty`
// alone (it loads net and stream) cost about 13 ms of a 100 ms
// `regolith -e "print(1)"`. Importing them statically would load them all at
// start; these functions load each on first use (require caches it).
import { createRequire } from 'node:module';
import { fstatSync } from 'node:fs';

// In the CommonJS bundle (dist/regolith.cjs), this is the bundle's own
// `require` instead (scripts/build-cli.ts), sparing the load of node:module.
const load = createRequire(import.meta.url);

export const tty = (): typeof import('node:tty') => load('node:tty') as typeof import('node:tty');
export const childProcess = (): typeof import('node:child_process') => load('node:child_process') as typeof import('node:child_process');
export const crypto = (): typeof import('node:crypto') => load('node:crypto') as typeof import('node:crypto');
export const os = (): typeof import('node:os') => load('node:os') as typeof import('node:os');
export const readline = (): typeof import('node:readline') => load('node:readline') as typeof import('node:readline');
export const v8 = (): typeof import('node:v8') => load('node:v8') as typeof import('node:v8');
export const vm = (): typeof import('node:vm') => load('node:vm') as typeof import('node:vm');

/**
 * tty.isatty(fd), without loading `tty` when fstat already tells: a file, a
 * pipe or a socket is never a terminal, nor on Linux is a memory device
 * (major 1: /dev/null, /dev/zero...), the usual stdout of a benchmark or a
 * test. Any other character device is asked properly.
 */
export function isatty(fd: number): boolean {
  let rdev: number;
  try {
    const st = fstatSync(fd);
    if (!st.isCharacterDevice()) return false;
    rdev = st.rdev;
  } catch {
    return false; // a closed descriptor: tty.isatty says false too
  }
  // Linux's dev_t: major's low 12 bits are bits 8-19 (its high bits are above bit 31).
  if (process.platform === 'linux' && rdev < 2 ** 32 && ((rdev >>> 8) & 0xfff) === 1) return false;
  return tty().isatty(fd);
}
