/**
 * Policy scope matching: subscriptions, resource groups, workspace kinds, tags and exclusions. Ids, names and tag
 * names compare without case (as ARM does); tag values are case-sensitive, "*" matches anything (also inside a
 * value, e.g. "prod-*"). The matcher is compiled once per policy object, so scanning thousands of workspaces stays linear.
 */
import type { Workspace } from '../arm/types';
import type { Policy, PolicyScope } from '../policy/types';
import { resourceGroupOf, subscriptionOf, workspaceKind } from './workspace-facts';

export interface ScopeVerdict {
  inScope: boolean;
  reason?: string;
}

export type ScopeMatcher = (workspace: Workspace) => ScopeVerdict;

function lowerSet(values: readonly string[]): Set<string> {
  return new Set(values.map((v) => v.trim().toLowerCase()));
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`, 's');
}

/** Tag names ignore case: exact hit first, then a scan (no allocation per workspace). */
function tagValue(tags: Readonly<Record<string, string>>, key: string, lowerKey: string): string | undefined {
  const exact = tags[key];
  if (exact !== undefined) return exact;
  for (const k in tags) if (k.toLowerCase() === lowerKey) return tags[k];
  return undefined;
}

export function compileScope(scope: PolicyScope): ScopeMatcher {
  const subscriptions = lowerSet(scope.subscriptions);
  const groups = lowerSet(scope.resource_groups);
  const kinds = lowerSet(scope.workspace_kinds);
  const tags = Object.entries(scope.tags).map(([key, value]) => ({
    key,
    lowerKey: key.toLowerCase(),
    value,
    test: value === '*' ? () => true : value.includes('*') ? ((re: RegExp) => (v: string) => re.test(v))(globToRegExp(value)) : (v: string) => v === value,
  }));
  const excludedIds = new Set<string>();
  const excludedNames = new Set<string>();
  for (const entry of scope.exclude) {
    const e = entry.trim().toLowerCase();
    (e.startsWith('/') ? excludedIds : excludedNames).add(e);
  }

  return (workspace) => {
    const id = workspace.id.toLowerCase();
    if (excludedIds.has(id) || excludedNames.has(workspace.name.toLowerCase())) {
      return { inScope: false, reason: `excluded by the policy (scope.exclude)` };
    }
    const sub = subscriptionOf(workspace.id);
    if (subscriptions.size > 0 && (sub === undefined || !subscriptions.has(sub))) {
      return { inScope: false, reason: `subscription ${sub ?? '(none)'} is not in the policy scope` };
    }
    const rg = resourceGroupOf(workspace.id);
    if (groups.size > 0 && (rg === undefined || !groups.has(rg))) {
      return { inScope: false, reason: `resource group ${rg ?? '(none)'} is not in the policy scope` };
    }
    const kind = workspaceKind(workspace);
    if (kinds.size > 0 && !kinds.has(kind.toLowerCase())) {
      return { inScope: false, reason: `workspace kind ${kind} is not in the policy scope` };
    }
    if (tags.length > 0) {
      const actual = workspace.tags ?? {};
      for (const tag of tags) {
        const value = tagValue(actual, tag.key, tag.lowerKey);
        if (value === undefined) return { inScope: false, reason: `tag ${tag.key} is missing (policy scope requires ${tag.key}=${tag.value})` };
        if (!tag.test(value)) return { inScope: false, reason: `tag ${tag.key}=${value} does not match ${tag.value}` };
      }
    }
    return { inScope: true };
  };
}

const compiled = new WeakMap<PolicyScope, ScopeMatcher>();

export function scopeMatcher(policy: Policy): ScopeMatcher {
  let matcher = compiled.get(policy.scope);
  if (matcher === undefined) {
    matcher = compileScope(policy.scope);
    compiled.set(policy.scope, matcher);
  }
  return matcher;
}

export function isInScope(policy: Policy, workspace: Workspace): ScopeVerdict {
  return scopeMatcher(policy)(workspace);
}
