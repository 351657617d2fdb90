import { describe, expect, it } from 'vitest';
import { asksForFunds, asksForPenalty, givesFunds, givesPenalty } from '../src/answer/funds.js';

describe('a loan or financing asked of a story', () => {
  it('is asked by "how much" of financing, funding, a loan or a credit, not of a share of it', () => {
    expect(
      asksForFunds(
        'How much financing is the Japanese government providing Nippon Oil for its U.S. exploration venture?',
      ),
    ).toBe(true);
    expect(
      asksForFunds(
        'How much is the additional working capital loan Marine Midland agreed to advance to Quantech Electronics?',
      ),
    ).toBe(true);
    expect(asksForFunds("How much of the World Bank's loan to the Yugoslav bank is for consultants?")).toBe(
      false,
    );
    expect(asksForFunds("How much was sitting in the Treasury's tax and loan accounts on April 10?")).toBe(
      false,
    );
  });

  it('is given only by a sentence giving a sum in words of lending or financing', () => {
    const venture =
      'CHEVRON, NIPPON OIL FORM JOINT VENTURE\nIt said Nippon will contribute an initial investment of more ' +
      'than 100 mln dlrs.\nThe Japanese government will also participate in the venture by providing financing ' +
      'to Nippon through the Japanese Oil Corp, Chevron said.';
    expect(givesFunds(venture)).toBe(false);
    expect(givesFunds('I.C.H. LENDS\nI.C.H. said it would loan it up to 100 mln dlrs.')).toBe(true);
    expect(givesFunds('BANK CREDIT\nThe banks agreed a 50 mln dlr credit facility.')).toBe(true);
  });
});

describe('a penalty or a fine asked of a story', () => {
  it('is asked by "how much" of a penalty or fines, not by the verb', () => {
    expect(
      asksForPenalty('How much penalty tax did the Tokyo Regional Taxation Bureau impose on Fuji Bank?'),
    ).toBe(true);
    expect(asksForPenalty('How much in fines did Acme pay?')).toBe(true);
    expect(asksForPenalty('How much was Parmalat fined for breaking takeover rules?')).toBe(false);
  });

  it('is given only by a sentence giving a sum in words of a penalty or a fine', () => {
    const fuji =
      'FUJI BANK ACCUSED OF MISUSE OF TAX FREE RESERVES\nThe Tokyo Regional Taxation Bureau has imposed a ' +
      'penalty tax on Fuji Bank.\nFuji Bank reported a 72.1 billion yen net profit in the 1985/86 year.';
    expect(givesPenalty(fuji)).toBe(false);
    expect(givesPenalty('PARMALAT FINED\nParmalat was fined 11m euros for breaking takeover rules.')).toBe(
      true,
    );
  });
});
