import { describe, expect, it } from 'vitest';
import {
  asksForCause,
  asksForDate,
  asksForIllness,
  asksForMoney,
  asksForTimeLimit,
  disfavourForecasts,
  favourAnswerKinds,
  favourCaptions,
  favourCauses,
  givesAnswerKind,
  holdsCause,
  holdsDate,
  holdsIllness,
  holdsMoney,
  holdsQuantityBeyond,
  holdsTimeLimit,
  givesAnswerKindOver,
} from '../src/search/answer-type.js';
import { evidenceOf, isStrongEvidence } from '../src/answer/evidence.js';
import { asksForName, gainOver, withArticleComplement } from '../src/search/article-complement.js';
import { rerankByCoverage } from '../src/search/coverage-rerank.js';
import { queryTerms } from '../src/search/fts-query.js';
import { storyOf } from '../src/search/story-cache.js';
import { termsWrittenIn } from '../src/search/term-match.js';
import type { PassageRecord } from '../src/store/passage-store.js';

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

/**
 * The evidence check of a one-passage story for `question`: the passage's text as given, under the
 * headline `context`, with every term weighing alike.
 */
const judgeIn =
  (question: string, names: readonly string[], context: string, similarity = 0.6) =>
  (text: string) => {
    const passage = { text, context, articleId: 1 };
    const stories = new Map([[1, storyOf(`${context}\n${text}`)]]);
    return evidenceOf(
      [{ passage, similarity }],
      queryTerms(question),
      () => 1,
      [...names],
      question,
      stories,
    )[0]!;
  };

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
    'What size of office will the commissioner have?',
  ])('ranks the passage holding a figure first for "%s"', (question) => {
    const ranked = scored();
    favourAnswerKinds(ranked, question, 0.3);
    expect(order(ranked)[0]).toBe('answer');
  });

  it('ranks a sum of money above another figure for a question asking how much money', () => {
    const ranked = [
      { name: 'stake', passage: { text: 'Kodak sold its 2.3 pct stake in ICN.' }, score: 1.1 },
      { name: 'answer', passage: { text: 'ICN has about 500 mln dlrs in cash for a purchase.' }, score: 1 },
    ];
    favourAnswerKinds(ranked, 'How much money has ICN got for buying a drug company?', 0.3);
    expect(order(ranked)).toEqual(['answer', 'stake']);
  });

  it('ranks a share above another figure for a question asking what share', () => {
    const ranked = [
      {
        name: 'bail-out',
        passage: { text: 'The card firm got a one trillion won ($960m) bail-out.' },
        score: 1.1,
      },
      {
        name: 'answer',
        passage: {
          text: 'Card debt is falling, with only one in 13 of the 48 million cards now in default.',
        },
        score: 1,
      },
      { name: 'holder', passage: { text: 'Its majority stockholder sold 5 mln shares.' }, score: 0.95 },
    ];
    favourAnswerKinds(ranked, 'What share of South Korean credit cards are no longer being paid off?', 0.3);
    expect(order(ranked)).toEqual(['answer', 'bail-out', 'holder']);
  });

  it('leaves the order alone for a question that asks for no figure', () => {
    const ranked = scored();
    favourAnswerKinds(ranked, 'Who is the first children’s commissioner for England?', 0.3);
    expect(order(ranked)).toEqual(['opening', 'answer']);
  });
});

describe('favouring passages that state the outcome a question asks for', () => {
  // As the archive ranks them: the stories of the hearing and of the verdict still to come above the verdict.
  const scored = () => [
    {
      name: 'delay',
      passage: { text: 'The Greek tribunal is expected to give its verdict on the two sprinters next week.' },
      score: 1.8,
    },
    {
      name: 'verdict',
      passage: { text: 'The two sprinters have been cleared of doping offences by an independent tribunal.' },
      score: 1.51,
    },
  ];

  it('ranks the passage stating a verdict first for a question asking what the verdict was', () => {
    const ranked = scored();
    favourAnswerKinds(ranked, 'What verdict did the tribunal reach on the two sprinters?', 0.3);
    expect(order(ranked)[0]).toBe('verdict');
  });

  it('leaves the order alone for a question asking for no outcome', () => {
    const ranked = scored();
    favourAnswerKinds(ranked, 'Who are the two sprinters?', 0.3);
    expect(order(ranked)).toEqual(['delay', 'verdict']);
  });

  it('leaves the order alone for a time asked at a place, which a passage not naming it is not judged on', () => {
    const ranked = [
      {
        name: 'meeting',
        passage: { text: 'Merritt ran the fastest 400m at the Fayetteville meeting.' },
        score: 1.8,
      },
      { name: 'other', passage: { text: 'Lagat ran the third quickest indoor mile ever.' }, score: 1.51 },
    ];
    favourAnswerKinds(ranked, 'What time did LaShawn Merritt clock in his indoor 400m at Fayetteville?', 0.3);
    expect(order(ranked)).toEqual(['meeting', 'other']);
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
        "What price did Philip Morris pay for Rothmans Holdings' stake?",
        'At what price will the unit retire the rest of its debentures?',
        'Which chip company did Fujitsu end up buying, and for how much?',
        'How much did Kevin Campbell win in damages from Mark Morrison?',
        'hey how much did that slopping out prisoner get awarded?? thx',
        'How much did Bruce Marlow get out of Harbour Studios over his injury?',
        'How much will the shareholders receive?',
        // Each verb in its "-ing" form too.
        'How much is Northline charging phone makers per chip?',
        'How much is the council raising through the new levy?',
        'How much is the striker earning at his new club?',
      ].every(asksForMoney),
    ).toBe(true);
    expect(
      [
        'How much oil does Kuwait pump?',
        'How many banks has Parmalat sued?',
        'What price rise did the brewer announce?',
        'What did the Trade and Industry Secretary say about maternity pay?',
        'How much rain did Karlsruhe get in June?',
        "By how much does taking the pill lower a woman's chance of getting ovarian cancer?",
      ].some(asksForMoney),
    ).toBe(false);
  });

  it('are answered by a figure in a currency, not by any figure', () => {
    expect(
      [
        'for 4.79 billion pesos',
        'to return 136m euros',
        'a 26.5 mln dlr loan',
        'took £102m',
        'the contract exceeds one mln dlrs',
        'The one-year contract, worth 1.3 mln ringgit',
        'a 181.5 mln schilling net profit',
        'earned 45 mln riyals',
      ].every(holdsMoney),
    ).toBe(true);
    expect(['38.1 mln sequestered shares', 'up 2%', 'in 1986', 'one mln shares'].some(holdsMoney)).toBe(
      false,
    );
  });
});

describe('questions asking when something ends or is due', () => {
  it.each([
    'When does the Oldsmobile financing incentive run out?',
    'When will the offer expire?',
    'What is the deadline for bids?',
    'When does Best Buy expect the notes financing to be wrapped up?',
    'When will the merger be completed?',
  ])('reads "%s" as asking for a time limit', (question) => {
    expect(asksForTimeLimit(question)).toBe(true);
  });

  it('reads other questions about time as asking for none', () => {
    expect(asksForTimeLimit('When will Rolls Royce shares start trading?')).toBe(false);
    expect(asksForTimeLimit('How long did the talks last?')).toBe(false);
    // The day something was done is a date, not a limit.
    expect(asksForTimeLimit('When did Clayton and Dubilier complete its purchase?')).toBe(false);
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
    'What persuaded Hawke not to go to the polls early?',
    'What reasons did the board give for turning down the offer?',
    'What does Pacific First put its expected first quarter jump down to?',
    'What did the airline attribute the loss to?',
    'What did officials blame the crash on?',
    "What's behind the rally in bonds?",
    "What held up the Pacific exchange's end-of-day numbers?",
    "What held back Canada's leading indicator in December?",
    'What was holding up final approval of the deal?',
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
    expect(holdsCause("Moody's cited Crane's progress in reducing its exposure to steel.")).toBe(true);
    expect(holdsCause('Shares fell, citing weak demand.')).toBe(true);
    expect(holdsCause('It suspended lemon exports in view of the likelihood of new tariffs.')).toBe(true);
    expect(holdsCause('The deficit is several billion, after a surplus in 1985.')).toBe(false);
    expect(holdsCause('The spokesman was responding to remarks by officials.')).toBe(false);
    expect(holdsCause('The decision was based on the advice of its financial advisors.')).toBe(true);
    expect(holdsCause('The fees are based on current prices.')).toBe(false);
  });

  it.each([
    'Traders were reluctant to take out new positions amidst uncertainty over OPEC.',
    'An expected improvement in the economy was a major factor in his deciding against an election.',
    'Speculation in short-term capital is currently fuelling money supply growth.',
    'Phelps resigned as chairman to pursue other business interests.',
    'The bank raised reserve requirements in an attempt to curb speculation.',
  ])('reads "%s" as giving a cause', (text) => {
    expect(holdsCause(text)).toBe(true);
  });

  it('ranks a cause higher only in a passage naming what the question names', () => {
    const ranked = [
      {
        name: 'figures',
        passage: { context: 'SPAIN MONEY SUPPLY', text: "Spain's money supply rose 16.7 pct in February." },
        score: 1.87,
      },
      {
        name: 'trade',
        passage: { context: 'EC WARNS U.S.', text: 'Retaliation could also be prompted by new U.S. rules.' },
        score: 1.8,
      },
      {
        name: 'answer',
        passage: {
          context: 'SPAIN EXTENDS RESERVE REQUIREMENT',
          text: 'The Bank of Spain acted in an attempt to curb speculation which is fuelling money supply growth.',
        },
        score: 1.75,
      },
    ];
    favourCauses(ranked, "Why has Spain's money supply been ballooning?", ['spain'], 0.3);
    expect(order(ranked)[0]).toBe('answer');
    favourCauses(
      ranked,
      "What prompted Iran's warning to the United States?",
      ['iran', 'united states'],
      0.3,
    );
    expect(ranked.find((hit) => hit.name === 'trade')!.score).toBe(1.8);
  });

  it('ranks what held something back higher for a question asking so, and only for one', () => {
    const ranked = () => [
      {
        name: 'lead',
        passage: {
          context: 'CANADA LEADING INDICATOR',
          text: "Canada's leading indicator rose 0.4 pct in December.",
        },
        score: 1.5,
      },
      {
        name: 'answer',
        passage: {
          context: 'CANADA LEADING INDICATOR',
          text: "The advances in Canada's indicator were offset by a deceleration in household demand.",
        },
        score: 1.3,
      },
    ];
    const heldBack = ranked();
    favourCauses(heldBack, "What held back Canada's leading indicator in December?", ['canada'], 0.3);
    expect(order(heldBack)[0]).toBe('answer');
    const why = ranked();
    favourCauses(why, "Why did Canada's leading indicator rise in December?", ['canada'], 0.3);
    expect(order(why)[0]).toBe('lead');
  });

  it('reads an event that occurred when something else happened as given its cause', () => {
    const cause = 'The blackout occurred when a transformer cable went down during routine maintenance.';
    expect(givesAnswerKind("What caused the power cut in Toronto's financial district?", cause)).toBe(true);
    expect(holdsCause('The blackout occurred around 1515 EDT in the downtown core.')).toBe(false);
  });
});

describe('questions asking for an illness', () => {
  it.each([
    "What illness killed the producer behind the Byrds' hits?",
    'Which disease does the singer suffer from?',
    'What did the actor die of?',
  ])('reads "%s" as asking for an illness', (question) => {
    expect(asksForIllness(question)).toBe(true);
  });

  it('reads other questions as asking for none', () => {
    expect(asksForIllness('Who killed the president?')).toBe(false);
    expect(asksForIllness('What condition did the bank attach to the loan?')).toBe(false);
    expect(asksForIllness('How many people died in the fire?')).toBe(false);
  });

  it('takes a passage naming an illness as giving one, not one that only reports the death', () => {
    const question = "What illness killed the producer behind the Byrds' hits?";
    expect(givesAnswerKind(question, 'He died at his home after a long battle with skin cancer.')).toBe(true);
    expect(givesAnswerKind(question, 'Record producer Terry Melcher has died aged 62.')).toBe(false);
    expect(holdsIllness('He suffered a heart attack.')).toBe(true);
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

/**
 * What each paragraph of a story with this context (headline) adds to its best passage, `bestText`, for a
 * question (see gainOver); every word weighs the same unless `weightOf` says otherwise.
 */
const complementGains = (
  question: string,
  context: string,
  bestText: string,
  weightOf: (term: string) => number = () => 1,
) => {
  const paragraph = (text: string) => ({ context, text }) as unknown as PassageRecord;
  const gainOf = gainOver(paragraph(bestText), question, queryTerms(question), weightOf);
  return (text: string) => gainOf(paragraph(text));
};

describe("the paragraph of a story that adds the question's words", () => {
  const question = 'What share of engineering employees are women, according to Hewitt?';

  it('holds them as forms of the same words, not as words that share their first five letters', () => {
    const terms = queryTerms(question);
    const text = 'The taxpayer reimburses the employers; it is a shared goal, and economic sanctions.';
    expect([...termsWrittenIn(text, terms)]).toEqual(['share']);
    expect([...termsWrittenIn(text, ['economy', 'sanction'])]).toEqual(['economy', 'sanction']);
  });

  it("is the one giving the fact asked for, not one whose words only look like the question's", () => {
    const gainOf = complementGains(
      question,
      "Hewitt decries 'career sexism'",
      'Ms Hewitt announced a drive to help women into engineering, according to the EOC.',
      (term) => (term === 'employees' ? 5.4 : 3.1),
    );
    const lookalike = 'Hewitt said it was a "shared goal", as the taxpayer reimburses the employers.';
    const answer = 'Engineering, where only 10% of employees are women, is a male-dominated industry.';
    expect(gainOf(answer)).toBeGreaterThan(gainOf(lookalike));
  });
});

describe('questions asking in the past tense what a figure was', () => {
  const question = "What was the semiconductor industry's three-month book-to-bill ratio for March?";
  const ranked = (texts: string[], asked: string) => {
    const hits = texts.map((text, index) => ({ passage: { text }, score: 1 - index / 100 }));
    disfavourForecasts(hits, asked, 0.3);
    return hits.sort((a, b) => b.score - a.score).map((hit) => hit.passage.text);
  };
  const forecast =
    'Kubiak projected the March book-to-bill ratio at 1.14. He said orders will be up about 4.5 pct.';
  const reported =
    'The association put the three-month average book-to-bill ratio at 1.21, above expectations.';

  it('rank the figure reported above a forecast of it', () => {
    expect(ranked([forecast, reported], question)).toEqual([reported, forecast]);
  });

  it('take a passage reporting a figure beside a forecast as reporting it', () => {
    const both = 'Sales jumped 22% to 449,603. NAAMSA said it expects sales to top 500,000 in 2005.';
    expect(ranked([both, reported], 'How many new vehicles were sold in 2004?')).toEqual([both, reported]);
  });

  it('leave forecasts alone for a question asking about one, or in the present tense, or for no figure', () => {
    expect(ranked([forecast, reported], 'What was the ratio analysts expected for March?')).toEqual([
      forecast,
      reported,
    ]);
    expect(ranked([forecast, reported], 'What is the book-to-bill ratio for March?')).toEqual([
      forecast,
      reported,
    ]);
    expect(ranked([forecast, reported], 'How did the spokesman answer the World Bank?')).toEqual([
      forecast,
      reported,
    ]);
  });
});

describe('the paragraph of a story that answers a question asking who', () => {
  const gainOf = complementGains(
    'Who gave the third Harry Potter film its colder, gloomier look?',
    'DVD review: Harry Potter and the Prisoner of Azkaban',
    'This third Harry Potter film brought a change of director and a visual shake-up.',
  );

  it('is one naming someone the question does not, not one naming only those it does', () => {
    const named = 'Gone are the warm colours, Alfonso Cuaron brings in a bleak and cold feel.';
    const repeating = 'This is the first Harry Potter film where you forget the book.';
    expect(gainOf(named)).toBeGreaterThan(gainOf(repeating));
  });
});

describe('a question asking "which" person or organisation', () => {
  it('asks for a name, as "who" does', () => {
    expect(asksForName('Which future Kremlin leader was a classmate of the hunger-striking defector?')).toBe(
      true,
    );
    expect(asksForName('Which banks are taking Abdulla Fouad to court?')).toBe(true);
    expect(asksForName("Which bank lent money to Metro Cable's new cable TV subsidiary?")).toBe(true);
    expect(asksForName('Which Barcelona player missed a spot kick in the Atletico defeat?')).toBe(true);
    // A thing, a verb, or a name that is also a noun of a person ("General") asks for no one.
    expect(asksForName("Which film helped General Electric's earnings?")).toBe(false);
    expect(asksForName('What does Etzioni think of protecting likely targets at home?')).toBe(false);
    expect(asksForName('What guarantee does the Kremlin want from the Western alliance?')).toBe(false);
  });

  it("finds the story's paragraph naming someone the question does not", () => {
    const gainOf = complementGains(
      'Which future Kremlin leader was a classmate of the hunger-striking defector?',
      'Russian ex-spy on hunger strike',
      'An ex-Russian intelligence officer is entering the seventh week of a hunger strike.',
    );
    const named = 'One of his fellow pupils at intelligence school was Vladimir Putin.';
    const repeating = 'He joined the intelligence service as an idealistic young man.';
    expect(gainOf(named)).toBeGreaterThan(gainOf(repeating));
  });
});

describe('the paragraph of a story that gives the figure a question asks for', () => {
  const question =
    "What coupon do dealers reckon Japan's November ten-year government bond will end up with?";
  const best =
    'The Ministry of Finance has started to consider the coupon rate of the 10-year government bond issue for November.';
  const gainOf = complementGains(question, 'JAPAN CONSIDERS NOVEMBER BOND COUPON', best);

  it('is one giving a figure other than those the question names, in digits or in words', () => {
    const figure = 'But bond traders see a rise to about 5.6 pct as most likely.';
    const none = 'Cancellation of the bond issue is not out of the question, he said.';
    expect(gainOf(figure)).toBeGreaterThan(gainOf(none) + 0.5);
    expect(holdsQuantityBeyond(question, best)).toBe(false);
    expect(holdsQuantityBeyond(question, 'a rise to about 5.6 pct from ten')).toBe(true);
  });
});

describe('the paragraph of a story that counts what a "how many" question counts', () => {
  const gainOf = complementGains(
    'How many Bendectin suits does Merrell Dow still have outstanding?',
    'JURY FINDS FOR DOW IN BIRTH DEFECT CASE',
    'Merrell Dow said a jury found that Bendectin did not cause the birth defects of a seven-year old boy.',
  );

  it('is one giving a figure of that thing or a synonym, when the best passage gives a figure of another', () => {
    const counting = 'He said about 300 lawsuits are pending.';
    const otherFigure = 'Merrell said that to date there have been 12 other trials involving the drug.';
    expect(gainOf(counting)).toBeGreaterThan(gainOf(otherFigure));
  });
});

describe('the paragraph of a story that names the country a question asks for', () => {
  const gainOf = complementGains(
    "Where was the referee of England's one-point defeat by France at Twickenham from?",
    'England 17-18 France',
    'England suffered an eighth defeat in 11 Tests as Dimitri Yachvili booted France to victory at Twickenham.',
  );

  it("is the match report's line naming another country, not a paragraph repeating the match", () => {
    const referee = "Paddy O'Brien (New Zealand)";
    const play = 'France twice turned over England ball at the breakdown early on, one point apart.';
    expect(gainOf(referee)).toBeGreaterThan(gainOf(play));
  });
});

describe('the paragraph of a story that gives another figure a question asks for', () => {
  const question = 'How much cash is Williams offering per Norcros share if you do not want the paper?';
  const context = 'WILLIAMS HOLDINGS BIDS 542.2 MLN STG FOR NORCROS';
  // The best passage gives a figure already, of the preference shares.
  const best =
    'The offer for Norcros preferential shares offers one Williams preferential share for each one, for a value of 130p each.';
  const priced = 'The cash alternative would offer the equivalent of 400.2p a share.';

  it('is the one holding the same words and a figure, not an earlier one without, nor one giving only a figure', () => {
    const gainOf = complementGains(question, context, best);
    const unpriced = 'Williams had taken care to propose the right terms, including a full cash alternative.';
    expect(gainOf(priced)).toBeGreaterThan(gainOf(unpriced));
    expect(gainOf('Norcros reported a rise in pretax profits to 20.14 mln stg.')).toBe(0);
  });

  it("is not one holding a figure in place of another of the question's words, however common that word", () => {
    // "paper" weighs a tenth of the other words: less than a tenth of all the words not given.
    const gainOf = complementGains(question, context, best, (term) => (term === 'paper' ? 0.3 : 3));
    const worded = 'The cash alternative is for holders who prefer it to paper.';
    expect(gainOf(worded)).toBeGreaterThan(gainOf(priced));
  });
});

describe("the place of the best story's complement among the first three", () => {
  const question = 'What does AM International expect its operating profit to do this year?';
  const passage = (articleId: number, ordinal: number, context: string, text: string) =>
    ({ id: articleId * 100 + ordinal, articleId, ordinal, context, text }) as unknown as PassageRecord;
  const april = 'AM INTERNATIONAL SAYS PROFIT ROSE';
  const best = passage(
    1,
    0,
    april,
    'AM International Inc said its operating profit for last year rose to 11.5 mln dlrs.',
  );
  const outlook = passage(
    1,
    3,
    april,
    'It expects operating profits for the full year to be more than twice those of fiscal 1986.',
  );
  const february = (ordinal: number, text: string) =>
    passage(2, ordinal, 'AM INTERNATIONAL POSTS SECOND QUARTER LOSS', text);
  const loss = february(
    0,
    'AM International Inc said it had a second quarter operating loss of 4.2 mln dlrs.',
  );
  const restructuring = february(
    2,
    'AM International said the restructuring of its graphics unit was complete.',
  );
  const store = {
    articlePassages: async () => [best, outlook],
    vectors: async (ids: readonly number[]) => new Map(ids.map((id) => [id, new Float32Array(1)])),
  };
  const ranked = async (passages: PassageRecord[]) =>
    (
      await withArticleComplement(
        store,
        passages.map((p, index) => ({ passage: p, score: 2 - index / 10, similarity: 0.5 })),
        question,
        queryTerms(question),
        () => 1,
        () => 0.5,
      )
    ).map((hit) => hit.passage.text);

  it("is that of another story's second passage, which moves to fourth, when every story shown names what the question names", async () => {
    const other = passage(3, 1, 'AM INTERNATIONAL NAMES CHAIRMAN', 'AM International named a new chairman.');
    expect(await ranked([best, loss, restructuring, other])).toEqual([
      best.text,
      loss.text,
      outlook.text,
      restructuring.text,
    ]);
    // Each other story shown once keeps its place.
    expect(await ranked([best, loss, other])).toEqual([best.text, loss.text, other.text]);
  });
});

describe('the paragraph shown with a result for a question asking how often', () => {
  const question = 'yo how often did the bubble boy kids get the enzon shots';

  it('gives how often, not any figure', () => {
    const gives = givesAnswerKindOver(
      'Enzon said its drug restored the immune system in the first two children treated.',
      question,
    )!;
    expect(gives('The PEG-ADA injections were given once a week.')).toBe(true);
    expect(gives('They were treated for 18 months at Duke University.')).toBe(false);
  });
});

describe('the paragraph shown with a result for a question asking where someone worked before', () => {
  const question = "Where was Manville's new finance chief working before he got the job?";

  it('gives the previous job', () => {
    const gives = givesAnswerKindOver(
      'Manville Corp said it named John Roach senior vice president and chief financial officer.',
      question,
    )!;
    expect(gives('Roach, 43, was most recently a partner of Braxton Associates.')).toBe(true);
    expect(gives('The post has been vacant since last April, Manville said.')).toBe(false);
  });
});

describe('the paragraph shown with a result for a question asking where something was done', () => {
  const question = 'Where did the Soviet Union stage its third nuclear test since ending its moratorium?';

  it('gives a place, not a month', () => {
    const gives = givesAnswerKindOver(
      'It was the third Soviet underground blast since Moscow halted an 18-month nuclear test moratorium.',
      question,
    )!;
    expect(
      gives('Tass said the test was carried out at the Semipalatinsk testing ground in Kazakhstan.'),
    ).toBe(true);
    expect(gives('Moscow began its unilateral nuclear test moratorium in August 1985.')).toBe(false);
  });

  it('is not asked by a question on where someone stands or sees something going', () => {
    expect(givesAnswerKindOver('', 'Where does Harry Conger see gold prices going?')).toBeNull();
    expect(givesAnswerKindOver('', 'Where does the minister stand on the tin agreement?')).toBeNull();
    expect(givesAnswerKindOver('', 'Where has the minister stood on the tin pact?')).toBeNull();
    expect(givesAnswerKindOver('', 'Where is the dollar headed?')).toBeNull();
    expect(givesAnswerKindOver('', 'Where is Margus Tsahkna standing in the group photo?')).toBeNull();
    expect(
      givesAnswerKindOver('', 'Where did the iPod come in the list of the greatest gadgets?'),
    ).toBeNull();
  });

  it('gives a place opening a sentence or written with points', () => {
    const gives = givesAnswerKindOver(
      'The two sides agreed to resume talks.',
      'Where will the talks be held?',
    )!;
    expect(gives('In Geneva, the two sides will meet next week.')).toBe(true);
    expect(gives('The talks will be held in the U.S. next month.')).toBe(true);
    expect(gives('In August, the two sides will meet again.')).toBe(false);
  });

  it('is asked after "and" or "know", and with "going to" of the future', () => {
    const venue = 'The ministers will meet at the Intercontinental hotel.';
    expect(
      givesAnswerKindOver('', 'When and where is OPEC due to meet to review its price policy?')?.(venue),
    ).toBe(true);
    expect(givesAnswerKindOver('', 'anyone know where the world tour kicks off?')?.(venue)).toBe(true);
    expect(
      givesAnswerKindOver('', "Where is the gas company's new subsidiary going to do business?")?.(venue),
    ).toBe(true);
  });
});

describe('questions asking how much territory', () => {
  const question = 'How much territory did Iran say it captured in the Karbala-5 offensive?';
  const area = 'Iran said its forces had "liberated" 155 square kilometers of enemy-occupied territory.';
  const otherFigure =
    'The Iranian push that captured the territory nearly two weeks ago was not a major offensive.';

  it('favour a passage giving an area, not one giving any figure', () => {
    const hits = [otherFigure, area].map((text, index) => ({ passage: { text }, score: 1 - index / 100 }));
    favourAnswerKinds(hits, question, 0.3);
    expect(hits.sort((a, b) => b.score - a.score).map((hit) => hit.passage.text)).toEqual([
      area,
      otherFigure,
    ]);
  });

  it('take an area as the answer asked for, not any figure', () => {
    expect(givesAnswerKind(question, area)).toBe(true);
    expect(givesAnswerKind(question, otherFigure)).toBe(false);
    expect(givesAnswerKind('How much land did the farm sell?', 'It sold 300 acres.')).toBe(true);
  });
});

describe('questions asking how fast', () => {
  const question = "How fast can Toyota's walking robot pod go?";
  const speed =
    'Standing at a height of well over seven feet, the unit can walk along at a speed of about 1.35km/h.';
  const otherFigure =
    'This is a two-legged mountable robot like device that can be controlled with a joystick.';

  it('favour a passage giving a speed, not one giving any figure', () => {
    const hits = [otherFigure, speed].map((text, index) => ({ passage: { text }, score: 1 - index / 100 }));
    favourAnswerKinds(hits, question, 0.3);
    expect(hits.sort((a, b) => b.score - a.score).map((hit) => hit.passage.text)).toEqual([
      speed,
      otherFigure,
    ]);
  });

  it('take a speed or a rate of growth as the answer asked for, not any figure', () => {
    expect(givesAnswerKind(question, speed)).toBe(true);
    expect(givesAnswerKind(question, otherFigure)).toBe(false);
    expect(givesAnswerKind('How fast will the economy grow?', 'GDP is forecast to rise 2.7 pct.')).toBe(true);
    expect(givesAnswerKind('How quickly did the ferry sail?', 'It made 20 knots.')).toBe(true);
  });

  it('take any figure by a unit of time as the rate asked for, not a day after something', () => {
    const losses =
      "How quickly was the ex-Merrill banker's European business bleeding cash, according to the firm?";
    expect(givesAnswerKind(losses, "Ms Villalba's division had been losing about $1m a week.")).toBe(true);
    expect(givesAnswerKind('How fast is the field pumping oil?', 'It pumps 2,000 barrels per day.')).toBe(
      true,
    );
    expect(givesAnswerKind(losses, 'The bank said on March 3 a day after the report.')).toBe(false);
    expect(
      givesAnswerKind('How fast did the economy grow?', 'Output rose in 1985, a year of strong demand.'),
    ).toBe(false);
  });
});

describe('a question framed by "supposed to" in the evidence check', () => {
  const question = "When are Sweden's new bank ownership rules supposed to take effect?";
  // Rarity as the archive weighs these words: "supposed" is the rarest, and no story of the answer says it.
  const rarity: Record<string, number> = {
    supposed: 7.6,
    ownership: 6.1,
    sweden: 6.0,
    effect: 4.0,
    rules: 3.9,
  };
  const passage = {
    text: 'The finance ministry has proposed a change in rules affecting ownership of commercial banks by non-banking financial groups.',
    context: 'SWEDEN MAKES PROPOSAL FOR BANKING CHANGE',
    articleId: 1,
  };
  const stories = new Map([[1, storyOf(`${passage.context}\n${passage.text}`)]]);

  it("finds the story that holds the question's words but the asker's framing", () => {
    const [evidence] = evidenceOf(
      [{ passage, similarity: 0.45 }],
      queryTerms(question),
      (term) => rarity[term] ?? 3,
      ['sweden'],
      question,
      stories,
    );
    expect(evidence!.anchored).toBe(true);
  });
});

describe('an abbreviation asked as a name in the evidence check', () => {
  const question = 'How many members does the HMO that Total Health is taking over have?';
  const judge = judgeIn(question, ['hmo', 'total health'], 'TOTAL HEALTH TO MAKE ACQUISITION', 0.3);

  it('is named by a story that writes its words in full', () => {
    expect(
      judge(
        'Total Health Systems Inc said it has agreed to acquire CoMED Inc, a health maintenance organization with over 63,000 subscribers.',
      ).missesName,
    ).toBe(false);
  });

  it('is not named by a story that writes only some of those words', () => {
    expect(judge('Total Health Systems Inc said it has agreed to acquire a health insurer.').missesName).toBe(
      true,
    );
  });
});

describe('the United States asked about in the evidence check', () => {
  const question =
    "By how much did US distillate fuel inventories fall in the EIA's report for the week ended Feb 27?";
  const context = 'EIA SAYS DISTILLATE, GAS STOCKS OFF IN WEEK (Energy Information Administration)';
  const answer =
    'Distillate fuel stocks held in primary storage fell by 3.4 mln barrels in the week ended Feb 27 to 128.4 mln barrels, the Energy Information Administration (EIA) said.';

  it("need not be named by an American agency's story, written for American readers", () => {
    expect(judgeIn(question, ['us', 'eia', 'feb'], context)(answer).missesName).toBe(false);
  });

  it('leaves every other name to be named', () => {
    expect(judgeIn(question, ['us', 'iea', 'feb'], context)(answer).missesName).toBe(true);
  });
});

describe('a question asking how full something was', () => {
  const question = "How full were KLM's planes in February?";
  const passage = {
    text: 'KLM Royal Dutch Airlines <KLM.AS> said its load factor rose to 66.5 pct in February from 62.5 pct in January.',
    context: 'KLM FEBRUARY LOAD FACTOR RISES',
    articleId: 1,
  };
  const stories = new Map([[1, storyOf(`${passage.context}\n${passage.text}`)]]);
  const judge = (text: string) =>
    evidenceOf(
      [{ passage: { ...passage, text }, similarity: 0.3 }],
      queryTerms(question),
      () => 1,
      ['klm', 'february'],
      question,
      stories,
    )[0]!;

  it('asks for a figure, which a passage naming what it names answers in its own words', () => {
    expect(judge(passage.text).anchored).toBe(true);
  });

  it('is not answered by a passage naming what it names without a figure', () => {
    expect(
      judge('KLM Royal Dutch Airlines said in February it would take control of a parcel service.').anchored,
    ).toBe(false);
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

describe('a person named with a middle initial in the evidence check', () => {
  const question = "Why did Stephen Phelps quit as head of National Healthcare's board?";
  const names = ['stephen phelps', 'national healthcare'];
  const passage = {
    text: 'National Healthcare Inc said Stephen L. Phelps resigned as chairman of the board of directors, to pursue other business interests.',
    context: 'NATIONAL HEALTHCARE CHAIRMAN RESIGNS',
    articleId: 1,
  };
  const stories = new Map([[1, storyOf(`${passage.context}\n${passage.text}`)]]);
  // The archive's rarity weights: the names are the question's rarest words, its anchors.
  const weights = new Map([
    ['stephen', 6.7],
    ['phelps', 6.6],
    ['stephen phelps', 13.3],
    ['quit', 5.58],
    ['head', 4.48],
    ['national healthcare', 10.29],
    ['board', 3.66],
  ]);
  const weightOf = (term: string) => weights.get(term) ?? 3;

  it('counts his name among the words the passage holds, as it is written there', () => {
    const [evidence] = evidenceOf(
      [{ passage, similarity: 0.3 }],
      queryTerms(question),
      weightOf,
      names,
      question,
      stories,
    );
    expect(evidence).toMatchObject({ missesName: false, anchored: true });
  });
});

describe("an anchor held by the lead of a passage's story in the evidence check", () => {
  const question =
    "What is Portugal's state petrochemicals company going to do with the money from its new eight-year credit?";
  const passage = {
    text: 'The loan will be for eight years and proceeds will be used to refinance existing debt.',
    context: 'CNP OF PORTUGAL MANDATES 250 MLN DLR LOAN',
    articleId: 1,
  };
  const lead =
    'Companhia Nacional de Petroquimica (CNP), the Portugese state-owned oil refinery and petrochemicals company, has awarded a mandate to arrange a 250 mln dlr loan.';
  const later = 'Portugal is attempting to maintain its position in the petrochemicals industry.';
  // The archive's rarity weights: "petrochemicals" and "Portugal" are the question's anchors.
  const weights = new Map([
    ['portugal', 6.2],
    ['petrochemicals', 7.23],
    ['going', 3.93],
    ['money', 3.78],
    ['eight', 4.45],
    ['credit', 3.6],
  ]);
  const judge = (story: string) =>
    evidenceOf(
      [{ passage, similarity: 0.24 }],
      queryTerms(question),
      (term) => weights.get(term) ?? 3.04,
      ['portugal'],
      question,
      new Map([[1, storyOf(story)]]),
    )[0]!;

  it('answers with the paragraph that goes on from the lead naming the subject', () => {
    expect(judge(`${passage.context}\n${lead}\n${passage.text}`).anchored).toBe(true);
  });

  it('never by a later paragraph of the story', () => {
    expect(judge(`${passage.context}\n${passage.text}\n${later}`).anchored).toBe(false);
  });
});

describe("a name held by the lead of a passage's story in the evidence check", () => {
  const question = "How far has Guangdong's grain-growing area shrunk?";
  const passage = {
    text: "The official magazine said the province's grain area fell to 4.33 mln hectares in 1985 from 5.7 mln in 1978 out of a total farmland area of 7.4 mln hectares.",
    context: 'CHINA PROVINCE BECOMES GRAIN IMPORTER (Farmers)',
    articleId: 1,
  };
  const lead =
    'The south China province of Guangdong is importing millions of tonnes of grain a year because farmers have switched from grain to more profitable crops, the Peking Review magazine said.';
  const later = 'The Nanfang Daily said production in Guangdong province fell.';
  // The archive's rarity weights: "shrunk" and "Guangdong" are the question's anchors, and the story
  // writes "shrunk" as "fell".
  const weights = new Map([
    ['far', 4.58],
    ['guangdong', 7.99],
    ['grain', 4.14],
    ['growing', 4.64],
    ['area', 4.45],
    ['shrunk', 10.05],
  ]);
  const judge = (story: string) =>
    evidenceOf(
      [{ passage, similarity: 0.49 }],
      queryTerms(question),
      (term) => weights.get(term) ?? 3.04,
      ['guangdong'],
      question,
      new Map([[1, storyOf(story)]]),
    )[0]!;

  it('answers with the paragraph that gives the figure asked of "the province" the lead names', () => {
    expect(judge(`${passage.context}\n${lead}\n${passage.text}`).anchored).toBe(true);
  });

  it('never by a later paragraph of the story', () => {
    expect(judge(`${passage.context}\n${passage.text}\n${later}`).anchored).toBe(false);
  });
});

describe('a question asking how long something lasts', () => {
  const question = "How long is Peru's import currency rationing meant to last?";
  const story = () => [
    {
      name: 'imports',
      passage: { text: 'Imports rose as the economy grew at its fastest rate in 12 years.' },
      score: 1.2,
    },
    {
      name: 'exports',
      passage: { text: 'Total exports dropped to 2.50 billion dlrs last year.' },
      score: 1.15,
    },
    { name: 'answer', passage: { text: 'The system will be effective until the end of 1988.' }, score: 1.0 },
  ];

  it('ranks the passage saying how long it lasts above those giving other figures', () => {
    const ranked = story();
    favourAnswerKinds(ranked, question, 0.3);
    expect(order(ranked)[0]).toBe('answer');
  });

  it('shows the opening with the paragraph saying how long, not with a time given to do something', () => {
    const gives = givesAnswerKindOver(
      'Peru will put a foreign exchange rationing system into effect.',
      question,
    )!;
    expect(gives('The system will be effective until the end of 1988.')).toBe(true);
    expect(gives('The central bank will have 10 days to decide whether to issue the foreign exchange.')).toBe(
      false,
    );
    expect(gives('Imports rose as the economy grew at its fastest rate in 12 years.')).toBe(false);
  });

  it.each([
    ['How long did the talks last?', 'The discussion lasted barely an hour.'],
    [
      "How long does the World Bank's loan to Mauritius run?",
      'The 17-year loan will support policy reforms.',
    ],
    [
      'How long will the price cutting go on?',
      'Canin said "the price pressures will continue for some time".',
    ],
  ])('takes the answer to "%s" as giving how long', (asked, answer) => {
    expect(givesAnswerKind(asked, answer)).toBe(true);
  });
});

describe('a question asking what something will be called', () => {
  const question =
    "What's the Santa Barbara Biltmore going to be called once Four Seasons and VMS take over?";
  const story = () => [
    {
      name: 'opening',
      passage: { text: 'Four Seasons and VMS agreed to acquire the Santa Barbara Biltmore Hotel.' },
      score: 1.2,
    },
    {
      name: 'answer',
      passage: { text: 'They would own the hotel and rename it the Four Seasons Biltmore.' },
      score: 1.0,
    },
  ];

  it.each([question, 'What will the new company be named?', 'What is the merged bank called?'])(
    'ranks the passage giving the new name first for "%s"',
    (asked) => {
      const ranked = story();
      favourAnswerKinds(ranked, asked, 0.3);
      expect(order(ranked)[0]).toBe('answer');
    },
  );

  it('shows the opening with the paragraph giving the new name, not one naming someone to a post', () => {
    const gives = givesAnswerKindOver(
      'Four Seasons and VMS agreed to acquire the Biltmore Hotel.',
      question,
    )!;
    expect(gives('They would own the hotel and rename it the Four Seasons Biltmore.')).toBe(true);
    expect(gives('The merged company will be known as Unisys.')).toBe(true);
    expect(gives('John Smith was named president of the hotel group.')).toBe(false);
  });

  it('is not asked by a question about who was named to something', () => {
    expect(givesAnswerKindOver('', 'Who was named best male at the awards?')).toBeNull();
  });

  it.each([
    'Which executive will be named chairman of Chrysler?',
    'What post will Baker be named to?',
    'Which bank is expected to be named lead manager?',
  ])('is not asked by "%s", which asks who gets a post', (asked) => {
    const ranked = story();
    favourAnswerKinds(ranked, asked, 0.3);
    expect(order(ranked)[0]).toBe('opening');
  });
});

describe('takings asked by "how much ... take at the box office" in the evidence check', () => {
  const question = "How much did the Charlotte's Web film with Julia Roberts take at the box office?";
  const judge = judgeIn(question, ['charlotte', 'web', 'julia roberts'], 'Actress Roberts takes spider role');

  it('finds nothing in the story of the casting, which gives no sum', () => {
    expect(
      judge("Actress Julia Roberts will play the part of a spider in a new film version of Charlotte's Web.")
        .missesMoney,
    ).toBe(true);
  });

  it('finds the takings in a story giving them', () => {
    expect(
      judge("Charlotte's Web, starring Julia Roberts, took $11.5m at the US box office.").missesMoney,
    ).toBe(false);
  });

  it('is not asked by "how much" of ticket sales or gross margins, which a percentage answers', () => {
    const sales = judgeIn('How much did Acme ticket sales fall?', ['acme'], 'ACME SALES FALL');
    expect(sales('Acme said its ticket sales fell 5 pct in the quarter.').missesMoney).toBe(false);
    const margins = judgeIn('How much did Acme gross margins improve?', ['acme'], 'ACME MARGINS');
    expect(margins('Acme said gross margins rose to 32 pct.').missesMoney).toBe(false);
  });
});

describe('a loan or financing asked by "how much" in the evidence check', () => {
  const question =
    'How much financing is the Japanese government providing Nippon Oil for its U.S. exploration venture with Chevron?';
  const judge = judgeIn(
    question,
    ['japanese', 'nippon oil', 'chevron'],
    'CHEVRON, NIPPON OIL FORM JOINT VENTURE',
  );

  it("finds nothing in a story giving only another party's sum", () => {
    const venture =
      'It said Nippon will contribute an initial investment of more than 100 mln dlrs. The Japanese ' +
      'government will also participate in the venture by providing financing to Nippon through the ' +
      'Japanese Oil Corp, Chevron said.';
    expect(judge(venture).missesMoney).toBe(true);
    expect(
      judge('The Japanese government will provide 50 mln dlrs of financing to Nippon, Chevron said.')
        .missesMoney,
    ).toBe(false);
  });

  it('does not ask for a sum in a question asking why, whose "how much" is what the reason is about', () => {
    const why = judgeIn(
      'Why has Air Deccan not disclosed how much it is paying ATR for the aircraft?',
      ['air deccan', 'atr'],
      "India's Deccan gets more planes",
    );
    expect(
      why(
        'The value of the deal has not been revealed, because of a confidentiality clause in the agreement. ' +
          'Air Deccan said the price was less than the catalogue price of $17.6m per plane.',
      ).missesMoney,
    ).toBe(false);
  });
});

describe('the name of someone known by a deed, asked in the evidence check', () => {
  const question = 'What is the name of the man who threw slurry over Robert Kilroy-Silk in Manchester?';
  const judge = judgeIn(question, ['robert kilroy', 'manchester'], 'Kilroy-Silk attacked with slurry');

  it('finds nothing in a story saying no one has been arrested, whatever names it holds', () => {
    const attack =
      'Euro MP Robert Kilroy-Silk has had a bucket of farm slurry thrown over him by a protester in ' +
      'Manchester. Fellow guest Ruth Kelly MP was also hit by the slurry. Officers took statements at the ' +
      'scene, but no arrests have been made.';
    expect(judge(attack).missesIdentity).toBe(true);
    expect(
      judge('John Smith, 35, threw slurry over Robert Kilroy-Silk in Manchester, police said.')
        .missesIdentity,
    ).toBe(false);
  });
});

describe('an interest rate asked in the evidence check', () => {
  const question =
    'What interest rate is Sale Tilney paying on the deferred instalments for B and R International?';
  const judge = judgeIn(
    question,
    ['sale tilney', 'b and r international'],
    'SALE TILNEY BUYS STAKE IN U.S. INSURANCE BROKER',
  );

  it('finds nothing in the story of the purchase, which gives a stake and no rate', () => {
    const evidence = judge(
      'Sale Tilney said it has purchased 80 pct of B and R International for 5.6 mln dlrs. The balance plus ' +
        'interest is to be paid in equal instalments over the next six years.',
    );
    expect(evidence.missesValue).toBe(true);
    expect(
      isStrongEvidence(evidence, { minSimilarity: 0.5, minCoverage: 0, minSimilarityWithCoverage: 0 }),
    ).toBe(false);
  });

  it('finds the rate in a story giving one', () => {
    expect(
      judge('Sale Tilney will pay interest at nine pct on the instalments to B and R International.')
        .missesValue,
    ).toBe(false);
  });
});

describe('the new date of something moved, asked in the evidence check', () => {
  it('is not asked of a relocation, which a story answers with its date', () => {
    const judge = judgeIn('What date will Acme move to its new headquarters?', ['acme'], 'ACME TO MOVE');
    expect(judge('Acme will move to its new headquarters on June 1.').missesValue).toBe(false);
  });

  it('finds the new date in a story giving it with a verb still to come', () => {
    const judge = judgeIn('To what date did the board postpone the Acme meeting?', ['acme'], 'ACME MEETING');
    expect(judge('The Acme board voted to postpone the meeting until May 21.').missesValue).toBe(false);
    expect(judge('The Acme board voted to postpone the meeting scheduled for April 29.').missesValue).toBe(
      true,
    );
  });
});
