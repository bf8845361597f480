import { Lua } from 'regolith';

class Counter {
  count = 0;
  constructor(readonly step: number) {}
  increment(): number {
    this.count += this.step;
    return this.count;
  }
  toString(): string {
    return `Counter(${this.count})`;
  }
}

const lua = new Lua();
lua.registerClass(Counter);
lua.global.set('counter', new Counter(5));

console.log(lua.doString(`
  counter:increment()
  counter:increment()
  return counter.count, tostring(counter)
`)); // [ 10, 'Counter(10)' ]

// The wrong self gets lauxlib's message.
try {
  lua.doString('counter.increment({})', { chunkName: '=demo' });
} catch (e) {
  console.log((e as Error).message); // demo:1: bad argument #1 to 'increment' (Counter expected, got table)
}

lua.close();
