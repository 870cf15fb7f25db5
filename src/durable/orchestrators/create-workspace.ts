/**
 * createWorkspace: a new workspace (Default, Hub, or a Project under an existing hub) with the policy's managed
 * network set at creation. Dependent resources are the request's or created with safe defaults; then approver
 * roles, provisioning (at creation when nothing must come first, otherwise right after the roles) and the
 * confirmation that private endpoint rules are Active.
 */
import type { OrchestrationContext } from 'durable-functions';
import { ACTIVITIES } from '../activities/names';
import { CREATION_TAG, type StartCreateWorkspaceOutput, type WorkspaceCreationPlan } from '../activities/create-workspace';
import type { ResourcePresence } from '../activities/operations';
import type { RuleWriteOutput } from '../activities/outbound-rules';
import type {
  AssignApproverRolesOutput,
  CreateWorkspaceInput,
  CreateWorkspaceOutput,
  OrchestrationError,
  ProvisionNetworkOutput,
  StepOutcome,
} from '../contracts';
import { awaitOperations } from './await-operations';
import { describeFailure } from './failure';
import { addMinutes } from './poll';
import { provisioningTimeoutMinutes } from './migration-phases';
import { confirmRulesActive, DEFAULT_CONFIRM_TIMEOUT_MINUTES } from './rule-activation';
import { callActivity } from './retry';
import { settleAll } from './settle';
import { StatusBoard } from './status';
import { callAssignApproverRoles, callProvisionNetwork } from './sub-orchestrations';
import type { Orchestration } from './types';

const CREATE_TIMEOUT_MINUTES = 60;

export function* createWorkspaceOrchestrator(context: OrchestrationContext): Orchestration<CreateWorkspaceOutput> {
  const input = context.df.getInput<CreateWorkspaceInput>();
  const board = new StatusBoard(context, { phase: 'planning', ...(input.request.ticketId ? { ticketId: input.request.ticketId } : {}) });
  const out: CreateWorkspaceOutput = { workspaceId: '', result: 'failed', outcomes: board.outcomes, dependencies: {}, errors: [] };
  const step = (id: string, status: StepOutcome['status'], startedAt: string, detail?: string, error?: OrchestrationError): void => {
    const o: StepOutcome = { stepId: id, kind: 'create-workspace', status, startedAt, finishedAt: board.now() };
    if (detail !== undefined) o.detail = detail;
    if (error !== undefined) {
      o.error = error;
      out.errors.push(error);
    }
    board.record(o);
  };
  const finish = (result: CreateWorkspaceOutput['result'], message: string): CreateWorkspaceOutput => {
    out.result = result;
    board.phase(result === 'failed' ? 'failed' : 'completed', { message });
    return out;
  };

  let started = board.now();
  let plan: WorkspaceCreationPlan;
  try {
    plan = (yield callActivity(context, ACTIVITIES.planWorkspaceCreation, { request: input })) as WorkspaceCreationPlan;
  } catch (err) {
    step('plan', 'failed', started, undefined, describeFailure(err));
    return finish('failed', 'the creation could not be planned; nothing was created');
  }
  out.workspaceId = plan.workspaceId;
  for (const d of plan.dependencies) out.dependencies[d.kind] = d.resourceId;
  const ruleCount = Object.keys(plan.body.properties.managedNetwork?.outboundRules ?? {}).length;
  const rolesNeeded = plan.body.properties.managedNetwork !== undefined && input.policy.approver_roles.assign;
  const provisions = plan.provisionNetworkNow || plan.provisionAfterRoles;
  const planned = [
    ...plan.dependencies.map((d) => `dependency:${d.kind}`),
    'create',
    ...plan.deferredRules.map((r) => `add-rule:${r.name}`),
    ...(rolesNeeded ? ['assign-approver-roles'] : []),
    ...(provisions ? ['provision-network'] : []),
  ];
  step('plan', 'succeeded', started, `${plan.body.kind ?? 'Default'} workspace, ${ruleCount} rule(s) at creation${plan.warnings.length > 0 ? `; ${plan.warnings.join('; ')}` : ''}`);
  if (input.dryRun === true) {
    for (const id of planned) board.mark(id, 'create-workspace', 'planned');
    return finish('dry-run', 'dry run: nothing was created');
  }

  // A workspace of that name that is not this request's own (an earlier attempt tags it) is left alone, before
  // anything is created for it.
  started = board.now();
  const presence = (yield callActivity(context, ACTIVITIES.readResourcePresence, { kind: 'workspace', resourceId: plan.workspaceId })) as ResourcePresence;
  if (presence.exists && presence.tags?.[CREATION_TAG] !== context.df.instanceId) {
    step('create', 'skipped', started, 'a workspace of that name already exists: left as it is (onboard it instead)');
    return finish('exists', `${plan.workspaceId} already exists; nothing was changed`);
  }

  // Dependencies (given ones must exist; missing defaults are created with safe settings).
  if (plan.dependencies.length > 0) {
    started = board.now();
    board.phase('applying', { currentStep: 'dependencies' });
    const settled = yield* settleAll<{ resourceId: string; created: boolean }>(
      context,
      plan.dependencies.map((d) => callActivity(context, ACTIVITIES.ensureDependencyResource, { dependency: d })),
    );
    const failures = settled.flatMap((s, i) => (s.ok ? [] : [`${plan.dependencies[i]?.kind ?? '?'}: ${s.error.message}`]));
    const created = settled.flatMap((s) => (s.ok && s.value.created ? [s.value.resourceId] : []));
    if (failures.length > 0) {
      step('dependencies', 'failed', started, created.length > 0 ? `created: ${created.join(', ')}` : undefined, { code: 'DependencyFailed', message: failures.join('; ') });
      return finish('failed', 'dependent resources are not in place; the workspace was not created');
    }
    step('dependencies', 'succeeded', started, created.length > 0 ? `created ${created.join(', ')}` : 'all given and present');
  }

  // The workspace itself.
  started = board.now();
  board.phase('applying', { currentStep: 'create' });
  let start: StartCreateWorkspaceOutput;
  try {
    start = (yield callActivity(context, ACTIVITIES.startCreateWorkspace, { workspaceId: plan.workspaceId, body: plan.body, requestId: context.df.instanceId })) as StartCreateWorkspaceOutput;
  } catch (err) {
    step('create', 'failed', started, undefined, describeFailure(err));
    return finish('failed', 'the workspace could not be created');
  }
  if (start.state === 'exists' && !start.ours) {
    step('create', 'skipped', started, 'a workspace of that name already exists: left as it is (onboard it instead)');
    return finish('exists', `${plan.workspaceId} already exists; nothing was changed`);
  }
  const [created] = yield* awaitOperations(
    context,
    [{ label: 'workspace', kind: 'workspace', expect: 'present', start: start.state === 'started' ? start : { state: 'in-progress', resourceId: start.resourceId } }],
    addMinutes(context.df.currentUtcDateTime, CREATE_TIMEOUT_MINUTES),
  );
  if (created === undefined || !created.ok) {
    step('create', 'failed', started, undefined, { code: 'CreateFailed', message: created?.error ?? 'no result' });
    return finish('failed', 'the workspace creation failed');
  }
  step('create', 'succeeded', started, `created with ${ruleCount} outbound rule(s)${plan.provisionNetworkNow ? ', provisioning at creation' : ''}`);

  // Rules that cannot be set at creation, one at a time.
  for (const r of plan.deferredRules) {
    started = board.now();
    try {
      const result = (yield callActivity(context, ACTIVITIES.putOutboundRule, { workspaceId: plan.workspaceId, name: r.name, rule: r.rule })) as RuleWriteOutput;
      step(`add-rule:${r.name}`, 'succeeded', started, result.changed ? 'written' : 'already as wanted');
    } catch (err) {
      step(`add-rule:${r.name}`, 'failed', started, undefined, describeFailure(err));
      return finish('failed', `the workspace exists; rule ${r.name} could not be added (onboard the workspace to finish)`);
    }
  }

  // Approver roles; confirmed after provisioning when provisioning follows.
  let scopes: string[] = [];
  if (rolesNeeded) {
    started = board.now();
    try {
      const roles = (yield callAssignApproverRoles(context, {
        workspaceId: plan.workspaceId,
        policy: input.policy,
        ...(input.subscriptions !== undefined ? { subscriptions: input.subscriptions } : {}),
        confirmActive: !provisions,
        request: input.request,
      })) as AssignApproverRolesOutput;
      scopes = [...new Set(roles.assigned.map((a) => a.scope))];
      const ok = provisions || roles.confirmed || roles.deferred === true || roles.assigned.length === 0;
      step('assign-approver-roles', ok ? 'succeeded' : 'failed', started, `${roles.assigned.length} assignment(s)`, ok ? undefined : { code: 'PrivateEndpointsNotActive', message: roles.rules.map((r) => `${r.name}: ${r.status}`).join(', ') });
      if (!ok) return finish('failed', 'the workspace exists; its private endpoint rules did not become Active');
    } catch (err) {
      step('assign-approver-roles', 'failed', started, undefined, describeFailure(err));
      return finish('failed', 'the workspace exists; approver roles could not be assigned (onboard the workspace to finish)');
    }
  }

  if (provisions) {
    started = board.now();
    const hasFqdn = Object.values(plan.body.properties.managedNetwork?.outboundRules ?? {}).some((r) => r.type === 'FQDN');
    try {
      const result = (yield callProvisionNetwork(context, {
        workspaceId: plan.workspaceId,
        includeSpark: input.policy.provisioning.include_spark,
        timeoutMinutes: provisioningTimeoutMinutes(input.policy, hasFqdn),
        alreadyStarted: plan.provisionNetworkNow,
        request: input.request,
      })) as ProvisionNetworkOutput;
      step('provision-network', 'succeeded', started, `managed network Active after ${result.polls} check(s)`);
    } catch (err) {
      step('provision-network', 'failed', started, undefined, describeFailure(err));
      return finish('failed', 'the workspace exists; its managed network is not provisioned');
    }
    if (scopes.length > 0) {
      started = board.now();
      const confirmation = yield* confirmRulesActive(context, plan.workspaceId, scopes, DEFAULT_CONFIRM_TIMEOUT_MINUTES);
      step('confirm-private-endpoints', confirmation.confirmed ? 'succeeded' : 'failed', started, confirmation.detail, confirmation.confirmed ? undefined : { code: 'PrivateEndpointsNotActive', message: confirmation.detail });
      if (!confirmation.confirmed) return finish('failed', 'the workspace exists; its private endpoint rules did not become Active');
    }
  }
  return finish('created', `${plan.workspaceId} created`);
}
