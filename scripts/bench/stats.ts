/**
 * The p-th percentile with linear interpolation between closest ranks (numpy's default, R's type 7), so
 * the median of an even count is the mean of the middle two.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (rank - below);
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** Milliseconds since `start` (a performance.now() reading). */
export const since = (start: number) => performance.now() - start;

/** Resident set size of this process in MB. */
export const rssMb = () => process.memoryUsage.rss() / 2 ** 20;

export interface Latency {
  p50: number;
  p95: number;
}

export const latency = (ms: readonly number[]): Latency => ({
  p50: percentile(ms, 50),
  p95: percentile(ms, 95),
});

/** Each input's run in milliseconds, one after another (concurrent runs would time each other). */
export async function timeEach<T>(inputs: readonly T[], run: (input: T) => unknown): Promise<number[]> {
  const ms: number[] = [];
  for (const input of inputs) {
    const started = performance.now();
    await run(input);
    ms.push(since(started));
  }
  return ms;
}
