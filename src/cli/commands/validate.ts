/** `mnet validate <policy-file>`: every problem, one per line; exit 0 valid, 1 invalid, 2 file missing. */
import { expandRules } from '../../policy/expand-rule-packs';
import type { Policy } from '../../policy/types';
import { UsageError } from '../errors';
import { EXIT } from '../exit-codes';
import { printProblems, readPolicy } from './policy-input';
import type { CommandDefinition } from './types';

/** Counts every pack rule, including those whose target is only known per workspace (default storage). */
function ruleCounts(policy: Policy): { total: number; fromPacks: number } {
  const rules = expandRules({
    rules: policy.managed_network.outbound_rules.map((rule, index) => ({ index, rule })),
    rulePacks: policy.rule_packs,
    rulePackOptions: policy.rule_pack_options,
    context: {},
    keepUnresolved: true,
  });
  return { total: rules.length, fromPacks: rules.filter((r) => r.origin.kind === 'pack').length };
}

export const validateCommand: CommandDefinition = {
  name: 'validate',
  summary: 'Check a policy file and print every problem',
  usage: ['mnet validate <policy-file>'],
  options: [],
  details: ['Exit codes: 0 valid, 1 invalid (problems printed as file:line:col path: message [rule]), 2 file missing.'],
  async run({ args, print }) {
    const [file, ...extra] = args.positionals;
    if (file === undefined) throw new UsageError('validate needs a policy file', 'usage: mnet validate <policy-file>');
    if (extra.length > 0) throw new UsageError(`validate takes one policy file, got ${args.positionals.length}`);
    const input = await readPolicy(file);
    printProblems(input, print);
    if (!input.ok) {
      const n = input.problems.length;
      print.err(`${file}: invalid (${n} problem${n === 1 ? '' : 's'})`);
      return EXIT.failed;
    }
    const { total, fromPacks } = ruleCounts(input.policy);
    print.out(`${file}: valid (${total} rule${total === 1 ? '' : 's'}, ${fromPacks} from rule packs)`);
    return EXIT.ok;
  },
};
