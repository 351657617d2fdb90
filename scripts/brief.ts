import { topicBriefSchema } from '../src/answer/brief-schema.js';
import { formatBriefText } from '../src/answer/format-brief-text.js';
import { readingArgsSchema, runReadingCommand } from '../src/cli/reading-command.js';

const USAGE = `Usage: npm run brief -- [--json] [--since DATE] [--until DATE] "topic"
  --json      print the brief object as JSON only
  --since D   only articles published from this date (2025-06-03, "last monday", "March 1987")
  --until D   only articles published up to this date`;

runReadingCommand({
  usage: USAGE,
  schema: readingArgsSchema,
  noWords: 'Name a topic.',
  async read(briefing, topic, _args, period) {
    const brief = topicBriefSchema.parse(await briefing.brief(topic, { period }));
    return { json: brief, text: (style) => formatBriefText(brief, style) };
  },
});
