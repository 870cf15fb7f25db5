/**
 * `mnet apply --policy P --workspace ID [--yes] [--dry-run]`: the onboardWorkspace orchestration on the local host,
 * after showing the plan and asking. The orchestration re-reads and re-plans itself; approvals it waits for are
 * answered with the person's confirmation (they saw the same plan).
 */
import { ORCHESTRATORS, type OnboardWorkspaceInput } from '../../durable/contracts';
import { instanceIdForWorkspace } from '../../durable/instance-ids';
import { flagOption } from '../args';
import { ARM_OPTIONS } from '../azure/options';
import { resolveArmTarget } from '../azure/target';
import { confirm } from '../confirm';
import { EXIT } from '../exit-codes';
import { renderPlan } from '../output/plan-view';
import { planLive } from '../runtime/live-plan';
import { hostLogger } from '../runtime/host-logger';
import { createLocalRuntime } from '../runtime/local-runtime';
import { runOrchestration } from '../runtime/run-orchestration';
import { ACT_OPTIONS, actTarget, cliApproval, exitFor, snapshotDir, stepPrinter } from './act-common';
import { cliUser } from './drift';
import { validPolicy } from './policy-input';
import type { CommandDefinition } from './types';

export const applyCommand: CommandDefinition = {
  name: 'apply',
  summary: 'Bring one workspace in line with a policy (shows the plan, asks, then runs the onboarding)',
  usage: ['mnet apply --policy <file> --workspace <id> [--yes] [--dry-run] [--endpoint <url> --ca <pem-file>]'],
  options: [...ACT_OPTIONS, ...ARM_OPTIONS],
  details: [
    'Runs the product\'s onboardWorkspace orchestration in-process (same code as the Azure app), against Azure with',
    'DefaultAzureCredential, or an emulator with --endpoint/--ca. Without a terminal, --yes is required.',
    'Exit codes: 0 applied / already compliant / dry run done, 1 refused, declined or rejected (or policy invalid),',
    '2 usage error (or no terminal to confirm on), 3 runtime failure (ARM, a failed step).',
  ],
  async run({ args, io, print, style, verbose }) {
    const { policyPath, workspaceId } = actTarget(args, 'apply');
    const yes = flagOption(args, 'yes');
    const dryRun = flagOption(args, 'dry-run');
    const target = await resolveArmTarget(args, io.env);
    const policy = await validPolicy(policyPath, print, 'nothing applied');
    if (policy === undefined) return EXIT.failed;

    const rt = await createLocalRuntime(target, { snapshotDir: snapshotDir(io.env), ...hostLogger(verbose, print) });
    try {
      const live = await planLive(policy, workspaceId, new Date(rt.time.clock.now()).toISOString());
      if (live.outOfScope !== undefined) {
        print.err(`${live.plan.workspaceName} is outside the scope of policy "${policy.name}": ${live.outOfScope}; nothing applied`);
        return EXIT.failed;
      }
      for (const line of renderPlan(live.plan, style)) print.out(line);
      print.out('');
      if (live.plan.refused !== undefined) return EXIT.failed;
      if (live.plan.compliant) return EXIT.ok;
      if (!dryRun && (await confirm(io, print, `Apply these ${live.plan.steps.length} step(s) to ${live.plan.workspaceName}?`, { yes, command: 'apply' })) === 'no') {
        return EXIT.failed;
      }
      const input: OnboardWorkspaceInput = { workspaceId, policy, dryRun, request: { trigger: 'cli', requestedBy: cliUser(io.env) } };
      const watch = stepPrinter(rt, print, style);
      print.out(dryRun ? 'Dry run (nothing is written):' : 'Applying:');
      const status = await runOrchestration(rt, ORCHESTRATORS.onboardWorkspace, instanceIdForWorkspace(workspaceId), input, {
        approve: async () => cliApproval(io.env, yes ? '--yes' : 'prompt'),
        onStep: () => watch.poll(),
        onWait: (ms) => {
          if (rt.time.mode === 'real' && ms >= 1000) print.err(style.dim(`  waiting ${Math.round(ms / 1000)} s for the next check...`));
        },
      });
      await watch.poll();
      const migrationId = (status.output as { migrationId?: string } | null)?.migrationId;
      if (migrationId !== undefined) print.out(style.dim(`migration id: ${migrationId} (mnet migrate --resume ${migrationId} recreates what a failure left missing)`));
      return exitFor(status, print, style, ['applied', 'compliant', 'dry-run']);
    } finally {
      rt.close();
    }
  },
};
