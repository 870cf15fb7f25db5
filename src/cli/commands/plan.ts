/**
 * `mnet plan --policy P (--state F | --workspace ID) [--json]`: what it would take to make a workspace comply.
 * --workspace reads it live (Azure, or an emulator with --endpoint/--ca) with the onboarding's own read.
 */
import { plan } from '../../planner/plan';
import { flagOption, stringOption } from '../args';
import { ARM_OPTIONS } from '../azure/options';
import { resolveArmTarget } from '../azure/target';
import { UsageError } from '../errors';
import { EXIT } from '../exit-codes';
import { renderPlan } from '../output/plan-view';
import { readLiveState } from '../runtime/live-plan';
import { createLocalRuntime } from '../runtime/local-runtime';
import { stateSourceFromOptions } from '../state/sources';
import { printProblems, readPolicy } from './policy-input';
import type { CommandDefinition } from './types';

export const planCommand: CommandDefinition = {
  name: 'plan',
  summary: 'Show the steps that bring a workspace into line with a policy',
  usage: ['mnet plan --policy <file> --state <workspace.json> [--json]', 'mnet plan --policy <file> --workspace <resource-id> [--json] [--endpoint <url> --ca <pem-file>]'],
  options: [
    { name: 'policy', value: 'file', description: 'policy file (YAML or JSON)' },
    { name: 'state', value: 'file', description: 'workspace as ARM returns it, or {"workspace", "computes", "onlineEndpoints"}' },
    { name: 'workspace', value: 'id', description: 'read the workspace live from Azure' },
    { name: 'json', description: 'print the plan as JSON' },
    ...ARM_OPTIONS,
  ],
  details: [
    'Exit codes: 0 plan computed (compliant or not), 1 policy invalid or plan refused, 2 usage or unusable input, 3 runtime failure.',
    'A state file without "computes" means computes were not read: the plan cannot list the compute migration.',
  ],
  async run({ args, io, print, style }) {
    if (args.positionals.length > 0) throw new UsageError(`plan takes no positional arguments, got "${args.positionals.join(' ')}"`);
    const policyPath = stringOption(args, 'policy');
    if (policyPath === undefined) throw new UsageError('plan needs --policy <file>');
    const state = stringOption(args, 'state');
    const workspace = stringOption(args, 'workspace');
    // Resolve the source first: a usage mistake is reported before any file is read.
    if (state !== undefined && (stringOption(args, 'endpoint') !== undefined || stringOption(args, 'ca') !== undefined)) {
      throw new UsageError('--endpoint and --ca go with --workspace (a state file is read from disk)');
    }
    const source = stateSourceFromOptions({ ...(state !== undefined ? { state } : {}), ...(workspace !== undefined ? { workspace } : {}) }, async (id) => {
      const rt = await createLocalRuntime(await resolveArmTarget(args, io.env));
      try {
        return await readLiveState(id);
      } finally {
        rt.close();
      }
    });

    const input = await readPolicy(policyPath);
    printProblems(input, print);
    if (!input.ok) {
      print.err(`${policyPath}: invalid policy, no plan`);
      return EXIT.failed;
    }
    const actual = await source.load();
    const result = plan(input.policy, actual, { now: new Date().toISOString() });
    if (flagOption(args, 'json')) {
      print.out(JSON.stringify(result, null, 2));
    } else {
      for (const line of renderPlan(result, style)) print.out(line);
    }
    return result.refused !== undefined ? EXIT.failed : EXIT.ok;
  },
};
