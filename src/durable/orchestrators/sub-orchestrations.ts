/**
 * Sub-orchestrations run under the deterministic per-workspace ids of instance-ids.ts: at most one provisioning,
 * one role assignment and one migration per workspace at a time (a second caller fails instead of racing).
 */
import type { OrchestrationContext, Task } from 'durable-functions';
import {
  ORCHESTRATORS,
  type AssignApproverRolesInput,
  type MigrateComputesInput,
  type OnboardWorkspaceInput,
  type ProvisionNetworkInput,
} from '../contracts';
import { instanceIdForWorkspace } from '../instance-ids';

export function callProvisionNetwork(context: OrchestrationContext, input: ProvisionNetworkInput): Task {
  return context.df.callSubOrchestrator(ORCHESTRATORS.provisionNetwork, input, instanceIdForWorkspace(input.workspaceId, 'provision'));
}

export function callAssignApproverRoles(context: OrchestrationContext, input: AssignApproverRolesInput): Task {
  return context.df.callSubOrchestrator(ORCHESTRATORS.assignApproverRoles, input, instanceIdForWorkspace(input.workspaceId, 'roles'));
}

export function callMigrateComputes(context: OrchestrationContext, input: MigrateComputesInput): Task {
  return context.df.callSubOrchestrator(ORCHESTRATORS.migrateComputes, input, instanceIdForWorkspace(input.workspaceId, 'migrate'));
}

export function callOnboardWorkspace(context: OrchestrationContext, input: OnboardWorkspaceInput): Task {
  return context.df.callSubOrchestrator(ORCHESTRATORS.onboardWorkspace, input, instanceIdForWorkspace(input.workspaceId, 'onboard'));
}
