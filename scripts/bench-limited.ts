// `node --stack-size=3800 dist/scripts/bench-limited.js FILE ARGS`: bin/regolith
// with generous limits on the whole run (every kind that compiled code and the
// libraries check), for `npm run bench`'s "with limits" column. It loads the
// same bundle as bin/regolith, through bin/regolith's own loader (with its code
// cache), so start-up costs about the same (this script adds Node's ES module
// loader, a few ms).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** Generous: no benchmark comes near them, but every check is live. */
const LIMITS = {
  instructions: 1e15,
  timeoutMs: 3_600_000,
  memory: 16 * 2 ** 30,
  depth: 1_000_000,
  stringSize: 2 ** 29 - 24,
  interrupt: (): boolean => false,
  signal: new AbortController().signal,
};

// bin/regolith's loader (its exports when it is not the main module).
const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'regolith');
const { load, exitWith } = createRequire(import.meta.url)(bin) as {
  load: () => { exports: { main: (argv: string[], options: { limits: typeof LIMITS }) => number | null } };
  exitWith: (status: number | null) => void;
};
const { main } = load().exports;
exitWith(main(process.argv.slice(2), { limits: LIMITS }));
