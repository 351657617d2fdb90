import { describe, expect, it } from 'vitest';
import { askedStories } from './helpers/asked-stories.js';

/** Stories that write a name with a hyphen or a space that a reader runs together. */
const ARTICLES: Record<string, string> = {
  'lyrics.md': `---
title: Wal-Mart is sued over rude lyrics
published: 2005-01-10
---
The parents of a 13-year-old girl are suing US supermarket giant Wal-Mart over a CD by rock group Evanescence that contains swear words.

The lawsuit alleges Wal-Mart deceived customers by not putting warning labels on the cover.
`,
  'toys.md': `---
title: Toy sales slow after Christmas
published: 2005-01-11
---
Toy retailers reported weaker sales in January as shoppers held back after the holiday season.

Analysts said prices of video game consoles had fallen faster than expected.
`,
  'court.md': `---
title: Parents win school transport case
published: 2005-01-12
---
A group of parents has won a court case against the county council over the cost of school buses.

The council said it would review its charges for pupils living more than three miles from school.
`,
};

const ask = askedStories(ARTICLES);

describe('a name asked run together', () => {
  it('finds the stories that write it apart: "walmart" is Wal-Mart', async () => {
    const answer = await ask('why are parents suing walmart?');
    expect(answer.found).toBe(true);
    expect(answer.passages[0]!.text).toMatch(/suing US supermarket giant Wal-Mart/);
  });
});
