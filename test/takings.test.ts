import { describe, expect, it } from 'vitest';
import { asksForTakings, givesTakings } from '../src/answer/takings.js';

describe('takings asked of a story', () => {
  it('are asked by the box office, takings or gross', () => {
    expect(asksForTakings('How much money did Super Size Me take at the box office?')).toBe(true);
    expect(asksForTakings('How much did the film gross in its first week?')).toBe(true);
    expect(asksForTakings("How much did McDonald's win in damages?")).toBe(false);
  });

  it('are given only by a sentence giving a sum in words of takings', () => {
    const award =
      "Super Size Me wins writers' award\nSpurlock was given the award on Tuesday. The High Court awarded " +
      'the company £60,000 in damages.';
    expect(givesTakings(award)).toBe(false);
    expect(givesTakings('Super Size Me\nThe film took $11.5m at the US box office.')).toBe(true);
  });
});
