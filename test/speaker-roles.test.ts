import { describe, expect, it } from 'vitest';
import { askedStories } from './helpers/asked-stories.js';

/** Articles written for these tests: roles next to near roles, organisations only the article names, namesakes. */
const ARTICLES: Record<string, string> = {
  'toyota.md': `---
title: Toyota lifts its profit forecast
published: 2005-02-01
---
Toyota raised its full-year profit forecast on Tuesday after strong sales of its hybrid cars in North America.

President Fujio Cho said the carmaker would build two more plants to keep up with demand for hybrids.
`,
  'nissan.md': `---
title: Nissan sales slow in Japan
published: 2005-02-02
---
Nissan reported weaker sales at home, where its new models have failed to catch on with younger buyers.

President Carlos Ghosn said the company would cut prices on its small cars before the spring.
`,
  'commons.md': `---
title: Ministers clash over Iran policy in the Commons
published: 2005-02-03
---
Foreign Secretary Jack Straw has warned that talks with Iran over its nuclear programme could yet collapse.

Shadow foreign secretary Michael Ancram said the government had been far too slow to involve Washington.

Prime Minister Tony Blair told MPs that diplomacy remained the only sensible course.
`,
  'anfield.md': `---
title: Reds prepare for the derby
published: 2005-02-04
---
Liverpool manager Rafael Benitez said his squad was ready for the derby despite a long list of injuries.

Assistant manager Pako Ayestaran said the players had trained twice a day all week.
`,
  'tennis.md': `---
title: Sisters meet again in the final
published: 2005-02-05
---
Venus Williams beat her sister in the final on Saturday.

Serena Williams said she was tired after a long season on the tour.

Williams said it had been a tough match against a player who knows her game.
`,
  'recruits.md': `---
title: Kremlin recruits from poorer regions, says ministry
published: 2005-02-06
---
The British Ministry of Defence said the army had suffered heavy losses in the east this winter.

The ministry also accused the Kremlin of selectively recruiting soldiers from poorer regions of the country.

Moscow places far less value on the lives of ethnic minority conscripts, with recruitment focused on them.
`,
  'volcker.md': `---
title: Volcker exit a shock for markets, banker says
published: 2005-02-07
---
The departure of the Federal Reserve chairman is a shock for financial markets, Hans Mast, senior economic adviser to Credit Suisse First Boston, said.

"Greenspan is more of a politician than an academician," Mast said of the chairman's successor.
`,
  'weak-dollar.md': `---
title: Weak dollar hits media group's revenues
published: 2005-02-08
---
Revenues at media group Reuters slipped 11% during 2004, mainly due to the weakness of the dollar.

"Strong cost discipline positions us well for 2005," chief executive Tom Glocer said.
`,
  'ore-reserves.md': `---
title: Homestake mulls buying ore reserves
published: 2005-02-09
---
Homestake Mining is considering buying more gold ore reserves, chief executive Harry Conger told Reuters in an interview.
`,
  'totalizator.md': `---
title: International Totalizator sees a first quarter loss
published: 2005-02-10
---
International Totalizator Systems Inc Vice President of Finance Joel Graff said he expects an improved first quarter.
`,
};

const ask = askedStories(ARTICLES);
const speakerOf = async (question: string) => (await ask(question)).speaker?.name;

describe('speaker questions by role', () => {
  it('keeps the foreign secretary and the shadow foreign secretary apart', async () => {
    expect(await speakerOf('What did the foreign secretary say?')).toBe('Jack Straw');
    expect(await speakerOf('What did the shadow foreign secretary say?')).toBe('Michael Ancram');
  });

  it('keeps the Liverpool manager and the assistant manager apart', async () => {
    expect(await speakerOf('What did the Liverpool manager say?')).toBe('Rafael Benitez');
    expect(await speakerOf('What did the assistant manager say?')).toBe('Pako Ayestaran');
  });

  it("reads a role with the organisation its article is about: Toyota's president is not Nissan's", async () => {
    const toyota = await ask("What did Toyota's president say?");
    expect(toyota.speaker?.name).toBe('Fujio Cho');
    expect(toyota.passages[0]!.text).toMatch(/two more plants/);
    expect(await speakerOf("what did Nissan's president say?")).toBe('Carlos Ghosn');
  });

  it('reads a role with the organisation it belongs to, not the one the words were told to', async () => {
    expect(await speakerOf("What did Reuters' chief executive say?")).toBe('Tom Glocer');
  });

  it('reads common short forms of roles', async () => {
    expect(await speakerOf('what did the PM tell MPs?')).toBe('Tony Blair');
    expect(
      await speakerOf("What did International Totalizator's VP of finance say about the first quarter?"),
    ).toBe('Joel Graff');
  });

  it('reads an organisation by its abbreviation: the MoD is the British Ministry of Defence', async () => {
    const answer = await ask(
      'Good morning, could you find what the MoD said about ethnic minority soldiers?',
    );
    expect(answer.speaker?.name).toBe('British Ministry of Defence');
    // Its statement goes on, unattributed, in the next paragraph: shown with it, as it holds the topic.
    expect(answer.passages[0]!.text).toMatch(/selectively recruiting[\s\S]*ethnic minority conscripts/);
  });

  it('finds who holds a role the story writes beside the name when no stored role fits', async () => {
    const answer = await ask("What did Credit Suisse First Boston's economic adviser say about Greenspan?");
    expect(answer.speaker?.name).toBe('Hans Mast');
    expect(answer.passages[0]!.text).toMatch(/more of a politician than an academician/);
  });
});

/**
 * Roles several people hold, offices named by long titles, and a firm quoted beside its people, as the
 * fresh batches asked of the Reuters stories: an archive of their own.
 */
const FRESH_ARTICLES: Record<string, string> = {
  'mead.md': `---
title: Mead expects improved earnings this year
published: 2005-02-10
---
Mead Corp said the outlook for its major paper markets looks strong for the second quarter.

"The generally strong outlook bodes well for significantly improved earnings this year," Burnell Roberts, chairman and chief executive officer said.
`,
  'noranda.md': `---
title: Noranda Forest sees higher profit
published: 2005-02-11
---
Chairman Adam Zimmerman said the forest company would earn more than 165 mln dlrs this year.
`,
  'freeman.md': `---
title: Goldman comments on Freeman indictment
published: 2005-02-12
---
Goldman, Sachs and Co, responding to the indictment of Robert Freeman, who heads its risk arbitrage unit, said it believes he did not violate insider trading laws.

"Based on all we now know, we continue to believe in him," the company said in a statement.
`,
  'pennsylvania.md': `---
title: Goldman sells First Pennsylvania stake
published: 2005-02-13
---
Goldman Sachs said it sold most of its stake in First Pennsylvania Corp.

Bank shares should rise faster this year, said Vishnu Sharp of Goldman Sachs.
`,
  'rolls.md': `---
title: Government to inject 283 mln stg into Rolls Royce
published: 2005-02-15
---
Secretary of State for Trade and Industry Paul Channon said the capital injection would give Rolls Royce a sound balance sheet.

Industry Secretary Patricia Hewitt said the trade figures for Rolls Royce engines were strong.
`,
};

describe('speaker questions by role or organisation (the fresh batches)', () => {
  const ask = askedStories(FRESH_ARTICLES);
  const speakerOf = async (question: string) => (await ask(question)).speaker?.name;

  it("reads one of two offices held together: Mead's chairman is its chairman and chief executive", async () => {
    const answer = await ask("How did Mead's chairman see this year's earnings?");
    expect(answer.speaker?.name).toBe('Burnell Roberts');
    expect(answer.passages[0]!.text).toMatch(/bodes well for significantly improved earnings/);
  });

  it('reads a title with "for" and "and" as the role: the trade and industry secretary', async () => {
    expect(await speakerOf('What did the trade and industry secretary say about Rolls Royce?')).toBe(
      'Paul Channon',
    );
  });

  it('reads an organisation by its own statements, not by the people named "of" it', async () => {
    const answer = await ask('How did Goldman Sachs respond to the indictment of its arbitrage chief?');
    expect(answer.speaker?.name.split(' / ')).toEqual(['Goldman Sachs', 'Goldman Sachs and Co']);
    expect(answer.passages[0]!.text).toMatch(/did not violate insider trading laws|continue to believe/);
  });
});

describe('speaker questions over namesakes and reported speech', () => {
  it('credits the sister named nearest before a bare surname', async () => {
    const answer = await ask('What did Serena Williams say?');
    expect(answer.passages.map((p) => p.text).join('\n')).toContain('it had been a tough match');
    // Venus is named but never quoted: nothing of hers to list, and nothing of Serena's credited to her.
    expect((await ask('What did Venus Williams say?')).speaker).toBeNull();
  });

  it('counts "has warned that" as a statement, ranked by a topic in other words', async () => {
    const answer = await ask('what has Straw said about Tehran?');
    expect(answer.speaker?.name).toBe('Jack Straw');
    expect(answer.passages[0]!.text).toMatch(/has warned that talks with Iran/);
  });
});

/** A firm quoted only under its full name, and an analyst of it quoted more often, with the firm as his role. */
const FIRM_ARTICLES: Record<string, string> = {
  'salomon-suit.md': `---
title: Salomon Brothers answers lawsuit
published: 2005-03-01
---
Salomon Brothers Inc, responding to a lawsuit filed by former clients, said it believes the claims are without merit and will contest them.
`,
  'salomon-analyst.md': `---
title: Bank shares seen rising
published: 2005-03-02
---
Bank shares should rise faster this year, said John Doyle of Salomon Brothers Inc.

Doyle said regional banks would lead the rise. He said insurers would follow.
`,
};

describe('speaker questions naming a firm without the word ending its name', () => {
  const ask = askedStories(FIRM_ARTICLES);

  it('reads "Salomon Brothers" as the firm Salomon Brothers Inc, not the analyst whose role it is', async () => {
    const answer = await ask('How did Salomon Brothers respond to the lawsuit by its former clients?');
    expect(answer.speaker?.name).toBe('Salomon Brothers Inc');
    expect(answer.passages[0]!.text).toMatch(/claims are without merit/);
  });
});

/** Organisations quoted under a short form of the name a question gives them, as the ninth batch asked. */
const SHORT_FORM_ARTICLES: Record<string, string> = {
  'nzier.md': `---
title: NZ inflation seen easing
published: 2005-03-03
---
New Zealand's inflation should decline in the coming year, the Institute of Economic Research (NZIER) said.

"Falling inflation is likely to give significant scope for reductions in nominal interest rates," the NZIER said.
`,
  'roadmap.md': `---
title: Carmaker cuts its profit forecast
published: 2005-03-04
---
General Motors has cut its profit forecast for the year after weak sales of its large cars.

"The company is heading for a strong year in Canada," GM Canada president George Peapples said.

"We're following a roadmap that we believe will deliver strong results," GM chief executive Rick Wagoner said.
`,
};

describe('speaker questions naming an organisation by a longer name than the stories give it', () => {
  const ask = askedStories(SHORT_FORM_ARTICLES);

  it('reads the NZ Institute of Economic Research as the NZIER', async () => {
    const answer = await ask(
      'Why does the NZ Institute of Economic Research think borrowing costs can come down?',
    );
    expect(answer.speaker?.name).toContain('NZIER');
    expect(answer.passages[0]!.text).toMatch(/scope for reductions in nominal interest rates/);
  });

  it('reads the boss of General Motors as its chief executive, written with "GM", not its Canada president', async () => {
    const answer = await ask('What did the boss of General Motors say about where the company is heading?');
    expect(answer.speaker?.name).toBe('Rick Wagoner');
    expect(answer.passages[0]!.text).toMatch(/following a roadmap/);
  });
});

/** One office held by two people years apart, written two ways, each quoted on another topic. */
const OFFICE_ARTICLES: Record<string, string> = {
  'debt-relief.md': `---
title: Rich nations agree debt relief
published: 2005-02-05
---
UK chancellor Gordon Brown said the London meeting would be remembered as the debt relief summit.

UK chancellor Gordon Brown said the Bank of England would be consulted on the aid money.
`,
  'sterilise.md': `---
title: Lawson says intervention will be sterilised
published: 1987-06-10
---
U.K. Chancellor of the Exchequer Nigel Lawson said he expected the currency intervention to be sterilised by draining excess sterling from the market.
`,
};

/** One office held by two people in turn, the later one stored without the country; another country's holder. */
const SUCCESSION_ARTICLES: Record<string, string> = {
  'funaro-debt.md': `---
title: Brazil suspends interest payments
published: 1987-02-20
---
Brazil's Finance Minister Dilson Funaro said the country would suspend interest payments on its commercial debt.

"We cannot pay the debt with recession," Funaro said, adding that talks with the banks would have to wait.
`,
  'bresser-plan.md': `---
title: Brazil's economic plan may permit new debt talks
published: 1987-06-02
---
Brazil's new economic plan should allow talks with creditors on the foreign debt to resume within a month, Finance Minister Luiz Carlos Bresser Pereira said.
`,
  'gaviria-loans.md': `---
title: Colombia will not follow Brazil
published: 1987-03-02
---
Colombian finance minister Cesar Gaviria said Colombia would keep paying its debt, unlike Brazil.

Finance Minister Cesar Gaviria said talks with creditors on new loans would resume soon.
`,
};

describe('speaker questions by an office its holders held in turn', () => {
  const ask = askedStories(SUCCESSION_ARTICLES);

  it("asks every holder of Brazil's finance ministry the stories confirm, and ranks them by the topic", async () => {
    const answer = await ask("What did Brazil's finance minister say about resuming talks with creditors?");
    expect(answer.speaker?.name).toContain('Dilson Funaro');
    expect(answer.speaker?.name).toContain('Luiz Carlos Bresser Pereira');
    // Colombia's finance minister is quoted beside Brazil's name, but his office is written as Colombia's.
    expect(answer.speaker?.name).not.toContain('Cesar Gaviria');
    expect(answer.passages[0]!.text).toMatch(/Bresser Pereira said/);
    // Without a topic, nothing ranks several people's statements: the holder written as asked alone.
    expect((await ask("What did Brazil's finance minister say?")).speaker?.name).toBe('Dilson Funaro');
  });
});

describe('speaker questions by a role several people held, written another way', () => {
  const ask = askedStories(OFFICE_ARTICLES);

  it('asks the UK chancellor quoted on the topic, though his role is written "Chancellor of the Exchequer"', async () => {
    const answer = await ask(
      "What did the UK chancellor say about sterilising the Bank of England's currency intervention?",
    );
    expect(answer.speaker?.name).toContain('Nigel Lawson');
    expect(answer.passages[0]!.text).toMatch(/intervention to be sterilised/);
    // Asked on what he was quoted on, the chancellor written as asked is asked alone.
    expect((await ask('What did the UK chancellor say about the debt relief summit?')).speaker?.name).toBe(
      'Gordon Brown',
    );
  });
});

/** A role stored without its organisation, whose name of several words the story writes once, then by initials. */
const OWNER_ARTICLES: Record<string, string> = {
  'cbt-renovation.md': `---
title: CBT discusses renovation
published: 1987-03-10
---
Chicago Board of Trade (CBT) futures markets could face upheaval if the exchange goes ahead with a planned renovation.

Another CBT official, executive vice president George Sladoje, said the issue would be discussed on Friday.

"We've looked at five or six different alternatives for the trading floors," Sladoje said.
`,
  'dome-loss.md': `---
title: Dome takes a writedown
published: 1987-03-31
---
Dome Petroleum Ltd, reporting a 2.20 billion dlr 1986 loss, said the loss was mainly due to write downs.

"The dramatic drop in energy prices in early 1986 reverses much of the progress the company has made," Dome chairman J. Howard Macdonald said in a statement.

"But even a net loss of this magnitude has very little bearing on the day-to-day operations of Dome," chairman Macdonald said.
`,
  'pipeline-loss.md': `---
title: Pipeline company reports a loss
published: 1987-03-12
---
Chairman Robert Blair said the 1986 loss at the pipeline company came from lower gas sales.
`,
  'tsunami-poverty.md': `---
title: Asia quake increases poverty risk
published: 2005-01-13
---
Nearly two million people across Asia could be thrown into poverty because of the Indian Ocean tsunami, the Asian Development Bank (ADB) has said.

In its first overview of the disaster, the ADB said the impact on economic growth would be slight because major cities and factories escaped damage. But the blow to many low-income people could be "enormous". The Paris Club of rich creditor nations on Wednesday offered to freeze debts owed by tsunami-hit countries.

Other countries believe their economies are strong enough to cope or wish to avoid being viewed as credit risks. "Poverty is potentially the most important impact of this natural disaster," said ADB chief economist Ifzal Ali.
`,
  'rail-timetable.md': `---
title: Amtrak changes its timetable
published: 1987-03-11
---
Executive vice president Mary Jones said the new timetable would add trains on the busiest routes.
`,
};

describe('speaker questions by a role asked of an organisation named in several words', () => {
  const ask = askedStories(OWNER_ARTICLES);

  it("reads the Chicago Board of Trade's executive VP from the story naming it", async () => {
    const answer = await ask(
      "What did the Chicago Board of Trade's executive VP say about renovating the trading floors?",
    );
    expect(answer.speaker?.name).toBe('George Sladoje');
    expect(answer.passages.map((p) => p.text).join('\n')).toMatch(/five or six different alternatives/);
  });

  // A one-word office ("chairman") is read with the organisation's whole name too; a bare "chief" is not
  // (see ownerOf): the chairman is the company's, not the company's own statements or another chairman's.
  // An office in an organisation's possessive is its holder's: the bank's own words are no answer.
  it("answers the Asian Development Bank's chief economist from his statements, not the bank's", async () => {
    const answer = await ask(
      "What did the Asian Development Bank's chief economist say about the tsunami leaving people destitute?",
    );
    expect(answer.speaker?.name).toBe('Ifzal Ali');
    expect(answer.passages[0]!.text).toMatch(/most important impact of this natural disaster/);
  });

  it("reads Dome Petroleum's chairman from the story naming the company", async () => {
    const answer = await ask("What did Dome Petroleum's chairman say about the 1986 loss?");
    expect(answer.speaker?.name).toBe('Howard Macdonald');
    expect(answer.passages[0]!.text).toMatch(/net loss of this magnitude/);
  });
});

/** A company's spokesperson credited to the company, its name longer than the one a question gives. */
const OWN_OFFICE_ARTICLES: Record<string, string> = {
  'honda-exports.md': `---
title: Honda vehicle exports fall in May
published: 1987-06-20
---
Honda Motor Co Ltd said its vehicle exports in May fell 11.4 pct from a year earlier to 54,982.

Honda shipped 34,701 vehicles to the U.S. in May, but total shipments to North America fell 8.3 pct to 39,009, due to increased assembly there, a company spokeswoman said.
`,
  'honda-robot.md': `---
title: Honda robot learns to run
published: 2005-01-10
---
Honda has shown a new version of its walking robot, which can now run and climb stairs.

The robot could one day work in homes and offices, a Honda spokesman said.

Honda will show the robot in Europe next year, a Honda spokesman said.

Honda hopes to sell robots to hospitals within ten years, a Honda spokesman said.
`,
};

describe('speaker questions by an office at the organisation the speaker is', () => {
  const ask = askedStories(OWN_OFFICE_ARTICLES);

  it('reads the Honda spokeswoman as Honda Motor Co Ltd, the company her words are credited to', async () => {
    const answer = await ask('What did the Honda spokeswoman say about shipments to North America?');
    expect(answer.speaker?.name.split(' / ')).toContain('Honda Motor Co Ltd');
    expect(answer.passages[0]!.text).toMatch(/total shipments to North America fell/);
  });
});
