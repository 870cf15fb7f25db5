/**
 * Runs one benchmark part in a fresh Node process (TypeScript through tsx), so its peak RSS is its own and
 * not the emulator's or an earlier part's. The child prints its result as one `RESULT {json}` line.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');
const RESULT_PREFIX = 'RESULT ';

export interface ChildOptions {
  env?: Record<string, string>;
  /** Kills the child after this long (ms); default 240 s. */
  timeoutMs?: number;
}

export function runChild(script: string, args: string[], options: ChildOptions = {}): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, script), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 240_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || line === undefined) {
        reject(new Error(`${script} ${args.join(' ')} exited ${code ?? 'by signal'}:\n${stderr.slice(-2000)}${stdout.slice(-500)}`));
        return;
      }
      resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as unknown);
    });
  });
}

/** The child side: print the result where runChild finds it. */
export function reportResult(result: unknown): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}
