/**
 * The safe order of plan steps is STEP_KINDS (steps.ts), the one list of step kinds. Why this order:
 *  1. migrate-computes (snapshot + delete): enabling the managed network has no in-place path for computes,
 *     and computes may only exist inside the managed network once it is on, so they go first.
 *  2. set-public-network-access: disabled before provisioning, or the workspace's private endpoints may not be
 *     created in the managed network (serverless Spark needs it).
 *  3. set-isolation-mode: FQDN / service-tag rules are only accepted once the mode is approved-outbound.
 *  4. set-firewall-sku: before the first FQDN rule creates the firewall.
 *  5. add-rule, update-rule, remove-rule: user-defined rules only; additions before removals so a renamed rule
 *     never leaves a gap. The orchestrator writes them one at a time (concurrent rule writes conflict).
 *     Exception: a rule whose type changes is removed and then added again under the same name (a PUT that changes
 *     the type is unverified), so that removal goes just before the additions.
 *  6. assign-approver-roles: the identity must be able to approve before provisioning creates the private endpoints.
 *  7. provision-network: ~30 min (+10 for the first FQDN rule); the migrate step's recreate phase runs after it.
 *  8. set-image-build-compute: names a cluster, which exists again only after the recreate.
 * govern-through-hub is the only step of a project's plan.
 */
import { STEP_KINDS, type PlanStep, type StepKind } from './steps';

const RANK = new Map<StepKind, number>(STEP_KINDS.map((kind, i) => [kind, i]));
const BEFORE_ADDS = (RANK.get('add-rule') ?? 0) - 0.5;

/** Names (lower-cased) of the rules a plan adds, when it also removes some: the removals of those names are replacements. */
function replacedNames(steps: readonly PlanStep[]): ReadonlySet<string> | undefined {
  if (!steps.some((s) => s.kind === 'remove-rule')) return undefined;
  const names = new Set<string>();
  for (const s of steps) if (s.kind === 'add-rule') names.add(s.params.name.toLowerCase());
  return names.size > 0 ? names : undefined;
}

/** Stable: steps of the same kind keep the order their stage produced. */
export function orderSteps(steps: readonly PlanStep[]): PlanStep[] {
  const replaced = replacedNames(steps);
  const rank = (step: PlanStep): number =>
    step.kind === 'remove-rule' && replaced?.has(step.params.name.toLowerCase()) ? BEFORE_ADDS : (RANK.get(step.kind) ?? 0);
  // plan() already emits stages in this order; sort only if something does not.
  let sorted = true;
  for (let i = 1; i < steps.length && sorted; i += 1) sorted = rank(steps[i - 1] as PlanStep) <= rank(steps[i] as PlanStep);
  if (sorted) return steps.slice();
  return steps
    .map((step, index) => ({ step, index }))
    .sort((a, b) => rank(a.step) - rank(b.step) || a.index - b.index)
    .map(({ step }) => step);
}
