import { z } from 'zod';
import { answerSchema } from '../src/answer/answer-schema.js';
import { formatAnswerText } from '../src/answer/format-text.js';
import { readingArgsSchema, runReadingCommand } from '../src/cli/reading-command.js';
import { SEARCH_MODES } from '../src/search/hybrid-search.js';

const USAGE = `Usage: npm run ask -- [--json] [-k N] [--mode hybrid|bm25|vector] [--since DATE] [--until DATE] "your question"
  --json      print the answer object as JSON only
  -k N        how many passages at most (1 to 50)
  --mode M    retrieval mode (default hybrid)
  --since D   only articles published from this date (2025-06-03, "last monday", "March 1987")
  --until D   only articles published up to this date; both win over dates in the question`;

runReadingCommand({
  usage: USAGE,
  options: { k: { type: 'string', short: 'k' }, mode: { type: 'string' } },
  schema: readingArgsSchema.extend({
    k: z.coerce.number().int().min(1).max(50).optional(),
    mode: z.enum(SEARCH_MODES).default('hybrid'),
  }),
  noWords: 'Ask a question.',
  async read(briefing, question, args, range) {
    const answer = answerSchema.parse(
      await briefing.ask(question, { limit: args.k, mode: args.mode, range }),
    );
    return { json: answer, text: (style) => formatAnswerText(answer, style) };
  },
});
