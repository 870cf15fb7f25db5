/**
 * plan(policy, actual, context): what must change for a workspace to satisfy the policy. Pure: no I/O, no clock
 * (pass context.now). An empty plan means compliant; a refused plan has no steps and says which rule refuses.
 */
import type { PrivateEndpointDestination } from '../arm/types';
import type { Policy } from '../policy/types';
import { toArmRule } from './arm-rule';
import { planApproverRoles } from './approver-roles';
import { inventoryComputes } from './compute-inventory';
import { planComputeMigration } from './compute-step';
import { desiredRules } from './desired-rules';
import { planModeChange } from './mode-step';
import { orderSteps } from './order';
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
import type { PartialPlan, Plan, PlanContext, PlanRefusal, WorkspaceState } from './types';
import { PROJECT_KIND } from '../catalog/prerequisites';
import {
  actualIsolationMode,
  actualRules,
  desiredIsolationMode,
  isManaged,
  subscriptionOf,
  workspaceKind,
} from './workspace-facts';

function finish(base: Omit<Plan, 'compliant' | 'steps' | 'warnings' | 'estimatedMinutes'>, parts: PartialPlan[]): Plan {
  const refused: PlanRefusal | undefined = parts.find((p) => p.refused !== undefined)?.refused;
  if (refused !== undefined) {
    // A refused plan has no steps; keep only the warnings that are not about a step.
    const warnings = parts.flatMap((p) => p.warnings).filter((w) => w.stepId === undefined);
    return { ...base, compliant: false, refused, steps: [], warnings, estimatedMinutes: 0 };
  }
  const steps = orderSteps(parts.flatMap((p) => p.steps));
  const warnings = parts.flatMap((p) => p.warnings);
  const estimatedMinutes = steps.reduce((sum, s) => sum + (s.estimatedMinutes ?? 0), 0);
  return { ...base, compliant: steps.length === 0, steps, warnings, estimatedMinutes };
}

export function plan(policy: Policy, actual: WorkspaceState, context: PlanContext = {}): Plan {
  const workspace = actual.workspace;
  const actualMode = actualIsolationMode(workspace);
  const desiredMode = desiredIsolationMode(policy);
  // Either inventory present means the caller read computes; the other one missing is taken as none.
  const computesKnown = actual.computes !== undefined || actual.onlineEndpoints !== undefined;
  const base = {
    workspaceId: workspace.id,
    workspaceName: workspace.name,
    kind: workspaceKind(workspace),
    policyName: policy.name,
    actualMode,
    desiredMode,
    computesKnown,
  };
  const parts: PartialPlan[] = [];

  const scope = isInScope(policy, workspace);
  if (!scope.inScope) {
    parts.push({ steps: [], warnings: [{ code: 'out-of-scope', message: `The workspace is outside the policy scope: ${scope.reason}.` }] });
  }

  const sub = subscriptionOf(workspace.id);
  if (context.subscriptionsInScope !== undefined && !context.subscriptionsInScope.some((s) => s.toLowerCase() === sub)) {
    parts.push({
      steps: [],
      warnings: [],
      refused: { rule: 'subscription-not-allowed', reason: `Subscription ${sub ?? '(none)'} is not one the app is configured to act on.` },
    });
    return finish(base, parts);
  }

  if (base.kind.toLowerCase() === PROJECT_KIND.toLowerCase()) {
    const hubPlan = actual.hub === undefined ? undefined : plan(policy, { workspace: actual.hub }, context);
    parts.push(planProject(workspace, hubPlan));
    return finish(base, parts);
  }

  const mode = planModeChange(workspace.id, actualMode, desiredMode);
  parts.push(mode);
  if (mode.refused) return finish(base, parts);

  // Enabling the managed network (from Disabled) is what forces the compute migration.
  let migratesComputes = false;
  if (actualMode === 'Disabled' && isManaged(desiredMode)) {
    if (computesKnown) {
      const inventory = inventoryComputes(workspace, actual.computes ?? [], actual.onlineEndpoints ?? []);
      const computes = planComputeMigration(workspace.id, inventory, policy.compute_migration);
      parts.push(computes);
      if (computes.refused) return finish(base, parts);
      migratesComputes = computes.steps.length > 0;
    } else {
      parts.push({
        steps: [],
        warnings: [
          {
            code: 'computes-unknown',
            message:
              'Computes and online endpoints were not read: enabling the managed network deletes and recreates every ' +
              'managed compute, so the onboarding re-reads them before acting.',
          },
        ],
      });
    }
  }

  parts.push(planPublicNetworkAccess(workspace, policy));
  parts.push(planFirewallSku(workspace, policy, desiredMode));

  const wanted = desiredRules(policy, workspace);
  const rules = diffRules({
    desired: wanted,
    actual: actualRules(actual),
    desiredMode,
    firewallSku: effectiveFirewallSku(workspace, policy),
  });
  parts.push(rules);
  if (rules.refused) return finish(base, parts);

  // Roles for the private endpoints the plan adds or changes; when the caller read the existing assignments,
  // also for every desired private endpoint whose assignment is missing.
  const targets: PrivateEndpointDestination[] = [...rules.newPrivateEndpoints];
  if (actual.roleAssignments !== undefined) {
    for (const rule of wanted) {
      const arm = toArmRule(rule);
      if (arm.type === 'PrivateEndpoint') targets.push(arm.destination);
    }
  }
  const roles = planApproverRoles({
    workspace,
    targets,
    settings: policy.approver_roles,
    ...(actual.roleAssignments !== undefined ? { existing: actual.roleAssignments } : {}),
    ...(context.subscriptionsInScope !== undefined ? { subscriptionsInScope: context.subscriptionsInScope } : {}),
    ...(context.tenantId !== undefined ? { tenantId: context.tenantId } : {}),
  });
  parts.push(roles);

  parts.push(
    planProvisioning({
      workspace,
      desiredMode,
      provisioning: policy.provisioning,
      addsFirstFqdnRule: rules.addsFirstFqdnRule,
      migratesComputes,
      desiredRules: wanted,
      publicNetworkAccessAfterPlan: effectivePublicNetworkAccess(workspace, policy),
    }),
  );

  parts.push(planImageBuildCompute(workspace, policy, actual.computes));
  return finish(base, parts);
}
