import { SingleBar, Presets } from 'cli-progress';

export interface ProgressBar {
  start(total: number): void;
  update(done: number): void;
  stop(): void;
}

const silent: ProgressBar = { start() {}, update() {}, stop() {} };

/** A progress bar on stderr, so stdout stays clean for --json; nothing at all when stderr is not a terminal. */
export function progressBar(label: string, unit: string): ProgressBar {
  if (!process.stderr.isTTY) return silent;
  const bar = new SingleBar(
    {
      format: `${label.padEnd(10)} [{bar}] {percentage}% | {value}/{total} ${unit} | {duration_formatted}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: false,
    },
    Presets.shades_classic,
  );
  return {
    start: (total) => bar.start(total, 0),
    update: (done) => bar.update(done),
    stop: () => bar.stop(),
  };
}
