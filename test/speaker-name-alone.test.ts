import { describe, expect, it } from 'vitest';
import { askedStories } from './helpers/asked-stories.js';

/**
 * A minister quoted with his full name and office in one story, and in another written in lower case, where
 * the ingest reads no name in "energy minister arturo j. salas grisanti said" and stores "Salas was speaking
 * ... he said" under the surname alone. And a boxer of the same surname, quoted under it alone in a story
 * in lower case that names them both. Real model, real SQLite, made-up stories.
 */
const ARTICLES: Record<string, string> = {
  'backing.md': `---
title: Venezuela backs Ecuador's quota bid
published: 1987-06-20
---
Venezuela will back Ecuador's bid for a higher output quota, Venezuelan Energy Minister Arturo Salas Grisanti said.

"Ecuador has a right to produce more," Salas Grisanti told reporters.
`,
  'loan.md': `---
title: VENEZUELA TO LEND OIL TO ECUADOR
published: 1987-03-11
---
venezuela will supply ecuador with crude oil after the earthquake, energy minister arturo j. salas grisanti said.

Salas was speaking to reporters at the presidential palace after talks with ecuador's deputy minister.

"the volume lent to ecuador would be taken from its opec quota and would not affect ours," he said.
`,
  'boxing.md': `---
title: SALAS KEEPS HIS TITLE
published: 1987-05-02
---
boxer luis salas kept his lightweight title in caracas on saturday, watched by energy minister arturo salas grisanti.

"the oil money behind this fight paid for the best quota of sparring partners," Salas said.
`,
  'rematch.md': `---
title: Salas wants a rematch
published: 1987-05-09
---
"I will fight him again in the summer," Luis Salas said.
`,
};

describe('a surname stored alone', () => {
  const ask = askedStories(ARTICLES);

  it('is the person asked in a story that writes his full name, in any case', async () => {
    const answer = await ask(
      "What did Venezuela's energy minister say about lending oil within Ecuador's OPEC quota?",
    );
    expect(answer.speaker?.name).toBe('Arturo Salas Grisanti');
    expect(answer.passages.map((passage) => passage.text)).toContainEqual(
      expect.stringMatching(/volume lent to ecuador/),
    );
  });

  it('is no one else in a story that names someone else of that surname', async () => {
    const answer = await ask('What did Arturo Salas Grisanti say about the oil money and the quota?');
    expect(answer.passages.map((passage) => passage.text)).not.toContainEqual(
      expect.stringMatching(/sparring partners/),
    );
  });
});
