/**
 * The CLI's local host loop: one unit of work at a time, until the caller's condition holds or nothing can run.
 * Timers are fired through the TimeDriver (jump, sleep, or move the emulator's clock), so the same loop serves
 * the demo (virtual time), an external emulator and Azure (real time).
 */
import type { InstanceStatus, LocalDurableHost } from '../../durable/local-host';
import type { TimeDriver } from './time-driver';

export type DriveOutcome = 'done' | 'idle';

export interface DriveOptions {
  /** Checked after every unit of work; the loop stops when it returns true. */
  until?: () => Promise<boolean>;
  /** Told how long (driver time) the loop is about to wait for the next timer. */
  onWait?: (ms: number) => void;
  /** Called after every unit of work (progress display). */
  onStep?: () => void | Promise<void>;
  /** Safety net against a runaway orchestration (default 100 000 units of work). */
  maxSteps?: number;
}

export async function drive(host: LocalDurableHost, time: TimeDriver, options: DriveOptions = {}): Promise<DriveOutcome> {
  const maxSteps = options.maxSteps ?? 100_000;
  for (let steps = 0; steps < maxSteps; steps += 1) {
    if (options.until !== undefined && (await options.until())) return 'done';
    await time.sync();
    const report = await host.step({ advanceClock: true });
    await options.onStep?.();
    if (report === undefined) return options.until !== undefined && (await options.until()) ? 'done' : 'idle';
    // A timer step that fired nothing: the driver holds the wished-for time and must make it arrive.
    if (report.kind === 'timers' && report.instanceIds.length === 0) await time.waitForWish(options.onWait);
  }
  throw new Error(`the local host loop did not settle after ${maxSteps} units of work`);
}

const TERMINAL = new Set(['Completed', 'Failed', 'Terminated']);

export function isFinished(status: InstanceStatus | undefined): boolean {
  return status !== undefined && TERMINAL.has(status.runtimeStatus);
}

/** Custom status phase, read defensively (it travels as JSON). */
export function phaseOf(status: InstanceStatus | undefined): string | undefined {
  const custom = status?.customStatus;
  if (typeof custom !== 'object' || custom === null) return undefined;
  const phase = (custom as Record<string, unknown>)['phase'];
  return typeof phase === 'string' ? phase : undefined;
}

/** Drives until the instance finished or waits for an approval; returns its status then. */
export async function driveInstance(
  host: LocalDurableHost,
  time: TimeDriver,
  instanceId: string,
  options: Omit<DriveOptions, 'until'> & { stopAtApproval?: boolean } = {},
): Promise<InstanceStatus> {
  const stopAtApproval = options.stopAtApproval ?? true;
  const settled = async (): Promise<boolean> => {
    const status = await host.getStatus(instanceId);
    return isFinished(status) || (stopAtApproval && phaseOf(status) === 'waiting-for-approval');
  };
  await drive(host, time, { ...options, until: settled });
  const status = await host.getStatus(instanceId);
  if (status === undefined) throw new Error(`orchestration ${instanceId} disappeared from the local host`);
  return status;
}
