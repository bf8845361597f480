// The API boundary: JS text enters and leaves Lua as UTF-8 byte strings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LuaState, memoryHost, openLibs, toLuaString, fromLuaString } from '../src/index.js';

test('JS text round-trips through UTF-8 byte strings', () => {
  for (const text of ['', 'plain', 'héllo', '日本語', '😀 emoji', '\u2028\u2029', 'a\0b']) {
    const bytes = toLuaString(text);
    assert.ok([...bytes].every((c) => c.charCodeAt(0) <= 255));
    assert.equal(fromLuaString(bytes), text);
  }
  assert.equal(toLuaString('é'), '\xC3\xA9');
});

test('a program given as JS text sees UTF-8 bytes', () => {
  const host = memoryHost();
  const L = new LuaState({ host });
  openLibs(L);
  const f = L.load(toLuaString('print(#"é", ("é"):byte(1, -1))'), '=api');
  f();
  host.stdout.flush();
  assert.equal(fromLuaString(host.output()), '2\t195\t169\n');
});
