/**
 * A workspace read live (the onboarding's own read activity: rules, computes, online endpoints, approver roles,
 * the hub of a project) and planned against a policy, for `plan --workspace`, `apply` and `migrate`.
 */
import { isWorkspaceId } from '../../arm/resource-id';
import { readWorkspaceState } from '../../durable/activities/read-workspace-state';
import { isInScope, plan as planWorkspace } from '../../planner';
import type { Plan, WorkspaceState } from '../../planner/types';
import type { Policy } from '../../policy/types';
import { UsageError } from '../errors';

export function checkWorkspaceId(id: string): void {
  if (!isWorkspaceId(id)) {
    throw new UsageError(
      `--workspace needs a workspace resource id, got "${id}"`,
      'e.g. /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<name>',
    );
  }
}

/** Needs the activity dependencies set (createLocalRuntime does it). */
export async function readLiveState(workspaceId: string): Promise<WorkspaceState> {
  const read = await readWorkspaceState({ workspaceId, computes: true, roleAssignments: true });
  if (!read.found) throw new UsageError(`workspace ${workspaceId} does not exist (or this identity cannot read it)`, '');
  return read.state;
}

export interface LivePlan {
  state: WorkspaceState;
  plan: Plan;
  /** Undefined when in scope; otherwise why not. */
  outOfScope?: string;
}

export async function planLive(policy: Policy, workspaceId: string, now: string): Promise<LivePlan> {
  const state = await readLiveState(workspaceId);
  const verdict = isInScope(policy, state.workspace);
  const result: LivePlan = { state, plan: planWorkspace(policy, state, { now }) };
  if (!verdict.inScope) result.outOfScope = verdict.reason ?? 'outside the policy scope';
  return result;
}
