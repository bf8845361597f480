// Generated Markdown documents made of independently regenerated sections:
// each section sits between `<!-- begin KEY -->` and `<!-- end KEY -->`
// markers, so regenerating one dialect leaves the others alone.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Section { key: string; body: string }

/**
 * Writes `file`: the header (always replaced), then the sections in
 * `order`: new bodies from `sections`, others kept from the existing file.
 */
export function updateSections(file: string, header: string, order: readonly string[], sections: readonly Section[]): void {
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const bodies = new Map<string, string>();
  const re = /<!-- begin (\S+) -->\n([\s\S]*?)<!-- end \1 -->\n?/g;
  for (const m of old.matchAll(re)) bodies.set(m[1]!, m[2]!);
  for (const s of sections) bodies.set(s.key, s.body.endsWith('\n') ? s.body : s.body + '\n');
  const keys = [...order.filter((k) => bodies.has(k)), ...[...bodies.keys()].filter((k) => !order.includes(k))];
  let text = header.endsWith('\n') ? header : header + '\n';
  for (const k of keys) text += `\n<!-- begin ${k} -->\n${bodies.get(k)}<!-- end ${k} -->\n`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Text safe inside a Markdown table cell. */
export function cell(s: string, max = 140): string {
  let t = s.replace(/[\r\n\t]+/g, ' ').replace(/[\x00-\x1f\x7f-\uffff]/g, (c) => `\\${c.charCodeAt(0)}`);
  if (t.length > max) t = t.slice(0, max - 1) + '…';
  return t.replace(/\|/g, '\\|').replace(/`/g, "'");
}
