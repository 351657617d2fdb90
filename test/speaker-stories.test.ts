import { describe, expect, it } from 'vitest';
import {
  capitalsAsCountries,
  capRelated,
  nextStatements,
  refersBack,
} from '../src/search/speaker-retriever.js';
import type { PassageRecord } from '../src/store/passage-store.js';
import { askedStories } from './helpers/asked-stories.js';

/**
 * Speaker questions answered from the stories around the statements. A speaker's statement that never
 * repeats the topic asked about, in a story that is about it all through, beside another statement of
 * hers that names the topic's place in passing, in a story about something else. And two analysts of one
 * firm: one stored with the role ("Orbis analyst Maria Lund said"), one whose role the story writes after
 * the name ("said Tom Berger, principal analyst at research firm Orbis"), which attribution does not keep.
 * A trade minister's two remarks in a story whose headline alone names the talks asked about, one of them
 * on Japan, asked about as "Tokyo".
 * A premier's complaint of "the U.S. administration" in a story on the U.S. all through, beside his welcome
 * to "American anglers" in a newer story, asked about as "Washington".
 * A governor's remark that holds one word of the topic asked about, beside one that holds three of its
 * synonyms.
 * A minister's short remark beside her long statement on the topic, in a story whose headline names it.
 * And a home secretary called "New Home Secretary" in the story of his first days, and "Home Secretary" in
 * a later one that says more of the topic asked about.
 * A fisheries minister's demand in reported speech, then his quote in the next paragraph.
 * An organisation quoted in its own name, and its managing director, quoted once with the organisation in
 * her role and once without.
 * Real model, real SQLite, made-up stories.
 */
const ARTICLES: Record<string, string> = {
  'quake.md': `---
title: Lenders count the cost of the earthquake
published: 2005-01-04
---
The earthquake destroyed thousands of homes along the coast on Sunday.

The World Relief Fund said the damage would cut the region's growth by a point this year.

"The fund stands ready to help these nations rebuild," said managing director Lena Ortiz.
`,
  'lending.md': `---
title: Relief fund lending rises
published: 2005-02-01
---
The World Relief Fund lent more last year than ever before.

WRF managing director Lena Ortiz said lending would rise by a fifth this year.
`,
  'trawlers.md': `---
title: Oslo threatens to close its waters to British trawlers
published: 2005-03-01
---
Norway has threatened to retaliate against British trawlers if the talks on the mackerel quota fail.

Norwegian officials have drawn up a list of sanctions, from closing Norway's waters to a ban on British boats in its ports.

"They will not pick a quarrel with us, because they sell us far more fish than we buy from them," the fisheries minister Ann Hartley said.

The retaliation Norway threatens would hit the Scottish fleet hardest, and talks resume next week.
`,
  'harbour.md': `---
title: Grimsby opens its new harbour
published: 2005-03-08
---
The fisheries minister Ann Hartley opened the new harbour in Grimsby on Monday.

"This harbour will welcome boats from Norway and from all over Europe," Hartley said.

The harbour cost £40m to build and took three years.

Local traders welcomed it.
`,
  'phones.md': `---
title: Phone makers chase thinner designs
published: 2005-03-01
---
Phone makers showed ever thinner handsets this week as sales growth slowed.

Orbis analyst Maria Lund said buyers now cared more about looks than about new features.
`,
  'fair.md': `---
title: Techmesse loses its big exhibitors
published: 2005-03-10
---
Techmesse, the technology fair in Hanover, opened with fewer exhibitors than last year.

"Techmesse is clearly a fair in decline," said Tom Berger, principal analyst at research firm Orbis.

Several large phone makers stayed away, saying the fair no longer justified the cost.
`,
  'detainees.md': `---
title: Law lords rule against anti-terror legislation
published: 2004-12-17
---
The law lords ruled that holding nine foreign suspects without trial broke human rights law, a blow to the anti-terror legislation.

"I will be asking Parliament to renew this anti-terror legislation in the new year," New Home Secretary Charles Marsh told MPs.

The ruling on the anti-terror legislation came on his first day in the job.
`,
  'ceasefire.md': `---
title: Sanctions tighten as ceasefire talks stall
published: 2005-03-04
---
Western ministers met in Brussels on Friday as the talks on a ceasefire stalled again.

"We see you. We know what you are doing," the foreign minister Ruth Mason said.

"We continue to bear down with sanctions on the regime in every way we can, so that its leaders come to this negotiation serious about making the peace that we all want to see in the region. Our partners in Europe and beyond stand with us on this, and we will not let up until the fighting stops," Mason said.

The ministers meet again next month.
`,
  'farm-talks.md': `---
title: Farm talks resume next month
published: 2005-03-02
---
"Our farmers are ready to sell far more rice and beef abroad," the trade minister Karl Brandt said.

"Japan has not moved an inch, and we will not wait for ever," Brandt said.
`,
  'acid-rain.md': `---
title: Premier presses Congress on acid rain
published: 2005-03-05
---
Premier Jean Dufour urged the wildlife conference to press Congress for action on the acid rain blown north from the U.S.

"We are not happy with the pace at which the U.S. administration has moved," Dufour said.

The U.S. agreed last year to cut the emissions, but has yet to fund the plan.
`,
  'anglers.md': `---
title: Premier opens the fishing season
published: 2005-03-06
---
Premier Jean Dufour opened the fishing season on the northern lakes on Saturday.

"Our lakes are full of fish this year, and American anglers are as welcome as ever," Dufour said.

Licences went on sale at the harbour office, and the first boats left at dawn.

The season runs until the end of October.
`,
  'quota.md': `---
title: Minister presses the islands on the fish quota
published: 2005-03-07
---
Fisheries minister Piet Vandam said the islands must lift their fish quota by April.

"If it stays, our boats will have nowhere left to go, and we will answer in kind," Vandam said.
`,
  'index.md': `---
title: Central bank governor speaks in Boston
published: 2005-03-03
---
"A broad commodity index could one day tell us when to move rates," the governor Vera Kline said.

"Banks should be allowed to merge, permitted to sell insurance, and free to set the price of an account," Kline said.
`,
  'powers.md': `---
title: MPs vote on anti-terror plan
published: 2005-02-20
---
MPs vote on Monday on the anti-terror legislation that would put suspects under house arrest.

"These powers are needed to counter terror threats," Home Secretary Charles Marsh told MPs.

Opponents say the legislation gives the home secretary too much power.
`,
};

const ask = askedStories(ARTICLES);

describe("a speaker's statements ranked by their whole story's match with the topic", () => {
  it('puts first the statement whose story is about the topic, over one that only names its place', async () => {
    const answer = await ask('What did Hartley say about Norway retaliating?');
    expect(answer.speaker?.name).toBe('Ann Hartley');
    expect(answer.passages[0]!.text).toMatch(/pick a quarrel with us/);
    expect(answer.passages.map((p) => p.text).join('\n')).toMatch(/welcome boats from Norway/);
  });

  it("lists the newest story's statements first when no topic is asked", async () => {
    const answer = await ask('What did Hartley say?');
    expect(answer.passages.map((p) => p.text)).toEqual([
      expect.stringMatching(/welcome boats from Norway/),
      expect.stringMatching(/pick a quarrel with us/),
    ]);
  });
});

describe('a role asked with a topic its stored holders never spoke of', () => {
  it('also asks the people the stories describe by that role', async () => {
    const answer = await ask('What did the Orbis analyst say about Techmesse?');
    expect(answer.speaker?.name).toContain('Tom Berger');
    expect(answer.passages[0]!.text).toMatch(/clearly a fair in decline/);
  });

  it('keeps to the stored holder of the role when she spoke of the topic', async () => {
    const answer = await ask('What did the Orbis analyst say about what buyers care about?');
    expect(answer.speaker?.name).toBe('Maria Lund');
  });
});

describe("a statement's own words", () => {
  it('rank it, not the headline every statement of its story is searched with', async () => {
    const answer = await ask('What did Mason say about sanctions?');
    expect(answer.passages[0]!.text).toMatch(/bear down with sanctions/);
  });
});

describe('a topic whose words only the headline holds', () => {
  it('keeps the scores of its related words on the usual scale', async () => {
    const answer = await ask('What did Brandt say about the delay in the talks?');
    expect(answer.passages[0]!.text).toMatch(/will not wait for ever/);
    // The best related match scales as the topic's own best match would: about 1, not 1 / Number.EPSILON.
    expect(answer.passages[0]!.score).toBeLessThan(10);
  });
});

describe('a capital opening the topic', () => {
  it('is read as the name of its country, not as a word with synonyms', async () => {
    const answer = await ask("What did Brandt say about Tokyo's farm policy?");
    expect(answer.passages[0]!.text).toMatch(/Japan has not moved an inch/);
  });
});

describe('a capital standing for its country in the topic', () => {
  it('is searched as the country in the words stories use, "U.S." too, not as a related word', async () => {
    const answer = await ask('What did Dufour say about Washington dragging its feet?');
    expect(answer.passages[0]!.text).toMatch(/pace at which the U.S. administration has moved/);
  });

  it('is searched with its country\'s names and dotted codes, never as the pronoun "us"', () => {
    const washington = capitalsAsCountries('about Washington dragging its feet').get('washington');
    expect(washington).toEqual(expect.arrayContaining(['united states', 'american', 'u.s.']));
    expect(washington).not.toContain('us');
    expect(capitalsAsCountries("about Tokyo's limits on meat imports")).toEqual(
      new Map([['tokyo', expect.arrayContaining(['japan', 'japanese'])]]),
    );
    // A capital written in lower case is no name ("the capital's limits"), nor is a word that is no capital.
    expect(capitalsAsCountries('about the limits on meat imports in Ohio').size).toBe(0);
  });
});

describe("the speaker's next paragraph", () => {
  it('is shown with one of the first statements when the same speaker goes on there', async () => {
    const answer = await ask("What did Vandam say about the islands' fish quota?");
    expect(answer.passages[0]!.text).toMatch(/must lift their fish quota[^]*we will answer in kind/);
  });

  it("is known from the statements' places in their stories", () => {
    const at = (id: number, articleId: number, ordinal: number) =>
      ({ id, articleId, ordinal }) as PassageRecord;
    // 1 and 2 follow each other in one story; 3 is two paragraphs further on; 4 is in another story.
    expect(nextStatements([at(2, 7, 1), at(1, 7, 0), at(3, 7, 3), at(4, 8, 2)])).toEqual(new Map([[1, 2]]));
  });
});

describe("a topic's related words", () => {
  it("count for no more than the topic's own words, however many a statement holds", async () => {
    const answer = await ask('What did Kline say about letting costs guide interest rates?');
    expect(answer.passages[0]!.text).toMatch(/tell us when to move rates/);
  });

  it('are capped at the best hit of its own words, and kept as they are without one', () => {
    const own = [{ id: 1, score: -2 }];
    const related = [
      { id: 2, score: -5 },
      { id: 3, score: -1 },
    ];
    expect(capRelated(own, related)).toEqual([
      { id: 2, score: -2 },
      { id: 3, score: -1 },
    ]);
    expect(capRelated([], related)).toEqual(related);
  });
});

describe('a role asked with the words of one story', () => {
  it('puts first the statements of the stories that write the role as asked', async () => {
    const answer = await ask('What did the new home secretary tell MPs about the anti-terror legislation?');
    expect(answer.speaker?.name).toBe('Charles Marsh');
    expect(answer.passages[0]!.text).toMatch(/renew this anti-terror legislation/);
  });

  it('ranks by the topic alone when the role is asked as every story writes it', async () => {
    const answer = await ask('What did the home secretary tell MPs about the anti-terror legislation?');
    expect(answer.passages[0]!.text).toMatch(/needed to counter terror threats/);
  });
});

describe('an organisation asked as the speaker', () => {
  it('speaks through its officials too: the people whose role the stories give at it', async () => {
    const answer = await ask(
      "Hello, I'm writing a piece on the earthquake - what did the WRF say it would do?",
    );
    expect(answer.speaker?.name).toContain('Lena Ortiz');
    expect(answer.passages.map((p) => p.text).join('\n')).toMatch(/stands ready to help these nations/);
  });
});

/**
 * A trade commissioner's quote that never names the topic asked, after narration that does, beside his
 * quotes on Japan's car exports in another story.
 */
const LEAD_ARTICLES: Record<string, string> = {
  'trade-deals.md': `---
title: EC agrees trade deal with Argentina
published: 2005-04-01
---
The European Community agreed a trade deal with Argentina on meat and cereals.

Under the deal, Argentina will gain additional trading rights on beef, fish and cereal by-products.

Ireland and France continued to oppose the deal on meat but were outvoted by the other states.

Argentina will also benefit from an additional quota of frozen hake fillets at a reduced duty.

Officials said the EC had asked the trade body to arbitrate on a fish dispute with Canada.

Ministers also decided to continue talks with Japan. The EC has been unsatisfied with Japanese offers of compensation.

Trade Commissioner Willy De Clercq told journalists: "We maintain our position that the concessions were not enough."
`,
  'car-exports.md': `---
title: Japan car export restraint not enough, says EC
published: 2005-04-02
---
Japan's car export restraint to the European Community is not enough, Trade Commissioner Willy De Clercq said.

"Even ten percent is a hundred thousand cars, while we sell forty thousand," De Clercq said.
`,
};

describe('speaker questions on a topic the narration before a quote names', () => {
  const ask = askedStories(LEAD_ARTICLES);

  it("reads a quote's topic from the paragraph before when the quote names none of it", async () => {
    const answer = await ask("What did Willy De Clercq say about Japan's compensation offers?");
    expect(answer.passages[0]!.text).toMatch(/concessions were not enough/);
  });
});

/**
 * A carmaker's results story: the vice president's forecast, the first-half figures in narration, then his
 * reason for the fall ("The fall was due to ...") holding no word of the question, beside his statement on
 * the first-half dividend, which holds some.
 */
const RESULTS_ARTICLES: Record<string, string> = {
  'carmaker.md': `---
title: Carmaker sees lower profit this year
published: 2005-05-01
---
Koru Motors predicted a profit of ten billion yen for the year to October, vice president Ken Sato told a press conference.

The company earlier posted a net profit of 1.6 billion yen for the first half, down 77 pct from a year earlier.

The fall was due to the stronger yen, which cut 55 billion yen off sales, Sato said.

Koru expects exports of 1.1 million vehicles this year, up seven pct, he said.

Koru will pay an unchanged dividend of 3.5 yen for the first half, Sato said.
`,
};

describe('a statement opening by referring back to the paragraph before', () => {
  const ask = askedStories(RESULTS_ARTICLES);

  it('is ranked by what that paragraph reports', async () => {
    const answer = await ask("What did Ken Sato blame for Koru's shrinking first-half earnings?");
    expect(answer.passages[0]!.text).toMatch(/due to the stronger yen/);
  });

  it('opens with a demonstrative, or "the" and a change the story reported', () => {
    expect(refersBack('The fall was due to the stronger yen, Sato said.')).toBe(true);
    expect(refersBack('The sharp rise reflected higher prices, he said.')).toBe(true);
    expect(refersBack('This was the lowest level since 1980, he said.')).toBe(true);
    expect(refersBack('The company will pay an unchanged dividend, he said.')).toBe(false);
    expect(refersBack('Thistle shares fell, he said.')).toBe(false);
  });
});

/**
 * A footballer's words on the criticism of his playing, in a story on his club's win, and the same words on
 * his country's team, in a newer story on an international.
 */
const OCCASION_ARTICLES: Record<string, string> = {
  'club-win.md': `---
title: Dawe delighted with Madrid display
published: 2005-03-20
---
Mark Dawe scored the first goal as Madrid beat Sevilla 3-1 on Wednesday.

"People have criticised how I have been playing, but I have had good months too," Dawe said.
`,
  'international.md': `---
title: England beat Wales
published: 2005-04-07
---
England beat Wales 2-0 in the qualifier on Saturday.

"People have criticised how the team has been playing, but we answered them tonight," Mark Dawe said.
`,
};

describe('a speaker question naming the occasion beside its topic', () => {
  const ask = askedStories(OCCASION_ARTICLES);

  it('ranks the statements said on that occasion first', async () => {
    const answer = await ask(
      "What did Mark Dawe say about the criticism of how he's been playing at Madrid?",
    );
    expect(answer.passages[0]!.text).toMatch(/how I have been playing/);
  });
});

/**
 * A farm minister's passing remark on the talks in a story about the beef quota all through, beside her
 * demand on the quota in a story about her farm tour.
 */
const STORY_WEIGHT_ARTICLES: Record<string, string> = {
  'quota-talks.md': `---
title: Beef quota talks resume in Tokyo
published: 2005-06-01
---
Talks on Japan's beef quota resumed in Tokyo on Monday.

Japan's beef quota limits imports of American beef to 200,000 tonnes a year.

American beef exporters say the quota costs them a billion dollars a year.

The quota talks would go on next week, Ann Lowe said.
`,
  'farm-tour.md': `---
title: Minister tours Iowa farms
published: 2005-06-02
---
Ann Lowe toured farms in Iowa on Tuesday.

Lowe said Japan must lift its beef quota and let consumers buy American beef.

The farms grow corn and soybeans.
`,
};

describe("a speaker's statement on the topic in a story about something else", () => {
  const ask = askedStories(STORY_WEIGHT_ARTICLES);

  it('outranks her passing remark in a story about the topic all through', async () => {
    const answer = await ask("What did Ann Lowe say about Japan's beef quota?");
    expect(answer.passages[0]!.text).toMatch(/must lift its beef quota/);
  });
});
