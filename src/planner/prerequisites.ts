/**
 * Documented prerequisites (facts page "Other prerequisites and limits"): no scope lock on the workspace or its
 * resource group, and the Microsoft.Network resource provider registered in the subscription. Checked only for
 * plans that write; a state without `prerequisites` (not read) only gets a warning.
 */
import { REQUIRED_RESOURCE_PROVIDER, SCOPE_LOCKS_BLOCK } from '../catalog/prerequisites';
import type { PlanStep } from './steps';
import type { PartialPlan, WorkspacePrerequisites } from './types';
import { isManaged } from './workspace-facts';

/** The plan turns a managed network on (from Disabled) or provisions it: both need Microsoft.Network. */
function needsNetworkProvider(steps: readonly PlanStep[]): boolean {
  return steps.some(
    (s) => s.kind === 'provision-network' || (s.kind === 'set-isolation-mode' && s.params.from === 'Disabled' && isManaged(s.params.to)),
  );
}

export function checkPrerequisites(
  prerequisites: WorkspacePrerequisites | undefined,
  steps: readonly PlanStep[],
  subscriptionId: string | undefined,
): PartialPlan {
  const out: PartialPlan = { steps: [], warnings: [] };
  if (steps.length === 0) return out;
  if (prerequisites === undefined) {
    out.warnings.push({
      code: 'prerequisites-unknown',
      message:
        `Prerequisites were not checked: scope locks on the workspace or its resource group block the service's internal ` +
        `operations, and ${REQUIRED_RESOURCE_PROVIDER} must be registered in the subscription; the onboarding reads them before acting.`,
    });
    return out;
  }
  if (SCOPE_LOCKS_BLOCK && prerequisites.locks.length > 0) {
    const named = prerequisites.locks.map((l) => `${l.level} lock "${l.name}" on ${l.scope}`).join('; ');
    const one = prerequisites.locks.length === 1;
    out.refused = {
      rule: 'scope-lock',
      reason:
        `Scope lock${one ? '' : 's'} on the workspace or its resource group block${one ? 's' : ''} the service's internal operations: ${named}. ` +
        `Remove the lock${one ? '' : 's'} (or exclude the workspace from the policy) and retry.`,
    };
    return out;
  }
  if (prerequisites.networkProviderRegistered === false && needsNetworkProvider(steps)) {
    const sub = subscriptionId ?? '(unknown)';
    out.refused = {
      rule: 'network-provider-not-registered',
      reason:
        `The ${REQUIRED_RESOURCE_PROVIDER} resource provider is not registered in subscription ${sub}; a managed network needs it. ` +
        `Register it: az provider register --namespace ${REQUIRED_RESOURCE_PROVIDER} --subscription ${sub}, then retry.`,
    };
  }
  return out;
}
