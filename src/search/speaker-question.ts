export interface SpeakerQuestion {
  /** Who the question is about, as the user wrote it ("Lammy", "the Estonian foreign minister"). */
  speaker: string;
  /** What about, when given ("sanctions" in "what did Lammy say about sanctions?"). */
  topic: string | null;
}

const VERBS =
  'say|said|saying|tell|told|telling|warn|warned|warning|think|thought|thinking|claim|claimed|claiming|believe|believed|mean|meant|argue|argued|insist|insisted|announce|announced|accuse|accused|suggest|suggested|state|stated|add|added|reveal|revealed';
const AUXILIARIES = 'did|does|do|has|have|had|is|was|are|were|will|would';
const TOPIC = '(?:\\s+(?:about|on|regarding|concerning|of|over|in|when it comes to)\\s+(?<topic>.+?))?';
const END = '\\s*[?.!]*\\s*$';

/** Phrasings of "what did X say (about Y)", most specific first. The speaker group is kept lazy. */
const PATTERNS = [
  new RegExp(
    `^(?:so\\s+|and\\s+)?(?:what|wat)(?:'s|\\s+)?(?:${AUXILIARIES})?\\s+(?<speaker>.+?)\\s+(?:been\\s+)?(?:${VERBS})(?:\\s+(?:to|reporters|us))?${TOPIC}${END}`,
    'iu',
  ),
  new RegExp(
    `^(?:show\\s+me\\s+|list\\s+|give\\s+me\\s+)?(?:quotes|statements|comments|remarks)\\s+(?:from|by|of)\\s+(?<speaker>.+?)${TOPIC}${END}`,
    'iu',
  ),
  new RegExp(`^(?:how|why)\\s+did\\s+(?<speaker>.+?)\\s+(?:respond|react|reply)${TOPIC}${END}`, 'iu'),
  new RegExp(`^(?<speaker>.+?)(?:'s|’s)\\s+(?:quotes|statements|comments|remarks|views)${TOPIC}${END}`, 'iu'),
];

const LEADING_ARTICLE = /^(?:the|a|an)\s+/iu;

/** Recognises a question about what someone said; null for any other question. Pure: no index lookup. */
export function parseSpeakerQuestion(question: string): SpeakerQuestion | null {
  const text = question.normalize('NFKC').replace(/\s+/gu, ' ').trim();
  if (text.length === 0 || text.length > 300) return null;
  for (const pattern of PATTERNS) {
    const groups = pattern.exec(text)?.groups;
    const speaker = groups?.speaker?.replace(LEADING_ARTICLE, '').trim();
    if (!speaker || speaker.split(' ').length > 8) continue;
    return { speaker, topic: groups?.topic?.trim() || null };
  }
  return null;
}
