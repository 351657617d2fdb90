import { z } from 'zod';
import { answerSchema } from '../src/answer/answer-schema.js';
import { ANSI, formatAnswerText, PLAIN } from '../src/answer/format-text.js';
import { loadSettings } from '../src/cli/load-settings.js';
import { openOrBuild } from '../src/cli/open-or-build.js';
import { parseCliArgs } from '../src/cli/parse-args.js';
import { runCli, UsageError } from '../src/cli/run-cli.js';
import { coreConfigSchema } from '../src/config.js';
import { loadEmbedder } from '../src/embed/embedder.js';
import { SEARCH_MODES } from '../src/search/hybrid-search.js';
import { readPeriodOptions } from '../src/search/period-options.js';

const USAGE = `Usage: npm run ask -- [--json] [-k N] [--mode hybrid|bm25|vector] [--since DATE] [--until DATE] "your question"
  --json      print the answer object as JSON only
  -k N        how many passages at most (1 to 50)
  --mode M    retrieval mode (default hybrid)
  --since D   only articles published from this date (2025-06-03, "last monday", "March 1987")
  --until D   only articles published up to this date; both win over dates in the question`;

const argsSchema = z.object({
  json: z.boolean().default(false),
  k: z.coerce.number().int().min(1).max(50).optional(),
  mode: z.enum(SEARCH_MODES).default('hybrid'),
  since: z.string().optional(),
  until: z.string().optional(),
  positionals: z.array(z.string()),
});

runCli(async () => {
  const args = parseCliArgs(
    process.argv.slice(2),
    {
      json: { type: 'boolean' },
      k: { type: 'string', short: 'k' },
      mode: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
    },
    argsSchema,
    USAGE,
  );
  const question = args.positionals.join(' ').trim();
  if (!question) throw new UsageError(`Ask a question.\n${USAGE}`);
  const period = readPeriodOptions(args, new Date());
  if ('error' in period) throw new UsageError(`${period.error}\n${USAGE}`);
  const config = loadSettings(coreConfigSchema);
  const embedder = await loadEmbedder(config);
  const briefing = await openOrBuild(config, embedder);
  try {
    const answer = answerSchema.parse(
      await briefing.ask(question, { limit: args.k, mode: args.mode, range: period.range }),
    );
    console.log(
      args.json
        ? JSON.stringify(answer, null, 2)
        : formatAnswerText(answer, process.stdout.isTTY ? ANSI : PLAIN),
    );
  } finally {
    briefing.close();
  }
});
