// JS objects in Lua: registered classes (methods, properties, metamethods),
// opaque instances, proxies.
import assert from 'node:assert/strict';
import { test, describe } from 'node:test';
import { Lua, LuaError, LuaTableHandle } from '../src/index.js';

function luaMessage(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof LuaError) return e.message;
    throw e;
  }
  assert.fail('no error');
}

class Vec {
  constructor(public x: number, public y: number) {}
  get length(): number { return Math.hypot(this.x, this.y); }
  scale(k: number): Vec { return new Vec(this.x * k, this.y * k); }
  toString(): string { return `Vec(${this.x}, ${this.y})`; }
  equals(o: Vec): boolean { return this.x === o.x && this.y === o.y; }
  __add(a: Vec, b: Vec): Vec { return new Vec(a.x + b.x, a.y + b.y); }
  __len(): number { return 2; }
  __call(k: string): number { return k === 'x' ? this.x : this.y; }
}

describe('registered classes', () => {
  test('methods, properties, own fields, metamethods from the class', () => {
    const lua = new Lua();
    lua.registerClass(Vec);
    lua.global.set('v', new Vec(3, 4));
    lua.global.set('Vec', (x: number, y: number) => new Vec(x, y));
    assert.deepEqual(lua.doString('return v.x, v.y, v.length, v:scale(2).x, tostring(v), #v, v("y"), (v + Vec(1, 1)).x, v == Vec(3, 4), v == Vec(0, 0), type(v)'),
      [3, 4, 5, 6, 'Vec(3, 4)', 2, 4, 4, true, false, 'userdata']);
    // Own fields are writable; the write reaches the object.
    const v = lua.global.get<Vec>('v');
    lua.doString('v.x = 30');
    assert.equal(v.x, 30);
    // An accessor without a setter is read-only; unknown fields cannot be created.
    assert.equal(luaMessage(() => lua.doString('v.length = 1', { chunkName: '=c' })), "c:1: property 'length' of Vec is read-only");
    assert.equal(luaMessage(() => lua.doString('v.z = 1', { chunkName: '=c' })), "c:1: Vec has no field 'z'");
    assert.equal(lua.doString('return v.nothing')[0], undefined);
    // The same object is the same userdata; it comes back as itself.
    assert.deepEqual(lua.doString('return v == v, rawequal(v, v)'), [true, true]);
    assert.equal(lua.global.get('v'), v);
    assert.match(String(lua.doString('return getmetatable(v).__name')[0]), /^Vec$/);
  });

  test('explicit members, readonly, name, extra metamethods', () => {
    class Account {
      balance = 100;
      owner = 'ann';
      private secret = 'hidden';
      deposit(n: number): number { this.balance += n; return this.balance; }
      drain(): void { this.balance = 0; }
      peek(): string { return this.secret; }
    }
    const lua = new Lua();
    lua.registerClass(Account, {
      name: 'Bank.Account',
      methods: ['deposit'],
      properties: ['balance', 'owner'],
      readonly: ['owner'],
      metamethods: { __lt: (a, b) => (a as Account).balance < (b as Account).balance },
    });
    const acct = new Account();
    lua.global.set('a', acct);
    lua.global.set('b', new Account());
    assert.deepEqual(lua.doString('return a:deposit(5), a.balance, a.owner, a.drain, a.secret, a.peek, b < a'), [105, 105, 'ann', undefined, undefined, undefined, true]);
    lua.doString('a.balance = 1');
    assert.equal(acct.balance, 1);
    assert.equal(luaMessage(() => lua.doString('a.owner = "bob"', { chunkName: '=c' })), "c:1: property 'owner' of Bank.Account is read-only");
    assert.equal(luaMessage(() => lua.doString('a.secret = 1', { chunkName: '=c' })), "c:1: Bank.Account has no field 'secret'");
    assert.match(String(lua.doString('return tostring(a)')[0]), /^Bank\.Account: 0x/);
    assert.equal(luaMessage(() => lua.doString('a.deposit(1)', { chunkName: '=c' })), "c:1: bad argument #1 to 'deposit' (Bank.Account expected, got number)");
  });

  test('forbidden names cannot be exposed', () => {
    const lua = new Lua();
    class C { m(): void {} }
    assert.throws(() => lua.registerClass(C, { methods: ['constructor' as never] }), TypeError);
    assert.throws(() => lua.registerClass(C, { properties: ['__proto__' as never] }), TypeError);
  });

  test('subclasses use the nearest registered class; methods check self', () => {
    class Base { hello(): string { return 'base'; } }
    class Derived extends Base { override hello(): string { return 'derived'; } extra(): string { return 'x'; } }
    const lua = new Lua();
    lua.registerClass(Base);
    lua.global.set('d', new Derived());
    lua.global.set('b', new Base());
    // The registered class's members, dispatched on the object.
    assert.deepEqual(lua.doString('return d:hello(), b:hello(), d.extra'), ['derived', 'base', undefined]);
    assert.equal(luaMessage(() => lua.doString('local t = {hello = b.hello} return t:hello()', { chunkName: '=c' })), "c:1: calling 'hello' on bad self (Base expected, got table)");
  });

  test('__close from Symbol.dispose or close()', () => {
    const lua = new Lua();
    const log: string[] = [];
    class Res { constructor(readonly name: string) {} [Symbol.dispose](): void { log.push(`dispose ${this.name}`); } }
    class Handle { close(): void { log.push('close'); } }
    lua.registerClass(Res);
    lua.registerClass(Handle);
    lua.global.set('mk', (n: string) => new Res(n));
    lua.global.set('h', new Handle());
    lua.doString('do local a <close> = mk("a") local b <close> = h end');
    assert.deepEqual(log, ['close', 'dispose a']);
  });

  test('methods may return promises (awaited in async runs)', async () => {
    class Api { async fetch(id: number): Promise<string> { await new Promise((r) => setTimeout(r, 1)); return `item ${id}`; } }
    const lua = new Lua();
    lua.registerClass(Api);
    lua.global.set('api', new Api());
    assert.deepEqual(await lua.doStringAsync('return api:fetch(7)'), ['item 7']);
  });

  test('a class that defines __index gets the keys nobody else knows', () => {
    class Bag { data: Record<string, number> = { a: 1 }; size(): number { return 1; } __index(k: string): number | undefined { return this.data[k]; } }
    const lua = new Lua();
    lua.registerClass(Bag);
    lua.global.set('bag', new Bag());
    assert.deepEqual(lua.doString('return bag.a, bag:size(), bag.missing'), [1, 1, undefined]);
  });
});

describe('proxies', () => {
  test('own properties, live, both ways', () => {
    const obj: Record<string, unknown> = { a: 1, nested: { b: 2 }, list: [10, 20] };
    const lua = new Lua();
    lua.global.set('p', lua.proxy(obj));
    assert.deepEqual(lua.doString('return p.a, p.nested.b, p.list[1], p.list[2], #p.list, p.missing'), [1, 2, 10, 20, 2, undefined]);
    lua.doString('p.a = 5 p.nested.b = 6 p.list[3] = 30 p.new = "n" p.a2 = {1}');
    assert.equal(obj.a, 5);
    assert.deepEqual(obj.nested, { b: 6 });
    assert.deepEqual(obj.list, [10, 20, 30]);
    assert.equal(obj.new, 'n');
    assert.ok(obj.a2 instanceof LuaTableHandle);
    lua.doString('p.new = nil');
    assert.ok(!Object.hasOwn(obj, 'new'));
    // pairs sees own enumerable keys; a proxy comes back as its object.
    const [keys] = lua.doString('local ks = {} for k in pairs(p) do ks[#ks + 1] = k end table.sort(ks) return table.concat(ks, " ")');
    assert.equal(keys, 'a a2 list nested');
    assert.equal(lua.global.get('p'), obj);
  });

  test('Maps through a proxy', () => {
    const m = new Map<unknown, unknown>([['k', 1], [2, 'two']]);
    const lua = new Lua();
    lua.global.set('m', lua.proxy(m));
    assert.deepEqual(lua.doString('m.z = 3 m.k = nil return m[2], #m'), ['two', 2]);
    assert.deepEqual([...m], [[2, 'two'], ['z', 3]]);
  });

  test('nothing inherited is reachable, and writes never reach a prototype or a setter', () => {
    let setterCalled = false;
    class WithSetter { set trap(_v: unknown) { setterCalled = true; } }
    const o = new WithSetter() as unknown as Record<string, unknown>;
    const lua = new Lua();
    lua.global.set('p', lua.proxy(o));
    assert.deepEqual(lua.doString('return p.trap, p.constructor, p.__proto__, p.toString'), [undefined, undefined, undefined, undefined]);
    lua.doString('p.trap = 1 p.__proto__ = {}');
    assert.equal(setterCalled, false);
    assert.equal(Object.getOwnPropertyDescriptor(o, 'trap')?.value, 1);
    assert.ok(Object.getPrototypeOf(o) === WithSetter.prototype);
  });
});
