import { describe, expect, it } from 'vitest';
import { givesValue, valueAsked } from '../src/answer/asked-value.js';

describe('an interest rate asked of a story', () => {
  const rate = valueAsked('What interest rate is Sale Tilney paying on the deferred instalments?')!;

  it('is asked by "what interest rate", not by a question on interest rates', () => {
    expect(rate).not.toBeNull();
    expect(valueAsked('At what interest rate will the bonds be issued?')).not.toBeNull();
    expect(valueAsked('What did Peter Hemington say about interest rates?')).toBeNull();
    expect(valueAsked('Did the Federal Reserve raise interest rates in March?')).toBeNull();
  });

  it('is given by a percentage in a sentence of interest or of what a loan pays, not by a stake', () => {
    const purchase =
      'SALE TILNEY BUYS STAKE\nSale Tilney said it has purchased 80 pct of the share capital of B and R ' +
      'International for 5.6 mln dlrs.\nSale is paying 3.6 mln dlrs in cash, with the balance plus interest ' +
      'to be paid in equal instalments over the next six years.';
    expect(givesValue(purchase, rate)).toBe(false);
    expect(givesValue('BARBADOS CREDIT\nThe credit will carry interest at 1-1/8 pct over LIBOR.', rate)).toBe(
      true,
    );
    expect(givesValue('EDC EUROYEN BOND\nThe bond is paying 4-1/2 pct and priced at 101.', rate)).toBe(true);
  });

  it('is not given by a percentage paid of something, nor by any rate', () => {
    expect(givesValue('The company paid 80 pct of the share capital in cash.', rate)).toBe(false);
    expect(givesValue('The jobless rate rose to 5 pct in March.', rate)).toBe(false);
  });

  it('is given by a percentage written in words with a half', () => {
    expect(givesValue('The loan carries interest at five and a half per cent.', rate)).toBe(true);
  });

  it('is asked as a coupon, not given by the story of the bond planned', () => {
    const coupon = valueAsked("What coupon will the African Development Bank's U.S. domestic bond carry?")!;
    expect(coupon).not.toBeNull();
    const planned =
      'AFRICAN DEVELOPMENT BANK PLANS U.S. DOMESTIC BOND\nThe African Development Bank plans to raise about ' +
      '200 mln dlrs via a U.S. Domestic bond this year.\nOther figures showed net equity totaled 302 pct of ' +
      'funded debt.';
    expect(givesValue(planned, coupon)).toBe(false);
    expect(
      givesValue('SAPPORO NOTES\nThe notes carry a 4-5/8 pct coupon and are priced at par.', coupon),
    ).toBe(true);
  });
});

describe('the new date of something moved, asked of a story', () => {
  const moved = valueAsked(
    'To what date did American Motors move its postponed annual shareholders meeting?',
  )!;

  it('is asked by "to what date" or "what date ... postponed to", not by "when"', () => {
    expect(moved).not.toBeNull();
    expect(valueAsked('What date was the Senate vote postponed to?')).not.toBeNull();
    expect(valueAsked('When is the American Motors annual meeting?')).toBeNull();
  });

  it('is not asked without a word of rescheduling, nor of the date first set', () => {
    expect(valueAsked('Until what time will the polls stay open?')).toBeNull();
    expect(valueAsked('What date will Acme move to its new headquarters?')).toBeNull();
    expect(valueAsked('What date was the postponed match originally scheduled for?')).toBeNull();
    expect(valueAsked('Until what date was the hearing adjourned?')).not.toBeNull();
  });

  it.each([
    'The board voted to postpone the meeting until May 21.',
    'The company will delay the meeting until June 3.',
    'The summit has been postponed to the autumn.',
    'The vote was postponed until after the election.',
    'The show, originally set for May, will now be held in July.',
    'The meeting, postponed from April 29, will be held on May 21.',
  ])('is given by "%s"', (story) => {
    expect(givesValue(story, moved)).toBe(true);
  });

  it('is given by the time it was moved to, not the time it was first set for', () => {
    expect(
      givesValue(
        "AMC\nAmerican Motors' board voted to postpone its annual shareholders meeting scheduled for April 29.",
        moved,
      ),
    ).toBe(false);
    expect(
      givesValue('NECO\nNECO said it has postponed its annual meeting to May 21 from April 28.', moved),
    ).toBe(true);
    expect(givesValue('The vote was rescheduled for next Tuesday.', moved)).toBe(true);
  });
});

describe('a turnout asked of a story', () => {
  const turnout = valueAsked("What was the turnout in Gibraltar's sovereignty referendum?")!;

  it('is asked by what the turnout was, not by a question on who voted', () => {
    expect(turnout).not.toBeNull();
    expect(valueAsked('How did Gibraltar vote in its sovereignty referendum?')).toBeNull();
  });

  it('is given by a figure in a sentence of turnout, not by the result alone', () => {
    const result = 'GIBRALTAR TALKS\nMost Gibraltarians said in a referendum they wanted to remain British.';
    expect(givesValue(result, turnout)).toBe(false);
    expect(givesValue('GIBRALTAR VOTE\nTurnout was 87.9% in the referendum.', turnout)).toBe(true);
  });
});

describe('a maturity asked of a story', () => {
  const maturity = valueAsked(
    "What maturity will Guangdong International Trust and Investment Corp's Hong Kong dollar bond have?",
  )!;

  it('is asked by what maturity, the maturity of, or when something matures', () => {
    expect(maturity).not.toBeNull();
    expect(valueAsked('What maturities will the Bristol and West CDs have?')).toBe(maturity);
    expect(valueAsked('When will the notes mature?')).toBe(maturity);
    expect(valueAsked('How big is the Guangdong bond issue?')).toBeNull();
  });

  it('is given by a term of time or a year due, not by the size of the issue alone', () => {
    const size =
      'CHINA UNIT TO ISSUE BONDS IN HONG KONG\nGuangdong International Trust and Investment Corp is preparing ' +
      'to issue 300 mln HK dlrs in bonds. It said the issue will be the first such bond issue in Hong Kong by ' +
      'a local organisation but gave no more details.';
    expect(givesValue(size, maturity)).toBe(false);
    expect(givesValue('BRISTOL AND WEST CDS\nThe maturities range from 28 to 364 days.', maturity)).toBe(
      true,
    );
    expect(givesValue('ACME BOND\nAcme is issuing 100 mln dlrs of notes due 1997.', maturity)).toBe(true);
    expect(givesValue('ACME BOND\nAcme issued a similar bond two years ago.', maturity)).toBe(false);
  });
});
