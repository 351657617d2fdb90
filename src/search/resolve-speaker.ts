import type { SpeakerRecord } from '../store/passage-store.js';

function words(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/['’]s\b/gu, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter((word) => !['the', 'a', 'an', 'mr', 'mrs', 'ms', 'dr'].includes(word));
}

interface SpeakerWords {
  name: string[];
  surname: string[];
  roles: string[][];
}

/**
 * Every question is matched against every indexed speaker (thousands in a large archive); the speaker list
 * is kept between questions, so each speaker's words are worked out once, not once per question.
 */
const speakerWords = new WeakMap<SpeakerRecord, SpeakerWords>();

function wordsOf(speaker: SpeakerRecord): SpeakerWords {
  let found = speakerWords.get(speaker);
  if (!found) {
    found = { name: words(speaker.name), surname: words(speaker.surname), roles: speaker.roles.map(words) };
    speakerWords.set(speaker, found);
  }
  return found;
}

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((w, i) => w === b[i]);
const containsAll = (whole: readonly string[], part: readonly string[]) =>
  part.every((w) => whole.includes(w));

/**
 * The indexed speakers a name in a question refers to, best kind of match first: the full name, then the
 * surname, then a role ("the Estonian foreign minister"), then any distinctive word of a name. Several
 * speakers can come back when the words fit several (two ministers with one surname); none when nobody fits.
 */
export function resolveSpeaker(asked: string, speakers: readonly SpeakerRecord[]): SpeakerRecord[] {
  const query = words(asked);
  if (query.length === 0) return [];
  const tiers: ((speaker: SpeakerRecord) => boolean)[] = [
    (speaker) => same(wordsOf(speaker).name, query),
    (speaker) => same(wordsOf(speaker).surname, query),
    (speaker) =>
      wordsOf(speaker).roles.some(
        (roleWords) => same(roleWords, query) || (query.length >= 2 && containsAll(roleWords, query)),
      ),
    (speaker) => containsAll(wordsOf(speaker).name, query),
  ];
  for (const matches of tiers) {
    const found = speakers.filter(matches);
    if (found.length > 0) return found;
  }
  return [];
}
