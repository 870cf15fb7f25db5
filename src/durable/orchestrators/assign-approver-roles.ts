/**
 * assignApproverRoles: the workspace identity (system-assigned and every user-assigned principal) gets the
 * built-in approver role on each private endpoint target that is not a default resource, or the product's custom
 * approver role for types the built-in role does not cover (in Azure the one infra pre-created for the type,
 * MNET_CUSTOM_APPROVER_ROLES; defined at the target only in operator / local runs); then, unless provisioning
 * follows, the private endpoint rules to those targets are confirmed Active (bounded wait on durable timers).
 * A type with no usable custom role fails the step with the activity's refusal (nothing is assigned).
 */
import type { OrchestrationContext } from 'durable-functions';
import { APPROVER_ROLE } from '../../catalog/approver-role';
import type { ApproverAssignment } from '../../planner/steps';
import { ACTIVITIES } from '../activities/names';
import type { PlanApproverAssignmentsOutput, ResolveCustomApproverRoleOutput } from '../activities/approver-roles';
import type { AssignApproverRolesInput, AssignApproverRolesOutput, AssignedRole } from '../contracts';
import { describeFailure, orchestrationFailure } from './failure';
import { confirmRulesActive, DEFAULT_CONFIRM_TIMEOUT_MINUTES } from './rule-activation';
import { callActivity } from './retry';
import { settleAll } from './settle';
import { StatusBoard } from './status';
import type { Orchestration } from './types';

function customKey(a: ApproverAssignment): string {
  return `${a.scope.toLowerCase()}|${a.role.name}`;
}

export function* assignApproverRolesOrchestrator(context: OrchestrationContext): Orchestration<AssignApproverRolesOutput> {
  const input = context.df.getInput<AssignApproverRolesInput>();
  const board = new StatusBoard(context, { workspaceId: input.workspaceId, phase: 'assigning-roles', ...(input.request?.ticketId ? { ticketId: input.request.ticketId } : {}) });
  const output: AssignApproverRolesOutput = { workspaceId: input.workspaceId, assigned: [], customRoles: [], rules: [], confirmed: false };

  let assignments = input.assignments;
  if (assignments === undefined) {
    if (input.policy === undefined) throw orchestrationFailure('InvalidInput', 'assignApproverRoles needs assignments or a policy');
    const planned = (yield callActivity(context, ACTIVITIES.planApproverAssignments, { workspaceId: input.workspaceId, policy: input.policy, ...(input.subscriptions !== undefined ? { subscriptionsInScope: input.subscriptions } : {}) })) as PlanApproverAssignmentsOutput;
    assignments = planned.assignments;
  }

  // Custom roles first (one per target and type): an assignment needs its definition to exist.
  const customs = new Map<string, ApproverAssignment>();
  for (const a of assignments) if (a.role.kind === 'custom' && !customs.has(customKey(a))) customs.set(customKey(a), a);
  const roleIds = new Map<string, string>();
  if (customs.size > 0) {
    board.phase('assigning-roles', { currentStep: 'custom-roles', message: `resolving ${customs.size} custom approver role(s)` });
    const entries = [...customs.entries()];
    const settled = yield* settleAll<ResolveCustomApproverRoleOutput>(
      context,
      entries.map(([, a]) =>
        callActivity(context, ACTIVITIES.resolveCustomApproverRole, {
          targetScope: a.scope,
          resourceType: a.targetResourceType,
          roleName: a.role.name,
          actions: a.role.kind === 'custom' ? a.role.actions : [],
        }),
      ),
    );
    const failures: string[] = [];
    const refusals: { code: string; message: string }[] = [];
    settled.forEach((s, i) => {
      const [key, a] = entries[i] as [string, ApproverAssignment];
      if (!s.ok) {
        failures.push(`${a.scope}: ${s.error.code} ${s.error.message}`);
      } else if (s.value.status === 'refused') {
        refusals.push(s.value.error);
      } else {
        roleIds.set(key, s.value.roleDefinitionId);
        output.customRoles.push({ resourceType: a.targetResourceType, scope: a.scope, roleDefinitionId: s.value.roleDefinitionId });
      }
    });
    if (refusals.length > 0) {
      // A configuration problem (non-retryable): one line per distinct reason, the first refusal's code.
      const reasons = [...new Set(refusals.map((r) => r.message))];
      const message = `${reasons.join('; ')}${failures.length > 0 ? `; also: ${failures.join('; ')}` : ''}. No role was assigned.`;
      board.phase('failed', { message });
      throw orchestrationFailure(refusals[0]?.code ?? 'CustomRoleFailed', message);
    }
    if (failures.length > 0) {
      const message = `custom approver role(s) could not be resolved: ${failures.join('; ')}. No role was assigned.`;
      board.phase('failed', { message });
      throw orchestrationFailure('CustomRoleFailed', message);
    }
  }

  if (assignments.length > 0) {
    board.phase('assigning-roles', { currentStep: 'assign', message: `assigning ${assignments.length} role(s)` });
    const settled = yield* settleAll<AssignedRole>(
      context,
      assignments.map((a) =>
        callActivity(context, ACTIVITIES.assignApproverRole, {
          scope: a.scope,
          principalId: a.principalId,
          roleDefinitionId: a.role.kind === 'builtin' ? a.role.roleDefinitionGuid : (roleIds.get(customKey(a)) ?? APPROVER_ROLE.roleDefinitionGuid),
          workspaceId: input.workspaceId,
        }),
      ),
    );
    const failures: string[] = [];
    settled.forEach((s, i) => {
      if (s.ok) output.assigned.push(s.value);
      else failures.push(`${assignments?.[i]?.scope ?? '?'} (${assignments?.[i]?.principalId ?? '?'}): ${s.error.code} ${s.error.message}`);
    });
    if (failures.length > 0) {
      const message = `approver role assignment failed for ${failures.join('; ')}. Assigned: ${output.assigned.length}.`;
      board.phase('failed', { message });
      throw orchestrationFailure('RoleAssignmentFailed', message);
    }
  }

  if (input.confirmActive) {
    board.phase('assigning-roles', { currentStep: 'confirm', message: 'waiting for the private endpoint rules to become Active' });
    try {
      const scopes = [...new Set(assignments.map((a) => a.scope))];
      const confirmation = yield* confirmRulesActive(context, input.workspaceId, scopes, input.confirmTimeoutMinutes ?? DEFAULT_CONFIRM_TIMEOUT_MINUTES);
      output.rules = confirmation.rules;
      output.confirmed = confirmation.confirmed;
      if (confirmation.deferred) output.deferred = true;
      board.phase(confirmation.confirmed || confirmation.deferred ? 'completed' : 'failed', { message: confirmation.detail });
    } catch (err) {
      const f = describeFailure(err);
      board.phase('failed', { message: `roles assigned; confirming the rules failed: ${f.message}` });
      throw orchestrationFailure('ConfirmationFailed', `roles assigned (${output.assigned.length}); confirming the rules failed: ${f.code} ${f.message}`);
    }
  } else {
    board.phase('completed', { message: `${output.assigned.length} role assignment(s) in place` });
  }
  return output;
}
