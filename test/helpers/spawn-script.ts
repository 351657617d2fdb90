import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';

/** tsx's loader by file URL, so that a script can run in a folder outside the checkout. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * Starts one of the project's scripts with tsx's loader inside a single Node process, with extra
 * environment variables. The `tsx` command would run the script in a grandchild: a SIGKILL sent to the
 * child would then leave the real work running, and its memory would not be the child's.
 */
export function spawnScript(
  script: string,
  args: readonly string[],
  env: Record<string, string | undefined>,
  options: { cwd?: string } = {},
): ChildProcess {
  return spawn(process.execPath, ['--import', TSX_LOADER, path.resolve(script), ...args], {
    // An undefined value unsets the variable: the child's environment is exactly this.
    env: Object.fromEntries(
      Object.entries({ ...process.env, ...env }).filter((entry) => entry[1] !== undefined),
    ),
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function finished(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** What a user must see for an expected fault: exit code 1, nothing on stdout, one line on stderr. */
export function expectOneLineError(run: Finished, pattern: RegExp): void {
  expect(run.stdout).toBe('');
  const lines = run.stderr.split('\n').filter((line) => line.trim() !== '');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(run.code).toBe(1);
}

export async function runScript(
  script: string,
  args: readonly string[],
  env: Record<string, string | undefined>,
  options: { cwd?: string } = {},
) {
  return finished(spawnScript(script, args, env, options));
}

/** The kernel's high-water mark of the process's resident memory, in bytes; null once it is gone. */
function residentPeak(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Runs a script and reports its peak resident memory (Linux only: read from /proc while it runs).
 * The high-water mark only grows, so the last reading before exit is the peak up to then.
 */
export async function runScriptMeasuringMemory(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<Finished & { peakBytes: number }> {
  const child = spawnScript(script, args, env);
  const done = finished(child);
  let peakBytes = 0;
  const sample = () => (peakBytes = Math.max(peakBytes, residentPeak(child.pid!) ?? 0));
  const timer = setInterval(sample, 20);
  child.on('exit', () => clearInterval(timer));
  const result = await done;
  return { ...result, peakBytes };
}
