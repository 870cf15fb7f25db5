/**
 * Migration critical path on ONE emulator and ONE virtual clock: the real migrateComputes orchestration on the
 * local host, then the sequential script baseline with the same ARM client, each on its own 60-resource workspace.
 * The client has the production ceilings (writes and all requests per subscription, paced) on the virtual clock.
 */
import { bySubscription } from '../lib/arm-requests';
import { maxInWindow } from '../lib/stats';
import { historyCost, type HistoryCost } from './history-cost';
import { REQUESTS_PER_SECOND, runOrchestratedMigration, startMigrationRig, WRITES_PER_SECOND, type PhaseTime } from './orchestrated';
import { buildMigrationWorkspace, criticalPathMs, MIGRATED_RESOURCES, migrationPolicy } from './scenario';
import { migrateSequentially, type SequentialResult } from './sequential';

export interface MigrationSection {
  resources: number;
  criticalPathMs: number;
  /** The client's ceilings in both runs. */
  writesPerSecond: number;
  requestsPerSecond: number;
  orchestrated: {
    result: string;
    emulatedMs: number;
    recreated: number;
    phases: PhaseTime[];
    armRequests: number;
    /**
     * Requests (reads and writes) arriving in any emulated second on one subscription. Indicative only: concurrent
     * virtual sleeps move the shared clock, so arrival times are not the booked ones; the etiquette section
     * measures the budget on the real clock.
     */
    maxRequestsPerVirtualSecond: number;
    wallMs: number;
  };
  sequential: SequentialResult & { armRequests: number; wallMs: number };
  history: HistoryCost;
}

export async function runMigrationSection(log: (line: string) => void): Promise<MigrationSection> {
  const rig = await startMigrationRig();
  try {
    const policy = migrationPolicy();
    log(`migration: building 2 workspaces x ${MIGRATED_RESOURCES} computes/endpoints...`);
    const orchestratedWs = await buildMigrationWorkspace(rig.arm, 'ws-orch');
    const sequentialWs = await buildMigrationWorkspace(rig.arm, 'ws-seq');

    log('migration: migrateComputes orchestration on the local host...');
    rig.emu.clearRequests();
    const run = await runOrchestratedMigration(rig, orchestratedWs.id, policy);
    const orchestratedRequests = rig.requests().filter((r) => r.path.startsWith('/subscriptions/'));

    log('migration: sequential script baseline (same client, same emulator)...');
    rig.emu.clearRequests();
    const wall = performance.now();
    const sequential = await migrateSequentially(rig.arm, sequentialWs.id, policy, () => rig.clock.now());
    const sequentialWall = performance.now() - wall;
    const sequentialRequests = rig.requests().length;
    const history = await historyCost(rig.host);

    return {
      resources: MIGRATED_RESOURCES,
      criticalPathMs: criticalPathMs(),
      writesPerSecond: WRITES_PER_SECOND,
      requestsPerSecond: REQUESTS_PER_SECOND,
      orchestrated: {
        result: run.out.result,
        emulatedMs: run.emulatedMs,
        recreated: run.out.recreated.length,
        phases: run.phases,
        armRequests: orchestratedRequests.length,
        maxRequestsPerVirtualSecond: Math.max(0, ...[...bySubscription(orchestratedRequests).values()].map((list) => maxInWindow(list.map((r) => r.time)))),
        wallMs: run.wallMs,
      },
      sequential: { ...sequential, armRequests: sequentialRequests, wallMs: sequentialWall },
      history,
    };
  } finally {
    await rig.close();
  }
}
