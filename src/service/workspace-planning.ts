/**
 * WorkspacePlanning on the real modules: the activity that re-reads a workspace (through the ARM client the
 * activity dependencies hold), the planner's scope matcher and the pure planner. ARM failures become
 * UpstreamError so callers answer 502 without the raw ARM text.
 */
import { ArmError } from '../arm/client/errors';
import { readWorkspaceState } from '../durable/activities/read-workspace-state';
import { isInScope, plan, type WorkspaceState } from '../planner';
import { UpstreamError, type WorkspacePlanning } from './ports';

export interface PlanningOptions {
  /** Subscriptions the app may act on (the planner refuses others too). */
  subscriptions: string[];
  now?: () => Date;
}

export function armWorkspacePlanning(options: PlanningOptions): WorkspacePlanning {
  const now = options.now ?? (() => new Date());
  return {
    async read(workspaceId) {
      try {
        // Computes and role assignments too: the plan shown before approval must be the complete one.
        const result = await readWorkspaceState({ workspaceId, computes: true, roleAssignments: true });
        return result.found ? { workspace: result.state.workspace, state: result.state } : undefined;
      } catch (error) {
        if (error instanceof ArmError) throw new UpstreamError(error.status, `${error.code}: ${error.message}`);
        throw error;
      }
    },
    isInScope: (policy, workspace) => isInScope(policy, workspace),
    plan: (policy, snapshot) =>
      plan(policy, snapshot.state as WorkspaceState, { now: now().toISOString(), subscriptionsInScope: options.subscriptions }),
  };
}
