/**
 * Mean pooling over the tokens the attention mask keeps, then L2 normalisation: the sentence-transformers
 * recipe. transformers.js has its own, but it walks the hidden state with a stride per dimension and
 * converts every mask value from BigInt, which costs more than a small model's forward pass.
 */
export function meanPoolNormalized(
  hidden: Float32Array,
  [batch, tokens, width]: readonly [number, number, number],
  mask: ArrayLike<bigint | number>,
): Float32Array[] {
  const vectors: Float32Array[] = [];
  for (let row = 0; row < batch; row++) {
    const vector = new Float32Array(width);
    let kept = 0;
    for (let token = 0; token < tokens; token++) {
      if (Number(mask[row * tokens + token]) === 0) continue;
      kept++;
      const offset = (row * tokens + token) * width;
      for (let i = 0; i < width; i++) vector[i]! += hidden[offset + i]!;
    }
    let norm = 0;
    for (let i = 0; i < width; i++) norm += vector[i]! * vector[i]!;
    // Mean then normalise equals normalise the sum: the token count cancels out.
    const scale = kept > 0 && norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let i = 0; i < width; i++) vector[i]! *= scale;
    vectors.push(vector);
  }
  return vectors;
}
