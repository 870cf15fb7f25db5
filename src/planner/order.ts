/**
 * The safe order of plan steps. Why this order:
 *  1. migrate-computes (snapshot + delete): enabling the managed network has no in-place path for computes,
 *     and computes may only exist inside the managed network once it is on, so they go first.
 *  2. set-public-network-access: disabled before provisioning, or the workspace's private endpoints may not be
 *     created in the managed network (serverless Spark needs it).
 *  3. set-isolation-mode: FQDN / service-tag rules are only accepted once the mode is approved-outbound.
 *  4. set-firewall-sku: before the first FQDN rule creates the firewall.
 *  5. add-rule, update-rule, remove-rule: user-defined rules only; additions before removals so a renamed rule
 *     never leaves a gap. The orchestrator writes them one at a time (concurrent rule writes conflict).
 *  6. assign-approver-roles: the identity must be able to approve before provisioning creates the private endpoints.
 *  7. provision-network: ~30 min (+10 for the first FQDN rule); the migrate step's recreate phase runs after it.
 *  8. set-image-build-compute: names a cluster, which exists again only after the recreate.
 * govern-through-hub is the only step of a project's plan.
 */
import type { PlanStep, StepKind } from './steps';

export const STEP_ORDER: readonly StepKind[] = [
  'migrate-computes',
  'set-public-network-access',
  'set-isolation-mode',
  'set-firewall-sku',
  'add-rule',
  'update-rule',
  'remove-rule',
  'assign-approver-roles',
  'provision-network',
  'set-image-build-compute',
  'govern-through-hub',
];

const RANK = new Map<StepKind, number>(STEP_ORDER.map((kind, i) => [kind, i]));

function rank(step: PlanStep): number {
  return RANK.get(step.kind) ?? 0;
}

/** Stable: steps of the same kind keep the order their stage produced. */
export function orderSteps(steps: readonly PlanStep[]): PlanStep[] {
  // plan() already emits stages in this order; sort only if something does not.
  let sorted = true;
  for (let i = 1; i < steps.length && sorted; i += 1) sorted = rank(steps[i - 1] as PlanStep) <= rank(steps[i] as PlanStep);
  if (sorted) return steps.slice();
  return steps
    .map((step, index) => ({ step, index }))
    .sort((a, b) => rank(a.step) - rank(b.step) || a.index - b.index)
    .map(({ step }) => step);
}
