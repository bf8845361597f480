// `node --stack-size=3800 dist/scripts/bench-limited.js FILE ARGS`: bin/regolith
// with generous limits on the whole run (every kind that compiled code and the
// libraries check), for `npm run bench`'s "with limits" column. It loads the
// same bundle as bin/regolith, so start-up costs the same.
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

const bundle = join(dirname(fileURLToPath(import.meta.url)), '..', 'regolith.mjs');
const { main } = (await import(bundle)) as { main: (argv: string[], options: { limits: typeof LIMITS }) => number };
process.exitCode = main(process.argv.slice(2), { limits: LIMITS });
