/** Help text, generated from the command table so a new command documents itself. */
import { optionSynopsis, type OptionSpec } from './args';
import { COMMANDS } from './commands';
import type { CommandDefinition } from './commands/types';

export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { name: 'help', short: 'h', description: 'show help (mnet <command> --help for a command)' },
  { name: 'version', short: 'V', description: 'print the version' },
  { name: 'verbose', short: 'v', description: 'more detail on errors' },
];

function optionLines(options: readonly OptionSpec[]): string[] {
  const width = Math.max(...options.map((o) => optionSynopsis(o).length));
  return options.map((o) => `  ${optionSynopsis(o).padEnd(width)}  ${o.description}`);
}

export function mainHelp(): string[] {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'mnet: keep Azure ML workspaces and AI Foundry hubs inside their managed network policy',
    '',
    'Usage: mnet <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    ...optionLines(GLOBAL_OPTIONS),
    '',
    'Exit codes: 0 ok, 1 invalid / refused / drift found, 2 usage error, 3 runtime failure.',
  ];
}

export function commandHelp(command: CommandDefinition): string[] {
  const lines = [command.summary, '', ...command.usage.map((u, i) => `${i === 0 ? 'Usage: ' : '       '}${u}`)];
  const options = [...command.options, ...GLOBAL_OPTIONS];
  lines.push('', 'Options:', ...optionLines(options));
  if (command.details !== undefined) lines.push('', ...command.details);
  return lines;
}
