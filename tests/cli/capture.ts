/** Runs main() with captured output streams, and (optionally) a terminal that answers prompts. */
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  outLines: string[];
}

export interface RunOptions {
  tty?: boolean;
  env?: Record<string, string | undefined>;
  /** Lines typed at the prompt (stdin is then a terminal unless stdinTTY says otherwise). */
  answers?: string[];
  stdinTTY?: boolean;
}

export async function run(argv: string[], options: RunOptions = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const answers = [...(options.answers ?? [])];
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty ?? false },
    env: options.env ?? {},
    stdin: { isTTY: options.stdinTTY ?? options.answers !== undefined, readLine: async () => answers.shift() },
  };
  const code = await main(argv, io);
  return { code, stdout, stderr, outLines: stdout.split('\n').filter((l) => l !== '') };
}
