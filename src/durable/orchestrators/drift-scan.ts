/**
 * driftScan: one Resource Graph query (one activity, paged) for every workspace in scope, a pure evaluation, the
 * report saved, and, when the policy says remediate (and this is no dry run), one onboarding sub-orchestration
 * per drifted workspace under its per-workspace instance id, at most max_workspaces_per_run. Compliant
 * workspaces cost no per-workspace request at all.
 */
import type { OrchestrationContext, Task } from 'durable-functions';
import type { Workspace } from '../../arm/types';
import { evaluateDrift } from '../../drift/evaluate';
import { ACTIVITIES } from '../activities/names';
import type { DriftRemediation, DriftScanInput, DriftScanOutput, OnboardWorkspaceOutput } from '../contracts';
import { instanceIdForWorkspace } from '../instance-ids';
import { describeFailure, orchestrationFailure } from './failure';
import { callActivity } from './retry';
import { batches, settleAll } from './settle';
import { StatusBoard } from './status';
import { callOnboardWorkspace } from './sub-orchestrations';
import type { Orchestration } from './types';

/** Onboardings started together: each may write to ARM; the per-subscription write ceiling is the client's. */
export const REMEDIATION_PARALLELISM = 10;

/** The app's subscriptions, narrowed to the policy's when it names some. */
export function scanSubscriptions(appSubscriptions: readonly string[], policySubscriptions: readonly string[]): string[] {
  const app = [...new Set(appSubscriptions.map((s) => s.toLowerCase()))];
  if (policySubscriptions.length === 0) return app;
  const wanted = new Set(policySubscriptions.map((s) => s.toLowerCase()));
  return app.filter((s) => wanted.has(s));
}

export function* driftScanOrchestrator(context: OrchestrationContext): Orchestration<DriftScanOutput> {
  const input = context.df.getInput<DriftScanInput>();
  const policy = input.policy;
  const board = new StatusBoard(context, { phase: 'scanning', ...(input.request.ticketId ? { ticketId: input.request.ticketId } : {}) });
  const now = board.now();
  const subscriptions = scanSubscriptions(input.subscriptions, policy.scope.subscriptions);

  let workspaces: Workspace[];
  try {
    workspaces = (yield callActivity(context, ACTIVITIES.queryWorkspaces, { subscriptions })) as Workspace[];
  } catch (err) {
    const f = describeFailure(err);
    board.phase('failed', { message: `the Resource Graph query failed: ${f.message}` });
    throw orchestrationFailure('DriftQueryFailed', `the Resource Graph query failed (${f.code}: ${f.message}); no report was saved`);
  }
  // Pure and deterministic: the time comes from the orchestration clock.
  const report = evaluateDrift(policy, workspaces, { now, generatedAt: now, subscriptionsInScope: input.subscriptions });
  const saved = (yield callActivity(context, ACTIVITIES.saveDriftReport, { report, instanceId: context.df.instanceId, savedAt: now, ...(input.dryRun === true ? { dryRun: true } : {}) })) as { key: string };

  const output: DriftScanOutput = {
    policyName: policy.name,
    reportKey: saved.key,
    scanned: report.scanned,
    inScope: report.inScope,
    compliant: report.compliant,
    drifted: report.drifted.length,
    refused: report.refused.length,
    remediation: [],
    remediationDeferred: 0,
  };
  if (policy.drift.mode !== 'remediate' || input.dryRun === true || report.drifted.length === 0) {
    board.phase('completed', { message: `${report.drifted.length} drifted of ${report.inScope} in scope; report ${saved.key}` });
    return output;
  }

  const limit = Math.max(0, policy.drift.max_workspaces_per_run);
  const targets = report.drifted.slice(0, limit);
  output.remediationDeferred = report.drifted.length - targets.length;
  for (const group of batches(targets, REMEDIATION_PARALLELISM)) {
    board.phase('applying', { message: `onboarding ${output.remediation.length + group.length} of ${targets.length} drifted workspace(s)` });
    const tasks: Task[] = group.map((d) =>
      callOnboardWorkspace(context, {
        workspaceId: d.workspaceId,
        policy,
        subscriptions: input.subscriptions,
        dryRun: false,
        request: { trigger: 'drift', correlationId: context.df.instanceId, ...(input.request.requestedBy ? { requestedBy: input.request.requestedBy } : {}) },
      }),
    );
    const settled = yield* settleAll<OnboardWorkspaceOutput>(context, tasks);
    settled.forEach((s, i) => {
      const d = group[i];
      if (d === undefined) return;
      const entry: DriftRemediation = { workspaceId: d.workspaceId, instanceId: instanceIdForWorkspace(d.workspaceId) };
      if (s.ok) entry.result = s.value.result;
      // Most often: an onboarding for that workspace is already running (one instance per workspace).
      else entry.error = `${s.error.code}: ${s.error.message}`;
      output.remediation.push(entry);
    });
  }
  board.phase('completed', {
    message: `${report.drifted.length} drifted; ${output.remediation.length} onboarded${output.remediationDeferred > 0 ? `, ${output.remediationDeferred} left for the next scan` : ''}`,
  });
  return output;
}
