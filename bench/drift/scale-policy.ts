/** The policy the drift benchmark scans with: every scale subscription, approved outbound with two FQDN rules. */
import { parsePolicyText, type Policy } from '../../src/policy';
import { SCALE_SUBSCRIPTIONS, scaleSubscriptionId } from '../../src/emulator/scenarios';

export function scaleSubscriptions(): string[] {
  return Array.from({ length: SCALE_SUBSCRIPTIONS }, (_, i) => scaleSubscriptionId(i));
}

const TEXT = `
name: scale-approved-outbound
scope:
  subscriptions: [${scaleSubscriptions().join(', ')}]
  exclude: [ws-000007]
managed_network:
  isolation_mode: allow_only_approved_outbound
  outbound_rules:
    - name: pkg-pypi-org
      type: fqdn
      destination: pypi.org
    - name: pkg-any-pythonhosted-org
      type: fqdn
      destination: "*.pythonhosted.org"
compute_migration:
  mode: automatic
drift:
  mode: report
`;

export function scalePolicy(): Policy {
  const result = parsePolicyText(TEXT, 'scale-policy.yaml');
  if (!result.ok) throw new Error(`scale policy is invalid: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return result.policy;
}
