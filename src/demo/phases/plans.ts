/** POST /plan for each drifted workspace: the full plan (computes and approver roles read live), nothing started. */
import { postPlan } from '../../functions/http-plan';
import type { Plan } from '../../planner/types';
import type { DemoEnvironment } from '../environment';
import { callHttp, describeProblem } from '../http';
import type { DemoRecorder } from '../recorder';

export function stepLine(step: { kind: string; reason: string; flags?: { needsApproval?: boolean; irreversible?: boolean } }): string {
  const flags = [step.flags?.needsApproval ? 'needs approval' : '', step.flags?.irreversible ? 'irreversible' : ''].filter((f) => f !== '');
  return `${step.kind}: ${step.reason}${flags.length > 0 ? ` (${flags.join(', ')})` : ''}`;
}

export async function planWorkspaces(env: DemoEnvironment, recorder: DemoRecorder, workspaceIds: readonly string[], lines: string[]): Promise<Map<string, Plan>> {
  const plans = new Map<string, Plan>();
  for (const workspaceId of workspaceIds) {
    const res = await callHttp(postPlan, env.invocation('httpPlan'), 'POST', '/plan', { body: { workspaceId } });
    if (res.status !== 200) throw new Error(describeProblem('POST /plan', res));
    const plan = res.body['plan'] as Plan;
    plans.set(workspaceId, plan);
    const notes = recorder.workspace(workspaceId);
    notes.plannedSteps = plan.steps.map(stepLine);
    for (const w of plan.warnings) notes.warnings.push(`${w.code}: ${w.message}`);
    const migrate = plan.steps.find((s) => s.kind === 'migrate-computes');
    lines.push(
      `${plan.workspaceName}: ${plan.steps.length} step(s), ${plan.actualMode}${plan.actualMode === plan.desiredMode ? '' : ` -> ${plan.desiredMode}`}` +
        (migrate?.kind === 'migrate-computes' ? `, ${migrate.params.computes.length} compute(s) and ${migrate.params.onlineEndpoints.length} online endpoint(s) to migrate` : '') +
        (plan.warnings.length > 0 ? `, ${plan.warnings.length} warning(s)` : ''),
    );
  }
  return plans;
}
