// The differential corpus: every Lua program under test/lua/ (recursively)
// and how it is to be run (see test/lua-differential.test.ts for the
// conventions: `-- args:`, NAME.stdin, `-- libs:`, `-- known-difference:`,
// `-- keep-traceback`, `-- dialects:`). Shared by the command-line
// differential test and the browser corpus test, so that both read the
// conventions alike.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Dialect } from '../../src/syntax/ast.js';
import { repoRoot } from './reference.js';

export const corpusRoot = join(repoRoot, 'test', 'lua');

export interface CorpusProgram {
  /** Absolute path. */
  file: string;
  /** Path relative to test/lua (the test's name), with ` [5.3]` for a run in a dialect other than its folder's. */
  name: string;
  /** 5.4 unless the path has a `5.3` or `5.1` folder; or each of a `-- dialects:` line's. */
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

const DIALECTS: readonly Dialect[] = ['5.4', '5.3', '5.1'];

/**
 * The dialects a program runs in: its folder's, or those a line
 * `-- dialects: 5.4 5.3 5.1` among its first lines lists (one program, run
 * and compared in each, instead of a copy per dialect folder).
 */
function dialectsOf(file: string, head: string[]): Dialect[] {
  const line = head.map((l) => /^-- dialects:(.*)$/.exec(l)).find((m) => m !== null);
  if (!line) return [dialectOf(file)];
  const list = line[1]!.trim().split(/\s+/);
  for (const d of list) if (!DIALECTS.includes(d as Dialect)) throw new Error(`${file}: unknown dialect '${d}' in its -- dialects: line`);
  return list as Dialect[];
}

/** Every program of the corpus, sorted by path (a program with several dialects once per dialect). */
export function corpusPrograms(): CorpusProgram[] {
  if (!existsSync(corpusRoot)) return [];
  return findPrograms(corpusRoot).flatMap((file) => {
    const head = readFileSync(file, 'latin1').split('\n', 5);
    const known = head.map((l) => /^-- known-difference: (.*)$/.exec(l)).find((m) => m !== null);
    const libsLine = head.map((l) => /^-- libs:(.*)$/.exec(l)).find((x) => x !== null);
    const argsLine = /^-- args:(.*)$/.exec(head[0]!);
    const stdinFile = file.replace(/\.lua$/, '.stdin');
    const own = dialectOf(file);
    return dialectsOf(file, head).map((dialect) => ({
      file,
      name: relative(corpusRoot, file) + (dialect === own ? '' : ` [${dialect}]`),
      dialect,
      args: argsLine ? argsLine[1]!.trim().split(/\s+/).filter(Boolean) : [],
      stdin: existsSync(stdinFile) ? readFileSync(stdinFile, 'latin1') : undefined,
      libs: libsLine ? libsLine[1]!.trim().split(/\s+/).filter(Boolean) : [],
      knownDifference: known ? known[1]! : null,
      keepTraceback: head.some((l) => l === '-- keep-traceback'),
    }));
  });
}
