import { z } from 'zod';
import { calibrateIndex, formatCalibration } from '../src/cli/calibrate-index.js';
import { parseCliArgs } from '../src/cli/parse-args.js';
import { runCli } from '../src/cli/run-cli.js';
import { loadCoreConfig } from '../src/config.js';
import { loadEmbedder } from '../src/embed/embedder.js';

const USAGE = `Usage: npm run calibrate -- [--json]
  Measures the configured model on the index (questions made from the articles and a shipped set of
  off-topic questions), and stores the hybrid weight and evidence thresholds that answers use.
  --json    print the result as JSON on stdout`;

runCli(async () => {
  const args = parseCliArgs(
    process.argv.slice(2),
    { json: { type: 'boolean' } },
    z.object({
      json: z.boolean().default(false),
      positionals: z.array(z.string()).max(0, 'calibrate takes no positional arguments'),
    }),
    USAGE,
  );
  const config = loadCoreConfig();
  const outcome = await calibrateIndex(config, () => loadEmbedder(config), { force: true });
  console.log(args.json ? JSON.stringify(outcome, null, 2) : formatCalibration(outcome));
});
