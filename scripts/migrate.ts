import { z } from 'zod';
import { loadSettings } from '../src/cli/load-settings.js';
import { parseCliArgs } from '../src/cli/parse-args.js';
import { progressBar, type ProgressBar } from '../src/cli/progress.js';
import { runCli } from '../src/cli/run-cli.js';
import { stopOnSignal } from '../src/cli/stop-on-signal.js';
import { coreConfigSchema } from '../src/config.js';
import { migrateIndex, type MigrateSummary } from '../src/store/migrate-index.js';
import { closeWriteSessions } from '../src/store/index-write-session.js';

const USAGE = `Usage: npm run migrate -- --to URL | --from URL [--json]
  --to URL    copy the SQLite index at DB_PATH into the PostgreSQL database at URL (schema PG_SCHEMA)
  --from URL  copy the index in the PostgreSQL database at URL (schema PG_SCHEMA) into the SQLite file DB_PATH
  --json      print the summary as JSON on stdout
The copy replaces the index at its destination in one transaction (if it fails, the index there is as it
was), vectors included: nothing is embedded again. Both indexes are of the model EMBEDDING_MODEL names.`;

const databaseUrl = coreConfigSchema.shape.DATABASE_URL.unwrap();

const argsSchema = z
  .object({
    to: databaseUrl.optional(),
    from: databaseUrl.optional(),
    json: z.boolean().default(false),
    positionals: z.array(z.string()).max(0, 'migrate takes no positional arguments'),
  })
  .refine((args) => (args.to === undefined) !== (args.from === undefined), {
    message: 'give either --to (SQLite into PostgreSQL) or --from (PostgreSQL into SQLite)',
  });

const count = (n: number) => n.toLocaleString('en-GB');

const formatSummary = (summary: MigrateSummary) =>
  `Copied ${count(summary.articles)} articles (${count(summary.passages)} passages, ${count(summary.quotes)} quotes; model ${summary.model.model}, ${summary.model.dimension} dimensions) from ${summary.from} to ${summary.to} in ${summary.seconds.toFixed(2)} s, embedding nothing.`;

/** A bar started at the first report, when the total is known. */
function shown(bar: ProgressBar, before = () => undefined as void) {
  let started = false;
  return (done: number, total: number) => {
    if (!started) {
      before();
      bar.start(total);
      started = true;
    }
    bar.update(done);
  };
}

runCli(async () => {
  const args = parseCliArgs(
    process.argv.slice(2),
    { to: { type: 'string' }, from: { type: 'string' }, json: { type: 'boolean' } },
    argsSchema,
    USAGE,
  );
  const config = loadSettings(coreConfigSchema);
  const sqlite = { ...config, DATABASE_URL: undefined };
  const postgres = { ...config, DATABASE_URL: args.to ?? args.from };
  const [from, to] = args.to ? [sqlite, postgres] : [postgres, sqlite];
  const reading = progressBar('Reading', 'passages');
  const writing = progressBar('Writing', 'passages');
  const stopBars = () => {
    reading.stop();
    writing.stop();
  };
  const summary = await stopOnSignal(
    () =>
      migrateIndex(from, to, {
        onRead: shown(reading),
        onWrite: shown(writing, () => reading.stop()),
        onWaitForLock: (seconds) =>
          console.error(
            `Another process (an "npm run ingest"?) is writing the index at the destination: waiting for it to finish, up to ${seconds} s.`,
          ),
      }).finally(stopBars),
    () => 'nothing was written; the index at the destination is as it was before this run.',
    () => {
      stopBars();
      closeWriteSessions();
    },
  );
  console.log(args.json ? JSON.stringify(summary, null, 2) : formatSummary(summary));
});
