/**
 * Applies plan steps in order, each through an activity or a sub-orchestration, recording every outcome. The
 * first failure stops the run: later steps are recorded as not applied, never silently dropped. Approver roles
 * assigned before a provisioning step are confirmed (rules Active) after it.
 */
import type { OrchestrationContext } from 'durable-functions';
import type { WorkspaceNetworkPatch } from '../../arm/types';
import { ACTIVITIES } from '../activities/names';
import type { PatchWorkspaceNetworkOutput } from '../activities/patch-workspace-network';
import type { RuleWriteOutput } from '../activities/outbound-rules';
import type { AssignApproverRolesOutput, ProvisionNetworkOutput, RequestMetadata, StepOutcome } from '../contracts';
import type { PlanStep } from '../../planner/steps';
import { describeFailure } from './failure';
import { confirmRulesActive, DEFAULT_CONFIRM_TIMEOUT_MINUTES } from './rule-activation';
import { callActivity } from './retry';
import type { StatusBoard } from './status';
import { callAssignApproverRoles, callProvisionNetwork } from './sub-orchestrations';
import type { Orchestration } from './types';

export interface ApplyEnvironment {
  workspaceId: string;
  request: RequestMetadata;
}

export interface ApplyResult {
  ok: boolean;
  failedStep?: string;
}

export const CONFIRM_STEP_ID = 'confirm-private-endpoints';

function patchFor(step: PlanStep): WorkspaceNetworkPatch | undefined {
  switch (step.kind) {
    case 'set-isolation-mode':
      return { properties: { managedNetwork: { isolationMode: step.params.to } } };
    case 'set-firewall-sku':
      return { properties: { managedNetwork: { firewallSku: step.params.to } } };
    case 'set-public-network-access':
      return { properties: { publicNetworkAccess: step.params.to } };
    case 'set-image-build-compute':
      return { properties: { imageBuildCompute: step.params.to } };
    default:
      return undefined;
  }
}

/** One step; returns its outcome (the board records it). */
export function* applyStep(
  context: OrchestrationContext,
  step: PlanStep,
  env: ApplyEnvironment,
  board: StatusBoard,
  options: { provisioningFollows: boolean },
): Orchestration<StepOutcome> {
  const startedAt = board.now();
  const finish = (status: StepOutcome['status'], detail?: string, error?: { code: string; message: string }): StepOutcome => {
    const outcome: StepOutcome = { stepId: step.id, kind: step.kind, status, startedAt, finishedAt: board.now() };
    if (detail !== undefined) outcome.detail = detail;
    if (error !== undefined) outcome.error = error;
    return board.record(outcome);
  };
  board.phase(step.kind === 'provision-network' ? 'provisioning' : step.kind === 'assign-approver-roles' ? 'assigning-roles' : 'applying', {
    currentStep: step.id,
  });
  try {
    const patch = patchFor(step);
    if (patch !== undefined) {
      const result = (yield callActivity(context, ACTIVITIES.patchWorkspaceNetwork, { workspaceId: env.workspaceId, patch })) as PatchWorkspaceNetworkOutput;
      return finish('succeeded', result.changed ? result.changes.join('; ') : 'already as wanted: nothing written');
    }
    switch (step.kind) {
      case 'add-rule':
      case 'update-rule': {
        const rule = step.kind === 'add-rule' ? step.params.rule : step.params.to;
        const result = (yield callActivity(context, ACTIVITIES.putOutboundRule, { workspaceId: env.workspaceId, name: step.params.name, rule })) as RuleWriteOutput;
        return finish('succeeded', result.changed ? `rule ${step.params.name} written` : `rule ${step.params.name} already as wanted`);
      }
      case 'remove-rule': {
        const result = (yield callActivity(context, ACTIVITIES.deleteOutboundRule, { workspaceId: env.workspaceId, name: step.params.name })) as RuleWriteOutput;
        return finish('succeeded', result.changed ? `rule ${step.params.name} removed` : `rule ${step.params.name} already absent`);
      }
      case 'assign-approver-roles': {
        const result = (yield callAssignApproverRoles(context, {
          workspaceId: env.workspaceId,
          assignments: step.params.assignments,
          confirmActive: !options.provisioningFollows,
          request: env.request,
        })) as AssignApproverRolesOutput;
        const created = result.assigned.filter((a) => a.created).length;
        const detail = `${result.assigned.length} assignment(s), ${created} new${result.customRoles.length > 0 ? `, ${result.customRoles.length} custom role(s)` : ''}`;
        if (!options.provisioningFollows && result.deferred === true) {
          return finish('succeeded', `${detail}; the managed network is not provisioned yet: the rules become Active once it is`);
        }
        if (!options.provisioningFollows && !result.confirmed) {
          return finish('failed', detail, { code: 'PrivateEndpointsNotActive', message: describeRules(result) });
        }
        return finish('succeeded', options.provisioningFollows ? `${detail}; rules confirmed after provisioning` : `${detail}; ${describeRules(result)}`);
      }
      case 'provision-network': {
        const result = (yield callProvisionNetwork(context, {
          workspaceId: env.workspaceId,
          includeSpark: step.params.includeSpark,
          timeoutMinutes: step.params.timeoutMinutes,
          request: env.request,
        })) as ProvisionNetworkOutput;
        return finish('succeeded', `managed network Active${result.sparkReady ? ' (Spark ready)' : ''} after ${result.polls} check(s)`);
      }
      case 'govern-through-hub':
        return finish('skipped', `a project uses its hub's managed network: onboard the hub ${step.params.hubResourceId}${step.params.hubReasons.length > 0 ? ` (${step.params.hubReasons.join('; ')})` : ''}`);
      case 'migrate-computes':
        // The onboarding hands the whole migration to the migrateComputes sub-orchestration.
        return finish('failed', undefined, { code: 'NotApplicableHere', message: 'migrate-computes runs as its own orchestration' });
      default:
        return finish('failed', undefined, { code: 'UnknownStep', message: `no way to apply step kind ${(step as PlanStep).kind}` });
    }
  } catch (err) {
    return finish('failed', undefined, describeFailure(err));
  }
}

function describeRules(result: AssignApproverRolesOutput): string {
  if (result.rules.length === 0) return 'no private endpoint rules to confirm';
  return result.rules.map((r) => `${r.name}: ${r.status}`).join(', ');
}

/** Steps in order; stops at the first failure and records the rest as not applied. */
export function* applySteps(
  context: OrchestrationContext,
  steps: readonly PlanStep[],
  env: ApplyEnvironment,
  board: StatusBoard,
  confirmTimeoutMinutes: number = DEFAULT_CONFIRM_TIMEOUT_MINUTES,
): Orchestration<ApplyResult> {
  let unconfirmedScopes: string[] = [];
  for (let i = 0; i < steps.length; i += 1) {
    const step = steps[i] as PlanStep;
    const provisioningFollows = steps.slice(i + 1).some((s) => s.kind === 'provision-network');
    const outcome = yield* applyStep(context, step, env, board, { provisioningFollows });
    if (outcome.status === 'failed') {
      markNotApplied(board, steps.slice(i + 1), `not applied: step ${step.id} failed`);
      return { ok: false, failedStep: step.id };
    }
    if (step.kind === 'assign-approver-roles' && provisioningFollows) unconfirmedScopes = [...new Set(step.params.assignments.map((a) => a.scope))];
    if (step.kind === 'provision-network' && unconfirmedScopes.length > 0) {
      const startedAt = board.now();
      board.phase('assigning-roles', { currentStep: CONFIRM_STEP_ID });
      const confirmation = yield* confirmRulesActive(context, env.workspaceId, unconfirmedScopes, confirmTimeoutMinutes);
      unconfirmedScopes = [];
      const outcome: StepOutcome = {
        stepId: CONFIRM_STEP_ID,
        kind: CONFIRM_STEP_ID,
        status: confirmation.confirmed ? 'succeeded' : 'failed',
        startedAt,
        finishedAt: board.now(),
        detail: confirmation.detail,
      };
      if (!confirmation.confirmed) outcome.error = { code: 'PrivateEndpointsNotActive', message: confirmation.detail };
      board.record(outcome);
      if (!confirmation.confirmed) {
        markNotApplied(board, steps.slice(i + 1), `not applied: ${CONFIRM_STEP_ID} failed`);
        return { ok: false, failedStep: CONFIRM_STEP_ID };
      }
    }
  }
  return { ok: true };
}

export function markNotApplied(board: StatusBoard, steps: readonly PlanStep[], detail: string): void {
  for (const step of steps) board.mark(step.id, step.kind, 'skipped', detail);
}
