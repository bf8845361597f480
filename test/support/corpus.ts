// The differential corpus: every Lua program under test/lua/ (recursively)
// and how it is to be run (see test/lua-differential.test.ts for the
// conventions: `-- args:`, NAME.stdin, `-- libs:`, `-- known-difference:`,
// `-- keep-traceback`). Shared by the command-line differential test and
// the browser corpus test, so that both read the conventions alike.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Dialect } from '../../src/syntax/ast.js';
import { repoRoot } from './reference.js';

export const corpusRoot = join(repoRoot, 'test', 'lua');

export interface CorpusProgram {
  /** Absolute path. */
  file: string;
  /** Path relative to test/lua (the test's name). */
  name: string;
  /** 5.4 unless the path has a `5.3` or `5.1` folder. */
  dialect: Dialect;
  args: string[];
  /** The sibling NAME.stdin as a byte string, when there is one. */
  stdin: string | undefined;
  libs: string[];
  /** The reason of a `-- known-difference:` line, or null. */
  knownDifference: string | null;
  keepTraceback: boolean;
}

function findPrograms(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findPrograms(p));
    else if (name.endsWith('.lua')) out.push(p);
  }
  return out;
}

export function dialectOf(path: string): Dialect {
  const parts = relative(corpusRoot, path).split(/[\\/]/);
  if (parts.includes('5.1')) return '5.1';
  if (parts.includes('5.3')) return '5.3';
  return '5.4';
}

/** Every program of the corpus, sorted by path. */
export function corpusPrograms(): CorpusProgram[] {
  if (!existsSync(corpusRoot)) return [];
  return findPrograms(corpusRoot).map((file) => {
    const head = readFileSync(file, 'latin1').split('\n', 5);
    const known = head.map((l) => /^-- known-difference: (.*)$/.exec(l)).find((m) => m !== null);
    const libsLine = head.map((l) => /^-- libs:(.*)$/.exec(l)).find((x) => x !== null);
    const argsLine = /^-- args:(.*)$/.exec(head[0]!);
    const stdinFile = file.replace(/\.lua$/, '.stdin');
    return {
      file,
      name: relative(corpusRoot, file),
      dialect: dialectOf(file),
      args: argsLine ? argsLine[1]!.trim().split(/\s+/).filter(Boolean) : [],
      stdin: existsSync(stdinFile) ? readFileSync(stdinFile, 'latin1') : undefined,
      libs: libsLine ? libsLine[1]!.trim().split(/\s+/).filter(Boolean) : [],
      knownDifference: known ? known[1]! : null,
      keepTraceback: head.some((l) => l === '-- keep-traceback'),
    };
  });
}
