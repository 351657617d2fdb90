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
