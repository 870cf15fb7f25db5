/**
 * The two scope fences. First the app's own allow-list (MNET_SUBSCRIPTIONS): whatever a request or event says,
 * nothing outside it is read or touched. Then the policy's scope; the full check needs the workspace
 * (kind, tags) and is the planner's isInScope - for Event Grid hints, where nothing has been read yet, the parts
 * decidable from the id alone filter obvious misses and the orchestration re-checks after reading.
 */
import type { ParsedResourceId } from '../arm/resource-id';
import { isInScopeById } from '../planner/scope';
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

/** Why an id is outside the policy scope, judged from the id alone (the planner's scope logic); undefined when it may be inside. */
export function outsidePolicyScopeById(policy: Policy, _id: ParsedResourceId, resourceId: string): string | undefined {
  const verdict = isInScopeById(policy, resourceId);
  return verdict.inScope ? undefined : `${verdict.reason ?? 'outside the policy scope'} (policy "${policy.name}")`;
}
