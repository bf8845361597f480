// Lookups over the command table (command-table.ts, generated from
// redis-server's COMMAND reply by scripts/redis-commands.ts).
import type { CommandSpec } from './executor.js';
import { ROWS } from './command-table.js';

export { COMMANDS_VERSION } from './command-table.js';

/** Every command's spec by lowercase name (subcommands as 'script|load'); frozen. */
export const COMMAND_SPECS: Readonly<Record<string, CommandSpec>> = Object.freeze(Object.fromEntries(
  ROWS.map(([name, arity, flags, firstKey, lastKey, step]) => [name, Object.freeze({
    name, arity, flags: Object.freeze(flags === '' ? [] : flags.split(' ')), firstKey, lastKey, step,
  })]),
));

/** The spec of a command ('get') or subcommand ('script|load'), any case; undefined when Redis has none. */
export function commandSpec(name: string): CommandSpec | undefined {
  const key = name.toLowerCase();
  return Object.prototype.hasOwnProperty.call(COMMAND_SPECS, key) ? COMMAND_SPECS[key] : undefined;
}

/** The containers of subcommands ('script', 'config', ...), by lowercase name; frozen. */
const CONTAINERS: Readonly<Record<string, true>> = Object.freeze(Object.fromEntries(
  ROWS.filter((r) => r[0].includes('|')).map((r) => [r[0].slice(0, r[0].indexOf('|')), true] as const),
));

/** Whether a command is a container of subcommands ('script', 'config', ...). */
export function hasSubcommands(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(CONTAINERS, name.toLowerCase());
}
