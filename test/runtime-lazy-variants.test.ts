// Resumable variants are compiled when a closure of their chunk first runs
// resumably (runtime/loader.ts compileVariants), once per chunk, into a
// script of their own. (Their behaviour is covered by the differential
// programs test/lua/coroutine/lazy_variants.lua and
// test/lua/5.1/core/fenv_lazy_variants.lua.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LuaState, memoryHost, openLibs, toLuaString } from '../src/index.js';
import { generateJs } from '../src/runtime/loader.js';
import type { ChunkInfo } from '../src/runtime/errors.js';

const SOURCE = `
local function add(a, b) return a + b end
direct = function(n) return add(n, 1) end
resumed = function(n) return coroutine.wrap(function() return add(n, 2) end)() end
`;

test('a chunk compiles its resumable variants when one of its closures first runs resumably, and only once', () => {
  const L = new LuaState({ host: memoryHost() });
  openLibs(L);
  const main = L.compile(toLuaString(SOURCE), '=lazy') as unknown as { P: { chunk: ChunkInfo } };
  const chunk = main.P.chunk;
  // (A function, so that the assertions do not narrow its type.)
  const variantsOf = (): ChunkInfo | undefined => chunk.variants;
  L.run(() => (main as unknown as () => unknown)());
  const call = (name: string, n: number): unknown => L.load(toLuaString(`return (${name}(${n}))`), '=call')();
  assert.equal(call('direct', 1), 2);
  assert.equal(variantsOf(), undefined, 'direct calls compiled the variants');
  assert.equal(call('resumed', 1), 3);
  const variants = variantsOf();
  assert.notEqual(variants, undefined, 'a coroutine ran the chunk without its variants');
  assert.equal(call('resumed', 5), 7);
  assert.equal(variantsOf(), variants, 'the variants were compiled again');
  // Their script has line maps of its own, and the chunk's names and prototypes.
  assert.notEqual(variants!.lineMap, chunk.lineMap);
  assert.equal(variants!.displayName, chunk.displayName);
  assert.equal(variants!.protoLines, chunk.protoLines);
});

test("the chunk's script has no resumable variants; the listing shows them after it", () => {
  const listing = generateJs(toLuaString(SOURCE), { chunkName: '=lazy' });
  const at = listing.indexOf('// The resumable variants');
  assert.ok(at > 0, 'no variants section');
  assert.doesNotMatch(listing.slice(0, at), /function\*/);
  assert.match(listing.slice(at), /function\* \$g1\(/);
});
