// The module script of test/support/csp.html (test/browser-csp.test.ts):
// imports the minified browser build and runs a line of Lua, then leaves
// what happened in globalThis.cspResult for the test to read.
type Outcome = { ok: true; value: unknown } | { ok: false; name: string; message: string };

const out = globalThis as { cspResult?: Outcome };
try {
  const { Lua } = await import('/dist/browser/regolith.min.mjs' as string) as typeof import('../../src/index.js');
  const lua = new Lua();
  out.cspResult = { ok: true, value: lua.doString('return 6 * 7')[0] };
} catch (e) {
  out.cspResult = { ok: false, name: e instanceof Error ? e.name : typeof e, message: e instanceof Error ? e.message : String(e) };
}
