import { describe, expect, it } from 'vitest';
import {
  askedOutcome,
  deadlineAsked,
  deadlineNamed,
  deedNamed,
  deedsTakenAsDone,
  objectNamed,
  saysUntold,
  statesOutcome,
  statesYearDone,
  thingsAsked,
  untoldAbout,
  yesNoDeedAsked,
} from '../src/search/asked-outcome.js';

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
    expect(askedOutcome('Has the Hague court ruled yet?')).toMatchObject({ decider: ['hague', 'court'] });
    expect(askedOutcome('Did the EEOC decide in her favour?')).toMatchObject({ decider: ['eeoc'] });
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

describe('a story stating who won a show or a contest named at length', () => {
  it('names the winner with a verb of winning, not the ratings of the show', () => {
    const show = askedOutcome("Who won Richard Branson's reality show The Rebel Billionaire?")!;
    expect(show.kind).toBe('win');
    const ratings =
      "Entrepreneur Sir Richard Branson's US TV show, The Rebel Billionaire, is proving a flop in the ratings. " +
      'The programme suffered poor viewing figures on its debut.';
    expect(statesOutcome(ratings, show)).toBe(false);
    expect(statesOutcome('Shawn Nelson won The Rebel Billionaire, and a cheque for $1m.', show)).toBe(true);
  });
});

describe('a time or a distance asked of an athlete at a place', () => {
  const madrid = askedOutcome(
    'What time did Sarah Claxton run in the 60m hurdles final at the European Indoor Championships in Madrid?',
  )!;

  it('is asked by what time or how far, with a verb of running or jumping, not of shares falling', () => {
    expect(madrid).toEqual({ kind: 'performance', place: 'Madrid' });
    expect(
      askedOutcome('How far did Jade Johnson jump at the European Indoor Championships in Madrid?'),
    ).toEqual({ kind: 'performance', place: 'Madrid' });
    expect(askedOutcome('How far did Multiplex shares drop in Sydney?')).toBeNull();
  });

  it('is not stated by a story naming the place only as still to come, with marks set elsewhere', () => {
    const buildUp =
      "British hurdler Sarah Claxton is confident she can win her first major medal at next month's European " +
      'Indoor Championships in Madrid. She set a new mark of 7.96 seconds to win the AAAs title.';
    expect(statesOutcome(buildUp, madrid)).toBe(false);
    const review =
      'Running sub-eight seconds twice in a week puts her up there if she repeats that in Madrid.';
    expect(statesOutcome(review, madrid)).toBe(false);
  });

  it('is stated by a mark in the sentence naming the place as past, or in the next one', () => {
    expect(statesOutcome('Claxton won the 60m hurdles in Madrid in 7.92 seconds.', madrid)).toBe(true);
    const fayetteville = askedOutcome(
      'What time did LaShawn Merritt clock in his indoor 400m at Fayetteville?',
    )!;
    const meeting =
      'Teenager LaShawn Merritt ran the third fastest indoor 400m of all time at the Fayetteville Invitational ' +
      'meeting.\nThe world junior champion clocked 44.93 seconds to finish well clear.';
    expect(statesOutcome(meeting, fayetteville)).toBe(true);
    const london = askedOutcome(
      "What time did Sonia O'Sullivan run when she won the Flora Lite 5K in London?",
    )!;
    const win =
      'She was back in action a couple of weeks later when beating a world-class field at the Flora Lite 5K ' +
      'road race in London. At least Sonia managed to make it to Athens. Brizzel ran a time of 21.00.';
    expect(statesOutcome(win, london)).toBe(false);
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

describe('a question on who was judged', () => {
  it('names who, and is not answered by the judgement of someone else', () => {
    const traders = askedOutcome('Were any of the Citigroup bond traders convicted in Germany?')!;
    expect(traders).toEqual({ kind: 'decision', decider: ['citigroup', 'bond', 'traders'] });
    expect(statesOutcome('Burton Bongard, former Home State president, was convicted.', traders)).toBe(false);
    expect(statesOutcome('Two Citigroup traders were convicted on Monday.', traders)).toBe(true);
    expect(statesOutcome('A jury found the Citigroup traders guilty.', traders)).toBe(true);
    expect(statesOutcome('"We found clues of linked bond trading," the regulator said.', traders)).toBe(
      false,
    );
    expect(statesOutcome('The trial of five Citigroup traders ended. They were acquitted.', traders)).toBe(
      true,
    );
  });

  it('names who in a clause of many words, "ever" before the verb', () => {
    const muggers = askedOutcome('Were the men who mugged Quentin Davies in Nairobi ever convicted?')!;
    expect(muggers.kind).toBe('decision');
    expect(
      statesOutcome('An MP has had his passport stolen after being mugged by six men in a park.', muggers),
    ).toBe(false);
  });
});

describe('what came of an appeal', () => {
  it('is asked by an appeal won or lost or a deed done on appeal, not by an appeal made', () => {
    const won = { kind: 'appeal', decider: ['appeal'] };
    expect(askedOutcome('Did Michelle Collins win her appeal against the eight-year ban?')).toEqual(won);
    expect(askedOutcome('Did Arash Sigarchi get his 14-year sentence cut on appeal?')).toEqual({
      kind: 'appeal',
      decider: ['appeal', 'sentence'],
    });
    expect(askedOutcome('Has the appeal succeeded?')).toEqual(won);
    expect(askedOutcome('Did Collins lodge an appeal?')).toBeNull();
    expect(askedOutcome('Did Collins appeal the ruling?')).toBeNull();
  });

  it('is stated by a sentence naming the appeal with what came of it, not by the appeal lodged', () => {
    const appeal = askedOutcome('Did Michelle Collins win her appeal against the eight-year ban?')!;
    const lodged =
      'Sprinter Michelle Collins has lodged an appeal against her eight-year doping ban. CAS has said that a ruling is normally given within four months of an appeal.';
    expect(statesOutcome(lodged, appeal)).toBe(false);
    expect(statesOutcome('The CAS has upheld the findings of USADA.', appeal)).toBe(false);
    expect(statesOutcome('Collins lost her appeal on Friday.', appeal)).toBe(true);
    expect(statesOutcome('Her appeal was rejected by the court.', appeal)).toBe(true);
    expect(statesOutcome('His sentence was cut to four years on appeal.', appeal)).toBe(true);
    expect(statesOutcome('The appeal will be dismissed, lawyers fear.', appeal)).toBe(false);
  });

  it('is stated on appeal by what was done to what was appealed, without the word appeal', () => {
    const quashed = askedOutcome('Was his conviction overturned on appeal?')!;
    expect(statesOutcome('His conviction was quashed by three judges last week.', quashed)).toBe(true);
    expect(statesOutcome('Judges threw out his conviction.', quashed)).toBe(true);
    expect(statesOutcome('He was convicted of fraud in March.', quashed)).toBe(false);
  });

  it('is asked by what the outcome of an appeal was, and stated only in a clause naming the appeal', () => {
    const outcome = askedOutcome(
      "What was the outcome of Stefan Koubek's appeal against his three-month doping ban?",
    )!;
    expect(outcome).toEqual({ kind: 'appeal', decider: ['appeal'] });
    expect(askedOutcome('How did the appeal go?')).toEqual(outcome);
    expect(askedOutcome('What was the decision on whether to appeal?')?.kind).not.toBe('appeal');
    const ban =
      'Stefan Koubek says he has been banned for three months. The world number 60 failed a routine drugs ' +
      "test at this year's French Open but now plans to lodge an appeal.";
    expect(statesOutcome(ban, outcome)).toBe(false);
    expect(statesOutcome('Koubek lost his appeal against the ban on Friday.', outcome)).toBe(true);
  });

  it('is not asked of an appeal for money', () => {
    expect(askedOutcome('Did the charity win its fundraising appeal target?')).toBeNull();
    expect(askedOutcome('Did the Tsunami appeal fail to reach its target?')).toBeNull();
  });
});

describe('what a question asks was in the end done', () => {
  it('is the verb stressed by "actually", "finally", "ever" or "end up" after "did" and the doer', () => {
    expect(askedOutcome('How much gold did Homestake actually produce in 1987?')).toEqual({
      kind: 'act',
      doer: ['homestake'],
      stem: 'produc',
      irregular: [],
      years: ['1987'],
    });
    expect(askedOutcome('How much did Texaco finally pay Pennzoil to settle the case?')).toMatchObject({
      stem: 'pay',
      irregular: ['paid'],
    });
    expect(askedOutcome('What earnings per share did Hovnanian end up reporting?')).toMatchObject({
      stem: 'report',
    });
    expect(askedOutcome('when did microsoft actually ship the final version of IE7?')).toMatchObject({
      stem: 'ship',
    });
    expect(askedOutcome('When did oil finally return to its earlier levels?')).toMatchObject({
      stem: 'return',
    });
  });

  it("is not stated by a sentence naming the doer in one clause and someone else's deed in another", () => {
    const cut = askedOutcome(
      'How big a cut in initial grain prices did Charles Mayer finally announce for the crop year?',
    )!;
    expect(cut).toMatchObject({ kind: 'act', doer: ['charles', 'mayer'], stem: 'announc' });
    const other =
      'Last year Mayer cut the initial prices between 19 and 27 pct but last fall the government announced ' +
      'a one billion Canadian dlr aid program.';
    expect(statesOutcome(other, cut)).toBe(false);
    expect(statesOutcome('Charles Mayer announced a 20 pct cut in initial prices.', cut)).toBe(true);
    expect(statesOutcome('Mayer said he announced a 20 pct cut in initial prices.', cut)).toBe(true);
  });

  it('is the verb stressed by "in the end" closing a question asked yes or no', () => {
    const rise = askedOutcome('Did the Buenos Aires underground workers get their 53% pay rise in the end?')!;
    expect(rise).toMatchObject({
      kind: 'act',
      doer: ['buenos', 'aires', 'underground', 'workers'],
      stem: 'get',
    });
    expect(
      statesOutcome('Tube workers in Buenos Aires walked out last week demanding a 53% pay rise.', rise),
    ).toBe(false);
    expect(statesOutcome('Buenos Aires underground workers got their pay rise on Friday.', rise)).toBe(true);
  });

  it('is an outcome of its kind for a verb of judging, winning or choosing', () => {
    expect(askedOutcome('did the bank ever approve that credit for Brazil?')).toEqual({
      kind: 'decision',
      decider: ['bank'],
      subject: true,
    });
    expect(askedOutcome('Did Al Gore end up winning the nomination?')?.kind).toBe('selection');
  });

  it('is nothing for what was thought or said, what is, or what would come', () => {
    expect(askedOutcome('did Gerry Conlon actually think Blair meant the apology?')).toBeNull();
    expect(askedOutcome('hey so did blair actually say anything abt the feud?')).toBeNull();
    expect(askedOutcome('How much did Clarke reckon the regime would end up costing travellers?')).toBeNull();
    expect(
      askedOutcome('What does matter actually have that Newtonian mechanics does not address?'),
    ).toBeNull();
    expect(askedOutcome('In what year did the stadium become the first ever concrete stadium?')).toBeNull();
    expect(askedOutcome('What did NSFNET eventually provide?')).toBeNull();
  });

  it('is stated in the past, and not by a forecast, a view or what is still to come', () => {
    const gold = askedOutcome('How much gold did Homestake actually produce in 1987?')!;
    expect(statesOutcome('Homestake produced 670,000 ounces of gold in 1987.', gold)).toBe(true);
    expect(statesOutcome("Homestake's 1987 gold production was 670,000 ounces.", gold)).toBe(true);
    expect(
      statesOutcome("Conger said he sees Homestake's 1987 gold production about the same as 1986.", gold),
    ).toBe(false);
    expect(statesOutcome('1987 first quarter production will be about 10 pct lower.', gold)).toBe(false);
    expect(statesOutcome('Homestake produced 669,594 ounces of gold in 1986.', gold)).toBe(false);
    expect(statesOutcome('In 1987 the talks produced no progress.', gold)).toBe(false);
    const paid = askedOutcome('How much did Texaco finally pay Pennzoil?')!;
    expect(statesOutcome('Texaco paid Pennzoil three billion dlrs.', paid)).toBe(true);
    expect(statesOutcome('A jury ordered Texaco to pay Pennzoil 10.53 billion dlrs.', paid)).toBe(false);
    const joined = askedOutcome('In 1972, did Norway end up joining the European Union?')!;
    expect(
      statesOutcome('Four countries applied in 1972 (though Norway did not end up joining).', joined),
    ).toBe(true);
  });

  it('is not stated by a sentence naming the doer only in part, of someone or something else', () => {
    const fetched = askedOutcome("How much did Versace's art collection end up fetching at Sotheby's?")!;
    expect(
      statesOutcome(
        "The art collection of Gianni Versace could fetch up to £9m. A sale of Versace's furniture and artworks sold in 2001 fetched £5.5m.",
        fetched,
      ),
    ).toBe(false);
    expect(statesOutcome("Versace's art collection fetched £10m at Sotheby's.", fetched)).toBe(true);
    expect(statesOutcome("Versace's art collection was sold. It fetched £10m.", fetched)).toBe(true);
    const got = askedOutcome('How much did Stan Lee end up getting from Marvel after the appeal?')!;
    expect(
      statesOutcome('Stan Lee is to get a windfall. Born in 1922, Stan Lieberman, got a job.', got),
    ).toBe(false);
    expect(statesOutcome('Stan Lee got 10 million dlrs from Marvel.', got)).toBe(true);
  });

  it('reads only the endings of a verb of three letters', () => {
    const spending = askedOutcome("How much did Mobil's capital spending actually come to?")!;
    expect(statesOutcome('Mobil said its company had sold the unit.', spending)).toBe(false);
    expect(statesOutcome('Spending came to 2.1 billion dlrs.', spending)).toBe(true);
  });
});

describe('what came of the first year of something new', () => {
  it('is asked by "in the first year" (or months, weeks), not by a reporting period or an opening weekend', () => {
    expect(
      askedOutcome(
        'How much did Ryanair pay out in compensation in the first year of the new EU passenger rules?',
      ),
    ).toEqual({ kind: 'first-period', unit: 'year' });
    expect(askedOutcome('How many adapters were sold in the first six months?')).toEqual({
      kind: 'first-period',
      unit: 'months',
    });
    expect(
      askedOutcome('What did Fab Industries earn a share in its first quarter to February 28?'),
    ).toBeNull();
    expect(askedOutcome('How much did the Lemony Snicket film make in its first weekend?')).toBeNull();
  });

  it('is asked of a first month or week as of its plural, not of a calendar week', () => {
    const month = askedOutcome('How many people signed up for MSN Spaces in its first month?');
    expect(month).toEqual({ kind: 'first-period', unit: 'months' });
    expect(askedOutcome('How many DS media adapters did Nintendo sell in the first week?')).toEqual({
      kind: 'first-period',
      unit: 'weeks',
    });
    expect(askedOutcome('How much oil was shipped in the first week of March?')).toBeNull();
    expect(statesOutcome('Microsoft is launching a test service called MSN Spaces.', month!)).toBe(false);
    expect(statesOutcome('The service drew a million users in its first month.', month!)).toBe(true);
  });

  it('is asked of a first day, and not stated by the story of the release date announced', () => {
    const day = askedOutcome(
      'How many copies did Harry Potter and the Half-Blood Prince sell on its first day in the UK?',
    )!;
    expect(day).toEqual({ kind: 'first-period', unit: 'days' });
    const chart =
      "Harry Potter and the Half-Blood Prince has topped Amazon's book chart less than 24 hours after its " +
      'release date was announced.';
    expect(statesOutcome(chart, day)).toBe(false);
    expect(statesOutcome('The book sold two million copies on its first day in the UK.', day)).toBe(true);
  });

  it('is stated of a first week by an opening week or its first seven days', () => {
    const week = askedOutcome('How much did the film make in its first week?')!;
    expect(week).toEqual({ kind: 'first-period', unit: 'weeks' });
    expect(statesOutcome('The film took $30m in its opening week.', week)).toBe(true);
    expect(statesOutcome('The film took $30m in its first seven days.', week)).toBe(true);
    expect(statesOutcome('The film opens in cinemas next month.', week)).toBe(false);
  });

  it('is stated by a story telling of that first period, not by one of the start', () => {
    const year = askedOutcome('How many landlords were fined in the first year of the rules?')!;
    expect(statesOutcome('The tramline made 2.1 million trips in its first year of running.', year)).toBe(
      true,
    );
    expect(statesOutcome('Complaints fell in the first 12 months.', year)).toBe(true);
    expect(statesOutcome('A year after the rules came in, fines had reached £2m.', year)).toBe(true);
    expect(statesOutcome('New rules on tenancy deposits come into force on Tuesday.', year)).toBe(false);
    expect(statesOutcome('Over the last year operations have been stepped up.', year)).toBe(false);
  });

  it("is stated by a results table's heading of the first months or weeks, not by its year's", () => {
    const months = askedOutcome('What did Ashgrove earn per share in the first nine months?')!;
    const table = 'ASHGROVE INSURANCE 3RD QTR\n\nNine mths\n\nShr 92 cts vs 69 cts';
    expect(statesOutcome(table, months)).toBe(true);
    expect(statesOutcome('Shr 32 cts vs 26 cts\n\nNet 722,000 vs 597,000', months)).toBe(false);
    const weeks = askedOutcome('How many tickets were sold in the first 26 weeks?')!;
    expect(statesOutcome('26 wks\n\nRevs 14.2 mln vs 12.1 mln', weeks)).toBe(true);
    // A year's heading counts its months or weeks: the year's figures are no first months'.
    expect(statesOutcome('12 mths\n\nShr 1.48 dlrs vs 1.40 dlrs', months)).toBe(false);
    expect(statesOutcome('53 wks\n\nRevs 54.2 mln vs 48.1 mln', weeks)).toBe(false);
    const year = askedOutcome('How many landlords were fined in the first year of the rules?')!;
    expect(statesOutcome('Year\n\nShr 1.48 dlrs vs 1.40 dlrs', year)).toBe(false);
  });
});

describe('a year named as past', () => {
  it('is not a year named only as still to come in its clause', () => {
    expect(statesYearDone('"The outlook for 2005 is good," Mr Varley said.', '2005')).toBe(false);
    expect(
      statesYearDone('Eight super-casinos are proposed from 2010 if the bill becomes law.', '2010'),
    ).toBe(false);
    expect(
      statesYearDone(
        'The government intends to have 25,000 on the streets by 2008 at a cost of £50m.',
        '2008',
      ),
    ).toBe(false);
    expect(
      statesYearDone(
        'They said the freeze on private sector wages until January 1988 has postponed solutions.',
        '1988',
      ),
    ).toBe(false);
    expect(statesYearDone('Analysts expect the bank to report higher profits in 2005.', '2005')).toBe(false);
    expect(statesYearDone('Ministers wanted 25,000 officers on the beat by 2008.', '2008')).toBe(false);
  });

  it('is a year named in a clause that does not look ahead, whatever else the sentence says', () => {
    expect(statesYearDone('Pre-tax profit for 2005 was £5.3bn.', '2005')).toBe(true);
    expect(
      statesYearDone(
        'In 1950, Noble appointed Robert Kintner to be president, a position he would hold until his death in 1958.',
        '1950',
      ),
    ).toBe(true);
    expect(statesYearDone('However, it was not until 1978 that final proposals were passed.', '1978')).toBe(
      true,
    );
    expect(statesYearDone('Nearly all of the colonies gained independence by 1960.', '1960')).toBe(true);
    expect(statesYearDone('Profits rose in 20051.', '2005')).toBe(false);
  });
});

describe('a year named as the year of a plan', () => {
  it('is not named as past by the plan, target or modal of its own phrase', () => {
    expect(
      statesYearDone('Talyzin said the 1988 Soviet plan stressed the engineering industry.', '1988'),
    ).toBe(false);
    expect(statesYearDone('SOVIETS OUTLINE 1988 ECONOMIC TARGETS', '1988')).toBe(false);
    expect(statesYearDone('He said defense spending in 1988 would total 32 billion dlrs.', '1988')).toBe(
      false,
    );
  });

  it('is named as past when the plan is further off in its clause', () => {
    expect(statesYearDone('Sales in 1987 were well above the company forecast.', '1987')).toBe(true);
  });
});

describe('a release asked for', () => {
  const release = { kind: 'release', decider: [] } as const;

  it('is asked by "finally set free", "finally freed", "eventually released"', () => {
    expect(askedOutcome('When was the American hostage Alann Steen finally set free?')).toEqual(release);
    expect(askedOutcome('Was the hostage finally freed?')?.kind).toBe('release');
    expect(askedOutcome('When was the film eventually released in Japan?')?.kind).toBe('release');
  });

  it('is stated by a release, not by an offer to free', () => {
    expect(statesOutcome('The kidnappers said Steen was ill and offered to free him.', release)).toBe(false);
    expect(statesOutcome('He was set free on Tuesday after 18 months.', release)).toBe(true);
    expect(statesOutcome('Steen was released in Beirut.', release)).toBe(true);
  });
});

describe('an outcome that someone "ended up" reaching', () => {
  it('is the kind of the verb after "ended up", in any form', () => {
    expect(
      askedOutcome('Which labs ended up hiring the Media Lab Europe researchers after it shut?'),
    ).toEqual({
      kind: 'selection',
      decider: [],
    });
    expect(askedOutcome('Who ended up winning the race?')?.kind).toBe('selection');
  });

  it('is not stated by a forecast of it', () => {
    const selection = { kind: 'selection', decider: [] } as const;
    expect(
      statesOutcome(
        '"I have no doubt that the individuals will be quickly snapped up by other research labs."',
        selection,
      ),
    ).toBe(false);
  });
});

describe('a sentence asked for', () => {
  it('names who was sentenced, given or handed it', () => {
    expect(
      askedOutcome(
        'What sentences did the Greek court hand Kenteris and Thanou when their criminal trial ended?',
      ),
    ).toEqual({ kind: 'sentence', decider: ['kenteris', 'thanou'] });
    expect(askedOutcome('What sentence did Yoshiaki Tsutsumi get for the Seibu share fraud?')).toEqual({
      kind: 'sentence',
      decider: ['yoshiaki', 'tsutsumi'],
    });
  });

  it('is stated by their sentence, not by another judgement of them or by the sentence of someone else', () => {
    const sentence = { kind: 'sentence', decider: ['kenteris', 'thanou'] } as const;
    expect(
      statesOutcome(
        'Kenteris and Thanou have been cleared of doping offences by an independent tribunal. However, their former coach Christos Tzekos was banned for four years.',
        sentence,
      ),
    ).toBe(false);
    expect(statesOutcome('Kenteris and Thanou were given suspended sentences.', sentence)).toBe(true);
    expect(statesOutcome('Kenteris was sentenced to 31 months in prison.', sentence)).toBe(true);
    expect(statesOutcome('Kenteris received a 31-month prison term.', sentence)).toBe(true);
    expect(statesOutcome('Kenteris was given the terms of the deal.', sentence)).toBe(false);
  });
});

describe('a judgement or choice stressed after its doer', () => {
  it('is decided by the doer, not by whoever else the story has deciding', () => {
    const approval = askedOutcome("When did US regulators finally approve Diageo's takeover of Chalone?")!;
    expect(approval).toEqual({ kind: 'decision', decider: ['regulators'], subject: true });
    expect(
      statesOutcome(
        'Diageo has agreed to buy Chalone for $260m. Diageo said it expects to get US regulatory approval.',
        approval,
      ),
    ).toBe(false);
    expect(statesOutcome('US regulators approved the takeover on Friday.', approval)).toBe(true);
    expect(statesOutcome('The takeover was approved by US regulators on Friday.', approval)).toBe(true);
    const settled = askedOutcome(
      "What contract did TWA's flight attendants finally settle for after their strike?",
    )!;
    expect(
      statesOutcome(
        'TWA said the commission dismissed charges filed against it by the flight attendants. TWA said the commission found that there is no reason to believe these allegations are true.',
        settled,
      ),
    ).toBe(false);
    expect(statesOutcome('The flight attendants settled for a 15 pct rise.', settled)).toBe(true);
  });
});

describe('a vote asked for', () => {
  it('is a decision of whoever votes', () => {
    const vote = askedOutcome('What was the Senate vote confirming David Ruder as SEC chairman?')!;
    expect(vote).toEqual({ kind: 'decision', decider: ['senate'] });
    expect(
      statesOutcome(
        'Reagan nominated David Ruder as SEC chairman on Wednesday, but he may not be confirmed by the Senate for several weeks.',
        vote,
      ),
    ).toBe(false);
    expect(statesOutcome('The Senate voted 71 to 27 for the bill.', vote)).toBe(true);
    expect(askedOutcome('What was the vote on the housing bill?')).toEqual({ kind: 'decision', decider: [] });
  });
});

describe('a winner asked for', () => {
  const prize = askedOutcome(
    'Who won the international film prize at the Directors Guild of Great Britain awards?',
  )!;

  it('is a win of the prize named', () => {
    expect(prize).toEqual({ kind: 'win', decider: ['international', 'film', 'prize'] });
    expect(askedOutcome("Which show won the pre-school award at the children's Baftas?")).toEqual({
      kind: 'win',
      decider: ['pre', 'school', 'award'],
    });
  });

  it('is not stated by the nominees, nor by what they won elsewhere', () => {
    expect(
      statesOutcome(
        'The Oscar rivals will compete for the international film prize at the ceremony. Clint Eastwood won best director for Million Dollar Baby. The directors of Shameless are all nominated for the 60-minute television prize.',
        prize,
      ),
    ).toBe(false);
    expect(statesOutcome('Mike Leigh won the international film prize for Vera Drake.', prize)).toBe(true);
    const award = askedOutcome('Who won the best player award at the Harvest Cup?')!;
    expect(statesOutcome('The best player award went to the goalkeeper Sam Reid.', award)).toBe(true);
  });
});

describe("a match's result asked", () => {
  it('is a contest against the other side named', () => {
    expect(askedOutcome('Did Hingis get past Marlene Weingartner in the first round in Pattaya?')).toEqual({
      kind: 'contest',
      decider: ['marlene', 'weingartner'],
    });
    expect(askedOutcome('Has Federer beaten Hewitt at Wimbledon?')).toEqual({
      kind: 'contest',
      decider: ['hewitt'],
    });
    expect(askedOutcome('Did the bank beat forecasts?')).toBeNull();
  });

  it('is not stated by the draw, nor by a result against someone else', () => {
    const match = askedOutcome('Did Hingis get past Marlene Weingartner in the first round in Pattaya?')!;
    expect(
      statesOutcome(
        'She faces German Marlene Weingartner in the first round. Her last WTA event was in Filderstadt, when she lost to Elena Dementieva.',
        match,
      ),
    ).toBe(false);
    expect(statesOutcome('Hingis beat Marlene Weingartner 6-2 6-3.', match)).toBe(true);
    expect(statesOutcome('Marlene Weingartner lost to Hingis in straight sets.', match)).toBe(true);
  });
});

describe('a successor asked', () => {
  it('is asked by who replaced, succeeded or took over from someone named, in the past', () => {
    const successor = { kind: 'succession', decider: [] };
    expect(askedOutcome('Who replaced Amit Yoran as head of the National Cyber Security Division?')).toEqual(
      successor,
    );
    expect(askedOutcome('who took over from Pitt at the SEC?')).toEqual(successor);
    expect(askedOutcome('Who succeeded in climbing Everest first?')).toBeNull();
    expect(askedOutcome('Who will replace Yoran?')).toBeNull();
  });

  it('is stated by a replacement, or by someone chosen, not by the departure alone', () => {
    const successor = askedOutcome(
      'Who replaced Amit Yoran as head of the National Cyber Security Division?',
    )!;
    expect(
      statesOutcome(
        'The man making sure US computer networks are safe has resigned after only a year.',
        successor,
      ),
    ).toBe(false);
    expect(statesOutcome('His successor has not been named.', successor)).toBe(false);
    expect(statesOutcome('Andy Purdy was named acting director.', successor)).toBe(true);
    expect(statesOutcome('Purdy replaced him in October.', successor)).toBe(true);
    expect(statesOutcome('Purdy took over the division.', successor)).toBe(true);
  });
});

describe("a body's recommendation asked", () => {
  it('is asked by what the body recommended, with the body', () => {
    expect(
      askedOutcome('What did the National Commission on Dairy Policy recommend in its final report?'),
    ).toEqual({
      kind: 'recommendation',
      decider: ['national', 'commission', 'dairy', 'policy'],
    });
    expect(askedOutcome('what has the panel recommended?')).toEqual({
      kind: 'recommendation',
      decider: ['panel'],
    });
  });

  it('is stated by what the body recommended or called for, not by its report still to come', () => {
    const dairy = askedOutcome(
      'What did the National Commission on Dairy Policy recommend in its final report?',
    )!;
    expect(
      statesOutcome(
        'The Senate approved legislation to extend until March 31, 1988 the date for the National Commission on Dairy Policy to report.',
        dairy,
      ),
    ).toBe(false);
    expect(statesOutcome('The dairy commission recommended a cut in the milk support price.', dairy)).toBe(
      true,
    );
    expect(statesOutcome('In its report the commission called for lower support prices.', dairy)).toBe(true);
    expect(statesOutcome('The Agriculture Department recommended a cut.', dairy)).toBe(false);
  });
});

describe('a buyer asked', () => {
  it('is asked by who bought, acquired or purchased something, with what was bought', () => {
    expect(askedOutcome('Who bought the Turnberry Hotel from Orient-Express?')).toEqual({
      kind: 'purchase',
      decider: ['turnberry', 'hotel'],
    });
    expect(askedOutcome('who acquired Conrail?')).toEqual({ kind: 'purchase', decider: ['conrail'] });
  });

  it('is stated by a purchase, a sale or an agreement to buy, not by the sale still to come', () => {
    const turnberry = askedOutcome('Who bought the Turnberry Hotel from Orient-Express?')!;
    expect(
      statesOutcome(
        'Orient-Express said the Turnberry Hotel and Golf Courses in Scotland will be sold but the company will retain a 20 year managment contract.',
        turnberry,
      ),
    ).toBe(false);
    expect(statesOutcome('Nippon Group bought the Turnberry Hotel last week.', turnberry)).toBe(true);
    expect(statesOutcome('Nippon Group agreed to buy the Turnberry Hotel.', turnberry)).toBe(true);
    expect(statesOutcome('The Turnberry Hotel was sold to a Japanese group.', turnberry)).toBe(true);
  });

  it('is stated by a deal still to close that names the buyer', () => {
    const strawHat = askedOutcome('Who bought the Straw Hat restaurants?')!;
    expect(
      statesOutcome(
        'National Pizza Co said it reached an agreement in principle to buy seven Straw Hat pizza restaurants.',
        strawHat,
      ),
    ).toBe(true);
    const shelard = askedOutcome('Who acquired Shelard?')!;
    expect(
      statesOutcome(
        'First Wisconsin Corp said it plans to acquire Shelard Bancshares Inc for 25 mln dlrs.',
        shelard,
      ),
    ).toBe(true);
    expect(statesOutcome('Nippon Group will buy Shelard.', shelard)).toBe(true);
    expect(statesOutcome('Shelard will be sold next year.', shelard)).toBe(false);
  });
});

describe('going to prison asked', () => {
  it('is asked yes or no of someone named going or sent to jail or prison', () => {
    expect(askedOutcome('Did Victor Marlow end up going to jail over the Harbour scandal?')).toEqual({
      kind: 'prison',
      decider: ['victor', 'marlow'],
    });
    expect(askedOutcome('Was Marlow sent to prison?')).toEqual({ kind: 'prison', decider: ['marlow'] });
    expect(askedOutcome('What did Marlow say about going to prison?')).toBeNull();
  });

  it('is stated by a prison sentence, not by a ban, a fine or a trial to come', () => {
    const marlow = { kind: 'prison', decider: ['victor', 'marlow'] } as const;
    expect(statesOutcome('Marlow was sentenced to four months in prison.', marlow)).toBe(true);
    expect(statesOutcome('Victor Marlow went to jail in 2005.', marlow)).toBe(true);
    expect(statesOutcome('A judge jailed Marlow for a year.', marlow)).toBe(true);
    expect(
      statesOutcome(
        'Banned sprinter Kelli Hart says she took steroids given to her by Victor Marlow.',
        marlow,
      ),
    ).toBe(false);
    expect(statesOutcome('Marlow is due to face trial in March.', marlow)).toBe(false);
  });
});

describe('a way out asked', () => {
  it('is asked as when or whether someone came out of or emerged from something', () => {
    expect(askedOutcome("When did Marlow's Stores come out of Chapter 11?")).toMatchObject({
      kind: 'act',
      doer: ['marlow', 'stores'],
    });
    expect(askedOutcome('Did Harbour Airlines emerge from bankruptcy?')).toMatchObject({ kind: 'act' });
    expect(askedOutcome('What came out of the talks?')).toBeNull();
  });

  it('is stated by the way out, not by the way in', () => {
    const exit = askedOutcome("When did Marlow's Stores come out of Chapter 11?")!;
    expect(
      statesOutcome(
        "Marlow's Stores said it has decided to reorganize under Chapter 11 and will file a petition this week.",
        exit,
      ),
    ).toBe(false);
    expect(statesOutcome("Marlow's Stores emerged from Chapter 11 in June.", exit)).toBe(true);
    expect(statesOutcome("Marlow's Stores came out of Chapter 11 in June.", exit)).toBe(true);
  });
});

describe('a permission asked', () => {
  it('is asked yes or no of someone named letting, allowing or permitting', () => {
    expect(askedOutcome('Did Marlow International let the Soviet Union start issuing Marlow cards?')).toEqual(
      { kind: 'permission', decider: ['marlow', 'international'] },
    );
    expect(askedOutcome('Has the commission allowed Harbour to raise its rates?')).toEqual({
      kind: 'permission',
      decider: ['commission'],
    });
    expect(askedOutcome('What did the new rules let Harbour do?')).toBeNull();
  });

  it('is stated by leave given, not by a request under review', () => {
    const marlow = { kind: 'permission', decider: ['marlow', 'international'] } as const;
    expect(statesOutcome('Marlow International let the Soviet Union issue cards in May.', marlow)).toBe(true);
    expect(statesOutcome('Marlow International approved the Soviet request.', marlow)).toBe(true);
    expect(
      statesOutcome(
        'Marlow International was also reviewing a request from the Soviet Union for permission to issue cards.',
        marlow,
      ),
    ).toBe(false);
    expect(
      statesOutcome('Italian banks, who accept Marlow cards, had asked to be allowed to issue them.', marlow),
    ).toBe(false);
  });
});

describe('an approval asked (twentieth batch)', () => {
  it('is asked when or whether of who approved, or of what was approved', () => {
    expect(askedOutcome('When did Japan approve Hexagen for sale?')).toEqual({
      kind: 'permission',
      decider: ['japan'],
    });
    expect(askedOutcome('Has the Health Ministry authorised the Trovex blood test?')).toEqual({
      kind: 'permission',
      decider: ['health', 'ministry'],
    });
    expect(askedOutcome('When was the Trovex test licensed in Britain?')).toEqual({
      kind: 'permission',
      decider: [],
    });
    expect(askedOutcome('What did the Health Ministry say about approving Trovex?')).toBeNull();
  });

  it('is stated by an approval given, not by one sought', () => {
    const japan = askedOutcome('When did Japan approve Hexagen for sale?')!;
    const sought =
      'Vexcor Inc said it entered into an agreement with Nakamura Co for the distribution of Hexagen in Japan.\n' +
      'Nakamura will conduct clinical tests and both companies will jointly file for marketing approval in Japan.';
    expect(statesOutcome(sought, japan)).toBe(false);
    expect(statesOutcome("Japan's Health Ministry approved Hexagen for sale in March.", japan)).toBe(true);
    expect(statesOutcome('Hexagen won marketing approval from Japan in March.', japan)).toBe(true);
    const licensed = askedOutcome('When was the Trovex test licensed in Britain?')!;
    expect(statesOutcome('Trovex said it would seek a licence for the test in Britain.', licensed)).toBe(
      false,
    );
    expect(statesOutcome('British regulators gave the Trovex test the go-ahead on Monday.', licensed)).toBe(
      true,
    );
  });
});

describe('a deadline a question asks was met', () => {
  const question = 'Did Marlow Airlines manage to get its $500m of wage cuts agreed by the end of February?';

  it('is a month after "by", with its end, its day or its year', () => {
    expect(deadlineAsked(question)?.test('agreed by the  End of February')).toBe(true);
    expect(deadlineAsked('Was the sale closed by March 31, 1987?')?.test('closed by March 31 1987')).toBe(
      true,
    );
    expect(deadlineAsked('Did the talks end by mid-June?')).not.toBeNull();
    expect(deadlineAsked('Was the sale closed by Marlow Airlines?')).toBeNull();
  });

  it('is named only ahead by a story naming it as a condition or a target', () => {
    const deadline = deadlineAsked(question)!;
    const warning =
      'The airline warned of "inadequate liquidity" if it fails to reduce wage costs by $500m by the end of February.';
    expect(deadlineNamed(warning, deadline)).toBe('ahead');
    expect(deadlineNamed('Marlow aims to agree the cuts by the end of February.', deadline)).toBe('ahead');
    expect(deadlineNamed('The unions had agreed the cuts by the end of February.', deadline)).toBe('done');
    expect(deadlineNamed('Marlow cut wages in March.', deadline)).toBe('unnamed');
  });
});

describe('a deed a question in the past tense takes as done', () => {
  const stems = (question: string) => deedsTakenAsDone(question).map(({ stem }) => stem);

  it('is each verb after its auxiliary, by its form or its place', () => {
    expect(stems('Did the Harbour Court agree to rehear the Marlow case?')).toEqual(['agre', 'rehear']);
    expect(stems('What pay rise did the dockers get in the deal that ended their strike?')).toEqual(['end']);
    expect(stems('Did the lenders end up agreeing to reschedule the debt?')).toEqual(['agre', 'reschedul']);
    expect(stems('When did Marlow Stores come out of bankruptcy?')).toEqual(['com']);
  });

  it('is no form in "-ing" after a word placing it as the circumstance of the deed asked', () => {
    expect(stems('Where did Marlovia stage its third test since ending its moratorium?')).toEqual(['stag']);
    expect(stems('How much weight did Dan Marlow put on eating only burgers?')).toEqual([]);
    // "End up" opens the deed asked.
    expect(stems('Did the lenders end up agreeing to reschedule the debt?')).toEqual(['agre', 'reschedul']);
  });

  it('is no noun, no name and no verb of saying or thinking', () => {
    expect(stems("What did Marlow's 1987 tax revenue total?")).toEqual([]);
    expect(stems('What did the court say about the meeting?')).toEqual([]);
    expect(stems('How much did Marlow pay for the stake?')).toEqual([]);
  });

  it('is no form in "-ing" after a name or a possessive, which names a thing', () => {
    expect(stems("Did the minister see any need for action before the group's June meeting?")).toEqual([]);
    expect(stems("Did the group's lenders end up agreeing to reschedule Marlow's debt?")).toEqual([
      'agre',
      'reschedul',
    ]);
  });

  it('is the verb right after a name in a question asked yes or no, with what it gives', () => {
    const question = 'Did Reagan grant Marlow federal disaster aid after the floods, and how much?';
    expect(deedsTakenAsDone(question)).toEqual([
      { stem: 'grant', irregular: [], objectWords: ['federal', 'disaster', 'aid'], afterEvent: true },
    ]);
    expect(yesNoDeedAsked(question, deedsTakenAsDone(question))?.stem).toBe('grant');
    // Not in a question asking how much: its stories may give the sum in other words.
    expect(stems('How much did Reuters save in costs in 2004?')).toEqual([]);
    expect(
      yesNoDeedAsked('When did Marlow grant the aid?', deedsTakenAsDone('When did Marlow grant the aid?')),
    ).toBe(null);
  });

  it('asked after an event, is named only earlier by a story placing each of its mentions in a year', () => {
    const [jail] = deedsTakenAsDone('How long was Carrick jailed for after the Marlow drugs arrest?');
    expect(jail).toEqual({ stem: 'jail', irregular: [], afterEvent: true });
    const background =
      'Mr Carrick served a 10-month jail term in 2004. He was jailed in October 1996 after a fight.';
    expect(deedNamed(background, jail!)).toBe('earlier');
    expect(deedNamed('He was jailed for six months on Monday.', jail!)).toBe('done');
    // Not when the question names a year itself, nor without an event it asks the deed after.
    const [named] = deedsTakenAsDone('How long was Carrick jailed for after the arrest in 2004?');
    expect(deedNamed(background, named!)).toBe('done');
    const [plain] = deedsTakenAsDone('How long was Carrick jailed for?');
    expect(deedNamed(background, plain!)).toBe('done');
  });

  it('of a phrasal verb, is named only by the verb with its particle', () => {
    const question = 'When did the Home Office carry out its checks on Marlow passengers at the airport?';
    const [carry] = deedsTakenAsDone(question);
    expect(carry).toEqual({ stem: 'carry', irregular: [], particle: 'out' });
    // The bare verb is another deed: "would carry them" puts no checks still to come.
    const other = 'They were prevented from travelling, because no airline would carry them.';
    expect(deedNamed(other, carry!)).toBe('unnamed');
    expect(deedNamed('The Home Office will carry out checks at the airport.', carry!)).toBe('ahead');
    expect(deedNamed('The Home Office would carry its checks out in July.', carry!)).toBe('ahead');
    expect(deedNamed('The Home Office will carry its checks on passengers.', carry!)).toBe('unnamed');
    // A verb that makes no phrasal verb with the word after it has no particle.
    expect(deedsTakenAsDone('When did Marlow pay out the dividend?')[0]?.particle).toBe('out');
    expect(deedsTakenAsDone('When did Marlow sell over the counter?')[0]?.particle).toBeUndefined();
    // Nor a verb before a preposition "out of".
    expect(deedsTakenAsDone('How many jobs were moved out of Marlow?')[0]?.particle).toBeUndefined();
  });

  it('gives what a deed asked yes or no gives named only ahead by a story asking for it', () => {
    const question = 'Did Reagan grant Marlow federal disaster aid after the floods?';
    const [grant] = deedsTakenAsDone(question);
    const request = 'The governor was expected to ask President Reagan for federal disaster relief.';
    expect(objectNamed(request, grant!)).toBe('ahead');
    expect(objectNamed('Federal disaster relief reached Marlow on Monday.', grant!)).toBe('done');
    expect(objectNamed('The floods left two dead.', grant!)).toBe('unnamed');
  });

  it('is named only ahead by a story that puts each of its mentions still to come', () => {
    const [, rehear] = deedsTakenAsDone('Did the Harbour Court agree to rehear the Marlow case?');
    expect(
      deedNamed('Marlow said it will file motions for a rehearing with the Harbour Court.', rehear!),
    ).toBe('ahead');
    expect(deedNamed('HARBOUR BANK TO SEEK REHEARING', rehear!)).toBe('ahead');
    expect(deedNamed('The Harbour Court refused to rehear the case.', rehear!)).toBe('done');
    expect(deedNamed('The Harbour Court overturned the merger.', rehear!)).toBe('unnamed');
    const [end] = deedsTakenAsDone('What pay rise did the dockers get in the deal that ended their strike?');
    expect(deedNamed('Talks aimed at ending the strike resumed today.', end!)).toBe('ahead');
    expect(deedNamed('The dockers voted to end the strike.', end!)).toBe('done');
  });

  it('is not done by a form in "-ing" before a noun, nor by one that someone was unable to do', () => {
    const [lift] = deedsTakenAsDone('When did the Marlow channel reopen after the sunken tug was lifted?');
    expect(deedNamed('Harbour said its lifting fleet was in position.', lift!)).toBe('unnamed');
    expect(deedNamed('Two cranes were unable to begin lifting the sunken tug.', lift!)).toBe('ahead');
    expect(deedNamed('The lifting of the tug was finished on Sunday.', lift!)).toBe('done');
    expect(deedNamed('The cranes lifted the tug on Sunday.', lift!)).toBe('done');
  });

  it('is a verb whose past is irregular, after a noun too, but no noun after a determiner', () => {
    const question = 'How much did the Carrick sequel shot in Marlow take at the box office?';
    expect(deedsTakenAsDone(question)).toEqual([{ stem: 'shoot', irregular: ['shot'] }]);
    expect(stems('What did the shot in the final cost the team?')).not.toContain('shoot');
  });

  it('is named only ahead by a story where it is yet to begin', () => {
    const [shoot] = deedsTakenAsDone(
      'How much did the Carrick sequel shot in Marlow take at the box office?',
    );
    expect(deedNamed('Shooting on the sequel is expected to begin in April.', shoot!)).toBe('ahead');
    expect(deedNamed('Shooting on the sequel will start in April.', shoot!)).toBe('ahead');
    expect(deedNamed('Shooting on the sequel began in April.', shoot!)).toBe('done');
    expect(deedNamed('The sequel was shot in Marlow.', shoot!)).toBe('done');
  });

  it('done again is named by its form with "re-" or with "again", not by its form alone', () => {
    const [start] = deedsTakenAsDone('When did the board let Carrick start up again after the fire?');
    expect(start).toEqual({ stem: 'start', irregular: [], again: true, afterEvent: true });
    expect(deedNamed('Neither unit may be restarted without the board approval.', start!)).toBe('ahead');
    expect(deedNamed('The plant started in 1974 and was shut down on Monday.', start!)).toBe('unnamed');
    expect(deedNamed('Carrick restarted the unit on Monday.', start!)).toBe('done');
    expect(deedNamed('The unit started up again on Monday.', start!)).toBe('done');
    const [open] = deedsTakenAsDone('When did the Carrick mine open to visitors?');
    expect(open!.again).toBeUndefined();
    expect(deedNamed('The mine opened in 1974.', open!)).toBe('done');
  });

  it('is done only by a mention naming what it is done to, when the question writes that', () => {
    const [end] = deedsTakenAsDone('What pay rise did the dockers get in the deal that ended their strike?');
    expect(end!.object).toBe('strike');
    const talks =
      'Three days of talks aimed at ending the dockers strike at Carrick ended yesterday without a deal.';
    expect(deedNamed(talks, end!)).toBe('ahead');
    expect(deedNamed('The strike at the Carrick docks ended yesterday.', end!)).toBe('done');
    expect(deedNamed('Talks at Carrick ended yesterday.', end!)).toBe('unnamed');
  });
});

describe('what a question asks for, said not to be known', () => {
  it('is the thing after "which", "what" or "how big is the", and a cause asked', () => {
    expect(
      thingsAsked('Which Marlow shareholder dropped the motion, and how big is their stake?', false),
    ).toEqual(['shareholder', 'stake']);
    expect(thingsAsked('What did investigators find caused the fire at the Carrick mine?', false)).toEqual([
      'cause',
      'reason',
    ]);
    expect(thingsAsked('How many soldiers have been killed so far?', false)).toEqual([]);
  });

  it('is untold in a story that says so of it, not of something else', () => {
    const holder = thingsAsked(
      'Which Marlow shareholder dropped the motion, and how big is their stake?',
      false,
    );
    expect(saysUntold('Harbour did not name the shareholder and did not disclose its stake.', holder)).toBe(
      true,
    );
    expect(saysUntold('Harbour said the shareholder, Westbay Holdings, holds 5 pct.', holder)).toBe(false);
    const cause = thingsAsked('What did investigators find caused the fire at the Carrick mine?', false);
    expect(saysUntold('The company said the cause and extent of the damage is still unknown.', cause)).toBe(
      true,
    );
    const gun = thingsAsked('What kind of gun were the soldiers shown firing?', false);
    const value = ['total', 'value'];
    expect(
      saysUntold('The value of the deal has not been revealed, because of a confidentiality clause.', value),
    ).toBe(true);
    expect(saysUntold('The value of the deal was 10 mln dlrs.', value)).toBe(false);
    expect(saysUntold('Soldiers fire a 152 mm gun at an undisclosed location.', gun)).toBe(false);
    expect(saysUntold('Soldiers fire an undisclosed gun.', gun)).toBe(true);
  });

  it('is untold where a story gives no details of it, in the clause before "but" that gives no figure', () => {
    const profit = thingsAsked('What profit did Harbour Kredit Bank make in 1986?', false);
    expect(profit).toEqual(['profit']);
    const noDetails = 'Harbour Kredit said 1986 profits met expectations but gave no details.';
    expect(saysUntold(noDetails, profit)).toBe(true);
    expect(saysUntold('Harbour said 1986 profits rose but gave no more details.', profit)).toBe(true);
    expect(saysUntold('No figures were given for the bank’s 1986 profit.', profit)).toBe(true);
    expect(saysUntold('Profits rose to 20 mln marks in 1986 but gave no details of sales.', profit)).toBe(
      false,
    );
    expect(saysUntold('Turnover rose in 1986 but it gave no details.', profit)).toBe(false);
  });

  it('is an amount for "how much", said untold in those words', () => {
    const amount = thingsAsked(
      "How much of Carrick's debt did the creditor nations agree to reschedule?",
      false,
    );
    expect(amount).toEqual(['amount']);
    const none =
      'No details were available from the embassies nor from the Club on the amounts involved, but last week the Marlow finance minister said he hoped for 120 mln dlrs.';
    expect(saysUntold(none, amount)).toBe(true);
    expect(saysUntold('The creditors agreed to reschedule debts amounting to 440 mln francs.', amount)).toBe(
      false,
    );
    expect(thingsAsked('How many of the debts were rescheduled?', false)).toEqual([]);
  });

  it('is an amount asked only in a sentence naming another word of the question', () => {
    const earned = "How much did Carrick earn on top of his MP's salary according to the register?";
    const paid = 'How much was Carrick paid for the newspaper serialisation of his memoirs?';
    const story =
      "The register shows Carrick earning up to £820,000 on top of his MPs' salary. Mr Carrick was also paid " +
      'an undisclosed amount for the newspaper serialisation of his memoirs and up to £35,000 for advice.';
    expect(untoldAbout(earned)).toEqual(['earn', 'top', 'salary', 'according', 'register']);
    expect(saysUntold(story, thingsAsked(earned, false), untoldAbout(earned))).toBe(false);
    expect(saysUntold(story, thingsAsked(paid, false), untoldAbout(paid))).toBe(true);
  });

  it('is not untold when only its exact figure is and the sentence goes on to an estimate', () => {
    const branch = thingsAsked(
      "does anyone know roughly what Harbour's London branch made last year?",
      false,
    );
    const estimate =
      "Marlow declined to give an exact figure for profits from the bank's London branch, which opened in " +
      'April 1985, but said that it came close to one mln stg.';
    expect(saysUntold(estimate, branch)).toBe(false);
    expect(saysUntold("Marlow declined to give an exact figure for the bank's London branch.", branch)).toBe(
      true,
    );
    expect(
      saysUntold('Marlow declined to give a figure for the London branch, but said it grew.', branch),
    ).toBe(true);
  });

  it('is the final figure of a question stressing what something came to in the end', () => {
    const final = thingsAsked("What did Marlow's 1986/87 tax carryover finally come to?", false);
    expect(final).toEqual(['figure']);
    const due = 'The final figures for 1986/87 revenues are due to be released by the ministry on July 1.';
    expect(saysUntold(due, final)).toBe(true);
    expect(saysUntold(due, thingsAsked("What was Marlow's 1986/87 tax carryover?", false))).toBe(false);
  });
});

describe('a later deed or a court ruling asked of stories telling of what came before (twenty-first batch)', () => {
  const strachan =
    'Strachan turns down Pompey\nFormer Southampton manager Gordon Strachan has rejected the chance to become ' +
    "Portsmouth's new boss. He spoke of his previous managerial jobs.";

  it('reads "go on to" as stressing the deed done later, not stated by a role of its doer', () => {
    const asked = askedOutcome(
      'Which club did Gordon Strachan go on to manage after turning down Portsmouth?',
    );
    expect(asked).toMatchObject({ kind: 'act', doer: ['gordon', 'strachan'], stem: 'manag' });
    expect(statesOutcome(strachan, asked!)).toBe(false);
    expect(statesOutcome('Gordon Strachan later managed Celtic.', asked!)).toBe(true);
  });

  it('names the court asked before "finally", which another court\'s ruling does not answer', () => {
    const asked = askedOutcome(
      'What did the US Supreme Court finally rule in the Grokster file-sharing case?',
    );
    expect(asked).toEqual({ kind: 'decision', decider: ['supreme', 'court'], subject: true, whole: true });
    const hearing =
      'The case has already been heard by two lower courts and both found in favour of the networks. They ruled ' +
      'that file-sharing could also be used to distribute software. The Supreme Court will hear it this year.';
    expect(statesOutcome(hearing, asked!)).toBe(false);
    expect(statesOutcome('The Supreme Court ruled against Grokster on Monday.', asked!)).toBe(true);
    expect(statesOutcome('The Supreme Court heard the case. It ruled against Grokster.', asked!)).toBe(true);
  });
});

describe('what a deed asked yes or no gives, before a preposition (twenty-first batch)', () => {
  it('ends at "against", so the appeal named only as still to come is not answered by another case', () => {
    const question = "Did Stephanie Villalba win an appeal against the tribunal's ruling on her claims?";
    const deed = yesNoDeedAsked(question, deedsTakenAsDone(question))!;
    expect(deed.objectWords).toEqual(['appeal']);
    const story =
      'Ms Villalba has made no decision on whether to appeal. She had brought a case against the bank.';
    expect(objectNamed(story, deed)).toBe('ahead');
  });
});

describe('a deed stressed in the passive (twenty-first batch)', () => {
  it('is not stated by a story telling only of the threat', () => {
    const asked = askedOutcome(
      "How much of northern Vietnam's spring rice crop was finally lost to insects?",
    )!;
    expect(asked).toMatchObject({ kind: 'act', stem: 'lost' });
    const threat =
      'Insects are threatening to destroy 367,000 hectares or about one-third of the spring rice crop.';
    expect(statesOutcome(threat, asked)).toBe(false);
    expect(statesOutcome('About a fifth of the crop was lost to insects.', asked)).toBe(true);
  });
});
