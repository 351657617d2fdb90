import { describe, expect, it } from 'vitest';
import { buildArticle, cleanParagraphs, isCaption } from '../src/ingest/clean.js';
import { parseDateline } from '../src/ingest/dateline.js';
import { splitParagraphs } from '../src/ingest/load-text.js';

describe('cleanParagraphs', () => {
  it('collapses whitespace, drops blank paragraphs and keeps only the first of exact repeats', () => {
    const paragraphs = cleanParagraphs([
      '  Talks resumed\tin Istanbul\u00a0on Monday.\n',
      '',
      '   ',
      'Talks resumed in Istanbul on Monday.',
      'Both sides left without a deal.',
      'Talks resumed in Istanbul on Monday.',
    ]);
    expect(paragraphs).toEqual([
      { text: 'Talks resumed in Istanbul on Monday.', kind: 'body' },
      { text: 'Both sides left without a deal.', kind: 'body' },
    ]);
  });

  it('marks captions in plain text but keeps the kind a loader already knows', () => {
    const paragraphs = cleanParagraphs([
      'The delegations arrive at the Ciragan Palace in Istanbul on Monday morning',
      { text: 'What the talks could mean for Ukraine next year', kind: 'body' },
      { text: 'Delegates.', kind: 'caption' },
    ]);
    expect(paragraphs.map((paragraph) => paragraph.kind)).toEqual(['caption', 'body', 'caption']);
  });
});

describe('isCaption', () => {
  it.each([
    'NATO leaders have warned Vladimir Putin (pictured) that he must meet a deadline.',
    'British foreign minister David Lammy and French foreign minister Jean-Noel Barrot are pictured above',
    'The minister is pictured leaving Downing Street.',
    'The Russian leader has set his conditions for ending the war with Ukraine (Image: Getty)',
    'Smoke rises. (Photo: Reuters)',
    'A still image taken from a video shows soldiers.',
    'A resident runs away from a fire following Russias drone attack in Kharkiv, Ukraine, late Thursday, April 3, 2025',
  ])('treats %j as a caption', (text) => {
    expect(isCaption(text)).toBe(true);
  });

  it.each([
    'We see, Vladimir Putin. We know what youre doing.',
    'Trump famously said Putin was "playing with fire."',
    'Is this the end of the war?',
    'With Lammy saying: We are pledged to continue to put Ukraine in the strongest possible position:',
    'Chelsea 2-1 Arsenal',
    'Background',
  ])('treats %j as body text', (text) => {
    expect(isCaption(text)).toBe(false);
  });
});

describe('parseDateline', () => {
  it.each([
    ['14:12, Tue, Jun 3, 2025 | UPDATED: 14:30, Tue, Jun 3, 2025', '2025-06-03T14:12:00'],
    ['Published: 3 June 2025', '2025-06-03'],
    ['Tue 3 Jun 2025 14.12 BST', '2025-06-03T14:12:00'],
    ['2.30pm, June 3rd, 2025', '2025-06-03T14:30:00'],
    ['June 3, 2025 at 9:05 a.m. EDT', '2025-06-03T09:05:00'],
    ['Updated 14:30 BST, 3 June 2025', '2025-06-03T14:30:00'],
    ['2025-06-03', '2025-06-03'],
    ['2025-06-03 14:12', '2025-06-03T14:12:00'],
    ['2025-06-03T14:12:00Z', '2025-06-03T14:12:00Z'],
    ['Tue, 03 Jun 2025 14:12:00 +0100', '2025-06-03T14:12:00+01:00'],
  ])('reads %j as %s', (line, iso) => {
    expect(parseDateline(line)).toBe(iso);
  });

  it.each([
    'Russian leader wants military alliance to provide a written pledge to stop expansion eastwards',
    'Delegations met on June 3, 2025 in Istanbul.',
    'June 2025',
    '14:12',
    '31 June 2025',
    '3 June 2025 25:10',
    '',
  ])('does not take %j for a dateline', (line) => {
    expect(parseDateline(line)).toBeNull();
  });
});

describe('splitParagraphs', () => {
  it('rejoins hard-wrapped lines but keeps one-paragraph-per-line text apart', () => {
    const lines = [
      'Delegations from Russia and Ukraine met today for a second round of',
      'direct peace talks in just over two weeks.',
      'Ukraine proposed further talks on a date between June 20 and 30',
      'Kyiv officials would need a week to review the document.',
      '',
      'The talks in Turkey unfolded a day after a string of attacks (Image: Getty)',
      'and more.',
    ];
    expect(splitParagraphs(lines)).toEqual([
      'Delegations from Russia and Ukraine met today for a second round of direct peace talks in just over two weeks.',
      'Ukraine proposed further talks on a date between June 20 and 30',
      'Kyiv officials would need a week to review the document.',
      'The talks in Turkey unfolded a day after a string of attacks (Image: Getty)',
      'and more.',
    ]);
  });
});

describe('buildArticle', () => {
  const draft = { key: 'a.txt', file: 'a.txt', title: ' Talks  resume ' };

  it('drops a first paragraph that repeats the headline and blanks out empty metadata', () => {
    const built = buildArticle({
      ...draft,
      author: '  ',
      paragraphs: ['Talks resume', 'They met on Monday.'],
    });
    expect(built).toEqual({
      article: {
        key: 'a.txt',
        file: 'a.txt',
        title: 'Talks resume',
        source: null,
        url: null,
        published: null,
        author: null,
        paragraphs: [{ text: 'They met on Monday.', kind: 'body' }],
      },
    });
  });

  it('refuses an article with no headline, no text, or nothing but captions', () => {
    expect(buildArticle({ ...draft, title: ' ', paragraphs: ['They met.'] })).toEqual({
      reason: 'no headline (the title is empty)',
    });
    expect(buildArticle({ ...draft, paragraphs: ['Talks resume'] })).toEqual({
      reason: 'no article text after the headline',
    });
    expect(buildArticle({ ...draft, paragraphs: ['Smoke rises over the city (Image: Getty)'] })).toEqual({
      reason: 'no article text, only photo captions',
    });
  });

  it('keeps unpunctuated text as the story when nothing else is, and reference marks end a sentence', () => {
    const wiki = 'The Huguenots came to be known as such between 1550 and 1580.[citation needed]';
    const note = 'Delegates gathered in Brussels on Friday for a second day of talks without a deal';
    const built = buildArticle({ ...draft, paragraphs: [wiki] });
    expect('article' in built && built.article.paragraphs).toEqual([{ text: wiki, kind: 'body' }]);
    const alone = buildArticle({ ...draft, paragraphs: [note] });
    expect('article' in alone && alone.article.paragraphs).toEqual([{ text: note, kind: 'body' }]);
  });
});
