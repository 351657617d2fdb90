import { describe, expect, it } from 'vitest';
import { parseSpeakerQuestion } from '../src/search/parse-question.js';
import { namedUncredited } from '../src/search/speaker-retriever.js';
import { initialsSpelledOut } from '../src/search/term-match.js';
import type { PassageRecord } from '../src/store/passage-store.js';
import { askedStories } from './helpers/asked-stories.js';

/**
 * A speaker named in full in a story's lead, with the verb of saying far from the name, which attribution
 * credits to no one; the story quotes him by his surname after. And an analyst whose lead names the company
 * in full, asked about by its initials, which her later statements write. A finance minister's statements
 * on a deficit, one giving its cause. A governor's position, reported in the lead with a verb of stance
 * ("defended") that attribution reads as no speech, his quotes after it on other points.
 * Real model, real SQLite, made-up stories.
 */
const ARTICLES: Record<string, string> = {
  'sugar.md': `---
title: Growers see end to export dispute
published: 2005-03-01
---
A settlement could soon be reached in the dispute between the beet growers and the ministry over export permits, Marc Dubois, president of the growers' cooperative Sucrex, which is leading the protest, told journalists today.

Dubois said that the protest, involving 700,000 tonnes of beet, was prompted by the ministry's policy of cutting rebates since last spring.

Dubois would not say what form any compromise would take.
`,
  'sugar-later.md': `---
title: Sucrex keeps its beet in store
published: 2005-04-01
---
Sucrex is not planning to sell the beet it has placed in store, its president Marc Dubois said.
`,
  'software.md': `---
title: Analyst sees rebound at ODS
published: 2005-03-02
---
Orion Data Systems Corp, hit by a two-year slump in earnings, should begin a come-back by the end of the year, analyst Ruth Kane of Bellamy Brothers Inc said.

"There will be increasing momentum in earnings, albeit not until later this year," Kane said.

In contrast to its rivals, ODS faltered with an old product line, and ODS sales fell, she said.

Kane said she did not view ODS as a threat to its rivals, nor its rivals as a threat to ODS.

Kane said sales of ODS servers fell about 13 pct last year, and ODS will need new products.
`,
  'budget.md': `---
title: Budget deficit highest since 1979
published: 2005-03-03
---
The budget deficit for 2004 reached 7.1 billion crowns, the highest since 1979, finance minister Ivo Marek told parliament.

Marek said the 2004 budget deficit was due to excess spending on construction and to losses at state firms.

Marek said the 2004 budget deficit would be covered by bond sales, and the 2004 budget deficit should shrink.
`,
  'plant.md': `---
title: Hollis to build plant in Arden
published: 2005-03-05
---
Hollis Motors will build a car plant in the north, its chairman Tom Reyes said.

Terms were not disclosed because of a confidentiality clause. Reyes said Hollis picked Arden.

Reyes said Hollis picked Arden because it has a trained workforce, good roads to the port and cheap land beside the river.
`,
  'lamps.md': `---
title: Safety chief backs daytime lights
published: 2005-03-06
---
Road safety director Ann Rowe proposed that new cars carry daytime running lights.

Rowe said crashes had fallen in countries where such lights were in use.
`,
  'belts.md': `---
title: Safety chief on seat belts
published: 2005-03-07
---
Road safety director Ann Rowe said drivers keeping to the rules on seat belts had saved many lives.

Rowe said the rules on belts would stay in force during the day and at night.
`,
  'reserves.md': `---
title: Central bank stands by its reserves policy
published: 2005-03-04
---
Central bank governor Ken Ota defended the policy of holding most of the country's foreign exchange reserves in U.S. dollars, citing similar policies in Germany and Japan.

The reserves, now a record 56 billion dollars, are among the world's largest.

Ota said the central bank would further relax its foreign exchange rules.

Ota said the revised rules had been sent to the cabinet for approval.
`,
  'harbour.md': `---
title: Minister sees bright future for harbour
published: 2005-03-08
---
Transport minister Lena Voss forecast a bright future for the Kelby harbour after talks with its owners on the cost of dredging.

Speaking at a lunch after an hour-long meeting with the owners, Voss gave a strong endorsement of the board.

"There are golden years ahead for the port and the town. We will not let the owners down."

Voss said dredging would start in the spring.
`,
  'ferry.md': `---
title: Minister backs ferry link
published: 2005-03-09
---
Transport minister Lena Voss said the ferry link to Orme would stay open after talks with the operator.

The operator's chief Dan Hale said he had asked for a subsidy to keep the link open.

"We cannot run it at a loss for ever," he said.
`,
};

const ask = askedStories(ARTICLES);

describe("a story's lead naming the speaker in full, credited to no one", () => {
  it("is one of the speaker's statements, ranked by the topic", async () => {
    const answer = await ask('What did Marc Dubois say about a settlement of the export dispute?');
    expect(answer.speaker?.name).toBe('Marc Dubois');
    expect(answer.passages[0]!.text).toMatch(/A settlement could soon be reached/);
  });
  it('holds the position the lead reports with a verb of stance, not of saying ("defended")', async () => {
    const answer = await ask('How did Ken Ota justify keeping the reserves in dollars?');
    expect(answer.speaker?.name).toBe('Ken Ota');
    expect(answer.passages[0]!.text).toMatch(/citing similar policies in Germany and Japan/);
  });
  it('is found where the name in full is the subject of a verb of saying, not where another says of it', () => {
    const at = (id: number, text: string) => ({ id, articleId: 1, ordinal: id, text }) as PassageRecord;
    const found = namedUncredited(
      [
        at(
          1,
          'Sales rose. A deal is near, Marc Dubois, head of Sucrex, which leads the protest, told journalists.',
        ),
        at(2, "Marc Dubois's plan was praised, analysts said."),
        at(3, 'Marc Dubois will close the plant next month, a company source said.'),
        at(4, 'Dubois said the talks went well.'),
        at(5, 'Marc Dubois said prices would rise.'),
        at(6, 'Sales of Orion Data Systems Corp fell, analyst Marc Dubois of Bellamy Brothers Inc said.'),
        at(7, 'Sucrex Holdings Ltd <SUCX.PA> said profit rose.'),
        at(8, 'Marc Dubois, head of Sucrex, defended the export permits.'),
        at(9, 'Marc Dubois proposed a levy on imports. Marc Dubois forecast higher prices.'),
        at(10, 'Marc Dubois was defended by his lawyers.'),
        at(11, 'Marc Dubois forecasts higher prices, and Marc Dubois proposes a levy.'),
      ],
      ['Marc Dubois', 'Dubois', 'Sucrex Holdings'],
      new Set([5]),
    );
    expect([...found.keys()]).toEqual([1, 6, 7, 8, 9, 11]);
    expect(found.get(1)).toEqual({ start: 12, end: 99 });
  });
});

describe('a question asking what the speaker blamed', () => {
  it('puts first the statement that gives a cause', async () => {
    const answer = await ask('What did Ivo Marek blame for the 2004 budget deficit?');
    expect(answer.passages[0]!.text).toMatch(/was due to excess spending/);
  });
  it('is read as asking for a cause, and no other speaker question is', () => {
    expect(parseSpeakerQuestion('What did Ivo Marek blame for the 2004 budget deficit?')?.blamed).toBe(true);
    expect(
      parseSpeakerQuestion('What did Ivo Marek say about the 2004 budget deficit?')?.blamed,
    ).toBeUndefined();
  });
});

describe('a speaker question asking why', () => {
  it("puts first the statement giving the speaker's reason, not narration's cause beside another", async () => {
    const answer = await ask('Why did Tom Reyes say Hollis picked Arden?');
    expect(answer.passages[0]!.text).toMatch(
      /^Reyes said Hollis picked Arden because it has a trained workforce/,
    );
  });
});

describe('a topic asked by a word run together from two', () => {
  it('finds the statements saying the thing by its head ("lights" of "headlights")', async () => {
    const answer = await ask('What did Ann Rowe say about headlights?');
    expect(answer.passages[0]!.text).toMatch(/daytime running lights/);
  });
});

describe("a topic asked by a company's initials", () => {
  it('is searched as the name in full that the stories quoting the speaker write', async () => {
    const answer = await ask("What's Ruth Kane been saying about ODS?");
    expect(
      answer.passages
        .slice(0, 3)
        .map((p) => p.text)
        .join('\n'),
    ).toMatch(/should begin a come-back by the end of the year/);
  });
  it('spells out initials in capitals only, with and without the word ending a company name', () => {
    const text = 'Orion Data Systems Corp said so. Later, Orion Data Systems and the Old Dock Society met.';
    expect(initialsSpelledOut('about ODS', () => text)).toEqual(
      new Map([['ods', ['Orion Data Systems', 'Old Dock Society']]]),
    );
    expect(initialsSpelledOut('about ods', () => text).size).toBe(0);
  });
});

describe("a speaker's lead in reported speech, their own words a paragraph or two down", () => {
  it('is shown with the quotation that follows past a line of context, credited to no one', async () => {
    const answer = await ask("What did Lena Voss say about the harbour's future?");
    expect(answer.speaker?.name).toBe('Lena Voss');
    const lead = answer.passages.find((p) => p.text.startsWith('Transport minister Lena Voss forecast'));
    expect(lead?.text).toMatch(/…\n\n"There are golden years ahead for the port and the town\./);
  });
  it('is not shown with a quotation when another speaker is credited before it', async () => {
    const answer = await ask('What did Lena Voss say about the ferry link to Orme?');
    const lead = answer.passages.find((p) =>
      p.text.startsWith('Transport minister Lena Voss said the ferry'),
    );
    expect(lead).toBeDefined();
    expect(lead?.text).not.toMatch(/We cannot run it at a loss/);
  });
});
