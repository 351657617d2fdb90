import { describe, expect, it } from 'vitest';
import { givesPayersSum, payerAsked } from '../src/answer/payer.js';

describe('the payer a price question names', () => {
  it('is the words that tell the payer apart, not a capitalised stopword or a company word', () => {
    expect(payerAsked('How much did Donald Trump pay for his stake?')).toEqual(['Donald', 'Trump']);
    expect(payerAsked('How much did The Westbay Group pay for Marlow Inc?')).toEqual(['Westbay']);
  });

  it('is not taken as named by any sentence opening "The" with a sum', () => {
    const other =
      'MARLOW SOLD\nThe buyer, Harbour Holdings, paid 20 mln dlrs for Marlow. The Westbay Group said it had ' +
      'held talks on Marlow last year.';
    expect(givesPayersSum(payerAsked('How much did The Westbay Group pay for Marlow Inc?'))(other)).toBe(
      false,
    );
    expect(givesPayersSum(['Westbay'])('MARLOW SOLD\nWestbay paid 20 mln dlrs for Marlow.')).toBe(true);
  });
});
