import { describe, expect, it } from 'vitest';
import { storyNameText, writesInFull } from '../src/search/resolve-speaker.js';
import { writtenExpression } from '../src/search/speaker-retriever.js';
import { askedStories } from './helpers/asked-stories.js';

/**
 * A congressman stored only as "Edward Markey", asked as "Ed Markey"; and a Treasury secretary of 1987
 * written "U.S. Treasury Secretary" beside one of 2005 written "US Treasury Secretary". Real model, real
 * SQLite, made-up stories.
 */
const ARTICLES: Record<string, string> = {
  'insider.md': `---
title: Congressman attacks Wall Street ethics
published: 1987-03-10
---
A senior Democrat said the insider trading scandal showed how far ethics had fallen on Wall Street.

"Greed has created a feeding frenzy on Wall Street," Edward Markey told a House subcommittee.
`,
  'tied-aid.md': `---
title: OECD members agree to curb tied aid
published: 1987-03-16
---
Members of the Organization for Economic Cooperation and Development agreed to limit tied aid credits.

U.S. Treasury Secretary James Baker said the agreement culminates the effort to end export credit subsidies.
`,
  'snow.md': `---
title: Snow presses China on its currency
published: 2005-05-18
---
"China should move to a flexible exchange rate as soon as it can," US Treasury Secretary John Snow said on a visit to Beijing.
`,
};

describe('a name or role asked in another written form', () => {
  const ask = askedStories(ARTICLES);

  it('reads a short first name as the full one stored with the rest of the name', async () => {
    const answer = await ask('What did Ed Markey say about the insider trading scandal?');
    expect(answer.speaker?.name).toContain('Edward Markey');
    expect(answer.passages[0]?.text).toContain('feeding frenzy');
  });

  it('reads initials with stops as the same initials without them', async () => {
    const answer = await ask('What did the US Treasury secretary say about the OECD agreement on tied aid?');
    expect(answer.speaker?.name).toContain('James Baker');
    expect(answer.passages[0]?.text).toContain('export credit subsidies');
  });
});

describe('a full name written in a story', () => {
  it('is written with its first name in another form or a middle initial', () => {
    const story = storyNameText(
      'Thomas E. Mulligan, president of the board, said the members voted for dissolution.',
    );
    expect(writesInFull(story, { alone: 'Mulligan', full: 'tom mulligan', namesakes: [] })).toBe(true);
    expect(writesInFull(story, { alone: 'Mulligan', full: 'mark mulligan', namesakes: [] })).toBe(false);
    expect(writtenExpression('Thomas Mulligan')).toBe('NEAR("Thomas" "Mulligan", 1)');
    expect(writtenExpression('new home secretary')).toBe('"new home secretary"');
  });
});
