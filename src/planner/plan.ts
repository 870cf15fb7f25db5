/**
 * plan(policy, actual, context): what must change for a workspace to satisfy the policy. Pure: no I/O, no clock
 * (pass context.now). An empty plan means compliant; a refused plan has no steps and says which rule refuses.
 * Stages are evaluated refusal-first and their results collected in the safe step order (order.ts).
 */
import type { PrivateEndpointDestination } from '../arm/types';
import { PROJECT_KIND } from '../catalog/prerequisites';
import type { Policy } from '../policy/types';
import { planApproverRoles } from './approver-roles';
import { inventoryComputes } from './compute-inventory';
import { planComputeMigration } from './compute-step';
import { desiredRuleSet } from './desired-rule-set';
import { desiredRules } from './desired-rules';
import { planModeChange } from './mode-step';
import { orderSteps } from './order';
import { checkPrerequisites } from './prerequisites';
import { planProject } from './project';
import { planProvisioning } from './provision-step';
import { diffRules } from './rule-diff';
import { isInScope } from './scope';
import {
  effectiveFirewallSku,
  effectivePublicNetworkAccess,
  planFirewallSku,
  planImageBuildCompute,
  planPublicNetworkAccess,
} from './settings-steps';
import type { PartialPlan, Plan, PlanContext, PlanWarning, WorkspaceState } from './types';
import {
  actualIsolationMode,
  actualRules,
  desiredIsolationMode,
  isManaged,
  subscriptionOf,
  workspaceKind,
} from './workspace-facts';

type PlanBase = Omit<Plan, 'compliant' | 'steps' | 'warnings' | 'estimatedMinutes'>;

function finish(base: PlanBase, parts: readonly PartialPlan[]): Plan {
  const refused = parts.find((p) => p.refused !== undefined)?.refused;
  const warnings: PlanWarning[] = [];
  for (const p of parts) {
    for (const w of p.warnings) {
      // A refused plan has no steps: only the warnings that are not about a step remain.
      if (refused === undefined || w.stepId === undefined) warnings.push(w);
    }
  }
  if (refused !== undefined) return { ...base, compliant: false, refused, steps: [], warnings, estimatedMinutes: 0 };
  const collected = [];
  for (const p of parts) for (const s of p.steps) collected.push(s);
  const steps = orderSteps(collected);
  let estimatedMinutes = 0;
  for (const s of steps) estimatedMinutes += s.estimatedMinutes ?? 0;
  return { ...base, compliant: steps.length === 0, steps, warnings, estimatedMinutes };
}

const COMPUTES_UNKNOWN: PartialPlan = Object.freeze({
  steps: [],
  warnings: [
    Object.freeze({
      code: 'computes-unknown',
      message:
        'Computes and online endpoints were not read: enabling the managed network deletes and recreates every ' +
        'managed compute, so the onboarding re-reads them before acting.',
    }),
  ],
}) as PartialPlan;

export interface PlanOptions {
  /** The caller already checked the policy scope (drift evaluation): skip the out-of-scope warning. */
  scopeChecked?: boolean;
}

/** plan() with options for callers inside the product. */
export function planWorkspace(policy: Policy, actual: WorkspaceState, context: PlanContext, options: PlanOptions): Plan {
  const workspace = actual.workspace;
  const actualMode = actualIsolationMode(workspace);
  const desiredMode = desiredIsolationMode(policy);
  // Either inventory present means the caller read computes; the other one missing is taken as none.
  const computesKnown = actual.computes !== undefined || actual.onlineEndpoints !== undefined;
  const base: PlanBase = {
    workspaceId: workspace.id,
    workspaceName: workspace.name,
    kind: workspaceKind(workspace),
    policyName: policy.name,
    actualMode,
    desiredMode,
    computesKnown,
  };
  const notes: PartialPlan = { steps: [], warnings: [] };

  if (!options.scopeChecked) {
    const scope = isInScope(policy, workspace);
    if (!scope.inScope) notes.warnings.push({ code: 'out-of-scope', message: `The workspace is outside the policy scope: ${scope.reason}.` });
  }

  if (context.subscriptionsInScope !== undefined) {
    const sub = subscriptionOf(workspace.id);
    if (!context.subscriptionsInScope.some((s) => s.toLowerCase() === sub)) {
      notes.refused = { rule: 'subscription-not-allowed', reason: `Subscription ${sub ?? '(none)'} is not one the app is configured to act on.` };
      return finish(base, [notes]);
    }
  }

  if (base.kind.toLowerCase() === PROJECT_KIND.toLowerCase()) {
    const hubPlan = actual.hub === undefined ? undefined : planWorkspace(policy, { workspace: actual.hub }, context, { scopeChecked: true });
    return finish(base, [notes, planProject(workspace, hubPlan)]);
  }

  // Refusals first: the mode transition, then the rules, then the computes.
  const mode = planModeChange(workspace.id, actualMode, desiredMode, workspace.properties.managedNetwork?.changeableIsolationModes);
  if (mode.refused) return finish(base, [notes, mode]);

  const wantedSet = desiredRuleSet(desiredRules(policy, workspace));
  const rules = diffRules({
    desired: wantedSet,
    actual: actualRules(actual),
    desiredMode,
    firewallSku: effectiveFirewallSku(workspace, policy),
  });
  if (rules.refused) return finish(base, [notes, rules]);

  // Enabling the managed network (from Disabled) is what forces the compute migration.
  let computes: PartialPlan | undefined;
  if (actualMode === 'Disabled' && isManaged(desiredMode)) {
    if (computesKnown) {
      const inventory = inventoryComputes(workspace, actual.computes ?? [], actual.onlineEndpoints ?? []);
      computes = planComputeMigration(workspace.id, inventory, policy.compute_migration);
      if (computes.refused) return finish(base, [notes, computes]);
    } else {
      computes = COMPUTES_UNKNOWN;
    }
  }
  const migratesComputes = computes !== undefined && computes.steps.length > 0;

  // Roles for the private endpoints the plan adds or changes; when the caller read the existing assignments,
  // also for every desired private endpoint whose assignment is missing.
  let targets: PrivateEndpointDestination[] = rules.newPrivateEndpoints;
  if (actual.roleAssignments !== undefined) {
    targets = [...targets];
    for (const { rule } of wantedSet.rules) if (rule.type === 'PrivateEndpoint') targets.push(rule.destination);
  }
  const roles = planApproverRoles({
    workspace,
    targets,
    settings: policy.approver_roles,
    ...(actual.roleAssignments !== undefined ? { existing: actual.roleAssignments } : {}),
    ...(context.subscriptionsInScope !== undefined ? { subscriptionsInScope: context.subscriptionsInScope } : {}),
    ...(context.tenantId !== undefined ? { tenantId: context.tenantId } : {}),
    ...(context.customApproverRoles !== undefined ? { customApproverRoles: context.customApproverRoles } : {}),
  });

  const provision = planProvisioning({
    workspace,
    desiredMode,
    provisioning: policy.provisioning,
    addsFirstFqdnRule: rules.addsFirstFqdnRule,
    migratesComputes,
    desiredRules: wantedSet.rules,
    publicNetworkAccessAfterPlan: effectivePublicNetworkAccess(workspace, policy),
  });

  // Collected in STEP_KINDS order so that ordering is a no-op check.
  const parts: PartialPlan[] = [
    notes,
    ...(computes ? [computes] : []),
    planPublicNetworkAccess(workspace, policy),
    mode,
    planFirewallSku(workspace, policy, desiredMode),
    rules,
    roles,
    provision,
    planImageBuildCompute(workspace, policy, actual.computes),
  ];
  // Prerequisites last: they refuse only a plan that writes, and a refusal empties the steps.
  const steps = parts.flatMap((p) => p.steps);
  const prerequisites = checkPrerequisites(actual.prerequisites, steps, subscriptionOf(workspace.id));
  return finish(base, [...parts, prerequisites]);
}

export function plan(policy: Policy, actual: WorkspaceState, context: PlanContext = {}): Plan {
  return planWorkspace(policy, actual, context, {});
}
