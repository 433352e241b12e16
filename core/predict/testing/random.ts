// Seeded random numbers for the predict tests' simulations. Test-only: deterministic so a
// simulation-based assertion fails the same way every run, never flakily.

/** mulberry32: tiny 32-bit PRNG, plenty for simulation tests; returns uniforms in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform in (0, 1): never exactly 0, so logs and powers stay finite. */
export function openUniform(rand: () => number): number {
  let u = rand();
  while (u === 0) u = rand();
  return u;
}

/** Standard normal by the polar (Marsaglia) method. */
export function sampleNormal(rand: () => number): number {
  while (true) {
    const u = 2 * rand() - 1;
    const v = 2 * rand() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/** Gamma(shape, rate) by Marsaglia–Tsang, boosted by U^(1/shape) when shape < 1. */
export function sampleGamma(rand: () => number, shape: number, rate: number): number {
  if (shape < 1) return sampleGamma(rand, shape + 1, rate) * Math.pow(openUniform(rand), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  while (true) {
    let x: number;
    let v: number;
    do {
      x = sampleNormal(rand);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = openUniform(rand);
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

/** Beta(a, b) as a ratio of gammas. */
export function sampleBeta(rand: () => number, a: number, b: number): number {
  const x = sampleGamma(rand, a, 1);
  const y = sampleGamma(rand, b, 1);
  return x / (x + y);
}

/** Exponential with the given rate. */
export function sampleExponential(rand: () => number, rate: number): number {
  return -Math.log(openUniform(rand)) / rate;
}
