/**
 * Crash at every step boundary: each host persists exactly ONE step (an instance write) and dies; a new host over
 * the same FileHistoryStore resumes. Activities whose completion was not recorded run again (at-least-once), as
 * on the real host. Approvals are answered whenever an instance waits for one (answering is itself a step).
 */
import { APPROVAL_EVENT, type OrchestrationCustomStatus } from '../../../src/durable/contracts';
import { SimulatedCrashError, type InstanceStatus, type LocalDurableHost } from '../../../src/durable/local-host';
import type { TestRig } from '../../support/test-rig';

export interface CrashRun {
  status: InstanceStatus;
  /** One per persisted step: every step boundary of every instance the run touched. */
  crashes: number;
  /** Instances the run created (the top-level one and its sub-orchestrations). */
  instances: string[];
}

async function approveWaiting(host: LocalDurableHost, approved: Set<string>): Promise<void> {
  for (const s of await host.listInstances()) {
    const waiting = (s.customStatus as OrchestrationCustomStatus | null)?.phase === 'waiting-for-approval';
    if (!waiting || approved.has(s.instanceId) || s.runtimeStatus !== 'Running') continue;
    approved.add(s.instanceId);
    await host.raiseEvent(s.instanceId, APPROVAL_EVENT, { approved: true, approver: 'reliability@contoso.com' });
  }
}

export async function runCrashingAfterEveryStep(rig: TestRig, start: (host: LocalDurableHost) => Promise<string>, maxCrashes = 20_000): Promise<CrashRun> {
  let host = rig.newHost();
  const id = await start(host);
  const approved = new Set<string>();
  let crashes = 0;
  for (;;) {
    host.stopAfterSteps(1);
    try {
      await approveWaiting(host, approved);
      if ((await host.step()) === undefined) break;
    } catch (err) {
      if (!(err instanceof SimulatedCrashError)) throw err;
      crashes += 1;
      if (crashes > maxCrashes) throw new Error(`still running after ${maxCrashes} crashes`);
      host = rig.newHost();
      await host.resume();
    }
  }
  const status = await host.getStatus(id);
  if (status === undefined) throw new Error(`instance ${id} vanished`);
  return { status, crashes, instances: (await host.listInstances()).map((s) => s.instanceId) };
}

async function driveToEnd(host: LocalDurableHost, approved: Set<string>): Promise<void> {
  for (;;) {
    await approveWaiting(host, approved);
    if ((await host.step()) === undefined) return;
  }
}

async function statusOf(host: LocalDurableHost, id: string): Promise<InstanceStatus> {
  const status = await host.getStatus(id);
  if (status === undefined) throw new Error(`instance ${id} vanished`);
  return status;
}

/** The same run without crashes: how many steps it persists (the number of boundaries the crash run must visit). */
export async function runWithoutCrashing(rig: TestRig, start: (host: LocalDurableHost) => Promise<string>): Promise<{ status: InstanceStatus; steps: number }> {
  const host = rig.newHost();
  const id = await start(host);
  const first = host.persistedSteps;
  await driveToEnd(host, new Set());
  return { status: await statusOf(host, id), steps: host.persistedSteps - first };
}

/** One crash, right after the k-th step persisted after the start; a new host resumes and finishes. */
export async function runCrashingOnceAt(rig: TestRig, start: (host: LocalDurableHost) => Promise<string>, k: number): Promise<InstanceStatus> {
  let host = rig.newHost();
  const id = await start(host);
  const approved = new Set<string>();
  host.stopAfterSteps(k);
  try {
    await driveToEnd(host, approved);
    throw new Error(`the run ended before step ${k}`);
  } catch (err) {
    if (!(err instanceof SimulatedCrashError)) throw err;
  }
  host = rig.newHost();
  await host.resume();
  await driveToEnd(host, approved);
  return statusOf(host, id);
}
