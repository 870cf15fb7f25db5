/**
 * `mnet emulator [--port 8443] [--scenario demo] [--time-scale 600]`: the local ARM emulator as a process, until
 * Ctrl-C. Point the other commands at it with --endpoint https://127.0.0.1:PORT --ca <printed path>.
 */
import { runEmulatorCommand } from '../../emulator/cli';
import { stringOption } from '../args';
import { UsageError } from '../errors';
import { EXIT } from '../exit-codes';
import type { CommandDefinition } from './types';

function intOption(raw: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

function positiveOption(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number, got "${raw}"`);
  return n;
}

/** Resolves on Ctrl-C or SIGTERM. */
const untilSignal = (): Promise<string> =>
  new Promise((resolve) => {
    const stop = (signal: string): void => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(signal);
    };
    const onInt = (): void => stop('SIGINT');
    const onTerm = (): void => stop('SIGTERM');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
  });

const stopper = { wait: untilSignal };

/** Tests stop the emulator without a signal; undefined restores the default. */
export function setWaitForStop(wait: (() => Promise<string>) | undefined): void {
  stopper.wait = wait ?? untilSignal;
}

export const emulatorCommand: CommandDefinition = {
  name: 'emulator',
  summary: 'Run the local ARM emulator (HTTPS) until Ctrl-C',
  usage: ['mnet emulator [--port 8443] [--scenario empty|demo|scale:N] [--time-scale 600] [--cert-dir .mnet]'],
  options: [
    { name: 'port', value: 'n', description: 'port on 127.0.0.1 (default 8443; 0 picks a free one)' },
    { name: 'scenario', value: 'name', description: 'seed data: empty (default), demo, scale:N' },
    { name: 'time-scale', value: 'x', description: 'emulated seconds per real second (default 600: 30 min in 3 s)' },
    { name: 'cert-dir', value: 'dir', description: 'where to write emulator-ca.pem (default .mnet)' },
  ],
  details: [
    'Prints "emulator ready https://127.0.0.1:PORT" and "ca certificate: <path>", then serves until Ctrl-C.',
    'mnet commands given --endpoint/--ca use a fixed emulator token and move the emulator\'s clock instead of waiting.',
    'Exit codes: 0 stopped, 2 usage error (or the port is taken), 3 runtime failure.',
  ],
  async run({ args, print }) {
    if (args.positionals.length > 0) throw new UsageError(`emulator takes no positional arguments, got "${args.positionals.join(' ')}"`);
    const port = intOption(stringOption(args, 'port'), 'port', 8443, 0, 65535);
    const timeScale = positiveOption(stringOption(args, 'time-scale'), 'time-scale', 600);
    const scenario = stringOption(args, 'scenario') ?? 'empty';
    const certDir = stringOption(args, 'cert-dir') ?? '.mnet';
    let emu;
    try {
      emu = await runEmulatorCommand({ port, scenario, timeScale, certDir }, (line) => print.out(line));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/unknown scenario/.test(message)) throw new UsageError(message, '');
      if (/EADDRINUSE/.test(message) || (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE')) {
        throw new UsageError(`port ${port} is already in use`, 'pick another with --port <n> (0: any free port)');
      }
      throw error;
    }
    const signal = await stopper.wait();
    print.err(`emulator: ${signal}, stopping`);
    await emu.close();
    return EXIT.ok;
  },
};
