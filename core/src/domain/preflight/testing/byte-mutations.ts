import fc from 'fast-check';

export type ByteMutation = (bytes: Uint8Array) => Uint8Array;

/**
 * What the public does to a valid file, by accident or not: truncate it, flip bytes, or
 * splice a run of its own bytes somewhere else. For the inspectors' property tests.
 */
export function byteMutation(options: { maxSplice?: number } = {}): fc.Arbitrary<ByteMutation> {
  return fc.oneof(
    fc.nat().map((n): ByteMutation => (bytes) => bytes.subarray(0, n % (bytes.length + 1))),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips): ByteMutation => (bytes) => {
      const copy = Uint8Array.from(bytes);
      for (const [at, value] of flips) copy[at % copy.length] = value;
      return copy;
    }),
    fc.tuple(fc.nat(), fc.nat(), fc.nat({ max: options.maxSplice ?? 200 })).map(([from, to, length]): ByteMutation => (bytes) => {
      const a = from % bytes.length;
      const b = to % bytes.length;
      return Uint8Array.from([...bytes.subarray(0, b), ...bytes.subarray(a, a + length), ...bytes.subarray(b)]);
    }),
  );
}
