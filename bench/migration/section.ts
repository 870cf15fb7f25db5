/**
 * Migration critical path on ONE emulator and ONE virtual clock: the real migrateComputes orchestration on the
 * local host, then the sequential script baseline with the same ARM client, each on its own 60-resource workspace.
 */
import { isWrite } from '../lib/arm-requests';
import { runChild } from '../lib/child';
import { maxInWindow } from '../lib/stats';
import { historyCost, type HistoryCost } from './history-cost';
import { runOrchestratedMigration, startMigrationRig, type PhaseTime } from './orchestrated';
import { buildMigrationWorkspace, criticalPathMs, MIGRATED_RESOURCES, migrationPolicy } from './scenario';
import { migrateSequentially, type SequentialResult } from './sequential';

export interface PollWhatIf {
  maxPollSeconds: number;
  emulatedMs: number;
  phases: PhaseTime[];
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
  /** The same orchestration with poll intervals capped (a separate process). */
  whatIf: PollWhatIf;
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

    log(`migration: what-if, poll intervals capped at 60 s (separate process)...`);
    const whatIf = (await runChild('bench/migration/what-if-child.ts', [])) as PollWhatIf;

    return {
      resources: MIGRATED_RESOURCES,
      criticalPathMs: criticalPathMs(),
      orchestrated: {
        result: run.out.result,
        emulatedMs: run.emulatedMs,
        recreated: run.out.recreated.length,
        phases: run.phases,
        armRequests: orchestratedRequests.length,
        maxReadsPerVirtualSecond: maxInWindow(orchestratedRequests.filter((r) => !isWrite(r)).map((r) => r.time)),
        wallMs: run.wallMs,
      },
      sequential: { ...sequential, armRequests: sequentialRequests, wallMs: sequentialWall },
      history,
      whatIf,
    };
  } finally {
    await rig.close();
  }
}
