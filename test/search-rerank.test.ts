import { describe, expect, it } from 'vitest';
import {
  asksForCause,
  asksForDate,
  asksForMoney,
  asksForTimeLimit,
  favourAnswerKinds,
  favourCaptions,
  givesAnswerKind,
  holdsCause,
  holdsDate,
  holdsMoney,
  holdsTimeLimit,
} from '../src/search/answer-type.js';
import { evidenceOf } from '../src/answer/evidence.js';
import { rerankByCoverage } from '../src/search/coverage-rerank.js';
import { queryTerms } from '../src/search/fts-query.js';
import { storyOf } from '../src/search/story-cache.js';

/** Search hits as fusion leaves them: the story's opening first, on the name it repeats. */
const hits = () => [
  {
    name: 'opening',
    passage: {
      context: 'Northline cancels trains',
      text: 'Northline cancelled trains again on Tuesday. Northline blamed a shortage of Northline drivers.',
    },
    score: 1.2,
  },
  {
    name: 'answer',
    passage: {
      context: 'Northline cancels trains',
      text: 'Passengers were told that replacement buses would leave every half hour from the main station.',
    },
    score: 0.9,
  },
  {
    name: 'other story',
    passage: { context: 'Council buys buses', text: 'The council bought 40 buses for the city routes.' },
    score: 0.8,
  },
];

const order = (list: { name: string; score: number }[]) =>
  [...list].sort((a, b) => b.score - a.score).map((hit) => hit.name);

describe('reranking by the share of the question a passage holds', () => {
  // Rarity as in a large archive: the operator's name is rarest, everyday words weigh least.
  const rarity: Record<string, number> = { northline: 9, replacement: 6, buses: 5, leave: 3, trains: 3 };
  const weightOf = (term: string) => rarity[term] ?? 2;

  it("puts the paragraph that holds the question's other words above the opening that repeats the subject", () => {
    const ranked = hits();
    rerankByCoverage(
      ranked,
      queryTerms('When will replacement buses for Northline trains leave?'),
      weightOf,
      1,
    );
    expect(order(ranked)).toEqual(['answer', 'opening', 'other story']);
  });

  it('counts the words the headline gives as held by every paragraph of the story', () => {
    const ranked = hits();
    rerankByCoverage(ranked, queryTerms('When will the Northline replacement buses leave?'), weightOf, 1);
    // The other story holds "buses" only; the answer holds Northline through its headline.
    expect(ranked[1]!.score - 0.9).toBeGreaterThan(ranked[2]!.score - 0.8);
  });

  it('leaves the order alone at weight 0 and for a question without content words', () => {
    const unweighted = hits();
    rerankByCoverage(unweighted, queryTerms('When will replacement buses leave?'), weightOf, 0);
    const wordless = hits();
    rerankByCoverage(wordless, queryTerms('what did they do?'), weightOf, 1);
    expect(order(unweighted)).toEqual(['opening', 'answer', 'other story']);
    expect(wordless.map((hit) => hit.score)).toEqual(hits().map((hit) => hit.score));
  });
});

describe('favouring passages with a figure when the question asks for one', () => {
  const scored = () => [
    {
      name: 'opening',
      passage: { text: 'The first children’s commissioner for England has been appointed.' },
      score: 1,
    },
    {
      name: 'answer',
      passage: { text: 'Professor Aynsley-Green takes up the £100,000-a-year job in July.' },
      score: 0.85,
    },
  ];

  it.each([
    'What is the salary of the children’s commissioner?',
    'How much will the children’s commissioner be paid?',
    'How many staff will the commissioner have?',
  ])('ranks the passage holding a figure first for "%s"', (question) => {
    const ranked = scored();
    favourAnswerKinds(ranked, question, 0.3);
    expect(order(ranked)[0]).toBe('answer');
  });

  it('leaves the order alone for a question that asks for no figure', () => {
    const ranked = scored();
    favourAnswerKinds(ranked, 'Who is the first children’s commissioner for England?', 0.3);
    expect(order(ranked)).toEqual(['opening', 'answer']);
  });
});

describe('favouring passages with a date when the question asks when', () => {
  const scored = () => [
    {
      name: 'opening',
      passage: { text: 'The government will sell its stake in Rolls Royce when the company is floated.' },
      score: 1.71,
    },
    {
      name: 'other story',
      passage: { text: 'Demand for Rolls Royce shares is expected to be strong.' },
      score: 1.66,
    },
    { name: 'answer', passage: { text: 'Trading is expected to begin on May 19.' }, score: 1.5 },
  ];

  it.each([
    'When will Rolls Royce shares start trading?',
    'what date do the shares start trading',
    'In which year did trading begin?',
    'How soon will trading begin?',
  ])('ranks the dated passage first for "%s"', (question) => {
    const ranked = scored();
    favourAnswerKinds(ranked, question, 0.3);
    expect(order(ranked)[0]).toBe('answer');
  });

  it.each([
    'What did the chairman say when he floated the company?',
    'How did the shares do when trading began?',
    'Who will buy the shares?',
  ])('reads "%s" as asking for no date', (question) => {
    expect(asksForDate(question)).toBe(false);
  });

  it('reads months, days, years, times long ago and days counted from now as dates, not "may" or "march" as verbs', () => {
    expect(
      [
        'on May 19',
        'by Friday',
        'since 1917',
        'from 1321 to 1323',
        'next week',
        'in Sept',
        'from 22,000 years ago onward',
        'about 13,000 BP',
      ].every((text) => holdsDate(text)),
    ).toBe(true);
    expect(['shares may rise', 'protesters march on', 'at 126 pesos'].some((text) => holdsDate(text))).toBe(
      false,
    );
  });

  it('does not take a date as evidence of an answer', () => {
    expect(givesAnswerKind('When will Ukraine join the European Union?', 'Talks resumed in March.')).toBe(
      false,
    );
  });
});

describe('questions asking for a sum of money', () => {
  it('are those asking how much something pays, costs, raises or is worth', () => {
    expect(
      [
        'How much will San Miguel pay to buy back the sequestered shares?',
        'How much did the new stadium cost?',
        'how much is the deal worth',
        'How much money did the appeal raise?',
      ].every(asksForMoney),
    ).toBe(true);
    expect(['How much oil does Kuwait pump?', 'How many banks has Parmalat sued?'].some(asksForMoney)).toBe(
      false,
    );
  });

  it('are answered by a figure in a currency, not by any figure', () => {
    expect(
      ['for 4.79 billion pesos', 'to return 136m euros', 'a 26.5 mln dlr loan', 'took £102m'].every(
        holdsMoney,
      ),
    ).toBe(true);
    expect(['38.1 mln sequestered shares', 'up 2%', 'in 1986'].some(holdsMoney)).toBe(false);
  });
});

describe('questions asking when something ends or is due', () => {
  it.each([
    'When does the Oldsmobile financing incentive run out?',
    'When will the offer expire?',
    'What is the deadline for bids?',
  ])('reads "%s" as asking for a time limit', (question) => {
    expect(asksForTimeLimit(question)).toBe(true);
  });

  it('reads other questions about time as asking for none', () => {
    expect(asksForTimeLimit('When will Rolls Royce shares start trading?')).toBe(false);
    expect(asksForTimeLimit('How long did the talks last?')).toBe(false);
  });

  it('take a time limit given as evidence, not the day a story was reported', () => {
    const question = 'When does the offer run out?';
    expect(givesAnswerKind(question, 'The offer, which ends April 30, covers cars from stock.')).toBe(true);
    expect(givesAnswerKind(question, 'The company said on Monday it made an offer.')).toBe(false);
  });

  it('are answered by the day a period closes on, or a period to act in, not by any date or figure', () => {
    expect(
      [
        'The new incentive program, which ends April 30, applies to deliveries from stock.',
        'The companies will have three months to respond to the allegations.',
        'The offer expires on Friday.',
        'Approval is expected by the end of the year.',
        'Shops were told to stay shut until the weekend.',
        'Claims must be made within 30 days.',
      ].every(holdsTimeLimit),
    ).toBe(true);
    expect(
      [
        'General Motors said on Monday it will offer a special finance rate.',
        'Profits rose 5 pct in the three months to March 31.',
        'In letters sent to the two companies, the Commission alleged abuse.',
        'Sales fell by 10 pct.',
      ].some(holdsTimeLimit),
    ).toBe(false);
  });

  it('answer a question asking how long someone has, which takes a figure of another kind as no answer', () => {
    const question = 'How long do Vodafone and T-Mobile have to answer Brussels?';
    expect(givesAnswerKind(question, 'They have until March 1.')).toBe(true);
    expect(
      givesAnswerKind(question, 'In letters sent to the two companies, the Commission alleged abuse.'),
    ).toBe(false);
  });
});

describe('questions asking for a cause', () => {
  it.each([
    "What prompted Iran's warning to the United States?",
    'Why did the council close the road?',
    'What led to the strike?',
    'What was the reason for the delay?',
  ])('reads "%s" as asking for a cause', (question) => {
    expect(asksForCause(question)).toBe(true);
  });

  it('reads other questions as asking for none', () => {
    expect(asksForCause('Who leads the union?')).toBe(false);
    expect(asksForCause('What did the radio say?')).toBe(false);
  });

  it('reads a passage as giving a cause by the words news gives one with, not by a time or a reaction', () => {
    expect(holdsCause('The statement came following the attack on a Kuwaiti ship.')).toBe(true);
    expect(holdsCause('There was a deficit because of the sharp fall in oil prices.')).toBe(true);
    expect(holdsCause('The bid was thrown out on national interest grounds.')).toBe(true);
    expect(holdsCause('The deficit is several billion, after a surplus in 1985.')).toBe(false);
    expect(holdsCause('The spokesman was responding to remarks by officials.')).toBe(false);
  });
});

describe('questions about a picture', () => {
  const captioned = () => [
    { name: 'story', passage: { kind: 'body' as const }, score: 1.1 },
    { name: 'caption', passage: { kind: 'caption' as const }, score: 0.9 },
  ];

  it('puts the caption first when the question asks about a photo or picture', () => {
    for (const question of [
      'Who is standing next to Hart in the photo?',
      'Which agency supplied the picture?',
    ]) {
      const ranked = captioned();
      favourCaptions(ranked, queryTerms(question), 0.3);
      expect(order(ranked)).toEqual(['caption', 'story']);
    }
  });

  it('leaves other questions as ranked', () => {
    const ranked = captioned();
    favourCaptions(ranked, queryTerms('Who is standing for mayor?'), 0.3);
    expect(order(ranked)).toEqual(['story', 'caption']);
  });

  it('reads a caption as holding the picture words of the question, and no other passage', () => {
    const terms = queryTerms('Who was photographed with Mary Hart?');
    const text = 'Mary Hart and the surgeon Tom Bell at the march';
    const [caption, body] = evidenceOf(
      [
        { passage: { text, context: 'Nurses march', kind: 'caption' }, similarity: 0 },
        { passage: { text, context: 'Nurses march', kind: 'body' }, similarity: 0 },
      ],
      terms,
      () => 1,
    );
    expect(caption!.coverage).toBe(1);
    expect(body!.coverage).toBeLessThan(1);
  });
});

describe('a name of one word in the evidence check', () => {
  const question = "What were CooperVision's sales in the quarter to January 31?";
  const names = ['coopervision', 'january'];
  const own = {
    text: 'Sales 94.4 mln vs 85.4 mln',
    context: 'COOPERVISION INC <EYE> 1ST QTR JAN 31 NET',
    articleId: 1,
  };
  const other = {
    text: 'Period ended January 31. Sales 15.0 mln vs 16.7 mln',
    context: 'COOPER LASERSONICS INC 1ST QTR LOSS',
    articleId: 2,
  };
  const stories = new Map([
    [1, storyOf(`${own.context}\n${own.text}`)],
    [2, storyOf(`${other.context}\n${other.text}`)],
  ]);
  const judge = (passage: typeof own) =>
    evidenceOf([{ passage, similarity: 0.3 }], queryTerms(question), () => 1, names, question, stories)[0]!;

  it("answers with the company's own table, whose headline writes the month abbreviated", () => {
    expect(judge(own)).toMatchObject({ missesName: false, anchored: true });
  });

  it('never takes a company sharing its first letters for it', () => {
    expect(judge(other).missesName).toBe(true);
  });
});
