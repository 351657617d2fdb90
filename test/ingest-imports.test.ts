import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * In a fresh process (the module cache is per process): `modules` imported, then how many modules of
 * onnxruntime's Node package are loaded on the main thread.
 */
function onnxModulesLoaded(modules: string[]): number {
  const script = `
    import { createRequire } from 'node:module';
    for (const module of ${JSON.stringify(modules)}) await import(module);
    const cache = createRequire(import.meta.url).cache;
    console.log(Object.keys(cache).filter((file) => /[\\\\/]node_modules[\\\\/]onnxruntime-node[\\\\/]/.test(file)).length);
  `;
  const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  return Number(output.trim().split('\n').at(-1));
}

describe("ingest's main thread", () => {
  // With worker threads the model runs in them only; the embedder's module here cost this thread 22 MB.
  it('loads no embedding runtime until a model is loaded on it', () => {
    expect(onnxModulesLoaded(['./src/cli/reindex-with-progress.ts', './scripts/bench/ingest-bench.ts'])).toBe(
      0,
    );
  }, 60_000);

  it('is seen loading it when something imports the embedder', () => {
    expect(onnxModulesLoaded(['./src/embed/embedder.ts'])).toBeGreaterThan(0);
  }, 60_000);
});
