import { describe, expect, it } from 'vitest';
import { countedThing } from '../src/search/counted-thing.js';
import {
  oneEditAway,
  withChatSpellings,
  withoutKindOf,
  withPeriodsWritten,
} from '../src/search/searched-forms.js';
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

describe('a word no story holds, read as the stories write it', () => {
  it('finds the stories that write it apart: "walmart" is Wal-Mart', async () => {
    const answer = await ask('why are parents suing walmart?');
    expect(answer.found).toBe(true);
    expect(answer.passages[0]!.text).toMatch(/suing US supermarket giant Wal-Mart/);
  });

  it('reads a misspelt word as the word one letter away that the stories hold most', async () => {
    const answer = await ask('what will the county review about its charegs for pupisl?');
    expect(answer.found).toBe(true);
    expect(answer.passages[0]!.text).toMatch(/review its charges for pupils/);
  });
});

describe('"what kind of X"', () => {
  it('is asked as "what X", in chat spelling too, leaving other kinds alone', () => {
    expect(withoutKindOf('what kinda punishment did the Arsenal boss get?')).toBe(
      'what punishment did the Arsenal boss get?',
    );
    expect(withoutKindOf('What sort of deal and which types of bonds were sold?')).toBe(
      'What deal and which bonds were sold?',
    );
    expect(withoutKindOf('Is this kind of deal common?')).toBe('Is this kind of deal common?');
  });
});

describe('chat spellings of question words', () => {
  it('are read as the question word in lower case or first, whatever the index holds ("Wat Arun")', () => {
    expect(withChatSpellings('wat did the eaton vance economist say? thx')).toBe(
      'what did the eaton vance economist say? thx',
    );
    expect(withChatSpellings('Wut is the Fed doing? hw much will rates rise?')).toBe(
      'What is the Fed doing? how much will rates rise?',
    );
  });

  it('write out the chat spellings of other words, never a letter of an abbreviation', () => {
    expect(withChatSpellings('pls can u tell me what the u.s. thinks abt ur u-turn? gonna ask')).toBe(
      'please can you tell me what the u.s. thinks about your u-turn? going to ask',
    );
  });

  it('write out "r" and "cos", so that "how many ships r stuck" counts ships, not "stuck"', () => {
    const question = withChatSpellings('hey how many ships r stuck at chittagong cos of the strike?');
    expect(question).toBe('hey how many ships are stuck at chittagong because of the strike?');
    expect(countedThing(question)).toBe('ships');
  });

  it('write out "aussie" as wire copy writes the nation, capitalised too', () => {
    expect(withChatSpellings("hey what's the world bank's aussie dollar zero coupon priced at??")).toBe(
      "hey what's the world bank's australian dollar zero coupon priced at??",
    );
    expect(withChatSpellings('How are the Aussies doing against the Aussie dollar?')).toBe(
      'How are the Australians doing against the Australian dollar?',
    );
  });

  it('write out "y", "wen", "ppl", "b4" and "govt", never within a word or a code ("g7", "2b4")', () => {
    expect(withChatSpellings('y did ppl leave b4 the govt vote, and wen? ask the G7 about 2b4')).toBe(
      'why did people leave before the government vote, and when? ask the G7 about 2b4',
    );
  });

  it('write a word left without its apostrophe with it ("whats", "dont")', () => {
    expect(withChatSpellings('whats the cash offer if u dont want the paper? didnt they say?')).toBe(
      "what's the cash offer if you don't want the paper? didn't they say?",
    );
    expect(withChatSpellings('Whats Arnold Safer been saying?')).toBe("What's Arnold Safer been saying?");
  });

  it('leave a capitalised word after the first alone: a name or an abbreviation', () => {
    expect(withChatSpellings('When did Wat Arun reopen? Is HW cheaper? Did BC or U Thant?')).toBe(
      'When did Wat Arun reopen? Is HW cheaper? Did BC or U Thant?',
    );
  });

  it('leave a first word alone when a capitalised word follows it: a name ("Wen Jiabao")', () => {
    expect(withChatSpellings("Wen Jiabao's view on the yuan? Wen is it due?")).toBe(
      "Wen Jiabao's view on the yuan? Wen is it due?",
    );
    expect(withChatSpellings('Wen is the Wen Jiabao visit?')).toBe('When is the Wen Jiabao visit?');
  });
});

describe('shorthands for part of a year', () => {
  it('are written as news writes them, not read as names', () => {
    expect(withPeriodsWritten('how much did Ask Jeeves make in Q4? and in q1?')).toBe(
      'how much did Ask Jeeves make in fourth quarter? and in first quarter?',
    );
    expect(withPeriodsWritten('What were H1 sales?')).toBe('What were first half sales?');
  });

  it('leave longer codes alone ("Q45", "H1N1", "Q5")', () => {
    expect(withPeriodsWritten('Is the Q45 or the Q5 sold with H1N1 warnings?')).toBe(
      'Is the Q45 or the Q5 sold with H1N1 warnings?',
    );
  });
});

describe('oneEditAway', () => {
  it('holds every word a letter left out, swapped, changed or added makes, not the word', () => {
    const edits = oneEditAway('numbrs');
    expect(edits).toEqual(expect.arrayContaining(['numbers', 'numbr', 'nubmrs', 'numbrz']));
    expect(edits).not.toContain('numbrs');
    expect(new Set(edits).size).toBe(edits.length);
  });
});
