// `npm run playground`: serves the built playground (dist/playground) on
// 127.0.0.1 until interrupted. `--port N` picks the port (default 8080).
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { playgroundDir } from './build-playground.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json',
};

const portArg = process.argv.indexOf('--port');
const port = portArg >= 0 ? Number(process.argv[portArg + 1]) : 8080;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('usage: serve-playground [--port N]');
  process.exit(2);
}
if (!existsSync(join(playgroundDir, 'index.html'))) {
  console.error(`${playgroundDir} has no playground: run npm run playground:build`);
  process.exit(1);
}

const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  let file = normalize(join(playgroundDir, path));
  // Nothing outside the playground's folder.
  if (file !== playgroundDir && !file.startsWith(playgroundDir + sep)) {
    res.writeHead(403).end();
    return;
  }
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
  res.end(readFileSync(file));
});
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const actual = typeof address === 'object' && address !== null ? address.port : port;
  console.log(`Regolith playground: http://127.0.0.1:${actual}/  (Ctrl-C to stop)`);
});
