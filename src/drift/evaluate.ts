/**
 * Drift evaluation over a Resource Graph result: linear in the number of workspaces (the scope matcher and the
 * rule-pack expansion are computed once per policy, hubs are looked up in a map). Pure: the caller passes the time.
 */
import { tryParseResourceId } from '../arm/resource-id';
import type { Workspace } from '../arm/types';
import { PROJECT_KIND } from '../catalog/prerequisites';
import { planWorkspace } from '../planner/plan';
import { scopeMatcher } from '../planner/scope';
import type { PlanContext } from '../planner/types';
import type { Policy } from '../policy/types';
import type { DriftReport } from './report';

export interface DriftContext extends PlanContext {
  /** ISO time of the evaluation (required: a pure module never reads the clock). */
  now: string;
  /** Timestamp of the report; defaults to now. */
  generatedAt?: string;
}

export function evaluateDrift(policy: Policy, workspaces: readonly Workspace[], context: DriftContext): DriftReport {
  const report: DriftReport = {
    generatedAt: context.generatedAt ?? context.now,
    policyName: policy.name,
    scanned: workspaces.length,
    inScope: 0,
    compliant: 0,
    drifted: [],
    skipped: [],
    refused: [],
    computesKnown: false,
  };
  const inScope = scopeMatcher(policy);
  const allowedSubs =
    context.subscriptionsInScope === undefined ? undefined : new Set(context.subscriptionsInScope.map((s) => s.toLowerCase()));
  const byId = new Map<string, Workspace>();
  for (const ws of workspaces) byId.set(ws.id.toLowerCase(), ws);
  const { generatedAt: _generatedAt, ...planContext }: DriftContext = context;

  for (const workspace of workspaces) {
    const sub = tryParseResourceId(workspace.id)?.subscriptionId.toLowerCase();
    if (allowedSubs !== undefined && (sub === undefined || !allowedSubs.has(sub))) {
      report.skipped.push({ workspaceId: workspace.id, reason: `subscription ${sub ?? '(none)'} is not one the app is configured for` });
      continue;
    }
    const verdict = inScope(workspace);
    if (!verdict.inScope) {
      report.skipped.push({ workspaceId: workspace.id, reason: verdict.reason ?? 'outside the policy scope' });
      continue;
    }
    report.inScope += 1;
    const hubId = workspace.properties.hubResourceId;
    const hub =
      workspace.kind?.toLowerCase() === PROJECT_KIND.toLowerCase() && typeof hubId === 'string' ? byId.get(hubId.toLowerCase()) : undefined;
    // No computes in a Resource Graph row: computes stay unknown (the plan says computesKnown: false).
    const result = planWorkspace(policy, hub === undefined ? { workspace } : { workspace, hub }, planContext, { scopeChecked: true });
    if (result.refused !== undefined) {
      report.refused.push({
        workspaceId: workspace.id,
        name: workspace.name,
        kind: result.kind,
        reason: result.refused.reason,
        rule: result.refused.rule,
      });
    } else if (result.compliant) {
      report.compliant += 1;
    } else {
      report.drifted.push({
        workspaceId: workspace.id,
        name: workspace.name,
        kind: result.kind,
        reasons: result.steps.map((s) => s.reason),
        plan: result,
      });
    }
  }
  return report;
}
