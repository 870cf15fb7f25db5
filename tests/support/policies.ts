/** Test policies, validated by the real policy validator (so defaults are the product's). */
import { validatePolicy } from '../../src/policy/validate';
import type { Policy } from '../../src/policy/types';

/** `raw` is a policy file's content as a JavaScript value; throws with the problems when it is invalid. */
export function testPolicy(raw: Record<string, unknown>): Policy {
  const result = validatePolicy({ name: 'test-policy', ...raw }, { sourceName: 'test-policy' });
  if (!result.ok) throw new Error(`invalid test policy:\n${result.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`);
  return result.policy;
}

/** Approved outbound with a couple of FQDN rules, for the given subscriptions. */
export function approvedOutboundPolicy(subscriptions: string[], extra: Record<string, unknown> = {}): Policy {
  return testPolicy({
    scope: { subscriptions },
    managed_network: {
      isolation_mode: 'allow_only_approved_outbound',
      outbound_rules: [
        { name: 'pypi', type: 'fqdn', destination: 'pypi.org' },
        { name: 'pythonhosted', type: 'fqdn', destination: '*.pythonhosted.org' },
      ],
    },
    ...extra,
  });
}
