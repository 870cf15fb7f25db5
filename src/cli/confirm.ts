/**
 * Asking before acting: `apply` and `migrate` show the plan, then ask y/N on the terminal. Without a terminal
 * (CI, a pipe) and without --yes nobody can answer, so the command refuses (exit 2) instead of guessing.
 */
import { UsageError } from './errors';
import type { CliIo, Printer } from './io';

export type Confirmation = 'yes' | 'no';

export async function confirm(io: CliIo, print: Printer, question: string, options: { yes: boolean; command: string }): Promise<Confirmation> {
  if (options.yes) return 'yes';
  const input = io.stdin;
  if (input === undefined || input.isTTY !== true) {
    throw new UsageError(
      `${options.command} asks for confirmation before changing anything, and no terminal is attached to answer it`,
      `review the plan (mnet plan / --dry-run), then run again with --yes to apply it without asking`,
    );
  }
  io.stderr.write(`${question} [y/N] `);
  const answer = (await input.readLine())?.trim().toLowerCase();
  if (answer === 'y' || answer === 'yes') return 'yes';
  print.err(answer === undefined ? 'no answer: nothing was changed' : 'not confirmed: nothing was changed');
  return 'no';
}
