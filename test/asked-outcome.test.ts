import { describe, expect, it } from 'vitest';
import { askedOutcome, statesOutcome } from '../src/search/asked-outcome.js';

describe('the outcome a question asks for', () => {
  it('is a decision for a verdict or ruling asked for, or what someone decided', () => {
    expect(askedOutcome("What verdict did the jury reach in Richard Scrushy's fraud trial?")).toEqual({
      kind: 'decision',
      decider: [],
    });
    expect(askedOutcome("What did the Hague court decide in Cehave's case against the levy?")).toEqual({
      kind: 'decision',
      decider: ['hague', 'court'],
    });
  });

  it('is the kind of the verb that "finally" or "eventually" ends', () => {
    expect(askedOutcome('How much did Lufthansa eventually win in damages?')?.kind).toBe('selection');
    expect(askedOutcome('Which actor was finally cast as James Bond?')?.kind).toBe('selection');
  });

  it('is nothing for a question on what led to the outcome, or one ending in no judgement, win or choice', () => {
    expect(askedOutcome('Why was A Very Long Engagement ruled too American?')).toBeNull();
    expect(askedOutcome('What did the foreign secretary say about the law lords ruling?')).toBeNull();
    expect(askedOutcome('When did oil finally return to its earlier levels?')).toBeNull();
    expect(askedOutcome('What were Huguenots who stayed in France eventually known as?')).toBeNull();
  });
});

describe('a story stating an outcome', () => {
  const decision = { kind: 'decision', decider: [] } as const;
  const court = { kind: 'decision', decider: ['hague', 'court'] } as const;

  it('states it in the past', () => {
    expect(statesOutcome('Mr Scrushy was acquitted of all 36 charges on Tuesday.', decision)).toBe(true);
    expect(statesOutcome('The Hague court ruled that the levy was applied correctly.', court)).toBe(true);
    expect(statesOutcome('The Hague court heard the case in March. It ruled against the levy.', court)).toBe(
      true,
    );
  });

  it('does not when it says the outcome is still to come', () => {
    expect(statesOutcome('The court said it would give its verdict within six weeks.', decision)).toBe(false);
    expect(
      statesOutcome('Producers say no decision has yet been made on who will play Bond.', decision),
    ).toBe(false);
    expect(
      statesOutcome('It could be another nine to 12 months before the matter is finally resolved.', decision),
    ).toBe(false);
  });

  it("does not when the decision is another body's", () => {
    expect(statesOutcome('The UCPB rejected an original offer of 100 pesos per share.', court)).toBe(false);
  });
});

describe('the outcome asked in other phrasings', () => {
  it('is a decision for how someone ruled, whether they decided, whether someone was convicted', () => {
    expect(askedOutcome('How did the court rule on the levy?')).toEqual({
      kind: 'decision',
      decider: ['court'],
    });
    expect(askedOutcome('Has the Hague court ruled yet?')?.decider).toEqual(['hague', 'court']);
    expect(askedOutcome('Did the EEOC decide in her favour?')?.decider).toEqual(['eeoc']);
    expect(askedOutcome('hey, was richard scrushy convicted in the end?')?.kind).toBe('decision');
    expect(askedOutcome('Was Scrushy found guilty?')?.kind).toBe('decision');
  });

  it('is nothing when the judgement is what the question starts from', () => {
    expect(askedOutcome('Why was Tate jailed?')).toBeNull();
    expect(askedOutcome('Who was convicted of fraud?')).toBeNull();
  });

  it('is stated by a plural decider in the singular ("the judges": "Judge Lord Cullen ruled")', () => {
    expect(
      statesOutcome('Judge Lord Cullen ruled that the claims be heard.', {
        kind: 'decision',
        decider: ['judges'],
      }),
    ).toBe(true);
  });
});

describe('a story stating who won or was chosen', () => {
  it('states either in the words of the other', () => {
    const selection = { kind: 'selection', decider: [] } as const;
    expect(statesOutcome('Daniel Craig won the role after months of speculation.', selection)).toBe(true);
    expect(statesOutcome('The airline was awarded 2m euros in damages.', selection)).toBe(true);
    expect(statesOutcome('Lufthansa may sue federal agencies for damages.', selection)).toBe(false);
  });
});

describe("a story stating a body's decision", () => {
  it('states it by what the body agreed or voted', () => {
    const board = { kind: 'decision', decider: ['board'] } as const;
    expect(statesOutcome('The board agreed on Monday to sell the steel unit.', board)).toBe(true);
    expect(statesOutcome('The board voted to close the plant.', board)).toBe(true);
    expect(statesOutcome('The board is expected to vote on the sale next week.', board)).toBe(false);
  });
});
