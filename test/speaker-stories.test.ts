import { describe, expect, it } from 'vitest';
import { askedStories } from './helpers/asked-stories.js';

/**
 * Speaker questions answered from the stories around the statements. A speaker's statement that never
 * repeats the topic asked about, in a story that is about it all through, beside another statement of
 * hers that names the topic's place in passing, in a story about something else. And two analysts of one
 * firm: one stored with the role ("Orbis analyst Maria Lund said"), one whose role the story writes after
 * the name ("said Tom Berger, principal analyst at research firm Orbis"), which attribution does not keep.
 * Real model, real SQLite, made-up stories.
 */
const ARTICLES: Record<string, string> = {
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
