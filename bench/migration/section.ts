/**
 * Migration critical path on ONE emulator and ONE virtual clock: the real migrateComputes orchestration on the
 * local host, then the sequential script baseline with the same ARM client, each on its own 60-resource workspace.
 */
import { ORCHESTRATORS, type MigrateComputesInput, type MigrateComputesOutput } from '../../src/durable/contracts';
import type { VirtualClock } from '../../src/emulator';
import { startTestRig } from '../../tests/support/test-rig';
import { isWrite } from '../lib/arm-requests';
import { maxInWindow } from '../lib/stats';
import { historyCost, type HistoryCost } from './history-cost';
import { buildMigrationWorkspace, criticalPathMs, MIGRATED_RESOURCES, MIGRATION_DURATIONS, migrationPolicy } from './scenario';
import { migrateSequentially, type SequentialResult } from './sequential';

/** The production default write ceiling. */
const WRITES_PER_SECOND = 5;

export interface PhaseTime {
  phase: string;
  minutes: number;
}

export interface MigrationSection {
  resources: number;
  criticalPathMs: number;
  orchestrated: {
    result: string;
    emulatedMs: number;
    recreated: number;
    phases: PhaseTime[];
    armRequests: number;
    /**
     * Reads arriving in the same emulated second (polls of every pending operation go out together). Writes are
     * not windowed here: concurrent virtual sleeps compress their arrival times; see the etiquette section.
     */
    maxReadsPerVirtualSecond: number;
    wallMs: number;
  };
  sequential: SequentialResult & { armRequests: number; wallMs: number };
  history: HistoryCost;
}

/** Concurrent sleepers (the write ceiling books slots) move the clock to their own wake-up time, not by the sum. */
function virtualSleep(getClock: () => VirtualClock | undefined): (ms: number) => Promise<void> {
  return async (ms) => {
    const clock = getClock();
    if (clock === undefined || ms <= 0) return;
    const target = clock.now() + ms;
    if (target > clock.now()) clock.advanceTo(target);
  };
}

export async function runMigrationSection(log: (line: string) => void): Promise<MigrationSection> {
  let clock: VirtualClock | undefined;
  const rig = await startTestRig({
    scenario: 'empty',
    durations: MIGRATION_DURATIONS,
    arm: { writesPerSecond: WRITES_PER_SECOND, sleep: virtualSleep(() => clock) },
  });
  clock = rig.clock;
  try {
    const policy = migrationPolicy();
    log(`migration: building 2 workspaces x ${MIGRATED_RESOURCES} computes/endpoints...`);
    const orchestratedWs = await buildMigrationWorkspace(rig.arm, 'ws-orch');
    const sequentialWs = await buildMigrationWorkspace(rig.arm, 'ws-seq');

    log('migration: migrateComputes orchestration on the local host...');
    rig.emu.clearRequests();
    let wall = performance.now();
    const t0 = rig.clock.now();
    const input: MigrateComputesInput = { workspaceId: orchestratedWs.id, policy, request: { trigger: 'http', ticketId: 'BENCH-1' } };
    const id = await rig.host.startNew(ORCHESTRATORS.migrateComputes, { instanceId: 'bench-migration', input });
    const status = await rig.host.runUntilComplete(id, { maxSteps: 100_000 });
    const emulatedMs = rig.clock.now() - t0;
    const orchestratedWall = performance.now() - wall;
    const out = status.output as MigrateComputesOutput;
    if (status.runtimeStatus !== 'Completed' || out.result !== 'migrated') {
      throw new Error(`migration did not complete: ${status.runtimeStatus} ${JSON.stringify(status.failure ?? out?.errors)}`);
    }
    const orchestratedRequests = rig.requests();
    const bySub = orchestratedRequests.filter((r) => r.path.startsWith('/subscriptions/'));
    const phases: PhaseTime[] = out.outcomes.map((o) => ({
      phase: o.stepId,
      minutes: (Date.parse(o.finishedAt) - Date.parse(o.startedAt)) / 60_000,
    }));

    log('migration: sequential script baseline (same client, same emulator)...');
    rig.emu.clearRequests();
    wall = performance.now();
    const sequential = await migrateSequentially(rig.arm, sequentialWs.id, policy, () => rig.clock.now());
    const sequentialWall = performance.now() - wall;
    const sequentialRequests = rig.requests().length;

    return {
      resources: MIGRATED_RESOURCES,
      criticalPathMs: criticalPathMs(),
      orchestrated: {
        result: out.result,
        emulatedMs,
        recreated: out.recreated.length,
        phases,
        armRequests: orchestratedRequests.length,
        maxReadsPerVirtualSecond: maxInWindow(bySub.filter((r) => !isWrite(r)).map((r) => r.time)),
        wallMs: orchestratedWall,
      },
      sequential: { ...sequential, armRequests: sequentialRequests, wallMs: sequentialWall },
      history: await historyCost(rig.host),
    };
  } finally {
    await rig.close();
  }
}
