/**
 * Every orchestrator and activity by name. The same two maps feed the Functions host (registerDurableFunctions,
 * called from src/app.ts) and the LocalDurableHost (tests, CLI).
 */
import * as df from 'durable-functions';
import type { ActivityHandler, ExceptionPropertiesProvider, OrchestrationHandler } from 'durable-functions';
import { ArmError } from '../arm/client/errors';
import { ORCHESTRATORS } from './contracts';
import { ACTIVITIES } from './activities/names';
import { assignApproverRole, planApproverAssignments, resolveCustomApproverRole } from './activities/approver-roles';
import { ensureDependencyResource, planWorkspaceCreation, startCreateWorkspace } from './activities/create-workspace';
import { queryWorkspaces, saveDriftReport } from './activities/drift';
import { inventoryComputes } from './activities/inventory-computes';
import { pollOperation, readResourcePresence } from './activities/operations';
import { deleteOutboundRule, putOutboundRule } from './activities/outbound-rules';
import { patchWorkspaceNetwork } from './activities/patch-workspace-network';
import { planWorkspace } from './activities/plan-workspace';
import { readNetworkStatus } from './activities/read-network-status';
import { readWorkspaceState } from './activities/read-workspace-state';
import { readMigrationManifest, snapshotComputes } from './activities/snapshot-computes';
import { startDeleteCompute, startDeleteOnlineDeployment, startDeleteOnlineEndpoint } from './activities/start-delete';
import { startProvisionNetwork } from './activities/start-provision-network';
import {
  startRecreateCompute,
  startRecreateOnlineDeployment,
  startRecreateOnlineEndpoint,
  startRestoreEndpointTraffic,
} from './activities/start-recreate';
import { verifyMigration } from './activities/verify-migration';
import { assignApproverRolesOrchestrator } from './orchestrators/assign-approver-roles';
import { createWorkspaceOrchestrator } from './orchestrators/create-workspace';
import { driftScanOrchestrator } from './orchestrators/drift-scan';
import { migrateComputesOrchestrator } from './orchestrators/migrate-computes';
import { onboardWorkspaceOrchestrator } from './orchestrators/onboard-workspace';
import { provisionNetworkOrchestrator } from './orchestrators/provision-network';
import { resumeMigrationOrchestrator } from './orchestrators/resume-migration';

export const orchestrators: Record<string, OrchestrationHandler> = {
  [ORCHESTRATORS.onboardWorkspace]: onboardWorkspaceOrchestrator,
  [ORCHESTRATORS.provisionNetwork]: provisionNetworkOrchestrator,
  [ORCHESTRATORS.assignApproverRoles]: assignApproverRolesOrchestrator,
  [ORCHESTRATORS.migrateComputes]: migrateComputesOrchestrator,
  [ORCHESTRATORS.resumeMigration]: resumeMigrationOrchestrator,
  [ORCHESTRATORS.driftScan]: driftScanOrchestrator,
  [ORCHESTRATORS.createWorkspace]: createWorkspaceOrchestrator,
};

export const activities: Record<string, ActivityHandler> = {
  [ACTIVITIES.readWorkspaceState]: readWorkspaceState,
  [ACTIVITIES.planWorkspace]: planWorkspace,
  [ACTIVITIES.readNetworkStatus]: readNetworkStatus,
  [ACTIVITIES.patchWorkspaceNetwork]: patchWorkspaceNetwork,
  [ACTIVITIES.putOutboundRule]: putOutboundRule,
  [ACTIVITIES.deleteOutboundRule]: deleteOutboundRule,
  [ACTIVITIES.startProvisionNetwork]: startProvisionNetwork,
  [ACTIVITIES.pollOperation]: pollOperation,
  [ACTIVITIES.readResourcePresence]: readResourcePresence,
  [ACTIVITIES.planApproverAssignments]: planApproverAssignments,
  [ACTIVITIES.resolveCustomApproverRole]: resolveCustomApproverRole,
  [ACTIVITIES.assignApproverRole]: assignApproverRole,
  [ACTIVITIES.inventoryComputes]: inventoryComputes,
  [ACTIVITIES.snapshotComputes]: snapshotComputes,
  [ACTIVITIES.readMigrationManifest]: readMigrationManifest,
  [ACTIVITIES.startDeleteCompute]: startDeleteCompute,
  [ACTIVITIES.startDeleteOnlineEndpoint]: startDeleteOnlineEndpoint,
  [ACTIVITIES.startDeleteOnlineDeployment]: startDeleteOnlineDeployment,
  [ACTIVITIES.startRecreateCompute]: startRecreateCompute,
  [ACTIVITIES.startRecreateOnlineEndpoint]: startRecreateOnlineEndpoint,
  [ACTIVITIES.startRecreateOnlineDeployment]: startRecreateOnlineDeployment,
  [ACTIVITIES.startRestoreEndpointTraffic]: startRestoreEndpointTraffic,
  [ACTIVITIES.verifyMigration]: verifyMigration,
  [ACTIVITIES.queryWorkspaces]: queryWorkspaces,
  [ACTIVITIES.saveDriftReport]: saveDriftReport,
  [ACTIVITIES.planWorkspaceCreation]: planWorkspaceCreation,
  [ACTIVITIES.ensureDependencyResource]: ensureDependencyResource,
  [ACTIVITIES.startCreateWorkspace]: startCreateWorkspace,
};

/**
 * Carries an ArmError's code and HTTP status to the orchestrator (TaskFailedError.failureDetails.properties), so
 * step records name the service's error code. Plain key/values only (the worker redacts secret-shaped text).
 */
export const armFailureProperties: ExceptionPropertiesProvider = {
  getExceptionProperties(error: unknown): Record<string, unknown> | undefined {
    if (error instanceof ArmError) return { armCode: error.code, armStatus: error.status };
    return undefined;
  },
};

let failurePropertiesInstalled = false;

/** Process-wide (the library keeps one provider); the Functions app and the local host both call it. */
export function installFailureProperties(): void {
  if (failurePropertiesInstalled) return;
  failurePropertiesInstalled = true;
  df.app.setExceptionPropertiesProvider(armFailureProperties);
}

let registered = false;

export function registerDurableFunctions(): void {
  if (registered) return;
  registered = true;
  installFailureProperties();
  for (const [name, handler] of Object.entries(orchestrators)) df.app.orchestration(name, handler);
  for (const [name, handler] of Object.entries(activities)) df.app.activity(name, { handler });
}
