// Regolith compiles Lua to JavaScript with `new Function`, which a page's
// Content Security Policy forbids unless script-src allows 'unsafe-eval'.
// In real Chromium, a page served with `script-src 'self'` imports the
// minified build from its own module script (test/support/csp-page.ts):
// running Lua must then throw an Error that says what is wrong and what to
// do (it names the Content Security Policy and 'unsafe-eval'), not the
// browser's bare EvalError. The same page without the header must run the
// Lua, so that the failure is known to come from the policy.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chromiumSkip, launchChromium, serveStatic } from './support/chromium.js';
import { repoRoot } from './support/reference.js';

type Outcome = { ok: true; value: unknown } | { ok: false; name: string; message: string };

/** Loads test/support/csp.html served with `headers`; what its module script reported. */
async function outcomeWith(headers: Record<string, string>): Promise<{ outcome: Outcome; console: string[] }> {
  const server = await serveStatic(repoRoot, headers);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const console: string[] = [];
    page.on('console', (m) => console.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => console.push(`pageerror: ${e.message}`));
    await page.goto(`${server.url}/test/support/csp.html`);
    const handle = await page.waitForFunction(() => (globalThis as { cspResult?: unknown }).cspResult, undefined, { timeout: 30_000 });
    return { outcome: await handle.jsonValue() as Outcome, console };
  } finally {
    await browser.close();
    await server.close();
  }
}

const skip = chromiumSkip();

test('without a Content Security Policy the page runs Lua', { skip }, async () => {
  const { outcome, console } = await outcomeWith({});
  assert.deepEqual(outcome, { ok: true, value: 42 }, `page console:\n${console.join('\n')}`);
});

test("with script-src 'self' (no 'unsafe-eval'), running Lua throws an Error naming the policy and 'unsafe-eval'", { skip }, async () => {
  const { outcome, console } = await outcomeWith({ 'Content-Security-Policy': "script-src 'self'" });
  assert.equal(outcome.ok, false, `Lua ran although the policy forbids new Function; page console:\n${console.join('\n')}`);
  if (outcome.ok) return;
  // Chromium's own EvalError already names the policy and 'unsafe-eval'; the
  // engine's error (a plain Error, saying that Lua is compiled with new
  // Function) is told apart from it by its name.
  assert.equal(outcome.name, 'Error', `expected Regolith's Error, got the browser's ${outcome.name}: ${outcome.message}`);
  assert.match(outcome.message, /Content Security Policy/);
  assert.match(outcome.message, /'unsafe-eval'/);
});
