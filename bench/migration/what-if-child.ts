/**
 * What-if, in its own process: the same migration with the orchestration's poll intervals capped at 60 s
 * (OPERATION_POLL / PROVISIONING_POLL maxSeconds, changed in THIS process only), to measure what that knob buys.
 * The caps are now 60 s by default (MAX_OPERATION_POLL_SECONDS / MAX_PROVISIONING_POLL_SECONDS), so this run
 * measures the same schedule as the main one; it stays as a check until the report drops it.
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
