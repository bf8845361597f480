// The README's embedding examples: each is a file of examples/embedding/
// (compiled by the repository's strict tsconfig), quoted verbatim in the
// README, and run here with the output it shows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { repoRoot } from './support/reference.js';

const EXPECTED: Record<string, string> = {
  quickstart: 'Hello, Lua!\n3 ét 9223372036854775807n\n6765\n',
  tables: "[ 'demo', 2, 80 ]\nchanged 3\n[ 10, 20, 30 ] { a: 1, b: { c: true } }\n[ 3, 2 ]\n1\n",
  async: "user1, user2, user3\n[ false, 'service down' ]\n",
  classes: "[ 10, 'Counter(10)' ]\ndemo:1: bad argument #1 to 'increment' (Counter expected, got table)\n",
  files: '1.0\tnil\t/etc/passwd: No such file or directory\t2\noneone twotwo \n',
  limits: "instructions instruction limit exceeded\nmemory memory limit exceeded\n[ 'xxxxxxxxxx' ]\n19 { status: 'done', values: [ 5000050000 ] }\n",
  redis: '[ 1, 1, 0 ] 1000\n1\nWRONGTYPE | WRONGTYPE Operation against a key holding the wrong kind of value script: ba05c7a511dadfbc674b91a2c9e33726dd4dcc7e, on @user_script:1.\n',
  sandbox: '[ undefined, undefined, undefined, true ]\nscript:1: attempt to modify a readonly table\n[ false, 3, true, undefined ]\n',
  errors: [
    'check.lua:2: x must be positive',
    'stack traceback:',
    "\t[C]: in function 'assert'",
    "\tcheck.lua:2: in local 'check'",
    '\tcheck.lua:4: in main chunk',
    '\t[C]: in ?',
    '[C]:-1 C | check.lua:2 Lua | check.lua:4 main',
    "[ false, 'disk full' ]",
    'true',
    '',
  ].join('\n'),
};

const exampleDir = join(repoRoot, 'examples', 'embedding');
const examples = readdirSync(exampleDir).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();

test('every embedding example is quoted verbatim in the README', () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  assert.deepEqual(examples, Object.keys(EXPECTED).sort());
  for (const name of examples) {
    const source = readFileSync(join(exampleDir, `${name}.ts`), 'utf8').replace(/\n+$/, '');
    assert.ok(readme.includes('```ts\n' + source + '\n```'), `README.md does not quote examples/embedding/${name}.ts`);
  }
});

for (const name of examples) {
  test(`README example ${name} runs and prints what it shows`, () => {
    const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'examples', 'embedding', `${name}.js`)], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    assert.equal(r.stdout, EXPECTED[name]);
  });
}

test("src/index.ts's header example works as written", () => {
  const header = readFileSync(join(repoRoot, 'src', 'index.ts'), 'utf8').split('\n').filter((l) => l.startsWith('//   ')).map((l) => l.slice(5));
  assert.ok(header.length >= 4);
  const js = header.join('\n')
    .replace("from 'regolith'", `from ${JSON.stringify(pathToFileURL(join(repoRoot, 'dist', 'src', 'index.js')).href)}`)
    .replace(/: number/g, '');
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', `${js}\nif (sum !== 3) throw new Error('sum is ' + sum);`], { encoding: 'utf8' });
  assert.equal(r.stderr, '');
  assert.equal(r.status, 0);
});
