// Runs every Lua program under test/lua/ (recursively) with Regolith and with
// the reference interpreter, and requires identical stdout, stderr and exit
// status. The dialect is 5.4 unless the path contains a `5.3` or `5.1` folder,
// or a line `-- dialects: 5.4 5.3 5.1` among the first lines lists those the
// program runs in (each against its own reference; the test's name then
// ends in ` [5.3]` for the runs outside the folder's dialect).
//
// A program can set its command-line arguments with a first line
// `-- args: a b c`, and its standard input with a sibling file `NAME.stdin`.
// A line `-- libs: bit` among the first lines opens optional libraries on
// both sides before the script runs: Regolith gets `--lib=bit`, the
// reference `-l bit` (so the C module must be installed: Debian's lua-bitop
// for bit; `arg[-1]`, `arg[-2]` then differ, and such programs do not look).
// The libraries are then global variables and in package.loaded. Such a
// program is skipped, saying why, when the reference cannot load them.
// A known, documented difference is marked by a line
// `-- known-difference: <reason>` among the first lines: the program is
// reported as skipped with that reason (never silently), and listed in
// docs/conformance.md's notes by whoever marks it.
// (test/support/corpus.ts reads these conventions.)
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { assertSameAsReference, referenceSkip, runDifferential } from './support/differential.js';
import { referenceModuleSkip } from './support/reference.js';
import { corpusPrograms, corpusRoot } from './support/corpus.js';

const programs = corpusPrograms();

describe('differential: test/lua programs vs the reference interpreter', { concurrency: 4 }, () => {
  test('there are programs to run', (t) => {
    if (programs.length === 0) t.assert.fail('no programs under test/lua');
  });
  for (const p of programs) {
    const libSkip = p.libs.map((l) => referenceModuleSkip(l, p.dialect)).find((m) => m !== false) ?? false;
    const skip = p.knownDifference !== null ? `known difference: ${p.knownDifference}` : referenceSkip(p.dialect) || libSkip;
    test(p.name, { skip }, async () => {
      // `-- keep-traceback` in the first lines: tracebacks are compared too (normally dropped).
      const r = await runDifferential({ file: p.file }, {
        dialect: p.dialect, args: p.args, stdin: p.stdin, cwd: join(corpusRoot, '..', '..'), keepTraceback: p.keepTraceback, libs: p.libs,
      });
      assertSameAsReference(r);
    });
  }
});
