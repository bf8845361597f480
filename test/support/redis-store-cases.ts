// Command sequences for test/redis-store.test.ts. A step is a command line
// split on spaces, or an array of arguments (for spaces, empty and binary
// arguments). Leading modifiers on a text step:
//   ~sorted    compare with top-level elements sorted (Redis's order follows its hash tables)
//   ~pairs     compare field-value pairs (HGETALL: a map in RESP3, a flat array in RESP2) sorted by field
//   ~scan      compare a SCAN reply with its key list sorted (the store returns all keys with cursor 0)
//   ~size      compare only the reply's type and length (random picks)
//   ~approx=N  integers may differ by N (times measured in real time on both sides)
//   ~ttl       a TTL in seconds: equal, or both positive and 1 apart (the store and the server read
//              the clock at different moments, so a TTL near a rounding boundary may round either way)
//   ~multi     run the command inside MULTI/EXEC on the server (blocking commands then reply at once, as in scripts)
//   ~sleep=N   not a command: wait N ms of real time

import { Rng } from './rng.js';

export interface Step {
  argv: (string | Uint8Array)[];
  label: string;
  sorted: boolean;
  pairs: boolean;
  scan: boolean;
  size: boolean;
  multi: boolean;
  ttl: boolean;
  approx?: number;
  sleep?: number;
}

export type StepSource = string | (string | Uint8Array)[];

export function parseStep(s: StepSource): Step {
  // Text steps are split on spaces; array steps are taken as they are. Both may start with modifiers.
  const words = Array.isArray(s) ? [...s] : s.trim().split(/\s+/);
  const label = Array.isArray(s) ? JSON.stringify(s.map((a) => (typeof a === 'string' ? a : `<${a.length} bytes>`))) : s;
  const step: Step = { argv: [], label, sorted: false, pairs: false, scan: false, size: false, multi: false, ttl: false };
  while (typeof words[0] === 'string' && words[0].startsWith('~')) {
    const m = words.shift() as string;
    if (m === '~sorted') step.sorted = true;
    else if (m === '~scan') step.scan = true;
    else if (m === '~pairs') step.pairs = true;
    else if (m === '~size') step.size = true;
    else if (m === '~multi') step.multi = true;
    else if (m === '~ttl') step.ttl = true;
    else if (m.startsWith('~approx=')) step.approx = Number(m.slice(8));
    else if (m.startsWith('~sleep=')) step.sleep = Number(m.slice(7));
    else throw new Error(`unknown modifier ${m}`);
  }
  step.argv = words;
  return step;
}

const FAR = '9999999999999'; // a PEXPIREAT far in the future (year 2286)
const PAST = '1000'; // a PEXPIREAT long past

export const CASES: Record<string, StepSource[]> = {
  'command errors: unknown, arity, subcommands': [
    'FOO', 'foo a b', ['foo', 'a b', 'c'], ['f\r\no', 'x\ny'], 'fOo ' + 'x'.repeat(200) + ' y',
    'foo aaa ' + 'x'.repeat(200), ['nosuch', 'a\u0000b', 'c'],
    'GET', 'GET a b', 'SET k', 'ECHO', 'ECHO a b', 'PING a b', 'OBJECT', 'OBJECT foo', 'object ENCODING', 'SCRIPT nope x',
    'CONFIG', 'get|x', 'HSET h', 'HSET h f', 'HSET h f v g', 'MSET a', 'MSET a 1 b', 'MSETNX a', 'HMSET h f',
    'LPOP a 1 2', 'RPOP a 1 2', 'SPOP s 1 2', 'ZPOPMIN z 1 2', 'ZPOPMAX z 1 2', 'SRANDMEMBER s 1 2',
  ],
  'strings: GET SET basics': [
    'GET k', 'SET k v', 'GET k', 'SET k v2', 'GET k', ['SET', 'e', ''], 'GET e', 'STRLEN e', 'STRLEN k', 'STRLEN none',
    ['SET', 'bin', new Uint8Array([0, 255, 13, 10, 128])], 'GET bin', 'STRLEN bin', 'TYPE k', 'TYPE none',
    'LPUSH l a', 'GET l', 'STRLEN l', 'SET l x', 'TYPE l', 'GET l',
  ],
  'strings: SET options': [
    'SET k v NX', 'SET k w NX', 'GET k', 'SET k w XX', 'GET k', 'SET n v XX', 'GET n', 'SET k a nx xx', 'SET k a xx nx',
    'SET k a GET', 'SET new a GET', 'SET new b NX GET', 'SET new2 b NX GET', 'SET new c XX GET', 'SET new3 c XX GET', 'EXISTS new3',
    'SET k v EX 100', '~ttl TTL k', 'SET k v PX 100000', '~ttl TTL k', 'SET k v EXAT ' + '9999999999', '~ttl TTL k', 'EXPIRETIME k',
    'SET k v PXAT ' + FAR, 'PEXPIRETIME k', 'EXPIRETIME k', 'SET k v2 KEEPTTL', 'PEXPIRETIME k', 'GET k', 'SET k v3', '~ttl TTL k',
    'SET k v EX 0', 'SET k v EX -1', 'SET k v PX 0', 'SET k v EX abc', 'SET k v EX 1.5', 'SET k v EX 9223372036854775',
    'SET k v EX 9223372036854775807', 'SET k v PX 9223372036854775807', 'SET k v EXAT 0', 'SET k v PXAT -5',
    'SET k v EX', 'SET k v EX 10 PX 10', 'SET k v EX 10 EX 20', '~ttl TTL k', 'SET k v KEEPTTL EX 10', 'SET k v EX 10 KEEPTTL',
    'SET k v PERSIST', 'SET k v FOO', 'SET k v ex 10 nx', 'SET k v px 10 exat 5', 'SET k v pxat 10 pxat',
    'SET k v PXAT ' + PAST, 'GET k', 'EXISTS k', 'SET k v EX abc NX XX', 'set K v Ex 100 gEt', '~ttl TTL K',
    'LPUSH l a', 'SET l v GET', 'SET l v NX GET', 'TYPE l', 'SET l v', 'TYPE l',
  ],
  'strings: SETNX SETEX PSETEX GETSET GETDEL GETEX': [
    'SETNX k v', 'SETNX k w', 'GET k', 'SETEX k 100 x', 'GET k', '~ttl TTL k', 'SETEX k 0 x', 'SETEX k -5 x', 'SETEX k abc x',
    'PSETEX k 100000 y', '~ttl TTL k', 'PSETEX k 0 y', 'GET k', 'GETSET k z', '~ttl TTL k', 'GETSET nokey z', 'GET nokey',
    'GETDEL k', 'GETDEL k', 'EXISTS k', 'LPUSH l a', 'GETSET l x', 'GETDEL l', 'GETEX l', 'SETNX l x',
    'SET g v', 'GETEX g', 'GETEX g EX 100', '~ttl TTL g', 'GETEX g PERSIST', '~ttl TTL g', 'GETEX g PX 100000', '~ttl TTL g',
    'GETEX g EXAT 9999999999', 'EXPIRETIME g', 'GETEX g PXAT ' + FAR, 'PEXPIRETIME g', 'GETEX g EX 0', 'GETEX g EX -1',
    'GETEX g KEEPTTL', 'GETEX g NX', 'GETEX g GET', 'GETEX g PERSIST EX 10', 'GETEX g EX 10 PERSIST', 'GETEX g EX', 'GETEX g FOO',
    'GETEX none EX 10', 'GETEX none', 'GETEX g PXAT ' + PAST, 'EXISTS g', 'SETEX k 9223372036854775 v',
  ],
  'strings: MGET MSET MSETNX APPEND': [
    'MSET a 1 b 2 c 3', 'MGET a b c d', 'LPUSH l x', 'MGET a l b', 'MSETNX a 9 z 9', 'GET z', 'MSETNX y 1 z 2', 'MGET y z',
    'MSET a 1 a 2', 'GET a', 'APPEND a xyz', 'GET a', 'APPEND new hello', 'GET new', 'APPEND l x', ['APPEND', 'a', ''], 'GET a',
    'SET t v EX 100', 'APPEND t w', '~ttl TTL t', 'GET t',
  ],
  'strings: INCR DECR INCRBY DECRBY': [
    'INCR n', 'INCR n', 'DECR n', 'DECR n', 'DECR n', 'INCRBY n 10', 'DECRBY n 3', 'INCRBY n -20', 'GET n', 'INCRBY n abc',
    'INCRBY n 1.5', 'INCRBY n 9223372036854775808', ['INCRBY', 'n', ''], 'SET n 9223372036854775806', 'INCR n', 'INCR n', 'GET n',
    'SET n -9223372036854775807', 'DECR n', 'DECR n', 'DECRBY n 1', 'SET n 5', 'DECRBY n -9223372036854775808',
    'DECRBY n 9223372036854775807', 'INCRBY n 9223372036854775807', 'SET s abc', 'INCR s', ['SET', 's', ' 1'], 'INCR s',
    'SET s 007', 'INCR s', 'SET s +1', 'INCR s', 'SET s -0', 'INCR s', 'SET s 1e3', 'INCR s', 'SET s 12345678901234567890', 'INCR s',
    ['SET', 's', ''], 'INCR s', 'SET s 0', 'INCR s', 'LPUSH l a', 'INCR l', 'INCRBY l x', 'DECRBY l x', 'SET t 5 EX 100', 'INCR t', '~ttl TTL t',
  ],
  'strings: INCRBYFLOAT': [
    'INCRBYFLOAT f 0.1', 'INCRBYFLOAT f 0.2', 'INCRBYFLOAT f 0.1', 'GET f', 'INCRBYFLOAT f -0.4', 'INCRBYFLOAT f 1e3',
    'INCRBYFLOAT f 1.5e-20', 'INCRBYFLOAT f abc', 'INCRBYFLOAT f inf', 'INCRBYFLOAT f -inf', 'INCRBYFLOAT f nan',
    'INCRBYFLOAT f 1e400', 'INCRBYFLOAT f 1e5000', ['INCRBYFLOAT', 'f', ' 1'], 'INCRBYFLOAT f 1e', 'INCRBYFLOAT f .5', 'INCRBYFLOAT f 5.',
    'SET g 1', 'INCRBYFLOAT g -1', 'SET g -0', 'INCRBYFLOAT g 0', 'SET g 3.0', 'INCRBYFLOAT g 0', 'SET g 1.23456789012345678901',
    'INCRBYFLOAT g 0', 'SET g 10.5', 'INCRBYFLOAT g 0.1', 'INCRBYFLOAT g 1e17', 'INCRBYFLOAT g 1e20', 'INCRBYFLOAT g 1e-18',
    'SET g 1e308', 'INCRBYFLOAT g 1e308', 'SET g 5', 'INCRBYFLOAT g 3', 'SET g 0.3333333333333333', 'INCRBYFLOAT g 0.6666666666666667',
    'SET g 1e4930', 'INCRBYFLOAT g 1e4930', 'INCRBYFLOAT g 1e4932', 'SET g abc', 'INCRBYFLOAT g 1', 'SET g inf', 'INCRBYFLOAT g 1',
    'SET g 2.5E3', 'INCRBYFLOAT g 1', 'SET g 0x10', 'SET g -1.1', 'INCRBYFLOAT g -2.2', 'INCRBYFLOAT g 1e-30',
    'SET g 7 EX 100', 'INCRBYFLOAT g 1', '~ttl TTL g', 'LPUSH l a', 'INCRBYFLOAT l 1', 'INCRBYFLOAT new -5e-3', 'INCRBYFLOAT new 123456789.123456789',
  ],
  'strings: GETRANGE SETRANGE SUBSTR': [
    'SET s hello', 'GETRANGE s 0 -1', 'GETRANGE s 1 3', 'GETRANGE s -3 -1', 'GETRANGE s -1 -3', 'GETRANGE s 3 1', 'GETRANGE s 0 100',
    'GETRANGE s -100 -50', 'GETRANGE s -100 2', 'GETRANGE s 10 20', 'GETRANGE s 0 -100', 'GETRANGE none 0 -1', 'GETRANGE s a 1',
    'SUBSTR s 1 2', ['SET', 'e', ''], 'GETRANGE e 0 -1', 'GETRANGE e 0 0',
    'SETRANGE s 1 EL', 'GET s', 'SETRANGE s 8 xyz', 'GET s', 'STRLEN s', 'SETRANGE s -1 x', 'SETRANGE s abc x', ['SETRANGE', 's', '2', ''],
    ['SETRANGE', 'none', '5', ''], 'EXISTS none', 'SETRANGE none 3 ab', 'GET none', 'SETRANGE s 536870912 x', 'SETRANGE s 536870911 x',
    'LPUSH l a', 'SETRANGE l 0 x', 'GETRANGE l 0 1', ['SETRANGE', 'l', '-1', ''], 'SETRANGE l -1 x',
  ],
  'keys: DEL UNLINK EXISTS TOUCH TYPE RENAME': [
    'MSET a 1 b 2 c 3', 'EXISTS a b z a', 'DEL a z', 'DEL a', 'UNLINK b c d', 'EXISTS a b c', 'TOUCH a', 'SET x 1', 'TOUCH x x y',
    'LPUSH l 1', 'SADD s 1', 'ZADD z 1 a', 'HSET h f v', 'TYPE x', 'TYPE l', 'TYPE s', 'TYPE z', 'TYPE h', 'TYPE none',
    'RENAME none y', 'RENAME x y', 'GET x', 'GET y', 'RENAME y y', 'RENAMENX y y', 'RENAMENX none q', 'RENAMENX y l', 'RENAMENX y q',
    'GET q', 'RENAME q l', 'TYPE l', 'GET l', 'SET e v EX 100', 'RENAME e e2', '~ttl TTL e2', '~ttl TTL e', 'SET p v', 'RENAME e2 p', '~ttl TTL p',
    'DBSIZE', 'RENAME h z', 'TYPE z', 'HGETALL z',
  ],
  'keys: EXPIRE family and TTL': [
    '~ttl TTL none', 'PTTL none', 'EXPIRETIME none', 'PEXPIRETIME none', 'SET k v', '~ttl TTL k', 'PTTL k', 'EXPIRETIME k', 'PEXPIRETIME k',
    'EXPIRE k 100', '~ttl TTL k', '~approx=1000 PTTL k', 'PEXPIRE k 200000', '~ttl TTL k', 'EXPIREAT k 9999999999', 'EXPIRETIME k', 'PEXPIRETIME k',
    'PEXPIREAT k ' + FAR, 'PEXPIRETIME k', 'EXPIRETIME k', 'PEXPIREAT k 9999999999499', 'EXPIRETIME k', 'PEXPIREAT k 9999999999500', 'EXPIRETIME k',
    'PERSIST k', 'PERSIST k', '~ttl TTL k', 'PERSIST none', 'EXPIRE none 10', 'EXPIRE k abc', 'EXPIRE k 1.5', ['EXPIRE', 'k', ''],
    'EXPIRE k 9223372036854775', 'EXPIRE k 9223372036854776', 'EXPIRE k -9223372036854776', 'PEXPIRE k 9223372036854775807',
    'PEXPIREAT k 9223372036854775807', 'EXPIREAT k 9223372036854775', '~ttl TTL k', 'PEXPIRETIME k', 'EXPIRETIME k', 'PERSIST k',
    'EXPIRE k 100 FOO', 'EXPIRE k 100 NX XX', 'EXPIRE k 100 NX GT', 'EXPIRE k 100 NX LT', 'EXPIRE k 100 GT LT', 'EXPIRE k 100 XX GT LT',
    'EXPIRE k abc FOO', 'EXPIRE k 100 XX', '~ttl TTL k', 'EXPIRE k 100 GT', '~ttl TTL k', 'EXPIRE k 100 LT', '~ttl TTL k', 'EXPIRE k 200 NX', '~ttl TTL k',
    'EXPIRE k 300 XX', '~ttl TTL k', 'EXPIRE k 200 GT', '~ttl TTL k', 'EXPIRE k 400 GT', '~ttl TTL k', 'EXPIRE k 500 LT', '~ttl TTL k', 'EXPIRE k 50 lt', '~ttl TTL k',
    'EXPIRE k 49 xx gt', 'EXPIRE k 60 xx gt', '~ttl TTL k', 'EXPIRE k -1 LT', 'EXISTS k',
    'SET k v', 'EXPIRE k -1', 'EXISTS k', 'SET k v', 'EXPIRE k 0', 'GET k', 'SET k v', 'PEXPIREAT k ' + PAST, 'GET k', 'SET k v',
    'EXPIREAT k 1', 'TYPE k', 'SET k v', 'PEXPIRE k -100 XX', 'EXISTS k', 'SET k v', 'EXPIRE k 10 LT', '~ttl TTL k',
    'LPUSH l a', 'EXPIRE l 100', '~ttl TTL l', 'RPOP l', '~ttl TTL l', 'LPUSH l a', '~ttl TTL l',
  ],
  'keys: expiry in real time': [
    'SET k v PX 100', 'SET j v', 'PEXPIRE j 100', 'HSET h f v', 'PEXPIRE h 100', 'GET k', 'EXISTS j', '~sleep=250', 'GET k', 'EXISTS j',
    '~ttl TTL j', 'PTTL k', 'TYPE h', 'HGET h f', 'DBSIZE', 'SET k v PX 1500', '~approx=1 TTL k', 'SET k v PX 1499', '~approx=1 TTL k',
    'SET k v EX 10', '~approx=1000 PTTL k', 'SET n 1 PX 100', '~sleep=200', 'INCR n', '~ttl TTL n', 'SETNX k2 v', 'SET k2 v PX 20 NX',
  ],
  'keys: KEYS patterns': [
    'MSET hello 1 hallo 1 hxllo 1 hllo 1 heeeello 1 h*llo 1 h?llo 1 "h[a]llo" 1 h\\llo 1 a b ab c abc d',
    '~sorted KEYS *', '~sorted KEYS h?llo', '~sorted KEYS h*llo', '~sorted KEYS h[ae]llo', '~sorted KEYS h[^e]llo',
    '~sorted KEYS h[a-b]llo', '~sorted KEYS h[b-a]llo', '~sorted KEYS h\\*llo', '~sorted KEYS h\\?llo', '~sorted KEYS h\\\\llo',
    '~sorted KEYS *ll*', '~sorted KEYS ?', '~sorted KEYS ??', '~sorted KEYS [abc]', '~sorted KEYS [a', '~sorted KEYS h[a',
    '~sorted KEYS h[]llo', '~sorted KEYS *[', '~sorted KEYS \\', '~sorted KEYS a\\', '~sorted KEYS [\\]]', '~sorted KEYS "*"',
    '~sorted KEYS h[a-]llo', '~sorted KEYS [^a]', '~sorted KEYS ***', '~sorted KEYS *b', '~sorted KEYS a*', '~sorted KEYS nomatch',
    '~sorted KEYS h[\\a-e]llo', '~sorted KEYS *e*e*e*', '~sorted KEYS [ab-]', ['KEYS', ''],
  ],
  'keys: SCAN': [
    'MSET a 1 b 2 c 3 key:1 x key:2 y', 'LPUSH list 1', 'SADD set 1', 'HSET hash f v', 'ZADD zset 1 m',
    '~scan SCAN 0', '~scan SCAN 0 COUNT 1000', '~scan SCAN 0 MATCH key:* COUNT 1000', '~scan SCAN 0 TYPE string COUNT 1000',
    '~scan SCAN 0 TYPE list COUNT 100', '~scan SCAN 0 TYPE hash', '~scan SCAN 0 TYPE zset', '~scan SCAN 0 type SET', '~scan SCAN 0 TYPE nosuch',
    '~scan SCAN 0 MATCH *a* TYPE string COUNT 100', 'SCAN abc', 'SCAN 0 COUNT 0', 'SCAN 0 COUNT -1', 'SCAN 0 COUNT x',
    'SCAN 0 MATCH', 'SCAN 0 FOO bar', 'SCAN 0 COUNT', 'SCAN 18446744073709551616', '~scan SCAN 00', ['SCAN', ' 0'], ['~scan', 'SCAN', ''], 'SCAN +', 'SCAN -',
    'SCAN 0x1', 'SCAN 1.5', '~scan SCAN -0', '~scan SCAN +0',
  ],
  'server: PING ECHO DBSIZE SELECT FLUSHDB FLUSHALL SWAPDB': [
    'PING', 'PING hello', ['ECHO', ''], 'ECHO hi', 'DBSIZE', 'SET a 1', 'DBSIZE', 'SELECT 1', 'GET a', 'SET b 2', 'DBSIZE', 'SELECT 0',
    'GET b', 'SELECT 16', 'SELECT -1', 'SELECT x', 'SELECT 2147483648', 'SELECT 1.0', 'SWAPDB 0 1', 'GET a', 'GET b', 'SWAPDB 0 x',
    'SWAPDB x 0', 'SWAPDB 0 16', 'SWAPDB 99999999999 0', 'FLUSHDB', 'DBSIZE', 'SELECT 1', 'DBSIZE', 'FLUSHDB ASYNC', 'FLUSHDB sync',
    'FLUSHDB foo', 'FLUSHDB sync async', 'SELECT 0', 'SET a 1', 'FLUSHALL', 'DBSIZE', 'FLUSHALL SYNC', 'FLUSHALL x', 'SELECT 0',
  ],
  'hashes: HSET HGET HMGET HGETALL and friends': [
    'HSET h a 1 b 2 c 3', 'HSET h a 10 d 4', 'HGET h a', 'HGET h z', 'HGET none a', 'HMGET h a z b', 'HMGET none a b', 'HGETALL h',
    'HGETALL none', 'HKEYS h', 'HVALS h', 'HLEN h', 'HLEN none', 'HEXISTS h a', 'HEXISTS h z', 'HSTRLEN h a', 'HSTRLEN h z',
    'HSETNX h a x', 'HSETNX h e 5', 'HGETALL h', 'HMSET h f 6 a 1', 'HGETALL h', 'HDEL h a z b', 'HGETALL h', 'HDEL h c d e f', 'EXISTS h',
    'HDEL none a', ['HSET', 'h2', '', ''], 'HGETALL h2', 'SET s v', 'HSET s a 1', 'HGET s a', 'HGETALL s', 'HMGET s a', 'HDEL s a',
    'HLEN s', 'HKEYS s', 'HSETNX s a 1', 'HEXISTS s a', 'HSTRLEN s a', 'HVALS s',
  ],
  'hashes: HINCRBY HINCRBYFLOAT': [
    'HINCRBY h n 5', 'HINCRBY h n -7', 'HINCRBY h n abc', 'HINCRBY h n 9223372036854775807', 'HSET h m 9223372036854775807',
    'HINCRBY h m 1', 'HINCRBY h m -1', 'HSET h s abc', 'HINCRBY h s 1', ['HSET', 'h', 'sp', ' 1'], 'HINCRBY h sp 1',
    'HINCRBYFLOAT h f 0.1', 'HINCRBYFLOAT h f 0.2', 'HINCRBYFLOAT h f abc', 'HINCRBYFLOAT h f inf', 'HINCRBYFLOAT h f nan',
    'HINCRBYFLOAT h s 1', 'HINCRBYFLOAT h n 1.5', 'HSET h i inf', 'HINCRBYFLOAT h i 1', 'HSET h big 1e4932', 'HINCRBYFLOAT h big 1e4932',
    'HINCRBYFLOAT h big -1e4932', 'HGETALL h', 'SET str v', 'HINCRBY str f 1', 'HINCRBYFLOAT str f 1', 'HINCRBY str f x', 'HINCRBYFLOAT str f x',
    'HINCRBYFLOAT h z 1e-400', 'HINCRBYFLOAT h z 5e-4940',
  ],
  'hashes: large hashes (hash-table order compared sorted)': [
    'HSET big ' + Array.from({ length: 150 }, (_, i) => `f${i} v${i}`).join(' '), 'HLEN big', '~sorted HKEYS big', '~sorted HVALS big',
    '~pairs HGETALL big', 'HSET long f ' + 'x'.repeat(100), 'HSET long g 1', '~pairs HGETALL long',
  ],
  'lists: push, pop, range, index': [
    'LPUSH l a b c', 'RPUSH l d e', 'LRANGE l 0 -1', 'LLEN l', 'LPUSHX l z', 'RPUSHX l y', 'LPUSHX none a', 'RPUSHX none a', 'EXISTS none',
    'LRANGE l 0 -1', 'LINDEX l 0', 'LINDEX l -1', 'LINDEX l 100', 'LINDEX l -100', 'LINDEX l x', 'LINDEX none 0', 'LPOP l', 'RPOP l',
    'LPOP l 2', 'RPOP l 2', 'LPOP l 0', 'LPOP l -1', 'LPOP l x', 'LRANGE l 0 -1', 'LPOP l 10', 'EXISTS l', 'LPOP l', 'LPOP l 2', 'RPOP none 1',
    'RPOP none', 'RPUSH l 1 2 3 4 5', 'LRANGE l 1 3', 'LRANGE l -2 -1', 'LRANGE l -100 100', 'LRANGE l 3 1', 'LRANGE l 5 10',
    'LRANGE l -10 -5', 'LRANGE l 0 -6', 'LRANGE l a 1', 'LRANGE none 0 -1', 'SET s v', 'LPUSH s a', 'RPUSH s a', 'LPUSHX s a', 'LPOP s',
    'RPOP s 1', 'LLEN s', 'LRANGE s 0 1', 'LINDEX s 0', 'LLEN none', ['RPUSH', 'b', '', new Uint8Array([0, 1])], 'LRANGE b 0 -1',
  ],
  'lists: LSET LREM LTRIM LINSERT': [
    'RPUSH l a b a c a d', 'LSET l 0 A', 'LSET l -1 D', 'LSET l 100 x', 'LSET l x y', 'LSET none 0 x', 'LSET none x y', 'LRANGE l 0 -1',
    'LREM l 1 a', 'LRANGE l 0 -1', 'RPUSH l a a', 'LREM l -2 a', 'LRANGE l 0 -1', 'LREM l 0 a', 'LRANGE l 0 -1', 'LREM l 0 zz', 'LREM l x a',
    'LREM none 0 a', 'LINSERT l BEFORE c X', 'LINSERT l after c Y', 'LINSERT l AFTER nope Z', 'LINSERT l MIDDLE c Z', 'LINSERT none BEFORE a b',
    'LRANGE l 0 -1', 'LTRIM l 1 -2', 'LRANGE l 0 -1', 'LTRIM l 0 100', 'LRANGE l 0 -1', 'LTRIM l -2 -1', 'LRANGE l 0 -1', 'LTRIM l x 1',
    'LTRIM l 5 1', 'EXISTS l', 'LTRIM none 0 1', 'RPUSH m 1 2 3', 'LTRIM m -100 -3', 'LRANGE m 0 -1', 'LTRIM m 1 0', 'EXISTS m',
    'SET s v', 'LSET s 0 x', 'LREM s 0 x', 'LTRIM s 0 1', 'LINSERT s BEFORE a b', 'LINSERT s FOO a b',
  ],
  'lists: LPOS': [
    'RPUSH l a b c 1 2 3 c c', 'LPOS l c', 'LPOS l z', 'LPOS l c RANK 2', 'LPOS l c RANK -1', 'LPOS l c RANK -3', 'LPOS l c RANK 4',
    'LPOS l c COUNT 2', 'LPOS l c COUNT 0', 'LPOS l c COUNT 0 RANK -1', 'LPOS l c COUNT 1 RANK 2', 'LPOS l c MAXLEN 2', 'LPOS l c MAXLEN 3',
    'LPOS l c COUNT 0 MAXLEN 7', 'LPOS l c RANK -1 MAXLEN 1', 'LPOS l c RANK 0', 'LPOS l c RANK x', 'LPOS l c RANK -9223372036854775808',
    'LPOS l c COUNT -1', 'LPOS l c COUNT x', 'LPOS l c MAXLEN -1', 'LPOS l c MAXLEN x', 'LPOS l c FOO', 'LPOS l c RANK', 'LPOS l z COUNT 2',
    'LPOS none a', 'LPOS none a COUNT 1', 'SET s v', 'LPOS s a', 'LPOS s a RANK 0',
  ],
  'lists: LMOVE RPOPLPUSH': [
    'RPUSH a 1 2 3', 'LMOVE a b LEFT RIGHT', 'LMOVE a b RIGHT LEFT', 'LRANGE a 0 -1', 'LRANGE b 0 -1', 'LMOVE a a LEFT RIGHT', 'LRANGE a 0 -1',
    'LMOVE a b left left', 'EXISTS a', 'LMOVE a b LEFT LEFT', 'LMOVE b b RIGHT RIGHT', 'LMOVE b c UP LEFT', 'LMOVE b c LEFT DOWN',
    'LMOVE none c UP LEFT', 'RPOPLPUSH b c', 'RPOPLPUSH b c', 'RPOPLPUSH b c', 'RPOPLPUSH b c', 'LRANGE c 0 -1', 'SET s v',
    'RPOPLPUSH c s', 'LRANGE c 0 -1', 'RPOPLPUSH s c', 'LMOVE s c LEFT LEFT', 'RPOPLPUSH none s', 'RPOPLPUSH c c', 'LRANGE c 0 -1',
  ],
  'sets: SADD SREM SMEMBERS SISMEMBER SCARD': [
    'SADD s 3 1 2', 'SADD s 2 4', 'SMEMBERS s', 'SCARD s', 'SISMEMBER s 1', 'SISMEMBER s 9', 'SMISMEMBER s 1 9 2', 'SMISMEMBER none 1',
    'SISMEMBER none 1', 'SCARD none', 'SMEMBERS none', 'SREM s 1 9', 'SMEMBERS s', 'SADD s -5 100 -20', 'SMEMBERS s', 'SADD s 007 1.0',
    '~sorted SMEMBERS s', 'SADD t a b c', '~sorted SMEMBERS t', 'SREM t a b c', 'EXISTS t', 'SREM none a', 'SADD s2 9223372036854775807 -9223372036854775808 0',
    'SMEMBERS s2', 'SADD s2 9223372036854775808', '~sorted SMEMBERS s2', 'SET str v', 'SADD str a', 'SREM str a', 'SMEMBERS str',
    'SISMEMBER str a', 'SMISMEMBER str a', 'SCARD str', 'SADD big ' + Array.from({ length: 600 }, (_, i) => String(i)).join(' '),
    'SCARD big', '~sorted SMEMBERS big',
  ],
  'sets: SPOP SRANDMEMBER': [
    'SADD s 5 3 1', 'SRANDMEMBER s 3', 'SRANDMEMBER s 10', '~size SRANDMEMBER s 2', '~size SRANDMEMBER s -5', 'SRANDMEMBER s 0',
    'SRANDMEMBER s x', 'SRANDMEMBER s -9223372036854775808', 'SRANDMEMBER none', 'SRANDMEMBER none 5', 'SRANDMEMBER none -5', 'SADD one x',
    'SRANDMEMBER one', 'SRANDMEMBER one -2', 'SPOP one', 'EXISTS one', 'SPOP one', 'SPOP none 3', 'SPOP s 0', 'SPOP s -1', 'SPOP s x',
    'SADD r 1 2 3', '~size SPOP r 1', '~size SPOP r 1 ', 'SCARD r', 'SCARD s', 'SPOP s 5', 'EXISTS s', 'SADD t 10 20', 'SPOP t 2', 'SET str v', 'SPOP str', 'SPOP str 1', 'SRANDMEMBER str',
    'SRANDMEMBER str 2', 'SADD u a b', '~sorted SPOP u 3',
  ],
  'sets: SINTER SUNION SDIFF and STORE, SMOVE, SINTERCARD': [
    'SADD a 1 2 3 4', 'SADD b 3 4 5', 'SADD c 4 5 6', 'SINTER a b', 'SINTER a b c', 'SUNION a b', 'SUNION a b c', 'SDIFF a b', 'SDIFF a b c',
    'SINTER a none', 'SUNION a none', 'SDIFF none a', 'SDIFF a none', 'SINTERSTORE d a b', 'SMEMBERS d', 'SUNIONSTORE d a c', 'SMEMBERS d',
    'SDIFFSTORE d a b', 'SMEMBERS d', 'SINTERSTORE d a none', 'EXISTS d', 'SET d v', 'SUNIONSTORE d a', 'TYPE d', 'SADD x a b c',
    '~sorted SINTER x x', '~sorted SUNION a x', '~sorted SDIFF x a', 'SET str v', 'SINTER a str', 'SINTER none str', 'SUNION str a',
    'SDIFF a str', 'SINTERSTORE d str', 'SUNIONSTORE str a', 'TYPE str', 'SMOVE a b 1', 'SMEMBERS a', 'SMEMBERS b', 'SMOVE a b 9',
    'SMOVE a a 2', 'SMOVE a a 9', 'SMOVE none b 1', 'SMOVE a new 2', 'SMEMBERS new', 'SMOVE a str 3', 'SMOVE str a 3', 'SADD one z',
    'SMOVE one new z', 'EXISTS one', '~sorted SMEMBERS new', 'SINTERCARD 2 a b', 'SINTERCARD 1 b', 'SINTERCARD 2 b c LIMIT 1',
    'SINTERCARD 2 b c LIMIT 0', 'SINTERCARD 0 a', 'SINTERCARD 3 a b', 'SINTERCARD x a', 'SINTERCARD 1 a LIMIT -1', 'SINTERCARD 1 a FOO',
    'SINTERCARD 2 a none', 'SINTERCARD 1 str',
  ],
  'zsets: ZADD options, ZSCORE, ZINCRBY': [
    'ZADD z 1 a 2 b 3 c', 'ZADD z 1 a', 'ZADD z CH 5 a 2 b', 'ZSCORE z a', 'ZSCORE z none', 'ZSCORE none a', 'ZMSCORE z a x b',
    'ZMSCORE none a', 'ZADD z NX 10 a 10 d', 'ZSCORE z a', 'ZADD z XX 10 a 10 e', 'ZSCORE z e', 'ZADD z XX CH 11 a', 'ZADD z GT 1 a',
    'ZADD z GT CH 20 a', 'ZADD z LT CH 30 a 1 b', 'ZRANGE z 0 -1 WITHSCORES', 'ZADD z NX XX 1 a', 'ZADD z GT LT 1 a', 'ZADD z NX GT 1 a',
    'ZADD z NX LT 1 a', 'ZADD z XX GT CH 50 a', 'ZADD z INCR 1 a 2 b', 'ZADD z INCR 1.5 a', 'ZADD z INCR NX 1 a', 'ZADD z INCR XX 1 nope',
    'ZADD z INCR GT -1 a', 'ZADD z INCR LT -1 a', 'ZADD z 1', 'ZADD z 1 a 2', 'ZADD z', 'ZADD z NX', 'ZADD z x a', 'ZADD z nan a',
    'ZADD z 1 a x b', 'ZSCORE z a', 'ZADD z inf i -inf j', 'ZSCORE z i', 'ZSCORE z j', 'ZADD z INCR -inf i', 'ZINCRBY z 1 x', 'ZINCRBY z 0.1 x',
    'ZINCRBY z 0.1 x', 'ZINCRBY z 0.1 x', 'ZSCORE z x', 'ZINCRBY z abc x', 'ZINCRBY z inf x', 'ZINCRBY z -inf x', 'ZADD z 1e20 big',
    'ZSCORE z big', 'ZADD z -0 nz', 'ZSCORE z nz', 'ZADD z INCR -0 nz2', 'ZADD z INCR -0 nz2', 'ZSCORE z nz2', 'ZADD z 0.1 p 1e-5 q 123456789.123 r 1.5e300 s -2.5e-300 t', 'ZMSCORE z p q r s t',
    'ZADD z 1e400 o', 'ZADD z 1e-400 o', ['ZADD', 'z', ' 1', 'o'], 'ZADD z 1.0 o', 'ZSCORE z o', 'ZADD z XX 5 nokey', 'ZADD nokey XX 1 a', 'EXISTS nokey',
    'ZADD nokey2 INCR XX 1 a', 'SET str v', 'ZADD str 1 a', 'ZSCORE str a', 'ZMSCORE str a', 'ZINCRBY str 1 a', 'ZCARD str', 'ZCARD z',
    'ZCARD none', 'ZADD z ch ch 1 cc', 'ZADD z 1 a NX', 'ZINCRBY z nx 1',
  ],
  'zsets: ZREM ZRANK ZREVRANK ZCOUNT ZLEXCOUNT': [
    'ZADD z 1 a 2 b 2 c 3 d', 'ZRANK z a', 'ZRANK z c', 'ZREVRANK z a', 'ZREVRANK z d', 'ZRANK z none', 'ZRANK none a',
    'ZCOUNT z -inf +inf', 'ZCOUNT z 2 2', 'ZCOUNT z (2 3', 'ZCOUNT z (1 (3', 'ZCOUNT z 3 1', 'ZCOUNT z x 1', 'ZCOUNT z 1 nan', 'ZCOUNT none 0 1',
    ['ZCOUNT', 'z', '', '5'], ['ZCOUNT', 'z', '(', '5'], ['ZCOUNT', 'z', ' 1', '2'], 'ZCOUNT z 1e400 inf', 'ZCOUNT z -1e400 2',
    'ZCOUNT z 1x 2', 'ZREM z a x', 'ZREM z b c d', 'EXISTS z', 'ZREM none a', 'ZADD l 0 a 0 b 0 c 0 d', 'ZLEXCOUNT l - +', 'ZLEXCOUNT l [b (d',
    'ZLEXCOUNT l (a [c', 'ZLEXCOUNT l + -', 'ZLEXCOUNT l a c', 'ZLEXCOUNT l [a x', 'ZLEXCOUNT none - +', 'SET str v', 'ZRANK str a', 'ZCOUNT str 0 1',
    'ZLEXCOUNT str - +', 'ZREM str a', 'ZCOUNT str x 1',
  ],
  'zsets: ZRANGE family': [
    'ZADD z 1 a 2 b 3 c 4 d 5 e', 'ZRANGE z 0 -1', 'ZRANGE z 0 -1 WITHSCORES', 'ZRANGE z 1 2 withscores', 'ZRANGE z -2 -1', 'ZRANGE z 3 1',
    'ZRANGE z -100 100', 'ZRANGE z 0 -100', 'ZRANGE z 0 -1 REV', 'ZRANGE z 0 1 REV WITHSCORES', 'ZREVRANGE z 0 1', 'ZREVRANGE z 0 -1 WITHSCORES',
    'ZRANGE z 2 4 BYSCORE', 'ZRANGE z (2 4 BYSCORE WITHSCORES', 'ZRANGE z 4 2 BYSCORE REV', 'ZRANGE z -inf +inf BYSCORE LIMIT 1 2',
    'ZRANGE z +inf -inf BYSCORE REV LIMIT 1 2 WITHSCORES', 'ZRANGE z -inf +inf BYSCORE LIMIT 0 -1', 'ZRANGE z -inf +inf BYSCORE LIMIT -1 2',
    'ZRANGE z -inf +inf BYSCORE LIMIT 10 2', 'ZRANGE z -inf +inf BYSCORE LIMIT 2 0', 'ZRANGE z -inf +inf BYSCORE LIMIT 1 -5',
    'ZRANGE z 0 -1 LIMIT 0 1', 'ZRANGE z 0 -1 LIMIT 0 -1', 'ZRANGE z - + BYLEX', 'ZRANGE z [b (d BYLEX', 'ZRANGE z + - BYLEX REV',
    'ZRANGE z - + BYLEX LIMIT 1 1', 'ZRANGE z - + BYLEX WITHSCORES', 'ZRANGE z a b BYLEX', 'ZRANGE z x 1 BYSCORE', 'ZRANGE z a 1',
    'ZRANGE z 0 1 FOO', 'ZRANGE z 0 1 LIMIT 1', 'ZRANGE z 0 1 BYSCORE BYLEX', 'ZRANGE z 0 1 REV REV', 'ZRANGE z 0 1 LIMIT x 1 BYSCORE',
    'ZRANGE none 0 -1', 'ZRANGE none 0 -1 WITHSCORES', 'ZRANGE none x y', 'ZRANGEBYSCORE z 2 4', 'ZRANGEBYSCORE z 2 4 WITHSCORES LIMIT 1 5',
    'ZRANGEBYSCORE z (1 (5', 'ZRANGEBYSCORE z 2 4 REV', 'ZRANGEBYSCORE z 2 4 BYSCORE', 'ZREVRANGEBYSCORE z 4 2', 'ZREVRANGEBYSCORE z 2 4',
    'ZREVRANGEBYSCORE z +inf -inf WITHSCORES LIMIT 0 2', 'ZRANGEBYSCORE z a b', 'ZRANGEBYLEX z - +', 'ZRANGEBYLEX z - + LIMIT 2 2',
    'ZREVRANGEBYLEX z + -', 'ZREVRANGEBYLEX z (d - LIMIT 0 2', 'ZRANGEBYLEX z - + WITHSCORES', 'ZRANGEBYLEX z a +', 'ZREVRANGE z 0 1 LIMIT 0 1',
    'ZADD s 1.5 x 0.1 y -inf n inf p', 'ZRANGE s 0 -1 WITHSCORES', 'ZRANGEBYSCORE s -inf inf WITHSCORES', 'ZRANGEBYSCORE s (-inf (inf',
    'SET str v', 'ZRANGE str 0 -1', 'ZRANGEBYSCORE str 0 1', 'ZRANGE str x y', 'ZRANGEBYLEX str - +', 'ZREVRANGE str 0 1',
  ],
  'zsets: ZREMRANGE and ZPOP': [
    'ZADD z 1 a 2 b 3 c 4 d 5 e 6 f', 'ZREMRANGEBYRANK z 0 0', 'ZREMRANGEBYRANK z -1 -1', 'ZREMRANGEBYRANK z 5 10', 'ZREMRANGEBYRANK z x 1',
    'ZRANGE z 0 -1', 'ZREMRANGEBYSCORE z (2 3', 'ZREMRANGEBYSCORE z x 1', 'ZRANGE z 0 -1', 'ZADD z 0 aa 0 ab 0 ac', 'ZREMRANGEBYLEX z [aa (ac',
    'ZREMRANGEBYLEX z x y', 'ZRANGE z 0 -1 WITHSCORES', 'ZREMRANGEBYRANK none 0 1', 'ZREMRANGEBYSCORE none 0 1', 'ZREMRANGEBYLEX none - +',
    'ZPOPMIN z', 'ZPOPMAX z', 'ZPOPMIN z 2', 'ZPOPMAX z 1', 'ZPOPMIN z 0', 'ZPOPMIN z -1', 'ZPOPMIN z x', 'ZRANGE z 0 -1 WITHSCORES',
    'ZPOPMAX z 10', 'EXISTS z', 'ZPOPMIN z', 'ZPOPMIN z 2', 'ZPOPMAX none', 'ZPOPMAX none 0', 'ZREMRANGEBYRANK y 0 -1', 'ZADD y 1 a 2 b',
    'ZREMRANGEBYSCORE y -inf +inf', 'EXISTS y', 'SET str v', 'ZPOPMIN str', 'ZPOPMAX str 2', 'ZREMRANGEBYRANK str 0 1', 'ZREMRANGEBYSCORE str x 1',
    'ZADD w 1.1 a 2.2 b', 'ZPOPMIN w 1', 'ZPOPMAX w',
  ],
  'collections: HSCAN SSCAN ZSCAN (small encodings: everything in one call)': [
    'HSET h a 1 b 2 ab 3', 'HSCAN h 0', 'HSCAN h 0 MATCH a*', 'HSCAN h 0 COUNT 1', 'HSCAN h 0 MATCH x* COUNT 100', 'HSCAN h 0 TYPE string',
    'HSCAN h x', 'HSCAN h 0 COUNT 0', 'HSCAN h 0 MATCH', 'HSCAN none 0', 'SADD s 3 1 2 10', 'SSCAN s 0', 'SSCAN s 0 MATCH 1*', 'SSCAN none 0',
    'SSCAN s 0 COUNT -1', 'SSCAN s 0 TYPE set', 'ZADD z 1.5 a 2 b 0.1 c -0 d inf e', 'ZSCAN z 0', 'ZSCAN z 0 MATCH [ab]', 'ZSCAN none 0',
    'ZSCAN z 0 COUNT x', 'SET str v', 'HSCAN str 0', 'SSCAN str 0', 'ZSCAN str 0', 'SADD t a b c', '~scan SSCAN t 0',
  ],
  'zsets: ZUNION ZINTER ZDIFF and STORE, ZRANGESTORE': [
    'ZADD a 1 x 2 y 3 z', 'ZADD b 10 y 20 z 30 w', 'SADD s x w q', 'ZUNION 2 a b', 'ZUNION 2 a b WITHSCORES', 'ZINTER 2 a b WITHSCORES',
    'ZDIFF 2 a b WITHSCORES', 'ZDIFF 2 b a', 'ZUNION 3 a b s WITHSCORES', 'ZINTER 2 a s WITHSCORES', 'ZUNION 2 a b WEIGHTS 2 0.5 WITHSCORES',
    'ZUNION 2 a b AGGREGATE MIN WITHSCORES', 'ZUNION 2 a b AGGREGATE max WITHSCORES', 'ZINTER 2 a b AGGREGATE MAX WEIGHTS 1 -1 WITHSCORES',
    'ZUNION 2 a none WITHSCORES', 'ZINTER 2 a none', 'ZDIFF 2 none a', 'ZUNION 0 a', 'ZUNION -1 a', 'ZUNION 3 a b', 'ZUNION x a',
    'ZUNION 2 a b WEIGHTS 1', 'ZUNION 2 a b WEIGHTS 1 x', 'ZUNION 2 a b AGGREGATE avg', 'ZUNION 2 a b AGGREGATE', 'ZDIFF 2 a b WEIGHTS 1 1',
    'ZDIFF 2 a b AGGREGATE SUM', 'ZUNION 2 a b FOO', 'ZUNIONSTORE d 2 a b', 'ZRANGE d 0 -1 WITHSCORES', 'ZUNIONSTORE d 2 a b WITHSCORES',
    'ZINTERSTORE d 2 a b WEIGHTS 2 3', 'ZRANGE d 0 -1 WITHSCORES', 'ZDIFFSTORE d 2 a b', 'ZRANGE d 0 -1 WITHSCORES', 'ZINTERSTORE d 2 a none',
    'EXISTS d', 'ZINTERSTORE d 0 a', 'ZDIFFSTORE d 0 a', 'SET str v', 'ZUNION 2 a str', 'ZUNIONSTORE d 1 str', 'ZINTER 2 none str',
    'ZADD i 1 p inf q', 'ZADD j -1 p -inf q', 'ZUNION 2 i j WITHSCORES', 'ZUNION 2 i j WEIGHTS 0 1 WITHSCORES', 'ZINTER 2 i j AGGREGATE MIN WITHSCORES',
    'ZUNIONSTORE str 1 a', 'TYPE str', 'ZRANGESTORE r a 0 -1', 'ZRANGE r 0 -1 WITHSCORES', 'ZRANGESTORE r b 15 +inf BYSCORE', 'ZRANGE r 0 -1 WITHSCORES',
    'ZRANGESTORE r b +inf 15 BYSCORE REV LIMIT 0 1', 'ZRANGE r 0 -1 WITHSCORES', 'ZRANGESTORE r a - + BYLEX', 'ZRANGESTORE r a 0 -1 WITHSCORES',
    'ZRANGESTORE r none 0 -1', 'EXISTS r', 'ZRANGESTORE r a 5 10', 'ZRANGESTORE r str 0 -1', 'ZRANGESTORE str2 a 0 0', 'ZRANGE str2 0 -1',
    'ZRANGESTORE r a 0 -1 LIMIT 0 1', 'ZRANGESTORE r a x 1',
  ],
  'blocking commands (never blocking: what is there, or null after the timeout)': [
    'RPUSH a 1 2 3', 'BLPOP a 0', 'BRPOP a 0', 'BLPOP none a 0', 'BLPOP none 0.01', 'BRPOP none 0.01', 'BLPOP a x', 'BLPOP a -1', 'BLPOP a 1e400',
    'BLPOP a inf', 'RPUSH a 9 9 9', 'BLPOP a -0.0001', 'BLPOP a 0.5e-3', 'BLPOP a 9223372036854775', 'LLEN a', 'RPUSH b x y', 'BLMOVE b c LEFT RIGHT 0', 'BLMOVE b c UP RIGHT 0',
    'BLMOVE b c LEFT RIGHT x', 'BRPOPLPUSH b c 0', '~multi BRPOPLPUSH b c 0', 'LRANGE c 0 -1', '~multi BLMOVE none c LEFT LEFT 0',
    '~multi BLPOP none 0', '~multi BZPOPMAX none 0', '~multi BLMPOP 0 1 none LEFT', '~multi BZMPOP 0 1 none MAX', '~multi BLMOVE b c LEFT RIGHT 0', 'SET s v', 'BLPOP s 0',
    'BLPOP none s 0', 'BRPOPLPUSH s c 0', 'ZADD z 1 a 2 b 3 c', 'BZPOPMIN z 0', 'BZPOPMAX z 0', 'BZPOPMIN none z 0', 'BZPOPMIN none 0.01',
    'BZPOPMAX z x', 'BZPOPMIN s 0', 'ZADD y 1.5 m', 'BZPOPMAX y 0', 'EXISTS y',
  ],
  'LMPOP ZMPOP BLMPOP BZMPOP': [
    'RPUSH a 1 2 3 4 5', 'LMPOP 1 a LEFT', 'LMPOP 1 a RIGHT COUNT 2', 'LMPOP 2 none a LEFT COUNT 10', 'EXISTS a', 'LMPOP 1 a LEFT', 'LMPOP 0 a LEFT',
    'LMPOP -1 a LEFT', 'LMPOP x a LEFT', 'LMPOP 2 a LEFT', 'LMPOP 1 a UP', 'LMPOP 1 a LEFT COUNT 0', 'LMPOP 1 a LEFT COUNT x', 'LMPOP 1 a LEFT COUNT',
    'LMPOP 1 a LEFT COUNT 1 COUNT 1', 'LMPOP 1 a LEFT FOO', 'SET s v', 'LMPOP 1 s LEFT', 'LMPOP 2 none s LEFT', 'RPUSH b 1', 'BLMPOP 0 1 b LEFT',
    'BLMPOP 0.01 1 b LEFT', 'BLMPOP x 1 b LEFT', 'BLMPOP -1 1 b LEFT', 'BLMPOP 0 0 b LEFT', 'ZADD z 1 a 2 b 3 c', 'ZMPOP 1 z MIN', 'ZMPOP 1 z MAX COUNT 5',
    'ZMPOP 1 z MIN', 'ZMPOP 0 z MIN', 'ZMPOP 1 z FOO', 'ZMPOP 1 z MIN COUNT 0', 'ZMPOP 2 z MIN', 'ZMPOP 1 s MIN', 'ZADD w 0.5 x', 'BZMPOP 0 1 w MAX',
    'BZMPOP 0.01 1 w MAX', 'BZMPOP x 1 w MAX',
  ],
  'HRANDFIELD ZRANDMEMBER (deterministic when the count covers everything)': [
    'HSET h a 1 b 2 c 3', 'HRANDFIELD h 3', 'HRANDFIELD h 10 WITHVALUES', 'HRANDFIELD h 0', '~size HRANDFIELD h 2', '~size HRANDFIELD h -5 WITHVALUES',
    'HRANDFIELD h x', 'HRANDFIELD h 1 FOO', 'HRANDFIELD h 1 WITHVALUES x', 'HRANDFIELD none', 'HRANDFIELD none 3', 'HRANDFIELD h -9223372036854775808',
    'HSET one f v', 'HRANDFIELD one', 'HRANDFIELD one -2 WITHVALUES', 'ZADD z 1 a 2.5 b', 'ZRANDMEMBER z 2', 'ZRANDMEMBER z 5 WITHSCORES',
    '~size ZRANDMEMBER z -3', 'ZRANDMEMBER z 0', 'ZRANDMEMBER z x', 'ZRANDMEMBER z 1 FOO', 'ZRANDMEMBER none', 'ZRANDMEMBER none 1', 'ZADD one1 7 m',
    'ZRANDMEMBER one1', 'ZRANDMEMBER one1 -2 WITHSCORES', 'SET s v', 'HRANDFIELD s', 'HRANDFIELD s x', 'HRANDFIELD s 1', 'ZRANDMEMBER s 1',
  ],
  'keys: COPY MOVE': [
    'SET a 1 EX 100', 'COPY a b', 'GET b', '~ttl TTL b', 'COPY a b', 'COPY a b REPLACE', 'COPY a a', 'COPY a a DB 0', 'COPY a a DB 1', 'COPY none b',
    'COPY a b DB 99', 'COPY a b DB x', 'COPY a b DB', 'COPY a b FOO', 'RPUSH l 1 2', 'COPY l l2', 'RPUSH l2 3', 'LRANGE l 0 -1', 'LRANGE l2 0 -1',
    'HSET h f v', 'COPY h h2 DB 2', 'SADD s 1 x', 'COPY s s2', '~sorted SMEMBERS s2', 'ZADD z 1 m', 'COPY z z2', 'ZRANGE z2 0 -1 WITHSCORES',
    'MOVE a 1', 'EXISTS a', 'MOVE a 1', 'MOVE b 0', 'MOVE b 99', 'MOVE b x', 'SET b2 x', 'SELECT 1', 'GET a', '~ttl TTL a', 'SET b2 y', 'SELECT 0',
    'MOVE b2 1', 'GET b2', 'SELECT 2', 'HGETALL h2', 'SELECT 0', 'MOVE none 1',
  ],
  'bits: GETBIT SETBIT BITCOUNT, ZINTERCARD': [
    'SETBIT b 7 1', 'GET b', 'GETBIT b 7', 'GETBIT b 6', 'GETBIT b 100', 'SETBIT b 7 0', 'SETBIT b 7 1', 'SETBIT b 20 1', 'GET b', 'STRLEN b',
    'SETBIT b -1 1', 'SETBIT b x 1', 'SETBIT b 1 2', 'SETBIT b 1 x', 'SETBIT b 1 -1', 'SETBIT b 4294967296 1', 'SETBIT b 4294967295 x', 'GETBIT b -1',
    'GETBIT b x', 'GETBIT none 3', 'SET s foobar', 'BITCOUNT s', 'BITCOUNT s 0 0', 'BITCOUNT s 1 1', 'BITCOUNT s 1 -1', 'BITCOUNT s -2 -1',
    'BITCOUNT s -1 -2', 'BITCOUNT s 5 30 BIT', 'BITCOUNT s 0 -1 BIT', 'BITCOUNT s -5 -1 bit', 'BITCOUNT s 1 2 BYTE', 'BITCOUNT s 1 2 FOO',
    'BITCOUNT s 1', 'BITCOUNT s 1 2 3 4', 'BITCOUNT s x 1', 'BITCOUNT none', 'BITCOUNT none 0 1', 'BITCOUNT none x 1', 'BITCOUNT none 1',
    'LPUSH l a', 'BITCOUNT l', 'BITCOUNT l x 1', 'BITCOUNT l 1', 'GETBIT l 0', 'SETBIT l 0 1', 'SET t v EX 100', 'SETBIT t 100 1', '~ttl TTL t',
    'ZADD a 1 x 2 y 3 z', 'ZADD b 1 y 2 z 3 w', 'ZINTERCARD 2 a b', 'ZINTERCARD 2 a b LIMIT 1', 'ZINTERCARD 2 a b LIMIT 0', 'ZINTERCARD 2 a b LIMIT -1',
    'ZINTERCARD 0 a', 'ZINTERCARD 3 a b', 'ZINTERCARD 2 a none', 'ZINTERCARD 2 a b WEIGHTS 1 1', 'ZINTERCARD 1 l', 'SADD st y z', 'ZINTERCARD 2 a st',
  ],
  'zsets: listpack and skiplist encodings (-0 scores), lex ranges over different scores': [
    'ZADD big 1 m1 2 m2 3 m3 4 m4 5 m5 6 m6 7 m7 8 m8 9 m9 10 m10 11 m11 12 m12 13 m13 14 m14 15 m15 16 m16 17 m17 18 m18 19 m19 20 m20 21 m21 22 m22 23 m23 24 m24 25 m25 26 m26 27 m27 28 m28 29 m29 30 m30 31 m31 32 m32 33 m33 34 m34 35 m35 36 m36 37 m37 38 m38 39 m39 40 m40 41 m41 42 m42 43 m43 44 m44 45 m45 46 m46 47 m47 48 m48 49 m49 50 m50 51 m51 52 m52 53 m53 54 m54 55 m55 56 m56 57 m57 58 m58 59 m59 60 m60 61 m61 62 m62 63 m63 64 m64 65 m65 66 m66 67 m67 68 m68 69 m69 70 m70 71 m71 72 m72 73 m73 74 m74 75 m75 76 m76 77 m77 78 m78 79 m79 80 m80 81 m81 82 m82 83 m83 84 m84 85 m85 86 m86 87 m87 88 m88 89 m89 90 m90 91 m91 92 m92 93 m93 94 m94 95 m95 96 m96 97 m97 98 m98 99 m99 100 m100 101 m101 102 m102 103 m103 104 m104 105 m105 106 m106 107 m107 108 m108 109 m109 110 m110 111 m111 112 m112 113 m113 114 m114 115 m115 116 m116 117 m117 118 m118 119 m119 120 m120 121 m121 122 m122 123 m123 124 m124 125 m125 126 m126 127 m127 128 m128 129 m129', 'ZADD big -0 neg', 'ZSCORE big neg', 'ZADD big 0 neg', 'ZSCORE big neg', 'ZADD small -0 neg', 'ZSCORE small neg',
    'ZADD long -0 LLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLL', 'ZSCORE long LLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLL', 'ZADD long -0 x', 'ZSCORE long x', 'ZADD mix 1 a -0 LLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLL', 'ZSCORE mix LLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLL',
    'ZADD s128 1 n1 2 n2 3 n3 4 n4 5 n5 6 n6 7 n7 8 n8 9 n9 10 n10 11 n11 12 n12 13 n13 14 n14 15 n15 16 n16 17 n17 18 n18 19 n19 20 n20 21 n21 22 n22 23 n23 24 n24 25 n25 26 n26 27 n27 28 n28 29 n29 30 n30 31 n31 32 n32 33 n33 34 n34 35 n35 36 n36 37 n37 38 n38 39 n39 40 n40 41 n41 42 n42 43 n43 44 n44 45 n45 46 n46 47 n47 48 n48 49 n49 50 n50 51 n51 52 n52 53 n53 54 n54 55 n55 56 n56 57 n57 58 n58 59 n59 60 n60 61 n61 62 n62 63 n63 64 n64 65 n65 66 n66 67 n67 68 n68 69 n69 70 n70 71 n71 72 n72 73 n73 74 n74 75 n75 76 n76 77 n77 78 n78 79 n79 80 n80 81 n81 82 n82 83 n83 84 n84 85 n85 86 n86 87 n87 88 n88 89 n89 90 n90 91 n91 92 n92 93 n93 94 n94 95 n95 96 n96 97 n97 98 n98 99 n99 100 n100 101 n101 102 n102 103 n103 104 n104 105 n105 106 n106 107 n107 108 n108 109 n109 110 n110 111 n111 112 n112 113 n113 114 n114 115 n115 116 n116 117 n117 118 n118 119 n119 120 n120 121 n121 122 n122 123 n123 124 n124 125 n125 126 n126 127 n127 128 n128', 'ZADD s128 -0 last', 'ZSCORE s128 last', 'ZUNIONSTORE u 1 big', 'ZSCORE u neg',
    'ZUNIONSTORE u2 1 long', 'ZSCORE u2 x', 'ZRANGESTORE r big 0 -1', 'ZSCORE r neg', 'COPY big big2', 'ZSCORE big2 neg', 'ZINCRBY big -0 neg', 'ZSCORE big neg',
    'ZADD lex 1 a 0 b 2 c 5 d 3 e', 'ZRANGEBYLEX lex - +', 'ZRANGEBYLEX lex [b +', 'ZRANGEBYLEX lex (a [c', 'ZRANGEBYLEX lex [c [a', 'ZREVRANGEBYLEX lex + [b',
    'ZREVRANGEBYLEX lex [d -', 'ZREVRANGEBYLEX lex (d (a', 'ZRANGEBYLEX lex [z +', 'ZRANGEBYLEX lex - [0', 'ZRANGEBYLEX lex [a (a', 'ZRANGEBYLEX lex [a [a',
    'ZRANGEBYLEX lex + -', 'ZRANGEBYLEX lex - -', 'ZRANGEBYLEX lex + +', 'ZLEXCOUNT lex [b +', 'ZLEXCOUNT lex (a [d', 'ZRANGE lex [c - BYLEX REV',
    'ZRANGE lex [b [e BYLEX LIMIT 1 2', 'ZREMRANGEBYLEX lex [b [d', 'ZRANGE lex 0 -1 WITHSCORES',
  ],
};

// Generated cases (seeded, so every run sends the same commands).

/** A decimal number as text, in the forms scripts send: integers, fractions, exponents, extremes. */
function randomDecimal(rng: Rng): string {
  const sign = rng.chance(0.3) ? '-' : '';
  const digits = (n: number) => Array.from({ length: n }, () => String(rng.int(10))).join('');
  switch (rng.int(6)) {
    case 0: return sign + String(rng.int(1000));
    case 1: return `${sign}${rng.int(100)}.${digits(rng.range(1, 20))}`;
    case 2: return `${sign}${rng.range(1, 9)}.${digits(rng.range(0, 6))}e${rng.range(-40, 40)}`;
    case 3: return `${sign}0.${digits(rng.range(1, 3))}`;
    case 4: return `${sign}${digits(rng.range(1, 25)).replace(/^0+(?=.)/, '')}`;
    default: return `${sign}${rng.range(1, 9)}e${rng.range(-4950, 4930)}`;
  }
}

/** A double from random bits (finite), as JS's shortest text. */
function randomDouble(rng: Rng): string {
  const view = new DataView(new ArrayBuffer(8));
  for (;;) {
    view.setUint32(0, Math.floor(rng.next() * 2 ** 32));
    view.setUint32(4, Math.floor(rng.next() * 2 ** 32));
    const d = view.getFloat64(0);
    if (Number.isFinite(d)) return String(d);
  }
}

function generated(): Record<string, StepSource[]> {
  const rng = new Rng(20260511);
  const floats: StepSource[] = [];
  for (let i = 0; i < 150; i++) {
    const key = `f${rng.int(4)}`;
    if (rng.chance(0.1)) floats.push(`SET ${key} ${randomDecimal(rng)}`);
    floats.push(`INCRBYFLOAT ${key} ${randomDecimal(rng)}`);
    if (rng.chance(0.3)) floats.push(`HINCRBYFLOAT h ${key} ${randomDecimal(rng)}`);
  }
  const scores: StepSource[] = [];
  for (let i = 0; i < 100; i++) {
    scores.push(`ZADD z ${randomDouble(rng)} m${i % 40}`, `ZSCORE z m${i % 40}`);
    if (rng.chance(0.3)) scores.push(`ZINCRBY z ${randomDecimal(rng).replace(/e-?\d{3,}$/, '')} m${rng.int(40)}`);
  }
  // Values at a tie of %.17g (18 significant digits ending in 5): glibc rounds them to even.
  for (let i = 0; i < 20; i++) {
    const v = (2 ** 52 + 2 * rng.int(2 ** 20) + 1) / 4; // ulp 0.25 between 2^50 and 2^51: ends in .25 or .75
    scores.push(`ZADD t ${v} x${i}`, `ZSCORE t x${i}`);
  }
  scores.push('ZRANGE z 0 -1 WITHSCORES', 'ZRANGE t 0 -1 WITHSCORES');
  const alphabet = ['a', 'b', 'c', '[', ']', '\\', '*', '?', '^', '-'];
  const word = (n: number) => Array.from({ length: n }, () => rng.pick(alphabet)).join('');
  const keys = new Set<string>();
  while (keys.size < 60) keys.add(word(rng.range(1, 5)));
  const glob: StepSource[] = [['MSET', ...[...keys].flatMap((k) => [k, '1'])]];
  for (let i = 0; i < 150; i++) glob.push(['~sorted', 'KEYS', word(rng.range(1, 6))]);
  return {
    'generated: INCRBYFLOAT and HINCRBYFLOAT chains (80-bit long double)': floats,
    'generated: scores as %.17g (ZADD, ZSCORE, ZINCRBY)': scores,
    'generated: KEYS glob patterns': glob,
  };
}

Object.assign(CASES, generated());
