/** What a command is, and what it gets when it runs. Each command lives in its own file in this folder. */
import type { OptionSpec, ParsedArgs } from '../args';
import type { CliIo, Printer } from '../io';
import type { Style } from '../output/style';

export interface CommandContext {
  args: ParsedArgs;
  io: CliIo;
  print: Printer;
  /** For stdout. */
  style: Style;
  verbose: boolean;
}

export interface CommandDefinition {
  name: string;
  /** One line for `mnet --help`. */
  summary: string;
  /** Synopsis lines, e.g. `mnet validate <policy-file>`. */
  usage: readonly string[];
  options: readonly OptionSpec[];
  /** Extra help text (exit codes, file shapes). */
  details?: readonly string[];
  /** Returns the exit code (see exit-codes.ts); throws UsageError / RuntimeFailure. */
  run(ctx: CommandContext): Promise<number>;
}
