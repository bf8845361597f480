// Runs every Lua program under test/lua/ (recursively) with Regolith and with
// the reference interpreter, and requires identical stdout, stderr and exit
// status. The dialect is 5.4 unless the path contains a `5.3` or `5.1` folder.
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
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import type { Dialect } from '../src/syntax/ast.js';
import { assertSameAsReference, referenceSkip, runDifferential } from './support/differential.js';
import { referenceModuleSkip, repoRoot } from './support/reference.js';

const root = join(repoRoot, 'test', 'lua');

function findPrograms(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findPrograms(p));
    else if (name.endsWith('.lua')) out.push(p);
  }
  return out;
}

function dialectOf(path: string): Dialect {
  const parts = relative(root, path).split(/[\\/]/);
  if (parts.includes('5.1')) return '5.1';
  if (parts.includes('5.3')) return '5.3';
  return '5.4';
}

const programs = existsSync(root) ? findPrograms(root) : [];

describe('differential: test/lua programs vs the reference interpreter', { concurrency: 4 }, () => {
  test('there are programs to run', (t) => {
    if (programs.length === 0) t.assert.fail('no programs under test/lua');
  });
  for (const file of programs) {
    const dialect = dialectOf(file);
    const name = relative(root, file);
    const head = readFileSync(file, 'latin1').split('\n', 5);
    const known = head.map((l) => /^-- known-difference: (.*)$/.exec(l)).find((m) => m !== null);
    const libsLine = head.map((l) => /^-- libs:(.*)$/.exec(l)).find((x) => x !== null);
    const libs = libsLine ? libsLine[1].trim().split(/\s+/).filter(Boolean) : [];
    const libSkip = libs.map((l) => referenceModuleSkip(l, dialect)).find((m) => m !== false) ?? false;
    const skip = known ? `known difference: ${known[1]}` : referenceSkip(dialect) || libSkip;
    test(name, { skip }, async () => {
      const firstLine = head[0];
      const m = /^-- args:(.*)$/.exec(firstLine);
      const args = m ? m[1].trim().split(/\s+/).filter(Boolean) : [];
      const stdinFile = file.replace(/\.lua$/, '.stdin');
      const stdin = existsSync(stdinFile) ? readFileSync(stdinFile, 'latin1') : undefined;
      // `-- keep-traceback` in the first lines: tracebacks are compared too (normally dropped).
      const keepTraceback = head.some((l) => l === '-- keep-traceback');
      const r = await runDifferential({ file }, { dialect, args, stdin, cwd: join(root, '..', '..'), keepTraceback, libs });
      assertSameAsReference(r);
    });
  }
});
