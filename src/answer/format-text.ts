import type { Answer } from './answer-schema.js';
import { NOTHING_FOUND } from './build-answer.js';
import { describeCitation } from './citation-text.js';
import { periodLine } from './period-text.js';

export interface TextStyle {
  bold(text: string): string;
}

export const PLAIN: TextStyle = { bold: (text) => text };
export const ANSI: TextStyle = { bold: (text) => `\u001b[1m${text}\u001b[22m` };

/** An answer as a terminal reads it: numbered passages with the answering sentence in bold, then sources. */
export function formatAnswerText(answer: Answer, style: TextStyle = PLAIN): string {
  const period = periodLine(answer);
  if (!answer.found) return [answer.reason ?? NOTHING_FOUND, ...(period ? [period] : [])].join('\n');
  const heading = answer.speaker
    ? `What ${answer.speaker.name}${answer.speaker.roles.length ? ` (${answer.speaker.roles.join('; ')})` : ''} said:`
    : `Passages that answer "${answer.question}":`;
  const passages = answer.passages.map(({ text, highlight, citation }) => {
    const marked =
      text.slice(0, highlight.start) +
      style.bold(text.slice(highlight.start, highlight.end)) +
      text.slice(highlight.end);
    return `[${citation.n}] ${marked}`;
  });
  const sources = answer.passages.map(
    ({ citation }) =>
      `[${citation.n}] ${describeCitation(citation)}${citation.url ? ` <${citation.url}>` : ''}`,
  );
  const note = answer.note ? [answer.note, ''] : [];
  return [
    heading,
    ...(period ? [period] : []),
    '',
    ...note,
    ...passages.flatMap((p) => [p, '']),
    'Sources:',
    ...sources,
  ].join('\n');
}
