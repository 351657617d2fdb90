import { z } from 'zod';
import { loadSettings } from '../src/cli/load-settings.js';
import { parseCliArgs } from '../src/cli/parse-args.js';
import { formatCalibration } from '../src/cli/calibrate-index.js';
import { reindexWithProgress } from '../src/cli/reindex-with-progress.js';
import { runCli } from '../src/cli/run-cli.js';
import { coreConfigSchema } from '../src/config.js';
import { formatSummary } from '../src/ingest/format-summary.js';

const USAGE = `Usage: npm run ingest -- [--full] [--prune] [--dry-run] [--json]
  --full      rebuild the whole index (needed after changing EMBEDDING_MODEL)
  --prune     remove indexed articles whose files are gone
  --dry-run   report what would change, without embedding or writing
  --json      print the summary as JSON on stdout`;

const argsSchema = z.object({
  full: z.boolean().default(false),
  prune: z.boolean().default(false),
  'dry-run': z.boolean().default(false),
  json: z.boolean().default(false),
  positionals: z.array(z.string()).max(0, 'ingest takes no positional arguments'),
});

runCli(async () => {
  const args = parseCliArgs(
    process.argv.slice(2),
    {
      full: { type: 'boolean' },
      prune: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    argsSchema,
    USAGE,
  );
  const config = loadSettings(coreConfigSchema);
  const { summary, calibration } = await reindexWithProgress(config, {
    full: args.full,
    prune: args.prune,
    dryRun: args['dry-run'],
  });
  if (args.json) console.log(JSON.stringify({ ...summary, calibration }, null, 2));
  else
    console.log(
      [formatSummary(summary), ...(calibration ? [formatCalibration(calibration)] : [])].join('\n'),
    );
});
