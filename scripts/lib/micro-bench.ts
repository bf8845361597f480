// The microbenchmarks of scripts/bench/ and their smaller --quick sizes
// (full size: each script's own defaults). Used by scripts/bench.ts and by
// test/browser-bench.test.ts.
export const MICRO: readonly { name: string; quick: string[] }[] = [
  { name: 'fib', quick: ['27', '4'] },
  { name: 'intloop', quick: ['5000000'] },
  { name: 'array', quick: ['6'] },
  { name: 'hash', quick: ['2'] },
  { name: 'strbuild', quick: ['1'] },
  { name: 'closures', quick: ['300000'] },
  { name: 'methods', quick: ['400000'] },
];
