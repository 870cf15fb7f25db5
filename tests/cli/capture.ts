/** Runs main() with captured output streams. */
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  outLines: string[];
}

export async function run(argv: string[], options: { tty?: boolean; env?: Record<string, string | undefined> } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty ?? false },
    env: options.env ?? {},
  };
  const code = await main(argv, io);
  return { code, stdout, stderr, outLines: stdout.split('\n').filter((l) => l !== '') };
}
