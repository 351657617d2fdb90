/** Deterministic, so a rebuilt index holds the same vectors. */
export function gaussian(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 1) / 4294967297;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

/**
 * The model's vectors carried to another dimension (384, the production model's, from the stand-in's 256):
 * a fixed Gaussian random matrix, then unit length again. A random projection keeps the angles between
 * vectors within a few percent (Johnson-Lindenstrauss), so neighbours stay neighbours and the set keeps
 * the real passages' structure, where the proxy model's 384-dimension vectors have none. Identity when
 * the dimensions agree.
 */
export function projection(from: number, to: number): (vector: Float32Array) => Float32Array {
  if (from === to) return (vector) => vector;
  const noise = gaussian(from * 100_003 + to);
  const matrix = Float32Array.from({ length: from * to }, noise);
  return (vector) => {
    const out = new Float32Array(to);
    let norm = 0;
    for (let row = 0, offset = 0; row < to; row++, offset += from) {
      let sum = 0;
      for (let d = 0; d < from; d++) sum += matrix[offset + d]! * vector[d]!;
      out[row] = sum;
      norm += sum * sum;
    }
    norm = Math.sqrt(norm);
    for (let row = 0; row < to; row++) out[row]! /= norm;
    return out;
  };
}
