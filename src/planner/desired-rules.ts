/**
 * The effective user rules a workspace should have (policy rules + rule packs), from the policy loader's
 * expansion. Memoised per policy object and (kind, default storage when a pack needs it), so a drift scan of
 * thousands of workspaces expands the packs a handful of times, not once per workspace.
 */
import type { Workspace } from '../arm/types';
import { RULE_PACKS } from '../catalog/rule-packs';
import { expandRulePackRules } from '../policy/expand-rule-packs';
import type { Policy, PolicyOutboundRule } from '../policy/types';
import { workspaceKind } from './workspace-facts';

const cache = new WeakMap<Policy, Map<string, readonly PolicyOutboundRule[]>>();

function usesDefaultStorage(policy: Policy): boolean {
  return policy.rule_packs.some((name) => RULE_PACKS[name]?.rules.some((r) => r.kind === 'private_endpoint_default_storage') === true);
}

export function desiredRules(policy: Policy, workspace: Workspace): readonly PolicyOutboundRule[] {
  let perPolicy = cache.get(policy);
  if (perPolicy === undefined) {
    perPolicy = new Map();
    cache.set(policy, perPolicy);
  }
  const kind = workspaceKind(workspace);
  const storage = workspace.properties.storageAccount;
  const key = `${kind.toLowerCase()}|${usesDefaultStorage(policy) ? (storage ?? '').toLowerCase() : ''}`;
  let rules = perPolicy.get(key);
  if (rules === undefined) {
    rules = expandRulePackRules(policy, {
      workspaceKind: kind,
      ...(storage !== undefined ? { defaultStorageAccountId: storage } : {}),
    });
    perPolicy.set(key, rules);
  }
  return rules;
}
