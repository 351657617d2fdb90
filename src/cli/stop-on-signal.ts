const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type StopSignal = keyof typeof EXIT_CODES;

/**
 * Runs `work` with SIGINT and SIGTERM ending the process at once, after `onStop` (put the terminal back) and
 * one line on stderr that ends with `outcome()`: what the stop leaves behind. Exit codes are the shell's for a
 * death by that signal (130, 143). Node's default would end the process silently; a handler that waited for
 * the work to wind down would wait for worker threads in the middle of embedding. process.exit stops the
 * worker threads (each finishes the model call it is in: a fraction of a second) and waits for nothing else:
 * an unfinished SQLite transaction is rolled back by the next connection, as after a crash.
 *
 * The npm scripts run `node --import tsx`, one process: the `tsx` command runs the script in a child and, when
 * that child's main thread does not answer a relayed signal within 30 ms (it is busy parsing a page, say),
 * kills it with SIGKILL, so the line was lost (tsx 4.x, relaySignals in its cli).
 *
 * A JavaScript handler never runs inside synchronous code, so `outcome()` sees a commit either wholly done or
 * not started.
 */
export async function stopOnSignal<T>(
  work: () => Promise<T>,
  outcome: () => string,
  onStop: () => void = () => undefined,
): Promise<T> {
  const stop = (signal: StopSignal) => {
    onStop();
    process.stderr.write(`Stopped by ${signal}: ${outcome()}\n`);
    process.exit(EXIT_CODES[signal]);
  };
  const signals = Object.keys(EXIT_CODES) as StopSignal[];
  for (const signal of signals) process.on(signal, stop);
  try {
    return await work();
  } finally {
    for (const signal of signals) process.off(signal, stop);
  }
}
