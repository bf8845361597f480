// Error positions and tracebacks without V8's structured stack API, as in
// Firefox and Safari (src/runtime/jsframes.ts): the error and debug programs
// of test/lua/ run under bin/regolith with Error.captureStackTrace removed
// before the engine loads, against lua5.4, tracebacks included where the
// program asks for them. Then the stack-string parser is checked on the
// formats of SpiderMonkey and JavaScriptCore, which Node cannot produce.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { assertSameAsReference, referenceSkip, regolithCommand, runDifferential } from './support/differential.js';
import { repoRoot } from './support/reference.js';
import { ParsedSite, V8_STACK, parseStack } from '../src/runtime/jsframes.js';
import { renameFunction } from '../src/runtime/names.js';

const noV8 = join(repoRoot, 'test', 'support', 'no-v8-stack.mjs');
const folders = ['errors', 'debug'];

describe('error positions and tracebacks without the V8 stack API', { concurrency: 4 }, () => {
  test('this process has the V8 API, and the child runs without it', () => {
    assert.equal(V8_STACK, true);
    assert.ok(existsSync(noV8));
  });
  for (const folder of folders) {
    const dir = join(repoRoot, 'test', 'lua', folder);
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.lua')).sort()) {
      const file = join(dir, name);
      const head = readFileSync(file, 'latin1').split('\n', 5);
      const known = head.map((l) => /^-- known-difference: (.*)$/.exec(l)).find((m) => m !== null);
      test(`${folder}/${name}`, { skip: known ? `known difference: ${known[1]}` : referenceSkip('5.4') }, async () => {
        const m = /^-- args:(.*)$/.exec(head[0] ?? '');
        const args = m ? m[1]!.trim().split(/\s+/).filter(Boolean) : [];
        const stdinFile = file.replace(/\.lua$/, '.stdin');
        const stdin = existsSync(stdinFile) ? readFileSync(stdinFile, 'latin1') : undefined;
        const keepTraceback = head.some((l) => l === '-- keep-traceback');
        const [bin, ...rest] = regolithCommand('5.4');
        const r = await runDifferential({ file }, {
          args, stdin, keepTraceback, cwd: join(repoRoot, 'test'),
          regolithCommand: [process.execPath, '--stack-size=3800', '--import', noV8, bin!, ...rest],
        });
        assertSameAsReference(r);
      });
    }
  }
});

describe('parsing stack strings', () => {
  test('SpiderMonkey and JavaScriptCore frames', () => {
    const spidermonkey = [
      '$f2@regolith-chunk:1/3:7:12',
      'luaLib$string.rep@http://127.0.0.1:8080/regolith.min.mjs:1:2345',
      'outer/inner<@http://127.0.0.1:8080/app.js:10:5',
      'outer/named@http://127.0.0.1:8080/app.js:11:5',
      '@http://127.0.0.1:8080/app.js:20:1',
      'map@[native code]',
      '',
    ].join('\n');
    assert.deepEqual(parseStack(spidermonkey), [
      new ParsedSite('$f2', 'regolith-chunk:1/3', 7),
      new ParsedSite('luaLib$string.rep', 'http://127.0.0.1:8080/regolith.min.mjs', 1),
      new ParsedSite(null, 'http://127.0.0.1:8080/app.js', 10),
      new ParsedSite('named', 'http://127.0.0.1:8080/app.js', 11),
      new ParsedSite(null, 'http://127.0.0.1:8080/app.js', 20),
      new ParsedSite('map', '', 0),
    ]);
  });
  test('SpiderMonkey frames are read through the source names of renamed functions', () => {
    // Test functions, renamed as the engine renames its own (names.ts).
    function sourceNameOfAFunction(): void {}
    function ab(): void {}
    const twin = { sharedSourceName(): void {} }.sharedSourceName;
    const twin2 = { sharedSourceName(): void {} }.sharedSourceName;
    renameFunction(sourceNameOfAFunction, 'luaLib$test.renamed');
    renameFunction(ab, 'luaLib$test.short');
    renameFunction(twin, 'luaLib$test.twin1');
    renameFunction(twin2, 'luaLib$test.twin2');
    const frames = ['sourceNameOfAFunction@x.mjs:1:1', 'ab@x.mjs:2:1', 'outer/sharedSourceName@x.mjs:3:1', ''].join('\n');
    assert.deepEqual(parseStack(frames).map((s) => s.fnName), [
      'luaLib$test.renamed',
      'ab', // too short to be recorded: a minifier's name
      'sharedSourceName', // two functions had it: it identifies neither
    ]);
    // V8 shows the `name` property itself: its frames are not translated.
    assert.deepEqual(parseStack('Error\n    at sourceNameOfAFunction (x.mjs:1:1)').map((s) => s.fnName), ['sourceNameOfAFunction']);
  });
  test('V8 frames', () => {
    const v8 = [
      'Error: x',
      '    at $f1 (regolith-chunk:2/1:5:3)',
      '    at Machine.luaMachineRun (file:///a/b.mjs:3:4)',
      '    at Object.m [as alias] (file:///a/b.mjs:4:4)',
      '    at new Thing (file:///a/b.mjs:5:4)',
      '    at async run (file:///a/b.mjs:6:4)',
      '    at new Promise (<anonymous>)',
      '    at file:///a/b.mjs:7:4',
    ].join('\n');
    assert.deepEqual(parseStack(v8), [
      new ParsedSite('$f1', 'regolith-chunk:2/1', 5),
      new ParsedSite('Machine.luaMachineRun', 'file:///a/b.mjs', 3),
      new ParsedSite('Object.m', 'file:///a/b.mjs', 4),
      new ParsedSite('Thing', 'file:///a/b.mjs', 5),
      new ParsedSite('run', 'file:///a/b.mjs', 6),
      new ParsedSite('Promise', '', 0),
      new ParsedSite(null, 'file:///a/b.mjs', 7),
    ]);
  });
});
