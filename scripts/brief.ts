import { z } from 'zod';
import { topicBriefSchema } from '../src/answer/brief-schema.js';
import { formatBriefText } from '../src/answer/format-brief-text.js';
import { ANSI, PLAIN } from '../src/answer/format-text.js';
import { loadSettings } from '../src/cli/load-settings.js';
import { openOrBuild } from '../src/cli/open-or-build.js';
import { parseCliArgs } from '../src/cli/parse-args.js';
import { runCli, UsageError } from '../src/cli/run-cli.js';
import { coreConfigSchema } from '../src/config.js';
import { dateRangeSchema } from '../src/document/date-range.js';
import { loadEmbedder } from '../src/embed/embedder.js';

const USAGE = `Usage: npm run brief -- [--json] [--since YYYY-MM-DD] [--until YYYY-MM-DD] "topic"
  --json      print the brief object as JSON only
  --since D   only articles published on or after D
  --until D   only articles published on or before D`;

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
  const period = dateRangeSchema.safeParse({ since: args.since, until: args.until });
  if (!period.success) {
    throw new UsageError(
      `--since/--until: ${period.error.issues.map((i) => i.message).join('; ')}\n${USAGE}`,
    );
  }
  const config = loadSettings(coreConfigSchema);
  const briefing = await openOrBuild(config, await loadEmbedder(config));
  try {
    const brief = topicBriefSchema.parse(await briefing.brief(topic, { period: period.data }));
    console.log(
      args.json
        ? JSON.stringify(brief, null, 2)
        : formatBriefText(brief, process.stdout.isTTY ? ANSI : PLAIN),
    );
  } finally {
    briefing.close();
  }
});
