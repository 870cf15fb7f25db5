/**
 * Planning on behalf of a caller: resolve the policy, read the workspace through ARM, check both scope fences,
 * run the planner. Used by POST /plan (plan only) and POST /requests (plan shown before the orchestration starts).
 */
import { parseResourceId } from '../arm/resource-id';
import type { Policy } from '../policy/types';
import { UpstreamError, type WorkspaceSnapshot } from './ports';
import { parsePlanRequest } from './request-bodies';
import { assertConfiguredSubscription } from './scope';
import type { ServiceContext } from './service-context';
import { invalid, ServiceError, type FieldProblem } from './service-error';
import { errorSummary } from './structured-log';

/** Resolves `policy` (absent: the app's policy), adding its problems to `problems`. */
export async function resolvePolicy(ctx: ServiceContext, ref: unknown, problems: FieldProblem[]): Promise<Policy | undefined> {
  // A wrongly typed `policy` was already reported by the body parser.
  if (problems.some((p) => p.path === 'policy')) return undefined;
  if (ref === undefined) return appPolicy(ctx);
  const resolved = await ctx.policies.resolve(ref);
  if (resolved.ok) return resolved.policy;
  problems.push(...resolved.problems);
  return undefined;
}

/** The app's own policy; a broken or missing file is the operator's problem: 503, details in the logs. */
export async function appPolicy(ctx: ServiceContext): Promise<Policy> {
  try {
    return await ctx.policies.defaultPolicy();
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    ctx.log.error('policy.unavailable', { error: errorSummary(error) });
    throw new ServiceError('unavailable', 'Policy unavailable', "The app's policy (MNET_POLICY_PATH) cannot be loaded; the operators have been told through the logs.");
  }
}

export interface PlannedWorkspace {
  snapshot: WorkspaceSnapshot;
  plan: unknown;
}

export async function planWorkspace(ctx: ServiceContext, workspaceId: string, policy: Policy): Promise<PlannedWorkspace> {
  assertConfiguredSubscription(ctx.config, parseResourceId(workspaceId).subscriptionId, 'The workspace');
  let snapshot: WorkspaceSnapshot | undefined;
  try {
    snapshot = await ctx.planning.read(workspaceId);
  } catch (error) {
    if (error instanceof UpstreamError) {
      ctx.log.warn('arm.read-failed', { workspaceId, status: error.status, error: error.message.slice(0, 300) });
      throw new ServiceError('upstream', 'Azure Resource Manager error', `The workspace could not be read from Azure Resource Manager${error.status ? ` (HTTP ${error.status})` : ''}; try again later.`);
    }
    throw error;
  }
  if (snapshot === undefined) throw new ServiceError('not-found', 'Workspace not found', `Workspace ${workspaceId} does not exist.`, [], { workspaceId });
  const scope = ctx.planning.isInScope(policy, snapshot.workspace);
  if (!scope.inScope) {
    throw new ServiceError('forbidden', 'Outside the policy scope', `Workspace ${workspaceId} is not in the scope of policy "${policy.name}"${scope.reason ? `: ${scope.reason}` : ''}.`, [], { workspaceId, policy: policy.name });
  }
  return { snapshot, plan: ctx.planning.plan(policy, snapshot) };
}

export interface PlanPreview {
  workspaceId: string;
  policy: string;
  plan: unknown;
}

/** POST /plan: nothing is started, nothing recorded. */
export async function previewPlan(ctx: ServiceContext, body: Record<string, unknown>): Promise<PlanPreview> {
  const { value, problems } = parsePlanRequest(body);
  const policy = await resolvePolicy(ctx, value.policy, problems);
  if (problems.length > 0 || value.workspaceId === undefined || policy === undefined) throw invalid(problems);
  const { plan } = await planWorkspace(ctx, value.workspaceId, policy);
  ctx.log.info('plan.previewed', { workspaceId: value.workspaceId, policy: policy.name });
  return { workspaceId: value.workspaceId, policy: policy.name, plan };
}
