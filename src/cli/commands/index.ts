/**
 * The command table: one entry per command, each defined in its own file here. To add a command (drift, apply,
 * migrate, emulator, demo...), create commands/<name>.ts exporting a CommandDefinition and list it below.
 */
import { planCommand } from './plan';
import type { CommandDefinition } from './types';
import { validateCommand } from './validate';

export const COMMANDS: readonly CommandDefinition[] = [validateCommand, planCommand];

export function findCommand(name: string): CommandDefinition | undefined {
  return COMMANDS.find((c) => c.name === name);
}

export type { CommandContext, CommandDefinition } from './types';
