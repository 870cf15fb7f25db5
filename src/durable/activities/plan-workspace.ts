/** Planning is pure; it runs as an activity so the Plan is computed once and recorded in history. */
import type { InvocationContext } from '@azure/functions';
import { plan } from '../../planner/plan';
import type { Plan, WorkspaceState } from '../../planner/types';
import type { Policy } from '../../policy/types';
import { getActivityDependencies } from './dependencies';

export interface PlanWorkspaceInput {
  policy: Policy;
  state: WorkspaceState;
  /** From the orchestration's clock, so the plan is reproducible. */
  now: string;
  subscriptionsInScope?: string[];
}

export async function planWorkspace(input: PlanWorkspaceInput, _context?: InvocationContext): Promise<Plan> {
  // Assignments of the infra-created custom approver roles (MNET_CUSTOM_APPROVER_ROLES) count as present.
  const { customApproverRoles } = getActivityDependencies();
  return plan(input.policy, input.state, {
    now: input.now,
    ...(input.subscriptionsInScope !== undefined ? { subscriptionsInScope: input.subscriptionsInScope } : {}),
    ...(customApproverRoles !== undefined ? { customApproverRoles } : {}),
  });
}
