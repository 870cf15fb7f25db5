/** One migrateComputes run on the rig's local host, timed on the virtual clock, with its phase breakdown. */
import { ORCHESTRATORS, type MigrateComputesInput, type MigrateComputesOutput } from '../../src/durable/contracts';
import { ARM_CLIENT_DEFAULTS } from '../../src/arm/client';
import type { VirtualClock } from '../../src/emulator';
import type { Policy } from '../../src/policy/types';
import { startTestRig, type TestRig } from '../../tests/support/test-rig';
import { MIGRATION_DURATIONS } from './scenario';

/** The production default ceilings: writes (5/s) and all requests (20/s), paced, per subscription. */
export const { writesPerSecond: WRITES_PER_SECOND, requestsPerSecond: REQUESTS_PER_SECOND } = ARM_CLIENT_DEFAULTS;

export interface PhaseTime {
  phase: string;
  minutes: number;
}

export interface OrchestratedRun {
  out: MigrateComputesOutput;
  emulatedMs: number;
  wallMs: number;
  phases: PhaseTime[];
}

/** Concurrent sleepers (the ceilings book slots) move the clock to their own wake-up time, not by the sum. */
function virtualSleep(getClock: () => VirtualClock | undefined): (ms: number) => Promise<void> {
  return async (ms) => {
    const clock = getClock();
    if (clock === undefined || ms <= 0) return;
    const target = clock.now() + ms;
    if (target > clock.now()) clock.advanceTo(target);
  };
}

/** The rig both migration runs use: emulated latencies, the production request and write ceilings on the virtual clock. */
export async function startMigrationRig(): Promise<TestRig> {
  let clock: VirtualClock | undefined;
  const rig = await startTestRig({
    scenario: 'empty',
    durations: MIGRATION_DURATIONS,
    arm: { writesPerSecond: WRITES_PER_SECOND, requestsPerSecond: REQUESTS_PER_SECOND, sleep: virtualSleep(() => clock) },
  });
  clock = rig.clock;
  return rig;
}

export async function runOrchestratedMigration(rig: TestRig, workspaceId: string, policy: Policy): Promise<OrchestratedRun> {
  const wall = performance.now();
  const t0 = rig.clock.now();
  const input: MigrateComputesInput = { workspaceId, policy, request: { trigger: 'http', ticketId: 'BENCH-1' } };
  const id = await rig.host.startNew(ORCHESTRATORS.migrateComputes, { instanceId: `bench-migration-${t0}`, input });
  const status = await rig.host.runUntilComplete(id, { maxSteps: 100_000 });
  const emulatedMs = rig.clock.now() - t0;
  const out = status.output as MigrateComputesOutput;
  if (status.runtimeStatus !== 'Completed' || out.result !== 'migrated') {
    throw new Error(`migration did not complete: ${status.runtimeStatus} ${JSON.stringify(status.failure ?? out?.errors)}`);
  }
  const phases = out.outcomes.map((o) => ({ phase: o.stepId, minutes: (Date.parse(o.finishedAt) - Date.parse(o.startedAt)) / 60_000 }));
  return { out, emulatedMs, wallMs: performance.now() - wall, phases };
}
