import { describe, expect, it } from 'vitest';
import { asksForFunds, givesFunds } from '../src/answer/funds.js';

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
