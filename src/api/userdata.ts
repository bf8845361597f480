// The embedder's objects as userdata: instances of registered classes
// (methods, properties, metamethods), opaque objects, and proxies.
//
// Nothing here lets Lua reach a JS prototype, `constructor`, `globalThis` or
// `Function`: a class exposes the members named at registration (by default
// its prototype chain's methods and accessors below Object.prototype, and
// its instances' own data properties); a proxy exposes own properties only.
import { LuaTable } from '../runtime/table.js';
import { LuaError as InternalLuaError, where } from '../runtime/errors.js';
import { LuaFloat, type LuaValue } from '../runtime/value.js';
import type { LuaFunction } from '../runtime/trampoline.js';
import { typeError } from '../stdlib/lauxlib.js';
import type { Core } from './core.js';
import { JsObjectUserdata, isMap } from './core.js';
import { luaToText, textToLua } from './strings.js';
import type { JsValue } from './types.js';

/** Lua metamethods a class may define as methods of the same name. */
const SELF_FIRST = new Set(['__call', '__len', '__unm', '__bnot', '__close', '__tostring', '__index', '__newindex']);
const BINARY = new Set(['__add', '__sub', '__mul', '__div', '__mod', '__pow', '__idiv', '__band', '__bor', '__bxor', '__shl', '__shr', '__concat', '__eq', '__lt', '__le']);
/** Never exposed, whatever the options say. */
const FORBIDDEN = new Set(['constructor', '__proto__', 'prototype', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);

export type MetamethodName =
  | '__add' | '__sub' | '__mul' | '__div' | '__mod' | '__pow' | '__unm' | '__idiv'
  | '__band' | '__bor' | '__bxor' | '__shl' | '__shr' | '__bnot' | '__concat' | '__len'
  | '__eq' | '__lt' | '__le' | '__call' | '__close' | '__index' | '__newindex' | '__tostring';

/** How a class's instances look from Lua (`lua.registerClass`). */
export interface ClassOptions<T extends object = object> {
  /** `__name` (in messages and `tostring`); default: the class's name. */
  name?: string;
  /** Methods callable as `obj:m(...)`. Default (when neither this nor `properties` is given): every method of the prototype chain below Object.prototype. */
  methods?: readonly (keyof T & string)[];
  /** Properties readable (and writable unless in `readonly`) as `obj.p`. Default: the prototype chain's accessors, and each instance's own data properties. */
  properties?: readonly (keyof T & string)[];
  /** Properties Lua may read but not write. */
  readonly?: readonly (keyof T & string)[];
  /** Extra metamethods; they get every Lua argument converted (the object itself included) and no `this`. */
  metamethods?: Partial<Record<MetamethodName, (...args: JsValue[]) => unknown>>;
}

interface PropInfo { readable: boolean; writable: boolean }

type Ctor = abstract new (...args: never[]) => object;

/** Builds the metatable of a registered class. */
export function classMetatable(core: Core, ctor: Ctor, options: ClassOptions): LuaTable {
  const proto = ctor.prototype as object;
  const className = options.name ?? (ctor.name || 'userdata');
  const methods = new Set<string>();
  const props = new Map<string, PropInfo>();
  const metaMethods = new Map<string, string>();
  const explicit = options.methods !== undefined || options.properties !== undefined;
  // What the prototype chain defines (below Object.prototype).
  const chain = new Map<string, PropertyDescriptor>();
  for (let p: object | null = proto; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
    for (const key of Object.getOwnPropertyNames(p)) {
      if (!chain.has(key)) chain.set(key, Object.getOwnPropertyDescriptor(p, key)!);
    }
  }
  for (const [key, d] of chain) {
    if (FORBIDDEN.has(key)) continue;
    if (typeof d.value === 'function' && (SELF_FIRST.has(key) || BINARY.has(key))) {
      metaMethods.set(key, key);
      continue;
    }
    if (explicit) continue;
    if (d.get !== undefined || d.set !== undefined) props.set(key, { readable: d.get !== undefined, writable: d.set !== undefined });
    else if (typeof d.value === 'function') methods.add(key);
  }
  if (explicit) {
    for (const m of options.methods ?? []) {
      checkName(m, className);
      methods.add(m);
    }
    for (const p of options.properties ?? []) {
      checkName(p, className);
      props.set(p, { readable: true, writable: true });
    }
  }
  for (const r of options.readonly ?? []) {
    checkName(r, className);
    const info = props.get(r);
    if (info !== undefined) info.writable = false;
    else props.set(r, { readable: true, writable: false });
  }
  const ownFields = !explicit;
  const readonly = new Set<string>(options.readonly ?? []);

  const isInstance = (v: unknown): v is JsObjectUserdata => v instanceof JsObjectUserdata && v.value instanceof ctor;

  const mt = new LuaTable();
  mt.setStr('__name', textToLua(className));
  const methodTable = new LuaTable();
  for (const m of methods) {
    methodTable.setStr(textToLua(m), core.makeGeneric((args) => {
      const self = args[0];
      if (!isInstance(self)) typeError(args, 0, className);
      const obj = self.value as Record<string, unknown>;
      const f = obj[m];
      if (typeof f !== 'function') throw new InternalLuaError(`${where(1)}${className}.${m} is not a function`);
      return (f as (...a: unknown[]) => unknown).apply(obj, convertArgs(core, args, 1));
    }));
  }

  // Metamethods defined as methods of the class.
  const metaFn = (key: string): LuaFunction => core.makeGeneric((args) => {
    if (SELF_FIRST.has(key)) {
      const self = args[0];
      if (!isInstance(self)) typeError(args, 0, className);
      const obj = self.value as Record<string, (...a: unknown[]) => unknown>;
      return obj[key]!.apply(obj, convertArgs(core, args, 1));
    }
    const self = isInstance(args[0]) ? args[0] : isInstance(args[1]) ? args[1] : null;
    if (self === null) typeError(args, 0, className);
    const obj = self.value as Record<string, (...a: unknown[]) => unknown>;
    return obj[key]!.apply(obj, convertArgs(core, args, 0));
  });
  const custom = new Map<string, LuaFunction>();
  for (const key of metaMethods.keys()) custom.set(key, metaFn(key));
  // toString, equals, Symbol.dispose / close.
  const toStringDesc = chain.get('toString');
  if (!custom.has('__tostring') && toStringDesc !== undefined && typeof toStringDesc.value === 'function') {
    custom.set('__tostring', core.makeGeneric((args) => {
      const self = args[0];
      if (!isInstance(self)) typeError(args, 0, className);
      return String(self.value);
    }));
  }
  const equalsDesc = chain.get('equals');
  if (!custom.has('__eq') && equalsDesc !== undefined && typeof equalsDesc.value === 'function') {
    custom.set('__eq', core.makeGeneric((args) => {
      const a = args[0], b = args[1];
      if (!isInstance(a) || !isInstance(b)) return false;
      return Boolean((a.value as { equals(o: unknown): unknown }).equals(b.value));
    }));
  }
  const disposeKey: PropertyKey | undefined = typeof (proto as Record<symbol, unknown>)[Symbol.dispose] === 'function' ? Symbol.dispose
    : chain.has('close') && typeof chain.get('close')!.value === 'function' ? 'close' : undefined;
  if (!custom.has('__close') && disposeKey !== undefined) {
    custom.set('__close', core.makeGeneric((args) => {
      const self = args[0];
      if (!isInstance(self)) typeError(args, 0, className);
      const obj = self.value as Record<PropertyKey, () => unknown>;
      return obj[disposeKey]!();
    }));
  }
  for (const [key, f] of Object.entries(options.metamethods ?? {})) {
    if (!SELF_FIRST.has(key) && !BINARY.has(key)) throw new TypeError(`${key} is not a Lua metamethod`);
    if (typeof f !== 'function') throw new TypeError(`metamethod ${key} of ${className} is not a function`);
    custom.set(key, core.makeGeneric((args) => f(...(convertArgs(core, args, 0) as JsValue[]))));
  }
  for (const [key, f] of custom) {
    if (key !== '__index' && key !== '__newindex') mt.setStr(key, f);
  }
  const indexFallback = custom.get('__index');
  const newindexFallback = custom.get('__newindex');

  // Without properties or own fields, methods are found as in any Lua class.
  if (props.size === 0 && !ownFields && indexFallback === undefined) {
    mt.setStr('__index', methodTable);
  } else {
    mt.setStr('__index', core.makeRawFunction(function (ud: LuaValue, key: LuaValue): unknown {
      if (typeof key === 'string') {
        const m = methodTable.getStr(key);
        if (m !== undefined) return m;
        if (isInstance(ud)) {
          const name = luaToText(key);
          const obj = ud.value as Record<string, unknown>;
          const p = props.get(name);
          if (p !== undefined && p.readable) return core.toLua(obj[name]);
          if (ownFields && ownData(obj, name) && !FORBIDDEN.has(name)) return core.toLua(obj[name]);
        }
      }
      if (indexFallback !== undefined) return ops1(indexFallback(ud, key));
      return undefined;
    }));
  }
  mt.setStr('__newindex', core.makeRawFunction(function (ud: LuaValue, key: LuaValue, value: LuaValue): unknown {
    if (typeof key === 'string' && isInstance(ud)) {
      const name = luaToText(key);
      const obj = ud.value as Record<string, unknown>;
      const p = props.get(name);
      if (p !== undefined || readonly.has(name)) {
        if (p === undefined || !p.writable) throw new InternalLuaError(`${where(1)}property '${name}' of ${className} is read-only`);
        obj[name] = core.toJS(value);
        return undefined;
      }
      if (ownFields && ownData(obj, name) && !FORBIDDEN.has(name)) {
        obj[name] = core.toJS(value);
        return undefined;
      }
    }
    if (newindexFallback !== undefined) {
      newindexFallback(ud, key, value);
      return undefined;
    }
    throw new InternalLuaError(`${where(1)}${className} has no field '${typeof key === 'string' ? luaToText(key) : String(key)}'`);
  }));
  return mt;
}

/** The first value of a call's result. */
function ops1(r: unknown): LuaValue {
  return Array.isArray(r) ? r[0] : r;
}

function checkName(name: string, className: string): void {
  if (FORBIDDEN.has(name)) throw new TypeError(`'${name}' of ${className} cannot be exposed to Lua`);
}

/** An own, writable-or-not data property (not an accessor, not inherited). */
function ownData(o: object, key: string): boolean {
  const d = Object.getOwnPropertyDescriptor(o, key);
  return d !== undefined && 'value' in d;
}

function convertArgs(core: Core, args: LuaValue[], from: number): JsValue[] {
  const out = new Array<JsValue>(Math.max(0, args.length - from));
  for (let i = from; i < args.length; i++) out[i - from] = core.toJS(args[i]);
  return out;
}

/** The metatable of objects of an unregistered class: a name, nothing else. */
export function opaqueMetatable(core: Core, proto: object | null): LuaTable {
  if (proto !== null) {
    const known = core.metatables.get(proto);
    if (known !== undefined) return known;
  }
  let name = 'Object';
  try {
    const c = proto === null ? undefined : (Object.getOwnPropertyDescriptor(proto, 'constructor')?.value as { name?: unknown } | undefined);
    if (typeof c?.name === 'string' && c.name !== '') name = c.name;
  } catch {
    // a hostile prototype: keep the default name
  }
  const mt = new LuaTable();
  mt.setStr('__name', textToLua(name));
  if (proto !== null) core.metatables.set(proto, mt);
  return mt;
}

/** The metatable of `lua.proxy` userdata: own properties of the object (elements of an array, entries of a Map). */
export function proxyMetatable(core: Core): LuaTable {
  const mt = new LuaTable();
  mt.setStr('__name', 'JSObject');
  const wrap = (v: unknown): LuaValue => {
    if (typeof v === 'object' && v !== null && (Array.isArray(v) || isPlain(v) || isMap(v))) return core.proxyOf(v);
    return core.toLua(v);
  };
  const target = (ud: LuaValue): object => {
    if (!(ud instanceof JsObjectUserdata)) throw new InternalLuaError(`${where(1)}not a JS object proxy`);
    return ud.value;
  };
  mt.setStr('__index', core.makeRawFunction(function (ud: LuaValue, key: LuaValue): unknown {
    const o = target(ud);
    if (key instanceof LuaFloat && Number.isSafeInteger(key.n)) key = key.n;
    if (Array.isArray(o)) {
      if (typeof key === 'number' && Number.isInteger(key) && key >= 1 && key <= o.length && Object.hasOwn(o, key - 1)) return wrap(o[key - 1]);
      return undefined;
    }
    if (isMap(o)) return wrap(Map.prototype.get.call(o, core.toJS(key)));
    const name = propertyName(key);
    return name !== null && Object.hasOwn(o, name) ? wrap((o as Record<string, unknown>)[name]) : undefined;
  }));
  mt.setStr('__newindex', core.makeRawFunction(function (ud: LuaValue, key: LuaValue, value: LuaValue): unknown {
    const o = target(ud);
    if (key instanceof LuaFloat && Number.isSafeInteger(key.n)) key = key.n;
    const v = core.toJS(value);
    if (Array.isArray(o)) {
      if (!(typeof key === 'number' && Number.isInteger(key) && key >= 1 && key <= 2 ** 32 - 1)) {
        throw new InternalLuaError(`${where(1)}a JS array's index must be a positive integer`);
      }
      o[key - 1] = v;
      return undefined;
    }
    if (isMap(o)) {
      const k = core.toJS(key);
      if (v === undefined) Map.prototype.delete.call(o, k);
      else Map.prototype.set.call(o, k, v);
      return undefined;
    }
    const name = propertyName(key);
    if (name === null) throw new InternalLuaError(`${where(1)}a JS object's key must be a string or a number`);
    if (v === undefined) {
      if (Object.hasOwn(o, name)) delete (o as Record<string, unknown>)[name];
    } else if (ownData(o, name)) {
      (o as Record<string, unknown>)[name] = v;
    } else {
      // Never a setter or the prototype (`__proto__`): a new own property.
      Object.defineProperty(o, name, { value: v, writable: true, enumerable: true, configurable: true });
    }
    return undefined;
  }));
  mt.setStr('__len', core.makeRawFunction(function (ud: LuaValue): unknown {
    const o = target(ud);
    return Array.isArray(o) ? o.length : isMap(o) ? o.size : Object.keys(o).length;
  }));
  mt.setStr('__pairs', core.makeRawFunction(function (ud: LuaValue): unknown {
    const o = target(ud);
    const keys: LuaValue[] = Array.isArray(o) ? Array.from(o.keys(), (i) => i + 1)
      : isMap(o) ? Array.from(Map.prototype.keys.call(o) as Iterable<unknown>, (k) => core.toLua(k))
        : Object.keys(o).map(textToLua);
    let i = 0;
    const iter = core.makeRawFunction(function (): unknown {
      while (i < keys.length) {
        const k = keys[i++];
        const v = (mt.getStr('__index') as (u: LuaValue, k: LuaValue) => unknown)(ud, k);
        if (v !== undefined) return [k, v];
      }
      return undefined;
    });
    return [iter, ud, undefined];
  }));
  return mt;
}

function isPlain(o: object): boolean {
  const p = Object.getPrototypeOf(o);
  return p === Object.prototype || p === null;
}

function propertyName(key: LuaValue): string | null {
  if (typeof key === 'string') return luaToText(key);
  if (typeof key === 'number' || typeof key === 'bigint') return String(key);
  return null;
}
