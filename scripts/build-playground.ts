// The playground (playground/): a static page in dist/playground/.
//
//   index.html, style.css   copied from playground/
//   main.js                 the page (editor, controls), bundled by esbuild
//   worker.js               the Web Worker that runs the programs (the engine)
//
// Both scripts bundle the engine from its sources (src/index.ts). Run by
// `npm run playground:build` after `tsc -p playground --noEmit` has
// type-checked the playground; test/playground.test.ts calls buildPlayground().
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(fileURLToPath(import.meta.url), '..', '..', '..');
const sourceDir = join(repoRoot, 'playground');
export const playgroundDir = join(repoRoot, 'dist', 'playground');

export async function buildPlayground(): Promise<void> {
  mkdirSync(playgroundDir, { recursive: true });
  await build({
    entryPoints: [join(sourceDir, 'src', 'main.ts'), join(sourceDir, 'src', 'worker.ts')],
    outdir: playgroundDir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // Minified with the defaults: the engine names the frames its tracebacks
    // look for in a way that survives renaming (docs/ARCHITECTURE.md, "Error positions").
    minify: true,
    sourcemap: true,
    logLevel: 'warning',
  });
  for (const file of ['index.html', 'style.css']) copyFileSync(join(sourceDir, file), join(playgroundDir, file));
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildPlayground();
  console.log(`playground built in ${playgroundDir}`);
}
