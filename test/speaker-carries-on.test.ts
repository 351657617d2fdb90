import { describe, expect, it } from 'vitest';
import { carriesOn, refersBack, takesUpIntroduced } from '../src/search/speaker-retriever.js';

/**
 * A paragraph that carries on the words of the speaker of the one before ("But he added: ...") ranks with
 * the topic score of that paragraph too (see CARRIES_ON_WEIGHT); measured on the archive's fresh set, where
 * it put a trade secretary's "But he added: \"Regrettably too much of it was in one direction ...\"" in the
 * first three for the trade gap asked about.
 */
describe('a statement that carries on the one before', () => {
  it('is read from a pronoun or a titled surname going on', () => {
    expect(carriesOn('But he added: "Regrettably too much of it was in one direction."')).toBe(true);
    expect(carriesOn('Mr Frost also added that the outlook was uncertain.')).toBe(true);
    expect(carriesOn('She went on: "We will not give way."')).toBe(true);
  });

  it('is not read from any capitalised word, nor from a new statement', () => {
    expect(carriesOn('Shares added 5 cts to 40 dlrs.')).toBe(false);
    expect(carriesOn('He said the talks had gone well.')).toBe(false);
  });
});

describe('a quote that refers back to the paragraph before', () => {
  it('is read through its opening quotation mark', () => {
    expect(refersBack('"This action has been under study since we announced it," he said.')).toBe(true);
    expect(refersBack('“These are good results,” she said.')).toBe(true);
    expect(refersBack('"Thistle shares fell," he said.')).toBe(false);
  });
});

describe('a statement taking up a thing the paragraph before introduced', () => {
  const amendment =
    'The committee approved an amendment, offered by Rep. Glenn English, aimed at jointly reducing world grain production.';
  it('is read from "the <noun>" after "a <noun>" or "an <noun>", a few words between allowed', () => {
    expect(
      takesUpIntroduced(
        'Clayton Yeutter yesterday opposed the amendment, saying such agreements do not work.',
        amendment,
      ),
    ).toBe(true);
  });

  it('is read from the head noun of each phrase, not from an adjective before it', () => {
    const major = 'The committee approved a major amendment on grain output.';
    expect(takesUpIntroduced('Yeutter opposed the amendment.', major)).toBe(true);
    expect(takesUpIntroduced('He said the major issue was cost.', major)).toBe(false);
    expect(
      takesUpIntroduced('He said the rise was temporary.', 'The company reported a sharp rise in profit.'),
    ).toBe(true);
    expect(takesUpIntroduced('He said the output would grow.', 'The group announced a cut in output.')).toBe(
      false,
    );
  });

  it('is not read from a noun the paragraph before names only with "the", nor from another noun', () => {
    expect(takesUpIntroduced('He said the committee had acted too fast.', amendment)).toBe(false);
    expect(takesUpIntroduced('He said the dollar would fall.', amendment)).toBe(false);
    expect(takesUpIntroduced('He opposed an amendment on wheat.', amendment)).toBe(false);
  });
});
