/**
 * After approver roles are granted (and the network is provisioned), the private endpoint rules to those targets
 * should turn Active. Polled on durable timers with a bound; a Failed rule ends the wait early.
 */
import type { OrchestrationContext } from 'durable-functions';
import { ACTIVITIES } from '../activities/names';
import type { NetworkStatus, RuleStatus } from '../activities/read-network-status';
import type { RuleActivation } from '../contracts';
import { addMinutes, pollUntil, RULE_POLL } from './poll';
import { callActivity } from './retry';
import type { Orchestration } from './types';

export const DEFAULT_CONFIRM_TIMEOUT_MINUTES = 30;

export interface RuleConfirmation {
  confirmed: boolean;
  /** The managed network is not provisioned: the rules cannot be Active yet (they will be once it is). */
  deferred: boolean;
  rules: RuleActivation[];
  detail: string;
}

function relevant(status: NetworkStatus, targets: Set<string>): RuleStatus[] {
  return status.rules.filter((r) => r.type === 'PrivateEndpoint' && r.category !== 'Required' && r.target !== undefined && targets.has(r.target.toLowerCase()));
}

export function* confirmRulesActive(
  context: OrchestrationContext,
  workspaceId: string,
  targetScopes: readonly string[],
  timeoutMinutes: number,
): Orchestration<RuleConfirmation> {
  const targets = new Set(targetScopes.map((t) => t.toLowerCase()));
  if (targets.size === 0) return { confirmed: true, deferred: false, rules: [], detail: 'no private endpoint targets to confirm' };
  const outcome = yield* pollUntil<NetworkStatus>(context, {
    poll: () => callActivity(context, ACTIVITIES.readNetworkStatus, { workspaceId, rules: true }),
    isDone: (s) => {
      if (s.status !== 'Active') return true;
      const rules = relevant(s, targets);
      return rules.length > 0 && (rules.every((r) => r.status === 'Active') || rules.some((r) => r.status === 'Failed'));
    },
    deadline: addMinutes(context.df.currentUtcDateTime, timeoutMinutes),
    schedule: RULE_POLL,
  });
  const rules = relevant(outcome.last, targets).map((r) => ({ name: r.name, target: r.target ?? '', status: r.status ?? 'Unknown' }));
  if (outcome.last.status !== 'Active') {
    // Without a provisioned network no private endpoint exists yet; waiting would only time out.
    return { confirmed: false, deferred: true, rules, detail: 'the managed network is not provisioned yet: the private endpoint rules become Active once it is' };
  }
  const active = rules.filter((r) => r.status === 'Active').map((r) => r.name);
  const notActive = rules.filter((r) => r.status !== 'Active').map((r) => `${r.name} (${r.status})`);
  const confirmed = rules.length > 0 && notActive.length === 0;
  const detail = confirmed
    ? `private endpoint rules Active: ${active.join(', ')}`
    : rules.length === 0
      ? `no private endpoint rule to ${[...targets].join(', ')} found after ${outcome.polls} checks`
      : `not Active after ${outcome.polls} checks: ${notActive.join(', ')}${active.length > 0 ? `; Active: ${active.join(', ')}` : ''}`;
  return { confirmed, deferred: false, rules, detail };
}
