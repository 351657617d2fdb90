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
    (speaker) => same(words(speaker.name), query),
    (speaker) => same(words(speaker.surname), query),
    (speaker) =>
      speaker.roles.some((role) => {
        const roleWords = words(role);
        return same(roleWords, query) || (query.length >= 2 && containsAll(roleWords, query));
      }),
    (speaker) => containsAll(words(speaker.name), query),
  ];
  for (const matches of tiers) {
    const found = speakers.filter(matches);
    if (found.length > 0) return found;
  }
  return [];
}
