/** Isolation mode vs rules and firewall. Facts: "Isolation modes", "Outbound rules" (types per mode, firewall). */
import { ISOLATION_MODES } from '../../catalog/isolation-modes';
import { RULE_TYPES, RULE_TYPES_ALLOWED_BY_MODE } from '../../catalog/outbound-rules';
import { HUB_KIND } from '../../catalog/prerequisites';
import { rulePath, type Check } from './check';

/** Policy names of the rule types a mode accepts. */
function allowedTypes(mode: keyof typeof ISOLATION_MODES): string[] {
  const arm = RULE_TYPES_ALLOWED_BY_MODE[ISOLATION_MODES[mode]];
  return Object.entries(RULE_TYPES).filter(([, a]) => arm.includes(a)).map(([p]) => p);
}

export const checkModeRules: Check = (view, sink) => {
  const mode = view.mode;
  if (mode === undefined) return;
  if (mode === 'disabled') {
    if (view.ruleCount > 0) {
      sink.error(['managed_network', 'outbound_rules'], 'mode-disabled-with-rules',
        'isolation_mode disabled has no managed network, so it takes no outbound rules: remove them or choose a managed mode');
    }
    if ((view.rulePacks ?? []).length > 0) {
      sink.error(['rule_packs'], 'mode-disabled-with-rules', 'isolation_mode disabled has no managed network, so rule packs cannot apply');
    }
  } else {
    const allowed = allowedTypes(mode);
    for (const { index, rule } of view.rules) {
      if (!allowed.includes(rule.type)) {
        sink.error(rulePath(index), 'rule-type-allowed-in-mode',
          `${rule.type} rules are only valid in allow_only_approved_outbound; ${mode} accepts ${allowed.join(', ')} rules only`,
          { pointAt: rulePath(index, 'type') });
      }
    }
  }
  const hubAt = view.scope?.workspace_kinds.indexOf(HUB_KIND) ?? -1;
  if (mode === 'disabled' && hubAt >= 0) {
    sink.warn(['scope', 'workspace_kinds', hubAt], 'hub-needs-managed-network',
      'AI Studio / Foundry hubs can only be isolated by a managed network (no customer VNet): with isolation_mode disabled they have no network isolation');
  }
  if (view.firewallSku !== undefined && mode !== 'allow_only_approved_outbound') {
    // A warning, not an error: the service and SDK accept the property in any mode; it just has no effect.
    sink.warn(['managed_network', 'firewall_sku'], 'firewall-sku-needs-approved-mode',
      `firewall_sku has no effect in ${mode}: the Azure Firewall exists only for FQDN rules in allow_only_approved_outbound`);
  }
};
