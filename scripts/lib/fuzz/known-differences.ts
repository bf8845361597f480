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

export const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    seed: 20240901, index: 45, cls: 'differs',
    reason: "variable name of an and/or operand: `#(v1 and nil or v2)` is \"(upvalue 'v2')\" in lua5.4, whose " +
      'name comes from the last instruction that set the register (findsetreg); Regolith names no and/or result',
  },
];
