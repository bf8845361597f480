// The one place that turns generated JavaScript into a function. Compiled Lua
// runs through `new Function`, which a page's Content Security Policy blocks
// unless its script-src allows 'unsafe-eval'; the browser's own error for
// that ("Refused to evaluate a string as JavaScript...", an EvalError) does
// not say what to do, so it is replaced by one that does.

export const CSP_BLOCKED_MESSAGE =
  "Regolith cannot run Lua here: it compiles Lua to JavaScript with new Function, which this page's " +
  "Content Security Policy blocks. Allow it with 'unsafe-eval' in the policy's script-src.";

/** `new Function(...params, body)`, with a clear error where the page forbids it. */
export function compileJs(params: readonly string[], body: string): Function {
  try {
    return new Function(...params, body);
  } catch (e) {
    // A syntax error in generated code is a compiler bug and keeps its own error.
    if (e instanceof EvalError) throw new Error(CSP_BLOCKED_MESSAGE, { cause: e });
    throw e;
  }
}
