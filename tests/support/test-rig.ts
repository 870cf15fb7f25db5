/**
 * One local stack over ONE virtual clock: the ARM emulator, the real ARM client pointed at it, the activity
 * dependencies (file snapshot and report stores in a temp dir), and a LocalDurableHost running the app's
 * orchestrators and activities. Nothing waits for real: the client's sleeps advance the clock, and the host
 * fires durable timers by advancing it.
 *
 *   const rig = await startTestRig({ scenario: 'demo' });
 *   const id = await rig.host.startNew('onboardWorkspace', { instanceId, input });
 *   const status = await rig.host.runUntilComplete(id);
 *   await rig.close();
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createArmClient, type ArmClientOptions, type ClosableArmClient } from '../../src/arm/client';
import { StaticTokenCredential } from '../../src/arm/credentials';
import { clearActivityDependencies, setActivityDependencies, type ActivityDependencies } from '../../src/durable/activities/dependencies';
import { FileHistoryStore, InMemoryHistoryStore, LocalDurableHost, type HistoryStore, type LocalDurableHostOptions } from '../../src/durable/local-host';
import { activities, installFailureProperties, orchestrators } from '../../src/durable/registry';
import { FileReportStore } from '../../src/durable/snapshots/report-store';
import { FileSnapshotStore } from '../../src/durable/snapshots/file-snapshot-store';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator';
import { VirtualClock } from '../../src/emulator/clock';
import type { RecordedRequest } from '../../src/emulator/recorder';

export interface TestRigOptions {
  /** Emulator scenario: 'empty' (default), 'demo', 'scale:N'. */
  scenario?: string;
  /** Emulator LRO durations (ms); defaults are the realistic ones (provisioning 30 min). */
  durations?: EmulatorOptions['durations'];
  /** Emulator options beyond scenario/durations (seed, pageSize, retryAfterSeconds). */
  emulator?: Omit<EmulatorOptions, 'scenario' | 'durations' | 'clock'>;
  /** Persist orchestration history in files under the rig's temp dir (needed to resume after a crash). */
  persistHistory?: boolean;
  /** Extra LocalDurableHost options (crashAfter, maxActivityConcurrency, logger). */
  host?: Partial<Pick<LocalDurableHostOptions, 'crashAfter' | 'maxActivityConcurrency' | 'logger'>>;
  /** Extra ARM client options. */
  arm?: Partial<Omit<ArmClientOptions, 'endpoint' | 'credential' | 'caCertPem'>>;
  /**
   * Custom approver role settings of the activities. Default: role definitions may be written (a local run, like
   * the CLI); pass `{ allowRoleDefinitionWrites: false }` to run as the app does in Azure.
   */
  activities?: Pick<ActivityDependencies, 'customApproverRoles' | 'allowRoleDefinitionWrites'>;
}

export interface TestRig {
  emu: RunningEmulator;
  clock: VirtualClock;
  arm: ClosableArmClient;
  /** The current host; replace it with newHost() after a simulated crash. */
  host: LocalDurableHost;
  snapshots: FileSnapshotStore;
  reports: FileReportStore;
  historyStore: HistoryStore;
  dirs: { root: string; snapshots: string; reports: string; history: string };
  /** A fresh host over the same history store and clock (what a restarted Functions host would be). */
  newHost(options?: TestRigOptions['host']): LocalDurableHost;
  /** Requests the emulator received; writes = everything but GET (Resource Graph POSTs included). */
  requests(): RecordedRequest[];
  writes(): RecordedRequest[];
  close(): Promise<void>;
}

export async function startTestRig(options: TestRigOptions = {}): Promise<TestRig> {
  const clock = new VirtualClock();
  const root = await mkdtemp(join(tmpdir(), 'mnet-rig-'));
  const dirs = { root, snapshots: join(root, 'snapshots'), reports: join(root, 'reports'), history: join(root, 'history') };
  const emu = await startEmulator({
    ...(options.emulator ?? {}),
    scenario: options.scenario ?? 'empty',
    clock,
    ...(options.durations !== undefined ? { durations: options.durations } : {}),
  });
  const arm = createArmClient({
    endpoint: emu.url,
    credential: new StaticTokenCredential('test-rig'),
    caCertPem: emu.caCertPem,
    // Time spent waiting inside the client (retry backoff, ...AndWait polling) is virtual time passing.
    sleep: async (ms) => {
      if (ms > 0) clock.advance(ms);
    },
    now: () => clock.now(),
    random: () => 0.5,
    writesPerSecond: 0,
    requestsPerSecond: 0,
    ...(options.arm ?? {}),
  });
  const snapshots = new FileSnapshotStore(dirs.snapshots);
  const reports = new FileReportStore(dirs.reports);
  setActivityDependencies({ arm, snapshots, reports, allowRoleDefinitionWrites: true, ...(options.activities ?? {}) });
  installFailureProperties();
  const historyStore: HistoryStore = options.persistHistory === true ? new FileHistoryStore(dirs.history) : new InMemoryHistoryStore();
  const makeHost = (hostOptions: TestRigOptions['host'] = options.host): LocalDurableHost =>
    new LocalDurableHost({ orchestrators, activities, clock, historyStore, ...(hostOptions ?? {}) });

  const rig: TestRig = {
    emu,
    clock,
    arm,
    host: makeHost(),
    snapshots,
    reports,
    historyStore,
    dirs,
    newHost(hostOptions) {
      rig.host = makeHost(hostOptions ?? {});
      return rig.host;
    },
    requests: () => emu.requests(),
    writes: () => emu.requests().filter((r) => r.method !== 'GET'),
    async close() {
      clearActivityDependencies();
      arm.close();
      await emu.close();
      await rm(root, { recursive: true, force: true });
    },
  };
  return rig;
}
