/**
 * `mnet emulator`: runs the emulator as a process with a ScaledClock (default 600x: a 30-minute provisioning takes
 * 3 seconds) and announces itself on stdout with exactly:
 *   emulator ready https://127.0.0.1:PORT
 *   ca certificate: <path>
 * Steer it through the /_emulator/ admin routes (faults, clock, recorded requests).
 */
import { ScaledClock } from './clock';
import { startEmulator, type RunningEmulator } from './index';

export interface EmulatorCommandArgs {
  port?: number;
  scenario?: string;
  timeScale?: number;
  certDir?: string;
}

export async function runEmulatorCommand(args: EmulatorCommandArgs, write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<RunningEmulator> {
  const options: Parameters<typeof startEmulator>[0] = { clock: new ScaledClock(args.timeScale ?? 600), scenario: args.scenario ?? 'empty', port: args.port ?? 0 };
  if (args.certDir !== undefined) options.certDir = args.certDir;
  const emu = await startEmulator(options);
  write(`emulator ready ${emu.url}`);
  write(`ca certificate: ${emu.caCertPath}`);
  return emu;
}
