// The browser build: the engine with every standard library as one ES
// module, for `<script type="module">` and for pages that use no bundler.
//
//   dist/browser/regolith.mjs       readable (for debugging)
//   dist/browser/regolith.min.mjs   minified with esbuild's defaults
//
// Both come from src/index.ts, the package's main entry, which imports no
// Node module (Node-only pieces are in 'regolith/node'). Bundlers use that
// same entry through the package's `exports`; this file is for the rest.
// Run by `npm run build` after tsc; `--sizes` prints the sizes as JSON;
// `--readme` (npm run size) writes them into README.md's "In a web page".
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(fileURLToPath(import.meta.url), '..', '..', '..');
export const browserDir = join(repoRoot, 'dist', 'browser');
export const browserBuild = join(browserDir, 'regolith.mjs');
export const browserMinBuild = join(browserDir, 'regolith.min.mjs');

export async function buildBrowser(): Promise<void> {
  const common = {
    entryPoints: [join(repoRoot, 'src', 'index.ts')],
    bundle: true,
    format: 'esm' as const,
    platform: 'browser' as const,
    target: 'es2022',
    logLevel: 'warning' as const,
  };
  await build({ ...common, outfile: browserBuild });
  await build({ ...common, outfile: browserMinBuild, minify: true });
}

export interface BuildSizes { minified: number; gzipped: number }

/** The minified build's size in bytes, and gzipped at level 9 (what a server's gzip gives, near enough). */
export function browserSizes(): BuildSizes {
  const code = readFileSync(browserMinBuild);
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

const README_SECTION = /<!-- begin browser-size -->\n[\s\S]*?<!-- end browser-size -->/;

/** The README's size line for `sizes`. */
export function sizeLine(sizes: BuildSizes): string {
  const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  return `<!-- begin browser-size -->\n\`regolith.min.mjs\`: **${kb(sizes.minified)}** minified, ` +
    `**${kb(sizes.gzipped)}** gzipped (written by \`npm run size\`).\n<!-- end browser-size -->`;
}

/** The sizes recorded in README.md, or null when it has no size section. */
export function readmeSizes(readme: string): BuildSizes | null {
  const m = /\*\*([\d.]+) kB\*\* minified, \*\*([\d.]+) kB\*\* gzipped/.exec(README_SECTION.exec(readme)?.[0] ?? '');
  return m ? { minified: Number(m[1]) * 1000, gzipped: Number(m[2]) * 1000 } : null;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildBrowser();
  const sizes = browserSizes();
  if (process.argv.includes('--sizes')) console.log(JSON.stringify(sizes));
  if (process.argv.includes('--readme')) {
    const file = join(repoRoot, 'README.md');
    const readme = readFileSync(file, 'utf8');
    if (!README_SECTION.test(readme)) throw new Error('README.md has no <!-- begin browser-size --> section');
    writeFileSync(file, readme.replace(README_SECTION, sizeLine(sizes)));
    console.log(sizeLine(sizes));
  }
}
