// The playground (playground/, built by scripts/build-playground.ts) as a
// person uses it, in headless Chromium: typing a program and running it,
// errors marking their line, endless loops stopped by Stop and by the time
// limit while the page stays responsive, the dialect switch, shared URLs,
// io.read through the input box, output streaming while a program runs,
// the generated JavaScript, and the examples.
// Each test saves a screenshot in test-output/playground/.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromiumSkip, launchChromium, serveStatic, type StaticServer } from './support/chromium.js';
import { buildPlayground, playgroundDir } from '../scripts/build-playground.js';

const repoRoot = join(fileURLToPath(import.meta.url), '..', '..', '..');
const screenshots = join(repoRoot, 'test-output', 'playground');
// Evaluated in the page (the tests are compiled without the DOM library, hence strings): the Run button is enabled again.
const RUN_ENDED = "!document.getElementById('run').disabled";

describe('playground', { skip: chromiumSkip(), timeout: 180_000 }, () => {
  let browser: Browser;
  let server: StaticServer;
  const pages: Page[] = [];

  before(async () => {
    await buildPlayground();
    mkdirSync(screenshots, { recursive: true });
    server = await serveStatic(playgroundDir);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh playground page (at `url`, default the playground's), once its worker is up. */
  async function open(url = `${server.url}/`): Promise<Page> {
    const page = await browser.newPage();
    pages.push(page);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForSelector('#status:has-text("Ready")');
    assert.deepEqual(errors, [], 'the page loads without errors');
    return page;
  }

  /** Replaces the editor's program by typing it (a person's keystrokes). */
  async function typeProgram(page: Page, code: string): Promise<void> {
    await page.click('.cm-content');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type(code);
    // Typed lines get the editor's indentation; the text is otherwise what was typed.
    assert.equal((await editorText(page)).replace(/^[ \t]+/gm, ''), code.replace(/^[ \t]+/gm, ''));
  }

  /** The editor's program, line by line as displayed. */
  async function editorText(page: Page): Promise<string> {
    return page.$$eval('.cm-content .cm-line', (lines) => lines.map((l) => l.textContent ?? '').join('\n'));
  }

  const isRunning = (page: Page): Promise<boolean> => page.$eval('#run', (b) => (b as unknown as { disabled: boolean }).disabled);
  const outputText = async (page: Page): Promise<string> => (await page.textContent('#output')) ?? '';
  const statusText = async (page: Page): Promise<string> => (await page.textContent('#status')) ?? '';

  /** Clicks Run and waits until the run ends; the output. */
  async function run(page: Page): Promise<string> {
    await page.click('#run');
    await page.waitForFunction(RUN_ENDED, undefined, { timeout: 30_000 });
    return outputText(page);
  }

  /** The 1-based numbers of the editor lines marked as an error's. */
  function markedLines(page: Page): Promise<number[]> {
    return page.$$eval('.cm-content .cm-line', (lines) => lines.flatMap((l, i) => (l.classList.contains('cm-lua-error-line') ? [i + 1] : [])));
  }

  const screenshot = (page: Page, name: string) => page.screenshot({ path: join(screenshots, `${name}.png`) });

  it('runs a typed program and shows its output', async () => {
    const page = await open();
    await typeProgram(page, 'local t = {}\nfor i = 1, 4 do t[#t + 1] = i * i end\nprint(table.concat(t, ","))\nio.write("sum ", 1 + 2, "\\n")');
    const out = await run(page);
    await screenshot(page, 'typed-program');
    assert.equal(out, '1,4,9,16\nsum 3\n');
    assert.match(await statusText(page), /^Finished/);
    assert.deepEqual(await markedLines(page), []);
  });

  it('marks the line of a runtime error and prints its traceback', async () => {
    const page = await open();
    await typeProgram(page, 'local function f(x)\nreturn x.field\nend\nprint("before")\nf(nil)');
    const out = await run(page);
    await screenshot(page, 'runtime-error');
    assert.deepEqual(await markedLines(page), [2]);
    assert.equal(
      out,
      "before\ninput:2: attempt to index a nil value (local 'x')\nstack traceback:\n\tinput:2: in local 'f'\n\tinput:5: in main chunk\n\t[C]: in ?\n",
    );
    // Editing the program clears the mark.
    await page.click('.cm-content');
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' ');
    assert.equal(await isRunning(page), false);
    assert.deepEqual(await markedLines(page), []);
  });

  it('marks the line of a syntax error', async () => {
    const page = await open();
    await typeProgram(page, 'print(1)\nprint(2)\nx = = 3');
    const out = await run(page);
    await screenshot(page, 'syntax-error');
    assert.deepEqual(await markedLines(page), [3]);
    assert.match(out, /^input:3: unexpected symbol near '='\n/);
  });

  it('marks the line of an error example from the selector (error called in a function)', async () => {
    const page = await open();
    await page.selectOption('#example', { label: 'An error' });
    const out = await run(page);
    await screenshot(page, 'error-example');
    assert.match(out, /^5\.0\ninput:4: division by zero\nstack traceback:\n\t\[C\]: in function 'error'\n/);
    assert.deepEqual(await markedLines(page), [4]);
  });

  it('stops `while true do end` with Stop, and the page stays responsive meanwhile', async () => {
    const page = await open();
    await typeProgram(page, 'while true do end');
    await page.click('#run');
    await page.waitForTimeout(500);
    assert.equal(await isRunning(page), true, 'still running');
    // The page answers and takes typing while the loop runs in the worker.
    assert.equal(await page.evaluate(() => 6 * 7), 42);
    await page.click('.cm-content');
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' -- typed while running');
    assert.equal(await editorText(page), 'while true do end -- typed while running');
    assert.equal(await isRunning(page), true, 'still running after the typing');
    await screenshot(page, 'stop-running');
    await page.click('#stop');
    assert.equal(await isRunning(page), false);
    assert.match(await outputText(page), /stopped/);
    assert.equal(await statusText(page), 'Stopped');
    // A new worker takes the next run.
    await typeProgram(page, 'print("after stop")');
    assert.equal(await run(page), 'after stop\n');
    await screenshot(page, 'stop-after');
  });

  it('stops `while true do end` with the time limit', async () => {
    const page = await open();
    await page.fill('#limit', '0.5');
    await typeProgram(page, 'local n = 0\nwhile true do\nn = n + 1\nend');
    await page.click('#run');
    await page.waitForTimeout(100);
    assert.equal(await isRunning(page), true);
    assert.equal(await page.evaluate('document.title'), 'Regolith playground', 'the page answers while the loop runs');
    await page.waitForFunction(RUN_ENDED, undefined, { timeout: 30_000 });
    await screenshot(page, 'time-limit');
    const out = await outputText(page);
    assert.match(out, /^time limit exceeded \(0\.5 s\)\nstack traceback:\n\tinput:[23]: in main chunk\n/);
    assert.match(await statusText(page), /time limit/);
    assert.equal((await markedLines(page)).length, 1);
  });

  it('runs the examples that need no input', async () => {
    const page = await open();
    const expected: Record<string, RegExp> = {
      'Hello': /^Hello, world!\nLua 5\.4\t5\.0\t3\t1024\.0\n/,
      'Closures and coroutines': /^1\t2\t3\n1 2 3 4 5 \n/,
      'String patterns': /^The=3 quick=5 /,
    };
    for (const [name, start] of Object.entries(expected)) {
      await page.selectOption('#example', { label: name });
      const out = await run(page);
      assert.match(out, start, name);
      assert.doesNotMatch(out, /stack traceback/, name);
      assert.match(await statusText(page), /^Finished/, name);
    }
    await screenshot(page, 'examples');
  });

  it('switches dialects: 10/2 is 5.0 in 5.4 and 5.3, 5 in 5.1', async () => {
    const page = await open();
    await typeProgram(page, 'print(10/2, _VERSION)');
    assert.equal(await run(page), '5.0\tLua 5.4\n');
    await page.selectOption('#dialect', '5.1');
    assert.equal(await run(page), '5\tLua 5.1\n');
    await screenshot(page, 'dialect-5.1');
    await page.selectOption('#dialect', '5.3');
    assert.equal(await run(page), '5.0\tLua 5.3\n');
  });

  it('restores a shared program and dialect from the URL', async () => {
    const page = await open();
    const program = 'local s = "héllo ✓"\nprint(#s, s:upper())';
    await typeProgram(page, program);
    await page.selectOption('#dialect', '5.1');
    await page.click('#share');
    await page.waitForFunction("location.hash.includes('code=')");
    const url = page.url();
    assert.match(url, /#dialect=5\.1&code=[A-Za-z0-9_-]+$/);
    const restored = await open(url);
    assert.equal(await editorText(restored), program);
    assert.equal(await restored.$eval('#dialect', (s) => (s as unknown as { value: string }).value), '5.1');
    assert.equal(await run(restored), '10\tHéLLO ✓\n');
    await screenshot(restored, 'shared-url');
  });

  it('shows the generated JavaScript of the program', async () => {
    const page = await open();
    await typeProgram(page, 'local answer = 42\nprint(answer)');
    await page.click('#show-js');
    const js = (await page.textContent('#js')) ?? '';
    await screenshot(page, 'show-js');
    assert.match(js, /^"use strict";/);
    assert.match(js, /42/);
    assert.equal(await page.textContent('#show-js'), 'Hide JavaScript');
    await typeProgram(page, 'x = = 1');
    await page.click('#show-js');
    await page.click('#show-js');
    assert.match((await page.textContent('#js')) ?? '', /no JavaScript: input:1: unexpected symbol near '='/);
  });

  it('reads io.read input from the input box', async () => {
    const page = await open();
    await typeProgram(page, 'io.write("name? ")\nlocal name = io.read()\nprint("hi " .. name)\nlocal a, b = io.read("n", "n")\nprint(a + b, math.type(a), math.type(b))\nprint(io.read("L"), io.read("a"))\nprint(io.read())');
    await page.click('#run');
    const waiting = async (): Promise<void> => {
      await page.waitForSelector('#stdin:not([disabled])');
    };
    await waiting();
    assert.equal(await outputText(page), 'name? ', 'the prompt is shown before the input is wanted');
    assert.match(await statusText(page), /Waiting for input/);
    await page.fill('#stdin', 'Ann');
    await page.press('#stdin', 'Enter');
    await waiting();
    await page.keyboard.type('3 4.5');
    await page.keyboard.press('Enter');
    await waiting();
    await page.keyboard.type('last line');
    await page.keyboard.press('Enter');
    await waiting();
    await screenshot(page, 'io-read');
    await page.click('#eof');
    await page.waitForFunction(RUN_ENDED);
    // Input is echoed in the output as a terminal shows it; "L" took the rest of the "3 4.5" line.
    assert.equal(await outputText(page), 'name? Ann\nhi Ann\n3 4.5\n7.5\tinteger\tfloat\nlast line\n^D\n\n\tlast line\n\nnil\n');
  });

  it('streams output while the program runs', async () => {
    const page = await open();
    await page.selectOption('#example', { label: 'Streaming output' });
    await page.click('#run');
    await page.waitForFunction("document.getElementById('output').textContent.includes('tick 2')", undefined, { timeout: 10_000 });
    const out = await outputText(page);
    assert.equal(await isRunning(page), true, 'output arrived before the end of the run');
    assert.doesNotMatch(out, /done/);
    await screenshot(page, 'streaming');
    await page.click('#stop');
  });
});
