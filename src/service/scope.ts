/**
 * The two scope fences. First the app's own allow-list (MNET_SUBSCRIPTIONS): whatever a request or event says,
 * nothing outside it is read or touched. Then the policy's scope; the full check needs the workspace
 * (kind, tags) and is the planner's isInScope - for Event Grid hints, where nothing has been read yet, the parts
 * decidable from the id alone filter obvious misses and the orchestration re-checks after reading.
 */
import type { ParsedResourceId } from '../arm/resource-id';
import type { Policy } from '../policy/types';
import { isConfiguredSubscription, type AppConfig } from './app-config';
import { ServiceError } from './service-error';

export function assertConfiguredSubscription(config: Pick<AppConfig, 'subscriptions'>, subscriptionId: string, what: string): void {
  if (!isConfiguredSubscription(config, subscriptionId)) {
    throw new ServiceError(
      'forbidden',
      'Outside the configured scope',
      `${what} is in subscription ${subscriptionId}, which this app is not configured to manage.`,
      [],
      { subscriptionId },
    );
  }
}

/** Why an id is outside the policy scope, judged from the id alone; undefined when it may be inside. */
export function outsidePolicyScopeById(policy: Policy, id: ParsedResourceId, resourceId: string): string | undefined {
  const scope = policy.scope;
  const lower = (s: string): string => s.toLowerCase();
  if (scope.subscriptions.length > 0 && !scope.subscriptions.map(lower).includes(lower(id.subscriptionId))) {
    return `subscription ${id.subscriptionId} is not in policy "${policy.name}"`;
  }
  if (scope.resource_groups.length > 0 && (id.resourceGroup === undefined || !scope.resource_groups.map(lower).includes(lower(id.resourceGroup)))) {
    return `resource group ${id.resourceGroup ?? '(none)'} is not in policy "${policy.name}"`;
  }
  const excluded = scope.exclude.map(lower);
  if (excluded.includes(lower(resourceId)) || (id.name !== undefined && excluded.includes(lower(id.name)))) {
    return `workspace is excluded by policy "${policy.name}"`;
  }
  return undefined;
}
