// The browser build: the engine with every standard library as one ES
// module, for `<script type="module">` and for pages that use no bundler.
//
//   dist/browser/regolith.mjs       readable (for debugging)
//   dist/browser/regolith.min.mjs   minified with esbuild's defaults
//
// Both come from src/index.ts, the package's main entry, which imports no
// Node module (Node-only pieces are in 'regolith/node'). Bundlers use that
// same entry through the package's `exports`; this file is for the rest.
// Run by `npm run build` after tsc; `--sizes` prints the sizes as JSON.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
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

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildBrowser();
  if (process.argv.includes('--sizes')) console.log(JSON.stringify(browserSizes()));
}
