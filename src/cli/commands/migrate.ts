/**
 * `mnet migrate --policy P --workspace ID [--resume MIGRATION_ID] [--yes] [--dry-run]`: the compute migration
 * (migrateComputes: snapshot, delete, network steps, provision, recreate, verify) or, with --resume, the
 * recreation of what a failed migration left missing (resumeMigration, from its saved snapshots).
 */
import { randomUUID } from 'node:crypto';
import { ORCHESTRATORS, type MigrateComputesInput, type ResumeMigrationInput } from '../../durable/contracts';
import { instanceIdForWorkspace } from '../../durable/instance-ids';
import { readMigrationManifest } from '../../durable/activities/snapshot-computes';
import type { Policy } from '../../policy/types';
import { flagOption, stringOption, type ParsedArgs } from '../args';
import { ARM_OPTIONS } from '../azure/options';
import { resolveArmTarget } from '../azure/target';
import { confirm } from '../confirm';
import { UsageError } from '../errors';
import { EXIT } from '../exit-codes';
import type { CliIo, Printer } from '../io';
import { renderPlan } from '../output/plan-view';
import type { Style } from '../output/style';
import { planLive } from '../runtime/live-plan';
import { hostLogger } from '../runtime/host-logger';
import { createLocalRuntime, type LocalRuntime } from '../runtime/local-runtime';
import { runOrchestration } from '../runtime/run-orchestration';
import { ACT_OPTIONS, actTarget, cliApproval, exitFor, snapshotDir, stepPrinter } from './act-common';
import { cliUser } from './drift';
import { validPolicy } from './policy-input';
import type { CommandDefinition } from './types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Context {
  rt: LocalRuntime;
  io: CliIo;
  print: Printer;
  style: Style;
  policy: Policy;
  workspaceId: string;
  yes: boolean;
}

async function migrate(c: Context, dryRun: boolean): Promise<number> {
  const { rt, io, print, style, policy, workspaceId, yes } = c;
  const live = await planLive(policy, workspaceId, new Date(rt.time.clock.now()).toISOString());
  if (live.outOfScope !== undefined) {
    print.err(`${live.plan.workspaceName} is outside the scope of policy "${policy.name}": ${live.outOfScope}; nothing migrated`);
    return EXIT.failed;
  }
  for (const line of renderPlan(live.plan, style)) print.out(line);
  print.out('');
  if (live.plan.refused !== undefined) return EXIT.failed;
  const step = live.plan.steps.find((s) => s.kind === 'migrate-computes');
  if (step === undefined) print.out(style.dim('No compute needs migrating: the migration only applies the network steps.'));
  const migrationId = randomUUID();
  if (!dryRun) {
    const what = step === undefined ? 'the network steps' : `${step.params.computes.length} compute(s) and ${step.params.onlineEndpoints.length} online endpoint(s) (deleted, then recreated from snapshots)`;
    if ((await confirm(io, print, `Migrate ${what} of ${live.plan.workspaceName}?`, { yes, command: 'migrate' })) === 'no') return EXIT.failed;
  }
  const input: MigrateComputesInput = {
    workspaceId,
    policy,
    migrationId,
    dryRun,
    request: { trigger: 'cli', requestedBy: cliUser(io.env) },
    // Confirmed at the prompt (or --yes): the orchestration does not wait for another approval.
    ...(dryRun ? {} : { approval: cliApproval(io.env, yes ? '--yes' : 'prompt') }),
  };
  print.out(dryRun ? 'Dry run (nothing is written):' : `Migrating (migration id ${migrationId}; resume with --resume ${migrationId}):`);
  const watch = stepPrinter(rt, print, style);
  const status = await runOrchestration(rt, ORCHESTRATORS.migrateComputes, instanceIdForWorkspace(workspaceId, 'migrate'), input, {
    approve: async () => cliApproval(io.env, yes ? '--yes' : 'prompt'),
    onStep: () => watch.poll(),
  });
  await watch.poll();
  return exitFor(status, print, style, ['migrated', 'nothing-to-migrate', 'dry-run']);
}

async function resume(c: Context, migrationId: string, dryRun: boolean): Promise<number> {
  const { rt, io, print, style, policy, workspaceId, yes } = c;
  const manifest = await readMigrationManifest({ workspaceId, migrationId });
  if (manifest === null) throw new UsageError(`no snapshots for migration ${migrationId} of this workspace in ${snapshotDir(io.env)}`, '');
  print.out(`Migration ${migrationId} saved ${manifest.computes.length} compute(s) and ${manifest.onlineEndpoints.length} online endpoint(s); whatever is missing is recreated from them.`);
  if (dryRun) {
    print.out('Dry run: nothing is written.');
    return EXIT.ok;
  }
  if ((await confirm(io, print, 'Recreate what is missing?', { yes, command: 'migrate --resume' })) === 'no') return EXIT.failed;
  const input: ResumeMigrationInput = { workspaceId, migrationId, policy, request: { trigger: 'cli', requestedBy: cliUser(io.env) } };
  const watch = stepPrinter(rt, print, style);
  const status = await runOrchestration(rt, ORCHESTRATORS.resumeMigration, instanceIdForWorkspace(workspaceId, 'migrate'), input, { onStep: () => watch.poll() });
  await watch.poll();
  return exitFor(status, print, style, ['migrated']);
}

function resumeId(args: ParsedArgs): string | undefined {
  const id = stringOption(args, 'resume');
  if (id !== undefined && !UUID.test(id)) throw new UsageError(`--resume needs the migration id (a GUID) that migrate or apply printed, got "${id}"`);
  return id;
}

export const migrateCommand: CommandDefinition = {
  name: 'migrate',
  summary: 'Migrate a workspace\'s computes into its managed network, or resume a failed migration',
  usage: [
    'mnet migrate --policy <file> --workspace <id> [--yes] [--dry-run] [--endpoint <url> --ca <pem-file>]',
    'mnet migrate --policy <file> --workspace <id> --resume <migration-id> [--yes]',
  ],
  options: [...ACT_OPTIONS, { name: 'resume', value: 'migration-id', description: 'recreate what a failed migration left missing, from its snapshots' }, ...ARM_OPTIONS],
  details: [
    'Every compute and online endpoint is snapshotted before anything is deleted; snapshots go to MNET_SNAPSHOT_DIR',
    '(default .mnet/snapshots), which --resume reads.',
    'Exit codes: 0 migrated / nothing to migrate / dry run done, 1 refused or declined (or policy invalid),',
    '2 usage error (or no terminal to confirm on), 3 runtime failure (ARM, a failed phase).',
  ],
  async run({ args, io, print, style, verbose }) {
    const { policyPath, workspaceId } = actTarget(args, 'migrate');
    const migrationId = resumeId(args);
    const target = await resolveArmTarget(args, io.env);
    const policy = await validPolicy(policyPath, print, 'nothing migrated');
    if (policy === undefined) return EXIT.failed;
    const rt = await createLocalRuntime(target, { snapshotDir: snapshotDir(io.env), ...hostLogger(verbose, print) });
    try {
      const c: Context = { rt, io, print, style, policy, workspaceId, yes: flagOption(args, 'yes') };
      return migrationId === undefined ? await migrate(c, flagOption(args, 'dry-run')) : await resume(c, migrationId, flagOption(args, 'dry-run'));
    } finally {
      rt.close();
    }
  },
};
