import { describe, expect, it } from 'vitest';
import { resolveSpeaker } from '../src/search/resolve-speaker.js';
import { parseSpeakerQuestion } from '../src/search/speaker-question.js';
import type { SpeakerRecord } from '../src/store/passage-store.js';

describe('parseSpeakerQuestion', () => {
  it.each([
    ['what did Lammy say?', 'Lammy', null],
    ['What did the Estonian foreign minister say?', 'Estonian foreign minister', null],
    ['What did Trump think about the government shut down?', 'Trump', 'the government shut down'],
    ['what has David Lammy said on sanctions', 'David Lammy', 'sanctions'],
    ['What is Putin saying about NATO?', 'Putin', 'NATO'],
    ['What did Rustem Umerov tell reporters?', 'Rustem Umerov', null],
    ['quotes from Barrot', 'Barrot', null],
    ["Lammy's comments on Ukraine", 'Lammy', 'Ukraine'],
  ])('%s → %s / %s', (question, speaker, topic) => {
    expect(parseSpeakerQuestion(question)).toEqual({ speaker, topic });
  });

  it.each([
    'How many Russian soldiers have died?',
    'football results',
    'what happened in Kharkiv?',
    '',
    '???',
  ])('is null for a question that is not about a speaker: %s', (question) => {
    expect(parseSpeakerQuestion(question)).toBeNull();
  });
});

describe('resolveSpeaker', () => {
  const speakers: SpeakerRecord[] = [
    { name: 'David Lammy', surname: 'Lammy', roles: ['British foreign minister'], quotes: 4 },
    { name: 'Margus Tsahkna', surname: 'Tsahkna', roles: ['Estonian foreign minister'], quotes: 2 },
    { name: 'Jean-Noel Barrot', surname: 'Barrot', roles: ['French foreign minister'], quotes: 2 },
    { name: 'Melanie Joly', surname: 'Joly', roles: ['Canadian foreign minister'], quotes: 1 },
  ];
  const names = (asked: string) => resolveSpeaker(asked, speakers).map((s) => s.name);

  it('matches a surname, a full name, accents and case aside', () => {
    expect(names('Lammy')).toEqual(['David Lammy']);
    expect(names('david lammy')).toEqual(['David Lammy']);
    expect(names('Jean-Noël Barrot')).toEqual(['Jean-Noel Barrot']);
    expect(names("Lammy's")).toEqual(['David Lammy']);
  });

  it('matches a role, and every speaker when the role is shared', () => {
    expect(names('the Estonian foreign minister')).toEqual(['Margus Tsahkna']);
    expect(names('foreign minister')).toHaveLength(4);
  });

  it('matches nobody for an unknown name', () => {
    expect(names('Macron')).toEqual([]);
    expect(names('the')).toEqual([]);
  });
});
