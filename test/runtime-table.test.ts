// src/runtime/table.ts: raw table semantics.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { LuaTable, TableKeyError } from '../src/runtime/table.js';
import { LuaFloat, type LuaValue } from '../src/runtime/value.js';

const F = (x: number) => new LuaFloat(x);

function keyErr(f: () => unknown, kind: string): void {
  assert.throws(f, (e: unknown) => e instanceof TableKeyError && e.kind === kind);
}

/** All [key, value] pairs by repeated next(). */
function entries(t: LuaTable): [LuaValue, LuaValue][] {
  const out: [LuaValue, LuaValue][] = [];
  let k: LuaValue = undefined;
  for (;;) {
    const e = t.next(k);
    if (e === undefined) return out;
    out.push(e);
    k = e[0];
    assert.ok(out.length < 1e7, 'runaway traversal');
  }
}

/** A printable, comparable description of a key. */
function kd(k: LuaValue): string {
  if (k instanceof LuaFloat) return 'f' + k.n;
  if (typeof k === 'number') return (Number.isInteger(k) ? 'i' : 'f') + k;
  if (typeof k === 'bigint') return 'i' + k;
  if (typeof k === 'string') return 's' + k;
  return typeof k + ':' + String(k);
}

function isBorder(t: LuaTable, n: number): boolean {
  return (n === 0 || t.getInt(n) !== undefined) && t.getInt(n + 1) === undefined;
}

describe('LuaTable get/set', () => {
  test('basic keys of every type', () => {
    const t = new LuaTable();
    const f = () => 1;
    const o = new LuaTable();
    t.set('x', 1);
    t.set(1, 'one');
    t.set(-5, 'neg');
    t.set(0, 'zero');
    t.set(1.5, 'frac');
    t.set(true, 'T');
    t.set(false, 'F');
    t.set(f, 'fn');
    t.set(o, 'tbl');
    t.set(2n ** 60n, 'big');
    t.set(Infinity, 'inf');
    assert.equal(t.get('x'), 1);
    assert.equal(t.getStr('x'), 1);
    assert.equal(t.get(1), 'one');
    assert.equal(t.getInt(1), 'one');
    assert.equal(t.get(-5), 'neg');
    assert.equal(t.get(0), 'zero');
    assert.equal(t.get(1.5), 'frac');
    assert.equal(t.get(true), 'T');
    assert.equal(t.get(false), 'F');
    assert.equal(t.get(f), 'fn');
    assert.equal(t.get(o), 'tbl');
    assert.equal(t.get(2n ** 60n), 'big');
    assert.equal(t.get(Infinity), 'inf');
    assert.equal(t.get('y'), undefined);
    assert.equal(t.get(2), undefined);
    assert.equal(t.get(undefined), undefined);
    assert.equal(t.get(NaN), undefined);
    assert.equal(t.get(new LuaTable()), undefined);
    assert.equal(entries(t).length, 11);
  });
  test('strings are distinct from numbers; no inherited JS keys', () => {
    const t = new LuaTable();
    t.set('1', 'str');
    t.set(1, 'int');
    assert.equal(t.get('1'), 'str');
    assert.equal(t.get(1), 'int');
    for (const k of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'length', 'prototype']) {
      assert.equal(t.get(k), undefined, k);
      t.set(k, k + '!');
      assert.equal(t.get(k), k + '!', k);
    }
    assert.equal(entries(t).length, 9);
    t.set('__proto__', undefined);
    assert.equal(t.get('__proto__'), undefined);
    assert.equal(entries(t).length, 8);
  });
  test('float keys with integral values are integer keys', () => {
    const t = new LuaTable();
    t.set(F(1), 'a');
    assert.equal(t.get(1), 'a');
    assert.equal(t.length(), 1);
    t.set(F(-0), 'z');
    assert.equal(t.get(0), 'z');
    assert.equal(t.get(F(0)), 'z');
    t.set(F(2 ** 53), 'p53');
    assert.equal(t.get(2n ** 53n), 'p53');
    t.set(2n ** 62n, 'p62');
    assert.equal(t.get(F(2 ** 62)), 'p62');
    // beyond int64: stays a float key, distinct from any integer
    t.set(F(2 ** 63), 'p63');
    assert.equal(t.get(F(2 ** 63)), 'p63');
    assert.equal(t.get(-(2n ** 63n)), undefined);
    t.set(F(1e300), 'huge');
    const e = entries(t);
    const byKey = new Map(e.map(([k, v]) => [kd(k), v]));
    assert.equal(byKey.get('i1'), 'a');
    assert.equal(byKey.get('i0'), 'z');
    assert.equal(byKey.get('i' + 2n ** 53n), 'p53');
    assert.equal(byKey.get('i' + 2n ** 62n), 'p62');
    assert.equal(byKey.get('f' + 2 ** 63), 'p63');
    assert.equal(byKey.get('f1e+300'), 'huge');
    assert.equal(e.length, 6);
    // next accepts the float forms of keys
    assert.ok(t.next(F(1)) !== undefined);
    assert.doesNotThrow(() => t.next(F(2 ** 63)));
  });
  test('nil and NaN keys', () => {
    const t = new LuaTable();
    keyErr(() => t.set(undefined, 1), 'nil');
    keyErr(() => t.set(NaN, 1), 'nan');
    assert.equal(new TableKeyError('nil').message, 'table index is nil');
    assert.equal(new TableKeyError('nan').message, 'table index is NaN');
    assert.equal(new TableKeyError('next').message, "invalid key to 'next'");
  });
  test('assigning nil removes entries', () => {
    const t = new LuaTable();
    t.set('a', 1); t.set(true, 2); t.set(10, 3); t.set(1, 4);
    t.set('a', undefined); t.set(true, undefined); t.set(10, undefined); t.set(1, undefined);
    assert.deepEqual(entries(t), []);
    assert.equal(t.length(), 0);
    t.set('a', undefined); // nil over nil
    assert.deepEqual(entries(t), []);
  });
});

describe('LuaTable length and array part', () => {
  test('sequences', () => {
    const t = new LuaTable();
    for (let i = 1; i <= 1000; i++) t.set(t.length() + 1, i);
    assert.equal(t.length(), 1000);
    assert.equal(t.arr.length, 1000);
    for (let i = 1000; i > 500; i--) t.set(t.length(), undefined);
    assert.equal(t.length(), 500);
    assert.equal(t.get(501), undefined);
  });
  test('filled backwards: migrates from the hash when the gap closes', () => {
    const t = new LuaTable();
    for (let i = 100; i >= 2; i--) t.setInt(i, i);
    assert.equal(t.length(), 0);
    t.setInt(1, 1);
    assert.equal(t.length(), 100);
    assert.equal(t.arr.length, 100);
    for (let i = 1; i <= 100; i++) assert.equal(t.getInt(i), i);
    assert.equal(t.hash!.size, 0);
  });
  test('holes: the length is always a border', () => {
    const t = new LuaTable();
    for (let i = 1; i <= 10; i++) t.setInt(i, i);
    t.setInt(5, undefined);
    assert.ok(isBorder(t, t.length()));
    t.setInt(10, undefined);
    assert.equal(t.length(), 9);
    t.setInt(9, undefined); t.setInt(8, undefined); t.setInt(7, undefined); t.setInt(6, undefined);
    assert.equal(t.length(), 4); // trailing nils (including the hole at 5) dropped
    t.setInt(20, 'far');
    assert.equal(t.length(), 4);
    assert.equal(t.get(20), 'far');
  });
  test('fromArray', () => {
    const t = LuaTable.fromArray([1, undefined, 3, undefined, undefined]);
    assert.equal(t.length(), 3);
    assert.equal(t.get(2), undefined);
    assert.equal(t.get(3), 3);
    assert.deepEqual(entries(t), [[1, 1], [3, 3]]);
    assert.equal(LuaTable.fromArray([]).length(), 0);
    assert.equal(LuaTable.fromArray([undefined]).length(), 0);
  });
  test('insertAt / removeAt', () => {
    const t = LuaTable.fromArray(['a', 'b', 'c']);
    t.insertAt(1, 'z');
    t.insertAt(5, 'end');
    t.insertAt(3, 'mid');
    assert.deepEqual(t.arr, ['z', 'a', 'mid', 'b', 'c', 'end']);
    t.setInt(8, 'h8');
    t.insertAt(2, 'x'); // closes the gap at 7, so 8 migrates
    assert.equal(t.length(), 8);
    assert.equal(t.getInt(8), 'h8');
    assert.equal(t.removeAt(1), 'z');
    assert.equal(t.removeAt(t.length()), 'h8');
    assert.deepEqual(t.arr, ['x', 'a', 'mid', 'b', 'c', 'end']);
    const u = LuaTable.fromArray([1, undefined, 3]);
    assert.equal(u.removeAt(3), 3);
    assert.equal(u.length(), 1);
  });
  test('non-integer and out-of-range numeric keys go to the hash', () => {
    const t = new LuaTable();
    t.set(2 ** 40, 'a');
    t.set(-1, 'b');
    t.set(0.5, 'c');
    assert.equal(t.length(), 0);
    assert.equal(t.get(2 ** 40), 'a');
    assert.equal(t.hash!.size, 3);
  });
});

describe('LuaTable next', () => {
  test('visits every entry once, in array/string/hash order', () => {
    const t = new LuaTable();
    for (let i = 1; i <= 5; i++) t.setInt(i, i * 10);
    t.set('a', 'A'); t.set('b', 'B');
    t.set(true, 'T'); t.set(100, 'H');
    const e = entries(t);
    assert.deepEqual(e.map(([k]) => kd(k)), ['i1', 'i2', 'i3', 'i4', 'i5', 'sa', 'sb', 'boolean:true', 'i100']);
    assert.equal(t.next(undefined)![0], 1);
    assert.equal(new LuaTable().next(undefined), undefined);
  });
  test('invalid keys', () => {
    const t = new LuaTable();
    t.set('a', 1); t.set(1, 2); t.set(true, 3);
    keyErr(() => t.next('zz'), 'next');
    keyErr(() => t.next(false), 'next');
    keyErr(() => t.next(99), 'next');
    keyErr(() => t.next(NaN), 'next');
    keyErr(() => new LuaTable().next('x'), 'next');
  });
  test('clearing fields during traversal', () => {
    const t = new LuaTable();
    for (let i = 1; i <= 50; i++) t.setInt(i, i);
    for (let i = 0; i < 200; i++) t.set('k' + i, i);
    for (let i = 0; i < 200; i++) t.set(i + 1000.5, i);
    for (let i = 0; i < 20; i++) t.set(new LuaTable(), i);
    let k: LuaValue = undefined;
    let n = 0;
    for (;;) {
      const e = t.next(k);
      if (e === undefined) break;
      n++;
      k = e[0];
      t.set(k, undefined); // clear the current key (allowed)
    }
    assert.equal(n, 50 + 200 + 200 + 20);
    assert.deepEqual(entries(t), []);
    assert.equal(t.length(), 0);
  });
  test('clearing other fields and updating existing ones during traversal', () => {
    const t = new LuaTable();
    for (let i = 1; i <= 10; i++) t.setInt(i, i);
    for (let i = 0; i < 100; i++) t.set('s' + i, i);
    const seen = new Set<string>();
    let k: LuaValue = undefined;
    for (;;) {
      const e = t.next(k);
      if (e === undefined) break;
      k = e[0];
      assert.ok(!seen.has(kd(k)), 'visited twice: ' + kd(k));
      seen.add(kd(k));
      t.set(k, 'updated');
      if (k === 's10') for (let i = 50; i < 100; i++) t.set('s' + i, undefined);
      if (k === 3) t.setInt(10, undefined);
    }
    assert.equal(seen.size, 9 + 50);
    for (const [, v] of entries(t)) assert.equal(v, 'updated');
  });
  test('traversal is linear', () => {
    const t = new LuaTable();
    const N = 200_000;
    for (let i = 0; i < N; i++) { t.set('k' + i, i); t.set(i + 0.5, i); }
    const t0 = performance.now();
    assert.equal(entries(t).length, 2 * N);
    const dt = performance.now() - t0;
    assert.ok(dt < 2000, `traversal took ${dt}ms`);
  });
  test('nested traversals of the same table', () => {
    const t = new LuaTable();
    for (let i = 0; i < 30; i++) { t.set('k' + i, i); t.set({}, i); }
    let count = 0;
    let k: LuaValue = undefined;
    for (;;) {
      const e = t.next(k);
      if (e === undefined) break;
      k = e[0];
      count += entries(t).length;
    }
    assert.equal(count, 60 * 60);
  });
  test('string churn does not leak dead keys', () => {
    const t = new LuaTable();
    t.set('keep', 1);
    for (let i = 0; i < 100_000; i++) { t.set('tmp' + i, i); t.set('tmp' + i, undefined); }
    assert.ok(Object.keys(t.strs).length < 100, String(Object.keys(t.strs).length));
    assert.deepEqual(entries(t), [['keep', 1]]);
    // resurrecting a dead key
    t.set('x', 1); t.set('x', undefined); t.set('x', 2);
    assert.deepEqual(entries(t).map(([k]) => k).sort(), ['keep', 'x']);
  });
});

describe('LuaTable against a model', () => {
  test('random operations', () => {
    let seed = 2024;
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) >>> 0; return (seed >>> 8) % n; };
    const objs = [new LuaTable(), new LuaTable(), true, false];
    const randKey = (): LuaValue => {
      switch (rnd(7)) {
        case 0: case 1: case 2: return 1 + rnd(40);
        case 3: return 's' + rnd(30);
        case 4: return rnd(2) ? F(1 + rnd(40)) : rnd(40) - 20 + 0.25;
        case 5: return objs[rnd(objs.length)];
        default: return rnd(3) === 0 ? 2n ** 60n + BigInt(rnd(5)) : -rnd(5);
      }
    };
    const norm = (k: LuaValue): string => (k instanceof LuaFloat ? kd(Number.isSafeInteger(k.n) ? k.n : k) : typeof k === 'object' || typeof k === 'boolean' ? 'o' + objs.indexOf(k as never) : kd(k));
    for (let round = 0; round < 20; round++) {
      const t = new LuaTable();
      const model = new Map<string, LuaValue>();
      for (let step = 0; step < 2000; step++) {
        const k = randKey();
        if (rnd(3) === 0) {
          t.set(k, undefined);
          model.delete(norm(k));
        } else {
          const v = step;
          t.set(k, v);
          model.set(norm(k), v);
        }
        if (step % 97 === 0) {
          const e = entries(t);
          assert.equal(e.length, model.size);
          for (const [ek, ev] of e) assert.equal(model.get(norm(ek)), ev, norm(ek));
          assert.ok(isBorder(t, t.length()));
        }
        const q = randKey();
        assert.equal(t.get(q), model.get(norm(q)));
      }
    }
  });
});
