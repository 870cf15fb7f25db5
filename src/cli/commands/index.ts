/**
 * The command table: one entry per command, each defined in its own file here. To add a command, create
 * commands/<name>.ts exporting a CommandDefinition and list it below (help and usage follow from it).
 */
import { applyCommand } from './apply';
import { demoCommand } from './demo';
import { driftCommand } from './drift';
import { emulatorCommand } from './emulator';
import { migrateCommand } from './migrate';
import { planCommand } from './plan';
import type { CommandDefinition } from './types';
import { validateCommand } from './validate';

export const COMMANDS: readonly CommandDefinition[] = [validateCommand, planCommand, driftCommand, applyCommand, migrateCommand, emulatorCommand, demoCommand];

export function findCommand(name: string): CommandDefinition | undefined {
  return COMMANDS.find((c) => c.name === name);
}

export type { CommandContext, CommandDefinition } from './types';
