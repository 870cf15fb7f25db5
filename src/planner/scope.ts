/**
 * Policy scope matching: subscriptions, resource groups, workspace kinds, tags and exclusions. Ids, names and tag
 * names compare without case (as ARM does); tag values are case-sensitive, "*" matches anything (also inside a
 * value, e.g. "prod-*"). The matcher is compiled once per policy object, so scanning thousands of workspaces stays linear.
 */
import type { Workspace } from '../arm/types';
import type { Policy, PolicyScope } from '../policy/types';
import { parseIdCached } from './resource-ids';
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

/** Judges what the id alone decides: exclusions, subscriptions, resource groups. */
export type IdScopeMatcher = (resourceId: string, name?: string) => ScopeVerdict;

export function compileIdScope(scope: PolicyScope): IdScopeMatcher {
  const subscriptions = lowerSet(scope.subscriptions);
  const groups = lowerSet(scope.resource_groups);
  const excludedIds = new Set<string>();
  const excludedNames = new Set<string>();
  for (const entry of scope.exclude) {
    const e = entry.trim().toLowerCase();
    (e.startsWith('/') ? excludedIds : excludedNames).add(e);
  }
  return (resourceId, name) => {
    const wsName = name ?? parseIdCached(resourceId)?.name;
    if (excludedIds.has(resourceId.toLowerCase()) || (wsName !== undefined && excludedNames.has(wsName.toLowerCase()))) {
      return { inScope: false, reason: `excluded by the policy (scope.exclude)` };
    }
    const sub = subscriptionOf(resourceId);
    if (subscriptions.size > 0 && (sub === undefined || !subscriptions.has(sub))) {
      return { inScope: false, reason: `subscription ${sub ?? '(none)'} is not in the policy scope` };
    }
    const rg = resourceGroupOf(resourceId);
    if (groups.size > 0 && (rg === undefined || !groups.has(rg))) {
      return { inScope: false, reason: `resource group ${rg ?? '(none)'} is not in the policy scope` };
    }
    return IN_SCOPE;
  };
}

const IN_SCOPE: ScopeVerdict = Object.freeze({ inScope: true });

export function compileScope(scope: PolicyScope): ScopeMatcher {
  const byId = compileIdScope(scope);
  const kinds = lowerSet(scope.workspace_kinds);
  const tags = Object.entries(scope.tags).map(([key, value]) => ({
    key,
    lowerKey: key.toLowerCase(),
    value,
    test: value === '*' ? () => true : value.includes('*') ? ((re: RegExp) => (v: string) => re.test(v))(globToRegExp(value)) : (v: string) => v === value,
  }));

  return (workspace) => {
    const verdict = byId(workspace.id, workspace.name);
    if (!verdict.inScope) return verdict;
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

const compiled = new WeakMap<PolicyScope, { workspace: ScopeMatcher; byId: IdScopeMatcher }>();

function matchersFor(policy: Policy): { workspace: ScopeMatcher; byId: IdScopeMatcher } {
  let m = compiled.get(policy.scope);
  if (m === undefined) {
    m = { workspace: compileScope(policy.scope), byId: compileIdScope(policy.scope) };
    compiled.set(policy.scope, m);
  }
  return m;
}

export function scopeMatcher(policy: Policy): ScopeMatcher {
  return matchersFor(policy).workspace;
}

export function isInScope(policy: Policy, workspace: Workspace): ScopeVerdict {
  return scopeMatcher(policy)(workspace);
}

/**
 * The part of the scope decidable from a workspace id alone (before the workspace is read): inScope false is
 * final; inScope true means "may be inside" (kind and tags are not known yet).
 */
export function isInScopeById(policy: Policy, resourceId: string): ScopeVerdict {
  return matchersFor(policy).byId(resourceId);
}
