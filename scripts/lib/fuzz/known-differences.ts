// Fuzzer findings on the CI run's programs (test/fuzz-differential.test.ts)
// that are known and not fixed yet. The test fails on any other finding, and
// on an entry here that no longer reproduces, so the list stays honest.
// Each entry: the program (seed, index), its class, and why it is not fixed.

export interface KnownDifference {
  seed: number;
  index: number;
  cls: 'differs' | 'js' | 'hang' | 'crash';
  reason: string;
}

export const KNOWN_DIFFERENCES: KnownDifference[] = [];
