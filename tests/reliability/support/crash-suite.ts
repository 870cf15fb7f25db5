/** Runs one crash scenario twice on fresh rigs: uninterrupted (to count its steps), then crashing after every step. */
import assert from 'node:assert/strict';
import type { LroDurations } from '../../../src/emulator';
import { startTestRig, type TestRig } from '../../support/test-rig';
import { runCrashingAfterEveryStep, runCrashingOnceAt, runWithoutCrashing, type CrashRun } from './crash-driver';
import type { CrashScenario } from './crash-scenarios';
import { installFaultMix } from './fault-mix';
import { deletedTwice, duplicateRoleAssignments, roleAssignmentsCreatedTwice } from './invariants';

/** Short LROs: the suites are about step boundaries, not minutes. */
export const CRASH_DURATIONS: Partial<LroDurations> = {
  computeCreate: 120_000,
  computeDelete: 60_000,
  endpointCreate: 120_000,
  endpointDelete: 60_000,
  deploymentCreate: 120_000,
  endpointUpdate: 60_000,
  provisionManagedNetwork: 600_000,
};

/** A start-up failure (the emulator's certificate included) fails the suite: nothing here retries it. */
function startCrashRig(): Promise<TestRig> {
  return startTestRig({ scenario: 'empty', persistHistory: true, durations: CRASH_DURATIONS, emulator: { retryAfterSeconds: 30 } });
}

export async function withCrashRig<T>(fn: (rig: TestRig) => Promise<T>): Promise<T> {
  const rig = await startCrashRig();
  try {
    return await fn(rig);
  } finally {
    await rig.close();
  }
}

/** Invariants every scenario shares; returns how many were checked. */
export function checkCommonInvariants(rig: TestRig): number {
  const requests = rig.requests();
  assert.deepEqual(deletedTwice(requests), []);
  assert.deepEqual(duplicateRoleAssignments(rig.emu.state.roleAssignments()), []);
  assert.deepEqual(roleAssignmentsCreatedTwice(requests), []);
  return 3;
}

export interface CrashSuiteResult {
  cleanSteps: number;
  crashes: number;
  invariants: number;
}

/** Steps an uninterrupted run of the scenario persists (after its start). */
export function cleanRunSteps(scenario: CrashScenario): Promise<number> {
  return withCrashRig(async (rig) => {
    const s = await scenario.setup(rig);
    rig.emu.clearRequests();
    const run = await runWithoutCrashing(rig, s.start);
    await s.verify(rig, run.status);
    return run.steps;
  });
}

export interface CrashSuiteOptions {
  /** Also fail this share of ARM calls (the fault mix), seeded. */
  faults?: { rate: number; seed: number };
}

export async function crashAfterEveryStep(scenario: CrashScenario, options: CrashSuiteOptions = {}): Promise<CrashSuiteResult & { faults: number }> {
  const cleanSteps = await cleanRunSteps(scenario);
  return withCrashRig(async (rig) => {
    const s = await scenario.setup(rig);
    rig.emu.clearRequests();
    const mix = options.faults === undefined ? undefined : installFaultMix(rig.emu.faults, options.faults.rate, options.faults.seed);
    const run: CrashRun = await runCrashingAfterEveryStep(rig, s.start);
    const faults = mix?.total() ?? 0;
    mix?.remove();
    // Every boundary of the uninterrupted run was crossed with a crash (re-run activities can add a few more).
    assert.ok(run.crashes >= cleanSteps, `${run.crashes} crashes for ${cleanSteps} steps`);
    const own = await s.verify(rig, run.status);
    return { cleanSteps, crashes: run.crashes, invariants: own + checkCommonInvariants(rig) + 1, faults };
  });
}

/** A fresh run that crashes once, after its k-th step, and is finished by a new host; returns invariants checked. */
export function crashOnceAt(scenario: CrashScenario, k: number): Promise<number> {
  return withCrashRig(async (rig) => {
    const s = await scenario.setup(rig);
    rig.emu.clearRequests();
    const status = await runCrashingOnceAt(rig, s.start, k);
    return (await s.verify(rig, status)) + checkCommonInvariants(rig);
  });
}
