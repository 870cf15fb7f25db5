/**
 * Only the orchestrated migration of the benchmark (no sequential baseline, no report):
 * `node --import tsx bench/migration/orchestrated-only.ts`. Prints the emulated time, the ratio to the critical
 * path and the phases as JSON.
 */
import { runOrchestratedMigration, startMigrationRig } from './orchestrated';
import { buildMigrationWorkspace, criticalPathMs, MIGRATED_RESOURCES, migrationPolicy } from './scenario';

async function main(): Promise<void> {
  const rig = await startMigrationRig();
  try {
    const ws = await buildMigrationWorkspace(rig.arm, 'ws-orch');
    rig.emu.clearRequests();
    const run = await runOrchestratedMigration(rig, ws.id, migrationPolicy());
    const critical = criticalPathMs();
    const requests = rig.requests().filter((r) => r.path.startsWith('/subscriptions/')).length;
    process.stdout.write(
      `${JSON.stringify(
        {
          resources: MIGRATED_RESOURCES,
          criticalPathMinutes: critical / 60_000,
          emulatedMinutes: Math.round((run.emulatedMs / 60_000) * 100) / 100,
          ratio: Math.round((run.emulatedMs / critical) * 100) / 100,
          recreated: run.out.recreated.length,
          armRequests: requests,
          wallMs: Math.round(run.wallMs),
          phases: run.phases.map((p) => ({ phase: p.phase, minutes: Math.round(p.minutes * 100) / 100 })),
        },
        null,
        1,
      )}\n`,
    );
  } finally {
    await rig.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
