import type { AnswerPassage } from './answer-schema.js';
import type { TopicBrief } from './brief-schema.js';
import { formatPublished } from './citation-text.js';
import { PLAIN, type TextStyle } from './format-text.js';
import { periodInTitle } from './period-text.js';
import { NOTHING_ON_TOPIC } from './topic-brief.js';

function marked({ text, highlight }: AnswerPassage, style: TextStyle): string {
  return (
    text.slice(0, highlight.start) +
    style.bold(text.slice(highlight.start, highlight.end)) +
    text.slice(highlight.end)
  );
}

/** A brief as a terminal reads it: key points, timeline, who said what, then the sources cited. */
export function formatBriefText(brief: TopicBrief, style: TextStyle = PLAIN): string {
  if (!brief.found) return brief.reason ?? NOTHING_ON_TOPIC;
  const sections = [
    [`Brief: ${brief.topic}${periodInTitle(brief.period)}`],
    [
      style.bold('Key points'),
      ...brief.keyPoints.map((point) => `[${point.citation.n}] ${marked(point, style)}`),
    ],
    [
      style.bold('Timeline'),
      ...(brief.timeline.length
        ? brief.timeline.map((entry) => `${formatPublished(entry.published)}  ${entry.title}: ${entry.line}`)
        : ['No dated article on this topic.']),
    ],
    ...(brief.speakers.length
      ? [
          [
            style.bold('Who said what'),
            ...brief.speakers.map(
              ({ name, roles, passage }) =>
                `${name}${roles.length ? ` (${roles.join('; ')})` : ''}: [${passage.citation.n}] ${passage.text.slice(passage.highlight.start, passage.highlight.end)}`,
            ),
          ],
        ]
      : []),
    [
      style.bold('Sources'),
      ...brief.sources.map((source) => {
        const details = [source.source, source.published && formatPublished(source.published)].filter(
          Boolean,
        );
        return `[${source.citations.join(', ')}] ${source.title}${details.length ? ` — ${details.join(', ')}` : ''}${source.url ? ` <${source.url}>` : ''}`;
      }),
    ],
  ];
  return sections.map((lines) => lines.join('\n')).join('\n\n');
}
