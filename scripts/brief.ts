import { z } from 'zod';
import { topicBriefSchema } from '../src/answer/brief-schema.js';
import { formatBriefText } from '../src/answer/format-brief-text.js';
import { ANSI, PLAIN } from '../src/answer/format-text.js';
import { loadSettings } from '../src/cli/load-settings.js';
import { openOrBuild } from '../src/cli/open-or-build.js';
import { parseCliArgs } from '../src/cli/parse-args.js';
import { runCli, UsageError } from '../src/cli/run-cli.js';
import { coreConfigSchema } from '../src/config.js';
import { loadEmbedder } from '../src/embed/embedder.js';
import { readPeriodOptions } from '../src/search/period-options.js';

const USAGE = `Usage: npm run brief -- [--json] [--since DATE] [--until DATE] "topic"
  --json      print the brief object as JSON only
  --since D   only articles published from this date (2025-06-03, "last monday", "March 1987")
  --until D   only articles published up to this date`;

const argsSchema = z.object({
  json: z.boolean().default(false),
  since: z.string().optional(),
  until: z.string().optional(),
  positionals: z.array(z.string()),
});

runCli(async () => {
  const args = parseCliArgs(
    process.argv.slice(2),
    { json: { type: 'boolean' }, since: { type: 'string' }, until: { type: 'string' } },
    argsSchema,
    USAGE,
  );
  const topic = args.positionals.join(' ').trim();
  if (!topic) throw new UsageError(`Name a topic.\n${USAGE}`);
  const period = readPeriodOptions(args, new Date());
  if ('error' in period) throw new UsageError(`${period.error}\n${USAGE}`);
  const config = loadSettings(coreConfigSchema);
  const briefing = await openOrBuild(config, await loadEmbedder(config));
  try {
    const brief = topicBriefSchema.parse(await briefing.brief(topic, { period: period.range }));
    console.log(
      args.json
        ? JSON.stringify(brief, null, 2)
        : formatBriefText(brief, process.stdout.isTTY ? ANSI : PLAIN),
    );
  } finally {
    briefing.close();
  }
});
