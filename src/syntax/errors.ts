// Errors raised by the front end.

/**
 * A syntax (or other compile-time) error. `message` is exactly what the
 * reference compiler prints, e.g. `[string "x = = 1"]:1: unexpected symbol near '='`.
 */
export class LuaSyntaxError extends Error {
  override readonly name = 'LuaSyntaxError';
  constructor(
    message: string,
    /** Line the reference reports (the lexer's current line). */
    readonly line: number,
    /** Column of the offending token, 1-based (0 when unknown). */
    readonly column: number,
    /** The `near` part without quotes handling: e.g. `'='` or `<eof>`; null when absent. */
    readonly near: string | null,
    /** The message without the `chunk:line:` prefix and without ` near ...`. */
    readonly reason: string,
  ) {
    super(message);
  }
}
