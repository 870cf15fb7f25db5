/**
 * Everything the CLI needs to run the product's orchestrations in-process: the ARM client for the target, the
 * activities' dependencies, and a LocalDurableHost with the registry's orchestrators and activities (the same
 * code Azure runs), on the time driver that fits the target (see time-driver.ts).
 */
import type { ArmClient } from '../../arm/client/arm-client';
import { createArmClient } from '../../arm/client/create-arm-client';
import { clearActivityDependencies, setActivityDependencies, type ActivityLog } from '../../durable/activities/dependencies';
import { LocalDurableHost, type HostLogger } from '../../durable/local-host';
import { activities, installFailureProperties, orchestrators } from '../../durable/registry';
import { FileSnapshotStore } from '../../durable/snapshots/file-snapshot-store';
import { JsonReportStore, type ReportStore } from '../../durable/snapshots/report-store';
import type { SnapshotStore } from '../../durable/snapshots/snapshot-store';
import { checkSignIn, connectionHint } from '../azure/preflight';
import type { ArmTarget } from '../azure/target';
import { RuntimeFailure } from '../errors';
import { cliVersion } from '../version';
import { emulatorClockApi } from './emulator-admin';
import { MemorySnapshotStore } from './memory-store';
import { emulatorTimeDriver, realTimeDriver, type TimeDriver } from './time-driver';

export interface LocalRuntime {
  target: ArmTarget;
  arm: ArmClient;
  host: LocalDurableHost;
  time: TimeDriver;
  snapshots: SnapshotStore;
  reports: ReportStore;
  close(): void;
}

export interface RuntimeOptions {
  /** Default: chosen from the target (Azure: real time; an emulator with an admin clock: its clock). */
  time?: TimeDriver;
  /** Compute snapshots (migrations): a folder, so `migrate --resume` finds them after a crash. Default: in memory. */
  snapshotDir?: string;
  logger?: HostLogger;
  activityLog?: ActivityLog;
}

/** Azure: real time. An emulator: its own clock through the admin route (which also proves it is reachable). */
export async function chooseTimeDriver(target: ArmTarget): Promise<TimeDriver> {
  if (target.kind === 'azure') return realTimeDriver();
  const api = emulatorClockApi(target.endpoint, target.caCertPem);
  try {
    await api.read();
    return emulatorTimeDriver(api);
  } catch (error) {
    const hint = connectionHint(target, error);
    if (hint !== undefined) throw new RuntimeFailure(hint, { cause: error });
    // Reachable but without the admin clock: some other ARM stand-in; wait in real time.
    return realTimeDriver();
  }
}

export async function createLocalRuntime(target: ArmTarget, options: RuntimeOptions = {}): Promise<LocalRuntime> {
  await checkSignIn(target);
  const time = options.time ?? (await chooseTimeDriver(target));
  await time.sync();
  const arm = createArmClient({
    endpoint: target.endpoint,
    credential: target.credential(),
    ...(target.caCertPem !== undefined ? { caCertPem: target.caCertPem } : {}),
    // Retries, the request ceilings and LRO polling wait in the driver's time (no real wait against an emulator).
    sleep: (ms) => time.sleep(ms),
    now: () => time.clock.now(),
    userAgent: `mnet-cli/${cliVersion()}`,
  });
  const snapshots: SnapshotStore = options.snapshotDir !== undefined ? new FileSnapshotStore(options.snapshotDir) : new MemorySnapshotStore();
  const reports = new JsonReportStore(new MemorySnapshotStore());
  // The CLI acts with a human operator's own credentials: it may define the product's custom approver roles
  // (operator-only, src/arm/actions.ts OPERATOR_ONLY_ACTIONS); the app in Azure uses the ones infra pre-created.
  setActivityDependencies({ arm, snapshots, reports, allowRoleDefinitionWrites: true, ...(options.activityLog !== undefined ? { log: options.activityLog } : {}) });
  installFailureProperties();
  const host = new LocalDurableHost({
    orchestrators,
    activities,
    clock: time.clock,
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
  });
  return {
    target,
    arm,
    host,
    time,
    snapshots,
    reports,
    close() {
      clearActivityDependencies();
      arm.close();
    },
  };
}
