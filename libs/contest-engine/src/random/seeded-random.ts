/**
 * A seeded pseudo-random generator. An attempt stores its seed so that its paper can be drawn again
 * for an audit, which makes this algorithm part of the stored data: changing it would change
 * every past paper. The spec pins its first outputs; do not edit the constants.
 *
 * cyrb128 hashes the seed string into 128 bits; sfc32 (Chris Doty-Humphrey's Small Fast Counter)
 * generates from them. Both are public domain, fast, and use only 32-bit integer arithmetic, so
 * they give the same sequence on every JavaScript engine.
 */

/** Returns numbers in [0, 1). */
export type RandomSource = () => number;

/** cyrb128 (bryc): string → four 32-bit words. Hashes UTF-16 code units. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

function sfc32(seedA: number, seedB: number, seedC: number, seedD: number): RandomSource {
  let a = seedA | 0;
  let b = seedB | 0;
  let c = seedC | 0;
  let d = seedD | 0;
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** Same seed, same sequence, forever. */
export function createRandom(seed: string): RandomSource {
  const [a, b, c, d] = cyrb128(seed);
  return sfc32(a, b, c, d);
}

/** An integer in [0, bound). */
export function randomIndex(random: RandomSource, bound: number): number {
  return Math.floor(random() * bound);
}

/** Fisher–Yates (Durstenfeld) shuffle into a new array; the input is left untouched. */
export function shuffle<T>(items: readonly T[], random: RandomSource): T[] {
  const result = items.slice();
  for (let i = result.length - 1; i > 0; i--) {
    const j = randomIndex(random, i + 1);
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

/**
 * `count` distinct items chosen uniformly, in the order drawn: a partial Fisher–Yates that stops
 * after `count` steps, so drawing 10 questions from a bank of 2,000 costs 10 steps.
 */
export function sample<T>(items: readonly T[], count: number, random: RandomSource): T[] {
  if (count > items.length) {
    throw new RangeError(`cannot sample ${count} of ${items.length} items`);
  }
  // A partial Fisher–Yates over the indices, with only the swapped positions remembered: the same
  // picks as swapping in a copy of `items`, without copying a bank of thousands for 20 questions.
  const swapped = new Map<number, number>();
  const result: T[] = [];
  for (let i = 0; i < count; i++) {
    const j = i + randomIndex(random, items.length - i);
    const atI = swapped.get(i) ?? i;
    const atJ = swapped.get(j) ?? j;
    result.push(items[atJ]);
    swapped.set(j, atI);
  }
  return result;
}
