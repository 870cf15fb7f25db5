/**
 * The `mnet` CLI entry point: `main(argv, io?)` resolves to the exit code (bin/mnet.js sets it). Every error is
 * caught here and printed as one line; --verbose adds the detail (stack, cause). See exit-codes.ts.
 */
import { parseArgs, flagOption } from './args';
import { COMMANDS, findCommand } from './commands';
import { UsageError } from './errors';
import { EXIT } from './exit-codes';
import { commandHelp, GLOBAL_OPTIONS, mainHelp } from './help';
import { printer, processIo, type CliIo, type Printer } from './io';
import { colorsWanted, createStyle } from './output/style';
import { cliVersion } from './version';

function closest(name: string): string | undefined {
  const prefix = COMMANDS.find((c) => c.name.startsWith(name) || name.startsWith(c.name));
  return prefix?.name;
}

async function run(argv: readonly string[], io: CliIo, print: Printer, verbose: boolean): Promise<number> {
  // Global flags may come before the command; the first bare word is the command.
  let index = 0;
  while (index < argv.length && (argv[index] as string).startsWith('-') && argv[index] !== '-' && argv[index] !== '--') index += 1;
  const leading = argv.slice(0, index);
  const name = argv[index];

  if (name === 'help') {
    // `mnet help [command]`
    const target = argv[index + 1];
    if (target === undefined) {
      for (const line of mainHelp()) print.out(line);
      return EXIT.ok;
    }
    const command = findCommand(target);
    if (command === undefined) throw new UsageError(`unknown command "${target}"`);
    for (const line of commandHelp(command)) print.out(line);
    return EXIT.ok;
  }

  if (name === undefined || name === '--') {
    const globals = parseArgs(leading, GLOBAL_OPTIONS);
    if (flagOption(globals, 'version')) {
      print.out(cliVersion());
      return EXIT.ok;
    }
    if (flagOption(globals, 'help')) {
      for (const line of mainHelp()) print.out(line);
      return EXIT.ok;
    }
    for (const line of mainHelp()) print.err(line);
    return EXIT.usage;
  }

  const command = findCommand(name);
  if (command === undefined) {
    const suggestion = closest(name);
    throw new UsageError(`unknown command "${name}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`, `commands: ${COMMANDS.map((c) => c.name).join(', ')}`);
  }
  const args = parseArgs([...leading, ...argv.slice(index + 1)], [...command.options, ...GLOBAL_OPTIONS]);
  if (flagOption(args, 'help')) {
    for (const line of commandHelp(command)) print.out(line);
    return EXIT.ok;
  }
  if (flagOption(args, 'version')) {
    print.out(cliVersion());
    return EXIT.ok;
  }
  const style = createStyle(colorsWanted(io.stdout, io.env));
  return command.run({ args, io, print, style, verbose });
}

function report(error: unknown, print: Printer, verbose: boolean, commandName: string | undefined): number {
  if (error instanceof UsageError) {
    print.err(`mnet: ${error.message}`);
    // An empty hint means the message says it all (a missing file needs no usage text).
    const hint = error.hint ?? `run "mnet ${commandName && findCommand(commandName) ? `${commandName} ` : ''}--help" for usage`;
    if (hint !== '') print.err(hint);
    return EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  print.err(`mnet: ${message}`);
  if (verbose) {
    if (error instanceof Error && error.stack) print.err(error.stack);
    if (error instanceof Error && error.cause !== undefined) print.err(`cause: ${error.cause instanceof Error ? error.cause.stack ?? error.cause.message : String(error.cause)}`);
  } else {
    print.err('(run again with --verbose for details)');
  }
  return EXIT.runtime;
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const print = printer(io);
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  const commandName = argv.find((a) => !a.startsWith('-'));
  try {
    return await run(argv, io, print, verbose);
  } catch (error) {
    return report(error, print, verbose, commandName);
  }
}
