import { describe, expect, it } from 'vitest';
import { asksForMoney } from '../src/search/answer-type.js';
import { asksPerShare, givesSumPerShare } from '../src/answer/per-share.js';
import { asksForPrice } from '../src/answer/withheld.js';

describe('a price per share asked of a story (twentieth batch)', () => {
  it('is a sum of money asked per share', () => {
    expect(asksForMoney('What price per share is Sealion Holdings offering for Marlow Video?')).toBe(true);
    expect(asksForMoney('How much a share is Sealion bidding for Marlow?')).toBe(true);
    expect(asksPerShare('What price per share is Sealion Holdings offering for Marlow Video?')).toBe(true);
    expect(asksPerShare('How much is Sealion paying for Marlow?')).toBe(false);
    // A share in something is a stake, whose price is a sum in all.
    expect(asksPerShare('How much did Shell pay for a share in the Brent field?')).toBe(false);
    expect(asksForPrice('How much a share is Sealion bidding for Marlow?')).toBe(true);
  });

  it('is given only by a sentence giving a sum per share', () => {
    const size =
      'SEALION BIDS FOR MARLOW\nSealion Holdings said it launched a tender offer for Marlow Video worth ' +
      '120 mln dlrs. Marlow had sales of 40 mln dlrs in 1986.';
    expect(givesSumPerShare(size)).toBe(false);
    expect(givesSumPerShare('SEALION BIDS FOR MARLOW\nSealion offered 12.50 dlrs a share for Marlow.')).toBe(
      true,
    );
    expect(givesSumPerShare('Sealion\nThe offer is $12.50 per share in cash.')).toBe(true);
  });
});
