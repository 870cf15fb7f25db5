/**
 * What-if, in its own process: the same migration with the orchestration's poll intervals capped at 60 s
 * (OPERATION_POLL / PROVISIONING_POLL maxSeconds, changed in THIS process only), to measure what that knob buys.
 * The serial recreate (computes, then endpoints) is code, not a knob, and stays.
 */
import { OPERATION_POLL, PROVISIONING_POLL } from '../../src/durable/orchestrators/poll';
import { reportResult } from '../lib/child';
import { runOrchestratedMigration, startMigrationRig } from './orchestrated';
import { buildMigrationWorkspace, migrationPolicy } from './scenario';

export const WHAT_IF_MAX_POLL_SECONDS = 60;

async function main(): Promise<void> {
  OPERATION_POLL.maxSeconds = WHAT_IF_MAX_POLL_SECONDS;
  PROVISIONING_POLL.maxSeconds = WHAT_IF_MAX_POLL_SECONDS;
  const rig = await startMigrationRig();
  try {
    const ws = await buildMigrationWorkspace(rig.arm, 'ws-what-if');
    const run = await runOrchestratedMigration(rig, ws.id, migrationPolicy());
    reportResult({ maxPollSeconds: WHAT_IF_MAX_POLL_SECONDS, emulatedMs: run.emulatedMs, phases: run.phases });
  } finally {
    await rig.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
